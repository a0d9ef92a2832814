"""Where the database is: DATABASE_URL, else Streamlit secrets, else the embedded SQLite file."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_SQLITE_PATH = DATA_DIR / "dashboard.db"
SECRETS_PATH = ROOT / ".streamlit" / "secrets.toml"


def database_url() -> str:
    """The configured SQLAlchemy URL, normalised so PostgreSQL uses psycopg 3."""
    url = os.environ.get("DATABASE_URL") or _url_from_secrets() or f"sqlite:///{DEFAULT_SQLITE_PATH}"
    return normalise_url(url)


def normalise_url(url: str) -> str:
    """Map the bare `postgres://` / `postgresql://` schemes to the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def is_default_sqlite(url: str) -> bool:
    """True when `url` is the embedded default file, which the app may create and fill with the demo."""
    return url == f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _url_from_secrets() -> str | None:
    if not SECRETS_PATH.exists():
        return None
    with SECRETS_PATH.open("rb") as fh:
        secrets = tomllib.load(fh)
    return secrets.get("connections", {}).get("sql", {}).get("url")
