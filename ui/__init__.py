"""Streamlit-side helpers: the page frame, strings, charts and cached reads."""
