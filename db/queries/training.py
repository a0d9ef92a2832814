"""Reads for the Training page."""
