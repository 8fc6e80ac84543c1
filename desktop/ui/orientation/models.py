"""How orientation sessions read: their times in office time (Europe/Tirane), their
state on the office clock, and the columns of the lists of sessions, of the people
enrolled and of the households to enrol. The household window's schedule panel reads
sessions the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from desktop.services.journey.statuses import status_title
from desktop.services.office.clock import to_local
from desktop.services.registry.lists import CaseSummary
from desktop.services.schedule.orientation import EnrolmentRecord, SessionRecord
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.tables import Column


def session_when(s: SessionRecord) -> str:
    """Tue 14 Apr 2026  09:00–11:00 (office time; the end day too when it differs)."""
    start, end = to_local(s.starts_at), to_local(s.ends_at)
    if start.date() == end.date():
        return f"{start:%a %d %b %Y}  {start:%H:%M}–{end:%H:%M}"
    return f"{start:%a %d %b %Y %H:%M} – {end:%a %d %b %H:%M}"


def session_long_when(s: SessionRecord) -> str:
    """Tuesday 14 April 2026, 09:00–11:00."""
    start, end = to_local(s.starts_at), to_local(s.ends_at)
    if start.date() == end.date():
        return f"{start:%A %d %B %Y}, {start:%H:%M}–{end:%H:%M}"
    return tr("{start} to {end}").format(
        start=f"{start:%A %d %B %Y %H:%M}", end=f"{end:%A %d %B %Y %H:%M}"
    )


def session_state(s: SessionRecord, now: datetime) -> str:
    if s.cancelled:
        return tr("Cancelled")
    if s.ends_at <= now:
        return tr("Held")
    if s.starts_at <= now:
        return tr("Under way")
    return tr("Full") if s.free_seats == 0 else tr("Planned")


def seats_text(s: SessionRecord) -> str:
    return tr("{enrolled} of {seats}").format(enrolled=s.enrolled, seats=s.capacity)


def attended_text(s: SessionRecord, now: datetime) -> str:
    """How many came; a dash before the session starts (nothing to count yet)."""
    if s.cancelled or s.starts_at > now:
        return "—"
    return tr("{came} of {enrolled}").format(came=s.attended, enrolled=s.enrolled)


def attendance_word(attended: bool | None) -> str:
    if attended is None:
        return tr("Not recorded")
    return tr("Came") if attended else tr("Did not come")


def age_text(age: int | None) -> str:
    return tr("unknown") if age is None else str(age)


def language_title(language: str | None) -> str:
    """A language of the office's list (Dari, Pashto, English) in the interface's words."""
    return tr(language) if language else ""


def session_columns(now: Callable[[], datetime]) -> list[Column[SessionRecord]]:
    """The list of sessions; ``now`` (the office clock) decides what is held or under way."""
    return [
        Column(tr_noop("Date and time"), session_when, sample="Wed 30 Sep 2026  00:00–00:00"),
        Column(tr_noop("Language"), lambda s: language_title(s.language), sample="Pashto"),
        Column(
            tr_noop("Place"),
            lambda s: s.location_name,
            sample="IOM office, training hall",
            tip=True,
        ),
        Column(tr_noop("Facilitator"), lambda s: s.facilitator, sample="Habiba Rahimi", tip=True),
        Column(
            tr_noop("Enrolled"),
            seats_text,
            sample="200 of 200",
            header_tip=tr_noop("People enrolled, of the seats in the session"),
        ),
        Column(
            tr_noop("Attended"),
            lambda s: attended_text(s, now()),
            sample="200 of 200",
            header_tip=tr_noop("People who came, of those enrolled"),
        ),
        Column(tr_noop("Status"), lambda s: session_state(s, now()), sample="Under way"),
    ]


ENROLMENT_COLUMNS: list[Column[EnrolmentRecord]] = [
    Column(tr_noop("Case number"), lambda e: e.case_number, sample="SHG-2026-00000"),
    Column(tr_noop("Name"), lambda e: e.name, sample="Abdul Karim Ahmadzai", tip=True),
    Column(
        tr_noop("Name (native script)"),
        lambda e: e.native_name,
        rtl=True,
        sample="عبدالکریم احمدزی",
        tip=True,
    ),
    Column(
        tr_noop("Age"),
        lambda e: age_text(e.age),
        align_right=True,
        sample="unknown",
        header_tip=tr_noop("Age on the day of the session"),
    ),
    Column(tr_noop("Attended"), lambda e: attendance_word(e.attended), sample="Did not come"),
]

CASE_PICK_COLUMNS: list[Column[CaseSummary]] = [
    Column(tr_noop("Case number"), lambda c: c.case_number, sample="SHG-2026-00000"),
    Column(tr_noop("Members"), lambda c: str(c.members), align_right=True),
    Column(tr_noop("Language"), lambda c: language_title(c.family_language), sample="Pashto"),
    Column(tr_noop("Status"), lambda c: tr(status_title(c.status)), sample="Medical in progress"),
    Column(tr_noop("Destination"), lambda c: c.destination_country or ""),
]
