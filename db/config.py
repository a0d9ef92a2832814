"""The app's settings, one object: environment variables over `.streamlit/secrets.toml` over defaults.

Read once per configuration and validated as a whole: a bad value stops the app (or the command) with
one line naming the setting and the reason. Several servers sharing one database must share one cookie
key: set AUTH_COOKIE_KEY or `[auth] cookie_key` there; a single install generates its own (mode 0600).
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import secrets
import stat
import tomllib
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel, BeforeValidator, ConfigDict, Field, PositiveFloat, PositiveInt, ValidationError, field_validator,
)
from pydantic_core import PydanticCustomError

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_SQLITE_PATH = DATA_DIR / "dashboard.db"
SECRETS_PATH = ROOT / ".streamlit" / "secrets.toml"
COOKIE_NAME = "supervision_session"
MIN_KEY_CHARS = 32
# The key shipped in .streamlit/secrets.toml.example and the library's documentation examples.
EXAMPLE_KEY = "replace-me-with-a-long-random-string-0123456789"
EXAMPLE_MARKERS = ("replace-me", "change-me", "changeme", "example", "some_key", "some_signature_key")
# Debian's fonts-noto-cjk first (its Simplified Chinese face); REPORT_FONT may name any font with Chinese glyphs.
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)

# setting: (environment variable, path in secrets.toml or None)
SOURCES = {
    "database_url": ("DATABASE_URL", ("connections", "sql", "url")),
    "cookie_key": ("AUTH_COOKIE_KEY", ("auth", "cookie_key")),
    "cookie_key_file": ("AUTH_COOKIE_KEY_FILE", None),
    "idle_minutes": ("AUTH_IDLE_MINUTES", ("auth", "idle_timeout_minutes")),
    "absolute_hours": ("AUTH_ABSOLUTE_HOURS", ("auth", "absolute_timeout_hours")),
    "refresh_seconds": ("OVERVIEW_REFRESH_SECONDS", None),
    "report_font": ("REPORT_FONT", None),
    "cookie_secure": ("COOKIE_SECURE", ("auth", "cookie_secure")),
    "deadline_days_major": ("DEADLINE_DAYS_MAJOR", ("supervision", "deadline_days_major")),
    "deadline_days_general": ("DEADLINE_DAYS_GENERAL", ("supervision", "deadline_days_general")),
    "document_office": ("DOCUMENT_OFFICE", ("documents", "office")),
    "document_prefix": ("DOCUMENT_PREFIX", ("documents", "prefix")),
    "document_verify_url": ("DOCUMENT_VERIFY_URL", ("documents", "verify_url")),
    "risk_weekly_targets": ("RISK_WEEKLY_TARGETS", ("risk", "weekly_targets")),
    "risk_grade_scores": ("RISK_GRADE_SCORES", ("risk", "grade_scores")),
    "map_geojson": ("MAP_GEOJSON", ("map", "geojson")),
    "map_tile_url": ("MAP_TILE_URL", ("map", "tile_url")),
    "present_year": ("PRESENT_YEAR", ("present", "year")),
    "timezone": ("TIMEZONE", ("office", "timezone")),
}
# The issuing office and the first part of every document number, e.g. 九开建质安整〔2024〕12号.
DEFAULT_OFFICE = "九江经济技术开发区建设局"
DEFAULT_PREFIX = "九开建质安"
# The demo district's outline and main roads; a deployment points MAP_GEOJSON at its own district.
DEMO_MAP = ROOT / "seed" / "jiujiang_etdz_map.geojson"


def _numbers(value):
    """"3,3,4,5" (environment) or [3, 3, 4, 5] (secrets.toml) as a tuple; pydantic checks they are whole numbers."""
    return tuple(part.strip() for part in value.split(",")) if isinstance(value, str) else value


class SettingsError(Exception):
    """A setting is missing or unsafe: `setting` names it as the operator sets it, `message_key` the reason."""

    def __init__(self, setting: str, message_key: str, reason: str):
        super().__init__(f"{setting}: {reason}")
        self.setting, self.message_key, self.reason = setting, message_key, reason


class Settings(BaseModel):
    """Validated settings; build them with `settings()`."""

    model_config = ConfigDict(frozen=True)

    database_url: str = f"sqlite:///{DEFAULT_SQLITE_PATH}"
    cookie_key: str | None = Field(default=None, repr=False)
    cookie_key_file: Path = DATA_DIR / "cookie_key"
    idle_minutes: PositiveFloat = 30           # OWASP ASVS 3.3.2 (L2): idle timeout
    absolute_hours: PositiveFloat = 12         # and an absolute lifetime
    refresh_seconds: PositiveFloat = 30
    report_font: Path | None = None
    # auto: the cookie is Secure when the page was served over HTTPS; always / never force it.
    cookie_secure: Literal["auto", "always", "never"] = "auto"
    cookie_name: str = COOKIE_NAME
    # A hazard entered without a deadline gets one from its level.
    deadline_days_major: PositiveInt = 7
    deadline_days_general: PositiveInt = 3
    document_office: str = Field(default=DEFAULT_OFFICE, min_length=2, max_length=60)
    document_prefix: str = Field(default=DEFAULT_PREFIX, min_length=1, max_length=16, pattern=r"^[^\s〔〕\[\]\d]+$")
    document_verify_url: str | None = Field(default=None, pattern=r"^https?://\S+$", max_length=200)
    # Visits a week by project risk grade: low, general, high, major (db/risk.py).
    risk_weekly_targets: Annotated[tuple[int, int, int, int], BeforeValidator(_numbers)] = (3, 3, 4, 5)
    # The score at which a project is graded general, high, major (below the first: low).
    risk_grade_scores: Annotated[tuple[int, int, int], BeforeValidator(_numbers)] = (8, 16, 28)
    map_geojson: Path = DEMO_MAP
    map_tile_url: str | None = None
    # The year presentation mode tells (visitors land on it); unset: the period chosen in the sidebar.
    present_year: int | None = Field(default=None, ge=1990, le=2200)
    # The office's clock: audit times are shown and filtered by its days.
    timezone: str = "Asia/Shanghai"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        try:
            ZoneInfo(zone)
        except (ValueError, ZoneInfoNotFoundError):
            raise ValueError("not an IANA time zone such as Asia/Shanghai") from None
        return zone

    @field_validator("risk_weekly_targets")
    @classmethod
    def _targets(cls, targets: tuple[int, ...]) -> tuple[int, ...]:
        if not all(1 <= n <= 21 for n in targets) or list(targets) != sorted(targets):
            raise PydanticCustomError("risk_targets", "must be four whole numbers from 1 to 21 (low, general, high, "
                                                      "major), none below the one before")
        return targets

    @field_validator("risk_grade_scores")
    @classmethod
    def _grade_scores(cls, scores: tuple[int, ...]) -> tuple[int, ...]:
        if scores[0] < 1 or any(b <= a for a, b in zip(scores, scores[1:])):
            raise PydanticCustomError("risk_scores", "must be three whole numbers (general, high, major), rising, "
                                                     "the first at least 1")
        return scores

    @field_validator("map_geojson")
    @classmethod
    def _map_exists(cls, path: Path) -> Path:
        if not path.is_file():
            raise PydanticCustomError("map_missing", "names no file")
        return path

    @field_validator("map_tile_url")
    @classmethod
    def _tile_url(cls, url: str | None) -> str | None:
        if url is not None and (not url.startswith(("https://", "http://"))
                                or not all(part in url for part in ("{z}", "{x}", "{y}"))):
            raise PydanticCustomError("tile_url", "must be an http(s) address with {z}, {x} and {y} in it")
        return url

    @field_validator("database_url")
    @classmethod
    def _psycopg3(cls, url: str) -> str:
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url

    @property
    def idle(self) -> dt.timedelta:
        """How long a session may sit unused."""
        return dt.timedelta(minutes=self.idle_minutes)

    @property
    def absolute(self) -> dt.timedelta:
        """How long a session may last at most."""
        return dt.timedelta(hours=self.absolute_hours)

    @property
    def refresh(self) -> dt.timedelta:
        """How often live parts of a page re-check the data."""
        return dt.timedelta(seconds=self.refresh_seconds)

    def deadline_days(self, level: str) -> int:
        """Days from finding to the rectification deadline a hazard of `level` gets when none is entered."""
        return self.deadline_days_major if level == "major" else self.deadline_days_general

    @property
    def is_default_sqlite(self) -> bool:
        """True for the embedded default file, which the app may create and fill with the demo."""
        return self.database_url == f"sqlite:///{DEFAULT_SQLITE_PATH}"


def settings() -> Settings:
    """The current settings; parsed once per distinct environment and secrets file."""
    env = tuple(os.environ.get(variable) for variable, _ in SOURCES.values())
    stamp = SECRETS_PATH.stat().st_mtime_ns if SECRETS_PATH.exists() else None
    return _load(env, str(SECRETS_PATH), stamp)


def signing_key(config: Settings) -> str:
    """The cookie signing key: configured, or generated once for this install; SettingsError when unsafe."""
    key = config.cookie_key or _generated_key(config.cookie_key_file)
    setting = "AUTH_COOKIE_KEY"
    if any(marker in key.lower() for marker in EXAMPLE_MARKERS) or key == EXAMPLE_KEY:
        raise SettingsError(setting, "settings.key_is_example", "is the example key; generate your own")
    if len(key) < MIN_KEY_CHARS:
        raise SettingsError(setting, "settings.key_too_short", f"must be at least {MIN_KEY_CHARS} characters")
    return key


def chinese_font(config: Settings) -> Path | None:
    """The font file with Chinese glyphs that PDFs embed, or None when none is installed."""
    candidates = [config.report_font] if config.report_font else [Path(p) for p in FONT_CANDIDATES]
    return next((path for path in candidates if path.is_file()), None)


@functools.lru_cache(maxsize=8)
def _load(env: tuple[str | None, ...], secrets_path: str, _stamp: int | None) -> Settings:
    values = {}
    from_secrets = _secrets(Path(secrets_path))
    for (name, (variable, secret_path)), from_env in zip(SOURCES.items(), env):
        value = from_env if from_env not in (None, "") else _dig(from_secrets, secret_path)
        if value not in (None, ""):
            values[name] = value
    try:
        return Settings(**values)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0])
        raise SettingsError(SOURCES[name][0], f"settings.{error['type']}", error["msg"].lower()) from None


def _dig(tree: dict, path: tuple[str, ...] | None):
    for part in path or ():
        tree = tree.get(part, {}) if isinstance(tree, dict) else {}
    return tree if path and tree != {} else None


def _secrets(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(str(path), "settings.bad_secrets", f"is not valid TOML ({exc})") from None


def _generated_key(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_urlsafe(48))
        try:
            # A hard link appears complete and fails if another process won the race.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise SettingsError("AUTH_COOKIE_KEY_FILE", "settings.key_file_unsafe",
                            f"{path} must be readable by its owner only (chmod 600)")
    return path.read_text(encoding="ascii").strip()
