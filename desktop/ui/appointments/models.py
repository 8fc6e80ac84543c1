"""How appointments read in lists: the columns of the agenda, the to-inform and
no-show lists, a bulk plan, a reschedule chain and a notification history.

Every time is shown in office time (Europe/Tirane), whatever the laptop's clock says.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from desktop.services.office.clock import office_today, to_local
from desktop.services.schedule.appointments import AppointmentRecord, NotificationRecord, Proposal
from desktop.services.vocabulary import NOTIFY_METHOD_TITLES
from desktop.ui.kit.tables import Column, RecordListModel, words

STATUS_TITLES: dict[str, str] = {
    "scheduled": "Scheduled",
    "notified": "Notified",
    "attended": "Attended",
    "no_show": "No-show",
    "cancelled": "Cancelled",
    "rescheduled": "Rescheduled",
}
#: how a family was told, short enough for a column
NOTIFY_SHORT: dict[str, str] = {
    "printed_slip": "Slip",
    "phone_call": "Phone",
    "focal_point": "Focal point",
    "in_person": "In person",
}


# -- how values read ---------------------------------------------------------------------------


def clock(instant: datetime) -> str:
    """09:30, in office time."""
    return f"{to_local(instant):%H:%M}"


def day_and_clock(instant: datetime) -> str:
    """Tue 31 Mar 09:30, in office time."""
    return f"{to_local(instant):%a %d %b %H:%M}"


def long_day(day: date) -> str:
    """Tuesday 31 March 2026, with (today), (tomorrow) or (yesterday) where it helps."""
    text = f"{day:%A} {day.day} {day:%B %Y}"
    offset = (day - office_today()).days
    near = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(offset)
    return f"{text} ({near})" if near else text


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def length(minutes: int) -> str:
    """30 min, 1 h, 1 h 30 min."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def status_text(a: AppointmentRecord) -> str:
    text = STATUS_TITLES.get(a.status, words(a.status))
    if a.status == "no_show":
        if a.rescheduled_to_id:
            return "No-show, new date"
        if a.follow_up_done:
            return "No-show, closed"
    return text


def told_text(a: AppointmentRecord) -> str:
    """No, or how and when the family was last told: Phone · 30 Mar 14:05."""
    if not a.notifications:
        return "No"
    last = a.notifications[-1]
    return f"{NOTIFY_SHORT.get(last.method, words(last.method))} · {to_local(last.at):%d %b %H:%M}"


def told_tip(a: AppointmentRecord) -> str:
    if not a.notifications:
        return "The family has not been told yet."
    return "\n".join(notification_line(n) for n in a.notifications)


def notification_line(n: NotificationRecord) -> str:
    how = NOTIFY_METHOD_TITLES.get(n.method, words(n.method))
    note = f" ({n.note})" if n.note else ""
    return f"{day_and_clock(n.at)}: {how} by {n.by}{note}"


def detail(a: AppointmentRecord) -> str:
    """What reception needs beside the time: agency, interviewer, interpreter, outcome, why."""
    parts = [a.meeting] if a.meeting else []
    if a.outcome:
        parts.append(f"outcome: {words(a.outcome).lower()}")
    if a.status_reason and a.status in ("cancelled", "rescheduled", "no_show"):
        parts.append(a.status_reason)
    return "; ".join(parts)


