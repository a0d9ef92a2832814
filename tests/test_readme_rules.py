"""The README's tables of rules and thresholds are the code's: a changed point or threshold fails until both agree."""
import re

from db.dangerous_works import KINDS
from db.enterprise_risk import ENTERPRISE_RULES
from db.risk import RULES
from tests.sources import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def table(marker: str) -> list[list[str]]:
    """The body rows of the table between <!-- marker:start --> and <!-- marker:end -->, as cells."""
    block = README.split(f"<!-- {marker}:start -->")[1].split(f"<!-- {marker}:end -->")[0]
    rows = [line for line in block.strip().splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def points(rule) -> str:
    return f"{rule.points}" if rule.points == rule.cap else f"{rule.points} each, at most {rule.cap}"


def test_project_rules_table_is_the_code():
    assert [(r[0].strip("`"), r[2]) for r in table("risk-rules")] == [(r.id, points(r)) for r in RULES]


def test_enterprise_rules_table_is_the_code():
    assert [(r[0].strip("`"), r[2]) for r in table("enterprise-rules")] == [(r.id, points(r)) for r in ENTERPRISE_RULES]


def test_threshold_table_is_the_code():
    rows = {re.search(r"`(\w+)`", r[0]).group(1): r for r in table("danger-thresholds")}
    assert list(rows) == list(KINDS)
    for kind, rule in KINDS.items():
        numbers = [float(n) for n in re.findall(r"≥ (\d+(?:\.\d+)?)", " ".join(rows[kind][1:]))]
        expected = [t.dangerous for t in rule.thresholds if t.dangerous is not None] + [t.beyond for t in rule.thresholds]
        assert numbers == expected, kind
        assert (rows[kind][1] == "always") is rule.always_dangerous
