"""Password hashing with bcrypt (cost 12). The data layer's only place that touches passwords."""
from __future__ import annotations

import bcrypt

BCRYPT_COST = 12
# bcrypt reads at most 72 bytes; 5.x refuses longer input instead of silently truncating it.
MAX_PASSWORD_BYTES = 72


def hash_password(plain: str) -> str:
    """A salted bcrypt hash ("$2b$12$...") of `plain`; ValueError if it is longer than 72 bytes in UTF-8."""
    secret = plain.encode("utf-8")
    if len(secret) > MAX_PASSWORD_BYTES:
        raise ValueError(f"password longer than {MAX_PASSWORD_BYTES} bytes")
    return bcrypt.hashpw(secret, bcrypt.gensalt(rounds=BCRYPT_COST)).decode("ascii")


def verify_password(plain: str, hashed: str) -> bool:
    """True when `plain` matches `hashed`; False for a wrong password, an over-long one or a malformed hash."""
    secret = plain.encode("utf-8")
    if len(secret) > MAX_PASSWORD_BYTES:
        return False
    try:
        return bcrypt.checkpw(secret, hashed.encode("ascii"))
    except ValueError:  # not a bcrypt hash at all
        return False
