"""What every page draws the same way: KPI cards, charts, tables (with their CSV) and the pager."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from db import enums
from db.enums import Vocabulary
from db.kpis import Compared
from db.permissions import Actor, may_export
from db.users import record_download
from render.charts import for_projector
from render.formatting import csv_bytes, format_kpi, kpi_delta
from render.i18n import Translator
from ui import cache
from ui.filters import write_url

PAGE_SIZE = 50
EXPORT_ROWS = 100_000   # a CSV of a whole list stops here: a spreadsheet, not a database dump
# Cards on the Overview, in reading order; (key, delta colour) where "inverse" means fewer is better.
OVERVIEW_CARDS = (
    ("projects_supervised", "off"), ("key_projects", "off"), ("site_visits", "normal"),
    ("patrol_compliance", "normal"), ("patrol_compliance_risk_based", "normal"), ("hazards_found", "off"), ("hazards_major", "inverse"),
    ("rectification_rate", "normal"), ("hazards_overdue", "inverse"), ("median_days_to_close", "inverse"),
    ("risk_points", "off"), ("risk_points_major", "inverse"), ("stop_work_orders", "inverse"),
    ("warning_interviews", "inverse"), ("trainings", "normal"), ("enterprises_trained", "normal"),
    ("accidents", "inverse"), ("approval_cycle_reduction", "normal"), ("awards", "normal"),
)
CARDS_PER_ROW = 5


def kpi_cards(both: Compared, t: Translator) -> None:
    """The Overview's KPI cards, each with its change against the period it compares with (db.period.comparison),
    green when the change is good; "no earlier records" when there is nothing to compare with."""
    now = both.current.as_dict()
    before = both.previous.as_dict() if both.previous else None
    for row_start in range(0, len(OVERVIEW_CARDS), CARDS_PER_ROW):
        columns = st.columns(CARDS_PER_ROW)
        for column, (key, colour) in zip(columns, OVERVIEW_CARDS[row_start:row_start + CARDS_PER_ROW]):
            change = kpi_delta(key, now[key], before[key]) if before else t("overview.no_earlier_short")
            unchanged = before is None or now[key] == before[key] or change is None
            column.metric(t.label(enums.KPI, key), format_kpi(key, now[key]), delta=change,
                          delta_color="off" if unchanged else colour,
                          delta_arrow="off" if unchanged else "auto", border=True)


def metrics(t: Translator, figures: dict, keys: tuple[str, ...], columns=None) -> None:
    """KPI figures as bordered cards in a row, labelled and formatted as everywhere else."""
    for column, key in zip(columns or st.columns(len(keys)), keys):
        column.metric(t.label(enums.KPI, key), format_kpi(key, figures[key]), border=True)


def chart(builder, data, t: Translator, *args, projector: int | None = None, **kwargs) -> None:
    """Draw `builder(data, t, *args, **kwargs)` (a render.charts builder) full width; its spec is reused
    while the data, the language and the options stay the same. `projector` (a height in px): large light
    text for the presentation."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    spec = cache.chart_spec(builder, name, data, t, t.lang, args, kwargs)
    if projector:
        st.vega_lite_chart({**for_projector(spec), "height": projector}, width="stretch", theme=None)
    else:
        st.vega_lite_chart(spec, width="stretch")


def labelled(frame: pd.DataFrame, t: Translator, headers: dict[str, str],
             labels: dict[str, Vocabulary] | None = None) -> pd.DataFrame:
    """`frame` reduced to the `headers` columns ({column: catalog key}), codes shown as labels."""
    shown = frame[list(headers)].copy()
    for column, vocabulary in (labels or {}).items():
        if column in headers and vocabulary is not None:
            shown[column] = shown[column].map(lambda code, v=vocabulary: t.label(v, code))
    return shown.rename(columns={column: t(key) for column, key in headers.items()})


def table(frame: pd.DataFrame, t: Translator, headers: dict[str, str],
          labels: dict[str, Vocabulary] | None = None, *, export: str | None = None, user: Actor | None = None,
          everything: Callable[[], pd.DataFrame] | None = None, **options) -> None:
    """Draw `frame` as a read-only table with translated headers and labels.

    With `export` (a file stem) and a role that may export, a CSV is offered: of what is shown, or of the whole
    list when `frame` is one page of it and `everything` reads it all (up to EXPORT_ROWS), built on click.
    The grid's own export is switched off for everyone (client.disableDataExport) so that visitors get none.
    """
    shown = labelled(frame, t, headers, labels)
    st.dataframe(shown, hide_index=True, width="stretch", **options)
    if export and user and may_export(user.role):
        whole = (lambda: labelled(everything(), t, headers, labels)) if everything else (lambda: shown)
        download(user, t("frame.csv"), lambda: csv_bytes(whole()), file_name=f"{export}.csv", mime="text/csv",
                 key=f"csv_{export}")


def download(user: Actor, label: str, build: Callable[[], bytes], *, file_name: str, mime: str, key: str,
             icon: str = ":material/download:", width: str = "content") -> None:
    """A download button: the file is built only when clicked (paging stays fast) and each download is
    recorded in the audit log with who took it and from where."""
    def audited() -> bytes:
        data = build()
        record_download(cache.engine(), user, file_name=file_name, size_bytes=len(data))
        return data

    st.download_button(label, data=audited, file_name=file_name, mime=mime, key=key, icon=icon,
                       on_click="ignore", width=width)


def link(script: str, label: str, *, icon: str | None = None, query_params: dict | None = None,
         width: str = "content") -> None:
    """A link to one of the app's pages (`label` is our own text: catalogs, codes made safe with plain())."""
    try:
        st.page_link(script, label=label, icon=icon, query_params=query_params, width=width)
    except StreamlitPageNotFoundError:
        # AppTest builds no page registry (streamlit#8154): the link shows as text there.
        st.markdown(label)


def paged(t: Translator, key: str, fetch: Callable[[int, int], tuple[pd.DataFrame, int]], *,
          page_size: int = PAGE_SIZE, url_param: str | None = None) -> tuple[pd.DataFrame, int]:
    """One page of a list, with the pager that moves through it: `fetch(limit, offset)` gives (rows, total).

    The page number lives under `key` (and in the URL as `url_param` when given); a list that shrank
    (another filter or period) falls back to a page that exists. Returns (rows of the page, total).
    """
    state = st.session_state
    if url_param and key not in state:
        wanted = st.query_params.get(url_param, "1")
        state[key] = int(wanted) if wanted.isdigit() and int(wanted) > 0 else 1
    page = state.get(key) if isinstance(state.get(key), int) and state[key] > 0 else 1
    rows, total = fetch(page_size, (page - 1) * page_size)
    pages = max(1, -(-total // page_size))
    if page > pages:
        page = pages
        rows, total = fetch(page_size, (page - 1) * page_size)
    state[key] = page
    if total == 0:
        return rows, total
    if pages > 1:
        st.number_input(t("filters.page_number"), min_value=1, max_value=pages, step=1, key=key)
    st.caption(t("filters.page_of", page=page, pages=pages, total=total))
    if url_param:
        write_url(**{url_param: page if page > 1 else None})
    return rows, total
