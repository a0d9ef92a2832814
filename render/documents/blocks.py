"""The pieces a supervision document is laid out from, and the shared wording helpers.

Composition (what each type says, in which order) is kept apart from drawing (render.documents.pdf),
so a type's text can be read and tested without a PDF, and one layout engine serves every type.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db import enums, legal_basis
from render.i18n import Translator

MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫"


@dataclass(frozen=True)
class Text:
    text: str
    indent: bool = True        # the first line indented two characters, as official prose is
    size: float = 10.5
    align: str = "J"


@dataclass(frozen=True)
class Grid:
    headers: list[str]
    rows: list[list[str]]
    widths: tuple[float, ...]  # relative column widths


@dataclass(frozen=True)
class Facts:
    pairs: list[tuple[str, str]]   # label, value: a two-column form, as records are filled in


@dataclass(frozen=True)
class Seal:
    office: str
    date: str


@dataclass(frozen=True)
class SignLines:
    labels: list[str]


@dataclass(frozen=True)
class Receipt:
    title: str
    labels: list[str]


@dataclass(frozen=True)
class Sheet:
    title: str
    blocks: list = field(default_factory=list)
    photos_title: str | None = None


def long_date(iso: str | dt.date | None, t: Translator) -> str:
    """A date as official documents write it: 2024年3月5日 / 5 March 2024."""
    if not iso:
        return ""
    day = iso if isinstance(iso, dt.date) else dt.date.fromisoformat(iso)
    return t("doc.date", y=day.year, m=day.month, d=day.day, month=day.strftime("%B"))


def cited(codes: list[str], t: Translator) -> str:
    """Distinct clauses in first-cited order, joined as a sentence cites them."""
    return "、".join(legal_basis.citation(c, t.lang) for c in dict.fromkeys(codes))


def hazard_grid(hazards: list[dict], t: Translator) -> tuple[Grid, Text | None]:
    """The hazards as a table whose basis column refers to numbered clauses listed once beneath it."""
    order = list(dict.fromkeys(code for h in hazards for code in h["basis"]))
    mark = {code: MARKS[i] if i < len(MARKS) else f"[{i + 1}]" for i, code in enumerate(order)}
    rows = [[str(n), h["description"], t.label(enums.CATEGORY, h["category"]),
             t.label(enums.HAZARD_LEVEL, h["level"]), "".join(mark[c] for c in h["basis"]), long_date(h["due_on"], t)]
            for n, h in enumerate(hazards, start=1)]
    grid = Grid([t("doc.col_no"), t("doc.col_description"), t("doc.col_category"), t("doc.col_level"),
                 t("doc.col_basis"), t("doc.col_due")], rows, (8, 62, 30, 11, 14, 25))
    if not order:
        return grid, None
    listed = "；".join(f"{mark[c]}{legal_basis.citation(c, t.lang)}" for c in order)
    return grid, Text(t("doc.basis_list", clauses=listed), indent=False, size=9)


def parties_cc(data: dict, t: Translator) -> Text:
    """The copy line to the developer and the supervising firm."""
    names = [n for n in (data["parties"]["developer"], data["parties"]["supervisor_firm"]) if n]
    return Text(t("doc.cc", names="、".join(names)), indent=False, size=9.5)


def receipt(t: Translator) -> Receipt:
    """The acknowledgement of receipt (签收) the recipient signs."""
    return Receipt(t("doc.receipt_title"), [t("doc.receipt_signer"), t("doc.receipt_date"), t("doc.receipt_unit")])


def project_line(data: dict) -> dict:
    """The project's name, for formatting into sentences."""
    return {"project": data["project"]["name"]}
