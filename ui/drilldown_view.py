"""Under the Overview's cards: pick a card and see the records it counted."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.queries.drilldown import DRILLABLE
from ui import cache, filters, masking, tables
from ui.frame import PageContext

# The vocabulary of a `kind` / `level` column depends on which table the card counts.
KIND_OF = {"stop_work_orders": enums.ENFORCEMENT_KIND, "warning_interviews": enums.ENFORCEMENT_KIND,
           "site_visits": enums.VISIT_KIND, "trainings": enums.TRAINING_KIND,
           "projects_supervised": enums.PROJECT_KIND, "key_projects": enums.PROJECT_KIND}
LEVEL_OF = {"risk_points": enums.RISK_LEVEL, "risk_points_major": enums.RISK_LEVEL,
            "accidents": enums.ACCIDENT_LEVEL}


def records_behind_cards(ctx: PageContext, rev: int) -> None:
    """A card picker (mirrored in the URL as `detail`) and one page of its records."""
    t = ctx.t
    chosen = filters.url_value(t, "detail", DRILLABLE)
    kpi = st.selectbox(t("overview.records_behind"), DRILLABLE, index=DRILLABLE.index(chosen) if chosen else None,
                       placeholder=t("overview.pick_card"), key="overview_detail",
                       format_func=lambda key: t.label(enums.KPI, key))
    filters.write_url(detail=kpi)
    if kpi is None:
        return
    rows, total = cache.records_behind(kpi, ctx.period, ctx.as_of, 0, rev)
    if rows.empty:
        st.caption(t("overview.no_records"))
        return
    st.caption(t("overview.records_count", shown=len(rows), total=total))
    rows = masking.people(rows, ctx.user.role, names=("inspectors",) if "inspectors" in rows else ())
    vocabularies = {"category": enums.CATEGORY, "kind": KIND_OF.get(kpi),
                    "level": LEVEL_OF.get(kpi, enums.HAZARD_LEVEL)}
    tables.show(rows, t, {column: f"overview.col_{column}" for column in rows.columns},
                {column: vocab for column, vocab in vocabularies.items() if vocab},
                export=f"{kpi}_{ctx.period.start}_{ctx.period.end}", role=ctx.user.role)
