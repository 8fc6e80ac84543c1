"""Appointments: conflicts, rescheduling chains, telling families, attendance, lists, DST."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.appointment_types import AppointmentInput, ScheduleConflict
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.schedule.places import PlaceInput, PlacesService
from tests.builders import force_status
from tests.conftest import USER_PASSWORD

# a Monday in spring, well before the test "now"s below would make it the past
DAY = date(2031, 3, 3)
BEFORE = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)


@dataclass
class Desk:
    office: UnlockedOffice
    clinic: str
    embassy: str
    appointments: AppointmentService
    registration: RegistrationService

    def household(self, family: str, members: int = 2, language: str = "Dari") -> str:
        case_id = self.registration.create_case(CaseInput(family_language=language))
        self.registration.add_person(
            case_id,
            PersonInput(
                relationship="principal",
                given_name="Ahmad",
                family_name=family,
                sex="M",
                date_of_birth=date(1980, 1, 1),
            ),
        )
        for n in range(members - 1):
            self.registration.add_person(
                case_id,
                PersonInput(
                    relationship="daughter",
                    given_name=f"Laila{n}",
                    family_name=family,
                    sex="F",
                    date_of_birth=date(2012, 1, 1),
                ),
            )
        return case_id

    def book(
        self,
        case_id: str,
        at: time,
        *,
        place: str | None = None,
        now: datetime = BEFORE,
        **extra: object,
    ) -> str:
        data = AppointmentInput(
            case_id=case_id,
            kind=str(extra.pop("kind", "medical_exam")),
            day=extra.pop("day", DAY),  # type: ignore[arg-type]
            start=at,
            duration_minutes=int(extra.pop("minutes", 30)),  # type: ignore[call-overload]
            location_id=place or self.clinic,
            **extra,  # type: ignore[arg-type]
        )
        return self.appointments.schedule(data, now=now)


@pytest.fixture
def desk(office, data_dir):  # type: ignore[no-untyped-def]
    places = PlacesService(office)
    clinic = places.save(PlaceInput("IOM clinic", "clinic", "Rruga e Portit", capacity=2))
    embassy = places.save(PlaceInput("Embassy rooms", "embassy", "Tirana", capacity=3))
    AccountService(office).add_user("sched", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    office.close()
    opened = auth.unlock(data_dir, "sched", USER_PASSWORD)
    yield Desk(opened, clinic, embassy, AppointmentService(opened), RegistrationService(opened))
    opened.close()


def test_schedule_stores_utc_and_invites_every_member(desk: Desk) -> None:
    case = desk.household("Karimi", members=3)
    appointment = desk.appointments.get(desk.book(case, time(10, 30)))
    # Tirane is UTC+1 in early March
    assert appointment.starts_at == datetime(2031, 3, 3, 9, 30, tzinfo=UTC)
    assert appointment.local_start.strftime("%H:%M") == "10:30"
    assert appointment.duration_minutes == 30
    assert len(appointment.attendees) == 3
    assert appointment.status == "scheduled"
    assert appointment.principal_name == "Ahmad Karimi"


def test_dst_spring_gap_is_refused_and_summer_offset_used(desk: Desk) -> None:
    case = desk.household("Rahimi")
    spring = date(2031, 3, 30)  # last Sunday of March 2031: 02:00 -> 03:00
    with pytest.raises(InvalidInput, match="does not exist"):
        desk.book(case, time(2, 30), day=spring)
    summer = desk.appointments.get(desk.book(case, time(10, 0), day=spring))
    assert summer.starts_at == datetime(2031, 3, 30, 8, 0, tzinfo=UTC)
    autumn = desk.appointments.get(desk.book(case, time(10, 0), day=date(2031, 10, 26)))
    assert autumn.starts_at == datetime(2031, 10, 26, 9, 0, tzinfo=UTC)


def test_agenda_of_a_25_hour_day_holds_its_late_evening(desk: Desk) -> None:
    case = desk.household("Sadat")
    autumn = date(2031, 10, 26)
    late = desk.book(case, time(23, 30), day=autumn, place=desk.embassy)
    ids = [a.id for a in desk.appointments.agenda(autumn)]
    assert ids == [late]
    assert desk.appointments.agenda(autumn + timedelta(days=1)) == []


def test_same_person_twice_at_overlapping_times_is_a_conflict(desk: Desk) -> None:
    case = desk.household("Noori")
    desk.book(case, time(10, 0), minutes=60)
    with pytest.raises(ScheduleConflict) as caught:
        desk.book(case, time(10, 30), place=desk.embassy, kind="interview")
    assert {c.kind for c in caught.value.conflicts} == {"person"}
    assert "2 members of SHG-2026-00001 already have medical exam at 10:00" in str(caught.value)
    assert "Ahmad" not in str(caught.value)  # may reach a log: relationships, not names
    # back to back is fine
    desk.book(case, time(11, 0), place=desk.embassy, kind="interview")


def test_place_capacity_counts_overlaps(desk: Desk) -> None:
    first, second, third = (desk.household(f"F{n}") for n in range(3))
    desk.book(first, time(9, 0))
    desk.book(second, time(9, 15))
    with pytest.raises(ScheduleConflict, match="IOM clinic is full at 09:20"):
        desk.book(third, time(9, 20))
    # after the first finished there is room again
    desk.book(third, time(9, 30))


def test_interviewer_cannot_be_in_two_interviews(desk: Desk) -> None:
    one, two = desk.household("A"), desk.household("B")
    desk.book(one, time(9, 0), kind="interview", place=desk.embassy, interviewer="J. Smith")
    with pytest.raises(ScheduleConflict, match=r"j\. smith already interviews at 09:00"):
        desk.book(two, time(9, 0), kind="interview", place=desk.embassy, interviewer="j. smith")


def test_cancelled_appointments_free_their_slot(desk: Desk) -> None:
    case = desk.household("Hashimi")
    first = desk.book(case, time(9, 0))
    desk.appointments.cancel(first, "family asked")
    desk.book(case, time(9, 0))
    with pytest.raises(InvalidInput, match="cannot be cancelled"):
        desk.appointments.cancel(first, "again")


def test_reschedule_chain_links_every_date(desk: Desk) -> None:
    case = desk.household("Wardak")
    first = desk.book(case, time(9, 0))
    second = desk.appointments.reschedule(first, DAY, time(14, 0), "clinic closed", now=BEFORE)
    third = desk.appointments.reschedule(
        second, DAY + timedelta(days=1), time(9, 0), "family ill", now=BEFORE
    )
    chain = desk.appointments.chain(second)
    assert [a.id for a in chain] == [first, second, third]
    assert [a.status for a in chain] == ["rescheduled", "rescheduled", "scheduled"]
    assert chain[1].rescheduled_from_id == first
    assert len(chain[2].attendees) == 2
    with pytest.raises(InvalidInput, match="cannot be rescheduled"):
        desk.appointments.reschedule(first, DAY, time(16, 0), "x", now=BEFORE)
    with pytest.raises(InvalidInput, match="Say why"):
        desk.appointments.reschedule(third, DAY, time(16, 0), "  ", now=BEFORE)


def test_reschedule_may_reuse_its_own_slot_minus_itself(desk: Desk) -> None:
    case = desk.household("Zazai")
    first = desk.book(case, time(9, 0), minutes=60)
    # moving by 30 minutes overlaps only with itself, which is being replaced
    desk.appointments.reschedule(first, DAY, time(9, 30), "later bus", now=BEFORE)


def test_to_inform_lists_untold_appointments_within_48_hours(desk: Desk) -> None:
    soon, later, told = desk.household("S"), desk.household("L"), desk.household("T")
    near = desk.book(soon, time(10, 0))
    desk.book(later, time(10, 0), day=DAY + timedelta(days=5))
    informed = desk.book(told, time(11, 0))
    desk.appointments.record_notification([informed], "phone_call", "spoke to the father")
    now = datetime(2031, 3, 1, 12, 0, tzinfo=UTC)  # 2 days minus 3 hours before
    assert [a.id for a in desk.appointments.to_inform(now=now)] == [near]
    too_early = datetime(2031, 2, 27, 12, 0, tzinfo=UTC)
    assert desk.appointments.to_inform(now=too_early) == []
    record = desk.appointments.get(informed)
    assert record.status == "notified"
    assert record.notifications[0].method == "phone_call"
    assert record.notifications[0].by == "sched"


def test_attendance_and_no_show_follow_up(desk: Desk) -> None:
    case = desk.household("Amiri", members=2)
    appointment_id = desk.book(case, time(9, 0))
    record = desk.appointments.get(appointment_id)
    with pytest.raises(InvalidInput, match="from the day of the appointment"):
        desk.appointments.record_attendance(appointment_id, [], now=BEFORE)
    on_the_day = datetime(2031, 3, 3, 12, 0, tzinfo=UTC)
    assert desk.appointments.record_attendance(appointment_id, [], now=on_the_day) == "no_show"
    assert [a.id for a in desk.appointments.no_show_follow_ups()] == [appointment_id]
    new = desk.appointments.reschedule(
        appointment_id, DAY + timedelta(days=2), time(9, 0), "missed the bus", now=on_the_day
    )
    assert desk.appointments.no_show_follow_ups() == []
    assert desk.appointments.get(appointment_id).status == "no_show"
    later = datetime(2031, 3, 5, 12, 0, tzinfo=UTC)
    principal = record.attendees[0].person_id
    assert desk.appointments.record_attendance(new, [principal], now=later) == "attended"
    attended = desk.appointments.get(new)
    assert [a.attended for a in attended.attendees] == [True, False]


def test_no_show_closed_without_new_date(desk: Desk) -> None:
    case = desk.household("Safi")
    appointment_id = desk.book(case, time(9, 0))
    desk.appointments.record_attendance(appointment_id, [], now=datetime(2031, 3, 4, tzinfo=UTC))
    desk.appointments.close_follow_up(appointment_id, "case withdrew")
    assert desk.appointments.no_show_follow_ups() == []


def test_interview_outcome_moves_the_case(desk: Desk) -> None:
    case = desk.household("Faizi")
    interview = desk.book(case, time(9, 0), kind="interview", place=desk.embassy)
    assert desk.registration.case_detail(case).status == "interview_scheduled"
    with pytest.raises(InvalidInput, match="before its outcome"):
        desk.appointments.record_outcome(interview, "recommended")
    everyone = [a.person_id for a in desk.appointments.get(interview).attendees]
    desk.appointments.record_attendance(
        interview, everyone, now=datetime(2031, 3, 3, 15, tzinfo=UTC)
    )
    desk.appointments.record_outcome(interview, "recommended")
    detail = desk.registration.case_detail(case)
    assert detail.status == "interviewed"
    assert detail.history[-1].reason == "interview outcome: recommended"


def test_refused_interview_refuses_the_case(desk: Desk) -> None:
    case = desk.household("Nazari")
    interview = desk.book(case, time(9, 0), kind="interview", place=desk.embassy)
    everyone = [a.person_id for a in desk.appointments.get(interview).attendees]
    desk.appointments.record_attendance(interview, everyone, now=datetime(2031, 3, 4, tzinfo=UTC))
    desk.appointments.record_outcome(interview, "refused")
    assert desk.registration.case_detail(case).status == "refused"


def test_an_interview_with_an_outcome_cannot_become_a_no_show(desk: Desk) -> None:
    case = desk.household("Wardak")
    interview = desk.book(case, time(9, 0), kind="interview", place=desk.embassy)
    everyone = [a.person_id for a in desk.appointments.get(interview).attendees]
    after = datetime(2031, 3, 3, 15, tzinfo=UTC)
    desk.appointments.record_attendance(interview, everyone, now=after)
    desk.appointments.record_outcome(interview, "recommended")
    # a no-show with an outcome would list the family for follow-up while the
    # readiness rule ignores its outcome
    with pytest.raises(InvalidInput, match="outcome"):
        desk.appointments.record_attendance(interview, [], now=after)
    record = desk.appointments.get(interview)
    assert (record.status, record.outcome) == ("attended", "recommended")
    assert desk.appointments.no_show_follow_ups() == []
    # who of the family came may still be corrected
    assert desk.appointments.record_attendance(interview, everyone[:1], now=after) == "attended"


def test_bulk_plan_fills_slots_in_order_and_respects_capacity(desk: Desk) -> None:
    cases = [desk.household(f"B{n}") for n in range(5)]
    busy = desk.household("Busy")
    desk.book(busy, time(9, 0), minutes=20)  # one of the two places at 09:00
    plan = desk.appointments.propose_bulk(
        cases,
        "medical_exam",
        DAY,
        desk.clinic,
        first=time(9, 0),
        last=time(10, 0),
        slot_minutes=20,
        now=BEFORE,
    )
    times = [p.starts_at.astimezone(UTC).strftime("%H:%M") for p in plan.proposals]
    # capacity 2: 09:00 has one place left, then two per slot
    assert times == ["08:00", "08:20", "08:20", "08:40", "08:40"]
    assert plan.unplaced == ()
    ids = desk.appointments.schedule_bulk(plan)
    assert len(ids) == 5
    assert len(desk.appointments.agenda(DAY, location_id=desk.clinic)) == 6


def test_bulk_plan_reports_cases_that_do_not_fit(desk: Desk) -> None:
    cases = [desk.household(f"C{n}") for n in range(3)]
    plan = desk.appointments.propose_bulk(
        cases,
        "interview",
        DAY,
        desk.embassy,
        first=time(9, 0),
        last=time(10, 0),
        slot_minutes=30,
        interviewer="K. Lee",
        now=BEFORE,
    )
    assert len(plan.proposals) == 2
    assert plan.unplaced[0][1] == "no free time left that day"


def test_bulk_booking_refuses_a_plan_overtaken_by_events(desk: Desk) -> None:
    case = desk.household("Late")
    plan = desk.appointments.propose_bulk(
        [case], "medical_exam", DAY, desk.clinic, first=time(9, 0), last=time(10, 0), now=BEFORE
    )
    desk.book(case, time(9, 0))  # booked by someone else meanwhile
    with pytest.raises(ScheduleConflict):
        desk.appointments.schedule_bulk(plan)
    assert len(desk.appointments.for_case(case)) == 1


def test_bulk_booking_refuses_a_plan_whose_first_times_have_passed(desk: Desk) -> None:
    cases = [desk.household(f"D{n}") for n in range(3)]
    plan = desk.appointments.propose_bulk(
        cases, "medical_exam", DAY, desk.clinic, first=time(9, 0), last=time(10, 0), now=BEFORE
    )
    assert plan.proposals[0].starts_at == datetime(2031, 3, 3, 8, 0, tzinfo=UTC)
    # the clerk confirms the plan after 09:00 office time: the first slot is gone
    with pytest.raises(InvalidInput, match="passed"):
        desk.appointments.schedule_bulk(plan, now=datetime(2031, 3, 3, 8, 5, tzinfo=UTC))
    assert all(desk.appointments.for_case(c) == [] for c in cases)  # nothing half-booked
    assert len(desk.appointments.schedule_bulk(plan, now=BEFORE)) == 3


def test_past_times_and_unknown_values_are_refused(desk: Desk) -> None:
    case = desk.household("Past")
    with pytest.raises(InvalidInput, match="has passed"):
        desk.appointments.schedule(
            AppointmentInput(case, "medical_exam", date(2020, 1, 1), time(9), 30, desk.clinic)
        )
    with pytest.raises(InvalidInput, match="kind of appointment"):
        desk.book(case, time(9), kind="haircut")
    with pytest.raises(InvalidInput, match="between 5 minutes"):
        desk.book(case, time(9), minutes=1)
    other = desk.household("Other")
    stranger = desk.appointments.get(desk.book(other, time(12))).attendees[0].person_id
    with pytest.raises(InvalidInput, match="Only members"):
        desk.book(case, time(9), attendee_ids=(stranger,))


def test_a_viewer_cannot_schedule(desk: Desk, data_dir) -> None:  # type: ignore[no-untyped-def]
    case = desk.household("View")
    desk.office.close()
    admin = auth.unlock(data_dir, "admin", "orchard lantern pebble harbour")
    AccountService(admin).add_user("look", frozenset({Role.VIEWER}), USER_PASSWORD)
    admin.close()
    viewer = auth.unlock(data_dir, "look", USER_PASSWORD)
    try:
        with pytest.raises(PermissionDenied):
            AppointmentService(viewer).schedule(
                AppointmentInput(case, "medical_exam", DAY, time(9), 30, desk.clinic), now=BEFORE
            )
        assert AppointmentService(viewer).for_case(case) == []
    finally:
        viewer.close()


def test_overview_counts_today_to_inform_and_no_shows(desk: Desk) -> None:
    from desktop.services.office.clock import office_today
    from desktop.services.office.overview import OverviewService

    today = office_today()
    tomorrow_case, missed_case = desk.household("Tomorrow"), desk.household("Missed")
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    desk.book(tomorrow_case, time(10), day=today + timedelta(days=1), now=long_ago)
    missed = desk.book(missed_case, time(10), day=today - timedelta(days=1), now=long_ago)
    desk.appointments.record_attendance(missed, [])
    overview = OverviewService(desk.office).overview()
    assert (overview.to_inform, overview.no_shows) == (1, 1)
    assert overview.appointments_today == 0


def test_a_no_show_whose_new_date_is_cancelled_needs_following_up_again(desk: Desk) -> None:
    from desktop.services.office.overview import OverviewService

    case = desk.household("Again")
    missed = desk.book(case, time(9))
    on_the_day = datetime(2031, 3, 3, 12, tzinfo=UTC)
    desk.appointments.record_attendance(missed, [], now=on_the_day)
    new = desk.appointments.reschedule(
        missed, DAY + timedelta(days=1), time(9), "new date", now=on_the_day
    )
    assert desk.appointments.no_show_follow_ups() == []
    desk.appointments.cancel(new, "the clinic closed that day")
    assert [a.id for a in desk.appointments.no_show_follow_ups()] == [missed]
    assert OverviewService(desk.office).overview().no_shows == 1
    again = desk.appointments.reschedule(
        missed, DAY + timedelta(days=2), time(9), "another date", now=on_the_day
    )
    assert desk.appointments.get(missed).rescheduled_to_id == again
    assert desk.appointments.no_show_follow_ups() == []


def test_a_corrected_refusal_gives_the_case_back_its_journey(desk: Desk) -> None:
    case = desk.household("Corrected")
    interview = desk.book(case, time(9), kind="interview", place=desk.embassy)
    everyone = [a.person_id for a in desk.appointments.get(interview).attendees]
    desk.appointments.record_attendance(interview, everyone, now=datetime(2031, 3, 4, tzinfo=UTC))
    desk.appointments.record_outcome(interview, "refused")
    assert desk.registration.case_detail(case).status == "refused"
    desk.appointments.record_outcome(interview, "recommended")
    detail = desk.registration.case_detail(case)
    assert detail.status == "interviewed"
    assert detail.history[-1].reason == "interview outcome: recommended (corrected)"


def test_a_refusal_does_not_undo_a_departure(desk: Desk) -> None:
    case = desk.household("Gone")
    interview = desk.book(case, time(9), kind="interview", place=desk.embassy)
    everyone = [a.person_id for a in desk.appointments.get(interview).attendees]
    desk.appointments.record_attendance(interview, everyone, now=datetime(2031, 3, 4, tzinfo=UTC))
    force_status(desk.office, case, "departed", "flew on the charter")
    desk.appointments.record_outcome(interview, "refused")
    assert desk.registration.case_detail(case).status == "departed"
