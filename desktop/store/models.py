"""Typed SQLAlchemy models.

Every data table shares the ``Tracked`` columns: a UUID primary key, when and
by whom a row was created and last changed, and ``change_seq``, a number
taken from one office-wide counter on every insert, update and delete so that
the headquarters export can ask for "everything since N". Deletions leave a
``Tombstone`` carrying the deleted row's id and its own change number.

The schema itself is owned by the Alembic migrations in ``migrations/``; these
classes must agree with the latest revision (a test compares them).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes; SQLite stores them as ISO text."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_by: Mapped[str] = mapped_column(String(64))
    change_seq: Mapped[int] = mapped_column(Integer, index=True)


# -- bookkeeping --------------------------------------------------------------


class Counter(Base):
    """Office-wide counters (``change_seq``, case numbers per year)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Tombstone(Base):
    __tablename__ = "tombstones"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    deleted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    deleted_by: Mapped[str] = mapped_column(String(64))
    change_seq: Mapped[int] = mapped_column(Integer, index=True)


class Setting(Tracked, Base):
    """One office setting; declared with type and default in services.settings."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class User(Tracked, Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128), default="")
    roles: Mapped[str] = mapped_column(String(256), default="")  # comma-separated, sorted
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class AuditEvent(Tracked, Base):
    """One link of the audit hash chain. Never holds personal data."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target_type: Mapped[str] = mapped_column(String(64), default="")
    target_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON, ids and counts only
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# -- registry (extended by the intake issue) -------------------------------------


class Case(Tracked, Base):
    __tablename__ = "cases"
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(32), default="registered", index=True)
    destination_country: Mapped[str | None] = mapped_column(String(3), nullable=True)
    programme: Mapped[str | None] = mapped_column(String(128), nullable=True)
    family_language: Mapped[str | None] = mapped_column(String(32), nullable=True)
    accommodation: Mapped[str | None] = mapped_column(String(256), nullable=True)
    contact_phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    partner: Mapped[str | None] = mapped_column(String(128), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    merged_into_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    persons: Mapped[list[Person]] = relationship(back_populates="case")


class Person(Tracked, Base):
    __tablename__ = "persons"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    relationship_to_principal: Mapped[str] = mapped_column(String(32))
    given_name: Mapped[str] = mapped_column(String(128))
    family_name: Mapped[str] = mapped_column(String(128), default="")
    father_name: Mapped[str] = mapped_column(String(128), default="")
    native_name: Mapped[str] = mapped_column(String(256), default="")
    sex: Mapped[str] = mapped_column(String(1))
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    dob_precision: Mapped[str] = mapped_column(String(16), default="exact")
    nationality: Mapped[str] = mapped_column(String(3), default="AFG")
    grandfather_name: Mapped[str] = mapped_column(String(128), default="")
    languages: Mapped[str] = mapped_column(String(128), default="")
    phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    specific_needs: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    case: Mapped[Case] = relationship(back_populates="persons")
    documents: Mapped[list[Document]] = relationship(back_populates="person")


class Document(Tracked, Base):
    __tablename__ = "documents"
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(64), index=True)
    issuing_country: Mapped[str | None] = mapped_column(String(3), nullable=True)
    issue_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    expiry_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    machine_readable: Mapped[bool] = mapped_column(Boolean, default=False)
    custody: Mapped[str] = mapped_column(String(32), default="family")
    mrz: Mapped[str | None] = mapped_column(Text, nullable=True)

    person: Mapped[Person] = relationship(back_populates="documents")


class CaseStatusEvent(Tracked, Base):
    """One step of a case's journey: who (created_by), when (created_at), why."""

    __tablename__ = "case_status_events"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")


class CustodyEvent(Tracked, Base):
    """Where a document went: with the family, office safe, handed over, returned."""

    __tablename__ = "custody_events"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    custody: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")


