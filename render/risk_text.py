"""The risk rules' reasons and the 危大 basis in words, for the pages and the command line (no Streamlit)."""
from __future__ import annotations

from db.dangerous_works import PARAMETERS, classify
from db.risk import Reason, Rule
from render.i18n import Translator

SHOWN_ITEMS = 5   # a reason names at most this many records, then says how many more


def reason_detail(reason: Reason, t: Translator, area: str = "risk_reason") -> str:
    """What a rule counted, in words: e.g. "overdue (2): YH2024-0012, YH2024-0033" (`area`: the rules' catalog,
    risk_reason for projects, enterprise_reason for enterprises)."""
    items = list(reason.items[:SHOWN_ITEMS])
    if len(reason.items) > SHOWN_ITEMS:
        items.append(t("risk_reason.more", n=len(reason.items) - SHOWN_ITEMS))
    separator = "、" if t.lang == "zh" else ", "
    return t(f"{area}.{reason.rule}", count=len(reason.items), items=separator.join(items))


def rule_points(rule: Rule, t: Translator) -> str:
    """A rule's points in words: "8 each, at most 16" or "8 points"."""
    if rule.cap == rule.points:
        return t("risk_reason.points_once", points=rule.points)
    return t("risk_reason.points_each", points=rule.points, cap=rule.cap)


def danger_basis(row, t: Translator) -> str:
    """Why a ledger item is (or is not) dangerous works: the deciding parameters, or "typed by hand"."""
    if not isinstance(row.danger_kind, str):  # None, or NaN when pandas saw no kind in the whole column
        return t("danger.typed")
    parameters = {name: getattr(row, name) for name in PARAMETERS}
    return classify(row.danger_kind, {k: (None if v != v else v) for k, v in parameters.items()}).text(t.lang)
