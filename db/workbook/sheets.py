"""The workbook format of DESIGN.md as one table: (sheet, Chinese label, field, converter).

Everything else (header matching, import, export, the template and its notes) is derived
from this table and from the per-sheet facts below (model, schema, matching key).
"""
from __future__ import annotations

from dataclasses import dataclass

from db import enums as E
from db import models as M
from db import schemas as S
from db.dangerous_works import DANGER_KIND
from db.workbook.cells import Date, Enum, Flag, Number, Ref, RefList, Text

FIRM = Ref(target="enterprises", width=30)
PROJECT = Ref(target="projects", width=14)
CODE = Text(width=16)

COLUMNS = (
    ("enterprises", "统一社会信用代码", "credit_code", Text(width=22)),
    ("enterprises", "企业名称", "name", Text(width=36)),
    ("enterprises", "企业类型", "kind", Enum(vocabulary=E.ENTERPRISE_KIND)),
    ("projects", "项目编号", "code", CODE),
    ("projects", "项目名称", "name", Text(width=40)),
    ("projects", "建设单位", "developer", FIRM),
    ("projects", "施工单位", "contractor", FIRM),
    ("projects", "监理单位", "supervisor_firm", FIRM),
    ("projects", "项目类型", "kind", Enum(vocabulary=E.PROJECT_KIND)),
    ("projects", "重点项目", "is_key", Flag()),
    ("projects", "建筑面积", "floor_area_m2", Number(width=12)),
    ("projects", "开工日期", "start_date", Date()),
    ("projects", "竣工日期", "completion_date", Date()),
    ("projects", "主体进度", "progress_pct", Number()),
    ("projects", "经度", "lon", Number()),
    ("projects", "纬度", "lat", Number()),
    ("ledger", "项目编号", "project", PROJECT),
    ("ledger", "类型", "kind", Enum(vocabulary=E.LEDGER_KIND)),
    ("ledger", "名称", "name", Text(width=30)),
    ("ledger", "危大类别", "danger_category", Enum(vocabulary=E.DANGER_CATEGORY, width=24)),
    ("ledger", "超过一定规模", "beyond_scale", Flag(width=12)),
    ("ledger", "计划开始", "planned_start", Date()),
    ("ledger", "计划完成", "planned_end", Date()),
    ("ledger", "状态", "status", Enum(vocabulary=E.LEDGER_STATUS)),
    ("ledger", "危大类型", "danger_kind", Enum(vocabulary=DANGER_KIND, width=16)),
    ("ledger", "深度(m)", "depth_m", Number()),
    ("ledger", "高度(m)", "height_m", Number()),
    ("ledger", "跨度(m)", "span_m", Number()),
    ("ledger", "施工总荷载(kN/m²)", "load_kn_m2", Number(width=18)),
    ("ledger", "集中线荷载(kN/m)", "line_load_kn_m", Number(width=18)),
    ("ledger", "单件起吊重量(kN)", "lift_kn", Number(width=18)),
    ("ledger", "专家论证日期", "expert_review_on", Date(width=14)),
    ("visits", "记录编号", "code", CODE),
    ("visits", "项目编号", "project", PROJECT),
    ("visits", "日期", "date", Date()),
    ("visits", "类型", "kind", Enum(vocabulary=E.VISIT_KIND)),
    ("visits", "检查人员", "inspectors", Text(width=20)),
    ("visits", "情况说明", "notes", Text(width=40)),
    ("hazards", "隐患编号", "code", CODE),
    ("hazards", "项目编号", "project", PROJECT),
    ("hazards", "巡查记录编号", "visit", Ref(target="visits", width=16)),
    ("hazards", "发现日期", "found_on", Date()),
    ("hazards", "专业", "domain", Enum(vocabulary=E.DOMAIN, width=8)),
    ("hazards", "类别", "category", Enum(vocabulary=E.CATEGORY, width=20)),
    ("hazards", "等级", "level", Enum(vocabulary=E.HAZARD_LEVEL, width=8)),
    ("hazards", "描述", "description", Text(width=40)),
    ("hazards", "整改期限", "due_on", Date()),
    ("hazards", "整改完成日期", "rectified_on", Date(width=14)),
    ("hazards", "复查销号日期", "closed_on", Date(width=14)),
    ("risk_points", "编号", "code", CODE),
    ("risk_points", "项目编号", "project", PROJECT),
    ("risk_points", "辨识日期", "identified_on", Date()),
    ("risk_points", "类别", "category", Enum(vocabulary=E.CATEGORY, width=20)),
    ("risk_points", "等级", "level", Enum(vocabulary=E.RISK_LEVEL, width=8)),
    ("risk_points", "描述", "description", Text(width=40)),
    ("risk_points", "管控措施", "controls", Text(width=40)),
    ("enforcement", "编号", "code", CODE),
    ("enforcement", "项目编号", "project", PROJECT),
    ("enforcement", "日期", "date", Date()),
    ("enforcement", "类型", "kind", Enum(vocabulary=E.ENFORCEMENT_KIND)),
    ("enforcement", "事由", "reason", Text(width=40)),
    ("enforcement", "解除日期", "lifted_on", Date()),
    ("trainings", "编号", "code", CODE),
    ("trainings", "日期", "date", Date()),
    ("trainings", "类型", "kind", Enum(vocabulary=E.TRAINING_KIND)),
    ("trainings", "主题", "title", Text(width=36)),
    ("trainings", "参加人数", "attendees", Number()),
    ("trainings", "参加企业", "enterprises", RefList(target="enterprises", width=60)),
    ("approvals", "项目编号", "project", PROJECT),
    ("approvals", "办理模式", "mode", Enum(vocabulary=E.APPROVAL_MODE, width=10)),
    ("approvals", "申报日期", "submitted_on", Date()),
    ("approvals", "办结日期", "approved_on", Date()),
    ("accidents", "编号", "code", CODE),
    ("accidents", "项目编号", "project", PROJECT),
    ("accidents", "日期", "date", Date()),
    ("accidents", "等级", "level", Enum(vocabulary=E.ACCIDENT_LEVEL)),
    ("accidents", "死亡人数", "deaths", Number()),
    ("accidents", "受伤人数", "injuries", Number()),
    ("accidents", "描述", "description", Text(width=40)),
    ("awards", "项目编号", "project", PROJECT),
    ("awards", "奖项名称", "name", Text(width=36)),
    ("awards", "年度", "year", Number(width=8)),
    ("awards", "级别", "level", Enum(vocabulary=E.AWARD_LEVEL)),
)


