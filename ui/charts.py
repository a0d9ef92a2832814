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
