"""A hazard as an inspector must know it before acting on it, and as its own page shows it: the facts, what
was reported, the photos as found and as fixed, its history from the audit log, its documents."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.queries import documents as documents_query
from db.queries import workflow
from render.formatting import plain
from ui import cache, widgets
from ui.documents import document_table, pdf_buttons
from ui.frame import PageContext


def card(ctx: PageContext, hazard, rev: int, *, expanded_history: bool = False) -> None:
    """The hazard's facts, fix, photos and history (`hazard`: a row of workflow.hazard_card's columns)."""
    t = ctx.t
    st.markdown(f"**{plain(hazard.code)}** · {plain(hazard.project)} · {t.label(enums.HAZARD_LEVEL, hazard.level)} · "
                f"{t.label(enums.CATEGORY, hazard.category)}")
    st.text(hazard.description)
    st.caption(t("rectification.card_dates", found=hazard.found_on, due=hazard.due_on))
    for field in ("location", "requirement", "responsible"):
        if isinstance(getattr(hazard, field), str):
            st.caption(t(f"rectification.card_{field}"))
            st.text(getattr(hazard, field))
    found = cache.read(workflow.photo_thumbnails, int(hazard.id), "found", rev=rev)
    if found:
        st.image(found, width=160, caption=[t("rectification.photo_found", n=i + 1) for i in range(len(found))])
    if isinstance(hazard.rectified_by, str):
        st.caption(t("rectification.rectified_by_on", who=plain(hazard.rectified_by), date=hazard.rectified_on))
        st.text(hazard.rectification_note or "")
    if hazard.sent_back_count:
        st.warning(t("rectification.sent_back", n=int(hazard.sent_back_count),
                     reason=plain(hazard.last_sent_back_reason)))
    thumbnails = cache.read(workflow.photo_thumbnails, int(hazard.id), rev=rev)
    if thumbnails:
        st.image(thumbnails, width=160, caption=[t("rectification.photo", n=i + 1) for i in range(len(thumbnails))])
    history = cache.read(workflow.hazard_history, hazard_id=int(hazard.id), rev=rev)
    with st.expander(t("rectification.history", n=len(history)), expanded=expanded_history):
        widgets.table(history.assign(action=history["action"].map(lambda a: t.named("audit_log.action_", a))), t,
                      {"at": "audit_log.col_at", "actor": "audit_log.col_actor", "action": "audit_log.col_action",
                       "changes": "audit_log.col_changes"})


def documents(ctx: PageContext, code: str) -> None:
    """The documents issued about the hazard (its notices, re-inspection opinions), each to download."""
    found = cache.read(documents_query.record_documents, record_code=code, rev=cache.revision())
    if found.empty:
        st.caption(ctx.t("documents.none_yet"))
        return
    document_table(ctx, found, export=f"{code}_documents")
    pdf_buttons(ctx, found, key=f"hazard_documents_{code}")
