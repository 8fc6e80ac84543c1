"""A household as the case view shows it: its members (principal first), their documents
with where each has been kept, and the household's status history.

``RegistrationService.case_detail`` checks the permission and finds the household; the
rows are read and turned into records here. The records are defined with the service
(``registration``), so this module imports them and the service imports it when asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.registry.household_types import (
    CaseDetail,
    CustodyStep,
    DocumentRecord,
    MemberRecord,
    StatusStep,
)
from desktop.store.models import Case, CaseStatusEvent, CustodyEvent, Document, Person


def read_case_detail(session: Session, case: Case) -> CaseDetail:
    persons = session.scalars(
        select(Person)
        .where(Person.case_id == case.id, Person.merged_into_id.is_(None))
        .order_by(Person.date_of_birth.is_(None), Person.date_of_birth)
    ).all()
    docs = _documents(session, [p.id for p in persons])
    history = session.scalars(
        select(CaseStatusEvent)
        .where(CaseStatusEvent.case_id == case.id)
        .order_by(CaseStatusEvent.created_at, CaseStatusEvent.change_seq)
    ).all()
    principal_first = sorted(persons, key=lambda p: p.relationship_to_principal != "principal")
    return CaseDetail(
        case.id,
        case.case_number,
        case.status,
        case.destination_country,
        case.programme,
        case.partner,
        case.family_language,
        case.accommodation,
        case.contact_phone,
        case.notes,
        tuple(_member(p, docs.get(p.id, [])) for p in principal_first),
        tuple(StatusStep(h.status, h.reason, h.created_at, h.created_by) for h in history),
    )


def _documents(session: Session, person_ids: list[str]) -> dict[str, list[DocumentRecord]]:
    """The documents of these people by person, each with its custody history."""
    documents = session.scalars(select(Document).where(Document.person_id.in_(person_ids))).all()
    custody = session.scalars(
        select(CustodyEvent)
        .where(CustodyEvent.document_id.in_([d.id for d in documents]))
        .order_by(CustodyEvent.created_at)
    ).all()
    steps: dict[str, list[CustodyStep]] = {}
    for event in custody:
        steps.setdefault(event.document_id, []).append(
            CustodyStep(event.custody, event.note, event.created_at, event.created_by)
        )
    docs: dict[str, list[DocumentRecord]] = {}
    for d in documents:
        docs.setdefault(d.person_id, []).append(
            DocumentRecord(
                d.id,
                d.doc_type,
                d.number,
                d.issuing_country,
                d.issue_date,
                d.expiry_date,
                d.machine_readable,
                d.custody,
                tuple(steps.get(d.id, [])),
            )
        )
    return docs


def _member(p: Person, documents: Sequence[DocumentRecord]) -> MemberRecord:
    return MemberRecord(
        p.id,
        p.relationship_to_principal,
        p.given_name,
        p.family_name,
        p.father_name,
        p.grandfather_name,
        p.native_name,
        p.sex,
        p.date_of_birth,
        p.dob_precision,
        p.nationality,
        tuple(x for x in p.languages.split(",") if x),
        p.phone,
        p.specific_needs,
        tuple(documents),
    )
