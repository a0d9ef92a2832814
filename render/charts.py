"""Chart builders: a small DataFrame and a translator in, an altair chart out. No queries, no Streamlit.

The pages draw these through ui.widgets.chart; the PDF report renders the same builders offline.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from db import enums
from db.risk import GRADE_COLOURS, RISK_GRADE
from render.i18n import Translator

PATROL_STATUSES = ("compliant", "short", "inactive")
PATROL_COLOURS = ("#27ae60", "#e74c3c", "#d5d8dc")
MODE_COLOURS = ("#2e86c1", "#e67e22")
# Risk heatmaps: dark text on the light yellow and orange cells, white on red and blue.
RISK_TEXT_COLOURS = {"major": "white", "high": "black", "moderate": "black", "low": "white"}
CELL_PX = 24
# Streamlit fits the whole chart, legend and rotated axis labels included, into the given height.
FRAME_PX = 150


# Vega's time-format locale for Chinese: month and day names on time axes ("3月", not "Mar").
TIME_LOCALES = {"zh": {
    "dateTime": "%x %A %X", "date": "%Y-%m-%d", "time": "%H:%M:%S", "periods": ["上午", "下午"],
    "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    "months": ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"],
    "shortMonths": [f"{m}月" for m in range(1, 13)],
}}
DATE_FORMAT = "%Y-%m-%d"   # dates in tooltips, the same in both languages


def localised(spec: dict, lang: str) -> dict:
    """A chart's vega-lite spec with the language's time-format locale, so time axes speak it too."""
    if lang not in TIME_LOCALES:
        return spec
    return {**spec, "config": {**spec.get("config", {}), "locale": {"time": TIME_LOCALES[lang]}}}


# Presentation mode on a projector: chart text at least 18 px, light on the bureau's dark blue.
BUREAU_BLUE, BUREAU_RED = "#0b2e59", "#c8102e"
PROJECTOR_CONFIG = {
    "background": "transparent",
    "axis": {"labelFontSize": 20, "titleFontSize": 22, "labelColor": "#ffffff", "titleColor": "#ffffff",
             "gridColor": "#ffffff33", "domainColor": "#ffffffaa", "tickColor": "#ffffffaa"},
    "legend": {"labelFontSize": 20, "titleFontSize": 22, "labelColor": "#ffffff", "titleColor": "#ffffff"},
    "title": {"fontSize": 24, "color": "#ffffff"},
    "text": {"fontSize": 18},
    "view": {"stroke": None},
}


def for_projector(spec: dict) -> dict:
    """A chart's vega-lite spec restyled for the presentation (its own config kept where not overridden)."""
    config = dict(spec.get("config", {}))
    for part, values in PROJECTOR_CONFIG.items():
        config[part] = {**config.get(part, {}), **values} if isinstance(values, dict) else values
    return {**spec, "config": config}


# Bars

def found_vs_closed(monthly: pd.DataFrame, t: Translator) -> alt.Chart:
    """Grouped monthly bars: hazards found next to hazards closed."""
    series = {"found": t("overview.found"), "closed": t("overview.closed")}
    # Built from plain lists: pandas' melt costs more than the whole chart at this size.
    months = monthly["month"].tolist()
    long = pd.DataFrame({
        "month": months * 2,
        "series": [series["found"]] * len(months) + [series["closed"]] * len(months),
        "count": monthly["found"].tolist() + monthly["closed"].tolist(),
    })
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("month:O", title=t("overview.month")),
        xOffset=alt.XOffset("series:N", sort=list(series.values())),
        y=alt.Y("count:Q", title=t("overview.count")),
        color=alt.Color("series:N", title=None, sort=list(series.values()),
                        scale=alt.Scale(range=["#e67e22", "#27ae60"])),
        tooltip=["month:O", "series:N", "count:Q"],
    ).properties(height=320)


def count_bars(counts: pd.DataFrame, t: Translator, *, label: str, colours: dict[str, str] | None = None) -> alt.Chart:
    """Horizontal bars of a (label, count) frame, largest first; coloured per code when `colours` is given."""
    colour = (alt.Color("code:N", legend=None, scale=alt.Scale(domain=list(colours), range=list(colours.values())))
              if colours else alt.value("#4c78a8"))
    return alt.Chart(counts).mark_bar().encode(
        x=alt.X("count:Q", title=t("hazards.count")),
        y=alt.Y("label:N", title=label, sort="-x"),
        color=colour,
        tooltip=[alt.Tooltip("label:N", title=label), alt.Tooltip("count:Q", title=t("hazards.count"))],
    ).properties(height=max(120, 24 * len(counts)))


