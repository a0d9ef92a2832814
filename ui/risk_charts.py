"""Four-colour risk heatmaps: a cell per (row, column) coloured by its highest level, its count as text."""
from __future__ import annotations

import altair as alt
import pandas as pd

from db.enums import RISK_COLOURS, RISK_LEVEL
from ui.i18n import Translator

# Dark text on the light yellow and orange cells, white on red and blue.
TEXT_COLOURS = {"major": "white", "high": "black", "moderate": "black", "low": "white"}
CELL_PX = 24
# Streamlit fits the whole chart, legend and rotated axis labels included, into the given height.
FRAME_PX = 150


def heatmap(cells: pd.DataFrame, t: Translator, *, x: str, y: str, x_title: str, y_title: str,
            x_order: list[str] | None = None, y_order: list[str] | None = None) -> alt.LayerChart:
    """mark_rect coloured by the cell's highest level (legend in four colours) with the count on top."""
    levels = list(RISK_LEVEL.codes)
    labels = [t.label(RISK_LEVEL, code) for code in levels]
    data = cells.assign(level_label=cells["level"].map(lambda code: t.label(RISK_LEVEL, code)),
                        text_colour=cells["level"].map(TEXT_COLOURS))
    tooltip = [alt.Tooltip(f"{y}:N", title=y_title), alt.Tooltip(f"{x}:N", title=x_title),
               alt.Tooltip("count:Q", title=t("risk.count")), alt.Tooltip("level_label:N", title=t("risk.highest"))]
    base = alt.Chart(data).encode(
        x=alt.X(f"{x}:N", title=x_title, sort=x_order, axis=alt.Axis(labelAngle=-45, labelLimit=160, labelOverlap=False)),
        y=alt.Y(f"{y}:N", title=y_title, sort=y_order, axis=alt.Axis(labelLimit=240)),
        tooltip=tooltip,
    )
    rects = base.mark_rect(stroke="white").encode(
        color=alt.Color("level_label:N", title=t("risk.highest"),
                        scale=alt.Scale(domain=labels, range=[RISK_COLOURS[c] for c in levels]),
                        legend=alt.Legend(orient="top")),
    )
    text = base.mark_text(fontSize=11).encode(text="count:Q", color=alt.Color("text_colour:N", scale=None))
    rows = len(y_order) if y_order else cells[y].nunique()
    return (rects + text).properties(height=FRAME_PX + CELL_PX * rows)
