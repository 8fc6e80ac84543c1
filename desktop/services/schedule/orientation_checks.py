"""What stops an orientation session from being held, or a person from being enrolled.

A room holds one session at a time and counts the appointments booked there against its
capacity; a person cannot be in two places at once, so an enrolment (or a session that
moves) is refused while they hold an overlapping appointment or another session.
``OrientationService`` and ``orientation_enrolment`` run these checks inside the unit of
work; each refusal is an ``InvalidInput`` that names the household by case number and the
member by relationship, never by name: error messages may reach logs.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.office.clock import to_local
from desktop.services.schedule.conflicts import max_overlap
from desktop.services.vocabulary import ACTIVE_STATUSES, APPOINTMENT_KIND_TITLES
from desktop.store.models import (
    Appointment,
    AppointmentAttendee,
    Case,
    Location,
    OrientationEnrolment,
    OrientationSession,
    Person,
)

ORIENTATION_TITLE: Final = APPOINTMENT_KIND_TITLES["orientation"]


def check_clashes(
    session: Session,
    person_ids: Collection[str],
    starts_at: datetime,
    ends_at: datetime,
    session_id: str,
) -> None:
    """Refuse when a person is elsewhere (appointment or another session) at that time."""
    if not person_ids:
        return
    clashes = [
        *_appointments(session, person_ids, starts_at, ends_at),
        *_other_sessions(session, person_ids, starts_at, ends_at, session_id),
    ]
    if not clashes:
        return
    clashes.sort(key=lambda c: c[2])
    person_id, title, clash_start, clash_end = clashes[0]
    relationship, case_number = session.execute(
        select(Person.relationship_to_principal, Case.case_number)
        .join(Case, Case.id == Person.case_id)
        .where(Person.id == person_id)
    ).one()
    more = f" ({len(clashes) - 1} more clashes)" if len(clashes) > 1 else ""
    raise InvalidInput(
        f"{_member(relationship)} of household {case_number} is already booked for "
        f"{title}, {when(clash_start, clash_end)}, which overlaps this session{more}. "
        "Move one of the two first."
    )


def _appointments(
    session: Session, person_ids: Collection[str], starts_at: datetime, ends_at: datetime
) -> list[tuple[str, str, datetime, datetime]]:
    """(person, what, start, end) of the appointments of these people overlapping the time."""
    return [
        (str(p), APPOINTMENT_KIND_TITLES.get(kind, kind), s, e)
        for p, kind, s, e in session.execute(
            select(
                AppointmentAttendee.person_id,
                Appointment.kind,
                Appointment.starts_at,
                Appointment.ends_at,
            )
            .join(Appointment, Appointment.id == AppointmentAttendee.appointment_id)
            .where(
                AppointmentAttendee.person_id.in_(list(person_ids)),
                Appointment.status.in_(ACTIVE_STATUSES),
                Appointment.starts_at < ends_at,
                Appointment.ends_at > starts_at,
            )
        )
    ]


def _other_sessions(
    session: Session,
    person_ids: Collection[str],
    starts_at: datetime,
    ends_at: datetime,
    session_id: str,
) -> list[tuple[str, str, datetime, datetime]]:
    """(person, what, start, end) of the other sessions these people are enrolled in."""
    return [
        (str(p), ORIENTATION_TITLE, s, e)
        for p, s, e in session.execute(
            select(
                OrientationEnrolment.person_id,
                OrientationSession.starts_at,
                OrientationSession.ends_at,
            )
            .join(OrientationSession, OrientationSession.id == OrientationEnrolment.session_id)
            .where(
                OrientationEnrolment.person_id.in_(list(person_ids)),
                OrientationSession.id != session_id,
                OrientationSession.cancelled.is_(False),
                OrientationSession.starts_at < ends_at,
                OrientationSession.ends_at > starts_at,
            )
        )
    ]


def check_place(
    session: Session,
    location_id: str,
    starts_at: datetime,
    ends_at: datetime,
    session_id: str | None,
) -> None:
    """Refuse a place that is gone or not in use, that holds another session then, or
    that the appointments booked there already fill."""
    place = session.get(Location, location_id)
    if place is None:
        raise InvalidInput("That place no longer exists.")
    if not place.active:
        raise InvalidInput(f"{place.name} is no longer in use; choose another place.")
    query = select(OrientationSession.starts_at, OrientationSession.ends_at).where(
        OrientationSession.location_id == location_id,
        OrientationSession.cancelled.is_(False),
        OrientationSession.starts_at < ends_at,
        OrientationSession.ends_at > starts_at,
    )
    if session_id is not None:
        query = query.where(OrientationSession.id != session_id)
    other = session.execute(query.order_by(OrientationSession.starts_at)).first()
    if other is not None:
        raise InvalidInput(
            f"{place.name} already has an orientation session, {when(other[0], other[1])}. "
            "Choose another time or place."
        )
    # appointments booked there count against the room, as a session counts when
    # an appointment is booked (schedule.conflicts)
    booked = session.execute(
        select(Appointment.starts_at, Appointment.ends_at)
        .where(
            Appointment.location_id == location_id,
            Appointment.status.in_(ACTIVE_STATUSES),
            Appointment.starts_at < ends_at,
            Appointment.ends_at > starts_at,
        )
        .order_by(Appointment.starts_at)
    ).all()
    clipped = [(max(s, starts_at), min(e, ends_at)) for s, e in booked]
    if booked and max_overlap([*clipped, (starts_at, ends_at)]) > place.capacity:
        raise InvalidInput(
            f"{place.name} is full at that time (room for {place.capacity} at once), "
            f"with an appointment {when(booked[0][0], booked[0][1])}. "
            "Choose another time or place."
        )


def when(starts_at: datetime, ends_at: datetime) -> str:
    """ "12 Mar 2026 10:00-13:00 (office time)", for messages."""
    start, end = to_local(starts_at), to_local(ends_at)
    if start.date() == end.date():
        return f"{start:%d %b %Y} {start:%H:%M}-{end:%H:%M} (office time)"
    return f"{start:%d %b %Y %H:%M} to {end:%d %b %Y %H:%M} (office time)"


def _member(relationship: str) -> str:
    if relationship == "principal":
        return "The principal applicant"
    if relationship == "other":
        return "A member"
    return f"The {relationship}"
