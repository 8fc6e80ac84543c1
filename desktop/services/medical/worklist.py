"""Where the medical worklist comes from: booked exams, records that call for a decision,
a review or a renewal, and households at the medical stage with members never examined.

``MedicalService.worklist`` checks the permission, keeps the most urgent entry per
person and need, and sorts; the queries behind it live here so each source can be read
on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.i18n import tr_noop
from desktop.services.medical.case_status import ENDED
from desktop.services.medical.fitness import (
    FIT_OUTCOMES,
    Validity,
    deciding_order,
    read_validity,
    valid_until,
)
from desktop.services.office.clock import to_local, to_utc
from desktop.store.models import Appointment, AppointmentAttendee, Case, MedicalRecord, Person

MEDICAL_APPOINTMENTS = ("medical_exam", "lab_xray", "pec")
#: households whose members the medical team must see before they can travel
IN_MEDICAL_STAGE = ("accepted", "medical_in_progress", "interviewed")


class Need(NamedTuple):
    """Someone to see, why, and by when (None: no date yet)."""

    person: Person
    case: Case
    need: str
    reason: str
    deadline: datetime | None


def needs(session: Session, moment: datetime, horizon: datetime) -> Iterator[Need]:
    """Every need up to ``horizon``, source by source (one person may come up twice)."""
    yield from _booked(session, moment, horizon)
    yield from _from_records(session, moment, horizon, read_validity(session))
    yield from _never_examined(session)


def _booked(session: Session, moment: datetime, horizon: datetime) -> Iterator[Need]:
    """Medical appointments booked in the coming days (and those of the last hours)."""
    for appointment, person, case in session.execute(
        select(Appointment, Person, Case)
        .join(AppointmentAttendee, AppointmentAttendee.appointment_id == Appointment.id)
        .join(Person, Person.id == AppointmentAttendee.person_id)
        .join(Case, Case.id == Appointment.case_id)
        .where(
            Appointment.kind.in_(MEDICAL_APPOINTMENTS),
            Appointment.status.in_(("scheduled", "notified")),
            Appointment.starts_at >= moment - timedelta(hours=12),
            Appointment.starts_at <= horizon,
            Person.merged_into_id.is_(None),
        )
    ).all():
        need = (
            tr_noop("Pre-embarkation check")
            if appointment.kind == "pec"
            else tr_noop("Examination")
        )
        when = to_local(appointment.starts_at)
        yield Need(person, case, need, f"booked {when:%a %d %b %H:%M}", appointment.starts_at)


def _from_records(
    session: Session, moment: datetime, horizon: datetime, validity: Validity
) -> Iterator[Need]:
    """Everyone with records: pending, deferred for review, about to expire."""
    latest: dict[str, MedicalRecord] = {}
    for record in session.scalars(select(MedicalRecord)):
        held = latest.get(record.person_id)
        if held is None or deciding_order(record) > deciding_order(held):
            latest[record.person_id] = record
    people = {
        p.id: p
        for p in session.scalars(
            select(Person).where(Person.id.in_(list(latest)), Person.merged_into_id.is_(None))
        )
    }
    cases = {
        c.id: c
        for c in session.scalars(
            select(Case).where(Case.id.in_({p.case_id for p in people.values()}))
        )
    }
    for person_id, record in latest.items():
        examined = people.get(person_id)
        if examined is None or cases[examined.case_id].status in ENDED:
            continue
        person, case = examined, cases[examined.case_id]
        if record.outcome == "pending":
            yield Need(person, case, tr_noop("Decision pending"), "examined, no outcome yet", None)
        elif record.outcome == "unfit_deferred" and record.review_date is not None:
            review = to_utc(record.review_date, time(9))
            if review <= horizon:
                yield Need(person, case, tr_noop("Review"), "deferred until the review", review)
        elif record.outcome in FIT_OUTCOMES:
            until = valid_until(record, validity)
            if until is not None and until <= horizon:
                said = "expired" if until < moment else "expires"
                yield Need(
                    person, case, tr_noop("Renew fitness"), f"{said} {to_local(until):%d %b}", until
                )


def _never_examined(session: Session) -> Iterator[Need]:
    """Members of households at the medical stage who have no record at all."""
    for person, case in session.execute(
        select(Person, Case)
        .join(Case, Case.id == Person.case_id)
        .where(
            Case.status.in_(IN_MEDICAL_STAGE),
            Case.merged_into_id.is_(None),
            Person.merged_into_id.is_(None),
            Person.id.not_in(select(MedicalRecord.person_id)),
        )
    ).all():
        yield Need(person, case, tr_noop("Health assessment"), "not examined yet", None)
