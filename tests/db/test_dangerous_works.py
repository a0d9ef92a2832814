"""危大 classification (建办质〔2018〕31号): every threshold at, just below and just above its boundary, the SQL twin
agreeing with the Python rule on both backends, the expert-review flag, and the command line."""
import datetime as dt
import json

import pytest
from sqlalchemy import insert, select

from db import dangerous_works as dw
from db.models import LedgerItem
from tests import builders as b

D = dt.date
STEP = 0.01
# The table, written out again on purpose: a test that reads dw.KINDS could not catch a wrong number there.
TABLE = {
    "excavation": {"depth_m": (3, 5)},
    "formwork_support": {"height_m": (5, 8), "span_m": (10, 18), "load_kn_m2": (10, 15), "line_load_kn_m": (15, 20)},
    "lifting_nonstandard": {"lift_kn": (10, 100)},
    "scaffold_floor": {"height_m": (24, 50)},
    "scaffold_cantilever": {"height_m": (None, 20)},
    "curtain_wall": {"height_m": (None, 50)},
    "steel_structure": {"span_m": (None, 36)},
    "hand_dug_pile": {"depth_m": (None, 16)},
}


def _cases():
    """(kind, parameters, expected class) around every boundary of the table; other parameters at zero."""
    for kind, thresholds in TABLE.items():
        for parameter, (dangerous, beyond) in thresholds.items():
            base = {p: 0.0 for p in thresholds}
            below_beyond = "dangerous"
            if dangerous is not None:
                for value, expected in ((dangerous - STEP, "none"), (dangerous, "dangerous"), (dangerous + STEP, "dangerous")):
                    yield kind, base | {parameter: value}, expected
            for value, expected in ((beyond - STEP, below_beyond), (beyond, "beyond_scale"), (beyond + STEP, "beyond_scale")):
                yield kind, base | {parameter: value}, expected


CASES = list(_cases())


def test_the_table_covers_every_kind_the_rule_knows():
    assert set(TABLE) == set(dw.KINDS)
    assert {k: r.parameters for k, r in dw.KINDS.items()} == {k: tuple(t) for k, t in TABLE.items()}


@pytest.mark.parametrize("kind, parameters, expected", CASES,
                         ids=[f"{k}-{next(p for p, v in ps.items() if v)}={max(ps.values())}" for k, ps, _ in CASES])
def test_threshold_boundary(kind, parameters, expected):
    assert dw.classify(kind, parameters).danger_class == expected


def test_cantilever_scaffold_of_any_height_is_dangerous_works():
    result = dw.classify("scaffold_cantilever", {"height_m": 0})
    assert result.danger_class == "dangerous" and "always" in result.text("en")


def test_basis_names_the_deciding_parameter_and_threshold():
    assert dw.classify("excavation", {"depth_m": 6}).text("en") == "depth 6 m ≥ 5 m"
    assert dw.classify("excavation", {"depth_m": 2.5}).text("zh") == "深度 2.5 m < 3 m"


@pytest.mark.parametrize("parameters, field, key", [
    ({}, "depth_m", "errors.required"),
    ({"depth_m": -0.1}, "depth_m", "errors.out_of_range"),
    ({"depth_m": 4, "height_m": -1}, "height_m", "errors.out_of_range"),
])
def test_missing_or_negative_parameter_is_named(parameters, field, key):
    with pytest.raises(dw.ParameterProblem) as problem:
        dw.classify("excavation", parameters)
    assert (problem.value.field, problem.value.message_key) == (field, key)


def test_formwork_needs_every_parameter():
    with pytest.raises(dw.ParameterProblem) as problem:
        dw.classify("formwork_support", {"height_m": 9, "span_m": 1, "load_kn_m2": 1})
    assert problem.value.field == "line_load_kn_m"


def test_sql_class_agrees_with_the_python_rule(engine):
    project = b.project(engine)
    blank = {"danger_kind": None, "danger_category": None} | {p: None for p in dw.PARAMETERS}
    rows = [blank | {"project_id": project, "kind": "dangerous_works", "name": f"item{i}", "danger_kind": kind,
                     "danger_category": dw.KINDS[kind].category, "beyond_scale": expected == "beyond_scale",
                     **parameters} for i, (kind, parameters, expected) in enumerate(CASES)]
    rows += [blank | {"project_id": project, "kind": "dangerous_works", "name": "demolition",
                      "danger_category": "demolition", "beyond_scale": True},
             blank | {"project_id": project, "kind": "key_process", "name": "pour", "beyond_scale": False}]
    with engine.begin() as conn:
        conn.execute(insert(LedgerItem), rows)
        found = dict(conn.execute(select(LedgerItem.name, dw.danger_class_sql(LedgerItem))).all())
    assert [found[f"item{i}"] for i in range(len(CASES))] == [expected for _, _, expected in CASES]
    assert (found["demolition"], found["pour"]) == ("beyond_scale", None)   # typed flag; not dangerous works


@pytest.mark.parametrize("status, review, flagged", [
    ("not_started", None, False),                # not begun: nothing to flag yet
    ("in_progress", None, True),
    ("accepted", None, True),
    ("in_progress", D(2024, 3, 1), False),       # reviewed on the day it started
    ("in_progress", D(2024, 3, 2), True),        # reviewed the day after it started
])
def test_beyond_scale_item_started_without_review_is_flagged(status, review, flagged):
    assert dw.started_without_review("beyond_scale", status, D(2024, 3, 1), review) is flagged
    assert dw.started_without_review("dangerous", status, D(2024, 3, 1), None) is False


def test_cli_classifies_with_json(db_cli):
    code, out, _ = db_cli("dangerous-works", "classify", "--kind", "steel_structure", "--span-m", "36", "--json")
    assert code == 0 and json.loads(out) == {"class": "beyond_scale", "basis": "span 36 m ≥ 36 m"}


@pytest.mark.parametrize("argv, named", [
    (("--kind", "excavation"), "--depth-m"),
    (("--kind", "excavation", "--depth-m", "-2"), "--depth-m"),
    (("--kind", "formwork_support", "--height-m", "9"), "--span-m"),
    (("--kind", "tunnel", "--depth-m", "3"), "--kind"),
    (("--kind", "excavation", "--depth-m", "deep"), "--depth-m"),
])
def test_cli_refuses_missing_or_negative_parameters_with_one_line(db_cli, argv, named):
    code, out, err = db_cli("dangerous-works", "classify", *argv, "--json")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and named in err
