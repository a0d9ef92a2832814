"""One definition of valid input, shared by the forms and the Excel importer (pydantic v2).

Field names are the workbook's English field names. Every problem becomes a
`FieldError(field, message_key)`; the UI translates the key.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from db import dangerous_works as dw
from db import enums
from db.config import settings
from db.credit_code import credit_code_problem
from db.enums import Vocabulary
from db.errors import FieldError, ValidationFailed

# pydantic's own error types, mapped to our message keys.
ERROR_KEYS = {
    "missing": "errors.required", "string_too_short": "errors.required", "string_too_long": "errors.too_long",
    "date_parsing": "errors.bad_date", "date_from_datetime_parsing": "errors.bad_date", "date_type": "errors.bad_date",
    "int_parsing": "errors.not_a_number", "float_parsing": "errors.not_a_number", "int_from_float": "errors.not_a_number",
    "greater_than_equal": "errors.out_of_range", "less_than_equal": "errors.out_of_range",
    "greater_than": "errors.out_of_range", "less_than": "errors.out_of_range",
    "date_from_datetime_inexact": "errors.bad_date", "int_type": "errors.not_a_number",
    "float_type": "errors.not_a_number", "bool_parsing": "errors.not_in_list", "bool_type": "errors.not_in_list",
    "too_long": "errors.too_long",
}


def one_of(vocabulary: Vocabulary):
    """A validator accepting a code, a Chinese or an English label; it stores the code."""
    def parse(value):
        if _blank_to_none(value) is None:
            raise PydanticCustomError("errors.required", "required")
        code = vocabulary.parse(str(value))
        if code is None:
            raise PydanticCustomError("errors.not_in_list", "not one of the allowed values")
        return code
    return BeforeValidator(parse)


def _blank_to_none(value):
    return None if isinstance(value, str) and not value.strip() else value


# No record of the office's predates this; an earlier date is a typing slip (1900 for 2024), not history.
EARLIEST_DATE = dt.date(1990, 1, 1)


def _plausible(day: dt.date | None) -> dt.date | None:
    if day is not None and day < EARLIEST_DATE:
        raise PydanticCustomError("errors.date_too_early", "before 1990")
    return day


def _not_future(day: dt.date | None, info: ValidationInfo) -> dt.date | None:
    today = (info.context or {}).get("today") or dt.date.today()
    if day is not None and day > today:
        raise PydanticCustomError("errors.future_date", "must not be in the future")
    return _plausible(day)


Text = Annotated[str, Field(min_length=1, max_length=2000), BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]
ShortText = Annotated[str, Field(min_length=1, max_length=200), BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]
# The length limit sits on the str branch: on the union it would be applied to None and raise.
OptionalCode = Annotated[Annotated[str, Field(max_length=40)] | None, BeforeValidator(_blank_to_none)]
EventDate = Annotated[dt.date, AfterValidator(_not_future)]
OptionalEventDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none), AfterValidator(_not_future)]
PlanDate = Annotated[dt.date, AfterValidator(_plausible)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none), AfterValidator(_plausible)]


def _flag(value):
    """是/否 (or yes/no, true/false, 1/0) as a bool; blank is 否."""
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in FLAG_WORDS:
        return FLAG_WORDS[text]
    raise PydanticCustomError("errors.not_in_list", "not one of 是/否")


def _split_list(value):
    """A list cell: items separated by ；or ; with spaces trimmed, blanks dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.replace("；", ";").split(";")
    return [str(item).strip() for item in value if str(item).strip()]


def optional_one_of(vocabulary: Vocabulary):
    """Like one_of, but blank means None."""
    strict = one_of(vocabulary).func
    return BeforeValidator(lambda value: None if _blank_to_none(value) is None else strict(value))


FLAG_WORDS = {"": False, "是": True, "否": False, "yes": True, "no": False, "y": True, "n": False,
              "true": True, "false": False, "1": True, "0": False, "1.0": True, "0.0": False}
