"""Travel readiness: each rule passes and fails with its reason; many cases at once."""

from __future__ import annotations

import time as clock
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.journey.readiness import (
    RULES,
    Blocker,
    CaseFacts,
    Context,
    ReadinessService,
    Rule,
)
from desktop.services.medical.fitness import travel_moment
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import ADULT_AGE, SettingsService
from desktop.services.registry.household_types import CaseInput, DocumentInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from desktop.services.schedule.orientation import OrientationService, SessionInput
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.store.models import (
    Appointment,
    Case,
    Document,
    MedicalRecord,
    OrientationSession,
    Person,
)
from tests.conftest import USER_PASSWORD

#: 1 June 2026, 10:00 in Shëngjin
NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
TODAY = date(2026, 6, 1)
TRAVEL = date(2026, 7, 15)
SESSION_DAY = date(2026, 6, 10)
AFTER_SESSION = datetime(2026, 6, 11, tzinfo=UTC)


@pytest.fixture
def place(office: UnlockedOffice) -> str:
    return PlacesService(office).save(PlaceInput("IOM office Shëngjin", "office"))


@pytest.fixture
def lead(office: UnlockedOffice, data_dir: Path, place: str) -> Iterator[UnlockedOffice]:
    """The office lead: registers, schedules and may change office settings."""
    AccountService(office).add_user(
        "lead", frozenset({Role.REGISTRATION, Role.ADMIN}), USER_PASSWORD
    )
    office.close()
    opened = auth.unlock(data_dir, "lead", USER_PASSWORD)
    yield opened
    opened.close()


def _household(office: UnlockedOffice, *births: date | None) -> tuple[str, list[str]]:
    """Members named Member0 Ahmadi, Member1 Ahmadi...; None: date of birth unknown."""
    registration = RegistrationService(office)
    case_id = registration.create_case(CaseInput(destination_country="CAN"))
    ids = [
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
        for n, born in enumerate(births)
    ]
    with office.unit_of_work() as session:
        for pid, born in zip(ids, births, strict=True):
            if born is None:
                person = session.get(Person, pid)
                assert person is not None
                person.date_of_birth = None
    return case_id, ids


def _passports(office: UnlockedOffice, person_ids: Sequence[str], expiry: date) -> None:
    registration = RegistrationService(office)
    for n, pid in enumerate(person_ids):
        registration.add_document(pid, DocumentInput("passport", f"P{n:07d}", expiry_date=expiry))


def _attended(
    office: UnlockedOffice, place: str, person_ids: Sequence[str], *, start: time = time(10)
) -> str:
    service = OrientationService(office)
    session_id = service.create_session(
        SessionInput(SESSION_DAY, start, 60, place, "Dari"), now=NOW
    )
    service.enrol_persons(session_id, person_ids, now=NOW)
    service.record_attendance(session_id, dict.fromkeys(person_ids, True), now=AFTER_SESSION)
    return session_id


def _interview(
    office: UnlockedOffice,
    place: str,
    case_id: str,
    outcome: str | None,
    *,
    at: datetime = datetime(2026, 5, 5, 8, tzinfo=UTC),
    status: str = "attended",
    kind: str = "interview",
) -> None:
    with office.unit_of_work() as session:
        session.add(
            Appointment(
                case_id=case_id,
                kind=kind,
                starts_at=at,
                ends_at=at + timedelta(hours=1),
                location_id=place,
                status=status,
                outcome=outcome,
            )
        )


def _fit(office: UnlockedOffice, person_ids: Sequence[str]) -> None:
    """A fit pre-embarkation check the day before TRAVEL (written directly: the lead has
    no medical role)."""
    with office.unit_of_work() as session:
        for pid in person_ids:
            session.add(
                MedicalRecord(
                    person_id=pid,
                    kind="pec",
                    examined_at=travel_moment(TRAVEL) - timedelta(hours=24),
                    examiner="Dr Test",
                    outcome="fit",
                )
            )


