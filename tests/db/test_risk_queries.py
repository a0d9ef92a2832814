"""Risk page reads: four-colour heatmap cells and the major list, on SQLite and PostgreSQL."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from db.queries import risk as q
from tests import builders as b

D = dt.date
Y2024 = Period.year(2024)
DELETED = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def test_counts_by_level_exclude_deleted_and_other_periods(engine):
    p = b.project(engine)
    b.risk_point(engine, p, D(2024, 1, 1), level="major")
    b.risk_point(engine, p, D(2024, 12, 31), level="low")
    b.risk_point(engine, p, D(2024, 7, 1), level="low")
    b.risk_point(engine, p, D(2024, 7, 1), level="major", deleted_at=DELETED)
    b.risk_point(engine, p, D(2023, 12, 31), level="major")
    with engine.connect() as conn:
        counts = q.risk_counts_by_level(conn, period=Y2024)
        kpis = compute(conn, Y2024, D(2024, 12, 31))
    assert counts == {"major": 1, "high": 0, "moderate": 0, "low": 2}
    assert (sum(counts.values()), counts["major"]) == (kpis.risk_points, kpis.risk_points_major)


def test_a_heatmap_cell_shows_its_highest_level_and_its_count(engine):
    p = b.project(engine)
    for level in ("low", "major", "moderate"):
        b.risk_point(engine, p, D(2024, 3, 1), level=level, category="scaffolding")
    for level in ("low", "high"):
        b.risk_point(engine, p, D(2024, 3, 2), level=level, category="fire_safety")
    with engine.connect() as conn:
        cells, projects = q.project_category_cells(conn, period=Y2024)
    by_category = cells.set_index("category")
    assert projects == 1
    assert by_category.loc["scaffolding", ["count", "level"]].tolist() == [3, "major"]
    assert by_category.loc["fire_safety", ["count", "level"]].tolist() == [2, "high"]


def test_project_axis_keeps_the_top_projects_by_count(engine):
    for code, n in (("busy", 3), ("middle", 2), ("quiet", 1)):
        project = b.project(engine, code=code)
        for i in range(n):
            b.risk_point(engine, project, D(2024, 5, 1 + i), category="fire_safety" if i else "scaffolding")
    with engine.connect() as conn:
        cells, projects = q.project_category_cells(conn, period=Y2024, top=2)
    assert projects == 3
    assert cells.groupby("project_code")["count"].sum().to_dict() == {"busy": 3, "middle": 2}


def test_category_by_month_cells_follow_the_level_filter(engine):
    p = b.project(engine)
    b.risk_point(engine, p, D(2024, 1, 10), level="major", category="scaffolding")
    b.risk_point(engine, p, D(2024, 1, 20), level="low", category="scaffolding")
    b.risk_point(engine, p, D(2024, 2, 1), level="low", category="scaffolding")
    with engine.connect() as conn:
        every = q.category_month_cells(conn, period=Y2024)
        low = q.category_month_cells(conn, period=Y2024, levels=("low",))
    assert every[["month", "count", "level"]].values.tolist() == [["2024-01", 2, "major"], ["2024-02", 1, "low"]]
    assert low[["month", "count", "level"]].values.tolist() == [["2024-01", 1, "low"], ["2024-02", 1, "low"]]


def test_major_list_holds_only_live_major_points_newest_first(engine):
    p = b.project(engine)
    b.risk_point(engine, p, D(2024, 2, 1), level="major", code="old")
    b.risk_point(engine, p, D(2024, 9, 1), level="major", code="new")
    b.risk_point(engine, p, D(2024, 9, 2), level="high")
    b.risk_point(engine, p, D(2024, 9, 3), level="major", deleted_at=DELETED)
    b.risk_point(engine, p, D(2024, 9, 4), level="major", category="fire_safety")
    with engine.connect() as conn:
        rows, total = q.major_risk_points(conn, period=Y2024, categories=("scaffolding",))
        first_page, all_major = q.major_risk_points(conn, period=Y2024, limit=1)
    assert total == 2 and rows["code"].tolist() == ["new", "old"]
    assert all_major == 3 and len(first_page) == 1
