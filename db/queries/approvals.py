"""Reads for the Approvals page."""
