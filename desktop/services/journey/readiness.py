"""Travel readiness: the rules a household must pass before it is booked, as data.

Each ``Rule`` has a code, a title and a check. A check looks at many households
at once (one query per rule for a whole page of cases, not one per case) and
returns, per case id, the ``Blocker``s it found: what is missing, in words a
movement officer can act on. A case is ready when no rule finds a blocker.
Adding a rule (medical fitness, escorts, loan notes, bookings) means writing its
check and appending it to ``RULES``.

Blocker messages may name members: they are shown in the app to staff who may
read the registry. They are never logged or audited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.medical.fitness import (
    FIT_OUTCOMES,
    read_validity,
    summaries_in,
    travel_moment,
)
from desktop.services.office.clock import age_on, office_today
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import ADULT_AGE, SettingsService
from desktop.services.registry.names import latin_name
from desktop.store.models import (
    Appointment,
    Case,
    Document,
    MedicalRecord,
    OrientationEnrolment,
    OrientationSession,
    Person,
)

#: documents a person can cross a border with
TRAVEL_DOCUMENT_TYPES: Final[tuple[str, ...]] = (
    "passport",
    "convention_travel_document",
    "icrc_travel_document",
    "laissez_passer",
    "single_journey",
)
INTERVIEW_OUTCOME_MESSAGES: Final[dict[str, str]] = {
    "pending": "Interview outcome: pending",
    "further_interview": "Interview outcome: further interview needed",
    "refused": "Interview outcome: refused",
}
#: households per query: a page of the case list is one query per rule
CHUNK: Final = 500
#: members per query (SQLite takes up to 32,766 bound values)
PERSON_CHUNK: Final = 5000


@dataclass(frozen=True)
class Blocker:
    rule_code: str
    message: str  # may name a member: for the screen, never for logs
    person_id: str | None = None  # None: the household as a whole


@dataclass(frozen=True)
class ReadinessReport:
    case_id: str
    blockers: tuple[Blocker, ...]
    ready: bool
    rules_checked: tuple[str, ...]


@dataclass(frozen=True)
class Member:
    id: str
    name: str  # Latin script, "given family"
    relationship: str
    date_of_birth: date | None


@dataclass(frozen=True)
class CaseFacts:
    """What every rule needs about a household: its active members, principal first."""

    id: str
    case_number: str
    members: tuple[Member, ...]


@dataclass(frozen=True)
class Context:
    today: date  # office date
    travel_date: date | None
    adult_age: int
    now: datetime  # aware; when fitness is judged without a travel date

    @property
    def reference_date(self) -> date:
        """The day ages and document validity are judged on: travel, or today if unknown."""
        return self.travel_date or self.today


Check = Callable[[Session, Sequence[CaseFacts], Context], Mapping[str, list[Blocker]]]


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    check: Check  # blockers per case id; cases without blockers may be left out


# -- the rules -----------------------------------------------------------------------------


def check_members(
    session: Session, cases: Sequence[CaseFacts], ctx: Context
) -> Mapping[str, list[Blocker]]:
    """A household travels with its people: one without members is never ready."""
    return {
        facts.id: [Blocker("members", "No members are registered in the household")]
        for facts in cases
        if not facts.members
    }


def check_orientation(
    session: Session, cases: Sequence[CaseFacts], ctx: Context
) -> Mapping[str, list[Blocker]]:
    """Every member of orientation age on the travel day attended a (not cancelled) session."""
    day = ctx.reference_date
    due: list[tuple[str, Member, int | None]] = []
    for facts in cases:
        for member in facts.members:
            born = member.date_of_birth
            age = None if born is None else age_on(born, day)
            if age is None or age >= ctx.adult_age:
                due.append((facts.id, member, age))
    attended: set[str] = set()
    for chunk in _chunks(sorted({case_id for case_id, _, _ in due})):
        members = select(Person.id).where(Person.case_id.in_(chunk))
        # attendance of a duplicate later merged into a member counts for the member
        rows = session.execute(
            select(Person.id, Person.merged_into_id)
            .join(OrientationEnrolment, OrientationEnrolment.person_id == Person.id)
            .join(OrientationSession, OrientationSession.id == OrientationEnrolment.session_id)
            .where(
                or_(Person.case_id.in_(chunk), Person.merged_into_id.in_(members)),
                OrientationEnrolment.attended.is_(True),
                OrientationSession.cancelled.is_(False),
            )
        )
        attended.update(merged_into or person_id for person_id, merged_into in rows)
    found: dict[str, list[Blocker]] = {}
    for case_id, member, age in due:
        if member.id in attended:
            continue
        said = "date of birth unknown, counted as adult" if age is None else str(age)
        found.setdefault(case_id, []).append(
            Blocker(
                "orientation",
                f"{member.name} ({said}) has not attended pre-departure orientation",
                member.id,
            )
        )
    return found


def check_interview(
    session: Session, cases: Sequence[CaseFacts], ctx: Context
) -> Mapping[str, list[Blocker]]:
    """The household's latest attended immigration interview recommends it."""
    latest: dict[str, tuple[datetime, str | None]] = {}
    for chunk in _chunks([facts.id for facts in cases]):
        rows = session.execute(
            select(Case.id, Case.merged_into_id, Appointment.starts_at, Appointment.outcome)
            .join(Appointment, Appointment.case_id == Case.id)
            .where(
                or_(Case.id.in_(chunk), Case.merged_into_id.in_(chunk)),
                Appointment.kind == "interview",
                Appointment.status == "attended",
            )
        )
        for case_id, merged_into, starts_at, outcome in rows:
            key = merged_into or case_id
            if key not in latest or starts_at > latest[key][0]:
                latest[key] = (starts_at, outcome)
    found: dict[str, list[Blocker]] = {}
    for facts in cases:
        if facts.id not in latest:
            message = "No immigration interview attended yet"
        else:
            outcome = latest[facts.id][1]
            if outcome == "recommended":
                continue
            if outcome is None:
                message = "Interview outcome not recorded"
            else:
                message = INTERVIEW_OUTCOME_MESSAGES.get(
                    outcome, "Interview outcome not recognised"
                )
        found[facts.id] = [Blocker("interview", message)]
    return found


