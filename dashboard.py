"""Home page: the Overview. Run with `streamlit run dashboard.py`."""
import datetime as dt

import streamlit as st

from db import enums
from db.config import settings
from db.kpis import compared
from db.permissions import may_export
from db.period import FIRST_YEAR, Period
from db.queries import drilldown, overview
from render import charts, masking
from render.formatting import plain
from render.report import content, pdf, xlsx
from ui import cache, filters, present_view, risk_view, widgets
from ui.auth import cookie_being_written, still_signed_in
from ui.frame import frame, opened_without_a_view
from ui.period_picker import period_label

ctx = frame("overview")

# The vocabulary of a drill-down's `kind` / `level` column depends on which table the card counts.
KIND_OF = {"stop_work_orders": enums.ENFORCEMENT_KIND, "warning_interviews": enums.ENFORCEMENT_KIND,
           "site_visits": enums.VISIT_KIND, "trainings": enums.TRAINING_KIND,
           "projects_supervised": enums.PROJECT_KIND, "key_projects": enums.PROJECT_KIND}
LEVEL_OF = {"risk_points": enums.RISK_LEVEL, "risk_points_major": enums.RISK_LEVEL,
            "accidents": enums.ACCIDENT_LEVEL}
REPORT_KINDS = ("month", "quarter", "year")
REPORT_FORMATS = {"pdf": "application/pdf",
                  "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}

# An inspector's day starts on My work: where they land after signing in, unless the tab was opened on a link to
# a view here (a shared link, a reload of the Overview). Not in the run that writes the sign-in cookie (switching
# would drop it); the cookie's own rerun follows at once.
if ctx.user.role == "staff" and not st.session_state.get("landed") and not cookie_being_written() \
        and opened_without_a_view():
    st.session_state["landed"] = True
    st.switch_page("pages/my_work.py")
if not cookie_being_written():
    st.session_state["landed"] = True
if present_view.wanted(ctx):
    present_view.show(ctx)
    st.stop()
t, period = ctx.t, ctx.period

st.title(t("overview.title"))


# Where each alert's list is: the overdue card's own records, the Hazards page's open list of major hazards.
ALERT_LISTS = {"overdue": ("dashboard.py", {"detail": "hazards_overdue"}, st.error),
               "open_major": ("pages/hazards.py", {"level": "major"}, st.warning)}


def alert_strip(alerts: list[overview.Alert]) -> None:
    """Overdue and open major hazards above the cards, loud, each with a link to the hazards behind it."""
    for alert in alerts:
        script, params, box = ALERT_LISTS[alert.kind]
        names = t("overview.alert_separator").join(plain(name) for name in alert.projects)
        more = t("overview.alert_more", n=alert.more_projects) if alert.more_projects else ""
        text, link = st.columns([5, 1], vertical_alignment="center")
        with text:
            box(t(f"overview.alert_{alert.kind}", count=alert.count, days=alert.oldest_days,
                  projects=names + more), icon=":material/warning:")
        with link:
            widgets.link(script, t("overview.alert_open_list"), icon=":material/list:", query_params=params)


@st.fragment(run_every=settings().refresh)
def live_figures():
    """KPI cards and the monthly chart; recomputed only when the data revision changed."""
    still_signed_in(cache.engine())
    rev = cache.revision()
    both = cache.read(compared, period, ctx.as_of, rev=rev)
    against = both.against
    st.caption(t("overview.caption", start=period.start, end=period.end, as_of=ctx.as_of) + " " + (
        t("overview.compared_with", prev_start=against.period.start, prev_end=against.period.end,
          prev_as_of=against.as_of) if against else t("overview.no_earlier")))
    alert_strip(cache.read(overview.alerts, period, ctx.as_of, rev=rev))
    widgets.kpi_cards(both, t)

    st.subheader(t("overview.hazards_by_month"))
    monthly = cache.read(overview.hazards_found_closed_by_month, period, rev=rev)
    if monthly[["found", "closed"]].to_numpy().sum() == 0:
        st.info(t("overview.empty"))
    else:
        widgets.chart(charts.found_vs_closed, monthly, t)

    left, right = st.columns([1, 2])
    last_accident = cache.read(overview.last_accident_date, ctx.as_of, rev=rev)
    records_start = cache.read(overview.records_start, rev=rev)
    with left:
        if last_accident:
            st.metric(t("overview.days_since_accident"),
                      t("overview.days_value", days=(ctx.as_of - last_accident).days))
        elif records_start:
            st.success(t("overview.no_accident_since", date=records_start))
    with right:
        st.subheader(t("overview.awards"))
        awards = cache.read(overview.awards_in_years, period, rev=rev)
        if awards.empty:
            st.caption(t("overview.no_awards"))
        else:
            widgets.table(awards, t, {"year": "overview.award_year", "name": "overview.award_name",
                                      "level": "overview.award_level", "project": "overview.award_project"},
                          {"level": enums.AWARD_LEVEL})


live_figures()
risk_view.map_section(ctx, cache.revision())
st.divider()

# The records behind a card: exactly the rows its figure counted (same SQL condition), a page at a time.
rev = cache.revision()
chosen = filters.url_value(t, "detail", drilldown.DRILLABLE)
kpi = st.selectbox(t("overview.records_behind"), drilldown.DRILLABLE, placeholder=t("overview.pick_card"),
                   index=drilldown.DRILLABLE.index(chosen) if chosen else None, key="overview_detail",
                   format_func=lambda key: t.label(enums.KPI, key))
filters.write_url(detail=kpi)
if kpi is not None:
    rows, total = widgets.paged(t, "overview_detail_page", lambda limit, offset: cache.read(
        drilldown.records_behind, kpi=kpi, period=period, as_of=ctx.as_of, limit=limit, offset=offset, rev=rev))
    if rows.empty:
        st.caption(t("overview.no_records"))
    else:
        def masked(frame):
            return masking.people(frame, ctx.user.role, names=("inspectors",) if "inspectors" in frame else ())

        def every_record():
            return masked(cache.read(drilldown.records_behind, kpi=kpi, period=period, as_of=ctx.as_of,
                                     limit=widgets.EXPORT_ROWS, offset=0, rev=rev)[0])

        vocabularies = {"category": enums.CATEGORY, "kind": KIND_OF.get(kpi),
                        "level": LEVEL_OF.get(kpi, enums.HAZARD_LEVEL)}
        widgets.table(masked(rows), t, {column: f"overview.col_{column}" for column in rows.columns}, vocabularies,
                      export=f"{kpi}_{period.start}_{period.end}", user=ctx.user, everything=every_record)

if may_export(ctx.user.role):
    with st.expander(t("report_export.title"), icon=":material/description:"):
        left, middle, right = st.columns(3)
        # The report is of the period on the page unless another is picked: a year, quarter or month is
        # preselected among its kind; a custom span or "all" is offered first.
        page_kind = period.kind(cache.read(overview.records_start, rev=cache.revision()))
        kind = left.segmented_control(t("report_export.kind"), REPORT_KINDS,
                                      default=page_kind if page_kind in REPORT_KINDS else "year",
                                      key=f"overview_report_kind_{period.start}_{period.end}",
                                      format_func=lambda k: t(f"report_export.{k}")) or "year"
        choices = Period.every(kind, FIRST_YEAR, ctx.as_of)
        if page_kind not in REPORT_KINDS:
            choices.insert(0, period)
        chosen_period = middle.selectbox(t("report_export.period"), choices,
                                         index=choices.index(period) if period in choices else 0,
                                         key=f"overview_report_{kind}_{period.start}_{period.end}",
                                         format_func=lambda p: period_label(t, p))
        fmt = right.segmented_control(t("report_export.format"), tuple(REPORT_FORMATS), default="pdf",
                                      key="overview_report_format", format_func=str.upper) or "pdf"
        if fmt == "pdf" and pdf.font_problem():
            st.error(t("report_export.no_font", reason=pdf.font_problem()))
        else:
            def render(chosen: Period = chosen_period, as_of: dt.date = ctx.as_of) -> bytes:
                gathered = content.gather(cache.engine(), chosen, as_of)
                return pdf.render_pdf(gathered, t) if fmt == "pdf" else xlsx.render_xlsx(gathered, t)

            widgets.download(ctx.user, t("report_export.download"), render, mime=REPORT_FORMATS[fmt],
                             file_name=f"report_{chosen_period.start}_{chosen_period.end}.{fmt}",
                             key="overview_report_download")
