"""How appointments read: the columns of the agenda, the to-inform and no-show lists, a
bulk plan, a reschedule chain and a notification history; the facts the appointment
window shows; and the words and times they are made of.

Every time is shown in office time (Europe/Tirane), whatever the laptop's clock says;
what depends on "now" (today, tomorrow; the time left to tell a family) reads the office
clock it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from desktop.services.office.clock import OfficeClock, to_local
from desktop.services.schedule.appointment_types import (
    AppointmentRecord,
    NotificationRecord,
    Proposal,
)
from desktop.services.vocabulary import NOTIFY_METHOD_TITLES
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.tables import Column, words

STATUS_TITLES: dict[str, str] = {
    "scheduled": tr_noop("Scheduled"),
    "notified": tr_noop("Notified"),
    "attended": tr_noop("Attended"),
    "no_show": tr_noop("No-show"),
    "cancelled": tr_noop("Cancelled"),
    "rescheduled": tr_noop("Rescheduled"),
}
#: how a family was told, short enough for a column
NOTIFY_SHORT: dict[str, str] = {
    "printed_slip": tr_noop("Slip"),
    "phone_call": tr_noop("Phone"),
    "focal_point": tr_noop("Focal point"),
    "in_person": tr_noop("In person"),
}
#: the result of an interview, as a choice in the outcome dialog
OUTCOME_TITLES: dict[str, str] = {
    "recommended": tr_noop("Recommended"),
    "pending": tr_noop("Pending (the decision comes later)"),
    "refused": tr_noop("Refused"),
    "further_interview": tr_noop("Further interview needed"),
}
#: the result of an interview, as one word in a list
OUTCOME_WORDS: dict[str, str] = {
    "recommended": tr_noop("Recommended"),
    "pending": tr_noop("Pending"),
    "refused": tr_noop("Refused"),
    "further_interview": tr_noop("Further interview"),
}


# -- how values read ---------------------------------------------------------------------------


def time_of(instant: datetime) -> str:
    """09:30, in office time."""
    return f"{to_local(instant):%H:%M}"


def day_and_clock(instant: datetime) -> str:
    """Tue 31 Mar 09:30, in office time."""
    return f"{to_local(instant):%a %d %b %H:%M}"


def long_day(day: date, today: date) -> str:
    """Tuesday 31 March 2026, with (today), (tomorrow) or (yesterday) where it helps."""
    text = f"{day:%A} {day.day} {day:%B %Y}"
    near = {
        0: tr_noop("today"),
        1: tr_noop("tomorrow"),
        -1: tr_noop("yesterday"),
    }.get((day - today).days)
    return f"{text} ({tr(near)})" if near else text


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def length(minutes: int) -> str:
    """30 min, 1 h, 1 h 30 min."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return tr("{minutes} min").format(minutes=rest)
    if rest:
        return tr("{hours} h {minutes} min").format(hours=hours, minutes=rest)
    return tr("{hours} h").format(hours=hours)


def status_text(a: AppointmentRecord) -> str:
    if a.status == "no_show":
        if a.rescheduled_to_id:
            return tr("No-show, new date")
        if a.follow_up_done:
            return tr("No-show, closed")
    title = STATUS_TITLES.get(a.status)
    return tr(title) if title else words(a.status)


def kind_title(a: AppointmentRecord) -> str:
    """Immigration interview, Medical exam... (the service's title, translated)."""
    return tr(a.kind_title)


def outcome_title(outcome: str) -> str:
    """Recommended, Pending (the decision comes later)...: a choice, or a fact shown."""
    title = OUTCOME_TITLES.get(outcome)
    return tr(title) if title else words(outcome)


def outcome_word(outcome: str) -> str:
    word = OUTCOME_WORDS.get(outcome)
    return tr(word) if word else words(outcome)


def meeting(a: AppointmentRecord) -> str:
    """Who the family meets: Embassy unit; interviewer J. Smith; interpreter: Dari."""
    parts = [a.agency] if a.agency else []
    if a.interviewer:
        parts.append(tr("interviewer {name}").format(name=a.interviewer))
    if a.interpreter_language:
        parts.append(tr("interpreter: {language}").format(language=a.interpreter_language))
    return "; ".join(parts)