Flag = Annotated[bool, BeforeValidator(_flag)]
NameList = Annotated[list[str], BeforeValidator(_split_list)]
OptionalText = Annotated[Annotated[str, Field(max_length=2000)] | None, BeforeValidator(_blank_to_none)]
OptionalName = Annotated[Annotated[str, Field(max_length=200)] | None, BeforeValidator(_blank_to_none)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


def _between(low: float, high: float):
    return Annotated[Annotated[float, Field(ge=low, le=high)] | None, BeforeValidator(_blank_to_none)]


class Record(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    # (later, earlier) date fields: `later` may not precede `earlier`. Checked by validate() even when other
    # fields are refused, so every problem of a form is reported at once.
    ORDER: ClassVar[tuple[tuple[str, str], ...]] = ()


class VisitIn(Record):
    code: OptionalCode = None
    project: ShortText
    date: EventDate
    kind: Annotated[str, one_of(enums.VISIT_KIND)]
    inspectors: ShortText
    notes: OptionalText = None


class HazardIn(Record):
    ORDER = (("due_on", "found_on"), ("rectified_on", "found_on"), ("closed_on", "rectified_on"))
    code: OptionalCode = None
    project: ShortText
    visit: OptionalCode = None
    found_on: EventDate
    domain: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    category: Annotated[str, one_of(enums.CATEGORY)]
    level: Annotated[str, one_of(enums.HAZARD_LEVEL)]
    description: Text
    # Left blank, the deadline follows from the level (settings: deadline_days_major / _general).
    due_on: Annotated[dt.date | None, BeforeValidator(_blank_to_none), AfterValidator(_plausible)] = None
    rectified_on: OptionalEventDate = None
    closed_on: OptionalEventDate = None
    location: OptionalName = None
    requirement: OptionalText = None
    responsible: OptionalName = None

    @model_validator(mode="after")
    def consistent(self) -> HazardIn:
        """The category's domain, the deadline (from the level when blank), and a closed hazard has been rectified
        (dates in order: ORDER)."""
        if self.due_on is None:
            self.due_on = self.found_on + dt.timedelta(days=settings().deadline_days(self.level))
        expected = enums.CATEGORY_DOMAIN[self.category]
        if self.domain not in (None, expected) and enums.DOMAIN.parse(self.domain) != expected:
            raise PydanticCustomError("errors.domain_mismatch", "category belongs to the other domain",
                                      {"field": "domain"})
        self.domain = expected
        if self.closed_on is not None and self.rectified_on is None:
            raise PydanticCustomError("errors.closed_needs_rectified", "closed without rectification",
                                      {"field": "rectified_on"})
        return self


class EnterpriseIn(Record):
    credit_code: Annotated[str, BeforeValidator(lambda v: str(v).strip().upper() if v is not None else v)]
    name: ShortText
    kind: Annotated[str, one_of(enums.ENTERPRISE_KIND)]

    @model_validator(mode="after")
    def valid_credit_code(self) -> EnterpriseIn:
        """Length, alphabet and check digit of GB 32100, each with its own message."""
        problem = credit_code_problem(self.credit_code)
        if problem:
            raise PydanticCustomError(problem, "invalid credit code", {"field": "credit_code"})
        return self


class ProjectIn(Record):
    ORDER = (("completion_date", "start_date"),)
    code: Annotated[str, Field(min_length=1, max_length=40)]
    name: ShortText
    developer: ShortText
    contractor: ShortText
    supervisor_firm: OptionalName = None
    kind: Annotated[str, one_of(enums.PROJECT_KIND)]
    is_key: Flag = False
    floor_area_m2: Annotated[float, Field(ge=0, le=100_000_000)] = 0
    start_date: PlanDate
    completion_date: OptionalDate = None
    progress_pct: Annotated[float, Field(ge=0, le=100)] = 0
    lon: _between(-180, 180) = None
    lat: _between(-90, 90) = None


Size = _between(0, 100_000)


class LedgerItemIn(Record):
    ORDER = (("planned_end", "planned_start"),)
    project: ShortText
    kind: Annotated[str, one_of(enums.LEDGER_KIND)]
    name: ShortText
    danger_category: Annotated[str | None, optional_one_of(enums.DANGER_CATEGORY)] = None
    # Blank: decided by the parameters (or 否 without them); typed: must agree with the parameters.
    beyond_scale: Annotated[bool | None, BeforeValidator(lambda v: None if _blank_to_none(v) is None else _flag(v))] = None
    planned_start: OptionalDate = None
    planned_end: OptionalDate = None
    status: Annotated[str, one_of(enums.LEDGER_STATUS)] = "not_started"
    danger_kind: Annotated[str | None, optional_one_of(dw.DANGER_KIND)] = None
    depth_m: Size = None
    height_m: Size = None
    span_m: Size = None
    load_kn_m2: Size = None
    line_load_kn_m: Size = None
    lift_kn: Size = None
    expert_review_on: OptionalEventDate = None

    @model_validator(mode="after")
    def consistent(self) -> LedgerItemIn:
        """A danger category only on works of greater danger; the plan ends after it starts; 危大 classified
        from the parameters (db.dangerous_works), the typed flag agreeing or left blank."""
        if self.kind != "dangerous_works":
            for field in ("danger_category", "danger_kind"):
                if getattr(self, field) is not None:
                    raise PydanticCustomError("errors.category_only_for_dangerous", "only for works of greater danger",
                                              {"field": field})
        parameters = {name: getattr(self, name) for name in dw.PARAMETERS}
        if self.danger_kind is None:
            if any(value is not None for value in parameters.values()):
                raise PydanticCustomError("errors.parameters_need_kind", "parameters need a kind",
                                          {"field": "danger_kind"})
            self.beyond_scale = bool(self.beyond_scale)
            return self
        rule = dw.KINDS[self.danger_kind]
        if self.danger_category not in (None, rule.category):
            raise PydanticCustomError("errors.kind_category_mismatch", "kind of another category",
                                      {"field": "danger_category"})
        self.danger_category = rule.category
        try:
            computed = dw.classify(self.danger_kind, parameters).danger_class == "beyond_scale"
        except dw.ParameterProblem as problem:
            raise PydanticCustomError(problem.message_key, "parameter", {"field": problem.field}) from None
        if self.beyond_scale is not None and self.beyond_scale != computed:
            raise PydanticCustomError("errors.beyond_scale_mismatch", "does not agree with the parameters",
                                      {"field": "beyond_scale"})
        self.beyond_scale = computed
        return self


class RiskPointIn(Record):
    code: OptionalCode = None
    project: ShortText
    identified_on: EventDate
    category: Annotated[str, one_of(enums.CATEGORY)]
    level: Annotated[str, one_of(enums.RISK_LEVEL)]
    description: Text
    controls: OptionalText = None


class EnforcementIn(Record):
    ORDER = (("lifted_on", "date"),)
    code: OptionalCode = None
    project: ShortText
    date: EventDate
    kind: Annotated[str, one_of(enums.ENFORCEMENT_KIND)]
    reason: Text
    lifted_on: OptionalEventDate = None


class TrainingIn(Record):
    code: OptionalCode = None
    date: EventDate
    kind: Annotated[str, one_of(enums.TRAINING_KIND)]
    title: ShortText
    attendees: Count = 0
    enterprises: NameList = []


class ApprovalIn(Record):
    ORDER = (("approved_on", "submitted_on"),)
    project: ShortText
    mode: Annotated[str, one_of(enums.APPROVAL_MODE)]
    submitted_on: EventDate
    approved_on: OptionalEventDate = None


class AccidentIn(Record):
    code: OptionalCode = None
    project: ShortText
    date: EventDate
    level: Annotated[str, one_of(enums.ACCIDENT_LEVEL)]
    deaths: Count = 0
    injuries: Count = 0
    description: Text


class AwardIn(Record):
    project: ShortText
    name: ShortText
    year: Annotated[int, Field(ge=1900, le=2200)]
    level: Annotated[str, one_of(enums.AWARD_LEVEL)]


# The workflow steps: what the user enters, checked against the dates the record already has.

def _required(value):
    if _blank_to_none(value) is None:
        raise PydanticCustomError("errors.required", "required")
    return value


StepDate = Annotated[dt.date, BeforeValidator(_required), AfterValidator(_not_future)]


class RectificationIn(Record):
    ORDER = (("rectified_on", "found_on"),)
    rectified_on: StepDate
    note: Annotated[str, BeforeValidator(_required), Field(max_length=2000)]
    found_on: dt.date


class ClosureIn(Record):
    ORDER = (("closed_on", "rectified_on"),)
    closed_on: StepDate
    rectified_on: dt.date | None

    @model_validator(mode="after")
    def after_the_fix(self) -> ClosureIn:
        """Only a rectified hazard is closed, on or after the fix was reported."""
        if self.rectified_on is None:
            raise PydanticCustomError("errors.closed_needs_rectified", "not rectified", {"field": "closed_on"})
        return self


def _mobile(value) -> str:
    """A mainland mobile number (11 digits from 13–19), spaces and dashes dropped."""
    phone = re.sub(r"[\s-]", "", str(value or ""))
    if not phone:
        raise PydanticCustomError("errors.required", "required")
    if not re.fullmatch(r"1[3-9]\d{9}", phone):
        raise PydanticCustomError("errors.bad_phone", "not a mobile number")
    return phone


class SignInIn(Record):
    """An attendee signing in to a training by its QR code: who, which phone, which enterprise (or a new one)."""

    name: Annotated[str, Field(min_length=1, max_length=50), BeforeValidator(_required)]
    phone: Annotated[str, BeforeValidator(_mobile)]
    enterprise: OptionalName = None
    new_credit_code: Annotated[str | None, BeforeValidator(lambda v: _blank_to_none(v) and str(v).strip().upper())] = None
    new_enterprise_name: OptionalName = None


class SendBackIn(Record):
    reason: Annotated[str, BeforeValidator(_required), Field(max_length=2000)]


class LiftIn(Record):
    ORDER = (("lifted_on", "issued_on"),)
    lifted_on: StepDate
    issued_on: dt.date


class DocumentRequestIn(Record):
    """A request to issue a supervision document: its type and the code of the record it is made from."""

    kind: Annotated[str, one_of(enums.DOCUMENT_KIND)]
    record: Annotated[str, BeforeValidator(_required), Field(max_length=40)]


def validate(schema: type[Record], data: dict, *, today: dt.date | None = None) -> Record:
    """`data` as a `schema` instance, or ValidationFailed listing every problem by field, all at once."""
    try:
        record = schema.model_validate(data, context={"today": today or dt.date.today()})
    except ValidationError as exc:
        errors = field_errors(exc)
        # The date-order rules still speak for the dates that were valid on their own.
        refused = {error.field for error in errors}
        raise ValidationFailed(errors + [e for e in order_problems(schema, data) if e.field not in refused]) from None
    errors = order_problems(schema, record.model_dump())
    if errors:
        raise ValidationFailed(errors)
    return record


def order_problems(schema: type[Record], values: dict) -> list[FieldError]:
    """A date-order error on each `later` field of schema.ORDER that precedes its `earlier` one."""
    return [FieldError(later, "errors.date_order") for later, earlier in schema.ORDER
            if isinstance(values.get(later), dt.date) and isinstance(values.get(earlier), dt.date)
            and values[later] < values[earlier]]


def problems_of(schema: type[Record], data: dict, today: dt.date | None) -> tuple[Record | None, list[FieldError]]:
    """(the valid record, []) or (None, its problems): for commands that add problems of their own."""
    try:
        return validate(schema, data, today=today), []
    except ValidationFailed as exc:
        return None, list(exc.errors)


def field_errors(exc: ValidationError) -> list[FieldError]:
    """pydantic's errors as our FieldErrors (field name, message key)."""
    errors = []
    for error in exc.errors():
        context = error.get("ctx") or {}
        field = context.get("field") or (str(error["loc"][0]) if error["loc"] else "")
        key = error["type"] if error["type"].startswith("errors.") else ERROR_KEYS.get(error["type"], "errors.invalid")
        errors.append(FieldError(field, key))
    return errors
