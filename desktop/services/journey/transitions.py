"""The one owner of a case's status: which moves are allowed, to whom, on which rules.

Every status change goes through ``JourneyService``: a person's choice in "Change
status..." (``change_status``) and the workflows that move a household as the office's
work goes on (``follow``: an interview booked or its outcome recorded, the medical
records, departures). Each move writes the case history and an audit event. Nothing
else writes ``Case.status`` or a ``CaseStatusEvent`` (a test walks the code for it).

The allowed moves are data (``TRANSITIONS``): from which statuses, by whom (a person with
one of the permissions, or a workflow), and which readiness rules must pass first. A
person may move a household over failing rules only where the move allows an override,
with the override permission and a reason, and the history says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.journey.readiness import RULES, ReadinessService
from desktop.services.journey.statuses import (
    CASE_STATUSES,
    ENDED,
    MAIN_PATH,
    REGISTERED,
    status_title,
)
from desktop.services.office.permissions import Perm, roles_with
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.lookups import active_case
from desktop.store.models import Case, CaseStatusEvent


class Mover(StrEnum):
    """Who moves a household: a person, or one of the office's workflows."""

    PERSON = "person"
    SCHEDULE = "interview booked"
    INTERVIEW = "interview outcome"
    MEDICAL = "medical records"
    DEPARTURE = "departure"


#: the target of a move back to the status a household had before a pause or an end
PREVIOUS: Final = "previous"
_ACTIVE: Final = frozenset(s for s in CASE_STATUSES if s not in ENDED)
_EVERYONE_WRITING: Final = frozenset({Perm.REGISTRY_WRITE})
_MEDICAL_TEAM: Final = frozenset({Perm.MEDICAL_WRITE})


@dataclass(frozen=True)
class Transition:
    to: str
    sources: frozenset[str]
    movers: frozenset[Mover]
    #: a person needs one of these (for ``Mover.PERSON``)
    permissions: frozenset[Perm] = frozenset()
    #: readiness rules that must pass before a person makes this move
    rules: tuple[str, ...] = ()
    #: who may make the move over failing rules, with a reason kept in the history
    override: Perm | None = None
    #: what to do instead, for the moves a person cannot make by hand
    instead: str = ""


def _t(
    to: str,
    sources: Sequence[str] | frozenset[str],
    *movers: Mover,
    permissions: frozenset[Perm] = frozenset(),
    rules: tuple[str, ...] = (),
    override: Perm | None = None,
    instead: str = "",
) -> Transition:
    return Transition(
        to, frozenset(sources), frozenset(movers), permissions, rules, override, instead
    )


_RULE_CODES: Final = tuple(rule.code for rule in RULES)
_MEDICAL_FROM: Final = ("interviewed", "accepted", "medical_in_progress", "deferred")

