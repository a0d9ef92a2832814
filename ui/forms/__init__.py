"""Data-entry forms, each calling exactly one command; pages embed them."""
