"""The page frame: every page's first call. Database, language, user, role check, menu, period."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st
import streamlit.components.v1 as components

from db.enums import ROLE
from db.period import Period
from db.queries import overview
from db.users import record_access_denied
from render.formatting import plain
from render.i18n import Translator
from ui import cache, registry, widgets
from ui.auth import CurrentUser, logout_button, signed_in_user
from ui.period_picker import chosen_language, chosen_period, language_switch


@dataclass(frozen=True)
class PageContext:
    page: registry.PageSpec
    user: CurrentUser
    t: Translator
    period: Period
    as_of: dt.date


# The browser tab's icon. Not the page's Material icon: Streamlit draws those as favicons fetched from
# fonts.gstatic.com, and the office's network (and its users' privacy) should see no request leave the server.
TAB_ICON = "🏗️"


def frame(page_key: str) -> PageContext:
    """Prepare the page or stop it: nothing below this call runs for a user who may not see it."""
    page = registry.BY_KEY[page_key]
    # The link the tab was opened with, before this app writes its own choices (period, language) into the URL.
    st.session_state.setdefault("opened_with", frozenset(st.query_params))
    t = Translator(chosen_language())
    st.set_page_config(page_title=f"{t(f'pages.{page_key}')} · {t('app.title')}", page_icon=TAB_ICON,
                       layout="wide")
    with st.spinner(t("frame.preparing")):
        engine = cache.engine()
    _sidebar_header(t)
    user = signed_in_user(t, engine, on_login_screen=lambda: language_switch(t))
    if not registry.allowed(page_key, user.role):
        # Checked here on the server for every run: a hidden menu entry is not a permission. Recorded once per
        # visit: the sign-in cookie's component reruns a freshly opened page.
        if st.session_state.get("frame_denied") != page_key:
            record_access_denied(engine, user, page_key)
            st.session_state["frame_denied"] = page_key
        st.error(t("frame.denied", role=t.label(ROLE, user.role)))
        st.stop()
    st.session_state.pop("frame_denied", None)
    _menu(user, t, engine)
    _phone_comfort(page_key)
    today = dt.date.today()
    period = chosen_period(t, today, cache.read(overview.records_start, rev=cache.revision()))
    return PageContext(page=page, user=user, t=t, period=period, as_of=today)


# Fixed text, no data: the public page shows nothing of the app's frame (no sidebar, no menu, no toolbar).
PUBLIC_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stToolbar"], [data-testid="stMainMenu"] { display: none !important; }
</style>"""


def opened_without_a_view() -> bool:
    """Whether this tab was opened on a bare address (at most a language): no link to a particular view."""
    return st.session_state.get("opened_with", frozenset()) <= {"lang"}


def public_frame(page_key: str) -> Translator:
    """The first call of a page anyone may open without an account (registry: public): language and page only.

    No sign-in, no user, no menu: nothing of the rest of the app is shown or linked from here, and every other
    page still asks for a login."""
    page = registry.BY_KEY[page_key]
    assert page.public, page_key
    t = Translator(chosen_language())
    st.set_page_config(page_title=t(f"pages.{page_key}"), page_icon=TAB_ICON, layout="centered",
                       initial_sidebar_state="collapsed")
    st.html(PUBLIC_CSS + FRAME_CSS)
    return t


def _sidebar_header(t: Translator) -> None:
    with st.sidebar:
        st.markdown(f"**{t('app.title')}**")
        st.caption(t("app.office"))


def _menu(user: CurrentUser, t: Translator, engine) -> None:
    with st.sidebar:
        for spec in registry.menu_for(user.role):
            _menu_entry(spec, t(f"pages.{spec.key}"))
        st.divider()
        st.caption(t("frame.signed_in_as", name=plain(user.display_name), role=t.label(ROLE, user.role)))
        logout_button(t, engine, user)
        language_switch(t)


# Fixed text, no data. A KPI card shows its whole label and value: labels wrap instead of ending in "…", and the
# value's size follows the card's width (container query units) so "100.0%" fits five cards to a row at 1366 px.
# On a narrow screen every control is at least 44 px tall (a fingertip), and the form's "Press Ctrl+Enter to
# submit" hint, meaningless on a phone, is hidden.
FRAME_CSS = """<style>
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  font-size: clamp(1.1rem, 17cqw, 2.25rem) !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * { white-space: normal !important; overflow: visible !important; }
@media (max-width: 640px) {
  button, [role="radio"], [role="tab"], input, textarea, [data-baseweb="select"] > div,
  [data-testid="stPageLink"] a { min-height: 44px; }
  [data-testid="InputInstructions"] { display: none; }
}
</style>"""
# Streamlit keeps the sidebar open across page links; on a phone it would cover the page just opened.
CLOSE_SIDEBAR_JS = """<script>
const doc = window.parent.document, bar = doc.querySelector('[data-testid="stSidebar"]');
if (window.parent.innerWidth < 768 && bar && bar.getAttribute("data-collapsed") === "false") {
  const close = doc.querySelector('[data-testid="stSidebarCollapseButton"] button')
    || bar.querySelector('[data-testid="stSidebarHeader"] button');
  if (close) close.click();
}
</script><!-- %s -->"""


def _phone_comfort(page_key: str) -> None:
    st.html(FRAME_CSS)
    with st.sidebar:
        # The page's key makes this a new element on every page, so the script runs after each navigation.
        components.html(CLOSE_SIDEBAR_JS % page_key, height=0)


def _menu_entry(spec: registry.PageSpec, label: str) -> None:
    # A wrong script name is caught by tests/ui/test_registry.py (AppTest shows menu links as text).
    widgets.link(spec.script, label, icon=spec.icon)
