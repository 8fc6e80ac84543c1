"""What a booking would clash with: the people invited, the place, the interviewer.

A person cannot be at two appointments (or an appointment and an orientation session) at
once; a place holds as many at a time as its capacity, sessions held there included; an
interviewer sees one family at a time. Each finding is a kind ("person", "place",
"interviewer") and a message; ``scheduling`` and ``bulk`` turn them into the ``Conflict``
records of ``appointments``. Messages name members by relationship and households by
case number, never by name: they may reach a log.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from desktop.services.office.clock import to_local
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


class Finding(NamedTuple):
    kind: str  # person, place, interviewer
    message: str


@dataclass
class Busy:
    """Bookings not yet in the database that a bulk plan must respect."""

    place: list[tuple[datetime, datetime]] = field(default_factory=list)
    interviewer: list[tuple[datetime, datetime]] = field(default_factory=list)


def max_overlap(intervals: Iterable[tuple[datetime, datetime]]) -> int:
    """The largest number of intervals running at one instant."""
    edges: list[tuple[datetime, int]] = []
    for start, end in intervals:
        edges += [(start, 1), (end, -1)]
    running = peak = 0
    for _, step in sorted(edges, key=lambda e: (e[0], e[1])):
        running += step
        peak = max(peak, running)
    return peak


def find_conflicts(
    session: Session,
    *,
    starts: datetime,
    ends: datetime,
    location: Location,
    interviewer: str,
    person_ids: Sequence[str],
    ignore: set[str] | None = None,
    busy: Busy | None = None,
) -> list[Finding]:
    """Everything booking this time would clash with, people first; ``ignore`` holds
    appointments that do not count (the one being moved)."""
    ignore = ignore or set()
    busy = busy or Busy()
    found: list[Finding] = []
    overlapping = and_(
        Appointment.starts_at < ends,
        Appointment.ends_at > starts,
        Appointment.status.in_(ACTIVE_STATUSES),
        Appointment.id.not_in(ignore),
    )
    if person_ids:
        found += [
            Finding("person", m) for m in _people(session, person_ids, starts, ends, overlapping)
        ]
    full = _place_full(session, location, starts, ends, overlapping, busy)
    if full:
        found.append(Finding("place", full))
    if interviewer:
        taken = _interviewer_taken(session, interviewer, starts, ends, overlapping, busy)
        if taken:
            found.append(Finding("interviewer", taken))
    return found


def _people(
    session: Session,
    person_ids: Sequence[str],
    starts: datetime,
    ends: datetime,
    overlapping: ColumnElement[bool],
) -> list[str]:
    """One line per clashing booking (appointment or orientation session), naming the
    members by relationship: these messages may reach a log (--no-error-dialogs)."""
    clashes = session.execute(
        select(Person, Appointment, Location.name)
        .join(AppointmentAttendee, AppointmentAttendee.person_id == Person.id)
        .join(Appointment, Appointment.id == AppointmentAttendee.appointment_id)
        .join(Location, Location.id == Appointment.location_id)
        .where(Person.id.in_(person_ids), overlapping)
        .order_by(Appointment.starts_at)
    ).all()
    grouped: dict[str, list[Person]] = defaultdict(list)
    about: dict[str, str] = {}
    for person, other, place in clashes:
        grouped[other.id].append(person)
        about[other.id] = (
            f"{APPOINTMENT_KIND_TITLES[other.kind].lower()} at "
            f"{to_local(other.starts_at):%H:%M} ({place})"
        )
    for orientation_id, starts_at, person in session.execute(
        select(OrientationSession.id, OrientationSession.starts_at, Person)
        .join(OrientationEnrolment, OrientationEnrolment.person_id == Person.id)
        .join(OrientationSession, OrientationSession.id == OrientationEnrolment.session_id)
        .where(
            Person.id.in_(person_ids),
            OrientationSession.cancelled.is_(False),
            OrientationSession.starts_at < ends,
            OrientationSession.ends_at > starts,
        )
    ).all():
        grouped[orientation_id].append(person)
        about[orientation_id] = f"orientation at {to_local(starts_at):%H:%M}"
    case_numbers = dict(
        session.execute(
            select(Case.id, Case.case_number).where(
                Case.id.in_({p.case_id for people in grouped.values() for p in people})
            )
        ).all()
    )
    return [f"{_who(people, case_numbers)} {about[key]}." for key, people in grouped.items()]


def _who(people: Sequence[Person], case_numbers: dict[str, str]) -> str:
    """ "The principal of SHG-2026-00042 already has" / "3 members of ... already have"."""
    case = case_numbers.get(people[0].case_id, "the household")
    if len(people) == 1:
        relationship = people[0].relationship_to_principal.replace("_", " ")
        return f"The {relationship} of {case} already has"
    return f"{len(people)} members of {case} already have"


def _place_full(
    session: Session,
    location: Location,
    starts: datetime,
    ends: datetime,
    overlapping: ColumnElement[bool],
    busy: Busy,
) -> str | None:
    """Appointments, orientation sessions and planned bookings there count against the
    place's capacity."""
    booked = session.execute(
        select(Appointment.starts_at, Appointment.ends_at).where(
            Appointment.location_id == location.id, overlapping
        )
    ).all()
    held = session.execute(
        select(OrientationSession.starts_at, OrientationSession.ends_at).where(
            OrientationSession.location_id == location.id,
            OrientationSession.cancelled.is_(False),
            OrientationSession.starts_at < ends,
            OrientationSession.ends_at > starts,
        )
    ).all()
    planned = [(s, e) for s, e in busy.place if s < ends and e > starts]
    intervals = [(max(s, starts), min(e, ends)) for s, e in [*booked, *held, *planned]]
    if max_overlap([*intervals, (starts, ends)]) <= location.capacity:
        return None
    return (
        f"{location.name} is full at {to_local(starts):%H:%M} "
        f"(room for {location.capacity} at a time)."
    )


def _interviewer_taken(
    session: Session,
    interviewer: str,
    starts: datetime,
    ends: datetime,
    overlapping: ColumnElement[bool],
    busy: Busy,
) -> str | None:
    same = session.scalars(
        select(Appointment.starts_at).where(
            func.lower(Appointment.interviewer) == interviewer.lower(), overlapping
        )
    ).first()
    planned_same = any(s < ends and e > starts for s, e in busy.interviewer)
    if same is None and not planned_same:
        return None
    when = to_local(same).strftime("%H:%M") if same else to_local(starts).strftime("%H:%M")
    return f"{interviewer} already interviews at {when}."
