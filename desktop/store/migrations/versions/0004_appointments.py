"""Appointments, notifications, places and pre-departure orientation.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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


def fk(table: str, column: str, target: str) -> sa.Column:
    return sa.Column(
        column,
        sa.String(36),
        sa.ForeignKey(f"{target}.id", name=f"fk_{table}_{column}_{target}"),
        nullable=False,
    )


def indexes(table: str, *columns: str) -> None:
    for column in ("change_seq", *columns):
        op.create_index(f"ix_{table}_{column}", table, [column])


def upgrade() -> None:
    op.create_table(
        "locations",
        *tracked(),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("address", sa.String(256), nullable=False),
        sa.Column("map_line", sa.String(256), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("name", name="uq_locations_name"),
    )
    indexes("locations")
    op.create_table(
        "appointments",
        *tracked(),
        fk("appointments", "case_id", "cases"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        fk("appointments", "location_id", "locations"),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("agency", sa.String(128), nullable=False),
        sa.Column("interviewer", sa.String(128), nullable=False),
        sa.Column("interpreter_language", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("rescheduled_to_id", sa.String(36), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
    )
    indexes("appointments", "case_id", "starts_at", "location_id", "status")
    op.create_table(
        "appointment_attendees",
        *tracked(),
        fk("appointment_attendees", "appointment_id", "appointments"),
        fk("appointment_attendees", "person_id", "persons"),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.UniqueConstraint(
            "appointment_id", "person_id", name="uq_appointment_attendees_appointment_id_person_id"
        ),
    )
    indexes("appointment_attendees", "appointment_id", "person_id")
    op.create_table(
        "notifications",
        *tracked(),
        fk("notifications", "appointment_id", "appointments"),
        sa.Column("method", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    indexes("notifications", "appointment_id")
    op.create_table(
        "orientation_sessions",
        *tracked(),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        fk("orientation_sessions", "location_id", "locations"),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("facilitator", sa.String(128), nullable=False),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
    )
    indexes("orientation_sessions", "starts_at", "location_id")
    op.create_table(
        "orientation_enrolments",
        *tracked(),
        fk("orientation_enrolments", "session_id", "orientation_sessions"),
        fk("orientation_enrolments", "person_id", "persons"),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.UniqueConstraint(
            "session_id", "person_id", name="uq_orientation_enrolments_session_id_person_id"
        ),
    )
    indexes("orientation_enrolments", "session_id", "person_id")


def downgrade() -> None:
    for table in (
        "orientation_enrolments",
        "orientation_sessions",
        "notifications",
        "appointment_attendees",
        "appointments",
        "locations",
    ):
        op.drop_table(table)
