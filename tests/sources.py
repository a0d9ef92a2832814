"""The project's own Python files, for the tests that scan source code: every folder but tests and the venv."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIPPED = {"tests", ".venv", ".git", "data", "docs"}


def product_sources() -> list[Path]:
    """Every .py file of the app, its command line, seed, bench and harness."""
    return sorted(path for path in ROOT.rglob("*.py")
                  if not SKIPPED & set(path.relative_to(ROOT).parts[:1]))


def package_of(path: Path) -> str:
    """The top-level folder (or, for dashboard.py, "pages") a file belongs to."""
    parts = path.relative_to(ROOT).parts
    return "pages" if parts == ("dashboard.py",) else parts[0]
