"""Chart builders for patrols, training and approvals: a small DataFrame in, an altair chart out. No queries."""
from __future__ import annotations

import altair as alt
import pandas as pd

from db import enums
from ui.i18n import Translator

PATROL_STATUSES = ("compliant", "short", "inactive")
PATROL_COLOURS = ("#27ae60", "#e74c3c", "#d5d8dc")
MODE_COLOURS = ("#2e86c1", "#e67e22")


def patrol_heatmap(cells: pd.DataFrame, t: Translator) -> alt.Chart:
    """Project × ISO week cells: green with ≥ 3 visits, red with fewer, grey when the project was not active."""
    labels = [t(f"patrols.status_{s}") for s in PATROL_STATUSES]
    frame = pd.DataFrame({
        "project": (cells["code"] + " " + cells["project"]).tolist(),
        "week": pd.to_datetime(cells["monday"]).dt.strftime("%Y-%m-%d").tolist(),
        "visits": cells["visits"].tolist(),
        "status": cells["status"].map(dict(zip(PATROL_STATUSES, labels))).tolist(),
    })
    order = list(dict.fromkeys(frame["project"]))  # rank order from the query: worst first
    return alt.Chart(frame).mark_rect(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("week:O", title=t("patrols.week"), axis=alt.Axis(labelAngle=-60)),
        y=alt.Y("project:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=labels, range=list(PATROL_COLOURS))),
        tooltip=[alt.Tooltip("project:N", title=t("patrols.project")), alt.Tooltip("week:O", title=t("patrols.week")),
                 alt.Tooltip("visits:Q", title=t("patrols.visits")), alt.Tooltip("status:N", title=None)],
    ).properties(height=max(120, 18 * len(order)))


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
        tooltip=[alt.Tooltip("week:T", title=t("patrols.week")),
                 alt.Tooltip("share:Q", title=t("patrols.share"), format=".1%"),
                 alt.Tooltip("compliant:Q", title=t("patrols.compliant")),
                 alt.Tooltip("active:Q", title=t("patrols.active"))],
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


def approval_timeline(rows: pd.DataFrame, t: Translator) -> alt.Chart:
    """One bar per project and mode, from submission to approval."""
    modes = [t.label(enums.APPROVAL_MODE, m) for m in enums.APPROVAL_MODE.codes]
    frame = pd.DataFrame({
        "project": (rows["code"] + " " + rows["project"]).tolist(),
        "mode": rows["mode"].map(lambda m: t.label(enums.APPROVAL_MODE, m)).tolist(),
        "submitted_on": pd.to_datetime(rows["submitted_on"]).tolist(),
        "approved_on": pd.to_datetime(rows["approved_on"]).tolist(),
        "days": rows["days"].tolist(),
    })
    order = list(dict.fromkeys(frame["project"]))
    return alt.Chart(frame).mark_bar(height=8).encode(
        x=alt.X("submitted_on:T", title=t("approvals.dates")),
        x2="approved_on:T",
        y=alt.Y("project:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("mode:N", sort=modes),
        color=alt.Color("mode:N", title=None, sort=modes, scale=alt.Scale(domain=modes, range=list(MODE_COLOURS))),
        tooltip=[alt.Tooltip("project:N", title=t("approvals.project")), alt.Tooltip("mode:N", title=None),
                 alt.Tooltip("submitted_on:T", title=t("approvals.submitted")),
                 alt.Tooltip("approved_on:T", title=t("approvals.approved")),
                 alt.Tooltip("days:Q", title=t("approvals.days"))],
    ).properties(height=max(120, 26 * len(order)))
