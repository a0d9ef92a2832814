"""Works of greater danger (危大工程) classified from their parameters, per 建办质〔2018〕31号.

The one place the thresholds live: the import, the forms' schema, the project page, the risk score and
`python -m db dangerous-works classify` all read them from here. "≥" means at or above the threshold.
A ledger item of a kind listed here is none / dangerous / beyond scale by its parameters; items of other
dangerous categories (demolition, underground works, crane erection) keep the flag typed by hand.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, literal, or_, true

from db.enums import Vocabulary

DANGER_KIND = Vocabulary("danger_kind", {
    "excavation": ("基坑工程", "Excavation"),
    "formwork_support": ("模板支撑体系", "Formwork support"),
    "lifting_nonstandard": ("非常规起重吊装", "Non-standard lifting"),
    "scaffold_floor": ("落地式脚手架", "Floor-standing scaffold"),
    "scaffold_cantilever": ("悬挑式脚手架", "Cantilever scaffold"),
    "curtain_wall": ("建筑幕墙安装", "Curtain wall"),
    "steel_structure": ("钢结构安装", "Steel structure"),
    "hand_dug_pile": ("人工挖孔桩", "Hand-dug piles"),
})
DANGER_CLASS = Vocabulary("danger_class", {
    "none": ("未达危大标准", "Below the thresholds"),
    "dangerous": ("危大工程", "Dangerous works"),
    "beyond_scale": ("超过一定规模", "Beyond the set scale"),
})
# Parameter field: (zh, en, unit). The field names are the CLI options and workbook fields.
PARAMETERS = {
    "depth_m": ("深度", "depth", "m"),
    "height_m": ("高度", "height", "m"),
    "span_m": ("跨度", "span", "m"),
    "load_kn_m2": ("施工总荷载", "load", "kN/m²"),
    "line_load_kn_m": ("集中线荷载", "line load", "kN/m"),
    "lift_kn": ("单件起吊重量", "single lift", "kN"),
}


@dataclass(frozen=True)
class Threshold:
    """One parameter's bounds: dangerous at or above `dangerous` (None: the kind always is), beyond scale at
    or above `beyond`."""

    parameter: str
    dangerous: float | None
    beyond: float


@dataclass(frozen=True)
class KindRule:
    """A kind of dangerous works: its category (DANGER_CATEGORY) and thresholds; any one reached decides."""

    category: str
    thresholds: tuple[Threshold, ...]

    @property
    def always_dangerous(self) -> bool:
        """True for kinds that are dangerous works whatever their size."""
        return any(t.dangerous is None for t in self.thresholds)

    @property
    def parameters(self) -> tuple[str, ...]:
        """The parameters the kind needs, all of them: none can be decided without each one."""
        return tuple(t.parameter for t in self.thresholds)


KINDS = {
    "excavation": KindRule("excavation", (Threshold("depth_m", 3, 5),)),
    "formwork_support": KindRule("formwork", (Threshold("height_m", 5, 8), Threshold("span_m", 10, 18),
                                              Threshold("load_kn_m2", 10, 15), Threshold("line_load_kn_m", 15, 20))),
    "lifting_nonstandard": KindRule("lifting", (Threshold("lift_kn", 10, 100),)),
    "scaffold_floor": KindRule("scaffolding", (Threshold("height_m", 24, 50),)),
    "scaffold_cantilever": KindRule("scaffolding", (Threshold("height_m", None, 20),)),
    "curtain_wall": KindRule("other", (Threshold("height_m", None, 50),)),
    "steel_structure": KindRule("other", (Threshold("span_m", None, 36),)),
    "hand_dug_pile": KindRule("other", (Threshold("depth_m", None, 16),)),
}


class ParameterProblem(ValueError):
    """A parameter the kind needs is missing, or one is negative: `field` names it."""

    def __init__(self, field: str, message_key: str):
        super().__init__(f"{field}: {message_key}")
        self.field, self.message_key = field, message_key


@dataclass(frozen=True)
class Classification:
    """The class and its basis: (parameter, value, threshold, reached) for each threshold that decided."""

    danger_class: str
    basis: tuple[tuple[str, float, float, bool], ...]
    always: bool = False
    below_beyond: bool = False

    def text(self, lang: str = "en") -> str:
        """The basis in words, e.g. "depth 6 m ≥ 5 m" or "深度 2.9 m < 3 m"."""
        parts = [f"{_name(p, lang)} {_num(v)} {PARAMETERS[p][2]} {'≥' if hit else '<'} {_num(limit)} {PARAMETERS[p][2]}"
                 for p, v, limit, hit in self.basis]
        if self.always:
            parts.insert(0, "该类工程均属危大工程" if lang == "zh" else "this kind is always dangerous works")
        if self.below_beyond:
            parts.append("均未达到超过一定规模的标准" if lang == "zh" else "below every beyond-scale threshold")
        return ("；" if lang == "zh" else "; ").join(parts)


def classify(kind: str, parameters: dict[str, float | None]) -> Classification:
    """none / dangerous / beyond_scale for `kind` with `parameters`; ParameterProblem when one is missing or negative."""
    rule = KINDS.get(kind)
    if rule is None:
        raise ParameterProblem("danger_kind", "errors.not_in_list")
    for name, value in parameters.items():
        if value is not None and value < 0:
            raise ParameterProblem(name, "errors.out_of_range")
    missing = [p for p in rule.parameters if parameters.get(p) is None]
    if missing:
        raise ParameterProblem(missing[0], "errors.required")
    values = {t.parameter: float(parameters[t.parameter]) for t in rule.thresholds}
    beyond = tuple((t.parameter, values[t.parameter], t.beyond, True) for t in rule.thresholds
                   if values[t.parameter] >= t.beyond)
    if beyond:
        return Classification("beyond_scale", beyond)
    sized = [t for t in rule.thresholds if t.dangerous is not None]
    reached = tuple((t.parameter, values[t.parameter], t.dangerous, True) for t in sized
                    if values[t.parameter] >= t.dangerous)
    if rule.always_dangerous:
        below = tuple((t.parameter, values[t.parameter], t.beyond, False) for t in rule.thresholds)
        return Classification("dangerous", below, always=True)
    if reached:
        return Classification("dangerous", reached, below_beyond=True)
    return Classification("none", tuple((t.parameter, values[t.parameter], t.dangerous, False) for t in sized))


def started_without_review(danger_class: str | None, status: str, planned_start: dt.date | None,
                           expert_review_on: dt.date | None) -> bool:
    """A beyond-scale item under way or done with no expert review dated on or before its (planned) start."""
    if danger_class != "beyond_scale" or status == "not_started":
        return False
    return expert_review_on is None or (planned_start is not None and expert_review_on > planned_start)


def danger_class_sql(item):
    """SQL: the class of a ledger item (`item` is LedgerItem or an alias), NULL for other ledger kinds.

    Items with a parameterised kind are classified by the same thresholds as classify(); others by the typed flag.
    """
    kind = item.danger_kind
    beyond = [(and_(kind == k, or_(*(getattr(item, t.parameter) >= t.beyond for t in rule.thresholds))),
               literal("beyond_scale")) for k, rule in KINDS.items()]
    dangerous = [(and_(kind == k, true() if rule.always_dangerous else or_(
        *(getattr(item, t.parameter) >= t.dangerous for t in rule.thresholds))), literal("dangerous"))
        for k, rule in KINDS.items()]
    return case(
        (item.kind != "dangerous_works", None),
        (kind.is_(None), case((item.beyond_scale.is_(True), "beyond_scale"), else_="dangerous")),
        *beyond, *dangerous, else_="none")


def under_way_on(item, day):
    """SQL: the item is being carried out on `day`: from its planned start (if any), while in progress, or until
    its planned end once accepted. The ledger keeps plans and the current status, not a history of statuses."""
    started = or_(item.planned_start.is_(None), item.planned_start <= day)
    running = or_(item.status == "in_progress", and_(item.status == "accepted", item.planned_end.is_not(None),
                                                     item.planned_end >= day))
    return and_(item.deleted_at.is_(None), started, running)


def unreviewed_on(item, day):
    """SQL: no expert review recorded on or before the item's planned start (nor by `day`)."""
    late = or_(item.expert_review_on > day,
               and_(item.planned_start.is_not(None), item.expert_review_on > item.planned_start))
    return or_(item.expert_review_on.is_(None), late)


def _name(parameter: str, lang: str) -> str:
    zh, en, _ = PARAMETERS[parameter]
    return zh if lang == "zh" else en


def _num(value: float) -> str:
    return f"{value:g}"
