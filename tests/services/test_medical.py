"""Medical records: validation, validity windows, the summary others see, restrictions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import partial

import pytest

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.journey.readiness import ReadinessService
from desktop.services.journey.transitions import JourneyService
from desktop.services.medical.examinations import MedicalInput, MedicalService, validate_medical
from desktop.services.medical.fitness import FitnessService, travel_moment
from desktop.services.office import auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.clock import office_today, to_utc
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import PEC_VALID_HOURS, SettingsService
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.registration import RegistrationService
from tests.builders import force_status
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD

EXAM_DAY = date(2026, 3, 2)
FIT = MedicalInput("health_assessment", EXAM_DAY, "Dr Hoxha", "fit", clinic="IOM clinic")
# a diagnosis-like note that must never reach anyone but the medical team
SECRET = "CANARY-DIAGNOSIS-tuberculosis-7731"


@pytest.fixture
def team(office, data_dir):  # type: ignore[no-untyped-def]
    """A registration clerk who made a household, and a medical officer."""
    accounts = AccountService(office)
    accounts.add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    accounts.add_user("doc", frozenset({Role.MEDICAL}), USER_PASSWORD)
    office.close()
    clerk = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    registration = RegistrationService(clerk)
    case_id = registration.create_case(CaseInput(family_language="Dari"))
    people = [
        registration.add_person(
            case_id,
            PersonInput(
                relationship=rel,
                given_name=name,
                family_name="Sadat",
                sex=sex,
                date_of_birth=born,
            ),
        )
        for rel, name, sex, born in (
            ("principal", "Wahid", "M", date(1975, 2, 2)),
            ("spouse", "Shakila", "F", date(1990, 3, 3)),
        )
    ]
    clerk.close()
    doc = auth.unlock(data_dir, "doc", USER_PASSWORD)
    yield doc, case_id, people, data_dir
    doc.close()


def _as(data_dir, user: str) -> UnlockedOffice:  # type: ignore[no-untyped-def]
    return auth.unlock(data_dir, user, ADMIN_PASSWORD if user == "admin" else USER_PASSWORD)


def _evening(day: date) -> datetime:
    return to_utc(day, time(23, 0))


def test_validation_explains_each_problem() -> None:
    today = date(2026, 3, 3)
    check = partial(validate_medical, today=today, now=_evening(today))
    assert check(FIT) == {}
    bad = replace(FIT, outcome="unfit_deferred")
    assert "review" in check(bad)["review_date"]
    bad = replace(FIT, other_ssr=("DEPA",))
    assert "never for refugees" in check(bad)["other_ssr"]
    bad = replace(FIT, mobility_ssr="WCHR")
    assert "fit with conditions" in check(bad)["outcome"]
    bad = replace(FIT, outcome="fit_medical_escort")
    assert "nurse or a doctor" in check(bad)["escort"]
    bad = replace(FIT, outcome="fit_with_conditions")
    assert "Say which condition" in check(bad)["outcome"]
    bad = replace(FIT, examined_on=date(2026, 3, 4))
    assert "before it happened" in check(bad)["examined_on"]
    bad = replace(FIT, oxygen_lpm=40.0, pregnancy_weeks=50, examiner=" ")
    assert set(check(bad)) >= {"oxygen_lpm", "pregnancy_weeks", "examiner"}


def test_summary_shows_codes_and_escort_but_no_diagnosis(team) -> None:  # type: ignore[no-untyped-def]
    doc, _, (head, wife), data_dir = team
    medical = MedicalService(doc)
    medical.add(
        head,
        replace(
            FIT,
            outcome="fit_medical_escort",
            escort="nurse",
            mobility_ssr="WCHC",
            oxygen_lpm=2.0,
            medif_required=True,
            notes=SECRET,
        ),
    )
    medical.add(wife, replace(FIT, pregnancy_weeks=20, notes=SECRET))
    at = datetime(2026, 3, 10, tzinfo=UTC)
    clerk = _as(data_dir, "clerk")
    try:
        summaries = FitnessService(clerk).summaries([head, wife], at=at)
    finally:
        clerk.close()
    assert summaries[head].state == "cleared_assistance"
    assert summaries[head].ssr_codes == ("WCHC", "OXYG", "MEDA")
    assert summaries[head].escort == "medical"
    assert summaries[head].text == "Cleared - assistance: WCHC, OXYG, MEDA; medical escort"
    # a pregnancy is not a condition others need to see
    assert summaries[wife].state == "cleared" and summaries[wife].ssr_codes == ()
    assert SECRET not in repr(summaries)
    assert "pregnan" not in repr(summaries[wife]).lower()
    assert set(vars(summaries[wife])) == {
        "person_id",
        "state",
        "ssr_codes",
        "escort",
        "valid_until",
    }


def test_validity_windows_and_expiry(team) -> None:  # type: ignore[no-untyped-def]
    doc, _, (head, wife), _ = team
    medical = MedicalService(doc)
    medical.add(head, FIT)
    exam = datetime(2026, 3, 2, 8, tzinfo=UTC)  # 09:00 in Tirane
    fitness = FitnessService(doc)
    assert fitness.summary(head, at=exam - timedelta(minutes=1)).state == "pending"
    # six months later at 09:00 office time, which is summer time by then
    until = datetime(2026, 9, 2, 7, tzinfo=UTC)
    assert fitness.summary(head, at=until).state == "cleared"
    assert fitness.summary(head, at=until + timedelta(seconds=1)).state == "expired"
    medical.add(wife, replace(FIT, kind="pec"))
    assert fitness.summary(wife, at=exam + timedelta(hours=72)).state == "cleared"
    assert fitness.summary(wife, at=exam + timedelta(hours=73)).state == "expired"


def test_pec_validity_is_an_office_setting(team, data_dir) -> None:  # type: ignore[no-untyped-def]
    doc, _, (head, _), _ = team
    MedicalService(doc).add(head, replace(FIT, kind="pec"))
    admin = _as(data_dir, "admin")
    try:
        SettingsService(admin).set(PEC_VALID_HOURS, 48)
    finally:
        admin.close()
    exam = datetime(2026, 3, 2, 8, tzinfo=UTC)
    assert FitnessService(doc).summary(head, at=exam + timedelta(hours=49)).state == "expired"


def test_latest_examination_decides(team) -> None:  # type: ignore[no-untyped-def]
    doc, _, (head, _), _ = team
    medical = MedicalService(doc)
    medical.add(head, FIT)
    medical.add(
        head,
        replace(
            FIT,
            kind="follow_up",
            examined_on=date(2026, 3, 9),
            outcome="unfit_deferred",
            review_date=date(2026, 4, 9),
        ),
    )
    at = datetime(2026, 3, 10, tzinfo=UTC)
    assert FitnessService(doc).summary(head, at=at).state == "not_cleared"
    history = medical.history(head)
    assert [r.outcome for r in history] == ["unfit_deferred", "fit"]
    assert history[0].valid_until is None and history[1].valid_until is not None


def test_only_the_medical_role_reads_or_writes_records(team) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (head, _), data_dir = team
    record_id = MedicalService(doc).add(head, replace(FIT, notes=SECRET))
    for user in ("clerk", "admin"):
        other = _as(data_dir, user)
        try:
            service = MedicalService(other)
            assert not service.may_read
            for call in (
                lambda s=service: s.history(head),
                lambda s=service: s.record(record_id),
                lambda s=service: s.case_history(case_id),
                lambda s=service: s.worklist(),
                lambda s=service: s.summary_of(head),
                lambda s=service: s.pregnancy_warnings(case_id, date(2026, 4, 1)),
                lambda s=service: s.add(head, FIT),
                lambda s=service: s.update(record_id, FIT),
            ):
                with pytest.raises(PermissionDenied, match="Medical officer"):
                    call()
        finally:
            other.close()


def test_pregnancy_limit_is_warned_for_the_travel_date(team) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (_, wife), _ = team
    MedicalService(doc).add(wife, replace(FIT, pregnancy_weeks=30))
    medical = MedicalService(doc)
    assert medical.pregnancy_warnings(case_id, date(2026, 4, 1)) == []
    (warning,) = medical.pregnancy_warnings(case_id, date(2026, 4, 20))
    assert (warning.person_id, warning.weeks_on_travel, warning.limit) == (wife, 37, 36)


def test_readiness_needs_fitness_and_a_pec_before_travel(team) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (head, wife), _ = team
    medical = MedicalService(doc)
    travel = date(2026, 3, 20)
    medical.add(head, FIT)
    medical.add(wife, replace(FIT, outcome="unfit"))

    def fitness_blockers() -> list[str]:
        report = ReadinessService(doc).blockers(
            case_id, travel_date=travel, now=datetime(2026, 3, 3, tzinfo=UTC)
        )
        return [b.message for b in report.blockers if b.rule_code == "fitness"]

    assert fitness_blockers() == [
        "Wahid Sadat: no pre-embarkation check in the 72 hours before the travel date",
        "Shakila Sadat: not cleared to travel",
    ]
    pec_day = travel - timedelta(days=1)
    medical.add(head, replace(FIT, kind="pec", examined_on=pec_day))
    medical.add(wife, replace(FIT, kind="pec", examined_on=pec_day, examined_at=time(15)))
    assert fitness_blockers() == []
    assert travel_moment(travel) - datetime(2026, 3, 19, 8, tzinfo=UTC) < timedelta(hours=72)


def test_reads_are_audited_without_medical_content(team) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from desktop.store.models import AuditEvent

    doc, _, (head, _), _ = team
    MedicalService(doc).add(head, replace(FIT, notes=SECRET))
    MedicalService(doc).history(head)
    with doc.reading() as session:
        events = session.scalars(select(AuditEvent)).all()
    assert {"medical_recorded", "medical_read"} <= {e.action for e in events}
    assert all(SECRET not in e.detail and "Dr Hoxha" not in e.detail for e in events)


def test_bad_input_is_refused_whole(team) -> None:  # type: ignore[no-untyped-def]
    doc, _, (head, _), _ = team
    with pytest.raises(InvalidInput, match="deportee codes"):
        MedicalService(doc).add(head, replace(FIT, other_ssr=("DEPU",)))
    assert MedicalService(doc).history(head) == []


def test_an_exam_later_today_is_refused_and_months_follow_the_office_clock() -> None:
    from desktop.services.medical.fitness import Validity, valid_until
    from desktop.store.models import MedicalRecord

    now = datetime(2026, 6, 11, 12, tzinfo=UTC)  # 14:00 in Tirane
    later = replace(FIT, examined_on=date(2026, 6, 11), examined_at=time(23))
    assert "before it happened" in validate_medical(later, now=now)["examined_at"]
    earlier = replace(FIT, examined_on=date(2026, 6, 11), examined_at=time(9))
    assert validate_medical(earlier, now=now) == {}
    gap = replace(FIT, examined_on=date(2026, 3, 29), examined_at=time(2, 30))
    assert "does not exist" in validate_medical(gap, now=now)["examined_at"]
    # examined 11 June 09:00 summer time: valid until 11 December 09:00 winter time
    record = MedicalRecord(
        kind="health_assessment",
        outcome="fit",
        examined_at=datetime(2026, 6, 11, 7, tzinfo=UTC),
    )
    assert valid_until(record, Validity(72, 6)) == datetime(2026, 12, 11, 8, tzinfo=UTC)


def test_the_journey_follows_the_medical_team(team, data_dir) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (head, wife), _ = team
    _set_status(data_dir, case_id, "accepted")
    # yesterday in the office: an examination at 09:00 today may not have happened yet
    today = office_today() - timedelta(days=1)
    medical = MedicalService(doc)

    def status() -> str:
        with doc.reading() as session:
            from desktop.store.models import Case

            found = session.get(Case, case_id)
            assert found is not None
            return found.status

    medical.add(head, replace(FIT, examined_on=today))
    assert status() == "medical_in_progress"
    deferral = replace(
        FIT, examined_on=today, outcome="unfit_deferred", review_date=today + timedelta(30)
    )
    record = medical.add(wife, deferral)
    assert status() == "deferred"
    medical.update(record, replace(FIT, examined_on=today))
    assert status() == "medically_cleared"


def _status(office: UnlockedOffice, case_id: str) -> str:
    from desktop.store.models import Case

    with office.reading() as session:
        found = session.get(Case, case_id)
        assert found is not None
        return found.status


def _set_status(data_dir, case_id: str, status: str) -> None:  # type: ignore[no-untyped-def]
    clerk = _as(data_dir, "clerk")
    try:
        force_status(clerk, case_id, status, "moved along")
    finally:
        clerk.close()


def test_a_deferral_holds_while_the_others_are_examined(team, data_dir) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (head, wife), _ = team
    _set_status(data_dir, case_id, "accepted")
    day = office_today() - timedelta(days=20)
    medical = MedicalService(doc)
    deferral = replace(
        FIT, examined_on=day, outcome="unfit_deferred", review_date=day + timedelta(30)
    )
    medical.add(wife, deferral)
    assert _status(doc, case_id) == "deferred"
    # the head's clearance does not lift his wife's deferral: the household travels together
    medical.add(head, replace(FIT, examined_on=day))
    assert _status(doc, case_id) == "deferred"
    medical.add(wife, replace(FIT, examined_on=day + timedelta(days=10)))
    assert _status(doc, case_id) == "medically_cleared"


def test_an_older_examination_does_not_decide_the_journey(team, data_dir) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (head, wife), _ = team
    _set_status(data_dir, case_id, "accepted")
    medical = MedicalService(doc)
    day = office_today() - timedelta(days=3)
    medical.add(head, replace(FIT, examined_on=day))
    medical.add(wife, replace(FIT, examined_on=day))
    assert _status(doc, case_id) == "medically_cleared"
    # typed in late: a deferral of a week before, since overtaken by the clearance
    old = replace(
        FIT, examined_on=day - timedelta(days=7), outcome="unfit_deferred", review_date=day
    )
    record = medical.add(head, old)
    assert _status(doc, case_id) == "medically_cleared"
    medical.update(record, replace(old, notes="reviewed"))
    assert _status(doc, case_id) == "medically_cleared"


def test_a_corrected_deferral_returns_the_household_to_its_place(team, data_dir) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (head, wife), _ = team
    medical = MedicalService(doc)
    day = office_today() - timedelta(days=3)
    medical.add(head, replace(FIT, examined_on=day))
    medical.add(wife, replace(FIT, examined_on=day))
    _set_status(data_dir, case_id, "booked")
    deferral = replace(
        FIT,
        examined_on=day + timedelta(1),
        outcome="unfit_deferred",
        review_date=day + timedelta(30),
    )
    record = medical.add(wife, deferral)
    assert _status(doc, case_id) == "deferred"
    # entered for the wrong person: corrected, the booked household is booked again
    medical.update(record, replace(deferral, outcome="fit", review_date=None))
    assert _status(doc, case_id) == "booked"


def test_medical_statuses_are_the_medical_teams(team, data_dir) -> None:  # type: ignore[no-untyped-def]
    _, case_id, _, _ = team
    clerk = _as(data_dir, "clerk")
    try:
        journey = JourneyService(clerk)
        with pytest.raises(PermissionDenied, match="Medical officer"):
            journey.change_status(case_id, "medically_cleared", "looks fine")
        journey.change_status(case_id, "on_hold", "family asked to wait")
    finally:
        clerk.close()


def test_an_old_pregnancy_record_raises_no_warning(team) -> None:  # type: ignore[no-untyped-def]
    doc, case_id, (_, wife), _ = team
    MedicalService(doc).add(wife, replace(FIT, pregnancy_weeks=30))
    # 30 weeks on 2 March 2026: the child was born long before a flight a year later
    assert MedicalService(doc).pregnancy_warnings(case_id, date(2027, 3, 1)) == []
