"""Appointment rows as ``AppointmentRecord``: the household, the place, who is invited and
who came, when the family was told, and the date it replaced.

Everything a list of appointments shows is read in a few queries for all the rows at
once (a day of slips, an agenda), not row by row. The records are defined with
``AppointmentService`` in ``appointments``; this module imports them from there, and the
service imports this module when it first reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.registry.names import latin_name
from desktop.services.schedule.appointment_types import (
    AppointmentRecord,
    AttendeeRecord,
    NotificationRecord,
)
from desktop.store.models import (
    Appointment,
    AppointmentAttendee,
    Case,
    Location,
    Notification,
    Person,
)


def appointment_records(session: Session, rows: Sequence[Appointment]) -> list[AppointmentRecord]:
    """A record per row, in the order of ``rows``."""
    if not rows:
        return []
    about = _Related.read(session, rows)
    records = []
    for row in rows:
        case = about.cases[row.case_id]
        records.append(
            AppointmentRecord(
                id=row.id,
                case_id=row.case_id,
                case_number=case.case_number,
                principal_name=about.principals.get(row.case_id, ""),
                family_language=case.family_language,
                kind=row.kind,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
                location_id=row.location_id,
                location_name=about.places.get(row.location_id, ""),
                status=row.status,
                agency=row.agency,
                interviewer=row.interviewer,
                interpreter_language=row.interpreter_language,
                note=row.note,
                outcome=row.outcome,
                rescheduled_to_id=row.rescheduled_to_id,
                rescheduled_from_id=about.earlier.get(row.id),
                follow_up_done=row.follow_up_done,
                status_reason=row.status_reason,
                attendees=tuple(about.attendees[row.id]),
                notifications=tuple(about.told[row.id]),
            )
        )
    return records


@dataclass
class _Related:
    """What the records of some appointments need besides the rows themselves."""

    cases: dict[str, Case]
    principals: dict[str, str]  # case id -> the principal applicant's name
    places: dict[str, str]  # location id -> name
    attendees: dict[str, list[AttendeeRecord]]  # by appointment id
    told: dict[str, list[NotificationRecord]]  # by appointment id
    earlier: dict[str | None, str]  # appointment id -> the one it replaced

    @classmethod
    def read(cls, session: Session, rows: Sequence[Appointment]) -> _Related:
        ids = [row.id for row in rows]
        case_ids = {row.case_id for row in rows}
        cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(case_ids)))}
        principals = {
            p.case_id: _name(p)
            for p in session.scalars(
                select(Person).where(
                    Person.case_id.in_(case_ids),
                    Person.relationship_to_principal == "principal",
                    Person.merged_into_id.is_(None),
                )
            )
        }
        places = dict(
            session.execute(
                select(Location.id, Location.name).where(
                    Location.id.in_({row.location_id for row in rows})
                )
            ).all()
        )
        attendees, told = _attendees(session, ids), _told(session, ids)
        earlier = dict(
            session.execute(
                select(Appointment.rescheduled_to_id, Appointment.id).where(
                    Appointment.rescheduled_to_id.in_(ids)
                )
            ).all()
        )
        return cls(cases, principals, places, attendees, told, earlier)


def _attendees(session: Session, ids: list[str]) -> dict[str, list[AttendeeRecord]]:
    attendees: dict[str, list[AttendeeRecord]] = defaultdict(list)
    for link, person in session.execute(
        select(AppointmentAttendee, Person)
        .join(Person, Person.id == AppointmentAttendee.person_id)
        .where(AppointmentAttendee.appointment_id.in_(ids))
        .order_by(Person.created_at)
    ):
        attendees[link.appointment_id].append(
            AttendeeRecord(person.id, _name(person), person.native_name, link.attended)
        )
    return attendees


def _told(session: Session, ids: list[str]) -> dict[str, list[NotificationRecord]]:
    told: dict[str, list[NotificationRecord]] = defaultdict(list)
    for note in session.scalars(
        select(Notification)
        .where(Notification.appointment_id.in_(ids))
        .order_by(Notification.created_at)
    ):
        told[note.appointment_id].append(
            NotificationRecord(note.created_at, note.method, note.created_by, note.note)
        )
    return told


def _name(person: Person) -> str:
    return latin_name(person.given_name, person.family_name)
