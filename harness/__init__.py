"""What the tests and the benchmarks both drive: a live Streamlit server, Chromium, the sign-in, query plans.

Neither tests nor bench owns it, so neither imports the other.
"""
