"""Reads only the leadership report needs: major hazards still open."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, select

from db.hazard_status import closed_by
from db.models import Hazard, Project

REPORT_ROWS = 200


def open_major_hazards(conn: Connection, *, as_of: dt.date, limit: int = REPORT_ROWS) -> pd.DataFrame:
    """Major hazards found by `as_of` and not closed by then, oldest deadline first."""
    rows = conn.execute(
        select(Hazard.code, Project.name.label("project"), Hazard.found_on, Hazard.category, Hazard.description,
               Hazard.due_on, Hazard.rectified_on)
        .join(Project, Project.id == Hazard.project_id)
        .where(Hazard.deleted_at.is_(None), Hazard.level == "major", Hazard.found_on <= as_of, ~closed_by(as_of))
        .order_by(Hazard.due_on, Hazard.code).limit(limit)
    ).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["code", "project", "found_on", "category",
                                                          "description", "due_on", "rectified_on"])
