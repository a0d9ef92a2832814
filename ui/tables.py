"""Tables as users read them: enumeration codes as labels, headers in the chosen language."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from db.enums import Vocabulary
from ui.i18n import Translator


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
         labels: dict[str, Vocabulary] | None = None, **options) -> None:
    """Draw `frame` as a read-only table with translated headers and labels."""
    st.dataframe(labelled(frame, t, headers, labels), hide_index=True, width="stretch", **options)