def told_text(a: AppointmentRecord) -> str:
    """No, or how and when the family was last told: Phone · 30 Mar 14:05."""
    if not a.notifications:
        return tr("No")
    last = a.notifications[-1]
    short = NOTIFY_SHORT.get(last.method)
    how = tr(short) if short else words(last.method)
    return f"{how} · {to_local(last.at):%d %b %H:%M}"


def told_tip(a: AppointmentRecord) -> str:
    if not a.notifications:
        return tr("The family has not been told yet.")
    return "\n".join(notification_line(n) for n in a.notifications)


def notify_method(method: str) -> str:
    """Phone call, Via community focal point... (the service's title, translated)."""
    title = NOTIFY_METHOD_TITLES.get(method)
    return tr(title) if title else words(method)


def notification_line(n: NotificationRecord) -> str:
    text = tr("{when}: {how} by {user}").format(
        when=day_and_clock(n.at), how=notify_method(n.method), user=n.by
    )
    return f"{text} ({n.note})" if n.note else text


def detail(a: AppointmentRecord) -> str:
    """What reception needs beside the time: agency, interviewer, interpreter, outcome, why."""
    said = meeting(a)
    parts = [said] if said else []
    if a.outcome:
        parts.append(tr("outcome: {outcome}").format(outcome=outcome_word(a.outcome).lower()))
    if a.status_reason and a.status in ("cancelled", "rescheduled", "no_show"):
        parts.append(a.status_reason)
    return "; ".join(parts)


