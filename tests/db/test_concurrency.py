"""Concurrent writers lose nothing; two editors of one record never overwrite silently; a killed writer
leaves a sound database holding every acknowledged write. (Full size: bench/concurrency.py.)"""
import pytest

from bench.concurrency import count_visits, integrity_ok, kill_mid_stream, run_writers, two_editor_trials
from tests import builders as b

pytestmark = pytest.mark.xdist_group("processes")


def url(engine):
    return engine.url.render_as_string(hide_password=False)


def test_parallel_writers_store_every_row(engine):
    b.project(engine)
    errors = run_writers(url(engine), writers=4, per_writer=50, prefix="P")
    assert errors == []
    assert count_visits(engine, "P") == 200


def test_two_editors_get_a_conflict_not_an_overwrite(engine):
    for _ in range(3):
        b.project(engine)
    conflicts, overwrites = two_editor_trials(engine, trials=100)
    assert (conflicts, overwrites) == (100, 0)


def test_killed_writer_keeps_every_acknowledged_write(engine, tmp_path):
    b.project(engine)
    acknowledged, missing = kill_mid_stream(url(engine), tmp_path, seconds=2.0)
    assert acknowledged > 0
    assert missing == []
    assert integrity_ok(engine)
