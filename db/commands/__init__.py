"""Writes. Every command checks the actor's role, validates, writes in one audited transaction."""
