"""Medical records for the demo office: the families examined at the clinic (the medical
exams the demo schedule marks attended) get a health assessment with every outcome, a few
pregnancies, wheelchairs, oxygen and escorts; some households about to travel get a
pre-embarkation check, valid or already expired.

Everything goes through ``MedicalService``, so every record passes the same validation
as one typed by a medical officer, and the case statuses and audit events are the real
ones. The text is fictional. Nothing is dated after the present moment: the service
refuses examinations that have not happened yet.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desktop.services.demo.medical_plans import (
    CONDITIONS,
    FIT_NOTES,
    SETBACKS,
    Member,
    Plan,
    adult,
    older,
)
from desktop.services.medical.examinations import MedicalInput, MedicalService
from desktop.services.medical.fitness import FIT_OUTCOMES
from desktop.services.office.clock import to_local, to_utc
from desktop.services.office.session import UnlockedOffice
from desktop.services.schedule.appointments import AppointmentService
from desktop.store.models import Case, Person

#: days before the demo's "today" in which attended clinic exams are looked for
LOOK_BACK_DAYS = 45
CLINIC = "IOM clinic Shëngjin"
EXAMINERS = ("Dr Elira Hoxha", "Dr Arben Kola", "Dr Mimoza Leka")
PEC_EXAMINERS = ("Nurse Drita Gjoni", "Dr Arben Kola")
#: the times of the day the clinic does pre-embarkation checks (office time)
PEC_SLOTS = (time(8, 30), time(10), time(11, 30), time(14), time(15, 30))
#: an expired check is older than this (the default validity is 72 hours)
PEC_STALE_HOURS = 73


@dataclass(frozen=True)
class _Household:
    case_id: str
    examined_at: datetime  # aware UTC
    members: tuple[Member, ...]


def add_demo_medical(office: UnlockedOffice, today: date, seed: int = 1) -> int:
    """Medical records for the households examined in the demo schedule; returns how
    many records were made. ``office`` must be able to write medical records."""
    rng = random.Random(f"medical-{seed}")
    moment = min(office.clock.now(), to_utc(today, time(17)))
    households = _examined_households(office, today, moment)
    if not households:
        return 0
    plans = _assign(households, rng)
    medical = MedicalService(office)
    made = _add_assessments(medical, households, plans, today)
    return made + _add_checks(medical, households, plans, today, moment)


def _add_assessments(
    medical: MedicalService, households: list[_Household], plans: dict[str, Plan], today: date
) -> int:
    """A health assessment for every member examined, at the time of the clinic exam."""
    made = 0
    for n, household in enumerate(households):
        for member in household.members:
            plan = plans[member.person_id]
            medical.add(
                member.person_id,
                _input("health_assessment", plan, household.examined_at, today, EXAMINERS[n % 3]),
            )
            made += 1
    return made


def _add_checks(
    medical: MedicalService,
    households: list[_Household],
    plans: dict[str, Plan],
    today: date,
    moment: datetime,
) -> int:
    """Pre-embarkation checks that repeat the assessment's findings (a pregnancy has gone
    on in the meantime)."""
    made = 0
    for household, when in _pec_times(households, plans, moment):
        for k, member in enumerate(household.members):
            plan = plans[member.person_id]
            if plan.pregnancy_weeks is not None:
                later = (when - household.examined_at).days // 7
                plan = replace(plan, pregnancy_weeks=min(42, plan.pregnancy_weeks + later))
            plan = replace(plan, notes="No change since the health assessment. " + plan.notes)
            medical.add(
                member.person_id,
                _input("pec", plan, when, today, PEC_EXAMINERS[k % 2]),
            )
            made += 1
    return made


def _examined_households(office: UnlockedOffice, today: date, moment: datetime) -> list[_Household]:
    """Households with a clinic exam marked attended, in case-number order."""
    exams = AppointmentService(office).agenda(
        today - timedelta(days=LOOK_BACK_DAYS), today, kinds=("medical_exam",)
    )
    seen: dict[str, tuple[datetime, set[str]]] = {}
    for exam in exams:
        present = {a.person_id for a in exam.attendees if a.attended}
        if exam.status != "attended" or not present:
            continue
        # the latest exam counts; never later than the present moment
        at = min(exam.starts_at, moment).replace(second=0, microsecond=0)
        if exam.case_id not in seen or seen[exam.case_id][0] < at:
            seen[exam.case_id] = (at, present)
    if not seen:
        return []
    with office.reading() as session:
        rows = session.execute(
            select(Person.id, Person.case_id, Person.sex, Person.date_of_birth)
            .join(Case, Case.id == Person.case_id)
            .where(Person.case_id.in_(list(seen)), Person.merged_into_id.is_(None))
            .order_by(
                Case.case_number,
                Person.relationship_to_principal != "principal",
                Person.date_of_birth,
                Person.given_name,
                Person.id,
            )
        ).all()
    members: dict[str, list[Member]] = {}
    for person_id, case_id, sex, born in rows:
        if person_id not in seen[case_id][1]:
            continue
        age = _age(born, today) if born is not None else 30
        members.setdefault(case_id, []).append(Member(person_id, sex, age))
    return [
        _Household(case_id, seen[case_id][0], tuple(found))
        for case_id, found in members.items()  # rows came in case-number order
    ]


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _assign(households: list[_Household], rng: random.Random) -> dict[str, Plan]:
    """A plan per person: every setback and condition at least once, then by chance.

    Every other household is about to travel: setbacks go to the others, so that the
    travelling ones can have their pre-embarkation checks.
    """
    plans: dict[str, Plan] = {}
    staying = [h for i, h in enumerate(households) if i % 2 == 1]
    everyone = [m for h in households for m in h.members]
    # setbacks: one per staying household in turn, anywhere if they are full
    for n, plan in enumerate(SETBACKS):
        rotated = staying[n % len(staying) :] + staying[: n % len(staying)] if staying else []
        if not _place(plans, plan, [m for h in rotated for m in h.members]):
            _place(plans, plan, everyone)
    # conditions: the first person who fits, in a shuffled order
    shuffled = everyone[:]
    rng.shuffle(shuffled)
    for plan in CONDITIONS:
        _place(plans, plan, shuffled)
    _assign_the_others(plans, everyone, {m.person_id for h in staying for m in h.members}, rng)
    return plans


def _place(plans: dict[str, Plan], plan: Plan, candidates: list[Member]) -> bool:
    """Give ``plan`` to the first candidate without one who fits it; False if nobody."""
    # a small demo may have nobody over 50: then any adult takes the older people's part
    tests = [plan.fits, adult] if plan.fits is older else [plan.fits]
    for fits in tests:
        for member in candidates:
            if member.person_id not in plans and fits(member):
                plans[member.person_id] = plan
                return True
    return False


def _assign_the_others(
    plans: dict[str, Plan], everyone: list[Member], staying_ids: set[str], rng: random.Random
) -> None:
    """The people still without a plan: mostly fit, some with conditions, a few setbacks
    among those staying."""
    for member in everyone:
        if member.person_id in plans:
            continue
        roll = rng.random()
        if member.person_id in staying_ids and roll < 0.1:
            options = [p for p in SETBACKS if p.fits(member)]
        elif roll < 0.22:
            options = [p for p in CONDITIONS if p.fits(member) and p.pregnancy_weeks is None]
        elif roll < 0.25:
            options = [p for p in CONDITIONS if p.fits(member) and p.pregnancy_weeks is not None]
        else:
            options = []
        plans[member.person_id] = (
            rng.choice(options) if options else Plan("fit", rng.choice(FIT_NOTES))
        )


def _input(kind: str, plan: Plan, at: datetime, today: date, examiner: str) -> MedicalInput:
    local = to_local(at)
    return MedicalInput(
        kind=kind,
        examined_on=local.date(),
        examined_at=local.time().replace(second=0, microsecond=0, tzinfo=None),
        examiner=examiner,
        outcome=plan.outcome,
        clinic=CLINIC,
        review_date=(
            max(today, local.date()) + timedelta(days=plan.review_in_days)
            if plan.review_in_days is not None
            else None
        ),
        mobility_ssr=plan.mobility_ssr,
        oxygen_lpm=plan.oxygen_lpm,
        medif_required=plan.medif_required,
        escort=plan.escort,
        pregnancy_weeks=plan.pregnancy_weeks,
        other_ssr=plan.other_ssr,
        notes=plan.notes,
    )


def _pec_times(
    households: list[_Household], plans: dict[str, Plan], moment: datetime
) -> list[tuple[_Household, datetime]]:
    """Pre-embarkation checks for half the households about to travel with everyone fit:
    most within the validity before ``moment``, a few expired (their flight was
    postponed), at least one of each when the dates allow."""
    cleared = [
        h
        for i, h in enumerate(households)
        if i % 2 == 0 and all(plans[m.person_id].outcome in FIT_OUTCOMES for m in h.members)
    ]
    checked = cleared[::2]
    recent = _latest_slot(moment)
    found: list[tuple[_Household, datetime]] = []
    for n, household in enumerate(checked):
        stale = _stale_slot(household, moment)
        if n % 4 == 1 and stale is not None:
            found.append((household, stale))
        elif recent >= household.examined_at + timedelta(hours=3):
            found.append((household, recent))
    if all(when == recent for _, when in found):
        for household in cleared:
            stale = _stale_slot(household, moment)
            if stale is not None:
                found = [(h, w) for h, w in found if h is not household]
                found.append((household, stale))
                break
    return found


def _stale_slot(household: _Household, moment: datetime) -> datetime | None:
    """A check after the assessment that has expired by ``moment`` (the next working day
    or, failing that, the same afternoon), or None when the assessment is too recent."""
    examined = to_local(household.examined_at).date()
    following = examined + timedelta(days=1)
    while following.weekday() >= 5:
        following += timedelta(days=1)
    for candidate in (to_utc(following, time(10)), to_utc(examined, time(15, 30))):
        if candidate >= household.examined_at + timedelta(hours=3) and (
            candidate + timedelta(hours=PEC_STALE_HOURS) < moment
        ):
            return candidate
    return None


def _latest_slot(moment: datetime) -> datetime:
    """The last clinic slot before ``moment``, on a working day if one is within 60 hours."""
    candidates = [
        to_utc(to_local(moment).date() - timedelta(days=back), slot)
        for back in range(5)
        for slot in PEC_SLOTS
    ]
    past = sorted((c for c in candidates if c <= moment - timedelta(minutes=15)), reverse=True)
    for candidate in past:
        if to_local(candidate).weekday() < 5 and moment - candidate < timedelta(hours=60):
            return candidate
    return past[0]