@dataclass(frozen=True)
class Column:
    """One column of one sheet."""

    label: str
    field: str
    cell: Text
    db_column: str | None
    required: bool

    @property
    def is_ref(self) -> bool:
        """True when the column names another record (resolved to an id on import)."""
        return isinstance(self.cell, Ref)


@dataclass(frozen=True)
class Sheet:
    """One sheet: its Chinese title, record model, schema and the fields that identify a row."""

    name: str
    title: str
    model: type
    schema: type
    key: tuple[str, ...]
    renames: tuple[tuple[str, str], ...] = ()
    columns: tuple[Column, ...] = ()

    def column(self, field: str) -> Column:
        """The column of `field`."""
        return next(c for c in self.columns if c.field == field)

    @property
    def key_column(self) -> Column:
        """The column a duplicate or clash of the whole key is reported on (the last key field)."""
        return self.column(self.key[-1])


def _sheet(name: str, title: str, model, schema, key: tuple[str, ...], **renames: str) -> Sheet:
    columns = []
    for sheet, label, field, cell in COLUMNS:
        if sheet != name:
            continue
        if isinstance(cell, RefList):
            db_column = None  # an association table, not a column
        elif isinstance(cell, Ref):
            db_column = f"{field}_id"
        else:
            db_column = renames.get(field, field)
        required = field in key or schema.model_fields[field].is_required()
        columns.append(Column(label, field, cell, db_column, required))
    return Sheet(name, title, model, schema, key, tuple(renames.items()), tuple(columns))


# In dependency order: a sheet only refers to sheets above it.
SHEETS = (
    _sheet("enterprises", "企业", M.Enterprise, S.EnterpriseIn, ("credit_code",)),
    _sheet("projects", "项目", M.Project, S.ProjectIn, ("code",)),
    _sheet("ledger", "清单", M.LedgerItem, S.LedgerItemIn, ("project", "kind", "name")),
    _sheet("visits", "巡查记录", M.SiteVisit, S.VisitIn, ("code",), date="visited_on"),
    _sheet("hazards", "隐患", M.Hazard, S.HazardIn, ("code",)),
    _sheet("risk_points", "风险点", M.RiskPoint, S.RiskPointIn, ("code",)),
    _sheet("enforcement", "执法", M.Enforcement, S.EnforcementIn, ("code",), date="issued_on"),
    _sheet("trainings", "培训", M.Training, S.TrainingIn, ("code",), date="held_on"),
    _sheet("approvals", "审批", M.Approval, S.ApprovalIn, ("project", "mode")),
    _sheet("accidents", "事故", M.Accident, S.AccidentIn, ("code",), date="occurred_on"),
    _sheet("awards", "奖项", M.Award, S.AwardIn, ("project", "name", "year")),
)
BY_NAME = {sheet.name: sheet for sheet in SHEETS}


def find_sheet(title: str) -> Sheet | None:
    """The sheet a worksheet title names: its Chinese title or English name (case-insensitive)."""
    title = title.strip()
    return next((s for s in SHEETS if title == s.title or title.lower() == s.name), None)