def _ready_household(office: UnlockedOffice, place: str) -> tuple[str, list[str]]:
    case_id, ids = _household(office, date(1980, 3, 1), date(1985, 4, 2), date(2018, 5, 3))
    _passports(office, ids, date(2030, 1, 1))
    _fit(office, ids)
    _attended(office, place, ids[:2])
    _interview(office, place, case_id, "recommended")
    return case_id, ids


def _codes(blockers: Sequence[Blocker]) -> list[str]:
    return [b.rule_code for b in blockers]


# -- a whole household ------------------------------------------------------------------------


def test_a_prepared_household_is_ready(lead, place):
    case_id, _ = _ready_household(lead, place)
    report = ReadinessService(lead).blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert report.case_id == case_id
    assert report.ready and report.blockers == ()
    assert report.rules_checked == (
        "members",
        "travel_document",
        "fitness",
        "orientation",
        "interview",
    )


def test_a_household_without_members_is_never_ready(lead):
    case_id = RegistrationService(lead).create_case(CaseInput())
    report = ReadinessService(lead).blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert not report.ready
    assert next((b.rule_code, b.message) for b in report.blockers) == (
        "members",
        "No members are registered in the household",
    )


def test_an_unprepared_household_lists_every_blocker_with_its_reason(lead, place):
    case_id, (head, wife, child) = _household(
        lead, date(1980, 3, 1), date(1985, 4, 2), date(2018, 5, 3)
    )
    report = ReadinessService(lead).blockers(case_id, now=NOW)
    assert not report.ready
    assert [(b.rule_code, b.message, b.person_id) for b in report.blockers] == [
        ("travel_document", "Member0 Ahmadi has no travel document recorded", head),
        ("travel_document", "Member1 Ahmadi has no travel document recorded", wife),
        ("travel_document", "Member2 Ahmadi has no travel document recorded", child),
        ("fitness", "Member0 Ahmadi: fitness to travel pending", head),
        ("fitness", "Member1 Ahmadi: fitness to travel pending", wife),
        ("fitness", "Member2 Ahmadi: fitness to travel pending", child),
        ("orientation", "Member0 Ahmadi (46) has not attended pre-departure orientation", head),
        ("orientation", "Member1 Ahmadi (41) has not attended pre-departure orientation", wife),
        ("interview", "No immigration interview attended yet", None),
    ]


def test_unknown_and_merged_households_are_refused(lead):
    with pytest.raises(InvalidInput, match="no longer exists"):
        ReadinessService(lead).blockers("no-such-case", now=NOW)


# -- orientation ------------------------------------------------------------------------------


def test_orientation_is_required_from_exactly_the_adult_age_on_the_travel_date(lead, place):
    fifteen_on_travel = date(2011, 7, 15)
    fifteen_next_day = date(2011, 7, 16)
    case_id, (head, fifteen, fourteen) = _household(
        lead, date(1980, 1, 1), fifteen_on_travel, fifteen_next_day
    )
    report = ReadinessService(lead).blockers(case_id, travel_date=TRAVEL, now=NOW)
    orientation = [b for b in report.blockers if b.rule_code == "orientation"]
    assert [b.person_id for b in orientation] == [head, fifteen]  # not ``fourteen``
    assert (
        orientation[1].message == "Member1 Ahmadi (15) has not attended pre-departure orientation"
    )
    # without a travel date the age is taken today, when both are still 14
    today = ReadinessService(lead).blockers(case_id, now=NOW)
    assert [b.person_id for b in today.blockers if b.rule_code == "orientation"] == [head]
    assert fourteen


def test_the_adult_age_setting_is_respected(lead, place):
    case_id, (head, teen) = _household(lead, date(1980, 1, 1), date(2010, 1, 1))  # 16 at travel
    _attended(lead, place, [head])
    service = ReadinessService(lead)
    blocked = service.blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert [b.person_id for b in blocked.blockers if b.rule_code == "orientation"] == [teen]
    SettingsService(lead).set(ADULT_AGE, 18)
    passed = service.blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert "orientation" not in _codes(passed.blockers)


