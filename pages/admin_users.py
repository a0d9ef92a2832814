"""Admin: accounts and roles. Every action goes through db.users, which checks the role again."""
import streamlit as st

from db import users
from db.enums import ROLE
from db.errors import FieldError
from db.queries.admin import users_table
from db.unit_of_work import now
from ui import cache, widgets
from ui.forms import feedback, field_error, remember_errors, save
from ui.frame import frame

ctx = frame("admin_users")
t = ctx.t
FORM = "admin_users"
LABELS = {"username": t("admin_users.username"), "display_name": t("admin_users.display_name"),
          "role": t("admin_users.role"), "password": t("admin_users.password")}


def run(action, success: str, **kwargs) -> None:
    """Call one db.users action as the signed-in admin, once per submission; then rerun so the list is current."""
    st.session_state["admin_users_notice"] = success
    save(FORM, lambda submission: action(cache.engine(), ctx.user, submission=submission, **kwargs),
         {"action": action.__name__, **{k: v for k, v in kwargs.items() if k != "password"}},
         clear=dict.fromkeys(("admin_users_new_username", "admin_users_new_name", "admin_users_new_email",
                              "admin_users_new_password", "admin_users_new_repeat", "admin_users_reset_value",
                              "admin_users_reset_repeat"), ""))


st.title(t("admin_users.title"))
st.caption(t("admin_users.caption"))
feedback(FORM, t, LABELS)
if st.session_state.get(f"{FORM}__done") is not None and (notice := st.session_state.get("admin_users_notice")):
    st.success(notice)

# Read fresh: lockouts and failed sign-ins change without a data revision.
accounts = cache.read_fresh(users_table, now())
state = accounts["disabled"].map({True: t("admin_users.state_disabled"), False: t("admin_users.state_enabled")})
state[accounts["locked"]] = t("admin_users.state_locked")
st.subheader(t("admin_users.list"))
widgets.table(accounts.assign(state=state), t, {
    "username": "admin_users.col_username", "display_name": "admin_users.col_display_name",
    "role": "admin_users.col_role", "state": "admin_users.col_state", "is_demo": "admin_users.col_demo",
    "failed_logins": "admin_users.col_failed"}, {"role": ROLE})

st.subheader(t("admin_users.add"))
with st.form("admin_users_add", clear_on_submit=False):
    new_username = st.text_input(t("admin_users.username"), key="admin_users_new_username")
    field_error(FORM, "username", t)
    new_name = st.text_input(t("admin_users.display_name"), key="admin_users_new_name")
    field_error(FORM, "display_name", t)
    new_email = st.text_input(t("admin_users.email"), key="admin_users_new_email")
    new_role = st.selectbox(t("admin_users.role"), ROLE.codes, format_func=lambda c: t.label(ROLE, c),
                            key="admin_users_new_role")
    new_password = st.text_input(t("admin_users.password"), type="password", key="admin_users_new_password")
    field_error(FORM, "password", t)
    repeat = st.text_input(t("admin_users.password_repeat"), type="password", key="admin_users_new_repeat")
    if st.form_submit_button(t("admin_users.create")):
        if new_password != repeat:
            remember_errors(FORM, [FieldError("password", "users.passwords_differ")])
            st.rerun()
        else:
            run(users.create_user, t("admin_users.created", username=new_username), username=new_username,
                display_name=new_name, role=new_role, password=new_password, email=new_email.strip() or None)

st.subheader(t("admin_users.change"))
picked = st.selectbox(t("admin_users.pick_user"), accounts["username"].tolist(), key="admin_users_pick")
if picked:
    done = t("admin_users.done", username=picked)
    left, middle, right = st.columns(3)
    if left.button(t("admin_users.disable"), key="admin_users_disable"):
        run(users.set_disabled, done, username=picked, disabled=True)
    if middle.button(t("admin_users.enable"), key="admin_users_enable"):
        run(users.set_disabled, done, username=picked, disabled=False)
    if right.button(t("admin_users.unlock"), key="admin_users_unlock"):
        run(users.unlock, done, username=picked)
    with st.form("admin_users_role"):
        role = st.selectbox(t("admin_users.new_role"), ROLE.codes, format_func=lambda c: t.label(ROLE, c),
                            key="admin_users_role_value")
        if st.form_submit_button(t("admin_users.set_role")):
            run(users.set_role, done, username=picked, role=role)
    with st.form("admin_users_password", clear_on_submit=True):
        password = st.text_input(t("admin_users.new_password"), type="password", key="admin_users_reset_value")
        again = st.text_input(t("admin_users.password_repeat"), type="password", key="admin_users_reset_repeat")
        if st.form_submit_button(t("admin_users.reset_password")):
            if password != again:
                remember_errors(FORM, [FieldError("password", "users.passwords_differ")])
                st.rerun()
            else:
                run(users.reset_password, done, username=picked, password=password)