def starts_in(a: AppointmentRecord, now: datetime) -> str:
    """in 3 h, in 1 day 4 h: how long the office has left to tell the family."""
    hours = max(0, int((a.starts_at - now).total_seconds() // 3600))
    if hours < 1:
        return "within the hour"
    days, rest = divmod(hours, 24)
    if not days:
        return f"in {rest} h"
    return f"in {days} day{'s' if days > 1 else ''} {rest} h" if rest else f"in {days} days"


# -- columns -----------------------------------------------------------------------------------

_PEOPLE_TIP = "How many members of the household must come"

_REST: list[Column[AppointmentRecord]] = [
    Column("Length", lambda a: length(a.duration_minutes), sample="1 h 30 min"),
    Column("Case number", lambda a: a.case_number, sample="SHG-2026-00000"),
    Column("Principal", lambda a: a.principal_name, sample="Abdul Karim Ahmadzai", tip=True),
    Column("People", lambda a: str(len(a.attendees)), align_right=True, header_tip=_PEOPLE_TIP),
    Column("Kind", lambda a: a.kind_title, sample="Pre-embarkation check", tip=True),
    Column("Place", lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
    Column("Status", status_text, sample="No-show, new date"),
    Column("Family told", told_text, sample="Focal point · 31 Mar 14:05"),
    Column("Detail", detail, tip=True, sample="Embassy of Canada; interviewer J. Smith"),
]

DAY_COLUMNS: list[Column[AppointmentRecord]] = [
    Column("Time", lambda a: clock(a.starts_at), sample="00:00"),
    *_REST,
]
WEEK_COLUMNS: list[Column[AppointmentRecord]] = [
    Column("When", lambda a: day_and_clock(a.starts_at), sample="Wed 30 Sep 00:00"),
    *_REST,
]


#: the to-inform list: soonest first, with the time left to tell the family
INFORM_COLUMNS: list[Column[AppointmentRecord]] = [
    Column("When", lambda a: day_and_clock(a.starts_at), sample="Wed 30 Sep 00:00"),
    Column("Starts", lambda a: starts_in(a, datetime.now(UTC)), sample="in 1 day 23 h"),
    Column("Case number", lambda a: a.case_number, sample="SHG-2026-00000"),
    Column("Principal", lambda a: a.principal_name, sample="Abdul Karim Ahmadzai", tip=True),
    Column("People", lambda a: str(len(a.attendees)), align_right=True),
    Column("Language", lambda a: a.family_language or "", sample="Pashto"),
    Column("Kind", lambda a: a.kind_title, sample="Pre-embarkation check", tip=True),
    Column("Place", lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
]

NO_SHOW_COLUMNS: list[Column[AppointmentRecord]] = [
    Column(
        "Missed",
        lambda a: f"{to_local(a.starts_at):%a %d %b %Y %H:%M}",
        sample="Wed 30 Sep 2026 00:00",
    ),
    Column("Case number", lambda a: a.case_number, sample="SHG-2026-00000"),
    Column("Principal", lambda a: a.principal_name, sample="Abdul Karim Ahmadzai", tip=True),
    Column("People", lambda a: str(len(a.attendees)), align_right=True),
    Column("Kind", lambda a: a.kind_title, sample="Pre-embarkation check", tip=True),
    Column("Place", lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
    Column("Family told", told_text, sample="Focal point · 31 Mar 14:05"),
]

PROPOSAL_COLUMNS: list[Column[Proposal]] = [
    Column("Time", lambda p: f"{clock(p.starts_at)}–{clock(p.ends_at)}", sample="00:00–00:00"),
    Column("People", lambda p: str(len(p.attendee_ids)), align_right=True),
    Column("Case number", lambda p: p.case_number, sample="SHG-2026-00000"),
]

NOTIFICATION_COLUMNS: list[Column[NotificationRecord]] = [
    Column("When", lambda n: day_and_clock(n.at), sample="Wed 30 Sep 00:00"),
    Column("How", lambda n: NOTIFY_METHOD_TITLES.get(n.method, words(n.method))),
    Column("By", lambda n: n.by, sample="registration"),
    Column("Note", lambda n: n.note, tip=True),
]


def chain_columns(current: Callable[[], str]) -> list[Column[AppointmentRecord]]:
    """The dates a family was given, oldest first; ``current()`` (the one shown) marked."""
    return [
        Column("", lambda a: "▶" if a.id == current() else "", header_tip="The one shown"),
        Column(
            "Date and time",
            lambda a: f"{to_local(a.starts_at):%a %d %b %Y %H:%M}",
            sample="Wed 30 Sep 2026 00:00",
        ),
        Column("Place", lambda a: a.location_name, sample="IOM clinic Shëngjin"),
        Column("Status", status_text, sample="No-show, new date"),
        Column("Why it moved", lambda a: a.status_reason, tip=True),
    ]


def appointments_model(
    columns: list[Column[AppointmentRecord]],
) -> RecordListModel[AppointmentRecord]:
    return RecordListModel(columns)
