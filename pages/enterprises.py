"""Enterprise records (企业档案): the ranking by risk score, or one enterprise's record when `?enterprise=CODE`."""
import streamlit as st

from db import enums
from db.enterprise_risk import ENTERPRISE_RULE, ENTERPRISE_RULES
from db.queries import enterprises
from db.queries.enterprises import FIGURES
from db.risk import RISK_GRADE
from render import masking
from render.formatting import plain
from ui import cache, filters, risk_view, widgets
from ui.frame import PageContext, frame

ctx = frame("enterprises")


def ranking(ctx: PageContext, rev: int) -> None:
    """Every enterprise, highest score first, filtered by kind, grade and a search through the URL."""
    t = ctx.t
    search = st.text_input(t("enterprises.search"), filters.url_text("q"), key="enterprises_search")
    left, right = st.columns([3, 2])
    with left:
        kinds = filters.url_choice(t, enums.ENTERPRISE_KIND, key="enterprises_kind", param="kind",
                                   label=t("enterprises.kind"))
    with right:
        levels = filters.url_choice(t, RISK_GRADE, key="enterprises_level", param="level", label=t("enterprises.level"))
    filters.write_url(q=search.strip() or None)
    everyone = cache.read(enterprises.ranking, as_of=ctx.as_of, rev=rev)
    chosen = enterprises.filter_ranking(everyone, kinds=kinds, levels=levels, search=search)
    rows, _ = widgets.paged(t, "enterprises_page", lambda limit, offset: (chosen.iloc[offset:offset + limit], len(chosen)),
                            url_param="page")
    if rows.empty:
        st.info(t("enterprises.none"))
        return
    rows = masking.people(rows, ctx.user.role, names=("contact_person",), phones=("contact_phone",))
    rows = rows.assign(link="?enterprise=" + rows["credit_code"],
                       level=rows["level"].map(lambda g: t.label(RISK_GRADE, g)))
    widgets.table(rows, t, {
        "link": "enterprises.open", "credit_code": "enterprises.credit_code", "name": "enterprises.name",
        "kind": "enterprises.kind", "projects": "enterprises.projects", "level": "enterprises.level",
        "score": "enterprises.score", "contact_person": "enterprises.contact_person",
        "contact_phone": "enterprises.contact_phone"}, {"kind": enums.ENTERPRISE_KIND},
        export="enterprises", user=ctx.user,
        column_config={t("enterprises.open"): st.column_config.LinkColumn(display_text=t("enterprises.open_link"),
                                                                          width="small")})


def record(ctx: PageContext, found: dict) -> None:
    """One enterprise: its score and why, the period's figures, then its projects and records."""
    t, facts, score = ctx.t, found["facts"], found["score"]
    st.link_button(t("enterprises.back"), "?", icon="⬅️")
    st.title(facts["name"])
    contact = masking.people(found["contact"], ctx.user.role, names=("contact_person",), phones=("contact_phone",))
    st.caption(f'{plain(facts["credit_code"])} · {t.label(enums.ENTERPRISE_KIND, facts["kind"])}')
    widgets.table(contact, t, {"contact_person": "enterprises.contact_person",
                               "contact_phone": "enterprises.contact_phone"})
    st.subheader(t("enterprises.score_title"))
    left, right = st.columns(2)
    left.metric(t("enterprises.level"), t.label(RISK_GRADE, score.level), border=True)
    right.metric(t("enterprises.score"), score.score, border=True)
    with st.expander(t("enterprises.why"), expanded=bool(score.reasons)):
        if score.reasons:
            risk_view.reasons_table(t, score.reasons, ENTERPRISE_RULE, area="enterprise_reason")
        else:
            st.caption(t("enterprises.no_reasons"))
        risk_view.rules_table(t, ENTERPRISE_RULES, ENTERPRISE_RULE, title="enterprises.rules",
                              help="enterprises.rules_help")
    st.caption(t("enterprises.figures", start=ctx.period.start, end=ctx.period.end))
    for first in range(0, len(FIGURES), 5):
        widgets.metrics(t, found["figures"], FIGURES[first:first + 5])
    tabs = st.tabs([t(f"enterprises.tab_{name}") for name in
                    ("projects", "hazards", "enforcement", "trainings", "accidents")])
    code = facts["credit_code"]
    lists = (
        ("projects", {"code": "enterprises.project", "name": "enterprises.project_name", "role": "enterprises.role",
                      "status": "enterprises.status", "level": "enterprises.grade"},
         {"role": enums.ENTERPRISE_KIND, "status": enums.PROJECT_STATUS, "level": RISK_GRADE}),
        ("hazards", {"code": "projects.code", "project": "enterprises.project", "status": "projects.hazard_status",
                     "level": "projects.level", "found_on": "projects.found_on", "due_on": "projects.due_on",
                     "description": "projects.description"},
         {"status": enums.HAZARD_STATUS, "level": enums.HAZARD_LEVEL}),
        ("enforcement", {"code": "projects.code", "project": "enterprises.project", "kind": "projects.enforcement_kind",
                         "issued_on": "projects.issued_on", "lifted_on": "projects.lifted_on",
                         "reason": "projects.reason"}, {"kind": enums.ENFORCEMENT_KIND}),
        ("trainings", {"code": "projects.code", "held_on": "projects.visited_on", "kind": "projects.visit_kind",
                       "title": "enterprises.name"}, {"kind": enums.TRAINING_KIND}),
        ("accidents", {"code": "projects.code", "project": "enterprises.project", "occurred_on": "projects.visited_on",
                       "level": "projects.level", "deaths": "overview.col_deaths", "injuries": "overview.col_injuries",
                       "description": "projects.description"}, {"level": enums.ACCIDENT_LEVEL}),
    )
    for tab, (name, headers, labels) in zip(tabs, lists):
        with tab:
            if name == "hazards":
                st.caption(t("enterprises.hazards_help", date=ctx.as_of))
            if found[name].empty:
                st.caption(t("enterprises.no_records"))
            else:
                widgets.table(found[name], t, headers, labels, export=f"{code}_{name}", user=ctx.user)


rev = cache.revision()
wanted = st.query_params.get("enterprise")
if wanted:
    found = cache.read(enterprises.enterprise_record, credit_code=wanted, period=ctx.period, as_of=ctx.as_of, rev=rev)
    if found is None:
        st.warning(ctx.t("enterprises.not_found", code=wanted[:40]))
        st.link_button(ctx.t("enterprises.back"), "?", icon=":material/arrow_back:")
        st.stop()
    record(ctx, found)
else:
    st.title(ctx.t("enterprises.title"))
    st.caption(ctx.t("enterprises.intro"))
    ranking(ctx, rev)