TRANSITIONS: Final[tuple[Transition, ...]] = (
    _t(
        "interview_scheduled",
        [REGISTERED],
        Mover.SCHEDULE,
        Mover.PERSON,
        permissions=_EVERYONE_WRITING,
    ),
    _t(
        "interviewed",
        [REGISTERED, "interview_scheduled", "refused"],
        Mover.INTERVIEW,
        instead="Record the interview's outcome on its appointment.",
    ),
    _t(
        "refused",
        [REGISTERED, "interview_scheduled", "interviewed"],
        Mover.INTERVIEW,
        Mover.PERSON,
        permissions=_EVERYONE_WRITING,
    ),
    _t(
        "accepted",
        ["interviewed"],
        Mover.PERSON,
        permissions=_EVERYONE_WRITING,
        rules=("interview",),
    ),
    _t(
        "medical_in_progress",
        [*_MEDICAL_FROM, "medically_cleared"],
        Mover.MEDICAL,
        Mover.PERSON,
        permissions=_MEDICAL_TEAM,
    ),
    _t(
        "medically_cleared",
        _MEDICAL_FROM,
        Mover.MEDICAL,
        Mover.PERSON,
        permissions=_MEDICAL_TEAM,
        rules=("members", "fitness"),
    ),
    _t("deferred", _ACTIVE - {"deferred"}, Mover.MEDICAL, Mover.PERSON, permissions=_MEDICAL_TEAM),
    # a lifted deferral returns a household to where it was when that was past the medical
    # stage (the medical records decide which)
    *(_t(s, ["deferred"], Mover.MEDICAL) for s in ("orientation_done", "travel_ready", "booked")),
    _t("on_hold", ["deferred"], Mover.MEDICAL),
    _t(
        "orientation_done",
        ["medically_cleared"],
        Mover.PERSON,
        permissions=frozenset({Perm.REGISTRY_WRITE, Perm.SCHEDULE_WRITE}),
        rules=("orientation",),
    ),
    _t(
        "travel_ready",
        ["medically_cleared", "orientation_done"],
        Mover.PERSON,
        permissions=frozenset({Perm.REGISTRY_WRITE, Perm.MOVEMENT_WRITE}),
        rules=_RULE_CODES,
        override=Perm.MOVEMENT_WRITE,
    ),
    _t(
        "booked",
        ["travel_ready"],
        Mover.DEPARTURE,
        instead="A household is booked by adding it to a departure.",
    ),
    _t(
        "departed",
        ["booked"],
        Mover.DEPARTURE,
        instead="A household departs when its departure is closed on the day of travel.",
    ),
    _t("on_hold", _ACTIVE - {"on_hold"}, Mover.PERSON, permissions=_EVERYONE_WRITING),
    _t(PREVIOUS, ["on_hold", "withdrawn"], Mover.PERSON, permissions=_EVERYONE_WRITING),
    _t("withdrawn", _ACTIVE, Mover.PERSON, permissions=_EVERYONE_WRITING),
)


@dataclass(frozen=True)
class StatusChoice:
    """One status a household could be moved to by a person, and whether this user may."""

    status: str
    title: str
    allowed: bool
    #: why not, in words the user can act on ("" when allowed)
    why_not: str = ""
    #: readiness blockers the move would override (only where an override is allowed)
    blockers: tuple[str, ...] = ()
    #: the move back to the status held before a pause or an end
    returning: bool = False
    #: not allowed because the user lacks a role (rather than because of the household)
    needs_role: bool = False
    #: the status the household would have (for a move back: the status it had before)
    target: str = ""

    @property
    def needs_override(self) -> bool:
        return self.allowed and bool(self.blockers)


@dataclass(frozen=True)
class StatusChoices:
    current: str
    choices: tuple[StatusChoice, ...]

    @property
    def allowed(self) -> tuple[StatusChoice, ...]:
        return tuple(c for c in self.choices if c.allowed)


def transition(source: str, to: str, mover: Mover) -> Transition | None:
    """The move from ``source`` to ``to`` that ``mover`` may make, if there is one."""
    for candidate in TRANSITIONS:
        if candidate.to == to and source in candidate.sources and mover in candidate.movers:
            return candidate
    return None


