"""The supervision documents where records are shown: a record's documents with their PDFs, and the
buttons that issue the documents it fits (staff, admin). Pages call `issue_buttons(ctx, kind, code)`."""
from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from db import enums
from db.commands.documents import document_pdf, issue_documents
from db.errors import PermissionDenied, ValidationFailed
from db.permissions import ENTRY_ROLES, may_export
from db.queries import documents
from render import masking
from render.formatting import plain
from render.documents import DocumentFontMissing, prepare, render_zh
from ui import cache, widgets
from ui.frame import PageContext

# The documents each kind of record makes, in the order they are issued.
KINDS_FOR = {
    "visit": ("visit_record", "rectification_notice"),
    "hazard": ("reinspection_opinion",),
    "stop_work": ("stop_work_notice", "resumption_notice"),
    "warning_interview": ("interview_notice", "interview_record"),
}
HEADERS = {"number": "documents.number", "kind": "documents.kind", "project": "documents.project",
           "record_code": "documents.record", "issued_on": "documents.issued_on", "issued_by": "documents.issued_by",
           "superseded_by": "documents.superseded_by"}


def issue_buttons(ctx: PageContext, record_type: str, code: str) -> None:
    """A record's documents and the buttons issuing those it fits; `record_type` is a key of KINDS_FOR
    ("visit", "hazard", or an enforcement record's kind: "stop_work", "warning_interview"; other kinds
    make no documents and get the list only)."""
    t, rev = ctx.t, cache.revision()
    st.markdown(f"**{t('documents.of_record')}**")
    issued = cache.read(documents.record_documents, record_code=code, rev=rev)
    done = st.session_state.pop(f"documents_done_{code}", None)
    if done:
        st.success(t("documents.issued", numbers="、".join(done)))
    if issued.empty:
        st.caption(t("documents.none_yet"))
    else:
        document_table(ctx, issued, export=None)
        pdf_buttons(ctx, issued[issued["superseded_by"].isna()], key=f"documents_{code}")
    kinds = KINDS_FOR.get(record_type, ())
    if ctx.user.role not in ENTRY_ROLES or not kinds:
        return
    why = cache.read(documents.refusals, kinds=kinds, code=code, today=ctx.as_of, rev=rev)
    current = set(issued.loc[issued["superseded_by"].isna(), "kind"])
    new = [kind for kind in kinds if why[kind] is None and kind not in current]
    if new:
        label = "documents.issue_together" if len(new) > 1 else "documents.issue_one"
        names = " + ".join(t.label(enums.DOCUMENT_KIND, kind) for kind in new)
        if st.button(t(label, names=names), type="primary", key=f"documents_issue_{code}", width="stretch"):
            _issue(ctx, code, new, correct=False)
    for kind in kinds:
        if why[kind] is not None and kind not in current:
            st.caption(t(why[kind], code=plain(code)))
    correctable = [kind for kind in kinds if why[kind] is None and kind in current]
    if correctable:
        with st.expander(t("documents.correct_title")):
            st.caption(t("documents.correct_help"))
            for kind in correctable:
                if st.button(t("documents.correct", name=t.label(enums.DOCUMENT_KIND, kind)),
                             key=f"documents_correct_{code}_{kind}"):
                    _issue(ctx, code, [kind], correct=True)


def enforcement_documents(ctx: PageContext) -> None:
    """Pick a stop-work order or warning interview (newest first) and issue or open its documents."""
    t = ctx.t
    orders = cache.read(documents.enforcement_choices, rev=cache.revision())
    if orders.empty:
        return
    labels = {row.code: f"{row.issued_on} · {t.label(enums.ENFORCEMENT_KIND, row.kind)} · {row.project} · {row.code}"
              for row in orders.itertuples()}
    code = st.selectbox(t("documents.pick_order"), list(labels), format_func=labels.get, key="documents_order")
    issue_buttons(ctx, orders.loc[orders["code"] == code, "kind"].iloc[0], code)


def document_table(ctx: PageContext, frame: pd.DataFrame, *, export: str | None) -> None:
    """Documents as a table: number, type, project, record, date, issuer (masked for visitors), successor."""
    shown = masking.people(frame.assign(superseded_by=frame["superseded_by"].fillna("")), ctx.user.role,
                           names=("issued_by",))
    widgets.table(shown, ctx.t, HEADERS, {"kind": enums.DOCUMENT_KIND}, export=export, user=ctx.user)


def pdf_buttons(ctx: PageContext, frame: pd.DataFrame, *, key: str) -> None:
    """One download per listed document, for roles that may export; the PDF is read only when clicked."""
    if not may_export(ctx.user.role) or frame.empty:
        return
    for row in frame.itertuples():
        pdf_button(ctx, int(row.id), row.number, key=f"{key}_{row.id}")


def pdf_button(ctx: PageContext, document_id: int, number: str, *, key: str) -> None:
    """A download of one document's PDF (printed from its data first if the demo registered it unprinted)."""
    if not may_export(ctx.user.role):
        return
    engine, actor = cache.engine(), ctx.user
    widgets.download(actor, ctx.t("documents.download", number=number),
                     lambda: document_pdf(engine, actor=actor, document_id=document_id, render=render_zh)[1],
                     file_name=f"{number}.pdf", mime="application/pdf", key=key, icon=":material/picture_as_pdf:")


def project_documents(ctx: PageContext, project_code: str) -> None:
    """A project's documents (its page's tab): the list, one to download, and the register filtered to it."""
    t = ctx.t
    found = cache.read(documents.project_documents, project_code=project_code, rev=cache.revision())
    st.link_button(t("documents.in_register"), f"documents?project={quote(project_code)}&all=1",
                   icon=":material/description:")
    if found.empty:
        st.caption(t("documents.none_yet"))
        return
    document_table(ctx, found, export=f"{project_code}_documents")
    if may_export(ctx.user.role):
        labels = dict(zip(found["id"], found["number"]))
        chosen = st.selectbox(t("documents.open"), list(labels), format_func=labels.get, key="projects_document")
        pdf_button(ctx, int(chosen), labels[chosen], key=f"projects_document_pdf_{chosen}")


def with_document_links(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (records with a `code` column) with a first column linking each to its documents."""
    links = ["documents?record=" + quote(str(code)) for code in frame["code"]]
    return frame.assign(documents=links)[["documents", *frame.columns]]


def _issue(ctx: PageContext, code: str, kinds: list[str], *, correct: bool) -> None:
    t = ctx.t
    try:
        prepare()
        issued = issue_documents(cache.engine(), actor=ctx.user, requests=[(kind, code) for kind in kinds],
                                 render=render_zh, correct=correct, today=ctx.as_of)
    except ValidationFailed as exc:
        for error in exc.errors:
            st.error(t(error.message_key, **error.params))
        return
    except PermissionDenied:
        st.error(t("documents.not_allowed"))
        return
    except DocumentFontMissing as exc:
        st.error(t("documents.no_font", reason=str(exc)))
        return
    st.session_state[f"documents_done_{code}"] = [document.number for document in issued]
    st.rerun()