def days_to_close(bins: pd.DataFrame, t: Translator) -> alt.Chart:
    """Histogram of days from found to closed, from pre-binned counts."""
    return alt.Chart(bins).mark_bar(color="#27ae60").encode(
        x=alt.X("label:O", title=t("hazards.days_bin"), sort=bins["label"].tolist(), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("count:Q", title=t("hazards.count")),
        tooltip=[alt.Tooltip("label:O", title=t("hazards.days_bin")), alt.Tooltip("count:Q", title=t("hazards.count"))],
    ).properties(height=260)


def sessions_by_month(monthly: pd.DataFrame, t: Translator, months: list[str]) -> alt.Chart:
    """Stacked monthly bars of training sessions by kind, over every month of the period."""
    kinds = [t.label(enums.TRAINING_KIND, k) for k in enums.TRAINING_KIND.codes]
    frame = pd.DataFrame({
        "month": monthly["month"].tolist(),
        "kind": monthly["kind"].map(lambda k: t.label(enums.TRAINING_KIND, k)).tolist(),
        "sessions": monthly["sessions"].tolist(),
        "attendees": monthly["attendees"].tolist(),
    })
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("month:O", title=t("training.month"), scale=alt.Scale(domain=months)),
        y=alt.Y("sessions:Q", title=t("training.sessions"), axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("kind:N", title=None, sort=kinds, scale=alt.Scale(domain=kinds)),
        tooltip=[alt.Tooltip("month:O", title=t("training.month")), alt.Tooltip("kind:N", title=None),
                 alt.Tooltip("sessions:Q", title=t("training.sessions")),
                 alt.Tooltip("attendees:Q", title=t("training.attendees"))],
    ).properties(height=300)


def cycle_histogram(bins: pd.DataFrame, t: Translator) -> alt.Chart:
    """Approvals per cycle-length bin, parallel next to serial."""
    modes = [t.label(enums.APPROVAL_MODE, m) for m in enums.APPROVAL_MODE.codes]
    frame = pd.DataFrame({
        "bin": [t("approvals.bin_label", low=int(lo), high=int(hi)) for lo, hi in zip(bins["low"], bins["high"])],
        "low": bins["low"].tolist(),
        "mode": bins["mode"].map(lambda m: t.label(enums.APPROVAL_MODE, m)).tolist(),
        "approvals": bins["approvals"].tolist(),
    })
    order = list(dict.fromkeys(frame.sort_values("low")["bin"]))
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("bin:O", title=t("approvals.days"), sort=order),
        xOffset=alt.XOffset("mode:N", sort=modes),
        y=alt.Y("approvals:Q", title=t("approvals.approvals_axis"), axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("mode:N", title=None, sort=modes, scale=alt.Scale(domain=modes, range=list(MODE_COLOURS))),
        tooltip=[alt.Tooltip("bin:O", title=t("approvals.days")), alt.Tooltip("mode:N", title=None),
                 alt.Tooltip("approvals:Q", title=t("approvals.approvals_axis"))],
    ).properties(height=300)


# Heatmaps

def patrol_heatmap(cells: pd.DataFrame, t: Translator, *, against_target: bool = False) -> alt.Chart:
    """Project × ISO week cells: green with ≥ 3 visits (or the week's risk-based `target`), red with fewer, grey when
    the project was not active."""
    labels = [t(f"patrols.{'target' if against_target else 'status'}_{s}") for s in PATROL_STATUSES]
    frame = pd.DataFrame({
        "project": (cells["code"] + " " + cells["project"]).tolist(),
        "week": pd.to_datetime(cells["monday"]).dt.strftime("%Y-%m-%d").tolist(),
        "visits": cells["visits"].tolist(),
        "target": cells["target"].tolist() if against_target else [3] * len(cells),
        "status": cells["status"].map(dict(zip(PATROL_STATUSES, labels))).tolist(),
    })
    order = list(dict.fromkeys(frame["project"]))  # rank order from the query: worst first
    return alt.Chart(frame).mark_rect(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("week:O", title=t("patrols.week"), axis=alt.Axis(labelAngle=-60)),
        y=alt.Y("project:N", title=None, sort=order, axis=alt.Axis(labelLimit=260, labelOverlap=False)),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=labels, range=list(PATROL_COLOURS))),
        tooltip=[alt.Tooltip("project:N", title=t("patrols.project")), alt.Tooltip("week:O", title=t("patrols.week")),
                 alt.Tooltip("visits:Q", title=t("patrols.visits")), alt.Tooltip("target:Q", title=t("patrols.target")),
                 alt.Tooltip("status:N", title=None)],
    ).properties(height=FRAME_PX + CELL_PX * len(order))   # a row tall enough for its label, every row labelled


