"""Who sits in an orientation session: enrolling (seats and clashes), withdrawing, and
recording who came.

``OrientationService`` checks permissions and opens the unit of work; these functions
find the rows, apply the rules and write, each with its audit event (ids and counts
only). Attendance is recorded once the session has started, and only attendance counts
for travel readiness, so an enrolment with attendance recorded is no longer withdrawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.office.clock import age_on, to_local
from desktop.services.office.session import UnlockedOffice
from desktop.services.schedule.orientation_checks import check_clashes, when
from desktop.store.models import Case, OrientationEnrolment, OrientationSession, Person


def session_row(session: Session, session_id: str) -> OrientationSession:
    row = session.get(OrientationSession, session_id)
    if row is None:
        raise InvalidInput("That orientation session no longer exists.")
    return row


def open_session(session: Session, session_id: str, now: datetime) -> OrientationSession:
    """A session people can still be enrolled in: not cancelled, not over."""
    row = session_row(session, session_id)
    if row.cancelled:
        raise InvalidInput("This session was cancelled; choose another session.")
    if row.ends_at <= now:
        raise InvalidInput("This session is already over; choose a session ahead.")
    return row


def enrolled_ids(session: Session, session_id: str) -> set[str]:
    return set(
        session.scalars(
            select(OrientationEnrolment.person_id).where(
                OrientationEnrolment.session_id == session_id
            )
        )
    )


def attendance_recorded(session: Session, session_id: str) -> bool:
    """Whether anyone's attendance is recorded: then the session took place."""
    recorded = session.scalar(
        select(func.count())
        .select_from(OrientationEnrolment)
        .where(
            OrientationEnrolment.session_id == session_id,
            OrientationEnrolment.attended.is_not(None),
        )
    )
    return bool(recorded)


def check_still_registered(session: Session, person_ids: Sequence[str]) -> None:
    """Refuse when some of the people are gone (merged into another since the list)."""
    found = session.scalars(
        select(Person.id).where(Person.id.in_(person_ids), Person.merged_into_id.is_(None))
    ).all()
    if len(found) != len(person_ids):
        missing = len(person_ids) - len(found)
        raise InvalidInput(
            f"{missing} of the people no longer exist (they may have been merged); "
            "refresh the list and try again."
        )


def members_to_enrol(
    session: Session, household: Case, starts_at: datetime, adult_age: int | None
) -> list[str]:
    """The household's members; with ``adult_age``, only those of that age or over on
    the day of the session (and those whose age is not known)."""
    members = session.execute(
        select(Person.id, Person.date_of_birth).where(
            Person.case_id == household.id, Person.merged_into_id.is_(None)
        )
    ).all()
    day = to_local(starts_at).date()
    return [
        person_id
        for person_id, born in members
        if adult_age is None or born is None or age_on(born, day) >= adult_age
    ]


def enrol(
    office: UnlockedOffice, session: Session, row: OrientationSession, wanted: Sequence[str]
) -> int:
    """Enrol those of ``wanted`` not enrolled yet, if there are seats for all of them and
    none is elsewhere at that time. Returns how many were added."""
    already = enrolled_ids(session, row.id)
    new = [p for p in wanted if p not in already]
    if not new:
        return 0
    free = row.capacity - len(already)
    if free <= 0:
        raise InvalidInput(
            f"This session is full (all {row.capacity} seats taken); choose another session."
        )
    if len(new) > free:
        seats = "1 seat is" if free == 1 else f"{free} seats are"
        raise InvalidInput(
            f"Only {seats} free in this session, for {len(new)} people to enrol. "
            "Choose another session or enrol fewer people."
        )
    check_clashes(session, new, row.starts_at, row.ends_at, row.id)
    for person_id in new:
        session.add(OrientationEnrolment(session_id=row.id, person_id=person_id))
    session.flush()
    office.audit(
        session,
        "orientation_enrolled",
        "orientation_session",
        row.id,
        {"enrolled": len(new), "already": len(wanted) - len(new)},
    )
    return len(new)


def withdraw_person(
    office: UnlockedOffice, session: Session, row: OrientationSession, person_id: str
) -> None:
    enrolment = session.scalars(
        select(OrientationEnrolment).where(
            OrientationEnrolment.session_id == row.id,
            OrientationEnrolment.person_id == person_id,
        )
    ).one_or_none()
    if enrolment is None:
        raise InvalidInput("This person is not enrolled in this session.")
    if enrolment.attended is not None:
        raise InvalidInput(
            "Attendance is already recorded for this person; correct the attendance "
            "instead of withdrawing them."
        )
    session.delete(enrolment)
    office.audit(
        session,
        "orientation_withdrawn",
        "orientation_session",
        row.id,
        {"person": person_id},
    )


def mark_attendance(
    office: UnlockedOffice,
    session: Session,
    row: OrientationSession,
    attendance: Mapping[str, bool],
    now: datetime,
) -> None:
    """Who came (True) and who did not (False), once the session has started."""
    if row.cancelled:
        raise InvalidInput("This session was cancelled; no attendance can be recorded.")
    if now < row.starts_at:
        raise InvalidInput(
            "Attendance can be recorded once the session has started "
            f"({when(row.starts_at, row.ends_at)})."
        )
    enrolments = {
        e.person_id: e
        for e in session.scalars(
            select(OrientationEnrolment).where(
                OrientationEnrolment.session_id == row.id,
                OrientationEnrolment.person_id.in_(list(attendance)),
            )
        )
    }
    strangers = len(set(attendance) - set(enrolments))
    if strangers:
        raise InvalidInput(
            f"{strangers} of the people are not enrolled in this session; enrol them first."
        )
    for person_id, came in attendance.items():
        enrolments[person_id].attended = bool(came)
    present = sum(1 for came in attendance.values() if came)
    office.audit(
        session,
        "orientation_attendance",
        "orientation_session",
        row.id,
        {"present": present, "absent": len(attendance) - present},
    )
