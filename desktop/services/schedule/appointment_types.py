"""The records of appointments: what a form hands in (``AppointmentInput``), what the
lists and windows show (``AppointmentRecord`` with its attendees and notifications), the
clashes a booking meets and the plans of bulk scheduling. Plain frozen data, no queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from desktop.errors import InvalidInput
from desktop.services.office.clock import to_local
from desktop.services.vocabulary import APPOINTMENT_KIND_TITLES


# -- records ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AppointmentInput:
    case_id: str
    kind: str
    day: date
    start: time
    duration_minutes: int
    location_id: str
    attendee_ids: tuple[str, ...] = ()  # empty: every member of the household
    agency: str = ""
    interviewer: str = ""
    interpreter_language: str = ""
    note: str = ""


@dataclass(frozen=True)
class AttendeeRecord:
    person_id: str
    name: str
    native_name: str
    attended: bool | None


@dataclass(frozen=True)
class NotificationRecord:
    at: datetime
    method: str
    by: str
    note: str


@dataclass(frozen=True)
class AppointmentRecord:
    id: str
    case_id: str
    case_number: str
    principal_name: str
    family_language: str | None
    kind: str
    starts_at: datetime  # aware UTC
    ends_at: datetime
    location_id: str
    location_name: str
    status: str
    agency: str
    interviewer: str
    interpreter_language: str
    note: str
    outcome: str | None
    rescheduled_to_id: str | None
    rescheduled_from_id: str | None
    follow_up_done: bool
    status_reason: str
    attendees: tuple[AttendeeRecord, ...]
    notifications: tuple[NotificationRecord, ...]

    @property
    def kind_title(self) -> str:
        return APPOINTMENT_KIND_TITLES.get(self.kind, self.kind)

    @property
    def local_start(self) -> datetime:
        return to_local(self.starts_at)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def notified(self) -> bool:
        return bool(self.notifications)

    @property
    def meeting(self) -> str:
        """Who the family meets: "Embassy unit; interviewer J. Smith; interpreter: Dari"."""
        parts = [self.agency] if self.agency else []
        if self.interviewer:
            parts.append(f"interviewer {self.interviewer}")
        if self.interpreter_language:
            parts.append(f"interpreter: {self.interpreter_language}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Conflict:
    kind: str  # person, place, interviewer
    message: str


class ScheduleConflict(InvalidInput):
    """The time clashes with what is already booked; each conflict says what."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        lines = "\n".join(f"• {c.message}" for c in self.conflicts)
        super().__init__(f"This time clashes with what is already booked:\n{lines}")


@dataclass(frozen=True)
class Proposal:
    case_id: str
    case_number: str
    starts_at: datetime
    ends_at: datetime
    attendee_ids: tuple[str, ...]


@dataclass(frozen=True)
class BulkPlan:
    kind: str
    location_id: str
    proposals: tuple[Proposal, ...]
    unplaced: tuple[tuple[str, str], ...]  # (case number, why)
    agency: str = ""
    interviewer: str = ""
    interpreter_language: str = ""
