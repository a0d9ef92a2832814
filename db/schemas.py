"""One definition of valid input, shared by the forms and the Excel importer (pydantic v2).

Field names are the workbook's English field names. Every problem becomes a
`FieldError(field, message_key)`; the UI translates the key.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated

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
        code = vocabulary.parse(str(value)) if value is not None else None
        if code is None:
            raise PydanticCustomError("errors.not_in_list", "not one of the allowed values")
        return code
    return BeforeValidator(parse)


def _blank_to_none(value):
    return None if isinstance(value, str) and not value.strip() else value


def _not_future(day: dt.date | None, info: ValidationInfo) -> dt.date | None:
    today = (info.context or {}).get("today") or dt.date.today()
    if day is not None and day > today:
        raise PydanticCustomError("errors.future_date", "must not be in the future")
    return day


Text = Annotated[str, Field(min_length=1, max_length=2000), BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]
ShortText = Annotated[str, Field(min_length=1, max_length=200), BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]
# The length limit sits on the str branch: on the union it would be applied to None and raise.
OptionalCode = Annotated[Annotated[str, Field(max_length=40)] | None, BeforeValidator(_blank_to_none)]
EventDate = Annotated[dt.date, AfterValidator(_not_future)]
OptionalEventDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none), AfterValidator(_not_future)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none)]


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


def _order(later: dt.date | None, earlier: dt.date | None, field: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise PydanticCustomError("errors.date_order", "dates out of order", {"field": field})


class VisitIn(Record):
    code: OptionalCode = None
    project: ShortText
    date: EventDate
    kind: Annotated[str, one_of(enums.VISIT_KIND)]
    inspectors: ShortText
    notes: OptionalText = None


class HazardIn(Record):
    code: OptionalCode = None
    project: ShortText
    visit: OptionalCode = None
    found_on: EventDate
    domain: Annotated[str | None, BeforeValidator(_blank_to_none)] = None
    category: Annotated[str, one_of(enums.CATEGORY)]
    level: Annotated[str, one_of(enums.HAZARD_LEVEL)]
    description: Text
    due_on: dt.date
    rectified_on: OptionalEventDate = None
    closed_on: OptionalEventDate = None

    @model_validator(mode="after")
    def dates_in_order(self) -> HazardIn:
        """found ≤ due, found ≤ rectified ≤ closed, and a closed hazard has been rectified."""
        expected = enums.CATEGORY_DOMAIN[self.category]
        if self.domain not in (None, expected) and enums.DOMAIN.parse(self.domain) != expected:
            raise PydanticCustomError("errors.domain_mismatch", "category belongs to the other domain",
                                      {"field": "domain"})
        self.domain = expected
        _order(self.due_on, self.found_on, "due_on")
        _order(self.rectified_on, self.found_on, "rectified_on")
        _order(self.closed_on, self.rectified_on, "closed_on")
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
    code: Annotated[str, Field(min_length=1, max_length=40)]
    name: ShortText
    developer: ShortText
    contractor: ShortText
    supervisor_firm: OptionalName = None
    kind: Annotated[str, one_of(enums.PROJECT_KIND)]
    is_key: Flag = False
    floor_area_m2: Annotated[float, Field(ge=0, le=100_000_000)] = 0
    start_date: dt.date
    completion_date: OptionalDate = None
    progress_pct: Annotated[float, Field(ge=0, le=100)] = 0
    lon: _between(-180, 180) = None
    lat: _between(-90, 90) = None

    @model_validator(mode="after")
    def dates_in_order(self) -> ProjectIn:
        """Completion on or after the start."""
        _order(self.completion_date, self.start_date, "completion_date")
        return self


Size = _between(0, 100_000)


class LedgerItemIn(Record):
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
        _order(self.planned_end, self.planned_start, "planned_end")
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
    code: OptionalCode = None
    project: ShortText
    date: EventDate
    kind: Annotated[str, one_of(enums.ENFORCEMENT_KIND)]
    reason: Text
    lifted_on: OptionalEventDate = None

    @model_validator(mode="after")
    def dates_in_order(self) -> EnforcementIn:
        """Lifted on or after it was issued."""
        _order(self.lifted_on, self.date, "lifted_on")
        return self


class TrainingIn(Record):
    code: OptionalCode = None
    date: EventDate
    kind: Annotated[str, one_of(enums.TRAINING_KIND)]
    title: ShortText
    attendees: Count = 0
    enterprises: NameList = []


class ApprovalIn(Record):
    project: ShortText
    mode: Annotated[str, one_of(enums.APPROVAL_MODE)]
    submitted_on: EventDate
    approved_on: OptionalEventDate = None

    @model_validator(mode="after")
    def dates_in_order(self) -> ApprovalIn:
        """Approved on or after it was submitted."""
        _order(self.approved_on, self.submitted_on, "approved_on")
        return self


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
    rectified_on: StepDate
    note: Annotated[str, BeforeValidator(_required), Field(max_length=2000)]
    found_on: dt.date

    @model_validator(mode="after")
    def dates_in_order(self) -> RectificationIn:
        """A fix is reported on or after the hazard was found."""
        _order(self.rectified_on, self.found_on, "rectified_on")
        return self


class ClosureIn(Record):
    closed_on: StepDate
    rectified_on: dt.date | None

    @model_validator(mode="after")
    def after_the_fix(self) -> ClosureIn:
        """Only a rectified hazard is closed, on or after the fix was reported."""
        if self.rectified_on is None:
            raise PydanticCustomError("errors.closed_needs_rectified", "not rectified", {"field": "closed_on"})
        _order(self.closed_on, self.rectified_on, "closed_on")
        return self


class SendBackIn(Record):
    reason: Annotated[str, BeforeValidator(_required), Field(max_length=2000)]


class LiftIn(Record):
    lifted_on: StepDate
    issued_on: dt.date

    @model_validator(mode="after")
    def dates_in_order(self) -> LiftIn:
        """An order is lifted on or after it was issued."""
        _order(self.lifted_on, self.issued_on, "lifted_on")
        return self


def validate(schema: type[Record], data: dict, *, today: dt.date | None = None) -> Record:
    """`data` as a `schema` instance, or ValidationFailed listing every problem by field."""
    try:
        return schema.model_validate(data, context={"today": today or dt.date.today()})
    except ValidationError as exc:
        raise ValidationFailed(field_errors(exc)) from None


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
