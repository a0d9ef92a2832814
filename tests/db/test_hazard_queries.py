"""Hazards page reads: breakdowns, the open and overdue list, time to close, on SQLite and PostgreSQL."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from db.queries import hazards as q
from db.queries.overview import hazards_found_closed_by_month
from tests import builders as b

D = dt.date
Y2024 = Period.year(2024)
AS_OF = D(2024, 12, 31)
DELETED = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def counts(engine, by, **filters):
    with engine.connect() as conn:
        frame = q.hazard_counts(conn, period=Y2024, by=by, **filters)
    return dict(zip(frame["code"], frame["count"]))


def test_counts_by_level_are_what_was_inserted_in_the_period(engine):
    p = b.project(engine)
    for day in (D(2024, 1, 5), D(2024, 3, 1), D(2024, 12, 31)):
        b.hazard(engine, p, day)
    b.hazard(engine, p, D(2024, 5, 5), level="major")
    b.hazard(engine, p, D(2023, 12, 31))                       # before the period
    b.hazard(engine, p, D(2025, 1, 1), level="major")          # after it
    assert counts(engine, "level") == {"general": 3, "major": 1}


def test_soft_deleted_hazards_are_not_counted_or_listed(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 2, 1))
    b.hazard(engine, p, D(2024, 2, 2), deleted_at=DELETED)
    assert counts(engine, "level") == {"general": 1}
    with engine.connect() as conn:
        rows, total = q.open_hazards(conn, period=Y2024, as_of=AS_OF)
    assert total == 1 and len(rows) == 1


def test_domain_and_level_filters_narrow_the_category_counts(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 2, 1), domain="quality", category="waterproofing")
    b.hazard(engine, p, D(2024, 2, 2), domain="quality", category="waterproofing", level="major")
    b.hazard(engine, p, D(2024, 2, 3), domain="safety", category="scaffolding")
    assert counts(engine, "category") == {"waterproofing": 2, "scaffolding": 1}
    assert counts(engine, "category", domains=("quality",)) == {"waterproofing": 2}
    assert counts(engine, "domain", levels=("general",)) == {"quality": 1, "safety": 1}


def test_open_list_puts_overdue_first_and_a_reported_fix_after_the_open_ones(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 12, 20), due=D(2025, 1, 10), code="not_due")
    b.hazard(engine, p, D(2024, 11, 1), due=D(2024, 12, 1), code="late")
    b.hazard(engine, p, D(2024, 10, 1), due=D(2024, 10, 15), rectified=D(2024, 12, 2), code="later")
    b.hazard(engine, p, D(2024, 9, 1), due=D(2024, 9, 5), rectified=D(2024, 9, 4), closed=D(2024, 9, 4))
    with engine.connect() as conn:
        rows, total = q.open_hazards(conn, period=Y2024, as_of=AS_OF)
    assert total == 3
    # "later" was fixed (reported) after its deadline: awaiting re-inspection, not overdue.
    assert rows["code"].tolist() == ["late", "not_due", "later"]
    assert rows["status"].tolist() == ["overdue", "open", "rectified"]
    assert rows["days_overdue"].tolist() == [(AS_OF - D(2024, 12, 1)).days, 0, 0]
    assert rows["age_days"].tolist() == [(AS_OF - D(2024, 11, 1)).days, (AS_OF - D(2024, 12, 20)).days,
                                         (AS_OF - D(2024, 10, 1)).days]


def test_hazard_closed_after_the_as_of_date_is_still_open_then(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 12, 1), due=D(2024, 12, 10), rectified=D(2025, 1, 2), closed=D(2025, 1, 3))
    with engine.connect() as conn:
        assert q.open_counts(conn, period=Y2024, as_of=AS_OF) == (1, 1)
        assert q.open_counts(conn, period=Y2024, as_of=D(2025, 2, 1)) == (0, 0)


def test_open_list_pages_through_every_hazard_once(engine):
    p = b.project(engine)
    for i in range(7):
        b.hazard(engine, p, D(2024, 3, 1) + dt.timedelta(days=i))
    with engine.connect() as conn:
        pages = [q.open_hazards(conn, period=Y2024, as_of=AS_OF, limit=3, offset=o) for o in (0, 3, 6)]
    seen = [code for rows, _ in pages for code in rows["code"]]
    assert [len(rows) for rows, _ in pages] == [3, 3, 1]
    assert len(set(seen)) == 7 and {total for _, total in pages} == {7}


def test_open_and_overdue_counts_equal_the_kpis(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 12, 1), due=D(2024, 12, 5))
    b.hazard(engine, p, D(2024, 12, 20), due=D(2025, 1, 5))
    b.hazard(engine, p, D(2024, 6, 1), due=D(2024, 6, 8), rectified=D(2024, 6, 7))
    b.hazard(engine, p, D(2024, 6, 1), rectified=D(2024, 6, 3), closed=D(2024, 6, 4))
    with engine.connect() as conn:
        kpis = compute(conn, Y2024, AS_OF)
        assert q.open_counts(conn, period=Y2024, as_of=AS_OF) == (kpis.hazards_found - kpis.hazards_closed,
                                                                   kpis.hazards_overdue)


def test_within_deadline_counts_closed_on_or_before_the_due_date(engine):
    p = b.project(engine)
    due = D(2024, 4, 10)
    b.hazard(engine, p, D(2024, 4, 1), due=due, rectified=D(2024, 4, 5), closed=D(2024, 4, 6))     # early
    b.hazard(engine, p, D(2024, 4, 1), due=due, rectified=D(2024, 4, 9), closed=due)               # on the day
    b.hazard(engine, p, D(2024, 4, 1), due=due, rectified=D(2024, 4, 9), closed=D(2024, 4, 11))    # late
    b.hazard(engine, p, D(2024, 4, 1), due=due)                                                    # still open
    with engine.connect() as conn:
        assert q.closed_within_deadline(conn, period=Y2024, as_of=AS_OF) == (3, 2)


def test_days_to_close_are_binned_by_the_database(engine):
    p = b.project(engine)
    found = D(2024, 2, 1)
    for days in (0, 2, 2, 10, 100):
        closed = found + dt.timedelta(days=days)
        b.hazard(engine, p, found, due=found + dt.timedelta(days=200), rectified=closed, closed=closed)
    with engine.connect() as conn:
        bins = q.days_to_close_histogram(conn, period=Y2024, as_of=AS_OF)
        kpis = compute(conn, Y2024, AS_OF)
    by_label = dict(zip(bins["label"], bins["count"]))
    assert by_label == {"0": 1, "1–2": 2, "3–6": 0, "7–13": 1, "14–29": 0, "30–59": 0, "60–89": 0, "90+": 1}
    assert bins["count"].sum() == kpis.hazards_closed


def test_monthly_flow_follows_the_level_filter(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 3, 3), level="major")
    b.hazard(engine, p, D(2024, 3, 4))
    with engine.connect() as conn:
        everything = hazards_found_closed_by_month(conn, Y2024)
        major = hazards_found_closed_by_month(conn, Y2024, levels=("major",))
    assert everything.set_index("month").loc["2024-03", "found"] == 2
    assert major.set_index("month").loc["2024-03", "found"] == 1
