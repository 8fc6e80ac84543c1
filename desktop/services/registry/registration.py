"""Registering households: cases, their members, documents, custody, consent, protection.

Every change is one unit of work with an audit event (ids only) and refreshes
the search index of the people it touched. Protection details are restricted
to the protection role; everyone else sees only the yes/no specific-needs flag.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from desktop.errors import InvalidInput
from desktop.services.journey.transitions import JourneyService
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.case_detail import read_case_detail
from desktop.services.registry.consent_protection import ConsentAndProtection
from desktop.services.registry.duplicates import Candidate, candidates_around
from desktop.services.registry.household_rows import (
    COUNTRY,
    case_fields,
    check_case,
    check_principal,
    clean,
    new_document,
    person_fields,
)
from desktop.services.registry.household_types import (
    CUSTODY,
    CaseDetail,
    CaseInput,
    ConsentRecord,
    DocumentInput,
    MrzFill,
    PersonInput,
    Problems,
    ProtectionRecord,
)
from desktop.services.registry.lookups import active_case, active_person
from desktop.services.registry.mrz import parse_mrz
from desktop.services.registry.mrz_checks import MrzError
from desktop.services.registry.mrz_formats import MrzData
from desktop.services.registry.search import index_persons
from desktop.services.vocabulary import (
    DOB_PRECISIONS,
    DOCUMENT_TYPES,
    LANGUAGES,
    RELATIONSHIPS,
    SEXES,
)
from desktop.store.models import Case, CustodyEvent, Document, Person, ProtectionDetail
from desktop.store.tracking import next_counter


def validate_person(data: PersonInput, *, today: date) -> dict[str, str]:
    """Problems per field; empty when the person can be saved. Pure: ``today`` is the
    office's date (``RegistrationService.person_problems`` passes the office clock's)."""
    problems = Problems()
    if data.relationship not in RELATIONSHIPS:
        problems.add("relationship", "Choose the relationship to the principal applicant.")
    if not clean(data.given_name):
        problems.add("given_name", "The given name is required (as on the document).")
    if data.sex not in SEXES:
        problems.add("sex", "Choose the sex: M, F or X.")
    if data.dob_precision not in DOB_PRECISIONS:
        problems.add("dob_precision", "Choose how precise the date of birth is.")
    if data.date_of_birth is None:
        problems.add("date_of_birth", "Enter the date of birth, or the year with 'year only'.")
    elif data.date_of_birth > today:
        problems.add("date_of_birth", "The date of birth is in the future.")
    elif data.date_of_birth.year < today.year - 120:
        problems.add("date_of_birth", "The date of birth is more than 120 years ago.")
    if not COUNTRY.match(data.nationality or ""):
        problems.add("nationality", "Nationality is a 3-letter code such as AFG (XXA: stateless).")
    bad = [lang for lang in data.languages if lang not in LANGUAGES]
    if bad:
        problems.add("languages", "Languages are Dari, Pashto or Other.")
    if data.phone and len(re.sub(r"\D", "", data.phone)) < 6:
        problems.add("phone", "The phone number is too short.")
    return problems.by_field


def validate_document(data: DocumentInput) -> dict[str, str]:
    problems = Problems()
    if data.doc_type not in DOCUMENT_TYPES:
        problems.add("doc_type", "Choose the type of document.")
    if not re.sub(r"\W", "", data.number or ""):
        problems.add("number", "The document number is required.")
    if data.issuing_country and not COUNTRY.match(data.issuing_country):
        problems.add("issuing_country", "The issuing country is a 3-letter code such as AFG.")
    if data.issue_date and data.expiry_date and data.expiry_date <= data.issue_date:
        problems.add("expiry_date", "The expiry date must be after the issue date.")
    if data.custody not in CUSTODY:
        problems.add("custody", "Choose where the document is kept.")
    return problems.by_field


def fill_from_mrz(text: str, *, today: date) -> MrzFill:
    """Parse a passport or ID-card MRZ; MrzError (an InvalidInput) names the wrong field."""
    try:
        data: MrzData = parse_mrz(text, today=today)
    except MrzError as exc:
        raise InvalidInput(str(exc)) from None
    doc_type = "passport" if data.kind == "TD3" else "other"
    document = DocumentInput(
        doc_type=doc_type,
        number=data.document_number,
        issuing_country=data.issuing_state if len(data.issuing_state) == 3 else None,
        expiry_date=data.expiry_date,
        machine_readable=True,
        mrz="\n".join(data.lines),
    )
    return MrzFill(
        document=document,
        given_name=data.given_names.title(),
        family_name=data.family_name.title(),
        sex=data.sex,
        date_of_birth=data.date_of_birth,
        dob_precision=data.dob_precision if data.dob_precision in DOB_PRECISIONS else "estimated",
        nationality=data.nationality,
    )


class RegistrationService:
    def __init__(self, office: UnlockedOffice) -> None:
        # consent_protection returns records defined in this module, so it imports this
        # module; it is imported here, once this module is loaded, not at the top

        self._office = office
        self._restricted: ConsentAndProtection = ConsentAndProtection(office)

    # -- cases ---------------------------------------------------------------------
    def create_case(self, data: CaseInput) -> str:
        self._office.require(Perm.REGISTRY_WRITE, "register households")
        check_case(data)
        with self._office.unit_of_work() as session:
            year = self._office.clock.today().year
            number = next_counter(session, f"case_number:{year}")
            case = Case(
                case_number=f"{self._office.info.code}-{year}-{number:05d}",
                **case_fields(data),
            )
            session.add(case)
            session.flush()
            JourneyService(self._office).open(session, case)
            self._office.audit(session, "case_created", "case", case.id)
            return case.id

    def update_case(self, case_id: str, data: CaseInput) -> None:
        self._office.require(Perm.REGISTRY_WRITE, "change households")
        check_case(data)
        with self._office.unit_of_work() as session:
            case = self._case(session, case_id)
            for name, value in case_fields(data).items():
                setattr(case, name, value)
            session.flush()
            # the household phone is searchable through its members
            members = session.scalars(select(Person.id).where(Person.case_id == case.id)).all()
            index_persons(session, list(members))
            self._office.audit(session, "case_updated", "case", case.id)

    # -- persons -------------------------------------------------------------------
    def add_person(
        self, case_id: str, data: PersonInput, document: DocumentInput | None = None
    ) -> str:
        """A new member, with a first document (e.g. scanned from the MRZ) in the same step."""
        self._office.require(Perm.REGISTRY_WRITE, "register people")
        self._raise(self.person_problems(data))
        if document is not None:
            self._raise(validate_document(document))
        with self._office.unit_of_work() as session:
            case = self._case(session, case_id)
            check_principal(session, case.id, data.relationship, None)
            person = Person(case_id=case.id, **person_fields(data))
            session.add(person)
            session.flush()
            if document is not None:
                new_document(self._office, session, person.id, document)
            index_persons(session, [person.id])
            self._office.audit(session, "person_added", "person", person.id, {"case": case.id})
            return person.id

    def update_person(self, person_id: str, data: PersonInput) -> None:
        self._office.require(Perm.REGISTRY_WRITE, "change people")
        self._raise(self.person_problems(data))
        with self._office.unit_of_work() as session:
            person = self._person(session, person_id)
            check_principal(session, person.case_id, data.relationship, person.id)
            for name, value in person_fields(data).items():
                setattr(person, name, value)
            protected = session.scalars(
                select(ProtectionDetail.id).where(ProtectionDetail.person_id == person.id)
            ).first()
            if protected is not None:
                # the flag stays while protection details exist (only that role may clear it)
                person.specific_needs = True
            session.flush()
            index_persons(session, [person.id])
            self._office.audit(session, "person_updated", "person", person.id)

    # -- documents -----------------------------------------------------------------
    def add_document(self, person_id: str, data: DocumentInput) -> str:
        self._office.require(Perm.REGISTRY_WRITE, "record documents")
        self._raise(validate_document(data))
        with self._office.unit_of_work() as session:
            person = self._person(session, person_id)
            document_id = new_document(self._office, session, person.id, data)
            index_persons(session, [person.id])
            return document_id

    def move_custody(self, document_id: str, custody: str, note: str = "") -> None:
        self._office.require(Perm.REGISTRY_WRITE, "record where documents are")
        if custody not in CUSTODY:
            raise InvalidInput("Choose where the document is now kept.")
        with self._office.unit_of_work() as session:
            document = session.get(Document, document_id)
            if document is None:
                raise InvalidInput("That document no longer exists.")
            if document.custody == custody:
                raise InvalidInput("The document is already recorded there.")
            document.custody = custody
            session.add(CustodyEvent(document_id=document.id, custody=custody, note=clean(note)))
            self._office.audit(
                session, "document_custody", "document", document.id, {"custody": custody}
            )

    # -- consent and protection -----------------------------------------------------
    def record_consent(self, person_id: str, purpose: str, given_on: date, note: str = "") -> str:
        return self._restricted.record_consent(person_id, purpose, given_on, note)

    def set_protection(
        self,
        person_id: str,
        categories: tuple[str, ...],
        needs: tuple[str, ...],
        consent_to_share: bool,
        notes: str = "",
    ) -> None:
        self._restricted.set_protection(person_id, categories, needs, consent_to_share, notes)

    def protection(self, person_id: str) -> ProtectionRecord | None:
        return self._restricted.protection(person_id)

    def consents(self, person_id: str) -> list[ConsentRecord]:
        return self._restricted.consents(person_id)

    def person_problems(self, data: PersonInput) -> dict[str, str]:
        """What stops ``data`` from being saved, by field, judged on the office's date."""
        return validate_person(data, today=self._office.clock.today())

    @property
    def may_edit(self) -> bool:
        """Whether the signed-in user may register and change households."""
        return self._office.actor.can(Perm.REGISTRY_WRITE)

    @property
    def may_see_protection(self) -> bool:
        """Whether protection details may be shown (the service still checks every call)."""
        return self._office.actor.can(Perm.PROTECTION_READ)

    @property
    def may_edit_protection(self) -> bool:
        return self._office.actor.can(Perm.PROTECTION_WRITE)

    def possible_duplicates(self, person_id: str) -> list[Candidate]:
        """People who may be this person registered before (shown right after a save)."""
        self._office.require(Perm.REGISTRY_READ, "check for duplicates")
        with self._office.reading() as session:
            return candidates_around(session, person_id)

    # -- reading a case ---------------------------------------------------------------
    def case_detail(self, case_id: str) -> CaseDetail:
        self._office.require(Perm.REGISTRY_READ, "open households")
        # case_detail builds the records defined in this module, so it imports this
        # module: it is imported on first use, not at the top

        with self._office.reading() as session:
            return read_case_detail(session, self._case(session, case_id))

    # -- helpers --------------------------------------------------------------------
    @staticmethod
    def _raise(problems: dict[str, str]) -> None:
        if problems:
            first = next(iter(problems.values()))
            more = f" ({len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise InvalidInput(first + more)

    _case = staticmethod(active_case)
    _person = staticmethod(active_person)
