"""What each type of supervision document says, in reading order, from its stored data only."""
from __future__ import annotations

from collections.abc import Callable

from db import enums
from db.document_content import DocumentSheet
from render.documents.blocks import (
    Facts, Seal, Sheet, SignLines, Text, cited, hazard_grid, long_date, parties_cc, project_line, receipt,
)
from render.i18n import Translator


def compose(sheet: DocumentSheet, t: Translator) -> Sheet:
    """The document's title and blocks, in `t`'s language (Chinese is the document; English a rendering)."""
    return COMPOSERS[sheet.kind](sheet, t)


def _seal(sheet: DocumentSheet, t: Translator) -> Seal:
    return Seal(sheet.data["office"], long_date(sheet.issued_on, t))


def _addressed(data: dict, t: Translator, to: str | None = None) -> Text:
    return Text(t("doc.addressee", name=to or data["parties"]["contractor"]), indent=False)


def _references(data: dict, t: Translator, label: str, record: str) -> Text:
    # Codes stay out of the prose (a code wrapped across two lines reads badly) and are listed once here.
    return Text(t("doc.references", code=data["project"]["code"], record_label=t(label), record=record),
                indent=False, size=9)


def _hazards(blocks: list, hazards: list[dict], t: Translator) -> None:
    grid, basis = hazard_grid(hazards, t)
    blocks.append(grid)
    if basis:
        blocks.append(basis)


def _visit_facts(data: dict, t: Translator) -> Facts:
    visit, parties = data["visit"], data["parties"]
    return Facts([(t("doc.project"), data["project"]["name"]), (t("doc.project_code"), data["project"]["code"]),
                  (t("doc.developer"), parties["developer"]), (t("doc.contractor"), parties["contractor"]),
                  (t("doc.supervisor_firm"), parties["supervisor_firm"] or "—"),
                  (t("doc.visit_date"), long_date(visit["date"], t)),
                  (t("doc.visit_kind"), t.label(enums.VISIT_KIND, visit["kind"])),
                  (t("doc.inspectors"), visit["inspectors"]), (t("doc.record_code"), visit["code"])])


def visit_record(sheet: DocumentSheet, t: Translator) -> Sheet:
    """监督检查记录: the visit as a filled-in form, what was seen, what was found, signatures."""
    data = sheet.data
    blocks: list = [_visit_facts(data, t), Text(t("doc.notes_heading"), indent=False),
                    Text(data["visit"]["notes"] or t("doc.no_notes"))]
    blocks.append(Text(t("doc.findings_heading"), indent=False))
    if data["hazards"]:
        _hazards(blocks, data["hazards"], t)
        blocks.append(Text(t("doc.visit_followup")))
    else:
        blocks.append(Text(t("doc.none_found")))
    blocks += [SignLines([t("doc.sign_inspectors"), t("doc.sign_site")]), _seal(sheet, t), receipt(t)]
    return Sheet(t.label(enums.DOCUMENT_KIND, sheet.kind), blocks)


def rectification_notice(sheet: DocumentSheet, t: Translator) -> Sheet:
    """隐患整改通知书: the visit's hazards with the clauses and deadlines, the requirement, seal, receipt."""
    data, visit = sheet.data, sheet.data["visit"]
    blocks: list = [_addressed(data, t), Text(t("doc.notice_intro", date=long_date(visit["date"], t),
                                                kind=t.label(enums.VISIT_KIND, visit["kind"]), **project_line(data)))]
    _hazards(blocks, data["hazards"], t)
    blocks += [Text(t("doc.notice_requirement")), _seal(sheet, t), parties_cc(data, t),
               _references(data, t, "doc.record_visit", visit["code"]), receipt(t)]
    return Sheet(t.label(enums.DOCUMENT_KIND, sheet.kind), blocks,
                 photos_title=t("doc.photos_as_found") if data.get("photos") else None)


def reinspection_opinion(sheet: DocumentSheet, t: Translator) -> Sheet:
    """复查意见书: the hazard, what the contractor reported, the re-inspection's outcome."""
    data, hazard = sheet.data, sheet.data["hazard"]
    facts = Facts([(t("doc.hazard_code"), hazard["code"]), (t("doc.col_description"), hazard["description"]),
                   (t("doc.col_category"), f'{t.label(enums.CATEGORY, hazard["category"])} · '
                                           f'{t.label(enums.HAZARD_LEVEL, hazard["level"])}'),
                   (t("doc.col_found"), long_date(hazard["found_on"], t)),
                   (t("doc.col_due"), long_date(hazard["due_on"], t)),
                   (t("doc.rectified_on"), long_date(hazard.get("rectified_on"), t) or "—"),
                   (t("doc.rectification_note"), hazard.get("rectification_note") or "—")])
    if data["outcome"] == "passed":
        opinion = t("doc.reinspection_passed")
    else:
        opinion = t("doc.reinspection_failed", reason=data["reason"] or "—")
        if data["sent_back_count"] > 1:
            opinion += t("doc.sent_back_count", n=data["sent_back_count"])
    blocks = [_addressed(data, t), Text(t("doc.reinspection_intro", found=long_date(hazard["found_on"], t),
                                         date=long_date(data["reinspected_on"], t), **project_line(data))),
              facts, Text(t("doc.opinion_heading"), indent=False), Text(opinion),
              Text(t("doc.basis_sentence", clauses=cited(hazard["basis"], t)), size=9.5),
              _seal(sheet, t), parties_cc(data, t),
              _references(data, t, "doc.record_visit", data["visit_code"] or "—"), receipt(t)]
    return Sheet(t.label(enums.DOCUMENT_KIND, sheet.kind), blocks,
                 photos_title=t("doc.photos_fixed") if data.get("photos") else None)


