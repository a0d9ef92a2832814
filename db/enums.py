"""Stable codes for every enumeration, with their zh/en labels in one place.

The database stores the codes; labels may change without touching data.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    """An enumeration: ordered codes, each with a Chinese and an English label."""

    name: str
    labels: dict[str, tuple[str, str]]

    @property
    def codes(self) -> tuple[str, ...]:
        """All codes, in display order."""
        return tuple(self.labels)

    def label(self, code: str, lang: str = "zh") -> str:
        """The label of `code` in `lang` ("zh" or "en"); the code itself if unknown."""
        pair = self.labels.get(code)
        if pair is None:
            return code
        return pair[0] if lang == "zh" else pair[1]

    def parse(self, text: str) -> str | None:
        """The code for a code, a Chinese label or an English label; None if none matches."""
        text = text.strip()
        if text in self.labels:
            return text
        for code, (zh, en) in self.labels.items():
            if text == zh or text.lower() == en.lower():
                return code
        return None


ENTERPRISE_KIND = Vocabulary("enterprise_kind", {
    "developer": ("建设单位", "Developer"),
    "contractor": ("施工单位", "Contractor"),
    "supervisor": ("监理单位", "Supervising firm"),
    "designer": ("勘察设计单位", "Survey & design firm"),
    "other": ("其他", "Other"),
})

PROJECT_KIND = Vocabulary("project_kind", {
    "industrial": ("产业项目", "Industrial project"),
    "municipal": ("市政工程", "Municipal works"),
    "public": ("公共建筑", "Public building"),
    "other": ("其他", "Other"),
})

PROJECT_STATUS = Vocabulary("project_status", {
    "not_started": ("未开工", "Not started"),
    "active": ("在建", "Under construction"),
    "completed": ("已竣工", "Completed"),
})

LEDGER_KIND = Vocabulary("ledger_kind", {
    "key_process": ("关键工序", "Key process"),
    "dangerous_works": ("危大工程", "Works of greater danger"),
    "concealed_works": ("隐蔽工程", "Concealed works"),
})

DANGER_CATEGORY = Vocabulary("danger_category", {
    "excavation": ("基坑工程", "Excavation"),
    "formwork": ("模板工程及支撑体系", "Formwork and falsework"),
    "lifting": ("起重吊装及起重机械安装拆卸工程", "Lifting and crane erection/dismantling"),
    "scaffolding": ("脚手架工程", "Scaffolding"),
    "demolition": ("拆除工程", "Demolition"),
    "underground": ("暗挖工程", "Underground excavation"),
    "other": ("其它", "Other"),
})

LEDGER_STATUS = Vocabulary("ledger_status", {
    "not_started": ("未开始", "Not started"),
    "in_progress": ("实施中", "In progress"),
    "accepted": ("已验收", "Accepted"),
})

VISIT_KIND = Vocabulary("visit_kind", {
    "patrol": ("日常巡查", "Routine patrol"),
    "spot_check": ("抽查", "Spot check"),
    "resident": ("驻点指导", "Resident guidance"),
    "special": ("专项排查", "Special inspection"),
})

DOMAIN = Vocabulary("domain", {
    "safety": ("安全", "Safety"),
    "quality": ("质量", "Quality"),
})

SAFETY_CATEGORY = Vocabulary("safety_category", {
    "site_management": ("施工安全管理", "Site safety management"),
    "excavation_slope": ("基坑边坡工程", "Excavation and slopes"),
    "formwork_support": ("模板工程及支撑体系", "Formwork and falsework"),
    "scaffolding": ("脚手架工程", "Scaffolding"),
    "cranes_lifting": ("建筑起重机械及吊装工程", "Cranes and lifting"),
    "work_at_height": ("高处作业", "Work at height"),
    "temporary_power": ("施工临时用电", "Temporary electricity"),
    "confined_space": ("有限空间作业", "Confined spaces"),
    "demolition": ("拆除工程", "Demolition"),
    "tunnel": ("隧道工程", "Tunnelling"),
    "temporary_loading": ("施工临时堆载", "Temporary loading"),
    "reckless_operation": ("冒险作业", "Reckless operation"),
    "obsolete_equipment": ("淘汰工艺设备材料", "Obsolete processes, equipment, materials"),
    "fire_safety": ("消防安全", "Fire safety"),
    "civilized_site": ("文明施工", "Site order and tidiness"),
    "other_safety": ("其他安全", "Other safety"),
})

QUALITY_CATEGORY = Vocabulary("quality_category", {
    "foundation": ("地基基础", "Foundations"),
    "main_structure": ("主体结构", "Main structure"),
    "steel_structure": ("钢结构", "Steel structure"),
    "waterproofing": ("防水工程", "Waterproofing"),
    "decoration": ("装饰装修", "Finishes"),
    "energy_saving": ("建筑节能", "Energy efficiency"),
    "mep_installation": ("机电安装", "MEP installation"),
    "other_quality": ("其他质量", "Other quality"),
})

# Hazards and risk points share one category list (DOMAIN.md); the domain follows from the category.
CATEGORY = Vocabulary("category", {**SAFETY_CATEGORY.labels, **QUALITY_CATEGORY.labels})
CATEGORY_DOMAIN = {
    **{code: "safety" for code in SAFETY_CATEGORY.codes},
    **{code: "quality" for code in QUALITY_CATEGORY.codes},
}

HAZARD_LEVEL = Vocabulary("hazard_level", {
    "general": ("一般", "General"),
    "major": ("重大", "Major"),
})

HAZARD_STATUS = Vocabulary("hazard_status", {
    "open": ("待整改", "Open"),
    "overdue": ("逾期", "Overdue"),
    "rectified": ("待复查", "Awaiting re-inspection"),
    "closed": ("已销号", "Closed"),
})

RISK_LEVEL = Vocabulary("risk_level", {
    "major": ("重大", "Major"),
    "high": ("较大", "High"),
    "moderate": ("一般", "Moderate"),
    "low": ("低", "Low"),
})
# Four-colour grading (四色分级): red, orange, yellow, blue.
RISK_COLOURS = {"major": "#d62728", "high": "#ff7f0e", "moderate": "#f2c94c", "low": "#1f77b4"}

ENFORCEMENT_KIND = Vocabulary("enforcement_kind", {
    "stop_work": ("责令停工", "Stop-work order"),
    "warning_interview": ("警示约谈", "Warning interview"),
    "rectification_notice": ("整改通知", "Rectification notice"),
})

TRAINING_KIND = Vocabulary("training_kind", {
    "training": ("培训", "Training"),
    "observation": ("观摩", "Site observation"),
    "online_qa": ("线上答疑", "Online Q&A"),
})

APPROVAL_MODE = Vocabulary("approval_mode", {
    "parallel": ("并联", "Parallel"),
    "serial": ("串联", "Serial"),
})

ACCIDENT_LEVEL = Vocabulary("accident_level", {
    "general": ("一般", "General"),
    "larger": ("较大", "Larger"),
    "major": ("重大", "Major"),
    "especially_major": ("特别重大", "Especially major"),
})

AWARD_LEVEL = Vocabulary("award_level", {
    "city": ("市级", "City"),
    "province": ("省级", "Province"),
    "national": ("国家级", "National"),
})

TEAM_ROLE = Vocabulary("team_role", {
    "lead": ("专班组长", "Team lead"),
    "inspector": ("监督员", "Inspector"),
    "expert": ("行业专家", "Industry expert"),
})

ROLE = Vocabulary("role", {
    "leader": ("领导", "Leader"),
    "staff": ("监督员", "Inspector"),
    "admin": ("管理员", "Administrator"),
    "visitor": ("来访演示", "Visitor"),
})

KPI = Vocabulary("kpi", {
    "projects_supervised": ("在监项目", "Projects supervised"),
    "key_projects": ("重点项目", "Key projects"),
    "hazards_found": ("发现隐患", "Hazards found"),
    "hazards_major": ("重大隐患", "Major hazards"),
    "hazards_closed": ("已销号隐患", "Hazards closed"),
    "rectification_rate": ("整改率", "Rectification rate"),
    "hazards_overdue": ("逾期隐患", "Overdue hazards"),
    "median_days_to_close": ("销号天数中位数", "Median days to close"),
    "risk_points": ("辨识风险点", "Risk points identified"),
    "risk_points_major": ("重大风险点", "Major risk points"),
    "stop_work_orders": ("责令停工", "Stop-work orders"),
    "warning_interviews": ("警示约谈", "Warning interviews"),
    "site_visits": ("巡查次数", "Site visits"),
    "patrol_compliance": ("每周三巡达标率", "Patrol compliance (3 a week)"),
    "patrol_compliance_risk_based": ("按风险巡查达标率", "Patrol compliance (risk-based target)"),
    "trainings": ("观摩培训场次", "Training sessions"),
    "attendees": ("参加人次", "Attendees"),
    "enterprises_trained": ("覆盖企业", "Enterprises reached"),
    "accidents": ("安全事故", "Accidents"),
    "deaths": ("死亡人数", "Deaths"),
    "approval_days_parallel": ("并联审批平均天数", "Parallel approval, mean days"),
    "approval_days_serial": ("串联审批平均天数", "Serial approval, mean days"),
    "approval_cycle_reduction": ("审批周期缩短", "Approval cycle reduction"),
    "awards": ("获奖", "Awards"),
})
# KPIs that are fractions, shown as percentages.
KPI_RATES = frozenset({"rectification_rate", "patrol_compliance", "patrol_compliance_risk_based",
                       "approval_cycle_reduction"})

# The supervision documents (文书); each type has its own word in the number and its own yearly sequence.
DOCUMENT_KIND = Vocabulary("document_kind", {
    "visit_record": ("监督检查记录", "Site-visit record"),
    "rectification_notice": ("隐患整改通知书", "Rectification notice"),
    "reinspection_opinion": ("复查意见书", "Re-inspection opinion"),
    "stop_work_notice": ("停工整改通知书", "Stop-work notice"),
    "resumption_notice": ("复工通知书", "Resumption notice"),
    "interview_notice": ("约谈通知书", "Warning-interview notice"),
    "interview_record": ("约谈记录", "Warning-interview record"),
})
DOCUMENT_WORD = {
    "visit_record": "检", "rectification_notice": "整", "reinspection_opinion": "查", "stop_work_notice": "停",
    "resumption_notice": "复", "interview_notice": "约", "interview_record": "谈",
}
