"""What registering a household writes: its fields, its members' and their documents'.

``RegistrationService`` checks permissions and input, opens the unit of work and audits;
the rows themselves are made here: free text cleaned the same way everywhere, codes
checked, one principal applicant per household, and every new document with its first
custody step.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, DocumentInput, PersonInput
from desktop.services.vocabulary import LANGUAGES
from desktop.store.models import CustodyEvent, Document, Person

#: ISO 3166 alpha-3 shape, plus the ICAO codes for stateless persons and refugees
COUNTRY = re.compile(r"^(?:[A-Z]{3}|XXA|XXB|XXC)$")


def clean(text: str | None) -> str:
    """Single spaces, no leading or trailing ones; "" for None."""
    return " ".join((text or "").split())


def check_case(data: CaseInput) -> None:
    if data.destination_country and not COUNTRY.match(data.destination_country):
        raise InvalidInput("The destination is a 3-letter country code such as CAN.")
    if data.family_language and data.family_language not in LANGUAGES:
        raise InvalidInput("The family language is Dari, Pashto or Other.")


def case_fields(data: CaseInput) -> dict[str, object]:
    return {
        "destination_country": data.destination_country or None,
        "programme": clean(data.programme) or None,
        "partner": clean(data.partner) or None,
        "family_language": data.family_language or None,
        "accommodation": clean(data.accommodation) or None,
        "contact_phone": clean(data.contact_phone) or None,
        "notes": (data.notes or "").strip(),
    }


def person_fields(data: PersonInput) -> dict[str, object]:
    return {
        "relationship_to_principal": data.relationship,
        "given_name": clean(data.given_name),
        "family_name": clean(data.family_name),
        "father_name": clean(data.father_name),
        "grandfather_name": clean(data.grandfather_name),
        "native_name": clean(data.native_name),
        "sex": data.sex,
        "date_of_birth": data.date_of_birth,
        "dob_precision": data.dob_precision,
        "nationality": data.nationality,
        "languages": ",".join(data.languages),
        "phone": clean(data.phone) or None,
        "specific_needs": data.specific_needs,
    }


def check_principal(
    session: Session, case_id: str, relationship: str, person_id: str | None
) -> None:
    """Refuse a second principal applicant in the household (``person_id`` may be it)."""
    if relationship != "principal":
        return
    other = session.scalars(
        select(Person.id).where(
            Person.case_id == case_id,
            Person.relationship_to_principal == "principal",
            Person.merged_into_id.is_(None),
        )
    ).first()
    if other is not None and other != person_id:
        raise InvalidInput("This household already has a principal applicant.")


def new_document(
    office: UnlockedOffice, session: Session, person_id: str, data: DocumentInput
) -> str:
    """The document, kept where ``data`` says, with that as its first custody step."""
    document = Document(
        person_id=person_id,
        doc_type=data.doc_type,
        number=clean(data.number).upper(),
        issuing_country=data.issuing_country,
        issue_date=data.issue_date,
        expiry_date=data.expiry_date,
        machine_readable=data.machine_readable,
        mrz=data.mrz,
        custody=data.custody,
    )
    session.add(document)
    session.flush()
    session.add(CustodyEvent(document_id=document.id, custody=data.custody, note="recorded"))
    office.audit(session, "document_added", "document", document.id)
    return document.id
