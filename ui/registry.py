"""Every page of the app, with the roles allowed to open it; the frame and the menu read this."""
from __future__ import annotations

from dataclasses import dataclass

from db.permissions import ADMIN_ROLES, ENTRY_ROLES, READ_ROLES


@dataclass(frozen=True)
class PageSpec:
    key: str
    script: str
    icon: str
    roles: frozenset[str]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "dashboard.py", "📊", READ_ROLES),
    PageSpec("projects", "pages/projects.py", "🏗️", READ_ROLES),
    PageSpec("enterprises", "pages/enterprises.py", "🏢", READ_ROLES),
    PageSpec("hazards", "pages/hazards.py", "⚠️", READ_ROLES),
    PageSpec("risk", "pages/risk.py", "🟥", READ_ROLES),
    PageSpec("patrols", "pages/patrols.py", "🚶", READ_ROLES),
    PageSpec("training", "pages/training.py", "🎓", READ_ROLES),
    PageSpec("approvals", "pages/approvals.py", "⏱️", READ_ROLES),
    PageSpec("entry", "pages/entry.py", "📝", ENTRY_ROLES),
    PageSpec("records", "pages/records.py", "🗂️", ENTRY_ROLES),
    PageSpec("rectification", "pages/rectification.py", "🛠️", ENTRY_ROLES),
    PageSpec("admin_users", "pages/admin_users.py", "👥", ADMIN_ROLES),
    PageSpec("workbook", "pages/workbook.py", "📥", ADMIN_ROLES),
    PageSpec("trash", "pages/trash.py", "🗑️", ADMIN_ROLES),
    PageSpec("audit_log", "pages/audit_log.py", "📜", ADMIN_ROLES),
)
BY_KEY = {page.key: page for page in PAGES}


def allowed(page_key: str, role: str) -> bool:
    """Whether `role` may open the page."""
    return role in BY_KEY[page_key].roles


def menu_for(role: str) -> list[PageSpec]:
    """The pages `role` may open, in menu order."""
    return [page for page in PAGES if role in page.roles]
