"""The benchmark databases: the demo, or province-scale synthetic data kept between runs."""
from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from db.bootstrap import is_empty
from db.engine import make_engine
from db.migrate import upgrade
from db.permissions import Actor
from db.users import account, create_user
from seed.demo import load_demo
from seed.scale import ScaleSpec, load_scale

BENCH_DIR = Path(__file__).resolve().parent.parent / "data" / "bench"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BENCH_USER = "bench_admin"


def bench_engine(backend: str, scale: str, *, pg_url: str | None = None, sqlite_path: str | None = None,
                 rebuild: bool = False) -> Engine:
    """An engine on the benchmark database for (backend, scale), built if missing or asked to.

    On PostgreSQL `pg_url` names the database to use (created on its server if missing); by default
    bench_SCALE on the local server. On SQLite `sqlite_path` names the file (default data/bench/bench_SCALE.db).
    """
    name = f"bench_{scale}"
    if backend == "sqlite":
        path = Path(sqlite_path) if sqlite_path else BENCH_DIR / f"{name}.db"
        if rebuild:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        engine = make_engine(f"sqlite:///{path}")
    else:
        url = make_url(pg_url) if pg_url else make_url(PG_ADMIN_URL).set(database=name)
        engine = make_engine(_postgres_database(url, rebuild))
    upgrade(engine)
    if is_empty(engine):
        if scale == "province":
            load_scale(engine, ScaleSpec())
        else:
            load_demo(engine, today=dt.date.today())
    return engine


def bench_actor(engine: Engine) -> Actor:
    """An admin account for the benchmark's page runs (created once per database)."""
    if account(engine, BENCH_USER) is None:
        system = Actor("bench", "admin", "bench")
        create_user(engine, system, username=BENCH_USER, display_name="基准测试", role="admin",
                    password=secrets.token_urlsafe(24))
    return Actor(BENCH_USER, "admin", "基准测试")


def _postgres_database(url, rebuild: bool) -> str:
    name = url.database
    admin = make_engine(url.set(database="postgres").render_as_string(hide_password=False)).execution_options(
        isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if rebuild:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.render_as_string(hide_password=False)
