"""Browser timing: until the Overview's figures are visible, against an empty Streamlit page (the floor).

`python -m bench.browser [--runs 5]` starts both apps on free ports against a fresh demo
database, signs in once, and reports the median of fresh page loads in Debian's Chromium.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from db.engine import make_engine
from db.migrate import upgrade
from seed.demo import DEMO_ACCOUNTS, load_demo
from harness.browser import CHROMIUM, CHROMIUM_ARGS, login
from harness.server import streamlit_server

EMPTY_PAGE = 'import streamlit as st\nst.metric("empty", 0)\n'


def median_load_ms(page, url: str, runs: int) -> float:
    """Median milliseconds from navigation until the first KPI card's value is visible."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        page.goto(url)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(state="visible", timeout=60_000)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    """Measure the Overview and the empty page in one browser and print the ratio."""
    parser = argparse.ArgumentParser(prog="python -m bench.browser")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'demo.db'}"
    engine = make_engine(url)
    upgrade(engine)
    load_demo(engine, today=dt.date.today())
    (folder / "empty.py").write_text(EMPTY_PAGE)
    env = {"DATABASE_URL": url, "AUTH_COOKIE_KEY": os.environ.get("AUTH_COOKIE_KEY", secrets.token_urlsafe(48))}
    staff = next(a for a in DEMO_ACCOUNTS if a.role == "staff")
    with streamlit_server(env) as app_port, streamlit_server(env, script=str(folder / "empty.py")) as empty_port, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        login(page, f"http://127.0.0.1:{app_port}", staff.username, staff.password)
        overview = median_load_ms(page, f"http://127.0.0.1:{app_port}/?start=2024-01-01&end=2024-12-31", args.runs)
        empty = median_load_ms(page, f"http://127.0.0.1:{empty_port}/", args.runs)
        browser.close()
    print(f"Overview figures visible: {overview:,.0f} ms; empty Streamlit page: {empty:,.0f} ms; "
          f"ratio {overview / empty:.2f} (target ≤ 1.3)")


if __name__ == "__main__":
    main()