def test_an_unknown_date_of_birth_counts_as_adult(lead, place):
    case_id, (head, unknown) = _household(lead, date(1980, 1, 1), None)
    _attended(lead, place, [head])
    report = ReadinessService(lead).blockers(case_id, now=NOW)
    [blocker] = [b for b in report.blockers if b.rule_code == "orientation"]
    assert blocker.person_id == unknown
    assert blocker.message == (
        "Member1 Ahmadi (date of birth unknown, counted as adult) "
        "has not attended pre-departure orientation"
    )


def test_only_attendance_at_a_session_that_was_held_counts(lead, place):
    case_id, (head, wife, son) = _household(
        lead, date(1980, 1, 1), date(1982, 1, 1), date(1999, 1, 1)
    )
    cancelled = _attended(lead, place, [head], start=time(9))
    held = OrientationService(lead).create_session(
        SessionInput(SESSION_DAY, time(14), 60, place, "Dari"), now=NOW
    )
    OrientationService(lead).enrol_persons(held, [wife, son], now=NOW)
    OrientationService(lead).record_attendance(held, {wife: False}, now=AFTER_SESSION)
    # a session cancelled after attendance was taken (e.g. entered on the wrong session)
    with lead.unit_of_work() as session:
        row = session.get(OrientationSession, cancelled)
        assert row is not None
        row.cancelled = True
    report = ReadinessService(lead).blockers(case_id, now=NOW)
    # cancelled session, marked absent, enrolled without attendance recorded
    assert [b.person_id for b in report.blockers if b.rule_code == "orientation"] == [
        head,
        wife,
        son,
    ]


def test_attendance_of_a_merged_duplicate_counts_for_the_kept_person(lead, place):
    case_id, (head, duplicate) = _household(lead, date(1980, 1, 1), date(1980, 1, 1))
    _attended(lead, place, [duplicate])
    with lead.unit_of_work() as session:
        row = session.get(Person, duplicate)
        assert row is not None
        row.merged_into_id = head
    report = ReadinessService(lead).blockers(case_id, now=NOW)
    assert "orientation" not in _codes(report.blockers)


# -- interview --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        (None, "Interview outcome not recorded"),
        ("pending", "Interview outcome: pending"),
        ("further_interview", "Interview outcome: further interview needed"),
        ("refused", "Interview outcome: refused"),
        ("recommended", None),
    ],
)
def test_interview_outcome(lead, place, outcome, message):
    case_id, _ = _household(lead, date(1980, 1, 1))
    _interview(lead, place, case_id, outcome)
    report = ReadinessService(lead).blockers(case_id, now=NOW)
    found = [b for b in report.blockers if b.rule_code == "interview"]
    assert [b.message for b in found] == ([] if message is None else [message])
    assert all(b.person_id is None for b in found)


def test_only_the_latest_attended_interview_counts(lead, place):
    case_id, _ = _household(lead, date(1980, 1, 1))
    service = ReadinessService(lead)

    def interview_messages() -> list[str]:
        report = service.blockers(case_id, now=NOW)
        return [b.message for b in report.blockers if b.rule_code == "interview"]

    # scheduled, no-show and other kinds of appointment are not an attended interview
    _interview(lead, place, case_id, "recommended", status="scheduled")
    _interview(lead, place, case_id, "recommended", status="no_show")
    _interview(lead, place, case_id, "recommended", kind="medical_exam")
    assert interview_messages() == ["No immigration interview attended yet"]
    _interview(lead, place, case_id, "further_interview", at=datetime(2026, 4, 1, tzinfo=UTC))
    assert interview_messages() == ["Interview outcome: further interview needed"]
    _interview(lead, place, case_id, "recommended", at=datetime(2026, 5, 1, tzinfo=UTC))
    assert interview_messages() == []
    _interview(lead, place, case_id, "refused", at=datetime(2026, 5, 20, tzinfo=UTC))
    assert interview_messages() == ["Interview outcome: refused"]


