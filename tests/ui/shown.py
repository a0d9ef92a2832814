"""What a page test reads off a run: KPI cards by label, the 2024 period as URL parameters."""
from __future__ import annotations

import datetime as dt

from db.kpis import Kpis, compute
from db.period import Period

YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}


def metrics(app) -> dict[str, str]:
    """Every st.metric on the page: label -> shown value."""
    return {m.label: m.value for m in app.metric}


def kpis_2024(engine) -> Kpis:
    """The KPI module's 2024 figures as of today, as the pages compute them."""
    with engine.connect() as conn:
        return compute(conn, Period.year(2024), dt.date.today())