def check_travel_document(
    session: Session, cases: Sequence[CaseFacts], ctx: Context
) -> Mapping[str, list[Blocker]]:
    """Every member holds a travel document valid through the travel date (or today)."""
    day = ctx.reference_date
    expiries: dict[str, list[date | None]] = {}
    members = [(facts.id, member) for facts in cases for member in facts.members]
    for chunk in _chunks([facts.id for facts in cases if facts.members]):
        rows = session.execute(
            select(Document.person_id, Document.expiry_date)
            .join(Person, Person.id == Document.person_id)
            .where(Person.case_id.in_(chunk), Document.doc_type.in_(TRAVEL_DOCUMENT_TYPES))
        )
        for person_id, expiry in rows:
            expiries.setdefault(person_id, []).append(expiry)
    found: dict[str, list[Blocker]] = {}
    for case_id, member in members:
        held = expiries.get(member.id, [])
        known = [e for e in held if e is not None]
        if any(e >= day for e in known):
            continue
        if not held:
            message = f"{member.name} has no travel document recorded"
        elif len(known) < len(held):
            message = f"{member.name}'s travel document has no expiry date recorded"
        elif ctx.travel_date is not None:
            message = (
                f"{member.name}'s travel document expires on {max(known):%d %b %Y}, "
                f"before the travel date {ctx.travel_date:%d %b %Y}"
            )
        else:
            message = f"{member.name}'s travel document expired on {max(known):%d %b %Y}"
        found.setdefault(case_id, []).append(Blocker("travel_document", message, member.id))
    return found


FITNESS_MESSAGES: Final[dict[str, str]] = {
    "pending": "{name}: fitness to travel pending",
    "not_cleared": "{name}: not cleared to travel",
    "expired": "{name}: fitness to travel expired",
}


def check_fitness(
    session: Session, cases: Sequence[CaseFacts], ctx: Context
) -> Mapping[str, list[Blocker]]:
    """Every member cleared and not expired on the travel date (or now); with a travel
    date, also a pre-embarkation check within its validity before that day. The messages
    carry the summary only, never why."""
    at = travel_moment(ctx.travel_date) if ctx.travel_date else ctx.now
    members = [(facts.id, member) for facts in cases for member in facts.members]
    validity = read_validity(session)
    summaries = summaries_in(session, [m.id for _, m in members], at, validity)
    pec_ok: set[str] = set()
    hours = validity.pec_hours
    if ctx.travel_date is not None:
        for chunk in _chunks([m.id for _, m in members], PERSON_CHUNK):
            pec_ok.update(
                session.scalars(
                    select(MedicalRecord.person_id).where(
                        MedicalRecord.person_id.in_(chunk),
                        MedicalRecord.kind == "pec",
                        MedicalRecord.outcome.in_(FIT_OUTCOMES),
                        MedicalRecord.examined_at <= at,
                        MedicalRecord.examined_at >= at - timedelta(hours=hours),
                    )
                )
            )
    found: dict[str, list[Blocker]] = {}
    for case_id, member in members:
        state = summaries[member.id].state
        if state in FITNESS_MESSAGES:
            message = FITNESS_MESSAGES[state].format(name=member.name)
            found.setdefault(case_id, []).append(Blocker("fitness", message, member.id))
        elif ctx.travel_date is not None and member.id not in pec_ok:
            found.setdefault(case_id, []).append(
                Blocker(
                    "fitness",
                    f"{member.name}: no pre-embarkation check in the {hours} hours "
                    "before the travel date",
                    member.id,
                )
            )
    return found