def test_an_interview_of_a_household_merged_into_this_one_counts(lead, place):
    kept, _ = _household(lead, date(1980, 1, 1))
    dropped, _ = _household(lead, date(1981, 1, 1))
    _interview(lead, place, dropped, "recommended")
    with lead.unit_of_work() as session:
        row = session.get(Case, dropped)
        assert row is not None
        row.merged_into_id = kept
    report = ReadinessService(lead).blockers(kept, now=NOW)
    assert "interview" not in _codes(report.blockers)
    with pytest.raises(InvalidInput, match="may have been merged"):
        ReadinessService(lead).blockers(dropped, now=NOW)


# -- travel documents -------------------------------------------------------------------------


def test_travel_documents_must_last_through_the_travel_date(lead):
    case_id, (head, wife, son, daughter) = _household(
        lead, date(1980, 1, 1), date(1982, 1, 1), date(2005, 1, 1), date(2008, 1, 1)
    )
    registration = RegistrationService(lead)
    registration.add_document(head, DocumentInput("passport", "P1", expiry_date=TRAVEL))
    registration.add_document(wife, DocumentInput("passport", "P2", expiry_date=date(2026, 7, 1)))
    registration.add_document(son, DocumentInput("tazkira", "T3"))
    registration.add_document(son, DocumentInput("visa", "V3", expiry_date=date(2030, 1, 1)))
    registration.add_document(daughter, DocumentInput("laissez_passer", "L4"))
    report = ReadinessService(lead).blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert [
        (b.person_id, b.message) for b in report.blockers if b.rule_code == "travel_document"
    ] == [
        (
            wife,
            "Member1 Ahmadi's travel document expires on 01 Jul 2026, "
            "before the travel date 15 Jul 2026",
        ),
        (son, "Member2 Ahmadi has no travel document recorded"),
        (daughter, "Member3 Ahmadi's travel document has no expiry date recorded"),
    ]


@pytest.mark.parametrize(
    "doc_type",
    [
        "passport",
        "convention_travel_document",
        "icrc_travel_document",
        "laissez_passer",
        "single_journey",
    ],
)
def test_every_kind_of_travel_document_counts(lead, doc_type):
    case_id, (head,) = _household(lead, date(1980, 1, 1))
    RegistrationService(lead).add_document(
        head, DocumentInput(doc_type, "X1", expiry_date=date(2027, 1, 1))
    )
    report = ReadinessService(lead).blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert "travel_document" not in _codes(report.blockers)


def test_without_a_travel_date_documents_must_not_have_expired_today(lead):
    case_id, (head, wife) = _household(lead, date(1980, 1, 1), date(1982, 1, 1))
    registration = RegistrationService(lead)
    registration.add_document(head, DocumentInput("passport", "P1", expiry_date=TODAY))
    yesterday = TODAY - timedelta(days=1)
    registration.add_document(wife, DocumentInput("passport", "P2", expiry_date=yesterday))
    report = ReadinessService(lead).blockers(case_id, now=NOW)
    assert [
        (b.person_id, b.message) for b in report.blockers if b.rule_code == "travel_document"
    ] == [
        (wife, "Member1 Ahmadi's travel document expired on 31 May 2026"),
    ]


def test_one_valid_document_is_enough(lead):
    case_id, (head,) = _household(lead, date(1980, 1, 1))
    registration = RegistrationService(lead)
    registration.add_document(head, DocumentInput("passport", "OLD", expiry_date=date(2020, 1, 1)))
    registration.add_document(head, DocumentInput("passport", "NEW", expiry_date=date(2031, 1, 1)))
    report = ReadinessService(lead).blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert "travel_document" not in _codes(report.blockers)


# -- rules are data ---------------------------------------------------------------------------


def test_a_rule_is_added_by_appending_it(lead, place):
    case_id, _ = _ready_household(lead, place)

    def loan_note(
        session: Session, cases: Sequence[CaseFacts], ctx: Context
    ) -> Mapping[str, list[Blocker]]:
        return {
            c.id: [Blocker("loan_note", f"{c.case_number}: travel-loan note not signed")]
            for c in cases
        }

    rules = (*RULES, Rule("loan_note", "Travel-loan note signed", loan_note))
    report = ReadinessService(lead, rules).blockers(case_id, travel_date=TRAVEL, now=NOW)
    assert report.rules_checked[-1] == "loan_note"
    assert [b.rule_code for b in report.blockers] == ["loan_note"]
    assert not report.ready


