"""Registry details: status and custody history, consents, protection details,
duplicate decisions, remembered column mappings and the person search index.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
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
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("partner", sa.String(128), nullable=True))
        batch.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("merged_into_id", sa.String(36), nullable=True))
    with op.batch_alter_table("persons") as batch:
        batch.add_column(
            sa.Column("grandfather_name", sa.String(128), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("languages", sa.String(128), nullable=False, server_default=""))
        batch.add_column(sa.Column("phone", sa.String(64), nullable=True))
        batch.add_column(
            sa.Column("specific_needs", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("merged_into_id", sa.String(36), nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("mrz", sa.Text(), nullable=True))
    # the server defaults only filled the existing rows; new rows get theirs from the app
    with op.batch_alter_table("cases") as batch:
        batch.alter_column("notes", server_default=None)
    with op.batch_alter_table("persons") as batch:
        for column in ("grandfather_name", "languages", "specific_needs"):
            batch.alter_column(column, server_default=None)

    op.create_table(
        "case_status_events",
        *tracked(),
        sa.Column(
            "case_id",
            sa.String(36),
            sa.ForeignKey("cases.id", name="fk_case_status_events_case_id_cases"),
            nullable=False,
        ),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_case_status_events_case_id", "case_status_events", ["case_id"])
    op.create_index("ix_case_status_events_change_seq", "case_status_events", ["change_seq"])
    op.create_table(
        "custody_events",
        *tracked(),
        sa.Column(
            "document_id",
            sa.String(36),
            sa.ForeignKey("documents.id", name="fk_custody_events_document_id_documents"),
            nullable=False,
        ),
        sa.Column("custody", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_custody_events_document_id", "custody_events", ["document_id"])
    op.create_index("ix_custody_events_change_seq", "custody_events", ["change_seq"])
    op.create_table(
        "consents",
        *tracked(),
        sa.Column(
            "person_id",
            sa.String(36),
            sa.ForeignKey("persons.id", name="fk_consents_person_id_persons"),
            nullable=False,
        ),
        sa.Column("purpose", sa.String(64), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("taken_by", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_consents_person_id", "consents", ["person_id"])
    op.create_index("ix_consents_change_seq", "consents", ["change_seq"])
    op.create_table(
        "protection_details",
        *tracked(),
        sa.Column(
            "person_id",
            sa.String(36),
            sa.ForeignKey("persons.id", name="fk_protection_details_person_id_persons"),
            nullable=False,
            unique=True,
        ),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("consent_to_share", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_protection_details_change_seq", "protection_details", ["change_seq"])
    op.create_table(
        "duplicate_decisions",
        *tracked(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("first_id", sa.String(36), nullable=False),
        sa.Column("second_id", sa.String(36), nullable=False),
        sa.Column("decision", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.UniqueConstraint("kind", "first_id", "second_id", name="uq_duplicate_decisions_pair"),
    )
    op.create_index("ix_duplicate_decisions_change_seq", "duplicate_decisions", ["change_seq"])
    op.create_table(
        "column_mappings",
        *tracked(),
        sa.Column("signature", sa.String(64), nullable=False, unique=True),
        sa.Column("mapping", sa.Text(), nullable=False),
    )
    op.create_index("ix_column_mappings_change_seq", "column_mappings", ["change_seq"])
    # Search index over normalised name, document and phone tokens (see services.search).
    # Filled by the service, not by triggers: batch migrations drop triggers.
    op.execute(
        "CREATE VIRTUAL TABLE person_search USING fts5("
        "tokens, person_id UNINDEXED, case_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4')"
    )
    # the distinct tokens, for typo-tolerant lookups ("Karmi" -> "karimi")
    op.execute("CREATE VIRTUAL TABLE person_search_vocab USING fts5vocab(person_search, 'row')")


def downgrade() -> None:
    op.execute("DROP TABLE person_search_vocab")
    op.execute("DROP TABLE person_search")
    for table in (
        "column_mappings",
        "duplicate_decisions",
        "protection_details",
        "consents",
        "custody_events",
        "case_status_events",
    ):
        op.drop_table(table)
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("mrz")
    with op.batch_alter_table("persons") as batch:
        for column in (
            "merged_into_id",
            "specific_needs",
            "phone",
            "languages",
            "grandfather_name",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("cases") as batch:
        for column in ("merged_into_id", "notes", "partner"):
            batch.drop_column(column)
