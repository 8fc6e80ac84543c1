"""Registry: cases (households), persons and their documents.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def tracked() -> list[sa.Column]:
    # frozen copy of models.Tracked as of this revision
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "cases",
        *tracked(),
        sa.Column("case_number", sa.String(32), nullable=False, unique=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("destination_country", sa.String(3), nullable=True),
        sa.Column("programme", sa.String(128), nullable=True),
        sa.Column("family_language", sa.String(32), nullable=True),
        sa.Column("accommodation", sa.String(256), nullable=True),
        sa.Column("contact_phone", sa.String(64), nullable=True),
    )
    op.create_index("ix_cases_status", "cases", ["status"])
    op.create_index("ix_cases_change_seq", "cases", ["change_seq"])
    op.create_table(
        "persons",
        *tracked(),
        sa.Column(
            "case_id",
            sa.String(36),
            sa.ForeignKey("cases.id", name="fk_persons_case_id_cases"),
            nullable=False,
        ),
        sa.Column("relationship_to_principal", sa.String(32), nullable=False),
        sa.Column("given_name", sa.String(128), nullable=False),
        sa.Column("family_name", sa.String(128), nullable=False),
        sa.Column("father_name", sa.String(128), nullable=False),
        sa.Column("native_name", sa.String(256), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("dob_precision", sa.String(16), nullable=False),
        sa.Column("nationality", sa.String(3), nullable=False),
    )
    op.create_index("ix_persons_case_id", "persons", ["case_id"])
    op.create_index("ix_persons_change_seq", "persons", ["change_seq"])
    op.create_table(
        "documents",
        *tracked(),
        sa.Column(
            "person_id",
            sa.String(36),
            sa.ForeignKey("persons.id", name="fk_documents_person_id_persons"),
            nullable=False,
        ),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("issuing_country", sa.String(3), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.Column("machine_readable", sa.Boolean(), nullable=False),
        sa.Column("custody", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_person_id", "documents", ["person_id"])
    op.create_index("ix_documents_number", "documents", ["number"])
    op.create_index("ix_documents_change_seq", "documents", ["change_seq"])


def downgrade() -> None:
    for table in ("documents", "persons", "cases"):
        op.drop_table(table)
