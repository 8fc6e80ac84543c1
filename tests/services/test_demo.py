"""The demo office: DEMO code, one user per role, fictional households, deterministic."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.errors import AuthenticationError, InvalidInput, OfficeExists, WeakPassword
from desktop.services.demo.office import DEMO_CODE, create_demo_office
from desktop.services.office import audit, auth
from desktop.services.office.accounts import AccountService
from desktop.services.office.permissions import Role
from desktop.services.office.session import UnlockedOffice
from desktop.store.keyring import Keyring
from desktop.store.models import Case, Document, Person
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD

REF = date(2026, 3, 1)
HOUSEHOLDS = 20
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # module scope: the autouse cheap-KDF fixture is function scoped, so patch here too
    mp = pytest.MonkeyPatch()
    from tests.conftest import CHEAP_KDF

    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        directory = tmp_path_factory.mktemp("demo") / "office"
        result = create_demo_office(
            directory, USER_PASSWORD, HOUSEHOLDS, seed=7, reference_date=REF
        )
        assert result.households == HOUSEHOLDS
        assert result.data_dir == directory
    finally:
        mp.undo()
    return directory


def _open(directory: Path, user: str = "admin") -> UnlockedOffice:
    return auth.unlock(directory, user, USER_PASSWORD)


def _people(directory: Path) -> list[tuple[str, str, str, str]]:
    office = _open(directory)
    try:
        with office.reading() as session:
            rows = session.execute(
                select(Case.case_number, Person.given_name, Person.family_name, Person.native_name)
                .join(Person.case)
                .order_by(Case.case_number, Person.given_name, Person.native_name)
            ).all()
    finally:
        office.close()
    return [tuple(r) for r in rows]


def test_demo_office_is_marked(demo_dir: Path) -> None:
    keyring = Keyring.load(OfficePaths(demo_dir).keyring)
    assert keyring.demo is True
    assert keyring.office_code == DEMO_CODE == "DEMO"
    office = _open(demo_dir)
    try:
        assert office.info.demo
        assert office.info.code == "DEMO"
    finally:
        office.close()


def test_demo_users_and_roles(demo_dir: Path) -> None:
    office = _open(demo_dir)
    try:
        users = {u.username: u for u in AccountService(office).list_users()}
    finally:
        office.close()
    assert set(users) == {"admin", "registration", "medical", "protection", "movement", "viewer"}
    assert users["admin"].roles == frozenset(Role)
    for role in Role:
        if role is not Role.ADMIN:
            assert users[role.value].roles == frozenset({role}), role
    assert not any(u.disabled for u in users.values())


@pytest.mark.parametrize(
    "user", ["admin", "registration", "medical", "protection", "movement", "viewer"]
)
def test_every_demo_user_opens_with_the_given_password(demo_dir: Path, user: str) -> None:
    office = _open(demo_dir, user)
    try:
        assert office.actor.username == user
        assert office.info.demo
    finally:
        office.close()
    with pytest.raises(AuthenticationError):
        auth.unlock(demo_dir, user, ADMIN_PASSWORD)


def test_demo_households_are_stored(demo_dir: Path) -> None:
    office = _open(demo_dir)
    try:
        with office.reading() as session:
            cases = session.scalars(select(Case).order_by(Case.case_number)).all()
            persons = session.scalar(select(func.count()).select_from(Person))
            documents = session.scalar(select(func.count()).select_from(Document))
            native = session.scalars(select(Person.native_name)).all()
            chain = audit.verify(session, office.audit_key)
            events = [e.action for e in audit.recent(session, 1000)]
    finally:
        office.close()
    assert len(cases) == HOUSEHOLDS
    assert [c.case_number for c in cases] == [f"DEMO-2026-{i:05d}" for i in range(1, 21)]
    assert persons >= HOUSEHOLDS
    assert documents >= persons  # everyone holds at least one document
    assert all(ARABIC_SCRIPT.search(n) for n in native)
    assert {c.created_by for c in cases} == {"admin"}
    assert len({c.change_seq for c in cases}) == HOUSEHOLDS
    assert chain.ok
    assert "demo_created" in events


def test_same_seed_gives_the_same_people(demo_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    other = tmp_path / "other"
    create_demo_office(again, USER_PASSWORD, HOUSEHOLDS, seed=7, reference_date=REF)
    create_demo_office(other, USER_PASSWORD, HOUSEHOLDS, seed=8, reference_date=REF)
    first = _people(demo_dir)
    assert len(first) > HOUSEHOLDS
    assert _people(again) == first
    assert _people(other) != first


def test_result_counts_match_the_database(tmp_path: Path) -> None:
    result = create_demo_office(tmp_path / "d", USER_PASSWORD, 3, seed=1, reference_date=REF)
    assert result.households == 3
    assert result.usernames == (
        "admin",
        "registration",
        "medical",
        "protection",
        "movement",
        "viewer",
    )
    office = _open(tmp_path / "d")
    try:
        with office.reading() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == result.persons
    finally:
        office.close()


def test_zero_households(tmp_path: Path) -> None:
    result = create_demo_office(tmp_path / "d", USER_PASSWORD, 0)
    assert (result.households, result.persons) == (0, 0)


def test_negative_households_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        create_demo_office(tmp_path / "d", USER_PASSWORD, -1)
    assert not OfficePaths(tmp_path / "d").has_office()


def test_demo_over_an_existing_office_is_refused(office: UnlockedOffice, data_dir: Path) -> None:
    office.close()
    before = OfficePaths(data_dir).keyring.read_bytes()
    with pytest.raises(OfficeExists):
        create_demo_office(data_dir, USER_PASSWORD, 1)
    assert OfficePaths(data_dir).keyring.read_bytes() == before


def test_a_password_refused_for_one_demo_account_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    with pytest.raises(WeakPassword) as info:
        create_demo_office(target, "medical team quiet meadow", 3)
    assert "must not contain your user name" in info.value.message
    assert "demo accounts are admin, registration, medical" in info.value.message
    assert not OfficePaths(target).has_office()


def test_demo_passports_carry_valid_mrzs_and_some_people_are_planted_twice(
    tmp_path: Path,
) -> None:
    from desktop.services.registry.duplicates import DuplicateService
    from desktop.services.registry.mrz import parse_mrz

    target = tmp_path / "demo"
    create_demo_office(target, USER_PASSWORD, 45, seed=5, reference_date=date(2026, 6, 1))
    office = auth.unlock(target, "registration", USER_PASSWORD)
    try:
        with office.reading() as session:
            rows = session.execute(
                select(Document.number, Document.mrz, Person.given_name)
                .join(Person, Person.id == Document.person_id)
                .where(Document.doc_type == "passport")
            ).all()
            needs = session.scalar(
                select(func.count()).select_from(Person).where(Person.specific_needs.is_(True))
            )
        assert rows
        for number, mrz, _given in rows:
            parsed = parse_mrz(mrz, today=date(2026, 6, 1))  # raises on any bad check digit
            assert parsed.document_number == number and parsed.nationality == "AFG"
        assert needs is not None and needs > 0
        pairs = DuplicateService(office).candidates()
        planted = [c for c in pairs if "same document number" in c.reasons]
        assert len(planted) >= 1  # 45 households: one principal registered twice
    finally:
        office.close()


def test_demo_schedule_has_a_past_and_a_future(demo_dir: Path) -> None:
    from datetime import timedelta

    from desktop.services.schedule.appointments import AppointmentService
    from desktop.services.schedule.places import PlacesService

    office = _open(demo_dir)
    try:
        assert len(PlacesService(office).list()) == 4
        service = AppointmentService(office)
        today = REF  # the demo's "today"
        every = service.agenda(today - timedelta(days=60), today + timedelta(days=30))
        statuses = {a.status for a in every}
        assert {"attended", "no_show", "scheduled", "notified"} <= statuses
        assert any(a.outcome == "recommended" for a in every)
        assert any(a.starts_at.date() > today for a in every)
        assert service.no_show_follow_ups()
        # nobody is booked twice at the same time
        slots = [(p.person_id, a.starts_at) for a in every for p in a.attendees]
        assert len(slots) == len(set(slots))
    finally:
        office.close()


def test_demo_medical_records_have_every_outcome(demo_dir: Path) -> None:
    from datetime import UTC, datetime, time, timedelta

    from desktop.services.medical.examinations import MedicalService
    from desktop.services.medical.fitness import FitnessService
    from desktop.services.office.clock import to_utc
    from desktop.services.vocabulary import MEDICAL_OUTCOMES

    # the demo's present moment: the end of its "today", or now if that is earlier
    moment = min(datetime.now(UTC), to_utc(REF, time(17)))
    office = _open(demo_dir)  # the demo admin holds every role, medical included
    try:
        with office.reading() as session:
            case_ids = list(session.scalars(select(Case.id)))
        medical = MedicalService(office)
        histories = [medical.case_history(c) for c in case_ids]
        records = [r for h in histories for views in h.values() for r in views]
        summaries = FitnessService(office).summaries(
            list({r.person_id for r in records}), at=moment
        )
        warnings = [w for c in case_ids for w in medical.pregnancy_warnings(c, REF + timedelta(21))]
        worklist = medical.worklist(now=moment)
        with office.reading() as session:
            created = [e for e in audit.recent(session, 5000) if e.action == "demo_created"]
    finally:
        office.close()
    assert {r.outcome for r in records} == set(MEDICAL_OUTCOMES)
    assert {r.kind for r in records} >= {"health_assessment", "pec"}
    assert all(r.examined_at <= moment for r in records)
    assert all(r.examiner and r.clinic for r in records)
    pecs = [r for r in records if r.kind == "pec"]
    assert any(r.valid_until and r.valid_until >= moment for r in pecs)  # valid
    assert any(r.valid_until and r.valid_until < moment for r in pecs)  # expired
    assert {r.mobility_ssr for r in records} >= {"WCHR", "WCHS", "WCHC", "STCR"}
    assert {r.escort for r in records} >= {"nurse", "doctor"}
    assert any(r.outcome == "fit_non_medical_escort" for r in records)
    assert any(r.oxygen_lpm for r in records) and any(r.medif_required for r in records)
    deferred = [r for r in records if r.outcome == "unfit_deferred"]
    assert all(r.review_date and r.review_date > REF for r in deferred)
    pregnant = [r for r in records if r.pregnancy_weeks]
    assert pregnant and warnings  # some past the carrier's limit three weeks from now
    assert len(warnings) < len({r.person_id for r in pregnant})  # and some not
    states = {s.state for s in summaries.values()}
    assert states == {"cleared", "cleared_assistance", "not_cleared", "pending", "expired"}
    assert any(i.need == "Decision pending" for i in worklist)
    assert created and '"medical_records": ' + str(len(records)) in created[0].detail
