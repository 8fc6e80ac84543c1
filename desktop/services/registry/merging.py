"""Merging two rows that describe one person, or two households that are one family.

``DuplicateService`` decides *whether* a merge may happen (permissions, the fields
asked for); this module holds *what* a merge writes, inside the caller's unit of work:
which rows move to the kept person or household, what is combined and what is kept in
the notes. Nothing is deleted but link rows that would be twins: the dropped person or
household stays, marked merged, so history stays readable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService
from desktop.services.office.session import UnlockedOffice
from desktop.store.models import (
    AppointmentAttendee,
    Case,
    Consent,
    Document,
    MedicalRecord,
    OrientationEnrolment,
    Person,
    ProtectionDetail,
)


def has_protection(session: Session, person_ids: Sequence[str]) -> bool:
    """Whether any of these people has protection details (merging them is restricted)."""
    found = session.scalars(
        select(ProtectionDetail.id).where(ProtectionDetail.person_id.in_(person_ids))
    ).first()
    return found is not None


def persons_to_merge(
    session: Session, keep_id: str, drop_id: str, fields: set[str]
) -> tuple[Person, Person]:
    """The two people, refused when one is gone or when taking the dropped person's
    relationship would give the kept household a second principal applicant."""
    keep, drop = session.get(Person, keep_id), session.get(Person, drop_id)
    if keep is None or drop is None or keep.merged_into_id or drop.merged_into_id:
        raise InvalidInput("One of the two people no longer exists or was merged already.")
    if (
        fields & {"relationship_to_principal"}
        and drop.relationship_to_principal == "principal"
        and keep.relationship_to_principal != "principal"
    ):
        other = session.scalars(
            select(Person.id).where(
                Person.case_id == keep.case_id,
                Person.relationship_to_principal == "principal",
                Person.merged_into_id.is_(None),
                Person.id != keep.id,
            )
        ).first()
        if other is not None:
            raise InvalidInput(
                "The kept person's household already has a principal applicant; "
                "keep the kept person's relationship."
            )
    return keep, drop


def merge_person_rows(session: Session, keep: Person, drop: Person, fields: set[str]) -> None:
    """``keep`` takes ``fields`` from ``drop`` and everything that belongs to ``drop``;
    ``drop`` stays, marked merged into ``keep``."""
    for name in sorted(fields):
        setattr(keep, name, getattr(drop, name))
    keep.specific_needs = keep.specific_needs or drop.specific_needs
    # row by row through the ORM, so each moved row gets a new change number
    for document in session.scalars(select(Document).where(Document.person_id == drop.id)):
        document.person_id = keep.id
    for consent in session.scalars(select(Consent).where(Consent.person_id == drop.id)):
        consent.person_id = keep.id
    # medical records move unread: the clerk merging learns nothing of them
    for record in session.scalars(select(MedicalRecord).where(MedicalRecord.person_id == drop.id)):
        record.person_id = keep.id
    _move_links(session, AppointmentAttendee, "appointment_id", drop.id, keep.id)
    _move_links(session, OrientationEnrolment, "session_id", drop.id, keep.id)
    _move_protection(session, drop.id, keep.id)
    drop.merged_into_id = keep.id
    session.flush()


def merge_case_rows(
    office: UnlockedOffice, session: Session, keep_id: str, drop_id: str
) -> list[str]:
    """Move every member of household ``drop`` into ``keep``; returns the moved people."""
    keep, drop = session.get(Case, keep_id), session.get(Case, drop_id)
    if keep is None or drop is None or keep.merged_into_id or drop.merged_into_id:
        raise InvalidInput("One of the two households no longer exists or was merged.")
    members = list(
        session.scalars(
            select(Person).where(Person.case_id == drop.id, Person.merged_into_id.is_(None))
        )
    )
    has_principal = session.scalars(
        select(Person.id).where(
            Person.case_id == keep.id,
            Person.relationship_to_principal == "principal",
            Person.merged_into_id.is_(None),
        )
    ).first()
    for person in members:
        person.case_id = keep.id
        if has_principal and person.relationship_to_principal == "principal":
            person.relationship_to_principal = "other"  # one principal per case
    # what only the dropped household knew is kept in the notes, not lost
    kept_notes = [
        f"Merged from {drop.case_number}: destination {drop.destination_country or '-'}, "
        f"programme {drop.programme or '-'}, phone {drop.contact_phone or '-'}."
    ]
    if drop.notes:
        kept_notes.append(drop.notes)
    keep.notes = "\n".join(n for n in (keep.notes, *kept_notes) if n)
    drop.merged_into_id = keep.id
    JourneyService(office).note(session, keep, f"merged with {drop.case_number}")
    session.flush()
    office.audit(
        session, "cases_merged", "case", keep.id, {"merged": drop.id, "moved": len(members)}
    )
    return [p.id for p in members]


def _move_links(
    session: Session,
    model: type[AppointmentAttendee] | type[OrientationEnrolment],
    owner: str,
    drop_id: str,
    keep_id: str,
) -> None:
    """Invitations and enrolments of the dropped person become the kept person's; where
    both were invited to the same thing the kept person's row stays (attended if either)."""
    keeps: list[Any] = list(session.scalars(select(model).where(model.person_id == keep_id)))
    drops: list[Any] = list(session.scalars(select(model).where(model.person_id == drop_id)))
    kept = {getattr(row, owner): row for row in keeps}
    for row in drops:
        twin = kept.get(getattr(row, owner))
        if twin is None:
            row.person_id = keep_id
            continue
        if row.attended and not twin.attended:
            twin.attended = True
        session.delete(row)


def _move_protection(session: Session, drop_id: str, keep_id: str) -> None:
    """The dropped person's protection details become the kept person's, combined with
    any the kept person already has (one row per person)."""
    protection = session.scalars(
        select(ProtectionDetail).where(ProtectionDetail.person_id == drop_id)
    ).one_or_none()
    if protection is None:
        return
    kept = session.scalars(
        select(ProtectionDetail).where(ProtectionDetail.person_id == keep_id)
    ).one_or_none()
    if kept is None:
        protection.person_id = keep_id
    else:
        _combine_protection(kept, protection)
        session.delete(protection)


def _combine_protection(kept: ProtectionDetail, other: ProtectionDetail) -> None:
    def union(a: str, b: str) -> str:
        return ",".join(sorted({x for x in (a + "," + b).split(",") if x}))

    kept.categories = union(kept.categories, other.categories)
    kept.needs = union(kept.needs, other.needs)
    kept.consent_to_share = kept.consent_to_share and other.consent_to_share
    kept.notes = "\n".join(n for n in (kept.notes, other.notes) if n)
