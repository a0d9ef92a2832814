"""Chart builders: a small DataFrame in, an altair chart out. No queries here."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ui.i18n import Translator


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
