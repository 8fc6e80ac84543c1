"""Change notices: every committed write says what it changed; nothing else does."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.errors import InvalidInput
from desktop.services.changes import TABLE_KINDS, Change, Kind
from desktop.services.office.clock import FrozenClock
from desktop.services.office.permissions import Role
from desktop.services.registry.duplicates import DuplicateService
from desktop.services.registry.household_types import CaseInput, DocumentInput
from desktop.services.registry.registration import RegistrationService
from desktop.store.models import Base, Case
from tests.builders import add_team, household, signed_in


@pytest.fixture
def seen(clerk_office):  # type: ignore[no-untyped-def]
    changes: list[Change] = []
    clerk_office.changes.subscribe(changes.append)
    return changes


def test_every_data_table_has_a_kind() -> None:
    tables = set(Base.metadata.tables) - {"counters", "tombstones"}
    assert tables - set(TABLE_KINDS) == set()


def test_a_new_household_announces_itself_once(clerk_office, seen) -> None:
    case_id = RegistrationService(clerk_office).create_case(CaseInput(family_language="Dari"))
    assert len(seen) == 1
    assert seen[0].kinds == {Kind.CASE, Kind.AUDIT}
    assert seen[0].case_ids == {case_id}
    assert case_id in seen[0].ids


def test_a_document_names_the_household_of_its_person(clerk_office, seen) -> None:
    family = household(clerk_office, members=1)
    seen.clear()
    RegistrationService(clerk_office).add_document(
        family.principal_id, DocumentInput("passport", "P1234567", "AFG", None, date(2030, 1, 1))
    )
    assert seen[-1].touches(Kind.DOCUMENT)
    assert seen[-1].case_ids == {family.case_id}
    assert seen[-1].touches_case(family.case_id)
    assert not seen[-1].touches_case("another")


def test_a_refused_write_announces_nothing(clerk_office, seen) -> None:
    family = household(clerk_office, members=1)
    seen.clear()
    with pytest.raises(InvalidInput):
        RegistrationService(clerk_office).move_custody("no such document", "office_safe")
    with pytest.raises(RuntimeError), clerk_office.unit_of_work() as session:
        session.add(Case(case_number="SHG-2026-99999", status="registered"))
        session.flush()
        raise RuntimeError("rolled back")
    assert seen == []
    assert family.case_id  # the household is still there, untouched


def test_a_merge_names_both_households(clerk_office, seen) -> None:
    first = household(clerk_office, "Karimi", 1)
    second = household(clerk_office, "Karimi", 1)
    seen.clear()
    DuplicateService(clerk_office).merge_cases(first.case_id, second.case_id)
    assert {first.case_id, second.case_id} <= seen[-1].case_ids


def test_unsubscribed_callbacks_hear_nothing(clerk_office) -> None:
    heard: list[Change] = []
    unsubscribe = clerk_office.changes.subscribe(heard.append)
    unsubscribe()
    household(clerk_office)
    assert heard == []


def test_changes_merge_and_say_what_they_touch() -> None:
    a = Change(frozenset({Kind.CASE}), frozenset({"1"}), frozenset({"c1"}))
    b = Change(frozenset({Kind.MEDICAL}), frozenset({"2"}), frozenset({"c2"}))
    both = a.merged(b)
    assert both.touches(Kind.MEDICAL) and both.touches(Kind.CASE)
    assert not both.touches(Kind.PLACE)
    assert both.touches_any_case(["c2", "x"]) and not both.touches_any_case(["x"])
    assert not Change() and both
    assert Change(all_cases=True, kinds=frozenset({Kind.PERSON})).touches_case("anything")


def test_rows_are_stamped_by_the_office_clock(clerk_office) -> None:
    frozen = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # the autumn change night
    clerk_office.clock = FrozenClock(frozen)
    case_id = RegistrationService(clerk_office).create_case(CaseInput())
    with clerk_office.reading() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.created_at == frozen and case.updated_at == frozen
        assert case.case_number.startswith("SHG-2026-")


def test_the_clock_decides_the_year_of_a_case_number(clerk_office) -> None:
    clerk_office.clock = FrozenClock(datetime(2030, 12, 31, 23, 30, tzinfo=UTC))  # 00:30 in Tirana
    registration = RegistrationService(clerk_office)
    case_id = registration.create_case(CaseInput())
    assert registration.case_detail(case_id).case_number.startswith("SHG-2031-")


def test_each_unlock_has_its_own_feed(office, data_dir) -> None:
    add_team(office, Role.REGISTRATION)
    heard: list[Change] = []
    office.changes.subscribe(heard.append)
    with signed_in(data_dir, "registration") as clerk:
        household(clerk)
    assert all(not change.touches(Kind.CASE) for change in heard)
