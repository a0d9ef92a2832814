"""The inspector's day: readable yearly codes, hazards as found on site (location, requirement, responsible party,
photos), inspectors' accounts on service teams, training sign-in by QR code

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_sequences",
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", "year", name=op.f("pk_code_sequences")),
    )
    with op.batch_alter_table("hazards") as batch:
        batch.add_column(sa.Column("location", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("requirement", sa.Text(), nullable=True))
        batch.add_column(sa.Column("responsible_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_hazards_responsible_id_enterprises"), "enterprises", ["responsible_id"],
                                 ["id"])
    with op.batch_alter_table("hazard_photos") as batch:
        batch.add_column(sa.Column("stage", sa.String(length=10), server_default="fixed", nullable=False))
        batch.create_check_constraint(op.f("ck_hazard_photos_stage_valid"), "stage IN ('found', 'fixed')")
    with op.batch_alter_table("team_members") as batch:
        batch.add_column(sa.Column("username", sa.String(length=64), nullable=True))
        batch.create_index(batch.f("ix_team_members_username"), ["username"], unique=False)
    with op.batch_alter_table("trainings") as batch:
        batch.add_column(sa.Column("sign_in_nonce", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("sign_in_until", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "training_sign_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("added_enterprise", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_ip", sa.String(length=64), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["enterprise_id"], ["enterprises.id"],
                                name=op.f("fk_training_sign_ins_enterprise_id_enterprises")),
        sa.ForeignKeyConstraint(["training_id"], ["trainings.id"],
                                name=op.f("fk_training_sign_ins_training_id_trainings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_sign_ins")),
        sa.UniqueConstraint("training_id", "phone", name=op.f("uq_training_sign_ins_training_id_phone")),
    )
    op.create_index(op.f("ix_training_sign_ins_training_id"), "training_sign_ins", ["training_id"])
    op.create_index(op.f("ix_training_sign_ins_client_ip"), "training_sign_ins", ["client_ip"])
    # Existing records keep their codes; new ones continue after the highest number of each prefix and year.
    from db.codes import sync
    sync(op.get_bind())


def downgrade() -> None:
    op.drop_index(op.f("ix_training_sign_ins_client_ip"), table_name="training_sign_ins")
    op.drop_index(op.f("ix_training_sign_ins_training_id"), table_name="training_sign_ins")
    op.drop_table("training_sign_ins")
    with op.batch_alter_table("trainings") as batch:
        batch.drop_column("sign_in_until")
        batch.drop_column("sign_in_nonce")
    with op.batch_alter_table("team_members") as batch:
        batch.drop_index(batch.f("ix_team_members_username"))
        batch.drop_column("username")
    with op.batch_alter_table("hazard_photos") as batch:
        batch.drop_constraint(op.f("ck_hazard_photos_stage_valid"), type_="check")
        batch.drop_column("stage")
    with op.batch_alter_table("hazards") as batch:
        batch.drop_constraint(op.f("fk_hazards_responsible_id_enterprises"), type_="foreignkey")
        batch.drop_column("responsible_id")
        batch.drop_column("requirement")
        batch.drop_column("location")
    op.drop_table("code_sequences")
