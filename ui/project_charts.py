"""Charts of the Projects page: the site map (no tile server) and the approvals timeline."""
from __future__ import annotations

import altair as alt
import pandas as pd

from db.enums import APPROVAL_MODE, PROJECT_STATUS
from ui.i18n import Translator

STATUS_COLOURS = {"active": "#e67e22", "not_started": "#95a5a6", "completed": "#27ae60"}


def site_map(sites: pd.DataFrame, t: Translator) -> alt.Chart:
    """Projects as points on a Mercator projection; key projects larger. Needs no internet."""
    shown = sites.assign(
        status_label=sites["status"].map(lambda s: t.label(PROJECT_STATUS, s)),
        size=sites["is_key"].map({True: 160, False: 50}),
    )
    labels = [t.label(PROJECT_STATUS, s) for s in STATUS_COLOURS]
    return alt.Chart(shown).mark_circle(opacity=0.8, stroke="white", strokeWidth=0.5).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("size:Q", legend=None),
        color=alt.Color("status_label:N", title=t("projects.status"),
                        scale=alt.Scale(domain=labels, range=list(STATUS_COLOURS.values()))),
        tooltip=[alt.Tooltip("code:N", title=t("projects.code")), alt.Tooltip("name:N", title=t("projects.name")),
                 alt.Tooltip("progress_pct:Q", title=t("projects.progress"), format=".0f")],
    ).project(type="mercator").properties(height=420)


def approvals_timeline(approvals: pd.DataFrame, t: Translator) -> alt.Chart:
    """One bar per approval from submission to approval (to today while pending)."""
    shown = approvals.assign(mode_label=approvals["mode"].map(lambda m: t.label(APPROVAL_MODE, m)))
    return alt.Chart(shown).mark_bar(height=18).encode(
        x=alt.X("submitted_on:T", title=t("projects.approval_dates")),
        x2="end:T",
        y=alt.Y("mode_label:N", title=None),
        color=alt.Color("mode_label:N", legend=None),
        tooltip=[alt.Tooltip("mode_label:N", title=t("projects.approval_mode")),
                 alt.Tooltip("submitted_on:T", title=t("projects.submitted_on")),
                 alt.Tooltip("approved_on:T", title=t("projects.approved_on")),
                 alt.Tooltip("days:Q", title=t("projects.approval_days"))],
    ).properties(height=90)
