"""Orientation sessions: planning, seats, enrolment, clashes, attendance, permissions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import age_on
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.orientation import OrientationService, SessionInput
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.store.models import Appointment, AppointmentAttendee, Person
from tests.conftest import USER_PASSWORD

#: the office clock for these tests: 1 June 2026, 10:00 in Shëngjin (UTC+2 in summer)
NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
DAY = date(2026, 6, 10)


@pytest.fixture
def places(office: UnlockedOffice) -> tuple[str, str]:
    """Two places, saved by the admin (places are an office setting)."""
    service = PlacesService(office)
    return (
        service.save(PlaceInput("IOM office Shëngjin", "office", "Rruga e Portit 1")),
        service.save(PlaceInput("Hotel Rafaelo", "hotel")),
    )


@pytest.fixture
def clerk(
    office: UnlockedOffice, data_dir: Path, places: tuple[str, str]
) -> Iterator[UnlockedOffice]:
    """A registration clerk (who may schedule); a viewer account exists beside it."""
    accounts = AccountService(office)
    accounts.add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    accounts.add_user("viewer", frozenset({Role.VIEWER}), USER_PASSWORD)
    office.close()
    opened = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    yield opened
    opened.close()


@pytest.fixture
def place(places: tuple[str, str]) -> str:
    return places[0]


def _session(
    service: OrientationService,
    place: str,
    *,
    day: date = DAY,
    start: time = time(10, 0),
    minutes: int = 120,
    capacity: int | None = None,
    language: str = "Dari",
) -> str:
    data = SessionInput(day, start, minutes, place, language, "Facilitator A", "Travel", capacity)
    return service.create_session(data, now=NOW)


def _household(office: UnlockedOffice, *births: date | None) -> tuple[str, list[str]]:
    """A household whose members are born on ``births`` (None: unknown); the first leads."""
    registration = RegistrationService(office)
    case_id = registration.create_case(CaseInput(destination_country="CAN"))
    ids = []
    for n, born in enumerate(births):
        ids.append(
            registration.add_person(
                case_id,
                PersonInput(
                    relationship="principal" if n == 0 else "son",
                    given_name=f"Member{n}",
                    family_name="Ahmadi",
                    sex="M",
                    date_of_birth=born or date(1990, 1, 1),
                ),
            )
        )
    unknown = [pid for pid, born in zip(ids, births, strict=True) if born is None]
    if unknown:  # the registration form insists on a date; old imports may lack one
        with office.unit_of_work() as session:
            for pid in unknown:
                person = session.get(Person, pid)
                assert person is not None
                person.date_of_birth = None
    return case_id, ids


def _appointment(
    office: UnlockedOffice,
    place: str,
    case_id: str,
    person_ids: list[str],
    starts_at: datetime,
    minutes: int = 60,
    *,
    status: str = "scheduled",
    kind: str = "interview",
) -> str:
    """An appointment row written directly (the appointments service is built elsewhere)."""
    with office.unit_of_work() as session:
        row = Appointment(
            case_id=case_id,
            kind=kind,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            location_id=place,
            status=status,
        )
        session.add(row)
        session.flush()
        for pid in person_ids:
            session.add(AppointmentAttendee(appointment_id=row.id, person_id=pid))
        return row.id


def _number(office: UnlockedOffice, case_id: str) -> str:
    return RegistrationService(office).case_detail(case_id).case_number


def _events(office: UnlockedOffice, prefix: str) -> list[audit.AuditRecord]:
    with office.reading() as session:
        return [e for e in audit.recent(session) if e.action.startswith(prefix)]


# -- planning sessions ------------------------------------------------------------------------


def test_a_session_is_stored_in_utc_with_the_default_seats(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    [record] = service.list_sessions(DAY, DAY)
    assert record.id == session_id
    assert record.starts_at == datetime(2026, 6, 10, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert record.ends_at == datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
    assert record.duration_minutes == 120
    assert (record.location_id, record.location_name) == (place, "IOM office Shëngjin")
    assert (record.language, record.facilitator, record.topics) == (
        "Dari",
        "Facilitator A",
        "Travel",
    )
    assert record.capacity == 25  # the office setting's default
    assert (record.enrolled, record.attended, record.cancelled) == (0, 0, False)
    assert service.list_sessions(DAY + timedelta(days=1), DAY + timedelta(days=5)) == []
    assert [e.target_id for e in _events(clerk, "orientation_session_created")] == [session_id]


def test_sessions_are_listed_in_order_of_start(clerk, places):
    service = OrientationService(clerk)
    late = _session(service, places[0], start=time(14, 0))
    early = _session(service, places[1], start=time(9, 0))
    other_day = _session(service, places[0], day=DAY + timedelta(days=2))
    ids = [r.id for r in service.list_sessions(DAY, DAY + timedelta(days=7))]
    assert ids == [early, late, other_day]
    with pytest.raises(InvalidInput, match="before its start"):
        service.list_sessions(DAY, DAY - timedelta(days=1))


def test_spring_forward_gap_is_refused(clerk, place):
    service = OrientationService(clerk)
    spring = date(2026, 3, 29)  # clocks go from 02:00 to 03:00 in Europe/Tirane
    early = datetime(2026, 1, 1, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="does not exist"):
        service.create_session(SessionInput(spring, time(2, 30), 60, place, "Dari"), now=early)
    first = service.create_session(SessionInput(spring, time(10, 0), 60, place, "Dari"), now=early)
    autumn = date(2026, 10, 25)  # clocks go back from 03:00 to 02:00
    second = service.create_session(
        SessionInput(autumn, time(10, 0), 60, place, "Pashto"), now=early
    )
    starts = {r.id: r.starts_at for r in service.list_sessions(spring, autumn)}
    assert starts[first] == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert starts[second] == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"language": "French"}, "language"),
        ({"duration_minutes": 5}, "between 15 and 480 minutes"),
        ({"capacity": 0}, "Seats"),
        ({"location_id": "no-such-place"}, "no longer exists"),
    ],
)
def test_invalid_sessions_are_refused(clerk, place, change, message):
    fields = {
        "day": DAY,
        "start": time(10),
        "duration_minutes": 60,
        "location_id": place,
        "language": "Dari",
        **change,
    }
    with pytest.raises(InvalidInput, match=message):
        OrientationService(clerk).create_session(SessionInput(**fields), now=NOW)


def test_a_session_already_over_is_refused(clerk, place):
    with pytest.raises(InvalidInput, match="already over"):
        OrientationService(clerk).create_session(
            SessionInput(date(2026, 5, 1), time(10), 60, place, "Dari"), now=NOW
        )


def test_one_place_holds_one_session_at_a_time(clerk, places):
    service = OrientationService(clerk)
    first = _session(service, places[0], start=time(10), minutes=120)
    with pytest.raises(InvalidInput, match="IOM office Shëngjin already has an orientation"):
        _session(service, places[0], start=time(11))
    _session(service, places[1], start=time(11))  # another place is fine
    _session(service, places[0], start=time(12))  # straight after is fine
    service.cancel_session(first, "room_unavailable")
    _session(service, places[0], start=time(10), minutes=60)  # a cancelled one frees the room


def test_a_room_full_of_appointments_takes_no_session(clerk, places):
    """Booking counts a session against the room's capacity; planning must count the
    appointments too, or the hotel room (room for 1) is booked twice."""
    service = OrientationService(clerk)
    hotel = places[1]
    case_id, _ = _household(clerk, date(1980, 1, 1))
    _appointment(clerk, hotel, case_id, [], datetime(2026, 6, 10, 9, 0, tzinfo=UTC))
    with pytest.raises(InvalidInput, match="Hotel Rafaelo is full") as refused:
        _session(service, hotel, start=time(10), minutes=120)  # 08:00-10:00 UTC
    assert "11:00-12:00" in str(refused.value)
    _appointment(  # inactive appointments hold no room
        clerk, hotel, case_id, [], datetime(2026, 6, 11, 8, 0, tzinfo=UTC), status="cancelled"
    )
    _session(service, hotel, day=date(2026, 6, 11), start=time(10), minutes=120)
    moved = _session(service, hotel, start=time(8), minutes=60)  # before it: fine
    data = SessionInput(DAY, time(10, 30), 60, hotel, "Dari", capacity=10)
    with pytest.raises(InvalidInput, match="Hotel Rafaelo is full"):
        service.update_session(moved, data, now=NOW)


# -- enrolment -------------------------------------------------------------------------------


def test_seats_are_never_overbooked(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place, capacity=3)
    big, _ = _household(
        clerk, date(1980, 1, 1), date(1982, 1, 1), date(2000, 1, 1), date(2002, 1, 1)
    )
    with pytest.raises(InvalidInput, match="Only 3 seats are free in this session, for 4 people"):
        service.enrol_case(session_id, big, now=NOW)
    _, pair = _household(clerk, date(1980, 1, 1), date(1982, 1, 1))
    assert service.enrol_persons(session_id, pair, now=NOW) == 2
    _, other = _household(clerk, date(1970, 1, 1), date(1972, 1, 1))
    with pytest.raises(InvalidInput, match="Only 1 seat is free"):
        service.enrol_persons(session_id, other, now=NOW)
    assert service.enrol_persons(session_id, other[:1], now=NOW) == 1
    with pytest.raises(InvalidInput, match=r"full \(all 3 seats taken\)"):
        service.enrol_persons(session_id, other[1:], now=NOW)
    assert service.session_detail(session_id).session.free_seats == 0


def test_enrolment_is_idempotent(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, (head, son) = _household(clerk, date(1980, 1, 1), date(2000, 1, 1))
    assert service.enrol_persons(session_id, [head], now=NOW) == 1
    assert service.enrol_case(session_id, case_id, now=NOW) == 1  # only the son is new
    assert service.enrol_case(session_id, case_id, now=NOW) == 0
    assert service.enrol_persons(session_id, [son, head, son], now=NOW) == 0
    detail = service.session_detail(session_id)
    assert [e.person_id for e in detail.enrolments] == [head, son]
    assert detail.session.enrolled == 2
    events = _events(clerk, "orientation_enrolled")
    assert [json.loads(e.detail)["enrolled"] for e in reversed(events)] == [1, 1]


def test_enrolment_detail_names_members_with_their_age_on_the_day(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, (head, child) = _household(clerk, date(1984, 6, 10), None)
    service.enrol_case(session_id, case_id, now=NOW)
    first, second = service.session_detail(session_id).enrolments
    assert (first.person_id, first.name, first.age, first.attended) == (
        head,
        "Member0 Ahmadi",
        42,  # the birthday is the day of the session
        None,
    )
    assert (first.case_id, first.case_number) == (case_id, _number(clerk, case_id))
    assert (second.person_id, second.age) == (child, None)


def test_adults_only_enrols_from_the_adult_age_on_the_session_day(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)  # 10 June 2026
    fifteen_that_day = date(2011, 6, 10)
    fifteen_next_day = date(2011, 6, 11)
    case_id, (head, fifteen, fourteen, unknown) = _household(
        clerk, date(1980, 1, 1), fifteen_that_day, fifteen_next_day, None
    )
    assert age_on(fifteen_that_day, DAY) == 15 and age_on(fifteen_next_day, DAY) == 14
    assert service.enrol_case(session_id, case_id, adults_only=True, now=NOW) == 3
    enrolled = {e.person_id for e in service.session_detail(session_id).enrolments}
    assert enrolled == {head, fifteen, unknown}  # an unknown date of birth counts as adult
    assert fourteen not in enrolled


def test_adults_only_with_no_adults_says_so(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, _ = _household(clerk, date(2015, 1, 1))
    with pytest.raises(InvalidInput, match="no members aged 15 or over"):
        service.enrol_case(session_id, case_id, adults_only=True, now=NOW)


def test_merged_people_and_households_cannot_be_enrolled(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    _, (head,) = _household(clerk, date(1980, 1, 1))
    with clerk.unit_of_work() as session:
        person = session.get(Person, head)
        assert person is not None
        person.merged_into_id = head  # any id: what matters is that it is merged
    with pytest.raises(InvalidInput, match="1 of the people no longer exist"):
        service.enrol_persons(session_id, [head], now=NOW)
    with pytest.raises(InvalidInput, match="household no longer exists"):
        service.enrol_case(session_id, "no-such-case", now=NOW)


def test_an_overlapping_appointment_blocks_enrolment(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place, start=time(10), minutes=120)  # 08:00-10:00 UTC
    case_id, (head, son) = _household(clerk, date(1980, 1, 1), date(2000, 1, 1))
    number = _number(clerk, case_id)
    _appointment(clerk, place, case_id, [son], datetime(2026, 6, 10, 9, 30, tzinfo=UTC))
    with pytest.raises(InvalidInput) as refused:
        service.enrol_case(session_id, case_id, now=NOW)
    message = str(refused.value)
    assert f"The son of household {number} is already booked for Immigration interview" in message
    assert "10 Jun 2026 11:30-12:30 (office time)" in message
    assert "Member1" not in message and "Ahmadi" not in message  # errors never name people
    assert service.session_detail(session_id).enrolments == ()  # all or nothing
    assert service.enrol_persons(session_id, [head], now=NOW) == 1


@pytest.mark.parametrize("status", ["cancelled", "rescheduled", "no_show"])
def test_inactive_appointments_do_not_block(clerk, place, status):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, (head,) = _household(clerk, date(1980, 1, 1))
    at = datetime(2026, 6, 10, 8, 30, tzinfo=UTC)
    _appointment(clerk, place, case_id, [head], at, status=status)
    assert service.enrol_case(session_id, case_id, now=NOW) == 1


def test_back_to_back_appointments_do_not_clash(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place, start=time(10), minutes=120)  # 08:00-10:00 UTC
    case_id, (head,) = _household(clerk, date(1980, 1, 1))
    _appointment(clerk, place, case_id, [head], datetime(2026, 6, 10, 7, 0, tzinfo=UTC))
    _appointment(clerk, place, case_id, [head], datetime(2026, 6, 10, 10, 0, tzinfo=UTC))
    assert service.enrol_case(session_id, case_id, now=NOW) == 1


def test_an_overlapping_session_blocks_enrolment_unless_cancelled(clerk, places):
    service = OrientationService(clerk)
    morning = _session(service, places[0], start=time(10), minutes=120)
    overlapping = _session(service, places[1], start=time(11), minutes=120)
    case_id, _ = _household(clerk, date(1980, 1, 1))
    number = _number(clerk, case_id)
    service.enrol_case(session_id=morning, case_id=case_id, now=NOW)
    with pytest.raises(InvalidInput) as refused:
        service.enrol_case(overlapping, case_id, now=NOW)
    assert f"The principal applicant of household {number}" in str(refused.value)
    assert "Pre-departure orientation, 10 Jun 2026 10:00-12:00" in str(refused.value)
    service.cancel_session(morning, "facilitator_unavailable")
    assert service.enrol_case(overlapping, case_id, now=NOW) == 1


def test_cancelled_and_past_sessions_take_no_enrolments(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place, start=time(10), minutes=120)
    case_id, _ = _household(clerk, date(1980, 1, 1))
    after = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)  # the minute it ends
    with pytest.raises(InvalidInput, match="already over"):
        service.enrol_case(session_id, case_id, now=after)
    during = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)  # latecomers may still join
    assert service.enrol_case(session_id, case_id, now=during) == 1
    cancelled = _session(service, place, day=DAY + timedelta(days=1))
    service.cancel_session(cancelled, "too_few_enrolled")
    with pytest.raises(InvalidInput, match="cancelled"):
        service.enrol_case(cancelled, case_id, now=NOW)


def test_withdraw(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, (head, son) = _household(clerk, date(1980, 1, 1), date(2000, 1, 1))
    service.enrol_case(session_id, case_id, now=NOW)
    service.withdraw(session_id, son)
    assert [e.person_id for e in service.session_detail(session_id).enrolments] == [head]
    with pytest.raises(InvalidInput, match="not enrolled"):
        service.withdraw(session_id, son)
    started = datetime(2026, 6, 10, 8, 30, tzinfo=UTC)
    service.record_attendance(session_id, {head: True}, now=started)
    with pytest.raises(InvalidInput, match="Attendance is already recorded"):
        service.withdraw(session_id, head)
    [event] = _events(clerk, "orientation_withdrawn")
    assert json.loads(event.detail) == {"person": son}


# -- attendance -------------------------------------------------------------------------------


def test_attendance_only_once_the_session_has_started(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place, start=time(10))  # 08:00 UTC
    case_id, (head, son) = _household(clerk, date(1980, 1, 1), date(2000, 1, 1))
    service.enrol_case(session_id, case_id, now=NOW)
    before = datetime(2026, 6, 10, 7, 59, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="once the session has started"):
        service.record_attendance(session_id, {head: True}, now=before)
    start = datetime(2026, 6, 10, 8, 0, tzinfo=UTC)
    service.record_attendance(session_id, {head: True, son: False}, now=start)
    detail = service.session_detail(session_id)
    assert {e.person_id: e.attended for e in detail.enrolments} == {head: True, son: False}
    assert (detail.session.enrolled, detail.session.attended) == (2, 1)
    # corrected later (the son came after all)
    service.record_attendance(session_id, {son: True}, now=start + timedelta(days=2))
    assert service.session_detail(session_id).session.attended == 2
    details = [json.loads(e.detail) for e in reversed(_events(clerk, "orientation_attendance"))]
    assert details == [{"present": 1, "absent": 1}, {"present": 1, "absent": 0}]


def test_attendance_needs_enrolment_and_a_session_that_took_place(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    _, (head,) = _household(clerk, date(1980, 1, 1))
    later = datetime(2026, 6, 11, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="1 of the people are not enrolled"):
        service.record_attendance(session_id, {head: True}, now=later)
    with pytest.raises(InvalidInput, match="at least one"):
        service.record_attendance(session_id, {}, now=later)
    service.enrol_persons(session_id, [head], now=NOW)
    service.cancel_session(session_id, "other")
    with pytest.raises(InvalidInput, match="cancelled"):
        service.record_attendance(session_id, {head: True}, now=later)


# -- changing and cancelling ------------------------------------------------------------------


def test_cancelling_keeps_the_enrolments(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, _ = _household(clerk, date(1980, 1, 1), date(1982, 1, 1))
    service.enrol_case(session_id, case_id, now=NOW)
    with pytest.raises(InvalidInput, match="Say why"):
        service.cancel_session(session_id, "because")
    service.cancel_session(session_id, "facilitator_unavailable")
    assert service.list_sessions(DAY, DAY) == []
    [record] = service.list_sessions(DAY, DAY, include_cancelled=True)
    assert record.cancelled and record.enrolled == 2
    assert len(service.session_detail(session_id).enrolments) == 2
    [event] = _events(clerk, "orientation_session_cancelled")
    assert json.loads(event.detail) == {"reason": "facilitator_unavailable", "enrolled": 2}
    with pytest.raises(InvalidInput, match="already cancelled"):
        service.cancel_session(session_id, "other")


def test_a_session_that_took_place_cannot_be_cancelled(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    _, (head,) = _household(clerk, date(1980, 1, 1))
    service.enrol_persons(session_id, [head], now=NOW)
    service.record_attendance(session_id, {head: True}, now=datetime(2026, 6, 10, 9, tzinfo=UTC))
    with pytest.raises(InvalidInput, match="took place"):
        service.cancel_session(session_id, "other")


def test_update_moves_a_session_and_checks_seats_and_clashes(clerk, places):
    service = OrientationService(clerk)
    session_id = _session(service, places[0], capacity=5)
    case_id, (_, son) = _household(clerk, date(1980, 1, 1), date(2000, 1, 1))
    service.enrol_case(session_id, case_id, now=NOW)
    moved = SessionInput(DAY, time(14), 90, places[1], "Pashto", "Facilitator B", "Arrival", 4)
    service.update_session(session_id, moved, now=NOW)
    record = service.session_detail(session_id).session
    assert record.starts_at == datetime(2026, 6, 10, 12, 0, tzinfo=UTC)
    assert (record.duration_minutes, record.location_id, record.language) == (
        90,
        places[1],
        "Pashto",
    )
    assert (record.facilitator, record.topics, record.capacity) == ("Facilitator B", "Arrival", 4)
    # fewer seats than people enrolled
    with pytest.raises(InvalidInput, match="2 people are enrolled"):
        service.update_session(
            session_id, SessionInput(DAY, time(14), 90, places[1], "Dari", capacity=1), now=NOW
        )
    # moved onto an appointment of an enrolled person
    _appointment(clerk, places[0], case_id, [son], datetime(2026, 6, 11, 8, 0, tzinfo=UTC))
    onto = SessionInput(DAY + timedelta(days=1), time(10), 60, places[1], "Dari")
    with pytest.raises(InvalidInput, match="already booked for Immigration interview"):
        service.update_session(session_id, onto, now=NOW)
    # once started, the time and place stay; the rest may still be corrected
    started = datetime(2026, 6, 10, 12, 30, tzinfo=UTC)
    later = SessionInput(DAY, time(16), 90, places[1], "Pashto")
    with pytest.raises(InvalidInput, match="already started"):
        service.update_session(session_id, later, now=started)
    fixed = SessionInput(DAY, time(14), 90, places[1], "Pashto", "Facilitator C", capacity=None)
    service.update_session(session_id, fixed, now=started)
    record = service.session_detail(session_id).session
    assert (record.facilitator, record.capacity) == ("Facilitator C", 4)  # None keeps the seats
    events = [json.loads(e.detail) for e in reversed(_events(clerk, "orientation_session_upd"))]
    assert events == [{"moved": True}, {"moved": False}]


def test_a_cancelled_session_cannot_be_changed(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    service.cancel_session(session_id, "office_closed")
    with pytest.raises(InvalidInput, match="cancelled"):
        service.update_session(session_id, SessionInput(DAY, time(11), 60, place, "Dari"), now=NOW)


# -- the case view ----------------------------------------------------------------------------


def test_sessions_for_case_show_only_that_households_members(clerk, places):
    service = OrientationService(clerk)
    first = _session(service, places[0], start=time(9), minutes=60)
    second = _session(service, places[1], start=time(14), minutes=60)
    case_id, (head, son) = _household(clerk, date(1980, 1, 1), date(2000, 1, 1))
    other_case, (stranger,) = _household(clerk, date(1975, 1, 1))
    service.enrol_persons(first, [head, stranger], now=NOW)
    service.enrol_persons(second, [son], now=NOW)
    service.record_attendance(
        first, {head: True, stranger: False}, now=datetime(2026, 6, 11, tzinfo=UTC)
    )
    found = service.sessions_for_case(case_id)
    assert [(c.session.id, [m.person_id for m in c.members]) for c in found] == [
        (first, [head]),
        (second, [son]),
    ]
    assert found[0].members[0].attended is True and found[1].members[0].attended is None
    assert found[0].session.enrolled == 2  # the session's own count, both households
    assert [c.session.id for c in service.sessions_for_case(other_case)] == [first]


# -- permissions and audit --------------------------------------------------------------------


def test_a_viewer_can_see_but_not_enrol(clerk, place, data_dir):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, (head,) = _household(clerk, date(1980, 1, 1))
    clerk.close()
    viewer = auth.unlock(data_dir, "viewer", USER_PASSWORD)
    try:
        seen = OrientationService(viewer)
        assert not seen.may_edit
        assert [r.id for r in seen.list_sessions(DAY, DAY)] == [session_id]
        with pytest.raises(PermissionDenied, match="enrol people in orientation"):
            seen.enrol_persons(session_id, [head], now=NOW)
        with pytest.raises(PermissionDenied):
            seen.enrol_case(session_id, case_id, now=NOW)
        with pytest.raises(PermissionDenied):
            seen.create_session(SessionInput(DAY, time(15), 60, place, "Dari"), now=NOW)
        with pytest.raises(PermissionDenied):
            seen.record_attendance(session_id, {head: True}, now=NOW)
        assert seen.session_detail(session_id).enrolments == ()
    finally:
        viewer.close()


def test_an_admin_without_scheduling_cannot_plan_sessions(office, place):
    with pytest.raises(PermissionDenied):
        OrientationService(office).create_session(
            SessionInput(DAY, time(10), 60, place, "Dari"), now=NOW
        )


def test_audit_events_hold_ids_and_counts_never_names(clerk, place):
    service = OrientationService(clerk)
    session_id = _session(service, place)
    case_id, (head, son) = _household(clerk, date(1980, 1, 1), date(2000, 1, 1))
    service.enrol_case(session_id, case_id, now=NOW)
    service.record_attendance(
        session_id, {head: True, son: True}, now=datetime(2026, 6, 11, tzinfo=UTC)
    )
    events = _events(clerk, "orientation")
    assert len(events) == 3
    for event in events:
        assert "Ahmadi" not in event.detail and "Member" not in event.detail
        assert event.target_id == session_id