#: in the order of DESIGN.md section 2 (escort and loan-note rules come with departures)
RULES: tuple[Rule, ...] = (
    Rule("members", "At least one member registered", check_members),
    Rule("travel_document", "Valid travel document for every member", check_travel_document),
    Rule("fitness", "Fit to travel, checked before departure", check_fitness),
    Rule("orientation", "Pre-departure orientation attended by the adults", check_orientation),
    Rule("interview", "Immigration interview outcome: recommended", check_interview),
)


# -- the service -----------------------------------------------------------------------------


class ReadinessService:
    def __init__(self, office: UnlockedOffice, rules: Sequence[Rule] = RULES) -> None:
        self._office = office
        self._rules = tuple(rules)

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._rules

    def blockers(
        self, case_id: str, *, travel_date: date | None = None, now: datetime | None = None
    ) -> ReadinessReport:
        """What stops one household from travelling (on ``travel_date``, if known)."""
        reports = self.blockers_for_cases([case_id], travel_date=travel_date, now=now)
        if not reports:
            raise InvalidInput("That household no longer exists (it may have been merged).")
        return reports[0]

    def blockers_for_cases(
        self,
        case_ids: Sequence[str],
        *,
        travel_date: date | None = None,
        now: datetime | None = None,
    ) -> list[ReadinessReport]:
        """Reports in the order asked; unknown and merged households are left out.

        One query for the households plus one per rule for every 500 households, however
        many members they have.
        """
        self._office.require(Perm.REGISTRY_READ, "see whether households are ready to travel")
        wanted = list(dict.fromkeys(case_ids))
        if not wanted:
            return []
        moment = now or self._office.clock.now()
        ctx = Context(
            today=office_today(moment),
            travel_date=travel_date,
            adult_age=SettingsService(self._office).get(ADULT_AGE),
            now=moment,
        )
        with self._office.reading() as session:
            facts = _case_facts(session, wanted)
            found: dict[str, list[Blocker]] = {}
            for rule in self._rules:
                for case_id, blockers in rule.check(session, facts, ctx).items():
                    found.setdefault(case_id, []).extend(blockers)
        codes = tuple(rule.code for rule in self._rules)
        by_id = {
            f.id: ReadinessReport(
                f.id, tuple(found.get(f.id, ())), not found.get(f.id), rules_checked=codes
            )
            for f in facts
        }
        return [by_id[i] for i in wanted if i in by_id]


def _case_facts(session: Session, case_ids: Sequence[str]) -> list[CaseFacts]:
    members: dict[str, list[Member]] = {}
    numbers: dict[str, str] = {}
    for chunk in _chunks(case_ids):
        rows = session.execute(
            select(
                Case.id,
                Case.case_number,
                Person.id,
                Person.given_name,
                Person.family_name,
                Person.relationship_to_principal,
                Person.date_of_birth,
            )
            .outerjoin(Person, (Person.case_id == Case.id) & Person.merged_into_id.is_(None))
            .where(Case.id.in_(chunk), Case.merged_into_id.is_(None))
            .order_by(
                Case.id,
                Person.relationship_to_principal != "principal",
                Person.date_of_birth.is_(None),
                Person.date_of_birth,
                Person.given_name,
            )
        )
        for case_id, number, person_id, given, family, relationship, born in rows:
            numbers[case_id] = number
            household = members.setdefault(case_id, [])
            if person_id is not None:
                household.append(Member(person_id, latin_name(given, family), relationship, born))
    return [CaseFacts(i, numbers[i], tuple(members[i])) for i in case_ids if i in numbers]


_T = TypeVar("_T")


def _chunks(items: Sequence[_T], size: int = CHUNK) -> Iterator[list[_T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
