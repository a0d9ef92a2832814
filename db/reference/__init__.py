"""The figures computed straight from the base tables, as before the summaries: the reference the property test
holds the summaries to, and the floor the benchmark compares pages with. No page reads these."""