class JourneyService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    # -- a person's choice ------------------------------------------------------------------
    @property
    def may_change_status(self) -> bool:
        """Whether this user may make any move by hand (a movement officer may set travel
        ready, a medical officer a medical status, a clerk most others)."""
        return any(
            self._office.actor.can(p)
            for move in TRANSITIONS
            if Mover.PERSON in move.movers
            for p in move.permissions
        )

    def choices(self, case_id: str) -> StatusChoices:
        """Every status but the current one, each allowed or not with the reason why."""
        self._office.require(Perm.REGISTRY_READ, "see a household's status")
        with self._office.reading() as session:
            case = active_case(session, case_id)
            current = case.status
            previous = _status_before(session, case.id, current)
        wanted = [s for s in CASE_STATUSES if s != current]
        if previous is not None:
            wanted.insert(0, PREVIOUS)
        blockers = self._blockers_by_rule(case_id, wanted, current, previous)
        choices = [self._choice(current, status, previous, blockers) for status in wanted]
        return StatusChoices(current, tuple(choices))

    def change_status(
        self, case_id: str, status: str, reason: str, *, override: bool = False
    ) -> str:
        """Move a household by hand; returns the status it now has. ``override`` moves it
        over failing readiness rules where the move allows it (the reason says why)."""
        self._office.require(Perm.REGISTRY_READ, "change the status of households")
        if status not in (*CASE_STATUSES, PREVIOUS):
            raise InvalidInput("Unknown status; choose one of the statuses offered.")
        if not " ".join(reason.split()):
            raise InvalidInput("Say why the status changes; it stays in the case history.")
        choice = next((c for c in self.choices(case_id).choices if c.status == status), None)
        if choice is None:
            raise InvalidInput("The household already has this status.")
        if choice.needs_role:
            self._office.require_any(_person_move_permissions(status), "set this status")
        if not choice.allowed:
            raise InvalidInput(choice.why_not)
        if choice.blockers and not override:
            raise InvalidInput(
                f"{len(choice.blockers)} readiness rule(s) fail: {'; '.join(choice.blockers)}. "
                "Resolve them, or record an override with the reason."
            )
        with self._office.unit_of_work() as session:
            case = active_case(session, case_id)
            target = _status_before(session, case.id, case.status) if choice.returning else status
            if target is None or transition(case.status, status, Mover.PERSON) is None:
                raise InvalidInput("The household's status changed meanwhile; look again.")
            note = " ".join(reason.split())
            if choice.blockers:
                note = f"{note} (override of {len(choice.blockers)} readiness blocker(s))"
            self._write(session, case, target, note, Mover.PERSON, overridden=len(choice.blockers))
            return target

    # -- the workflows ------------------------------------------------------------------------
    def follow(self, session: Session, case: Case, to: str, reason: str, mover: Mover) -> bool:
        """Move ``case`` as a workflow has it, inside that workflow's unit of work, when the
        journey allows the move from where the household is; returns whether it moved."""
        if case.status == to or transition(case.status, to, mover) is None:
            return False
        self._write(session, case, to, reason, mover)
        return True

    def open(self, session: Session, case: Case) -> None:
        """A new household starts registered; the history says when and by whom."""
        case.status = REGISTERED
        session.add(CaseStatusEvent(case_id=case.id, status=REGISTERED, reason="created"))

    @staticmethod
    def opening_rows(case_ids: Sequence[str], reason: str) -> list[dict[str, object]]:
        """History rows for households inserted in bulk (imports, the demo)."""
        from desktop.store.models import new_id

        return [
            {"id": new_id(), "case_id": c, "status": REGISTERED, "reason": reason} for c in case_ids
        ]

    def note(self, session: Session, case: Case, reason: str) -> None:
        """A line in the history without a move (a merge keeps the kept household's status)."""
        session.add(CaseStatusEvent(case_id=case.id, status=case.status, reason=reason))

    # -- inside ---------------------------------------------------------------------------------
    def _write(
        self, session: Session, case: Case, to: str, reason: str, mover: Mover, overridden: int = 0
    ) -> None:
        case.status = to
        session.add(CaseStatusEvent(case_id=case.id, status=to, reason=reason))
        detail: dict[str, object] = {"status": to, "by": mover.value}
        if overridden:
            detail["overridden_blockers"] = overridden
        self._office.audit(session, "case_status_changed", "case", case.id, detail)

    def _choice(
        self,
        current: str,
        status: str,
        previous: str | None,
        blockers: dict[str, tuple[str, ...]],
    ) -> StatusChoice:
        returning = status == PREVIOUS
        target = (previous or "") if returning else status
        title = f"Back to {status_title(target)}" if returning else status_title(status)
        actor = self._office.actor
        allowed_to = _person_move_permissions(status)
        if allowed_to and not any(actor.can(p) for p in allowed_to):
            why = f"Needs the role {roles_with(allowed_to)}."
            return StatusChoice(
                status, title, False, why, (), returning, needs_role=True, target=target
            )
        move = transition(current, status, Mover.PERSON)
        if move is None or not any(actor.can(p) for p in move.permissions):
            return StatusChoice(
                status, title, False, _why_not(current, status), (), returning, target=target
            )
        rules, override = _rules_of(previous if returning and previous else status, move)
        failing = tuple(m for code in rules for m in blockers.get(code, ()))
        if failing and not (override and actor.can(override)):
            why = f"{len(failing)} readiness blocker(s): {'; '.join(failing[:3])}"
            if override:
                why += f". A {roles_with([override])} may record an override."
            return StatusChoice(status, title, False, why, failing, returning, target=target)
        return StatusChoice(status, title, True, "", failing, returning, target=target)

    def _blockers_by_rule(
        self, case_id: str, wanted: Sequence[str], current: str, previous: str | None
    ) -> dict[str, tuple[str, ...]]:
        codes = {
            code
            for status in wanted
            if (move := transition(current, status, Mover.PERSON)) is not None
            for code in _rules_of(previous if status == PREVIOUS and previous else status, move)[0]
        }
        if not codes:
            return {}
        rules = [rule for rule in RULES if rule.code in codes]
        [report] = ReadinessService(self._office, rules).blockers_for_cases([case_id])
        found: dict[str, list[str]] = {}
        for blocker in report.blockers:
            found.setdefault(blocker.rule_code, []).append(blocker.message)
        return {code: tuple(messages) for code, messages in found.items()}


