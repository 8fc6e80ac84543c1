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