def risk_heatmap(cells: pd.DataFrame, t: Translator, *, x: str, y: str, x_title: str, y_title: str,
                 x_order: list[str] | None = None, y_order: list[str] | None = None) -> alt.LayerChart:
    """A cell per (x, y) coloured by its highest risk level (four-colour legend), with its count on top."""
    levels = list(enums.RISK_LEVEL.codes)
    labels = [t.label(enums.RISK_LEVEL, code) for code in levels]
    data = cells.assign(level_label=cells["level"].map(lambda code: t.label(enums.RISK_LEVEL, code)),
                        text_colour=cells["level"].map(RISK_TEXT_COLOURS))
    tooltip = [alt.Tooltip(f"{y}:N", title=y_title), alt.Tooltip(f"{x}:N", title=x_title),
               alt.Tooltip("count:Q", title=t("risk.count")), alt.Tooltip("level_label:N", title=t("risk.highest"))]
    base = alt.Chart(data).encode(
        x=alt.X(f"{x}:N", title=x_title, sort=x_order, axis=alt.Axis(labelAngle=-45, labelLimit=160, labelOverlap=False)),
        y=alt.Y(f"{y}:N", title=y_title, sort=y_order, axis=alt.Axis(labelLimit=240, labelOverlap=False)),
        tooltip=tooltip,
    )
    rects = base.mark_rect(stroke="white").encode(
        color=alt.Color("level_label:N", title=t("risk.highest"),
                        scale=alt.Scale(domain=labels, range=[enums.RISK_COLOURS[c] for c in levels]),
                        legend=alt.Legend(orient="top")),
    )
    text = base.mark_text(fontSize=11).encode(text="count:Q", color=alt.Color("text_colour:N", scale=None))
    rows = len(y_order) if y_order else cells[y].nunique()
    return (rects + text).properties(height=FRAME_PX + CELL_PX * rows)


# Lines, timelines and the map

def compliance_trend(weekly: pd.DataFrame, t: Translator) -> alt.Chart:
    """The weekly share of active projects patrolled at least 3 times, as a line."""
    frame = pd.DataFrame({
        "week": pd.to_datetime(weekly["monday"]).tolist(),
        "share": weekly["share"].tolist(),
        "active": weekly["active"].tolist(),
        "compliant": weekly["compliant"].tolist(),
    })
    return alt.Chart(frame).mark_line(point=alt.OverlayMarkDef(color="#27ae60"), color="#27ae60").encode(
        x=alt.X("week:T", title=t("patrols.week")),
        y=alt.Y("share:Q", title=t("patrols.share"), axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("week:T", title=t("patrols.week"), format=DATE_FORMAT),
                 alt.Tooltip("share:Q", title=t("patrols.share"), format=".1%"),
                 alt.Tooltip("compliant:Q", title=t("patrols.compliant")),
                 alt.Tooltip("active:Q", title=t("patrols.active"))],
    ).properties(height=260)


