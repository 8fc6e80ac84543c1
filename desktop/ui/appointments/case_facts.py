"""What the household window's schedule panel shows, read in one go, and how it reads:
the household's appointments (upcoming first), the orientation sessions its members
are enrolled in, and what stops it from travelling.

What is upcoming and what is past is decided by the office clock the panel is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.services.journey.readiness import ReadinessReport, ReadinessService
from desktop.services.office.clock import OfficeClock, to_local
from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.orientation import (
    CaseOrientation,
    EnrolmentRecord,
    OrientationService,
    SessionRecord,
)
from desktop.ui.appointments.models import kind_title, status_text, told_text
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.tables import Column
from desktop.ui.orientation.models import attendance_word, session_when


@dataclass(frozen=True)
class ScheduleFacts:
    appointments: tuple[AppointmentRecord, ...]  # upcoming soonest first, then past latest first
    upcoming: int
    orientation: tuple[CaseOrientation, ...]
    readiness: ReadinessReport
    rule_titles: tuple[str, ...]  # of the rules checked, in their order


@dataclass(frozen=True)
class OrientationRow:
    """One member in one session (the household's view of orientation)."""

    session: SessionRecord
    member: EnrolmentRecord


def load_schedule(
    appointments: AppointmentService,
    orientation: OrientationService,
    readiness: ReadinessService,
    case_id: str,
    now: datetime,
) -> ScheduleFacts:
    """Everything the panel shows, read in one go (runs in the background)."""
    found = appointments.for_case(case_id)  # latest first
    ahead = sorted((a for a in found if a.starts_at >= now), key=lambda a: a.starts_at)
    before = [a for a in found if a.starts_at < now]
    sessions = orientation.sessions_for_case(case_id)
    report = readiness.blockers(case_id, now=now)
    titles = {rule.code: rule.title for rule in readiness.rules}
    return ScheduleFacts(
        appointments=(*ahead, *before),
        upcoming=len(ahead),
        orientation=tuple(sorted(sessions, key=lambda o: o.session.starts_at, reverse=True)),
        readiness=report,
        rule_titles=tuple(titles.get(code, code) for code in report.rules_checked),
    )


# -- how it reads --------------------------------------------------------------------------------


def appointment_when(a: AppointmentRecord) -> str:
    """Tue 14 Apr 2026 09:30, in office time."""
    return f"{to_local(a.starts_at):%a %d %b %Y %H:%M}"


def who_came(a: AppointmentRecord) -> str:
    """3 of 4 came, once attendance is recorded; otherwise who is invited."""
    invited = len(a.attendees)
    if any(p.attended is not None for p in a.attendees):
        came = sum(1 for p in a.attendees if p.attended)
        return tr("{came} of {invited} came").format(came=came, invited=invited)
    return plural(invited, tr_noop("{n} person invited"), tr_noop("{n} people invited"))


def who_came_tip(a: AppointmentRecord) -> str:
    return "\n".join(
        f"{p.name}: {attendance_word(p.attended).lower()}"
        if p.attended is not None
        else tr("{name}: invited").format(name=p.name)
        for p in a.attendees
    )


APPOINTMENT_COLUMNS: list[Column[AppointmentRecord]] = [
    Column(tr_noop("When"), appointment_when, sample="Wed 30 Sep 2026 00:00"),
    Column(tr_noop("Kind"), kind_title, sample="Immigration interview", tip=True),
    Column(tr_noop("Place"), lambda a: a.location_name, sample="IOM clinic Shëngjin", tip=True),
    Column(tr_noop("Status"), status_text, sample="Rescheduled", tip=True),
    Column(tr_noop("Family told"), told_text, sample="Phone · Tue 31 Mar 14:05", tip=True),
    Column(tr_noop("Who came"), who_came, sample="10 people invited"),
]


def orientation_attendance(row: OrientationRow, now: datetime) -> str:
    if row.session.cancelled:
        return tr("Session cancelled")
    if row.member.attended is None and row.session.starts_at > now:
        return tr("Session ahead")
    return attendance_word(row.member.attended)


def orientation_columns(clock: OfficeClock) -> list[Column[OrientationRow]]:
    """The members' sessions; whether a session is still ahead is read from ``clock``."""
    return [
        Column(tr_noop("Member"), lambda r: r.member.name, sample="Abdul Karim Ahmadzai", tip=True),
        Column(
            tr_noop("Name (native script)"),
            lambda r: r.member.native_name,
            rtl=True,
            sample="عبدالکریم احمدزی",
            tip=True,
        ),
        Column(
            tr_noop("Attended"),
            lambda r: orientation_attendance(r, clock.now()),
            sample="Session cancelled",
        ),
        Column(
            tr_noop("Session"),
            lambda r: session_when(r.session),
            sample="Wed 30 Sep 2026  00:00–00:00",
        ),
        Column(tr_noop("Language"), lambda r: r.session.language, sample="Pashto"),
        Column(
            tr_noop("Place"),
            lambda r: r.session.location_name,
            sample="IOM training hall",
            tip=True,
        ),
    ]


def blockers_headline(report: ReadinessReport) -> str:
    if report.ready:
        return tr("Ready to travel")
    return plural(len(report.blockers), tr_noop("{n} blocker"), tr_noop("{n} blockers"))


def appointments_summary(facts: ScheduleFacts) -> str:
    """Next: Tue 14 Apr 2026 09:30, Medical exam at IOM clinic · 1 upcoming · 2 past"""
    rows = facts.appointments
    if not rows:
        return tr("No appointments yet.")
    parts = [
        tr("{count} upcoming").format(count=facts.upcoming),
        tr("{count} past").format(count=len(rows) - facts.upcoming),
    ]
    untold = sum(1 for a in rows[: facts.upcoming] if a.status == "scheduled" and not a.notified)
    if untold:
        parts.append(tr("{count} not told yet").format(count=untold))
    if facts.upcoming:
        first = rows[0]
        parts.insert(
            0,
            tr("Next: {when}, {kind} at {place}").format(
                when=appointment_when(first), kind=kind_title(first), place=first.location_name
            ),
        )
    return "   ·   ".join(parts)


def orientation_summary(rows: list[OrientationRow], can_schedule: bool) -> tuple[str, int]:
    """What the orientation tab says of the household, and how many members came."""
    counted = [r for r in rows if not r.session.cancelled]
    came = {r.member.person_id for r in counted if r.member.attended}
    enrolled = {r.member.person_id for r in counted}
    if not rows:
        summary = tr("No member is enrolled in an orientation session yet.")
    else:
        summary = tr("{enrolled}, {came} attended.").format(
            enrolled=plural(
                len(enrolled), tr_noop("{n} member enrolled"), tr_noop("{n} members enrolled")
            ),
            came=len(came),
        )
    if can_schedule:
        summary += " " + tr("Enrol the household on the Orientation page.")
    return summary, len(came)
