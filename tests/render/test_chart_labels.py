"""Every heatmap row and timeline bar is labelled, and time axes speak Chinese: checked on Vega's own SVG of the
spec the pages draw (Streamlit draws the same spec on a canvas, which a browser test cannot read)."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
import vl_convert

from render import charts
from render.i18n import Translator

T = Translator("zh")
PROJECTS = [f"JK2024-{n:03d} 第{n}号厂房项目" for n in range(1, 20)]   # 19 rows, as on the demo's risk page


def svg_text(chart, lang: str = "zh") -> list[str]:
    svg = vl_convert.vegalite_to_svg(charts.localised(chart.to_dict(), lang))
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)]


def test_every_row_of_the_patrol_heatmap_is_labelled():
    mondays = [dt.date(2024, 1, 1) + dt.timedelta(weeks=w) for w in range(8)]
    cells = pd.DataFrame([{"code": name.split()[0], "project": name.split()[1], "monday": monday, "visits": 3,
                           "target": 3, "status": "compliant"} for name in PROJECTS for monday in mondays])
    shown = svg_text(charts.patrol_heatmap(cells, T))
    assert [p for p in PROJECTS if p not in shown] == []


def test_every_row_of_the_risk_heatmap_is_labelled():
    cells = pd.DataFrame([{"project": p, "category": c, "count": 2, "level": "high"}
                          for p in PROJECTS for c in ("深基坑", "高大模板", "起重吊装")])
    shown = svg_text(charts.risk_heatmap(cells, T, x="category", y="project", x_title="类别", y_title="项目"))
    assert [p for p in PROJECTS if p not in shown] == []


def test_every_bar_of_a_short_approval_timeline_is_labelled():
    rows = pd.DataFrame({"code": ["JK2024-001"] * 3, "project": ["甲项目", "乙项目", "丙项目"],
                         "mode": ["parallel", "serial", "parallel"],
                         "submitted_on": [dt.date(2024, 3, 1)] * 3, "approved_on": [dt.date(2024, 4, 1)] * 3,
                         "days": [31, 31, 31]})
    shown = svg_text(charts.approval_timeline(rows, T))
    assert [p for p in ("JK2024-001 甲项目", "JK2024-001 乙项目", "JK2024-001 丙项目") if p not in shown] == []


@pytest.mark.parametrize("lang,month", [("zh", "三月"), ("en", "March")])
def test_time_axes_name_months_in_the_chosen_language(lang, month):
    weekly = pd.DataFrame({"monday": [dt.date(2024, 1, 1) + dt.timedelta(weeks=w) for w in range(20)],
                           "share": [0.9] * 20, "active": [10] * 20, "compliant": [9] * 20})
    shown = svg_text(charts.compliance_trend(weekly, Translator(lang)), lang)
    assert month in shown
    assert ("March" in shown) == (lang == "en")
