"""Training sign-in by QR code, with no account: staff open a session's sign-in, attendees sign in with their name,
enterprise and phone through a signed link that names that session only and expires.

The link carries the training and a nonce, signed with the install's key: a forged or altered link fails the
signature, an old one fails its age, and closing or reopening the sign-in changes the nonce so earlier links stop
working. One phone is one attendee per session; the attendees and enterprises reached follow the sign-ins.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from db.commands.common import change, enterprises_named
from db.config import settings, signing_key
from db.errors import FieldError, ValidationFailed
from db.models import Enterprise, Training, TrainingSignIn, training_enterprises
from db.permissions import ENTRY_ROLES, Actor, require
from db.schemas import EnterpriseIn, SignInIn, problems_of
from db.unit_of_work import audit, now, remember, snapshot, writing

SALT = "training-sign-in"
# At most this many sign-ins from one network address in RATE_WINDOW: a hall of attendees fits, a script does not.
RATE_LIMIT, RATE_WINDOW = 30, dt.timedelta(minutes=10)


@dataclasses.dataclass(frozen=True)
class Invitation:
    """What a valid sign-in link opens: one session, until a time."""

    training_id: int
    code: str
    title: str
    held_on: dt.date
    until: dt.datetime


def open_sign_in(engine: Engine, *, actor: Actor, training_id: int, hours: float = 2,
                 submission: str | None = None) -> str:
    """Open (or reopen) a session's sign-in for `hours`; returns the link's token. Earlier links stop working.

    Not bound to a version: every sign-in changes the session's row, and opening or closing is what the desk
    means whatever arrived meanwhile."""
    require(actor, ENTRY_ROLES, "open_sign_in")
    with writing(engine, actor, submission=submission) as session:
        training = _live_training(session, training_id)
        nonce, until = secrets.token_hex(8), now() + dt.timedelta(hours=hours)
        change(session, training, actor.username, sign_in_nonce=nonce, sign_in_until=until)
    return link_token(training_id, nonce)


def link_token(training_id: int, nonce: str) -> str:
    """The signed token of an open sign-in's link (for the QR code shown to the room)."""
    return _serializer().dumps({"t": training_id, "n": nonce})


def close_sign_in(engine: Engine, *, actor: Actor, training_id: int, submission: str | None = None) -> None:
    """Stop a session's sign-in: every link to it is refused from now on."""
    require(actor, ENTRY_ROLES, "close_sign_in")
    with writing(engine, actor, submission=submission) as session:
        training = _live_training(session, training_id)
        change(session, training, actor.username, sign_in_nonce=None, sign_in_until=None)


def invitation(session_or_conn, token: str, *, at: dt.datetime | None = None) -> Invitation:
    """The session a link opens, or ValidationFailed on "token" (forged, expired, closed or unknown)."""
    at = at or now()
    try:
        data, issued = _serializer().loads(token, return_timestamp=True)
    except (BadSignature, TypeError, ValueError):
        raise ValidationFailed([FieldError("token", "sign_in.bad_link")]) from None
    row = session_or_conn.execute(select(Training.id, Training.code, Training.title, Training.held_on,
                                         Training.sign_in_nonce, Training.sign_in_until)
                                  .where(Training.id == data.get("t"), Training.deleted_at.is_(None))).first()
    if row is None or row.sign_in_nonce != data.get("n") or row.sign_in_until is None:
        raise ValidationFailed([FieldError("token", "sign_in.closed")])
    until = row.sign_in_until if row.sign_in_until.tzinfo else row.sign_in_until.replace(tzinfo=dt.timezone.utc)
    if at > until or issued > at + dt.timedelta(minutes=5):
        raise ValidationFailed([FieldError("token", "sign_in.expired")])
    return Invitation(row.id, row.code, row.title, row.held_on, until)


