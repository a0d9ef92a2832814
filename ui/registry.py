"""Every page of the app, with the roles allowed to open it; the frame and the menu read this."""
from __future__ import annotations

from dataclasses import dataclass

from db.permissions import ADMIN_ROLES, ENTRY_ROLES, READ_ROLES


@dataclass(frozen=True)
class PageSpec:
    key: str
    script: str
    icon: str   # a Material icon bundled with Streamlit: emoji are missing where no emoji font is installed
    roles: frozenset[str]
    # Opened without an account (the QR sign-in): drawn by ui.frame.public_frame, never in a menu.
    public: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("my_work", "pages/my_work.py", ":material/assignment_ind:", ENTRY_ROLES),
    PageSpec("overview", "dashboard.py", ":material/dashboard:", READ_ROLES),
    PageSpec("projects", "pages/projects.py", ":material/apartment:", READ_ROLES),
    PageSpec("enterprises", "pages/enterprises.py", ":material/domain:", READ_ROLES),
    PageSpec("hazards", "pages/hazards.py", ":material/warning:", READ_ROLES),
    PageSpec("risk", "pages/risk.py", ":material/grid_view:", READ_ROLES),
    PageSpec("patrols", "pages/patrols.py", ":material/directions_walk:", READ_ROLES),
    PageSpec("training", "pages/training.py", ":material/school:", READ_ROLES),
    PageSpec("approvals", "pages/approvals.py", ":material/timer:", READ_ROLES),
    PageSpec("sign_in_desk", "pages/sign_in_desk.py", ":material/qr_code_2:", ENTRY_ROLES),
    PageSpec("documents", "pages/documents.py", ":material/description:", READ_ROLES),
    PageSpec("entry", "pages/entry.py", ":material/edit_note:", ENTRY_ROLES),
    PageSpec("records", "pages/records.py", ":material/folder_open:", ENTRY_ROLES),
    PageSpec("rectification", "pages/rectification.py", ":material/build:", ENTRY_ROLES),
    PageSpec("admin_users", "pages/admin_users.py", ":material/group:", ADMIN_ROLES),
    PageSpec("workbook", "pages/workbook.py", ":material/upload_file:", ADMIN_ROLES),
    PageSpec("trash", "pages/trash.py", ":material/delete:", ADMIN_ROLES),
    PageSpec("audit_log", "pages/audit_log.py", ":material/history:", ADMIN_ROLES),
    PageSpec("sign_in", "pages/sign_in.py", ":material/how_to_reg:", frozenset(), public=True),
)
BY_KEY = {page.key: page for page in PAGES}


def allowed(page_key: str, role: str) -> bool:
    """Whether `role` may open the page."""
    return role in BY_KEY[page_key].roles


def menu_for(role: str) -> list[PageSpec]:
    """The pages `role` may open, in menu order."""
    return [page for page in PAGES if role in page.roles]
