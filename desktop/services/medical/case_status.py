"""How a household's journey follows the medical team, after each examination written.

The latest examination of each member decides: a deferral holds the whole household
(it travels together); once every member is cleared it is medically cleared. A household
whose deferral is lifted goes back to where it was, when that was past the medical stage.
``MedicalService`` calls ``follow_examinations`` inside the unit of work that wrote the
record, so the record and the move are one change.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.journey.transitions import JourneyService, Mover
from desktop.services.medical.fitness import deciding, summaries_in
from desktop.services.office.session import UnlockedOffice
from desktop.store.models import Case, CaseStatusEvent, MedicalRecord, Person

#: households that travel no more: left where they are, and off the medical worklist
ENDED = ("departed", "withdrawn", "refused")
# statuses the medical team moves a household between; later ones are left alone
_MEDICAL_JOURNEY = ("interviewed", "accepted", "medical_in_progress", "deferred")
# where a household goes back to when its deferral is lifted (later ones are restored)
_RECOMPUTED = (*_MEDICAL_JOURNEY, "medically_cleared", *ENDED)


def follow_examinations(
    office: UnlockedOffice, session: Session, case_id: str, examined_at: datetime
) -> None:
    """Move the household to the status its members' latest examinations call for."""
    case = session.get(Case, case_id)
    if case is None or case.status in ENDED:
        return
    # the examination just written counts, even a few minutes ahead of the clock
    at = max(office.clock.now(), examined_at)
    members = session.scalars(
        select(Person.id).where(Person.case_id == case.id, Person.merged_into_id.is_(None))
    ).all()
    records: dict[str, list[MedicalRecord]] = {}
    for row in session.scalars(select(MedicalRecord).where(MedicalRecord.person_id.in_(members))):
        records.setdefault(row.person_id, []).append(row)
    latest = [deciding(records.get(m, ()), at) for m in members]
    earlier = _before_deferral(session, case.id) if case.status == "deferred" else None
    if any(r is not None and r.outcome == "unfit_deferred" for r in latest):
        status, reason = "deferred", "medical deferral"
    elif earlier is not None and earlier not in _RECOMPUTED:
        status, reason = earlier, "medical deferral lifted"
    elif case.status not in _MEDICAL_JOURNEY:
        return  # oriented, ready or booked households keep their place
    else:
        summaries = summaries_in(session, members, at)
        if all(s.cleared for s in summaries.values()):
            status, reason = "medically_cleared", "every member cleared to travel"
        else:
            status, reason = "medical_in_progress", "medical examination"
    JourneyService(office).follow(session, case, status, reason, Mover.MEDICAL)


def _before_deferral(session: Session, case_id: str) -> str | None:
    """The status a deferred household had before it was deferred (None if unknown)."""
    statuses = session.scalars(
        select(CaseStatusEvent.status)
        .where(CaseStatusEvent.case_id == case_id)
        .order_by(CaseStatusEvent.created_at.desc(), CaseStatusEvent.change_seq.desc())
    )
    return next((s for s in statuses if s != "deferred"), None)
