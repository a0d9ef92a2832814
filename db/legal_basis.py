"""The legal basis the supervision documents cite, as stable clause codes with zh/en citations.

A document stores the codes it cites (in its data), so the register shows what was cited; the
citation text lives here once. Per hazard category: the general clause of its domain, plus the
2024 major-hazard standard's provisions on the category where that standard has a section for it
(DOMAIN.md), plus the works-of-greater-danger rule where the category is such a work. Article
numbers are given only for the State Council regulations, whose numbering is settled; the standard
is cited by its section, so a renumbered edition does not make old notices wrong.
"""
from __future__ import annotations

from db import enums

STANDARD = ("《房屋市政工程生产安全重大事故隐患判定标准（2024版）》（建质规〔2024〕5号）",
            "Standard for Judging Major Accident Hazards in Housing and Municipal Works (2024), Jianzhigui [2024] No. 5")
CLAUSES = enums.Vocabulary("legal_clause", {
    "safety_regulation_43": ("《建设工程安全生产管理条例》第四十三条",
                             "Regulation on Work Safety of Construction Projects, art. 43"),
    "quality_regulation_28": ("《建设工程质量管理条例》第二十八条",
                              "Regulation on Quality Management of Construction Projects, art. 28"),
    "quality_regulation_48": ("《建设工程质量管理条例》第四十八条",
                              "Regulation on Quality Management of Construction Projects, art. 48"),
    "major_hazard_standard": STANDARD,
    "dangerous_works_rule": ("《危险性较大的分部分项工程安全管理规定》（住房和城乡建设部令第37号）",
                             "Rules on Works of Greater Danger, MOHURD Order No. 37"),
    "work_safety_law": ("《中华人民共和国安全生产法》", "Work Safety Law of the People's Republic of China"),
})
# Safety categories with their own section in the 2024 standard (DOMAIN.md lists them from it).
STANDARD_SECTIONS = frozenset({
    "site_management", "excavation_slope", "formwork_support", "scaffolding", "cranes_lifting", "work_at_height",
    "temporary_power", "confined_space", "demolition", "tunnel", "temporary_loading", "reckless_operation",
    "obsolete_equipment",
})
# Categories that are works of greater danger (住建部令第37号, 建办质〔2018〕31号).
DANGEROUS_WORKS = frozenset({"excavation_slope", "formwork_support", "scaffolding", "cranes_lifting", "demolition",
                             "tunnel"})
SECTION = "section:"


def general_clause(domain: str) -> str:
    """The clause every hazard of `domain` is required to be rectified under."""
    return "quality_regulation_48" if domain == "quality" else "safety_regulation_43"


def hazard_basis(category: str) -> list[str]:
    """Clause codes cited for a hazard of `category`: general clause, standard section, 危大 rule."""
    domain = enums.CATEGORY_DOMAIN.get(category, "safety")
    codes = [general_clause(domain)]
    if domain == "quality":
        codes.append("quality_regulation_28")
    if category in STANDARD_SECTIONS:
        codes.append(SECTION + category)
    if category in DANGEROUS_WORKS:
        codes.append("dangerous_works_rule")
    return codes


def citation(code: str, lang: str = "zh") -> str:
    """The citation text of a clause code in `lang`."""
    if code.startswith(SECTION):
        category = code.removeprefix(SECTION)
        topic = enums.CATEGORY.label(category, lang)
        return (f"{STANDARD[0]}“{topic}”部分" if lang == "zh"
                else f"{STANDARD[1]}, section on {topic.lower()}")
    return CLAUSES.label(code, lang)