class Consent(Tracked, Base):
    __tablename__ = "consents"
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(64))
    given_on: Mapped[date] = mapped_column(Date)
    taken_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class ProtectionDetail(Tracked, Base):
    """Restricted: readable only with protection.read (enforced in services)."""

    __tablename__ = "protection_details"
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), unique=True)
    categories: Mapped[str] = mapped_column(Text, default="")  # comma-separated codes
    needs: Mapped[str] = mapped_column(Text, default="")  # comma-separated codes
    consent_to_share: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class DuplicateDecision(Tracked, Base):
    """A reviewed pair (ids sorted) that must not be proposed again."""

    __tablename__ = "duplicate_decisions"
    __table_args__ = (
        UniqueConstraint("kind", "first_id", "second_id", name="uq_duplicate_decisions_pair"),
    )
    kind: Mapped[str] = mapped_column(String(16))
    first_id: Mapped[str] = mapped_column(String(36))
    second_id: Mapped[str] = mapped_column(String(36))
    decision: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")


class ColumnMapping(Tracked, Base):
    """A remembered import mapping, keyed by the signature of the file's headers."""

    __tablename__ = "column_mappings"
    signature: Mapped[str] = mapped_column(String(64), unique=True)
    mapping: Mapped[str] = mapped_column(Text)  # JSON


# -- appointments and orientation (issue 4) -------------------------------------------


class Location(Tracked, Base):
    """A place appointments happen: office, clinic, embassy, hotel. An office setting."""

    __tablename__ = "locations"
    name: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(256), default="")
    map_line: Mapped[str] = mapped_column(String(256), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=1)  # appointments at the same time
    slot_minutes: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Appointment(Tracked, Base):
    __tablename__ = "appointments"
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    location_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    agency: Mapped[str] = mapped_column(String(128), default="")  # embassy or agency
    interviewer: Mapped[str] = mapped_column(String(128), default="")
    interpreter_language: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")  # summary only, never medical results
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)  # interviews
    rescheduled_to_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)  # no-show handled
    status_reason: Mapped[str] = mapped_column(Text, default="")


class AppointmentAttendee(Tracked, Base):
    __tablename__ = "appointment_attendees"
    __table_args__ = (UniqueConstraint("appointment_id", "person_id"),)
    appointment_id: Mapped[str] = mapped_column(ForeignKey("appointments.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    attended: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class Notification(Tracked, Base):
    """The family was told of an appointment: how (method), by whom and when (tracked)."""

    __tablename__ = "notifications"
    appointment_id: Mapped[str] = mapped_column(ForeignKey("appointments.id"), index=True)
    method: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")


class OrientationSession(Tracked, Base):
    __tablename__ = "orientation_sessions"
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    location_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    facilitator: Mapped[str] = mapped_column(String(128), default="")
    topics: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int] = mapped_column(Integer)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class OrientationEnrolment(Tracked, Base):
    __tablename__ = "orientation_enrolments"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)
    session_id: Mapped[str] = mapped_column(ForeignKey("orientation_sessions.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    attended: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


# -- medical (issue 5): readable only with medical.read, enforced in services ---------------


class MedicalRecord(Tracked, Base):
    """One examination of one person and what it decided about travel."""

    __tablename__ = "medical_records"
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    examined_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    examiner: Mapped[str] = mapped_column(String(128))
    clinic: Mapped[str] = mapped_column(String(128), default="")
    outcome: Mapped[str] = mapped_column(String(32))
    review_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # unfit - deferred
    mobility_ssr: Mapped[str | None] = mapped_column(String(4), nullable=True)
    oxygen_lpm: Mapped[float | None] = mapped_column(Float, nullable=True)
    medif_required: Mapped[bool] = mapped_column(Boolean, default=False)
    escort: Mapped[str | None] = mapped_column(String(16), nullable=True)  # nurse, doctor
    pregnancy_weeks: Mapped[int | None] = mapped_column(Integer, nullable=True)
    other_ssr: Mapped[str] = mapped_column(String(64), default="")  # comma-separated codes
    notes: Mapped[str] = mapped_column(Text, default="")  # medical staff only


TRACKED_TABLES = tuple(
    m.__tablename__
    for m in (
        Setting,
        User,
        AuditEvent,
        Case,
        Person,
        Document,
        CaseStatusEvent,
        CustodyEvent,
        Consent,
        ProtectionDetail,
        DuplicateDecision,
        ColumnMapping,
        Location,
        Appointment,
        AppointmentAttendee,
        Notification,
        OrientationSession,
        OrientationEnrolment,
        MedicalRecord,
    )
)