def starts_in(a: AppointmentRecord, now: datetime) -> str:
    """in 3 h, in 1 day 4 h: how long the office has left to tell the family."""
    hours = max(0, int((a.starts_at - now).total_seconds() // 3600))
    if hours < 1:
        return tr("within the hour")
    days, rest = divmod(hours, 24)
    if not days:
        return tr("in {hours} h").format(hours=rest)
    if rest:
        text = tr("in {days} day {hours} h") if days == 1 else tr("in {days} days {hours} h")
        return text.format(days=days, hours=rest)
    return (tr("in {days} day") if days == 1 else tr("in {days} days")).format(days=days)


# -- one appointment, in its window ------------------------------------------------------------

#: the facts shown at the top, in order: key and title
FACTS = (
    ("when", tr_noop("When")),
    ("place", tr_noop("Place")),
    ("household", tr_noop("Household")),
    ("interview", tr_noop("Interview")),
    ("outcome", tr_noop("Outcome")),
    ("note", tr_noop("Note")),
    ("reason", tr_noop("Why")),
)


def facts_of(a: AppointmentRecord, today: date) -> dict[str, str]:
    """The text of each fact (empty: the row is hidden)."""
    local, ends = to_local(a.starts_at), to_local(a.ends_at)
    interview = a.kind == "interview"
    facts = {
        "when": f"{long_day(local.date(), today)}, {local:%H:%M}–{ends:%H:%M} "
        f"({length(a.duration_minutes)})",
        "place": a.location_name,
        "household": " · ".join(
            p for p in (a.case_number, a.principal_name, a.family_language or "") if p
        ),
        "interview": (meeting(a) or "—") if interview else "",
        "outcome": outcome_title(a.outcome) if a.outcome else "",
        "note": a.note,
        "reason": a.status_reason,
    }
    if interview and a.status == "attended" and not a.outcome:
        facts["outcome"] = tr("Not recorded yet")
    return facts


# -- columns -----------------------------------------------------------------------------------

_PEOPLE_TIP = tr_noop("How many members of the household must come")

_REST: list[Column[AppointmentRecord]] = [
    Column(tr_noop("Length"), lambda a: length(a.duration_minutes), sample="1 h 30 min"),
    Column(tr_noop("Case number"), lambda a: a.case_number, sample="SHG-2026-00000"),
    Column(
        tr_noop("Principal"), lambda a: a.principal_name, sample="Abdul Karim Ahmadzai", tip=True
    ),
    Column(
        tr_noop("People"),
        lambda a: str(len(a.attendees)),
        align_right=True,
        header_tip=_PEOPLE_TIP,
    ),
    Column(tr_noop("Kind"), kind_title, sample="Pre-embarkation check", tip=True),
    Column(tr_noop("Place"), lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
    Column(tr_noop("Status"), status_text, sample="No-show, new date"),
    Column(tr_noop("Family told"), told_text, sample="Focal point · 31 Mar 14:05"),
    Column(tr_noop("Detail"), detail, tip=True, sample="Embassy of Canada; interviewer J. Smith"),
]

DAY_COLUMNS: list[Column[AppointmentRecord]] = [
    Column(tr_noop("Time"), lambda a: time_of(a.starts_at), sample="00:00"),
    *_REST,
]
WEEK_COLUMNS: list[Column[AppointmentRecord]] = [
    Column(tr_noop("When"), lambda a: day_and_clock(a.starts_at), sample="Wed 30 Sep 00:00"),
    *_REST,
]


def inform_columns(clock: OfficeClock) -> list[Column[AppointmentRecord]]:
    """The to-inform list: soonest first, with the time left to tell the family (by
    ``clock``, read as the rows are shown)."""
    return [
        Column(tr_noop("When"), lambda a: day_and_clock(a.starts_at), sample="Wed 30 Sep 00:00"),
        Column(tr_noop("Starts"), lambda a: starts_in(a, clock.now()), sample="in 1 day 23 h"),
        Column(tr_noop("Case number"), lambda a: a.case_number, sample="SHG-2026-00000"),
        Column(
            tr_noop("Principal"),
            lambda a: a.principal_name,
            sample="Abdul Karim Ahmadzai",
            tip=True,
        ),
        Column(tr_noop("People"), lambda a: str(len(a.attendees)), align_right=True),
        Column(tr_noop("Language"), lambda a: a.family_language or "", sample="Pashto"),
        Column(tr_noop("Kind"), kind_title, sample="Pre-embarkation check", tip=True),
        Column(tr_noop("Place"), lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
    ]


NO_SHOW_COLUMNS: list[Column[AppointmentRecord]] = [
    Column(
        tr_noop("Missed"),
        lambda a: f"{to_local(a.starts_at):%a %d %b %Y %H:%M}",
        sample="Wed 30 Sep 2026 00:00",
    ),
    Column(tr_noop("Case number"), lambda a: a.case_number, sample="SHG-2026-00000"),
    Column(
        tr_noop("Principal"), lambda a: a.principal_name, sample="Abdul Karim Ahmadzai", tip=True
    ),
    Column(tr_noop("People"), lambda a: str(len(a.attendees)), align_right=True),
    Column(tr_noop("Kind"), kind_title, sample="Pre-embarkation check", tip=True),
    Column(tr_noop("Place"), lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
    Column(tr_noop("Family told"), told_text, sample="Focal point · 31 Mar 14:05"),
]

PROPOSAL_COLUMNS: list[Column[Proposal]] = [
    Column(
        tr_noop("Time"),
        lambda p: f"{time_of(p.starts_at)}–{time_of(p.ends_at)}",
        sample="00:00–00:00",
    ),
    Column(tr_noop("People"), lambda p: str(len(p.attendee_ids)), align_right=True),
    Column(tr_noop("Case number"), lambda p: p.case_number, sample="SHG-2026-00000"),
]

NOTIFICATION_COLUMNS: list[Column[NotificationRecord]] = [
    Column(tr_noop("When"), lambda n: day_and_clock(n.at), sample="Wed 30 Sep 00:00"),
    Column(tr_noop("How"), lambda n: notify_method(n.method)),
    Column(tr_noop("By"), lambda n: n.by, sample="registration"),
    Column(tr_noop("Note"), lambda n: n.note, tip=True),
]


def chain_columns(current: Callable[[], str]) -> list[Column[AppointmentRecord]]:
    """The dates a family was given, oldest first; ``current()`` (the one shown) marked."""
    return [
        Column("", lambda a: "▶" if a.id == current() else "", header_tip=tr_noop("The one shown")),
        Column(
            tr_noop("Date and time"),
            lambda a: f"{to_local(a.starts_at):%a %d %b %Y %H:%M}",
            sample="Wed 30 Sep 2026 00:00",
        ),
        Column(tr_noop("Place"), lambda a: a.location_name, sample="IOM clinic Shëngjin"),
        Column(tr_noop("Status"), status_text, sample="No-show, new date"),
        Column(tr_noop("Why it moved"), lambda a: a.status_reason, tip=True),
    ]
