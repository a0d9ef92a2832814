"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=True),
    sa.Column('row_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_actor_at', ['actor', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_table_name_row_id', ['table_name', 'row_id'], unique=False)

    op.create_table('data_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_data_revision_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_revision'))
    )
    op.create_table('enterprises',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('contact_person', sa.String(length=50), nullable=True),
    sa.Column('contact_phone', sa.String(length=30), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("kind IN ('developer', 'contractor', 'supervisor', 'designer', 'other')", name=op.f('ck_enterprises_kind_valid')),
    sa.CheckConstraint('length(credit_code) = 18', name=op.f('ck_enterprises_credit_code_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprises')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_enterprises_credit_code')),
    sa.UniqueConstraint('name', name=op.f('uq_enterprises_name'))
    )
    op.create_table('trainings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('attendees', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("kind IN ('training', 'observation', 'online_qa')", name=op.f('ck_trainings_kind_valid')),
    sa.CheckConstraint('attendees >= 0', name=op.f('ck_trainings_attendees_non_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trainings')),
    sa.UniqueConstraint('code', name=op.f('uq_trainings_code'))
    )
    with op.batch_alter_table('trainings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainings_held_on'), ['held_on'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=100), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('last_failed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sessions_valid_after', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("role IN ('leader', 'staff', 'admin', 'visitor')", name=op.f('ck_users_role_valid')),
    sa.CheckConstraint('failed_logins >= 0', name=op.f('ck_users_failed_logins_non_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('developer_id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('supervisor_firm_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('is_key', sa.Boolean(), nullable=False),
    sa.Column('floor_area_m2', sa.Float(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('completion_date', sa.Date(), nullable=True),
    sa.Column('progress_pct', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("kind IN ('industrial', 'municipal', 'public', 'other')", name=op.f('ck_projects_kind_valid')),
    sa.CheckConstraint('completion_date IS NULL OR completion_date >= start_date', name=op.f('ck_projects_completion_after_start')),
    sa.CheckConstraint('floor_area_m2 >= 0', name=op.f('ck_projects_floor_area_non_negative')),
    sa.CheckConstraint('lat IS NULL OR lat BETWEEN -90 AND 90', name=op.f('ck_projects_lat_in_range')),
    sa.CheckConstraint('lon IS NULL OR lon BETWEEN -180 AND 180', name=op.f('ck_projects_lon_in_range')),
    sa.CheckConstraint('progress_pct BETWEEN 0 AND 100', name=op.f('ck_projects_progress_in_range')),
    sa.ForeignKeyConstraint(['contractor_id'], ['enterprises.id'], name=op.f('fk_projects_contractor_id_enterprises')),
    sa.ForeignKeyConstraint(['developer_id'], ['enterprises.id'], name=op.f('fk_projects_developer_id_enterprises')),
    sa.ForeignKeyConstraint(['supervisor_firm_id'], ['enterprises.id'], name=op.f('fk_projects_supervisor_firm_id_enterprises')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('code', name=op.f('uq_projects_code'))
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index('ix_projects_active', ['start_date', 'completion_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_contractor_id'), ['contractor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_developer_id'), ['developer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_projects_supervisor_firm_id'), ['supervisor_firm_id'], unique=False)

    op.create_table('training_enterprises',
    sa.Column('training_id', sa.Integer(), nullable=False),
    sa.Column('enterprise_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_id'], ['enterprises.id'], name=op.f('fk_training_enterprises_enterprise_id_enterprises')),
    sa.ForeignKeyConstraint(['training_id'], ['trainings.id'], name=op.f('fk_training_enterprises_training_id_trainings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('training_id', 'enterprise_id', name=op.f('pk_training_enterprises'))
    )
    with op.batch_alter_table('training_enterprises', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_enterprises_enterprise_id'), ['enterprise_id'], unique=False)

    op.create_table('accidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('deaths', sa.Integer(), nullable=False),
    sa.Column('injuries', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("level IN ('general', 'larger', 'major', 'especially_major')", name=op.f('ck_accidents_level_valid')),
    sa.CheckConstraint('deaths >= 0', name=op.f('ck_accidents_deaths_non_negative')),
    sa.CheckConstraint('injuries >= 0', name=op.f('ck_accidents_injuries_non_negative')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_accidents_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accidents')),
    sa.UniqueConstraint('code', name=op.f('uq_accidents_code'))
    )
    with op.batch_alter_table('accidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accidents_occurred_on'), ['occurred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_accidents_project_id'), ['project_id'], unique=False)

    op.create_table('approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("mode IN ('parallel', 'serial')", name=op.f('ck_approvals_mode_valid')),
    sa.CheckConstraint('approved_on IS NULL OR approved_on >= submitted_on', name=op.f('ck_approvals_approved_after_submitted')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_approvals_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approvals')),
    sa.UniqueConstraint('project_id', 'mode', name=op.f('uq_approvals_project_id_mode'))
    )
    with op.batch_alter_table('approvals', schema=None) as batch_op:
        batch_op.create_index('ix_approvals_approved_on_mode', ['approved_on', 'mode'], unique=False)

    op.create_table('awards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("level IN ('city', 'province', 'national')", name=op.f('ck_awards_level_valid')),
    sa.CheckConstraint('year BETWEEN 1900 AND 2200', name=op.f('ck_awards_year_in_range')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_awards_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_awards')),
    sa.UniqueConstraint('project_id', 'name', 'year', name=op.f('uq_awards_project_id_name_year'))
    )
    with op.batch_alter_table('awards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_awards_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_awards_year'), ['year'], unique=False)

    op.create_table('enforcements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('lifted_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("kind IN ('stop_work', 'warning_interview', 'rectification_notice')", name=op.f('ck_enforcements_kind_valid')),
    sa.CheckConstraint('lifted_on IS NULL OR lifted_on >= issued_on', name=op.f('ck_enforcements_lifted_after_issued')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_enforcements_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enforcements')),
    sa.UniqueConstraint('code', name=op.f('uq_enforcements_code'))
    )
    with op.batch_alter_table('enforcements', schema=None) as batch_op:
        batch_op.create_index('ix_enforcements_issued_on_kind', ['issued_on', 'kind'], unique=False)
        batch_op.create_index('ix_enforcements_project_id', ['project_id'], unique=False)

    op.create_table('ledger_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('danger_category', sa.String(length=20), nullable=True),
    sa.Column('beyond_scale', sa.Boolean(), nullable=False),
    sa.Column('planned_start', sa.Date(), nullable=True),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("danger_category IN ('excavation', 'formwork', 'lifting', 'scaffolding', 'demolition', 'underground', 'other')", name=op.f('ck_ledger_items_danger_category_valid')),
    sa.CheckConstraint("kind = 'dangerous_works' OR danger_category IS NULL", name=op.f('ck_ledger_items_category_only_for_dangerous')),
    sa.CheckConstraint("kind IN ('key_process', 'dangerous_works', 'concealed_works')", name=op.f('ck_ledger_items_kind_valid')),
    sa.CheckConstraint("status IN ('not_started', 'in_progress', 'accepted')", name=op.f('ck_ledger_items_status_valid')),
    sa.CheckConstraint('planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start', name=op.f('ck_ledger_items_plan_in_order')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_ledger_items_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_items')),
    sa.UniqueConstraint('project_id', 'kind', 'name', name=op.f('uq_ledger_items_project_id_kind_name'))
    )
    op.create_table('risk_points',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('identified_on', sa.Date(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('controls', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("category IN ('site_management', 'excavation_slope', 'formwork_support', 'scaffolding', 'cranes_lifting', 'work_at_height', 'temporary_power', 'confined_space', 'demolition', 'tunnel', 'temporary_loading', 'reckless_operation', 'obsolete_equipment', 'fire_safety', 'civilized_site', 'other_safety', 'foundation', 'main_structure', 'steel_structure', 'waterproofing', 'decoration', 'energy_saving', 'mep_installation', 'other_quality')", name=op.f('ck_risk_points_category_valid')),
    sa.CheckConstraint("level IN ('major', 'high', 'moderate', 'low')", name=op.f('ck_risk_points_level_valid')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_risk_points_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_points')),
    sa.UniqueConstraint('code', name=op.f('uq_risk_points_code'))
    )
    with op.batch_alter_table('risk_points', schema=None) as batch_op:
        batch_op.create_index('ix_risk_points_identified_on_level', ['identified_on', 'level'], unique=False)
        batch_op.create_index('ix_risk_points_project_id', ['project_id'], unique=False)

    op.create_table('site_visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('inspectors', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("kind IN ('patrol', 'spot_check', 'resident', 'special')", name=op.f('ck_site_visits_kind_valid')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_site_visits_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_visits')),
    sa.UniqueConstraint('code', name=op.f('uq_site_visits_code'))
    )
    with op.batch_alter_table('site_visits', schema=None) as batch_op:
        batch_op.create_index('ix_site_visits_project_id_visited_on', ['project_id', 'visited_on'], unique=False)
        batch_op.create_index('ix_site_visits_visited_on_project_id', ['visited_on', 'project_id'], unique=False)

    op.create_table('team_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('organization', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("role IN ('lead', 'inspector', 'expert')", name=op.f('ck_team_members_role_valid')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_team_members_project_id_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_members')),
    sa.UniqueConstraint('project_id', 'name', name=op.f('uq_team_members_project_id_name'))
    )
    op.create_table('hazards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('domain', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('rectified_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("category IN ('site_management', 'excavation_slope', 'formwork_support', 'scaffolding', 'cranes_lifting', 'work_at_height', 'temporary_power', 'confined_space', 'demolition', 'tunnel', 'temporary_loading', 'reckless_operation', 'obsolete_equipment', 'fire_safety', 'civilized_site', 'other_safety', 'foundation', 'main_structure', 'steel_structure', 'waterproofing', 'decoration', 'energy_saving', 'mep_installation', 'other_quality')", name=op.f('ck_hazards_category_valid')),
    sa.CheckConstraint("domain IN ('safety', 'quality')", name=op.f('ck_hazards_domain_valid')),
    sa.CheckConstraint("level IN ('general', 'major')", name=op.f('ck_hazards_level_valid')),
    sa.CheckConstraint('closed_on IS NULL OR (rectified_on IS NOT NULL AND closed_on >= rectified_on)', name=op.f('ck_hazards_closed_after_rectified')),
    sa.CheckConstraint('due_on >= found_on', name=op.f('ck_hazards_due_after_found')),
    sa.CheckConstraint('rectified_on IS NULL OR rectified_on >= found_on', name=op.f('ck_hazards_rectified_after_found')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_hazards_project_id_projects')),
    sa.ForeignKeyConstraint(['visit_id'], ['site_visits.id'], name=op.f('fk_hazards_visit_id_site_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazards')),
    sa.UniqueConstraint('code', name=op.f('uq_hazards_code'))
    )
    with op.batch_alter_table('hazards', schema=None) as batch_op:
        batch_op.create_index('ix_hazards_closed_on', ['closed_on'], unique=False)
        batch_op.create_index('ix_hazards_found_on_level', ['found_on', 'level'], unique=False)
        batch_op.create_index('ix_hazards_open_due_on', ['closed_on', 'due_on'], unique=False)
        batch_op.create_index('ix_hazards_project_id_found_on', ['project_id', 'found_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_hazards_visit_id'), ['visit_id'], unique=False)


    op.execute("INSERT INTO data_revision (id, revision) VALUES (1, 0)")
    _make_audit_log_append_only()


def _make_audit_log_append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$""")
        op.execute("""
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()""")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER audit_log_no_{action.lower()} BEFORE {action} ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_refuse_change()")
    with op.batch_alter_table('hazards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazards_visit_id'))
        batch_op.drop_index('ix_hazards_project_id_found_on')
        batch_op.drop_index('ix_hazards_open_due_on')
        batch_op.drop_index('ix_hazards_found_on_level')
        batch_op.drop_index('ix_hazards_closed_on')

    op.drop_table('hazards')
    op.drop_table('team_members')
    with op.batch_alter_table('site_visits', schema=None) as batch_op:
        batch_op.drop_index('ix_site_visits_visited_on_project_id')
        batch_op.drop_index('ix_site_visits_project_id_visited_on')

    op.drop_table('site_visits')
    with op.batch_alter_table('risk_points', schema=None) as batch_op:
        batch_op.drop_index('ix_risk_points_project_id')
        batch_op.drop_index('ix_risk_points_identified_on_level')

    op.drop_table('risk_points')
    op.drop_table('ledger_items')
    with op.batch_alter_table('enforcements', schema=None) as batch_op:
        batch_op.drop_index('ix_enforcements_project_id')
        batch_op.drop_index('ix_enforcements_issued_on_kind')

    op.drop_table('enforcements')
    with op.batch_alter_table('awards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_awards_year'))
        batch_op.drop_index(batch_op.f('ix_awards_project_id'))

    op.drop_table('awards')
    with op.batch_alter_table('approvals', schema=None) as batch_op:
        batch_op.drop_index('ix_approvals_approved_on_mode')

    op.drop_table('approvals')
    with op.batch_alter_table('accidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accidents_project_id'))
        batch_op.drop_index(batch_op.f('ix_accidents_occurred_on'))

    op.drop_table('accidents')
    with op.batch_alter_table('training_enterprises', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_enterprises_enterprise_id'))

    op.drop_table('training_enterprises')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_projects_supervisor_firm_id'))
        batch_op.drop_index(batch_op.f('ix_projects_developer_id'))
        batch_op.drop_index(batch_op.f('ix_projects_contractor_id'))
        batch_op.drop_index('ix_projects_active')

    op.drop_table('projects')
    op.drop_table('users')
    with op.batch_alter_table('trainings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainings_held_on'))

    op.drop_table('trainings')
    op.drop_table('enterprises')
    op.drop_table('data_revision')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_table_name_row_id')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
        batch_op.drop_index('ix_audit_log_actor_at')

    op.drop_table('audit_log')
