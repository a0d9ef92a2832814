"""Training sign-in (签到), the one page anyone may open without an account: an attendee who scanned the session's
QR code signs in with their name, enterprise and phone. It shows that session only, and nothing else of the app."""
import streamlit as st

from db.commands.sign_in import invitation, sign_in
from db.errors import ValidationFailed
from db.queries import training
from render.formatting import plain
from ui import cache
from ui.forms import feedback, field_error, remember_errors
from ui.frame import public_frame

t = public_frame("sign_in")
FORM = "sign_in"
LABELS = {field: t(f"sign_in.{field}") for field in ("name", "phone", "enterprise", "new_credit_code",
                                                         "new_enterprise_name", "token")}
state = st.session_state
token = st.query_params.get("token", "")

try:
    place = cache.read_fresh(invitation, token)
except ValidationFailed as exc:
    st.error(t(exc.errors[0].message_key))
    st.stop()

st.title(t("sign_in.title"), anchor=False)
st.subheader(plain(place.title), anchor=False)
st.caption(t("sign_in.session", date=place.held_on, code=plain(place.code)))
if done := state.get(f"{FORM}__signed"):
    st.success(t(f"sign_in.{done}"), icon=":material/check_circle:")
feedback(FORM, t, LABELS)

search = st.text_input(t("sign_in.search"), key="sign_in_search", placeholder=t("sign_in.search_hint"))
matches = dict(cache.read_fresh(training.enterprise_matches, text=search)) if search else {}
new_firm = st.toggle(t("sign_in.not_listed"), key="sign_in_new_firm")
with st.form("sign_in_form", enter_to_submit=False):
    values = {"name": st.text_input(t("sign_in.name"), key="sign_in_name")}
    field_error(FORM, "name", t)
    values["phone"] = st.text_input(t("sign_in.phone"), key="sign_in_phone")
    field_error(FORM, "phone", t)
    if new_firm:
        values["new_credit_code"] = st.text_input(t("sign_in.new_credit_code"), max_chars=18, key="sign_in_code")
        field_error(FORM, "new_credit_code", t)
        field_error(FORM, "credit_code", t)
        values["new_enterprise_name"] = st.text_input(t("sign_in.new_enterprise_name"), key="sign_in_firm_name")
        field_error(FORM, "new_enterprise_name", t)
    else:
        values["enterprise"] = st.selectbox(t("sign_in.enterprise"), list(matches), format_func=matches.get,
                                            key="sign_in_enterprise", index=None,
                                            placeholder=t("sign_in.pick_after_search"))
    field_error(FORM, "enterprise", t)
    field_error(FORM, "token", t)
    submitted = st.form_submit_button(t("sign_in.submit"), type="primary", width="stretch")
if submitted:
    state.pop(f"{FORM}__errors", None)
    try:
        address = st.context.ip_address
        state[f"{FORM}__signed"] = sign_in(cache.engine(), token=token, values=values,
                                           client_ip=address if isinstance(address, str) else "")
    except ValidationFailed as exc:
        state.pop(f"{FORM}__signed", None)
        remember_errors(FORM, exc.errors)
    st.rerun()
