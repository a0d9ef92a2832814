"""Hazards: found vs closed by month, breakdowns, the open and overdue list, time to close."""
from types import SimpleNamespace

import streamlit as st

from db.enums import CATEGORY, DOMAIN, HAZARD_LEVEL, HAZARD_STATUS, KPI
from db.queries import hazards, overview, workflow
from render import charts
from ui import cache, filters, hazard_view, widgets
from ui.frame import frame

ctx = frame("hazards")
t, period, as_of = ctx.t, ctx.period, ctx.as_of

# One hazard's own page (?hazard=YH2026-0012): its card, status and documents; the list is one click back.
if wanted := filters.url_text("hazard"):
    found = cache.read(workflow.hazard_card, code=wanted, as_of=as_of, rev=cache.revision())
    widgets.link("pages/hazards.py", t("hazards.back_to_list"), icon=":material/arrow_back:")
    if found is None:
        st.warning(t("hazards.not_found"))
        st.text(wanted)
        st.stop()
    st.title(t("hazards.one_title", code=found["code"]), anchor=False)
    st.caption(t("hazards.status_on", status=t.label(HAZARD_STATUS, found["status"]), date=as_of))
    hazard_view.card(ctx, SimpleNamespace(**found), cache.revision(), expanded_history=True)
    st.subheader(t("documents.title"))
    hazard_view.documents(ctx, found["code"])
    st.stop()

st.title(t("hazards.title"))
st.caption(t("hazards.caption", start=period.start, end=period.end, as_of=as_of))

left, right = st.columns(2)
with left:
    levels = filters.url_choice(t, HAZARD_LEVEL, key="hazards_level", param="level", label=t("hazards.level"))
with right:
    domains = filters.url_choice(t, DOMAIN, key="hazards_domain", param="domain", label=t("hazards.domain"))

rev = cache.revision()
scope = {"period": period, "levels": levels, "domains": domains}
breakdown = cache.read(hazards.hazard_breakdown, **scope, rev=rev)
if breakdown.empty:
    st.info(t("hazards.empty"))
    st.stop()

by_level = hazards.totals(breakdown, "level")
found = int(by_level["count"].sum())
major = int(by_level.loc[by_level["code"] == "major", "count"].sum())
closed, on_time = cache.read(hazards.closed_within_deadline, as_of=as_of, **scope, rev=rev)
still_open, overdue = cache.read(hazards.open_counts, as_of=as_of, **scope, rev=rev)
cards = st.columns(6)
cards[0].metric(t.label(KPI, "hazards_found"), f"{found:,}", border=True)
cards[1].metric(t.label(KPI, "hazards_major"), f"{major:,}", border=True)
cards[2].metric(t.label(KPI, "hazards_closed"), f"{closed:,}", border=True)
cards[3].metric(t("hazards.open"), f"{still_open:,}", border=True)
cards[4].metric(t.label(KPI, "hazards_overdue"), f"{overdue:,}", border=True)
cards[5].metric(t("hazards.within_deadline"), f"{on_time / closed:.1%}" if closed else "—", border=True,
                help=t("hazards.within_deadline_help"))

st.subheader(t("hazards.by_month"))
widgets.chart(charts.found_vs_closed, cache.read(overview.hazards_found_closed_by_month, period, levels=levels,
                                                 domains=domains, rev=rev), t)

col_level, col_domain, col_category = st.columns([1, 1, 2])
for column, by, vocabulary in ((col_level, "level", HAZARD_LEVEL), (col_domain, "domain", DOMAIN),
                               (col_category, "category", CATEGORY)):
    counts = hazards.totals(breakdown, by)
    counts = counts.assign(label=counts["code"].map(lambda code, v=vocabulary: t.label(v, code)))
    colours = {"general": "#f2c94c", "major": "#d62728"} if by == "level" else None
    with column:
        st.subheader(t(f"hazards.by_{by}"))
        widgets.chart(charts.count_bars, counts, t, label=t(f"hazards.{by}"), colours=colours)

st.subheader(t("hazards.list"))
st.caption(t("hazards.list_help"))
status_column, search_column = st.columns([3, 2])
with status_column:
    # The open statuses first: the office's work; closed hazards are one click away.
    statuses = filters.url_choice(t, HAZARD_STATUS, key="hazards_status", param="status",
                                  label=t("hazards.col_status"), default=tuple(sorted(hazards.OPEN_STATUSES)))
search = search_column.text_input(t("hazards.search"), filters.url_text("q"), key="hazards_search",
                                  placeholder=t("hazards.search_hint")).strip()
filters.write_url(q=search)
rows, listed = widgets.paged(t, "hazards_page", lambda limit, offset: cache.read(
    hazards.hazard_list, as_of=as_of, **scope, statuses=statuses, search=search, limit=limit, offset=offset,
    rev=rev))
if listed == 0:
    st.info(t("hazards.none_listed"))
else:
    widgets.table(rows.assign(link="?hazard=" + rows["code"]), t, {
        "link": "hazards.open_column", "code": "hazards.col_code", "project": "hazards.col_project", "status": "hazards.col_status",
        "level": "hazards.level", "category": "hazards.category", "found_on": "hazards.col_found",
        "due_on": "hazards.col_due", "age_days": "hazards.col_age", "days_overdue": "hazards.col_overdue"},
        {"status": HAZARD_STATUS, "level": HAZARD_LEVEL, "category": CATEGORY},
        column_config={t("hazards.open_column"): st.column_config.LinkColumn(display_text=t("hazards.open_link"),
                                                                        width="small")},
        export="hazards", user=ctx.user, everything=lambda: cache.read(
            hazards.hazard_list, as_of=as_of, **scope, statuses=statuses, search=search,
            limit=widgets.EXPORT_ROWS, offset=0, rev=rev)[0])

st.subheader(t("hazards.time_to_close"))
if closed == 0:
    st.info(t("hazards.none_closed"))
else:
    st.caption(t("hazards.time_to_close_help", closed=closed, on_time=on_time))
    widgets.chart(charts.days_to_close, cache.read(hazards.days_to_close_histogram, as_of=as_of, **scope, rev=rev), t)
