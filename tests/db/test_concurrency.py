"""Concurrent writers lose nothing; two editors of one record never overwrite silently; a killed writer
leaves a sound database holding every acknowledged write. All through the app's own commands.
(Full size: bench/concurrency.py.)"""
import pytest
from sqlalchemy import text

from bench.concurrency import (
    count_visits, integrity_problems, kill_mid_stream, main, run_writers, two_editor_trials, unusable,
)
from tests import builders as b

pytestmark = pytest.mark.xdist_group("processes")


def url(engine):
    return engine.url.render_as_string(hide_password=False)


def test_parallel_writers_store_every_row_with_its_audit_row(engine):
    b.project(engine)
    errors = run_writers(url(engine), writers=4, per_writer=50, prefix="P")
    assert errors == []
    assert count_visits(engine, "P") == 200
    assert integrity_problems(engine, "P") == []


def test_two_editors_get_a_conflict_not_an_overwrite(engine):
    b.project(engine)
    conflicts, overwrites = two_editor_trials(engine, trials=60)
    assert (conflicts, overwrites) == (60, 0)


def test_killed_writer_keeps_every_acknowledged_write(engine, tmp_path):
    b.project(engine)
    acknowledged, missing = kill_mid_stream(url(engine), tmp_path, seconds=2.0)
    assert acknowledged > 0
    assert missing == []
    assert integrity_problems(engine) == []


def test_a_crashing_writer_counts_as_an_error(engine):
    # No project to write to: every save fails, and each failure is reported.
    errors = run_writers(url(engine), writers=1, per_writer=1, prefix="X")
    assert len(errors) == 1


def test_the_integrity_check_finds_a_visit_without_its_audit_row(engine):
    pid = b.project(engine)
    b.visit(engine, pid, b.D(2024, 1, 2), code="Q-1")
    assert integrity_problems(engine, "Q-") == ["1 visits written but 0 with exactly one audit row"]


def test_an_empty_or_unmigrated_database_is_refused_with_one_line(engine, capsys):
    assert "no project" in unusable(engine)
    with pytest.raises(SystemExit) as exit_:
        main(["--url", url(engine)])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
    assert "not migrated" in unusable(engine)
