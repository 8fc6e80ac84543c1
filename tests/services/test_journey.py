"""The journey: one owner of a case's status, moves as data, rules before moves."""

from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import InvalidInput, PermissionDenied
from desktop.services.journey.statuses import CASE_STATUSES, ENDED
from desktop.services.journey.transitions import (
    PREVIOUS,
    TRANSITIONS,
    JourneyService,
    Mover,
    transition,
)
from desktop.services.office.permissions import Role
from desktop.services.registry.household_types import CaseInput
from desktop.services.registry.registration import RegistrationService
from desktop.store.models import AuditEvent
from tests.builders import add_team, force_status, household, signed_in

ROOT = Path(__file__).resolve().parents[2]
CHILDREN = [date(2019, 5, 5), date(2021, 6, 6)]


@pytest.fixture
def team(office, data_dir):  # type: ignore[no-untyped-def]
    add_team(office, Role.REGISTRATION, Role.MOVEMENT, Role.MEDICAL)
    return data_dir


def _choice(journey: JourneyService, case_id: str, status: str):  # type: ignore[no-untyped-def]
    return next(c for c in journey.choices(case_id).choices if c.status == status)


def _status(office, case_id: str) -> str:  # type: ignore[no-untyped-def]
    return RegistrationService(office).case_detail(case_id).status


def test_the_moves_name_real_statuses_and_every_status_can_be_reached() -> None:
    for move in TRANSITIONS:
        assert move.to in (*CASE_STATUSES, PREVIOUS)
        assert move.sources <= set(CASE_STATUSES), move
        assert move.movers
        assert (Mover.PERSON in move.movers) == bool(move.permissions), move
    reachable = {m.to for m in TRANSITIONS}
    assert set(CASE_STATUSES) - {"registered"} <= reachable


def test_an_empty_household_cannot_be_sent_off(team) -> None:  # type: ignore[no-untyped-def]
    with signed_in(team, "registration") as clerk:
        case_id = RegistrationService(clerk).create_case(CaseInput())
        journey = JourneyService(clerk)
        departed = _choice(journey, case_id, "departed")
        assert not departed.allowed and "departure" in departed.why_not
        with pytest.raises(InvalidInput, match="departure"):
            journey.change_status(case_id, "departed", "the clerk tried")
        booked = _choice(journey, case_id, "booked")
        assert not booked.allowed
        assert _status(clerk, case_id) == "registered"


def test_travel_ready_over_blockers_needs_a_movement_override(team) -> None:  # type: ignore[no-untyped-def]
    with signed_in(team, "registration") as clerk:
        family = household(clerk, "Noori", 2)
        force_status(clerk, family.case_id, "orientation_done")
        ready = _choice(JourneyService(clerk), family.case_id, "travel_ready")
        assert not ready.allowed
        assert "readiness blocker" in ready.why_not and "Movement officer" in ready.why_not
        with pytest.raises(InvalidInput, match="readiness blocker"):
            JourneyService(clerk).change_status(family.case_id, "travel_ready", "looks ready")
    with signed_in(team, "movement") as movement:
        journey = JourneyService(movement)
        ready = _choice(journey, family.case_id, "travel_ready")
        assert ready.allowed and ready.needs_override
        assert any("travel document" in b for b in ready.blockers)
        with pytest.raises(InvalidInput, match="override"):
            journey.change_status(family.case_id, "travel_ready", "charter tomorrow")
        journey.change_status(
            family.case_id, "travel_ready", "documents at the embassy", override=True
        )
        detail = RegistrationService(movement).case_detail(family.case_id)
        assert detail.status == "travel_ready"
        assert "override of" in detail.history[-1].reason
        with movement.reading() as session:
            event = session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action == "case_status_changed")
                .order_by(AuditEvent.seq.desc())
            ).first()
        assert event is not None and event.target_id == family.case_id
        assert json.loads(event.detail)["overridden_blockers"] == len(ready.blockers)


