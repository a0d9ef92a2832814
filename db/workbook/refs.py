"""References between records by code: projects by 项目编号, enterprises by credit code or name, visits by 记录编号.

A reference resolves to the id of a live row in the database, or to `Pending` for a row that this
file adds (its id is known once that sheet is written), or to None when it names nothing.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Enterprise, Project, SiteVisit
from db.workbook.checking import CheckedSheet

CHUNK = 500
UNKNOWN = {"enterprises": "errors.unknown_enterprise", "projects": "errors.unknown_project",
           "visits": "errors.unknown_visit"}


class Pending(NamedTuple):
    """A record added by this file, not yet written."""

    target: str
    key: str


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    """`items` in lists of at most `size`."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Refs:
    """Key → id for the records other sheets refer to, from the database and this file."""

    def __init__(self, session: Session, checked: dict[str, CheckedSheet]):
        live = Enterprise.deleted_at.is_(None)
        rows = session.execute(select(Enterprise.credit_code, Enterprise.name, Enterprise.id).where(live)).all()
        self.ids = {"enterprises": {code: id_ for code, _, id_ in rows},
                    "projects": dict(session.execute(select(Project.code, Project.id)
                                                     .where(Project.deleted_at.is_(None))).all()),
                    "visits": {}}
        self.names = {name: code for code, name, _ in rows}
        # The project of each visit, to check a hazard's visit is on the same project.
        self.visit_project: dict[str, int | Pending] = {}
        wanted = {r.refs.get("visit") for r in _rows(checked, "hazards")} | {r.key[0] for r in _rows(checked, "visits")}
        for batch in chunks(sorted(v for v in wanted if v)):
            for code, id_, project in session.execute(
                    select(SiteVisit.code, SiteVisit.id, SiteVisit.project_id)
                    .where(SiteVisit.code.in_(batch), SiteVisit.deleted_at.is_(None))):
                self.ids["visits"][code] = id_
                self.visit_project[code] = project
        self.new = {target: set() for target in self.ids}
        for target, sheet in (("enterprises", "enterprises"), ("projects", "projects"), ("visits", "visits")):
            for row in _rows(checked, sheet):
                if row.key[0] not in self.ids[target]:
                    self.new[target].add(row.key[0])
            if sheet in checked:
                self.new[target] |= checked[sheet].refused_keys
        if "enterprises" in checked:
            self.names.update(checked["enterprises"].refused_names)
        for row in _rows(checked, "enterprises"):
            self.names[row.values["name"]] = row.key[0]

    def resolve(self, target: str, text: str) -> int | Pending | None:
        """The id (or Pending) that `text` names in `target`; None when it names nothing."""
        if target == "enterprises" and text not in self.ids[target] and text not in self.new[target]:
            text = self.names.get(text, text.upper())
        found = self.ids[target].get(text)
        if found is not None:
            return found
        return Pending(target, text) if text in self.new[target] else None

    def real(self, value):
        """`value` with a Pending replaced by the id it got when its sheet was written."""
        return self.ids[value.target][value.key] if isinstance(value, Pending) else value


def _rows(checked: dict[str, CheckedSheet], name: str):
    return checked[name].rows if name in checked else ()
