"""`python -m bench.compare BEFORE.json AFTER.json [--period current_year]`: two bench runs side by side, as Markdown.

Per page: warm, cold and floor before; warm, cold, floor, summary floor and cold ÷ floor after (medians, ms);
then the run's figures (naive pattern with and without caching, write, memory, browser) before and after.
"""
from __future__ import annotations

import argparse
import json

RUN_FIGURES = ("naive_overview_ms", "naive_cached_rerun_ms", "write_ms", "rss_mb", "browser_empty_ms",
               "browser_ratio", "browser_ratio_worst_page")


def _cell(value, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}" if isinstance(value, (int, float)) else str(value)


def page_table(before: dict, after: dict, period: str) -> list[str]:
    """Markdown rows comparing every page for one period."""
    old = {row["page"]: row for row in before["pages"] if row["period"] == period}
    lines = [f"| page ({period}) | warm before | cold before | floor before | warm after | cold after | floor after "
             "| summary floor | cold ÷ floor | browser before | browser after |", "|---" * 11 + "|"]
    for row in (r for r in after["pages"] if r["period"] == period):
        was = old.get(row["page"], {})
        lines.append("| " + " | ".join([
            row["page"], _cell(was.get("warm_ms")), _cell(was.get("cold_ms")), _cell(was.get("floor_ms")),
            _cell(row["warm_ms"]), _cell(row["cold_ms"]), _cell(row["floor_ms"]), _cell(row["summary_floor_ms"]),
            _cell(row["cold_floor_ratio"], 3), _cell(was.get("browser_ms")), _cell(row.get("browser_ms"))]) + " |")
    return lines


def run_table(before: dict, after: dict) -> list[str]:
    """Markdown rows of the run-wide figures, before and after (median [min–max])."""
    lines = ["| figure | before | after |", "|---|---|---|"]
    for name in RUN_FIGURES:
        def shown(run: dict) -> str:
            value = run.get(name)
            low, high = run.get(f"{name}_min"), run.get(f"{name}_max")
            return _cell(value, 1) + (f" [{_cell(low, 1)}–{_cell(high, 1)}]" if low is not None else "")
        lines.append(f"| {name} | {shown(before['run'])} | {shown(after['run'])} |")
    return lines


def main() -> None:
    """Print the comparison."""
    parser = argparse.ArgumentParser(prog="python -m bench.compare")
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--period", action="append", help="current_year, last_year, everything (default all)")
    args = parser.parse_args()
    with open(args.before, encoding="utf-8") as b, open(args.after, encoding="utf-8") as a:
        before, after = json.load(b), json.load(a)
    for period in args.period or ("current_year", "last_year", "everything"):
        print("\n".join(page_table(before, after, period)) + "\n")
    print("\n".join(run_table(before, after)))


if __name__ == "__main__":
    main()