# -- many households at once ------------------------------------------------------------------


def _many_households(office: UnlockedOffice, place: str, count: int) -> list[str]:
    """``count`` households of three written directly; every fourth has all it needs."""
    ids: list[str] = []
    with office.unit_of_work() as session:
        for n in range(count):
            case = Case(case_number=f"SHG-2026-{n + 1:05d}", status="registered")
            session.add(case)
            session.flush()
            ids.append(case.id)
            for m, born in enumerate((date(1980, 1, 1), date(1984, 1, 1), date(2015, 1, 1))):
                person = Person(
                    case_id=case.id,
                    relationship_to_principal="principal" if m == 0 else "daughter",
                    given_name=f"Person{n}x{m}",
                    family_name="Test",
                    sex="F",
                    date_of_birth=born,
                )
                session.add(person)
                session.flush()
                if n % 4 == 0:
                    session.add(
                        MedicalRecord(
                            person_id=person.id,
                            kind="pec",
                            examined_at=travel_moment(TRAVEL) - timedelta(hours=24),
                            examiner="Dr Test",
                            outcome="fit",
                        )
                    )
                if n % 4 == 0 or m == 0:
                    session.add(
                        Document(
                            person_id=person.id,
                            doc_type="passport",
                            number=f"P{n}{m}",
                            expiry_date=date(2030, 1, 1) if n % 3 else date(2026, 1, 1),
                        )
                    )
            if n % 4 == 0:
                session.add(
                    Appointment(
                        case_id=case.id,
                        kind="interview",
                        starts_at=datetime(2026, 5, 1, 8, tzinfo=UTC),
                        ends_at=datetime(2026, 5, 1, 9, tzinfo=UTC),
                        location_id=place,
                        status="attended",
                        outcome="recommended" if n % 8 == 0 else "pending",
                    )
                )
    return ids


class StatementCounter:
    def __init__(self, office: UnlockedOffice) -> None:
        self.count = 0
        self._engine = office.db.engine

    def _seen(self, *args: Any) -> None:
        self.count += 1

    def __enter__(self) -> StatementCounter:
        event.listen(self._engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


def test_many_households_are_checked_in_a_bounded_number_of_queries(lead, place):
    ids = _many_households(lead, place, 200)
    attended_heads = []
    with lead.reading() as session:
        for case_id in ids[::5]:
            case = session.get(Case, case_id)
            assert case is not None
            attended_heads += [p.id for p in case.persons]
    service = OrientationService(lead)
    for n in range(0, len(attended_heads), 25):
        _attended(lead, place, attended_heads[n : n + 25], start=time(8 + n // 25))

    readiness = ReadinessService(lead)
    with StatementCounter(lead) as few:
        readiness.blockers_for_cases(ids[:10], travel_date=TRAVEL, now=NOW)
    started = clock.perf_counter()
    with StatementCounter(lead) as many:
        reports = readiness.blockers_for_cases(ids, travel_date=TRAVEL, now=NOW)
    elapsed = clock.perf_counter() - started
    assert many.count == few.count <= 12
    assert elapsed < 1.0
    assert [r.case_id for r in reports] == ids
    for report in reports[::7]:
        assert report == readiness.blockers(report.case_id, travel_date=TRAVEL, now=NOW)
    assert any(r.ready for r in reports) and not all(r.ready for r in reports)
    assert service.list_sessions(SESSION_DAY, SESSION_DAY)


def test_blockers_for_cases_keeps_the_order_asked_and_skips_unknown_ids(lead, place):
    first, _ = _ready_household(lead, place)
    second, _ = _household(lead, date(1980, 1, 1))
    reports = ReadinessService(lead).blockers_for_cases(
        [second, "no-such-case", first, second], travel_date=TRAVEL, now=NOW
    )
    assert [(r.case_id, r.ready) for r in reports] == [(second, False), (first, True)]
    assert ReadinessService(lead).blockers_for_cases([], now=NOW) == []
