"""Each read that takes its figures from the summaries, and its base-table twin (same arguments, same result):
the SQL the page ran before the summaries, which the benchmark's floor replays."""
from __future__ import annotations

from db import kpis
from db.queries import approvals, hazards, overview, patrols, risk, training
from db.reference import (
    approvals as base_approvals, hazards as base_hazards, kpis as base_kpis, overview as base_overview,
    patrols as base_patrols, risk as base_risk, training as base_training,
)

TWINS = {
    kpis.compute: base_kpis.compute,
    hazards.hazard_breakdown: base_hazards.hazard_breakdown,
    hazards.open_counts: base_hazards.open_counts,
    hazards.open_hazards: base_hazards.open_hazards,
    hazards.days_to_close_histogram: base_hazards.days_to_close_histogram,
    hazards.closed_within_deadline: base_hazards.closed_within_deadline,
    overview.hazards_found_closed_by_month: base_overview.hazards_found_closed_by_month,
    overview.last_accident_date: base_overview.last_accident_date,
    overview.records_start: base_overview.records_start,
    risk.risk_counts_by_level: base_risk.risk_counts_by_level,
    risk.category_month_cells: base_risk.category_month_cells,
    risk.major_risk_points: base_risk.major_risk_points,
    training.sessions_by_month: base_training.sessions_by_month,
    training.totals: base_training.totals,
    training.reach: base_training.reach,
    approvals.cycle_bins: base_approvals.cycle_bins,
    approvals.cycle_means: base_approvals.cycle_means,
    patrols.visit_log: base_patrols.visit_log,
    patrols.weekly_compliance: base_patrols.weekly_compliance,
    patrols.compliance_grid: base_patrols.compliance_grid,
}
