"""Tables as users read them: enumeration codes as labels, headers in the chosen language."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from db.enums import Vocabulary
from ui.i18n import Translator
from ui.masking import masks_for


def labelled(frame: pd.DataFrame, t: Translator, headers: dict[str, str],
             labels: dict[str, Vocabulary] | None = None) -> pd.DataFrame:
    """`frame` reduced to the `headers` columns ({column: catalog key}), codes shown as labels."""
    shown = frame[list(headers)].copy()
    for column, vocabulary in (labels or {}).items():
        if column not in headers:
            continue
        shown[column] = shown[column].map(lambda code, v=vocabulary: t.label(v, code))
    return shown.rename(columns={column: t(key) for column, key in headers.items()})


def show(frame: pd.DataFrame, t: Translator, headers: dict[str, str],
         labels: dict[str, Vocabulary] | None = None, *, export: str | None = None, role: str | None = None,
         **options) -> None:
    """Draw `frame` as a read-only table with translated headers and labels.

    With `export` (a file stem) and a role that may export, a CSV of exactly what is shown is offered;
    the grid's own export is switched off for everyone (client.disableDataExport) so that visitors get none.
    """
    shown = labelled(frame, t, headers, labels)
    st.dataframe(shown, hide_index=True, width="stretch", **options)
    if export and role:
        offer_csv(shown, t, export=export, role=role)


def offer_csv(shown: pd.DataFrame, t: Translator, *, export: str, role: str) -> None:
    """A download of exactly the table shown, for roles that may export (never for visitors)."""
    if masks_for(role):
        return
    # utf-8 with BOM: Excel opens Chinese CSV correctly only with it.
    st.download_button(t("frame.csv"), shown.to_csv(index=False).encode("utf-8-sig"), f"{export}.csv",
                       mime="text/csv", icon="⬇️", key=f"csv_{export}", on_click="ignore")
