"""The records of households: what forms hand in (cases, persons, documents), what the
household window shows (``CaseDetail`` with its members, documents and history), consent
and protection, an MRZ read, and the coded values they use. Plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

CUSTODY = ("family", "office_safe", "handed_at_airport", "returned")


CONSENT_PURPOSES = ("registration", "data_sharing_hq", "data_sharing_receiving_country", "medical")


PROTECTION_CATEGORIES = (
    "sgbv_risk",
    "unaccompanied_child",
    "separated_child",
    "single_female_head",
    "older_person_at_risk",
    "disability",
    "other",
)


PROTECTION_NEEDS = (
    "female_escort",
    "female_interpreter",
    "separate_seating",
    "accessible_transport",
    "other",
)


@dataclass(frozen=True)
class CaseInput:
    destination_country: str | None = None
    programme: str | None = None
    partner: str | None = None
    family_language: str | None = None
    accommodation: str | None = None
    contact_phone: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class PersonInput:
    relationship: str
    given_name: str
    sex: str
    date_of_birth: date | None
    dob_precision: str = "exact"
    family_name: str = ""
    father_name: str = ""
    grandfather_name: str = ""
    native_name: str = ""
    nationality: str = "AFG"
    languages: tuple[str, ...] = ()
    phone: str | None = None
    specific_needs: bool = False


@dataclass(frozen=True)
class DocumentInput:
    doc_type: str
    number: str
    issuing_country: str | None = None
    issue_date: date | None = None
    expiry_date: date | None = None
    machine_readable: bool = False
    mrz: str | None = None
    custody: str = "family"


@dataclass(frozen=True)
class StatusStep:
    status: str
    reason: str
    at: datetime
    by: str


@dataclass(frozen=True)
class CustodyStep:
    custody: str
    note: str
    at: datetime
    by: str


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    doc_type: str
    number: str
    issuing_country: str | None
    issue_date: date | None
    expiry_date: date | None
    machine_readable: bool
    custody: str
    custody_history: tuple[CustodyStep, ...]


@dataclass(frozen=True)
class MemberRecord:
    id: str
    relationship: str
    given_name: str
    family_name: str
    father_name: str
    grandfather_name: str
    native_name: str
    sex: str
    date_of_birth: date | None
    dob_precision: str
    nationality: str
    languages: tuple[str, ...]
    phone: str | None
    specific_needs: bool
    documents: tuple[DocumentRecord, ...]


@dataclass(frozen=True)
class CaseDetail:
    id: str
    case_number: str
    status: str
    destination_country: str | None
    programme: str | None
    partner: str | None
    family_language: str | None
    accommodation: str | None
    contact_phone: str | None
    notes: str
    members: tuple[MemberRecord, ...]
    history: tuple[StatusStep, ...]


@dataclass(frozen=True)
class ConsentRecord:
    id: str
    purpose: str
    given_on: date
    taken_by: str
    note: str


@dataclass(frozen=True)
class ProtectionRecord:
    person_id: str
    categories: tuple[str, ...]
    needs: tuple[str, ...]
    consent_to_share: bool
    notes: str


@dataclass(frozen=True)
class MrzFill:
    """What a scanned MRZ fills in: the document and the person's identity fields."""

    document: DocumentInput
    given_name: str
    family_name: str
    sex: str
    date_of_birth: date | None
    dob_precision: str
    nationality: str


@dataclass
class Problems:
    """Field -> message, for validation as the clerk types."""

    by_field: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, message)
