"""Projects: the filterable list and map, or one project's page when `?project=CODE` is in the URL."""
import datetime as dt

import pandas as pd
import streamlit as st

from db import enums
from db.permissions import sees_masked
from db.queries import dangerous_works, project_detail, projects, risk_map
from db.queries.projects import ProjectFilter
from render import charts, masking
from render.formatting import plain
from ui import cache, filters, risk_view, widgets
from ui.documents import project_documents, with_document_links
from ui.frame import PageContext, frame

ctx = frame("projects")

STATUSES = enums.PROJECT_STATUS.codes


def list_filters(ctx: PageContext) -> ProjectFilter:
    """The filter widgets, seeded from and mirrored to the URL."""
    t = ctx.t
    status = filters.url_value(t, "status", STATUSES)
    kind = filters.url_value(t, "kind", enums.PROJECT_KIND.codes)
    search, row = st.columns([2, 3])
    where = ProjectFilter(
        search=search.text_input(t("projects.search"), filters.url_text("q"), key="projects_search") or None,
        status=row.segmented_control(t("projects.status"), STATUSES, default=status, key="projects_status",
                                     format_func=lambda s: t.label(enums.PROJECT_STATUS, s)),
    )
    more = st.columns(5)
    every = more[4].toggle(t("projects.all_periods"), st.query_params.get("all") == "1", key="projects_all")
    where = ProjectFilter(
        search=where.search, status=where.status, active_in=None if every else ctx.period,
        kind=more[0].selectbox(t("projects.kind"), enums.PROJECT_KIND.codes, index=_index(kind),
                               placeholder=t("projects.any"), key="projects_kind",
                               format_func=lambda k: t.label(enums.PROJECT_KIND, k)),
        party=more[1].text_input(t("projects.party"), filters.url_text("party"), key="projects_party") or None,
        inspector=inspector_filter(ctx, more[2]),
        key_only=more[3].toggle(t("projects.key_only"), st.query_params.get("key") == "1", key="projects_key"),
    )
    filters.write_url(q=where.search, status=where.status, kind=where.kind, party=where.party,
                      inspector=where.inspector, key="1" if where.key_only else None, all="1" if every else None)
    return where


def inspector_filter(ctx: PageContext, column) -> str | None:
    """Team-member search; visitors see names masked, so they may not search by them (it would unmask)."""
    if sees_masked(ctx.user.role):
        if filters.url_text("inspector"):
            st.warning(ctx.t("filters.bad_param", field="inspector", value="…"))
        return None
    return column.text_input(ctx.t("projects.inspector"), filters.url_text("inspector"), key="projects_inspector") or None


def _index(kind: str | None) -> int | None:
    return enums.PROJECT_KIND.codes.index(kind) if kind else None


def project_list(ctx: PageContext, where: ProjectFilter, rev: int) -> None:
    """One page of matching projects, a picker to open one, and the map."""
    t = ctx.t
    rows, total = widgets.paged(t, "projects_page", lambda limit, offset: cache.read(
        projects.project_page, where=where, as_of=ctx.as_of, limit=limit, offset=offset, rev=rev), url_param="page")
    if where.active_in:
        st.caption(t("projects.in_period", n=total, start=where.active_in.start, end=where.active_in.end))
    else:
        st.caption(t("projects.in_all", n=total))
    if rows.empty:
        st.info(t("projects.none"))
        return
    rows = rows.assign(link="?project=" + rows["code"])
    widgets.table(rows, t, {
        "link": "projects.open", "code": "projects.code", "name": "projects.name", "status": "projects.status",
        "kind": "projects.kind", "is_key": "projects.key", "progress_pct": "projects.progress",
        "open_hazards": "projects.open_hazards", "overdue_hazards": "projects.overdue_hazards",
        "developer": "projects.developer", "contractor": "projects.contractor", "start_date": "projects.start",
    }, {"status": enums.PROJECT_STATUS, "kind": enums.PROJECT_KIND}, export="projects",
        user=ctx.user, column_config={
        t("projects.open"): st.column_config.LinkColumn(display_text=t("projects.open_link"), width="small"),
        t("projects.progress"): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f%%"),
    })
    risk_view.map_section(ctx, rev, where)


