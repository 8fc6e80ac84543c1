"""Medical records: examinations and their fitness-to-travel outcome (restricted).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "medical_records",
        # frozen copy of models.Tracked as of this revision
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column(
            "person_id",
            sa.String(36),
            sa.ForeignKey("persons.id", name="fk_medical_records_person_id_persons"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("examined_at", sa.DateTime(), nullable=False),
        sa.Column("examiner", sa.String(128), nullable=False),
        sa.Column("clinic", sa.String(128), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("mobility_ssr", sa.String(4), nullable=True),
        sa.Column("oxygen_lpm", sa.Float(), nullable=True),
        sa.Column("medif_required", sa.Boolean(), nullable=False),
        sa.Column("escort", sa.String(16), nullable=True),
        sa.Column("pregnancy_weeks", sa.Integer(), nullable=True),
        sa.Column("other_ssr", sa.String(64), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    for column in ("change_seq", "person_id", "examined_at"):
        op.create_index(f"ix_medical_records_{column}", "medical_records", [column])


def downgrade() -> None:
    op.drop_table("medical_records")
