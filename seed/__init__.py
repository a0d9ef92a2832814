"""Demo and synthetic data for the supervision dashboard (`python -m seed demo`)."""
