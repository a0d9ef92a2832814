"""The demo's works of greater danger sized by plausible parameters, and their expert reviews.

Each ledger text of seed.demo_texts maps to a kind of db.dangerous_works and parameter ranges chosen well
inside the class its text states (beyond scale or not), so classifying them keeps every item's flag. Items
of categories sized by other rules (crane erection, demolition, underground works) keep the typed flag.
"""
from __future__ import annotations

import datetime as dt
import random

# Ledger name: (danger kind, {parameter: (low, high)}).
SIZES = {
    "深基坑开挖与支护": ("excavation", {"depth_m": (5.5, 9.0)}),
    "基坑土方开挖": ("excavation", {"depth_m": (3.0, 4.5)}),
    "高大模板支撑体系": ("formwork_support", {"height_m": (8.2, 12.0), "span_m": (8.0, 16.0),
                                         "load_kn_m2": (8.0, 14.0), "line_load_kn_m": (10.0, 18.0)}),
    "梁板模板支撑体系": ("formwork_support", {"height_m": (5.2, 7.6), "span_m": (6.0, 9.5),
                                         "load_kn_m2": (5.0, 9.5), "line_load_kn_m": (8.0, 14.5)}),
    "大跨度钢结构吊装": ("lifting_nonstandard", {"lift_kn": (110.0, 220.0)}),
    "落地式脚手架": ("scaffold_floor", {"height_m": (24.5, 45.0)}),
    "悬挑式脚手架": ("scaffold_cantilever", {"height_m": (12.0, 19.5)}),
    "建筑幕墙安装": ("curtain_wall", {"height_m": (18.0, 45.0)}),
    "沟槽深基坑支护": ("excavation", {"depth_m": (5.2, 7.5)}),
    "汽车吊吊装作业": ("lifting_nonstandard", {"lift_kn": (20.0, 85.0)}),
}
# Beyond-scale works planned to start from this day on are sometimes begun before their expert review
# (the flag the project page and the risk score show); earlier ones were all reviewed in time.
LAPSES_FROM = dt.date(2025, 3, 1)
LAPSE_SHARE = 0.15


def sized(rng: random.Random, name: str, beyond: bool, planned_start: dt.date, today: dt.date) -> dict:
    """The kind, parameters and expert-review date of one ledger item (empty for unsized items)."""
    if name not in SIZES:
        return {}
    kind, ranges = SIZES[name]
    values = {"danger_kind": kind, **{p: round(rng.uniform(low, high), 1) for p, (low, high) in ranges.items()}}
    lapse = rng.random() < LAPSE_SHARE
    review = planned_start - dt.timedelta(days=rng.randint(5, 30))
    if beyond and not (lapse and planned_start >= LAPSES_FROM) and review <= today:
        values["expert_review_on"] = review
    return values