def approval_timeline(rows: pd.DataFrame, t: Translator) -> alt.Chart:
    """One bar per project and mode, from submission to approval (to `end`, the as-of date, while pending)."""
    modes = [t.label(enums.APPROVAL_MODE, m) for m in enums.APPROVAL_MODE.codes]
    frame = pd.DataFrame({
        "project": (rows["code"] + " " + rows["project"]).tolist(),
        "mode": rows["mode"].map(lambda m: t.label(enums.APPROVAL_MODE, m)).tolist(),
        "submitted_on": pd.to_datetime(rows["submitted_on"]).tolist(),
        "approved_on": pd.to_datetime(rows["approved_on"]).tolist(),
        "end": pd.to_datetime(rows["end"] if "end" in rows else rows["approved_on"]).tolist(),
        "days": rows["days"].tolist(),
    })
    order = list(dict.fromkeys(frame["project"]))
    return alt.Chart(frame).mark_bar(height=8).encode(
        x=alt.X("submitted_on:T", title=t("approvals.dates")),
        x2="end:T",
        y=alt.Y("project:N", title=None, sort=order, axis=alt.Axis(labelLimit=260, labelOverlap=False)),
        yOffset=alt.YOffset("mode:N", sort=modes),
        color=alt.Color("mode:N", title=None, sort=modes, scale=alt.Scale(domain=modes, range=list(MODE_COLOURS))),
        tooltip=[alt.Tooltip("project:N", title=t("approvals.project")), alt.Tooltip("mode:N", title=None),
                 alt.Tooltip("submitted_on:T", title=t("approvals.submitted"), format=DATE_FORMAT),
                 alt.Tooltip("approved_on:T", title=t("approvals.approved"), format=DATE_FORMAT),
                 alt.Tooltip("days:Q", title=t("approvals.days"))],
    ).properties(height=FRAME_PX + CELL_PX * len(order))


def risk_map(sites: pd.DataFrame, t: Translator, *, outline: tuple, roads: tuple,
             tiles: list[dict] | None = None) -> alt.LayerChart:
    """Sites coloured by risk grade and sized by open hazards over the district's outline and main roads (GeoJSON
    features); `tiles` (render.map_tiles) add a background from a configured tile server. Needs no internet."""
    grades = [t.label(RISK_GRADE, g) for g in RISK_GRADE.codes]
    shown = sites.assign(grade=sites["level"].map(lambda g: t.label(RISK_GRADE, g)))
    name = "name_zh" if t.lang == "zh" else "name_en"
    area = alt.Chart(alt.Data(values=list(outline))).mark_geoshape(fill="#f4f6f8", stroke="#7b8794", strokeWidth=1.5)
    lines = alt.Chart(alt.Data(values=list(roads))).mark_geoshape(filled=False, stroke="#aab2bd").encode(
        strokeWidth=alt.condition("datum.properties['class'] === 'expressway'", alt.value(3), alt.value(1.5)),
        tooltip=alt.Tooltip(f"properties.{name}:N", title=t("project_map.road")))
    points = alt.Chart(shown).mark_circle(opacity=0.85, stroke="white", strokeWidth=0.8).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.Color("grade:N", title=t("project_map.grade"), scale=alt.Scale(
            domain=grades, range=[GRADE_COLOURS[g] for g in RISK_GRADE.codes]), legend=alt.Legend(orient="top")),
        # With no open hazard anywhere a size legend would read "0.000000": none is drawn then.
        size=alt.Size("open_hazards:Q", title=t("project_map.open_hazards"), scale=alt.Scale(range=[60, 700]),
                      legend=alt.Legend(format="d", tickMinStep=1) if sites["open_hazards"].max() > 0 else None),
        tooltip=[alt.Tooltip("code:N", title=t("projects.code")), alt.Tooltip("name:N", title=t("projects.name")),
                 alt.Tooltip("grade:N", title=t("project_map.grade")),
                 alt.Tooltip("score:Q", title=t("project_map.score")),
                 alt.Tooltip("weekly_target:Q", title=t("project_map.target")),
                 alt.Tooltip("open_hazards:Q", title=t("project_map.open_hazards"))])
    # Each road's name at its `label_at` point (else its middle vertex), so the map reads without hovering.
    middles = [f["properties"].get("label_at") or f["geometry"]["coordinates"][len(f["geometry"]["coordinates"]) // 2]
               for f in roads]
    names = alt.Chart(pd.DataFrame({"road": [f["properties"][name] for f in roads],
                                    "lon": [p[0] for p in middles], "lat": [p[1] for p in middles]})).mark_text(
        color="#6b7480", fontSize=11, dy=-7).encode(longitude="lon:Q", latitude="lat:Q", text="road:N")
    layers = [area, lines, names, points]
    if tiles:
        background = alt.Chart(pd.DataFrame(tiles)).mark_image(aspect=False, clip=True).encode(
            longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q", url="url:N")
        layers = [background, area.mark_geoshape(fillOpacity=0, stroke="#37474f", strokeWidth=2), lines, names,
                  points]
    return alt.layer(*layers).project(type="mercator", fit=list(outline)).properties(height=560)
