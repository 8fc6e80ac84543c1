"""Plain records the printed documents are made from.

Services build these from the database; documents turn them into PDF bytes. Nothing here
knows about the database, Qt or permissions: what a record holds is what may be printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# Languages a slip can be printed in beside English (codes of the translation files in
# resources/slips/). A family whose language is neither gets English only.
SLIP_LANGUAGES = ("dari", "pashto")


@dataclass(frozen=True)
class Place:
    name: str  # "IOM office Shëngjin"
    address: str  # street and town, as a taxi driver would read it
    map_line: str = ""  # one line of directions: "Opposite the harbour, blue gate, 1st floor"


@dataclass(frozen=True)
class Attendee:
    name: str  # Latin script, as on documents
    native_name: str = ""  # Dari/Pashto script, may be empty


@dataclass(frozen=True)
class Slip:
    """One appointment slip for one family."""

    case_number: str  # "SHG-2026-00042": printed and encoded as a barcode
    language: str | None  # "dari", "pashto" or None for English only
    kind: str  # appointment kind code: interview, medical_exam, lab_xray, pec, counselling,
    #            document_collection, orientation, other
    starts_at: datetime  # aware, in the office time zone (Europe/Tirane)
    duration_minutes: int
    place: Place
    attendees: tuple[Attendee, ...]  # who must come
    bring: tuple[str, ...]  # codes of what to bring (keys of "bring" in the translation files)
    office_name: str
    office_phone: str = ""
    detail: str = ""  # Latin free text printed in English only, e.g. "Interpreter: Dari"


@dataclass(frozen=True)
class AgendaRow:
    starts_at: datetime  # aware, office time zone
    duration_minutes: int
    case_number: str
    principal_name: str  # Latin
    attendee_count: int
    kind: str  # appointment kind code
    status: str  # scheduled, notified, attended, no_show, cancelled, rescheduled
    detail: str = ""  # interviewer, interpreter language, room...
    place_name: str = ""  # printed when the agenda covers every place


@dataclass(frozen=True)
class Agenda:
    """The day's list for one place (reception, clinic), with a signature column."""

    day: date
    place: Place | None  # None: every place, grouped by row order
    rows: tuple[AgendaRow, ...]
    office_name: str
    printed_at: datetime  # aware, office time zone
    printed_by: str  # user name


# -- medical papers --------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificate:
    """One person's fitness-to-travel certificate: exactly what is printed, nothing else.

    There is no field for a diagnosis, the examiner's notes, a pregnancy or an oxygen
    flow: what a record does not hold cannot reach the paper.
    """

    office_name: str
    case_number: str  # printed and encoded as a barcode
    language: str | None  # "dari", "pashto" or None: the family's lines in English
    name: str  # Latin script, as on documents
    native_name: str  # Dari/Pashto script, may be empty
    sex: str  # "M", "F" or "X"
    date_of_birth: date | None
    dob_precision: str  # exact, month, year, estimated
    nationality: str  # ISO 3166 alpha-3, XXA/XXB/XXC included
    document: str  # travel document in words, "Passport"; "" without one
    document_number: str
    state: str  # fitness summary: cleared, cleared_assistance, not_cleared, pending, expired
    category: str  # the examiner's outcome in words, "Fit with medical escort"; "" if none
    ssr_codes: tuple[str, ...]  # WCHR, OXYG, MEDA...: only with a current clearance
    escort: str | None  # None, "non_medical", "nurse", "doctor" ("medical": type not known)
    examined_at: datetime | None  # aware, office time zone; None: never examined
    examination: str  # kind of examination in words, "Pre-embarkation check (PEC)"
    valid_until: datetime | None  # aware, office time zone; None: no clearance
    examiner: str
    clinic: str
    printed_on: date  # office day


@dataclass(frozen=True)
class EnclosedDocument:
    """One medical document in a sealed envelope: whose and what, never what it says."""

    person_name: str  # Latin script
    kind: str  # in words, "Health assessment"
    dated: date  # office day of the examination


@dataclass(frozen=True)
class Envelope:
    """The cover sheet of a sealed MEDICAL-IN-CONFIDENCE envelope for one household."""

    office_name: str
    case_number: str  # printed and encoded as a barcode
    language: str | None  # "dari", "pashto" or None: the family's line in English
    persons: int  # how many members the enclosed documents are about
    documents: tuple[EnclosedDocument, ...]
    prepared_by: str  # the medical officer's name
    prepared_on: date  # office day
