"""Documents (文书): the register of issued documents, searched by type, number, project and period; one
document's facts, PDF and chain of corrections; checking a file or a verification code against the register."""
import streamlit as st

from db import enums
from db.permissions import sees_masked
from db.queries import documents
from db.queries.documents import DocumentFilter
from render import masking
from ui import cache, filters, widgets
from ui.documents import document_table, pdf_button
from ui.frame import PageContext, frame

ctx = frame("documents")

KINDS = enums.DOCUMENT_KIND.codes


def register_filter(ctx: PageContext) -> DocumentFilter:
    """Type, free text and period, seeded from and mirrored to the URL."""
    t = ctx.t
    kind_column, search_column, period_column = st.columns([2, 3, 2])
    wanted = filters.url_value(t, "type", KINDS)
    kind = kind_column.selectbox(t("documents.kind"), KINDS, index=KINDS.index(wanted) if wanted else None,
                                 placeholder=t("documents.any_kind"), key="documents_kind",
                                 format_func=lambda k: t.label(enums.DOCUMENT_KIND, k))
    search = search_column.text_input(t("documents.search"), filters.url_text("q"), key="documents_search",
                                      placeholder=t("documents.search_hint")) or None
    all_time = period_column.toggle(t("documents.all_time"), st.query_params.get("all") == "1", key="documents_all")
    record, project = filters.url_text("record") or None, filters.url_text("project") or None
    if record or project:
        # From a record's or a project's page: say so (as plain text: the URL is not trusted) and offer the way out.
        st.text(t("documents.narrowed", what=record or project))
        st.link_button(t("documents.clear"), "?", icon=":material/filter_alt_off:")
    filters.write_url(type=kind, q=search, all="1" if all_time else None)
    return DocumentFilter(kind=kind, search=search, record_code=record, project_code=project,
                          period=None if all_time or record else ctx.period)


def verification(ctx: PageContext, code: str, rev: int) -> None:
    """What a scanned QR code or a typed verification code names in the register."""
    t = ctx.t
    found = cache.read(documents.by_verification_code, code=code, rev=rev)
    if found is None:
        st.error(t("documents.code_unknown"))
    elif found["superseded_by"]:
        st.warning(t("documents.code_superseded", number=found["number"], newer=found["superseded_by"]))
    else:
        st.success(t("documents.code_current", number=found["number"], day=found["issued_on"]))


def document_panel(ctx: PageContext, document_id: int, rev: int) -> None:
    """One document: its register entry, its PDF and the chain of corrections it belongs to."""
    t = ctx.t
    detail = cache.read(documents.document_detail, document_id=document_id, rev=rev)
    if detail is None:
        return
    issuer = masking.mask_name(detail["issued_by"]) if sees_masked(ctx.user.role) else detail["issued_by"]
    st.subheader(t.label(enums.DOCUMENT_KIND, detail["kind"]))
    st.text(t("documents.facts", number=detail["number"], project=detail["project"], record=detail["record_code"],
              day=detail["issued_on"], issuer=issuer, code=detail["verification_code"]))
    st.text(t("documents.hash", sha=detail["sha256"] or t("documents.not_printed")))
    if len(detail["chain"]) > 1:
        st.caption(t("documents.chain"))
        st.text("  →  ".join(f'{link["number"]} ({link["issued_on"]})' for link in detail["chain"]))
    pdf_button(ctx, document_id, detail["number"], key=f"documents_pdf_{document_id}")


def check_file(ctx: PageContext) -> None:
    """Upload a PDF to learn whether it is, byte for byte, a document the office issued."""
    t = ctx.t
    upload = st.file_uploader(t("documents.verify_upload"), type=["pdf"], key="documents_verify")
    if upload is None:
        return
    verdict = cache.read_fresh(documents.verify_file, upload.getvalue())
    if verdict.genuine:
        st.success(t("documents.genuine", number=verdict.number))
        if verdict.superseded_by:
            st.warning(t("documents.genuine_superseded", newer=verdict.superseded_by))
    elif verdict.number:
        st.error(t("documents.altered", number=verdict.number))
    else:
        st.error(t("documents.unknown_file"))


t = ctx.t
rev = cache.revision()
st.title(t("documents.title"))
st.caption(t("documents.intro"))
if st.query_params.get("code"):
    verification(ctx, st.query_params["code"], rev)
where = register_filter(ctx)
rows, total = widgets.paged(t, "documents_page", lambda limit, offset: cache.read(
    documents.document_page, where=where, limit=limit, offset=offset, rev=rev), url_param="page")
if rows.empty:
    st.info(t("documents.none"))
else:
    document_table(ctx, rows, export="documents")
    labels = dict(zip(rows["id"], rows["number"]))
    chosen = st.selectbox(t("documents.open"), list(labels), format_func=labels.get, key="documents_open")
    document_panel(ctx, int(chosen), rev)
if not sees_masked(ctx.user.role):
    st.divider()
    check_file(ctx)