def project_page(ctx: PageContext, record: dict) -> None:
    """One project: facts, team, ledger, hazards, risk points, enforcement, visits, approvals."""
    t, facts = ctx.t, record["facts"]
    st.link_button(t("projects.back"), "?", icon=":material/arrow_back:")
    st.title(plain(facts["name"]), anchor=False)
    st.caption(f'{plain(facts["code"])} · {t.label(enums.PROJECT_KIND, facts["kind"])} · '
               f'{t.label(enums.PROJECT_STATUS, facts["status"])}'
               + (f' · {t("projects.key")}' if facts["is_key"] else ""))
    cards = st.columns(4)
    cards[0].metric(t("projects.progress"), f'{facts["progress_pct"]:.0f}%', border=True)
    cards[1].metric(t("projects.floor_area"), f'{facts["floor_area_m2"]:,.0f} m²', border=True)
    cards[2].metric(t("projects.start"), str(facts["start_date"]), border=True)
    cards[3].metric(t("projects.completion"), str(facts["completion_date"] or "—"), border=True)
    st.markdown(f'**{t("projects.developer")}** {plain(facts["developer"])}　'
                f'**{t("projects.contractor")}** {plain(facts["contractor"])}　'
                f'**{t("projects.supervisor_firm")}** {plain(facts["supervisor_firm"] or "—")}')
    if not record["escalations"].empty:
        st.warning(t("projects.escalate", n=len(record["escalations"])))
    risk_view.grade_cards(ctx, cache.read(risk_map.project_risk, code=facts["code"], as_of=ctx.as_of, rev=rev))
    tabs = st.tabs([t(f"projects.tab_{name}") for name in
                    ("ledger", "hazards", "risk", "enforcement", "visits", "team", "approvals")] + [t("documents.tab")])
    with tabs[0]:
        _ledger(ctx, record["ledger"], facts["id"])
    with tabs[1]:
        _or_none(ctx, with_document_links(record["hazards"]), {
            "documents": "documents.tab", "code": "projects.code", "status": "projects.hazard_status", "level": "projects.level",
            "category": "projects.category", "found_on": "projects.found_on", "due_on": "projects.due_on",
            "rectified_on": "projects.rectified_on", "closed_on": "projects.closed_on",
            "description": "projects.description",
        }, {"status": enums.HAZARD_STATUS, "level": enums.HAZARD_LEVEL, "category": enums.CATEGORY},
            export=f"{facts['code']}_hazards")
    with tabs[2]:
        _or_none(ctx, record["risk_points"], {
            "code": "projects.code", "level": "projects.level", "category": "projects.category",
            "identified_on": "projects.identified_on", "description": "projects.description",
            "controls": "projects.controls"}, {"level": enums.RISK_LEVEL, "category": enums.CATEGORY},
            export=f"{facts['code']}_risk_points")
    with tabs[3]:
        _or_none(ctx, with_document_links(record["enforcement"]), {
            "documents": "documents.tab", "code": "projects.code", "kind": "projects.enforcement_kind", "issued_on": "projects.issued_on",
            "lifted_on": "projects.lifted_on", "reason": "projects.reason"}, {"kind": enums.ENFORCEMENT_KIND},
            export=f"{facts['code']}_enforcement")
    with tabs[4]:
        visits = masking.people(with_document_links(record["visits"]), ctx.user.role, names=("inspectors",))
        _or_none(ctx, visits, {"documents": "documents.tab", "code": "projects.code", "visited_on": "projects.visited_on",
                             "kind": "projects.visit_kind", "inspectors": "projects.inspectors",
                             "notes": "projects.notes"}, {"kind": enums.VISIT_KIND},
                 export=f"{facts['code']}_visits")
    with tabs[5]:
        team = masking.people(record["team"], ctx.user.role, names=("name",), phones=("phone",))
        _or_none(ctx, team, {"name": "projects.member", "role": "projects.member_role",
                           "organization": "projects.organization", "phone": "projects.phone"},
                 {"role": enums.TEAM_ROLE}, export=f"{facts['code']}_team")
    with tabs[6]:
        _approvals(ctx, record["approvals"], facts)
    with tabs[7]:
        project_documents(ctx, facts["code"])


def _or_none(ctx: PageContext, frame: pd.DataFrame, headers: dict[str, str], labels: dict | None = None, *,
             export: str) -> None:
    if frame.empty:
        st.caption(ctx.t("projects.no_records"))
    else:
        links = {ctx.t("documents.tab"): st.column_config.LinkColumn(display_text=ctx.t("documents.open_link"),
                                                                      width="small")}
        widgets.table(frame, ctx.t, headers, labels, export=export, user=ctx.user,
                      column_config=links if "documents" in headers else None)


def _ledger(ctx: PageContext, ledger: pd.DataFrame, project_id: int) -> None:
    t = ctx.t
    if ledger.empty:
        st.caption(t("projects.no_records"))
        return
    late = int(ledger["late"].sum())
    if late:
        st.warning(t("projects.ledger_late", n=late))
    for kind in enums.LEDGER_KIND.codes:
        items = ledger[ledger["kind"] == kind]
        if items.empty:
            continue
        st.markdown(f"**{t.label(enums.LEDGER_KIND, kind)}** · {len(items)}")
        headers = {"name": "projects.item", "status": "projects.ledger_status",
                   "planned_start": "projects.planned_start", "planned_end": "projects.planned_end",
                   "late": "projects.late"}
        if kind == "dangerous_works":
            risk_view.dangerous_works(ctx, cache.read(dangerous_works.dangerous_works, project_id=project_id,
                                                      as_of=ctx.as_of, rev=cache.revision()), headers)
            continue
        items = items.assign(late=items["late"].map({True: t("projects.late_flag"), False: ""}))
        widgets.table(items, t, headers, {"status": enums.LEDGER_STATUS})


def _approvals(ctx: PageContext, approvals: pd.DataFrame, facts: dict) -> None:
    t = ctx.t
    if approvals.empty:
        st.caption(t("projects.no_records"))
        return
    timeline = approvals.assign(end=approvals["approved_on"].fillna(ctx.as_of).map(dt.date.isoformat),
                                submitted_on=approvals["submitted_on"].map(dt.date.isoformat))
    widgets.chart(charts.approval_timeline, timeline.assign(code=facts["code"], project=facts["name"]), t)
    widgets.table(approvals, t, {"mode": "projects.approval_mode", "submitted_on": "projects.submitted_on",
                               "approved_on": "projects.approved_on", "days": "projects.approval_days"},
                {"mode": enums.APPROVAL_MODE})


t = ctx.t
rev = cache.revision()
code = st.query_params.get("project")

if code:
    record = cache.read(project_detail.project_record, code=code, as_of=ctx.as_of, rev=rev)
    if record is None:
        st.warning(t("projects.not_found", code=plain(code[:40])))
        st.link_button(t("projects.back"), "?", icon=":material/arrow_back:")
        st.stop()
    project_page(ctx, record)
else:
    st.title(t("projects.title"))
    st.caption(t("projects.intro"))
    project_list(ctx, list_filters(ctx), rev)
