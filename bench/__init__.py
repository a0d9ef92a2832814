"""Benchmarks: `python -m bench --backend sqlite|postgres --scale demo|province`."""
