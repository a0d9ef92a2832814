"""Reads for the pages, one module per area: small results already aggregated by the database."""