def stop_work_notice(sheet: DocumentSheet, t: Translator) -> Sheet:
    """局部/全面停工整改通知书: why, which major hazards stand, what stops, how work may resume."""
    data, order = sheet.data, sheet.data["order"]
    blocks: list = [_addressed(data, t), Text(t("doc.stop_intro", reason=order["reason"].rstrip("。"),
                                                **project_line(data)))]
    if data["hazards"]:
        blocks.append(Text(t("doc.stop_hazards", date=long_date(order["date"], t))))
        _hazards(blocks, data["hazards"], t)
    blocks += [Text(t(f"doc.stop_order_{data['scope']}", clauses=cited(data["basis"], t))),
               Text(t("doc.stop_requirement")), _seal(sheet, t), parties_cc(data, t),
               _references(data, t, "doc.record_order", order["code"]), receipt(t)]
    return Sheet(t(f"doc.title_stop_{data['scope']}"), blocks)


def resumption_notice(sheet: DocumentSheet, t: Translator) -> Sheet:
    """复工通知书: the order, its lifting after re-inspection, work may resume."""
    data, order = sheet.data, sheet.data["order"]
    stop = data.get("stop_notice")
    blocks = [_addressed(data, t),
              Text(t("doc.resume_intro", date=long_date(order["date"], t),
                     notice=t("doc.resume_notice_ref", number=stop) if stop else "", **project_line(data))),
              Text(t("doc.resume_body", lifted=long_date(order["lifted_on"], t))),
              Text(t("doc.resume_requirement")), _seal(sheet, t), parties_cc(data, t),
              _references(data, t, "doc.record_order", order["code"]), receipt(t)]
    return Sheet(t.label(enums.DOCUMENT_KIND, sheet.kind), blocks)


def interview_notice(sheet: DocumentSheet, t: Translator) -> Sheet:
    """约谈通知书: who is summoned, why, when and where."""
    data, order = sheet.data, sheet.data["order"]
    blocks = [_addressed(data, t, "、".join(data["attendees"])),
              Text(t("doc.interview_intro", reason=order["reason"].rstrip("。"), clauses=cited(data["basis"], t),
                     date=long_date(order["date"], t), **project_line(data))),
              Text(t("doc.interview_attend", place=t("doc.place", office=data["office"]))),
              _seal(sheet, t), _references(data, t, "doc.record_order", order["code"]), receipt(t)]
    return Sheet(t.label(enums.DOCUMENT_KIND, sheet.kind), blocks)


def interview_record(sheet: DocumentSheet, t: Translator) -> Sheet:
    """约谈记录: when, where, who, why; the open hazards; the requirements; signatures."""
    data, order = sheet.data, sheet.data["order"]
    blocks: list = [Facts([(t("doc.interview_time"), long_date(order["date"], t)),
                           (t("doc.interview_place"), t("doc.place", office=data["office"])),
                           (t("doc.interviewer"), data["office"]), (t("doc.interviewees"), "、".join(data["attendees"])),
                           (t("doc.project"), data["project"]["name"]), (t("doc.project_code"), data["project"]["code"]),
                           (t("doc.interview_reason"), order["reason"]), (t("doc.record_code"), order["code"])]),
                    Text(t("doc.interview_record_body"))]
    if data["hazards"]:
        blocks.append(Text(t("doc.open_hazards", date=long_date(order["date"], t)), indent=False))
        _hazards(blocks, data["hazards"], t)
    blocks += [Text(t("doc.interview_requirements")),
               SignLines([t("doc.sign_interviewer"), t("doc.sign_interviewee"), t("doc.sign_recorder")]),
               _seal(sheet, t)]
    return Sheet(t.label(enums.DOCUMENT_KIND, sheet.kind), blocks)


COMPOSERS: dict[str, Callable[[DocumentSheet, Translator], Sheet]] = {
    "visit_record": visit_record, "rectification_notice": rectification_notice,
    "reinspection_opinion": reinspection_opinion, "stop_work_notice": stop_work_notice,
    "resumption_notice": resumption_notice, "interview_notice": interview_notice,
    "interview_record": interview_record,
}
