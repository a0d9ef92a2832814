"""Shared pieces of the demo generator: seeded random streams, dates, people's names and phones."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import NamedTuple

class DemoAccount(NamedTuple):
    username: str
    password: str
    role: str
    display_name: str


# Demo-only credentials, published in the README; every one is flagged is_demo.
DEMO_ACCOUNTS = (
    DemoAccount("demo_leader", "demo-leader-2024", "leader", "演示领导"),
    DemoAccount("demo_staff", "demo-staff-2024", "staff", "演示监督员（甲）"),
    DemoAccount("demo_staff2", "demo-staff2-2024", "staff", "演示监督员（乙）"),
    DemoAccount("demo_admin", "demo-admin-2024", "admin", "演示管理员"),
    DemoAccount("demo_visitor", "demo-visitor-2024", "visitor", "来访演示"),
)

# The demo story starts here: nothing is dated earlier.
DEMO_START = dt.date(2023, 1, 1)
# Stands in for "not completed" when comparing dates.
FAR_FUTURE = dt.date(2100, 1, 1)
DAY = dt.timedelta(days=1)

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁沈姚卢钟"
    "汪熊万涂喻"
)
# Given-name characters usual for men and for women; a name takes both of its characters from one list.
_GIVEN = (
    "伟刚勇毅俊峰强军平东文辉力明永健志兴良海波宁贵福龙国胜学祥发武新利清飞彬富顺杰涛昌成康星光达安岩中茂林坚"
    "和博诚振庆磊民友裕河哲江超浩亮政宏鸣朋斌栋维启克伦翔旭鹏泽晨建家树德泰盛华",
    "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红玲芬芳燕彩春菊兰凤洁梅琳云莲雪荣霞月媛艳瑞佳嘉琼勤珍莉桂璐琦晶妍茜秋"
    "珊莎锦青倩婷婉颖露瑶怡丹蓉君琴蕊薇菁梦岚馨韵园艺澜悦昭冰琬茗欣滢筠晓欢枫芸菲丽",
)
_MOBILE_PREFIXES = ("139", "138", "137", "136", "135", "158", "159", "188", "187", "150", "152",
                    "182", "183", "189", "180", "133", "153", "177", "181", "199")


def stream(name: str, year: int | None = None) -> random.Random:
    """An independent random stream; string seeds are hashed with SHA-512, so runs are reproducible."""
    return random.Random(f"jiujiang-etdz-demo:{name}:{year}")


def person_name(rng: random.Random) -> str:
    """A plausible Chinese personal name of two or three characters."""
    pool = rng.choice(_GIVEN)
    given = "".join(rng.sample(pool, 2)) if rng.random() < 0.75 else rng.choice(pool)
    return rng.choice(_SURNAMES) + given


def mobile(rng: random.Random) -> str:
    """A mainland mobile number such as 13912345678."""
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def mondays(year: int) -> Iterator[dt.date]:
    """Every Monday of `year` on or after DEMO_START."""
    day = max(dt.date(year, 1, 1), DEMO_START)
    day += dt.timedelta(days=(7 - day.weekday()) % 7)
    while day.year == year:
        yield day
        day += dt.timedelta(days=7)


def weekdays(year: int) -> list[dt.date]:
    """Monday to Friday of every week of `year`."""
    day, out = dt.date(year, 1, 1), []
    while day.year == year:
        if day.weekday() < 5:
            out.append(day)
        day += DAY
    return out


def number_by_year(rows: list[dict], prefix: str, date_key: str, width: int) -> None:
    """Give rows (already in date order) codes like XC2024-00001, numbered within each year."""
    counters: dict[int, int] = {}
    for row in rows:
        year = row[date_key].year
        counters[year] = counters.get(year, 0) + 1
        row["code"] = f"{prefix}{year}-{counters[year]:0{width}d}"
