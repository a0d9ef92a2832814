"""Backups and the restore drill: a backup is only as good as a restore that gives the same figures.

SQLite is copied with its online backup API (consistent while the app writes);
PostgreSQL with pg_dump's custom format, restored with pg_restore.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from db.bootstrap import data_tables
from db.engine import make_engine
from db.kpis import compute
from db.period import Period


def backup(engine: Engine, target: Path) -> Path:
    """Write a consistent backup of the database to `target`."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(url.database) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
    else:
        subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq(url)],
                       check=True, capture_output=True)
    return target


def restore(backup_file: Path, engine_like: Engine, scratch_name: str) -> str:
    """Restore `backup_file` into a new scratch database of the same kind; returns its URL."""
    url = engine_like.url
    if url.get_backend_name() == "sqlite":
        target = Path(tempfile.mkdtemp()) / f"{scratch_name}.db"
        with sqlite3.connect(backup_file) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        return f"sqlite:///{target}"
    admin = make_engine(url.set(database="postgres").render_as_string(hide_password=False))
    with admin.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{scratch_name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{scratch_name}"'))
    admin.dispose()
    scratch = url.set(database=scratch_name)
    subprocess.run(["pg_restore", "--no-owner", f"--dbname={_libpq(scratch)}", str(backup_file)],
                   check=True, capture_output=True)
    return scratch.render_as_string(hide_password=False)


def fingerprint(engine: Engine, as_of: dt.date) -> dict:
    """Row counts of every data table and the KPIs of every year on record."""
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in data_tables()}
        years = range(2023, as_of.year + 1)
        kpis = {year: compute(conn, Period.year(year), as_of).as_dict() for year in years}
    return {"rows": counts, "kpis": kpis}


def restore_drill(engine: Engine, as_of: dt.date | None = None) -> list[str]:
    """Back up, restore into a scratch database, compare; returns the differences (empty = passed)."""
    as_of = as_of or dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        dump = backup(engine, Path(folder) / "drill.backup")
        scratch_name = f"{engine.url.database.rsplit('/', 1)[-1].removesuffix('.db')}_restore_drill"
        restored = make_engine(restore(dump, engine, scratch_name))
        try:
            before, after = fingerprint(engine, as_of), fingerprint(restored, as_of)
        finally:
            restored.dispose()
    differences = [f"rows {t}: {n} vs {after['rows'].get(t)}" for t, n in before["rows"].items()
                   if after["rows"].get(t) != n]
    for year, figures in before["kpis"].items():
        differences += [f"{year} {key}: {value} vs {after['kpis'][year][key]}"
                        for key, value in figures.items() if after["kpis"][year][key] != value]
    return differences


def _libpq(url) -> str:
    # pg_dump speaks libpq URLs, without SQLAlchemy's "+driver" suffix.
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
