"""Tables as users read them: enumeration codes shown as labels, headers translated."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from db.enums import Vocabulary
from ui.i18n import Translator


def show(frame: pd.DataFrame, t: Translator, *, headers: dict[str, str],
         labels: dict[str, Vocabulary] | None = None) -> None:
    """Show the `headers` columns of `frame` (column -> catalog key), codes replaced by their labels."""
    shown = frame[list(headers)].copy()
    for column, vocabulary in (labels or {}).items():
        shown[column] = shown[column].map(lambda code, v=vocabulary: t.label(v, code))
    st.dataframe(shown.rename(columns={column: t(key) for column, key in headers.items()}),
                 hide_index=True, width="stretch")
