"""Risk on the pages: the risk map, a project's grade with "why this grade?", the published rules, and the
dangerous-works table. The rules and numbers come from db.risk and db.dangerous_works; nothing is decided here."""
from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from db import enums
from db.config import SettingsError, settings
from db.dangerous_works import DANGER_CLASS, DANGER_KIND
from db.district_map import district_map
from db.queries import risk_map
from db.queries.projects import ProjectFilter
from db.risk import GRADES, RISK_GRADE, RISK_RULE, RULES, ProjectRisk
from render import charts, map_tiles
from render.risk_text import danger_basis, reason_detail, rule_points
from ui import cache, widgets
from ui.frame import PageContext



def map_section(ctx: PageContext, rev: int, where: ProjectFilter | None = None, *, title: bool = True,
                projector: int | None = None) -> None:
    """The risk map of the sites under construction on the as-of date (matching `where`)."""
    t = ctx.t
    if title:
        st.subheader(t("project_map.title"))
    st.caption(t("project_map.caption", date=ctx.as_of))
    try:
        district = district_map()
    except SettingsError as problem:
        st.warning(t("project_map.unavailable", reason=f"{problem.setting}: {t(problem.message_key)}"))
        return
    sites, total = cache.read(risk_map.risk_sites, as_of=ctx.as_of, where=where, rev=rev)
    if sites.empty:
        st.info(t("project_map.none"))
        return
    url = settings().map_tile_url
    tiles = map_tiles.tiles(district.bounds, url) if url else None
    widgets.chart(charts.risk_map, sites, t, outline=district.outline, roads=district.roads, tiles=tiles,
                  projector=projector)
    if total > len(sites):
        st.caption(t("project_map.capped", shown=len(sites), total=total))
    if url:
        st.caption(t("project_map.tiles_credit", host=urlparse(url).hostname or url))


def grade_cards(ctx: PageContext, risk: ProjectRisk | None) -> None:
    """The project's grade, score and weekly target on the as-of date, then why."""
    t = ctx.t
    st.subheader(t("project_risk.title"))
    if risk is None:
        st.caption(t("project_risk.not_active", date=ctx.as_of))
        return
    left, middle, right = st.columns(3)
    left.metric(t("project_risk.grade"), t.label(RISK_GRADE, risk.level), border=True)
    middle.metric(t("project_risk.score"), risk.score, border=True)
    right.metric(t("project_risk.target"), t("project_risk.target_value", n=risk.weekly_target), border=True)
    with st.expander(t("project_risk.why"), expanded=risk.level in ("high", "major")):
        st.caption(t("project_risk.why_help", date=ctx.as_of))
        if not risk.reasons:
            st.caption(t("project_risk.no_reasons", n=risk.weekly_target))
        else:
            reasons_table(t, risk.reasons, RISK_RULE)
        rules_table(t, RULES, RISK_RULE, title="project_risk.rules", help="project_risk.rules_help")
        grades_table(t)


def reasons_table(t, reasons, vocabulary, area: str = "risk_reason") -> None:
    """The rules that applied, their points and what they counted (records' codes and names shown as data)."""
    frame = pd.DataFrame({"rule": [r.rule for r in reasons], "points": [r.points for r in reasons],
                          "detail": [reason_detail(r, t, area) for r in reasons]})
    widgets.table(frame, t, {"rule": "project_risk.col_rule", "points": "project_risk.col_points",
                             "detail": "project_risk.col_detail"}, {"rule": vocabulary})


def rules_table(t, published, vocabulary, *, title: str, help: str) -> None:
    """Every published rule with its points."""
    st.markdown(f"**{t(title)}**")
    st.caption(t(help))
    table = pd.DataFrame({"rule": [r.id for r in published], "points": [rule_points(r, t) for r in published]})
    widgets.table(table, t, {"rule": "project_risk.col_rule", "points": "project_risk.rule_points"},
                  {"rule": vocabulary})


def grades_table(t) -> None:
    """The grades with their score ranges and weekly patrol targets (configured)."""
    st.markdown(f"**{t('project_risk.grades')}**")
    cutoffs, targets = settings().risk_grade_scores, settings().risk_weekly_targets
    ranges = [t("project_risk.below_score", n=cutoffs[0])] + [t("project_risk.from_score", n=n) for n in cutoffs]
    grades = pd.DataFrame({"grade": [t.label(RISK_GRADE, g) for g in reversed(GRADES)],
                           "from": list(reversed(ranges)),
                           "target": [t("project_risk.target_value", n=n) for n in reversed(targets)]})
    widgets.table(grades, t, {"grade": "project_risk.col_grade", "from": "project_risk.col_from",
                              "target": "project_risk.col_target"})


def dangerous_works(ctx: PageContext, works: pd.DataFrame, headers: dict[str, str]) -> None:
    """A project's dangerous works with their kind, class, basis and expert review; unreviewed ones flagged."""
    t = ctx.t
    unreviewed = int(works["unreviewed"].sum())
    if unreviewed:
        st.error(t("danger.unreviewed_warning", n=unreviewed))
    shown = works.assign(
        basis=[danger_basis(row, t) for row in works.itertuples()],
        late=works["late"].map({True: t("projects.late_flag"), False: ""}),
        unreviewed=works["unreviewed"].map({True: t("danger.unreviewed_flag"), False: ""}))
    widgets.table(shown, t, headers | {
        "danger_category": "projects.danger_category", "danger_kind": "danger.col_kind",
        "danger_class": "danger.col_class", "basis": "danger.col_basis", "expert_review_on": "danger.col_review",
        "unreviewed": "danger.col_unreviewed"},
        {"status": enums.LEDGER_STATUS, "danger_category": enums.DANGER_CATEGORY, "danger_kind": DANGER_KIND,
         "danger_class": DANGER_CLASS})
