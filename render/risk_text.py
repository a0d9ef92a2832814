"""The risk rules' reasons and the 危大 basis in words, for the pages and the command line (no Streamlit)."""
from __future__ import annotations

from db.risk import BY_ID, Reason
from render.i18n import Translator

SHOWN_ITEMS = 5   # a reason names at most this many records, then says how many more


def reason_detail(reason: Reason, t: Translator) -> str:
    """What a rule counted, in words: e.g. "2 overdue: YH2024-0012, YH2024-0033"."""
    items = list(reason.items[:SHOWN_ITEMS])
    if len(reason.items) > SHOWN_ITEMS:
        items.append(t("risk_reason.more", n=len(reason.items) - SHOWN_ITEMS))
    separator = "、" if t.lang == "zh" else ", "
    return t(f"risk_reason.{reason.rule}", count=len(reason.items), items=separator.join(items))


def rule_points(rule_id: str, t: Translator) -> str:
    """A rule's points in words: "8 each, at most 16" or "8 once"."""
    rule = BY_ID[rule_id]
    if rule.cap == rule.points:
        return t("risk_reason.points_once", points=rule.points)
    return t("risk_reason.points_each", points=rule.points, cap=rule.cap)
