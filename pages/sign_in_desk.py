"""Training sign-in desk (staff): open a session's sign-in, show its QR code to the room, watch sign-ins arrive and
take a wrong one off. Attendees need no account; the link names this session only and stops working when the
sign-in is closed, reopened or runs out."""
import io
from urllib.parse import urlsplit

import segno
import streamlit as st

from db.commands.sign_in import close_sign_in, link_token, open_sign_in, remove_sign_in
from db.queries import training
from render.formatting import plain
from ui import cache, widgets
from ui.auth import still_signed_in
from ui.forms import feedback, save
from ui.frame import frame

ctx = frame("sign_in_desk")
t = ctx.t
FORM = "sign_in_desk"
HOURS = (1, 2, 4, 8)


def public_link(token: str) -> str:
    """The sign-in page's address on the host the staff member is using (a phone in the room reaches the same)."""
    here = urlsplit(st.context.url or "")
    origin = f"{here.scheme}://{here.netloc}" if here.scheme and here.netloc else ""
    return f"{origin}/sign_in?token={token}"


def qr_png(text: str) -> bytes:
    """`text` as a QR code image, large enough to scan from the back of a room on a projector."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=10, border=2)
    return out.getvalue()


@st.fragment(run_every=3)
def arrivals(training_id: int) -> None:
    """The sign-ins so far, refreshed every few seconds while the session runs, and the removal of a wrong one."""
    still_signed_in(cache.engine())
    rows = cache.read(training.sign_ins, training_id=training_id, rev=cache.revision())
    st.metric(t("sign_in_desk.count"), len(rows), border=True)
    if rows.empty:
        st.caption(t("sign_in_desk.none_yet"))
        return
    widgets.table(rows, t, {"at": "sign_in_desk.col_at", "name": "sign_in_desk.col_name",
                            "enterprise": "sign_in_desk.col_enterprise", "phone": "sign_in_desk.col_phone"})
    labels = {row.id: f"{row.name} · {row.enterprise} · {row.phone}" for row in rows.itertuples()}
    wrong = st.selectbox(t("sign_in_desk.remove_pick"), list(labels), index=None, format_func=labels.get,
                         key="sign_in_desk_wrong")
    if wrong is not None and st.button(t("sign_in_desk.remove"), key="sign_in_desk_remove"):
        save(FORM, lambda submission: remove_sign_in(cache.engine(), actor=ctx.user, sign_in_id=int(wrong),
                                                     submission=submission), {"remove": int(wrong)},
             clear={"sign_in_desk_wrong": None})


st.title(t("sign_in_desk.title"))
st.caption(t("sign_in_desk.intro"))
feedback(FORM, t, {})
sessions = cache.read(training.recent_sessions, as_of=ctx.as_of, rev=cache.revision())
if sessions.empty:
    st.info(t("sign_in_desk.no_sessions"))
    st.stop()
labels = {row.id: f"{row.held_on} · {row.title} · {row.code}" for row in sessions.itertuples()}
chosen = st.selectbox(t("sign_in_desk.session"), list(labels), format_func=labels.get, key="sign_in_desk_session")
session_row = sessions[sessions["id"] == chosen].iloc[0]
target = {"id": int(session_row.id)}

is_open = isinstance(session_row.sign_in_nonce, str) and session_row.sign_in_until is not None
left, right = st.columns([2, 3])
if is_open:
    link = public_link(link_token(int(session_row.id), session_row.sign_in_nonce))
    with left:
        st.image(qr_png(link), caption=t("sign_in_desk.scan"), width=320)
    with right:
        st.caption(t("sign_in_desk.open_until", until=session_row.sign_in_until.strftime("%Y-%m-%d %H:%M")))
        st.code(link, language=None)
        if st.button(t("sign_in_desk.close"), key="sign_in_desk_close", icon=":material/lock:"):
            save(FORM, lambda submission: close_sign_in(cache.engine(), actor=ctx.user, training_id=target["id"],
                                                        submission=submission),
                 {"close": target["id"]})
else:
    with left:
        hours = st.segmented_control(t("sign_in_desk.hours"), HOURS, default=2, key="sign_in_desk_hours",
                                     format_func=lambda h: t("sign_in_desk.hours_value", hours=h)) or 2
    with right:
        if st.button(t("sign_in_desk.open"), type="primary", key="sign_in_desk_open", icon=":material/qr_code_2:"):
            save(FORM, lambda submission: open_sign_in(cache.engine(), actor=ctx.user, training_id=target["id"],
                                                       hours=hours, submission=submission),
                 {"open": target["id"], "hours": hours})
st.subheader(t("sign_in_desk.arrivals", title=plain(session_row.title)))
arrivals(int(session_row.id))
