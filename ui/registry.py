"""Every page of the app, with the roles allowed to open it; the frame and the menu read this."""
from __future__ import annotations

from dataclasses import dataclass

from db.permissions import ENTRY_ROLES

ALL_ROLES = frozenset({"leader", "staff", "admin", "visitor"})
ADMIN_ONLY = frozenset({"admin"})


@dataclass(frozen=True)
class PageSpec:
    key: str
    script: str
    icon: str
    roles: frozenset[str]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "dashboard.py", "📊", ALL_ROLES),
    PageSpec("projects", "pages/projects.py", "🏗️", ALL_ROLES),
    PageSpec("hazards", "pages/hazards.py", "⚠️", ALL_ROLES),
    PageSpec("risk", "pages/risk.py", "🟥", ALL_ROLES),
    PageSpec("patrols", "pages/patrols.py", "🚶", ALL_ROLES),
    PageSpec("training", "pages/training.py", "🎓", ALL_ROLES),
    PageSpec("approvals", "pages/approvals.py", "⏱️", ALL_ROLES),
    PageSpec("entry", "pages/entry.py", "📝", ENTRY_ROLES),
    PageSpec("records", "pages/records.py", "🗂️", ENTRY_ROLES),
    PageSpec("rectification", "pages/rectification.py", "🛠️", ENTRY_ROLES),
    PageSpec("admin_users", "pages/admin_users.py", "👥", ADMIN_ONLY),
    PageSpec("workbook", "pages/workbook.py", "📥", ADMIN_ONLY),
    PageSpec("trash", "pages/trash.py", "🗑️", ADMIN_ONLY),
    PageSpec("audit_log", "pages/audit_log.py", "📜", ADMIN_ONLY),
)
BY_KEY = {page.key: page for page in PAGES}


def allowed(page_key: str, role: str) -> bool:
    """Whether `role` may open the page."""
    return role in BY_KEY[page_key].roles


def menu_for(role: str) -> list[PageSpec]:
    """The pages `role` may open, in menu order."""
    return [page for page in PAGES if role in page.roles]
