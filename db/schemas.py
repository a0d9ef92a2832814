"""One definition of valid input, shared by the forms and the Excel importer (pydantic v2).

Field names are the workbook's English field names. Every problem becomes a
`FieldError(field, message_key)`; the UI translates the key.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo, model_validator,
)
from pydantic_core import PydanticCustomError

from db import enums
from db.credit_code import credit_code_problem
from db.errors import FieldError, ValidationFailed
from db.enums import Vocabulary

# pydantic's own error types, mapped to our message keys.
ERROR_KEYS = {
    "missing": "errors.required", "string_too_short": "errors.required", "string_too_long": "errors.too_long",
    "date_parsing": "errors.bad_date", "date_from_datetime_parsing": "errors.bad_date", "date_type": "errors.bad_date",
    "int_parsing": "errors.not_a_number", "float_parsing": "errors.not_a_number", "int_from_float": "errors.not_a_number",
    "greater_than_equal": "errors.out_of_range", "less_than_equal": "errors.out_of_range",
    "greater_than": "errors.out_of_range", "less_than": "errors.out_of_range",
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
OptionalCode = Annotated[str | None, BeforeValidator(_blank_to_none), Field(default=None, max_length=40)]
EventDate = Annotated[dt.date, AfterValidator(_not_future)]
OptionalEventDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none), AfterValidator(_not_future)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_blank_to_none)]


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
    notes: Annotated[str | None, Field(default=None, max_length=2000)] = None


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
            raise PydanticCustomError("errors.domain_mismatch", "category belongs to the other domain")
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


def validate(schema: type[Record], data: dict, *, today: dt.date | None = None) -> Record:
    """`data` as a `schema` instance, or ValidationFailed listing every problem by field."""
    try:
        return schema.model_validate(data, context={"today": today or dt.date.today()})
    except ValidationError as exc:
        raise ValidationFailed(field_errors(exc)) from None


def field_errors(exc: ValidationError) -> list[FieldError]:
    """pydantic's errors as our FieldErrors (field name, message key)."""
    errors = []
    for error in exc.errors():
        context = error.get("ctx") or {}
        field = context.get("field") or (str(error["loc"][0]) if error["loc"] else "")
        key = error["type"] if error["type"].startswith("errors.") else ERROR_KEYS.get(error["type"], "errors.invalid")
        errors.append(FieldError(field, key))
    return errors