def sign_in(engine: Engine, *, token: str, values: dict, client_ip: str = "", at: dt.datetime | None = None) -> str:
    """Sign one attendee in (name, phone, an enterprise by code or name, or a new one with a valid credit code).

    Returns "added", or "again" when this phone had already signed in to the session (nothing new is written).
    """
    at = at or now()
    data, problems = problems_of(SignInIn, values, None)
    new_firm, wants_new = None, "new_credit_code" in values
    if wants_new:
        # A new enterprise's code and name are checked like any enterprise's (GB 32100), beside their own fields.
        new_firm, firm_problems = problems_of(EnterpriseIn, {
            "credit_code": values.get("new_credit_code"), "name": values.get("new_enterprise_name"), "kind": "other"},
            None)
        renamed = {"credit_code": "new_credit_code", "name": "new_enterprise_name"}
        problems += [FieldError(renamed.get(e.field, e.field), e.message_key) for e in firm_problems]
    elif data is not None and not data.enterprise:
        problems.append(FieldError("enterprise", "errors.required"))
    if problems:
        raise ValidationFailed(problems)
    attendee = Actor(f"sign-in:{data.phone[-4:]}", "attendee", data.name, client_ip=client_ip)
    with writing(engine, attendee) as session:
        place = invitation(session, token, at=at)
        if client_ip and _recent_from(session, client_ip, at) >= RATE_LIMIT:
            raise ValidationFailed([FieldError("token", "sign_in.too_many")])
        existing = session.execute(select(TrainingSignIn).where(TrainingSignIn.training_id == place.training_id,
                                                                TrainingSignIn.phone == data.phone)
                                   .with_for_update()).scalar()
        if existing is not None and existing.removed_at is None:
            return "again"
        firm = _enterprise(session, new_firm, data.enterprise)
        training = session.get(Training, place.training_id, with_for_update=True)
        linked = session.execute(select(func.count()).select_from(training_enterprises).where(
            training_enterprises.c.training_id == training.id,
            training_enterprises.c.enterprise_id == firm.id)).scalar_one()
        if not linked:
            session.execute(insert(training_enterprises).values(training_id=training.id, enterprise_id=firm.id))
        row = existing or TrainingSignIn(training_id=training.id, phone=data.phone)
        row.name, row.enterprise_id, row.at, row.client_ip = data.name, firm.id, at, client_ip or None
        row.added_enterprise, row.removed_at, row.removed_by = not linked, None, None
        session.add(row)
        training.attendees += 1
        session.flush()
        audit(session, "sign_in", table="training_sign_ins", row_id=row.id, after=snapshot(row))
        return "added"


def remove_sign_in(engine: Engine, *, actor: Actor, sign_in_id: int, submission: str | None = None) -> None:
    """Take a wrong sign-in off (staff): one attendee fewer, and its enterprise off if it came only with it."""
    require(actor, ENTRY_ROLES, "remove_sign_in")
    with writing(engine, actor, submission=submission) as session:
        row = session.execute(select(TrainingSignIn).where(TrainingSignIn.id == sign_in_id,
                                                           TrainingSignIn.removed_at.is_(None))
                              .with_for_update()).scalar()
        if row is None:
            raise ValidationFailed([FieldError("id", "errors.not_found")])
        before = snapshot(row)
        row.removed_at, row.removed_by = now(), actor.username
        training = session.get(Training, row.training_id, with_for_update=True)
        training.attendees = max(0, training.attendees - 1)
        others = session.execute(select(func.count()).select_from(TrainingSignIn).where(
            TrainingSignIn.training_id == row.training_id, TrainingSignIn.enterprise_id == row.enterprise_id,
            TrainingSignIn.removed_at.is_(None), TrainingSignIn.id != row.id)).scalar_one()
        if row.added_enterprise and not others:
            session.execute(training_enterprises.delete().where(
                training_enterprises.c.training_id == row.training_id,
                training_enterprises.c.enterprise_id == row.enterprise_id))
        session.flush()
        audit(session, "remove_sign_in", table="training_sign_ins", row_id=row.id, before=before,
              after=snapshot(row))
        remember(session, [{"table": "trainings", "code": training.code, "project": None}])


def _live_training(session: Session, training_id: int) -> Training:
    training = session.execute(select(Training).where(Training.id == training_id, Training.deleted_at.is_(None))
                               .with_for_update()).scalar()
    if training is None:
        raise ValidationFailed([FieldError("id", "errors.not_found")])
    return training


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(signing_key(settings()), salt=SALT)


def _recent_from(session: Session, client_ip: str, at: dt.datetime) -> int:
    return session.execute(select(func.count()).select_from(TrainingSignIn).where(
        TrainingSignIn.client_ip == client_ip, TrainingSignIn.at >= at - RATE_WINDOW)).scalar_one()


def _enterprise(session: Session, new_firm: EnterpriseIn | None, named: str | None) -> Enterprise:
    if new_firm is None:
        return enterprises_named(session, [named], "enterprise")[0]
    known = session.execute(select(Enterprise).where(Enterprise.credit_code == new_firm.credit_code)).scalar()
    if known is not None:
        return known
    firm = Enterprise(**new_firm.model_dump(), created_by="sign-in", created_at=now())
    session.add(firm)
    session.flush()
    audit(session, "create", table="enterprises", row_id=firm.id, after=snapshot(firm))
    return firm