def test_a_move_whose_rules_pass_is_offered_plainly(team) -> None:  # type: ignore[no-untyped-def]
    with signed_in(team, "registration") as clerk:
        family = household(clerk, "Rahimi", births=CHILDREN)  # nobody of orientation age
        force_status(clerk, family.case_id, "medically_cleared")
        journey = JourneyService(clerk)
        done = _choice(journey, family.case_id, "orientation_done")
        assert done.allowed and not done.needs_override
        assert journey.change_status(family.case_id, "orientation_done", "children only") == (
            "orientation_done"
        )


def test_a_pause_returns_to_where_the_household_was(team) -> None:  # type: ignore[no-untyped-def]
    with signed_in(team, "registration") as clerk:
        family = household(clerk)
        journey = JourneyService(clerk)
        journey.change_status(family.case_id, "interview_scheduled", "embassy slot")
        assert not any(c.returning for c in journey.choices(family.case_id).choices)
        journey.change_status(family.case_id, "on_hold", "family asked to wait")
        back = _choice(journey, family.case_id, PREVIOUS)
        assert back.allowed and back.title == "Back to Interview scheduled"
        assert journey.change_status(family.case_id, PREVIOUS, "ready again") == (
            "interview_scheduled"
        )
        journey.change_status(family.case_id, "withdrawn", "moved to another country")
        assert _choice(journey, family.case_id, PREVIOUS).allowed
        assert not _choice(journey, family.case_id, "on_hold").allowed


def test_medical_statuses_need_the_medical_role(team) -> None:  # type: ignore[no-untyped-def]
    with signed_in(team, "registration") as clerk:
        family = household(clerk)
        force_status(clerk, family.case_id, "accepted")
        cleared = _choice(JourneyService(clerk), family.case_id, "medically_cleared")
        assert cleared.needs_role and "Medical officer" in cleared.why_not
        with pytest.raises(PermissionDenied, match="Medical officer"):
            JourneyService(clerk).change_status(family.case_id, "deferred", "looks unwell")
    with signed_in(team, "medical") as doctor:
        cleared = _choice(JourneyService(doctor), family.case_id, "medically_cleared")
        assert not cleared.allowed and not cleared.needs_role
        assert "fitness to travel pending" in cleared.why_not
        assert "override" not in cleared.why_not  # the medical records decide, nobody overrides


def test_workflows_move_only_where_the_journey_allows(team) -> None:  # type: ignore[no-untyped-def]
    assert transition("booked", "refused", Mover.INTERVIEW) is None
    assert transition("interviewed", "refused", Mover.INTERVIEW) is not None
    assert transition("refused", "interviewed", Mover.INTERVIEW) is not None
    assert transition("deferred", "booked", Mover.MEDICAL) is not None
    assert transition("deferred", "booked", Mover.PERSON) is None
    for ended in ENDED:
        assert all(transition(ended, s, Mover.MEDICAL) is None for s in CASE_STATUSES)


def test_only_the_journey_writes_a_status() -> None:
    """No module but the journey adds to a household's history or sets its status."""
    owner = ROOT / "desktop/services/journey/transitions.py"
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        if path == owner or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "CaseStatusEvent" not in text and ".status =" not in text:
            continue  # nothing to look at closer (parsing every module takes a second)
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "CaseStatusEvent"
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} CaseStatusEvent(...)")
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and target.attr == "status"
                        and isinstance(target.value, ast.Name)
                        and "case" in target.value.id.lower()
                    ):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} case.status =")
    assert offenders == []


def test_who_may_change_a_status_by_hand(team, office) -> None:  # type: ignore[no-untyped-def]
    assert not JourneyService(office).may_change_status  # an admin alone moves no household
    for role in ("registration", "movement", "medical"):
        with signed_in(team, role) as user:
            assert JourneyService(user).may_change_status, role