def _rules_of(target: str, move: Transition) -> tuple[tuple[str, ...], Perm | None]:
    """The readiness rules (and who may override them) of a move to ``target``; a move
    back after a pause or an end must pass the rules of the status it returns to."""
    if move.to != PREVIOUS:
        return move.rules, move.override
    into = [m for m in TRANSITIONS if m.to == target and Mover.PERSON in m.movers and m.rules]
    return (into[0].rules, into[0].override) if into else ((), None)


def _person_move_permissions(status: str) -> frozenset[Perm]:
    return frozenset(
        p for m in TRANSITIONS if m.to == status and Mover.PERSON in m.movers for p in m.permissions
    )


def _why_not(current: str, status: str) -> str:
    for move in TRANSITIONS:
        if move.to == status and move.instead:
            return move.instead
    if status == PREVIOUS:
        return "There is no earlier status to go back to."
    by_hand = [m for m in TRANSITIONS if m.to == status and Mover.PERSON in m.movers]
    if any(Mover.MEDICAL in m.movers for m in TRANSITIONS if m.to == status) and not by_hand:
        return "The medical records decide this status."
    sources = sorted({s for m in by_hand for s in m.sources}, key=_order)
    if not sources:
        return "No one sets this status by hand."
    if current in ENDED:
        return f"The household is {status_title(current).lower()}."
    return f"Only from {', '.join(status_title(s) for s in sources[:4])}" + (
        ", …" if len(sources) > 4 else "."
    )


def _order(status: str) -> int:
    return CASE_STATUSES.index(status)


def _status_before(session: Session, case_id: str, current: str) -> str | None:
    """For a household on hold or withdrawn, the status it had before (None otherwise)."""
    if current not in ("on_hold", "withdrawn"):
        return None
    history = session.scalars(
        select(CaseStatusEvent.status)
        .where(CaseStatusEvent.case_id == case_id)
        .order_by(CaseStatusEvent.created_at.desc(), CaseStatusEvent.change_seq.desc())
    ).all()
    for status in history:
        if status in (*MAIN_PATH, "deferred"):
            return status
    return None
