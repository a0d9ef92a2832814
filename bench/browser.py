"""In a real server and Chromium: memory with ten signed-in sessions, and each page's figures against an empty page.

`browser_and_memory` serves the benchmark database, signs ten browser contexts in (ten sessions), lets each visit
every page, reads the server's resident memory, then times fresh loads of every page until its figures are
visible — every metric, table and chart drawn — against the same for an empty Streamlit page (the floor).
`python -m bench.browser` does the timing part on a fresh demo database.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlalchemy import Engine

from db.engine import make_engine
from db.migrate import upgrade
from db.period import Period
from db.permissions import Actor
from db.users import account, create_user, reset_password
from harness.browser import CHROMIUM, CHROMIUM_ARGS, login
from harness.server import streamlit_server
from ui.registry import PAGES

EMPTY_PAGE = 'import streamlit as st\nst.metric("empty", 0)\n'
SESSIONS, RUNS = 10, 3
USER = "bench_browser"
# Drawn: the script finished, no placeholder left, every chart rendered, and the page shows something.
FIGURES_VISIBLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
    if (!chart.querySelector('canvas, svg')) return false;
  return document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]').length > 0;
}"""


def page_url(base: str, script: str, period: Period) -> str:
    """The URL of a page script for the period."""
    path = "" if script == "dashboard.py" else Path(script).stem
    return f"{base}/{path}?start={period.start}&end={period.end}"


def load_ms(page, url: str, runs: int = RUNS) -> list[float]:
    """Seconds from navigation until the page's figures are visible, for each of `runs` fresh loads."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_function(FIGURES_VISIBLE, timeout=300_000, polling=20)
        timings.append(time.perf_counter() - started)
    return timings


def server_rss_mb(port: int) -> float:
    """Resident memory of the `streamlit run` process serving `port`, in MB."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"streamlit" in b" ".join(command) and str(port).encode() in command:
                status = (entry / "status").read_text()
                return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) / 1024
    raise LookupError(f"no streamlit process on port {port}")


def _bench_user(engine: Engine) -> str:
    password, admin = secrets.token_urlsafe(18), Actor("bench", "admin", "bench")
    if account(engine, USER) is None:
        create_user(engine, admin, username=USER, display_name="浏览器基准", role="admin", password=password)
    else:
        reset_password(engine, admin, username=USER, password=password)
    return password


def browser_and_memory(engine: Engine, period: Period, page_rows: list[dict]) -> dict:
    """RSS with SESSIONS sessions having visited every page, and per page warm load ÷ empty page (adds
    browser_ms and browser_ratio to `page_rows` of the current year); returns the run's figures."""
    password = _bench_user(engine)
    env = {"DATABASE_URL": engine.url.render_as_string(hide_password=False),
           "AUTH_COOKIE_KEY": os.environ["AUTH_COOKIE_KEY"]}
    folder = Path(tempfile.mkdtemp())
    (folder / "empty.py").write_text(EMPTY_PAGE)
    with streamlit_server(env) as port, streamlit_server(env, script=str(folder / "empty.py")) as empty_port, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base = f"http://127.0.0.1:{port}"
        contexts = []
        for _ in range(SESSIONS):
            context = browser.new_context(viewport={"width": 1440, "height": 1000})
            tab = context.new_page()
            login(tab, base, USER, password)
            for spec in PAGES:
                load_ms(tab, page_url(base, spec.script, period), runs=1)
            contexts.append(tab)
        rss = server_rss_mb(port)
        print(f"server RSS with {SESSIONS} sessions after every page: {rss:,.0f} MB", flush=True)
        empty = statistics.median(load_ms(contexts[0], f"http://127.0.0.1:{empty_port}/")) * 1000
        ratios = {}
        for spec in PAGES:
            timings = load_ms(contexts[0], page_url(base, spec.script, period))
            ms = statistics.median(timings) * 1000
            ratios[spec.key] = ms / empty
            for row in page_rows:
                if row["page"] == spec.key and row["period"] == "current_year":
                    row |= {"browser_ms": round(ms, 1), "browser_ms_min": round(min(timings) * 1000, 1),
                            "browser_ms_max": round(max(timings) * 1000, 1), "browser_ratio": round(ms / empty, 2)}
            print(f"browser {spec.key:<15}{ms:>9.0f} ms  {ms / empty:>5.2f}x empty ({empty:.0f} ms)", flush=True)
        browser.close()
    worst = max(ratios, key=ratios.get)
    return {"rss_mb": round(rss, 1), "browser_empty_ms": round(empty, 1),
            "browser_ratio": round(ratios[worst], 2), "browser_ratio_worst_page": worst}


def main() -> None:
    """Time every page against the empty page on a fresh demo database."""
    os.environ.setdefault("AUTH_COOKIE_KEY", secrets.token_urlsafe(48))
    folder = Path(tempfile.mkdtemp())
    engine = make_engine(f"sqlite:///{folder / 'demo.db'}")
    upgrade(engine)
    from seed.demo import load_demo

    load_demo(engine, today=dt.date.today())
    rows = [{"page": spec.key, "period": "current_year"} for spec in PAGES]
    print(browser_and_memory(engine, Period.year(2024), rows))


if __name__ == "__main__":
    main()
