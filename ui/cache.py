"""The only st.cache_* calls: the engine per process, query results per data revision.

A page reads through `read(query, ..., rev=rev)`, where `query` is a function of db.queries or db.kpis taking
a connection first. The result is cached under the function's name, its arguments and the data revision,
so a write made by any process invalidates it at the next run; the TTL bounds memory, not freshness.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from db.bootstrap import is_empty
from db.config import settings
from db.migrate import migrated_engine
from db.unit_of_work import data_revision
from render import charts
from seed.demo import load_demo

TTL = dt.timedelta(minutes=10)
Result = TypeVar("Result")


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The process-wide engine, migrated; the default SQLite file is filled with the demo on its first start."""
    config = settings()
    eng = migrated_engine(config.database_url)
    if config.is_default_sqlite and is_empty(eng):
        load_demo(eng, today=dt.date.today())
    return eng


def revision() -> int:
    """The current data revision (one indexed single-row read)."""
    return data_revision(engine())


def read(query: Callable[..., Result], /, *args, rev: int, **kwargs) -> Result:
    """`query(connection, *args, **kwargs)`, computed once per data revision `rev` and arguments."""
    return _cached(query, f"{query.__module__}.{query.__qualname__}", rev, args, kwargs)


def read_fresh(query: Callable[..., Result], /, *args, **kwargs) -> Result:
    """`query(connection, *args, **kwargs)` uncached: for state that changes without a data revision
    (sign-in bookkeeping on the admin pages)."""
    with engine().connect() as conn:
        return query(conn, *args, **kwargs)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=2000)
def _cached(_query, name: str, rev: int, args: tuple, kwargs: dict):
    with engine().connect() as conn:
        return _query(conn, *args, **kwargs)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def chart_spec(_builder, name: str, data: pd.DataFrame, _t, lang: str, args: tuple, kwargs: dict) -> dict:
    """The vega-lite spec of `_builder(data, _t, *args, **kwargs)`, built once per data, language and options.

    Building and validating an altair chart costs tens of milliseconds per run; the spec for the same
    data does not change, and `data` (already cached per revision) is part of the key.
    """
    spec = charts.localised(_builder(data, _t, *args, **kwargs).to_dict(), lang)
    # altair's default theme pins a 300 px view that would fight the container width (Streamlit drops it too).
    config = spec.get("config", {})
    if config.get("view") == {"continuousWidth": 300, "continuousHeight": 300}:
        del config["view"]
        if not config:
            del spec["config"]
    return spec
