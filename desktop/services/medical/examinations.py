"""Medical records: examinations and fitness to travel. Restricted to the medical role.

Every function here checks ``medical.read`` or ``medical.write`` before touching a
record; reads are audited (ids only). Everyone else gets the summary of
``desktop.services.medical.fitness`` and nothing more. Error messages never quote a record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.services.medical.case_status import follow_examinations
from desktop.services.medical.fitness import (
    FitnessSummary,
    read_validity,
    summarise,
    travel_moment,
    valid_until,
)
from desktop.services.medical.worklist import needs
from desktop.services.office.clock import office_today, to_utc
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import PREGNANCY_LIMIT_WEEKS, SettingsService
from desktop.services.registry.lookups import active_person
from desktop.services.registry.names import latin_name
from desktop.services.vocabulary import (
    ESCORT_TYPES,
    FORBIDDEN_SSR,
    MEDICAL_KINDS,
    MEDICAL_OUTCOMES,
    MOBILITY_SSR,
    OTHER_SSR,
)
from desktop.store.models import MedicalRecord, Person


@dataclass(frozen=True)
class MedicalInput:
    kind: str
    examined_on: date
    examiner: str
    outcome: str
    examined_at: time = time(9, 0)  # office time
    clinic: str = ""
    review_date: date | None = None
    mobility_ssr: str | None = None
    oxygen_lpm: float | None = None
    medif_required: bool = False
    escort: str | None = None  # nurse or doctor, for "fit with medical escort"
    pregnancy_weeks: int | None = None
    other_ssr: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class MedicalRecordView:
    """The whole record, for medical staff only."""

    id: str
    person_id: str
    kind: str
    examined_at: datetime  # aware UTC
    examiner: str
    clinic: str
    outcome: str
    review_date: date | None
    mobility_ssr: str | None
    oxygen_lpm: float | None
    medif_required: bool
    escort: str | None
    pregnancy_weeks: int | None
    other_ssr: tuple[str, ...]
    notes: str
    valid_until: datetime | None
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class WorkItem:
    """Someone the medical team must see, and by when."""

    person_id: str
    case_id: str
    case_number: str
    name: str
    need: str  # "Health assessment", "Pre-embarkation check", "Decision pending", ...
    reason: str
    deadline: datetime | None  # aware UTC; None: no date yet (sorted last)


@dataclass(frozen=True)
class PregnancyWarning:
    person_id: str
    name: str
    weeks_on_travel: int
    limit: int


def validate_medical(
    data: MedicalInput, *, now: datetime, today: date | None = None
) -> dict[str, str]:
    """Problems by field name, for a form to show as the medical officer types; ``now``
    is the office clock's (``MedicalService.problems`` passes it)."""
    problems: dict[str, str] = {}
    # in this order: a form shows the first problem beside OK
    _check_when(data, now, today, problems)
    _check_record(data, today or office_today(now), problems)
    _check_flight_needs(data, problems)
    _check_escort_and_outcome(data, problems)
    if len(data.notes) > 10_000:
        problems["notes"] = "Keep the notes under 10,000 characters."
    return problems


def _check_when(
    data: MedicalInput, now: datetime, today: date | None, problems: dict[str, str]
) -> None:
    try:
        examined = to_utc(data.examined_on, data.examined_at)
    except InvalidInput as exc:  # the hour the clocks skip
        problems["examined_at"] = exc.message
    else:
        if today is None and examined > now + timedelta(minutes=5):
            problems["examined_at"] = "An examination cannot be recorded before it happened."


def _check_record(data: MedicalInput, day: date, problems: dict[str, str]) -> None:
    if data.kind not in MEDICAL_KINDS:
        problems["kind"] = "Choose the kind of examination."
    if data.outcome not in MEDICAL_OUTCOMES:
        problems["outcome"] = "Choose the outcome."
    if not data.examiner.strip():
        problems["examiner"] = "Name the examining doctor or nurse."
    elif len(data.examiner) > 128 or len(data.clinic) > 128:
        problems["examiner"] = "Keep the examiner and clinic under 128 characters."
    if data.examined_on > day:
        problems["examined_on"] = "An examination cannot be recorded before it happened."
    if data.outcome == "unfit_deferred":
        if data.review_date is None:
            problems["review_date"] = "A deferral needs the date of the next review."
        elif data.review_date <= data.examined_on:
            problems["review_date"] = "The review comes after the examination."
    elif data.review_date is not None:
        problems["review_date"] = "Only a deferral has a review date."


def _check_flight_needs(data: MedicalInput, problems: dict[str, str]) -> None:
    if data.mobility_ssr is not None and data.mobility_ssr not in MOBILITY_SSR:
        problems["mobility_ssr"] = f"Choose one of {', '.join(MOBILITY_SSR)}."
    forbidden = [c for c in data.other_ssr if c in FORBIDDEN_SSR]
    unknown = [c for c in data.other_ssr if c not in OTHER_SSR and c not in FORBIDDEN_SSR]
    if forbidden:
        problems["other_ssr"] = f"{', '.join(forbidden)} are deportee codes: never for refugees."
    elif unknown:
        problems["other_ssr"] = f"Choose from {', '.join(OTHER_SSR)}."
    if data.oxygen_lpm is not None and not 0.5 <= data.oxygen_lpm <= 15:
        problems["oxygen_lpm"] = "Oxygen is between 0.5 and 15 litres per minute."
    if data.pregnancy_weeks is not None and not 1 <= data.pregnancy_weeks <= 42:
        problems["pregnancy_weeks"] = "Weeks of pregnancy are between 1 and 42."


def _check_escort_and_outcome(data: MedicalInput, problems: dict[str, str]) -> None:
    if data.outcome == "fit_medical_escort":
        if data.escort not in ESCORT_TYPES:
            problems["escort"] = "Say whether a nurse or a doctor escorts."
    elif data.escort is not None:
        problems["escort"] = "A medical escort goes with the outcome 'fit with medical escort'."
    needs = bool(data.mobility_ssr or data.oxygen_lpm or data.medif_required or data.other_ssr)
    if data.outcome == "fit" and needs:
        problems["outcome"] = "Travel with SSR codes, oxygen or a MEDIF is 'fit with conditions'."
    if data.outcome == "fit_with_conditions" and not needs:
        problems["outcome"] = (
            "Say which condition applies (mobility, oxygen, MEDIF or another SSR code), "
            "or choose 'fit'."
        )


class MedicalService:
    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    @property
    def may_read(self) -> bool:
        return self._office.actor.can(Perm.MEDICAL_READ)

    def problems(self, data: MedicalInput) -> dict[str, str]:
        """What is wrong with ``data`` by field, judged on the office clock (no record read)."""
        self._office.require(Perm.MEDICAL_WRITE, "record medical examinations")
        return validate_medical(data, now=self._office.clock.now())

    # -- writing ------------------------------------------------------------------------------
    def add(self, person_id: str, data: MedicalInput) -> str:
        self._office.require(Perm.MEDICAL_WRITE, "record medical examinations")
        self._check(data)
        with self._office.unit_of_work() as session:
            person = active_person(session, person_id)
            record = MedicalRecord(person_id=person.id)
            self._fill(record, data)
            session.add(record)
            session.flush()
            self._office.audit(session, "medical_recorded", "medical_record", record.id)
            follow_examinations(self._office, session, person.case_id, record.examined_at)
            return record.id

    def update(self, record_id: str, data: MedicalInput) -> None:
        """Correct a record (who changed it and when stays in the audit log)."""
        self._office.require(Perm.MEDICAL_WRITE, "correct medical records")
        self._check(data)
        with self._office.unit_of_work() as session:
            record = session.get(MedicalRecord, record_id)
            if record is None:
                raise InvalidInput("That medical record no longer exists.")
            self._fill(record, data)
            session.flush()
            self._office.audit(session, "medical_corrected", "medical_record", record.id)
            person = session.get(Person, record.person_id)
            if person is not None:
                follow_examinations(self._office, session, person.case_id, record.examined_at)

    def _check(self, data: MedicalInput) -> None:
        problems = self.problems(data)
        if problems:
            raise InvalidInput(" ".join(problems.values()))

    @staticmethod
    def _fill(record: MedicalRecord, data: MedicalInput) -> None:
        record.kind = data.kind
        record.examined_at = to_utc(data.examined_on, data.examined_at)
        record.examiner = " ".join(data.examiner.split())
        record.clinic = " ".join(data.clinic.split())
        record.outcome = data.outcome
        record.review_date = data.review_date
        record.mobility_ssr = data.mobility_ssr
        record.oxygen_lpm = data.oxygen_lpm
        record.medif_required = data.medif_required
        record.escort = data.escort
        record.pregnancy_weeks = data.pregnancy_weeks
        record.other_ssr = ",".join(dict.fromkeys(data.other_ssr))
        record.notes = data.notes.strip()

    # -- reading ------------------------------------------------------------------------------
    def history(self, person_id: str) -> list[MedicalRecordView]:
        """A person's examinations, latest first (the read is audited)."""
        self._office.require(Perm.MEDICAL_READ, "read medical records")
        with self._office.unit_of_work() as session:
            rows = session.scalars(
                select(MedicalRecord)
                .where(MedicalRecord.person_id == person_id)
                .order_by(MedicalRecord.examined_at.desc(), MedicalRecord.created_at.desc())
            ).all()
            views = self._views(session, rows)
            self._office.audit(
                session, "medical_read", "person", person_id, {"records": len(views)}
            )
            return views

    def record(self, record_id: str) -> MedicalRecordView:
        self._office.require(Perm.MEDICAL_READ, "read medical records")
        with self._office.unit_of_work() as session:
            row = session.get(MedicalRecord, record_id)
            if row is None:
                raise InvalidInput("That medical record no longer exists.")
            self._office.audit(session, "medical_read", "medical_record", row.id)
            return self._views(session, [row])[0]

    def case_history(self, case_id: str) -> dict[str, list[MedicalRecordView]]:
        """Every member's records (for the certificate and the envelope), audited; each
        member's latest first, in the order that decides fitness."""
        self._office.require(Perm.MEDICAL_READ, "read medical records")
        with self._office.unit_of_work() as session:
            rows = session.scalars(
                select(MedicalRecord)
                .join(Person, Person.id == MedicalRecord.person_id)
                .where(Person.case_id == case_id, Person.merged_into_id.is_(None))
                .order_by(MedicalRecord.examined_at.desc(), MedicalRecord.created_at.desc())
            ).all()
            found: dict[str, list[MedicalRecordView]] = {}
            for view in self._views(session, rows):
                found.setdefault(view.person_id, []).append(view)
            self._office.audit(session, "medical_read", "case", case_id, {"records": len(rows)})
            return found

    def pregnancy_warnings(self, case_id: str, travel_date: date) -> list[PregnancyWarning]:
        """Members whose pregnancy would pass the carrier limit by the travel date."""
        self._office.require(Perm.MEDICAL_READ, "read medical records")
        limit = SettingsService(self._office).get(PREGNANCY_LIMIT_WEEKS)
        at = travel_moment(travel_date)
        warnings: list[PregnancyWarning] = []
        with self._office.reading() as session:
            people = session.scalars(
                select(Person).where(Person.case_id == case_id, Person.merged_into_id.is_(None))
            ).all()
            for person in people:
                latest = session.scalars(
                    select(MedicalRecord)
                    .where(MedicalRecord.person_id == person.id, MedicalRecord.examined_at <= at)
                    .order_by(MedicalRecord.examined_at.desc(), MedicalRecord.created_at.desc())
                ).first()
                if latest is None or latest.pregnancy_weeks is None:
                    continue
                weeks = latest.pregnancy_weeks + (at - latest.examined_at).days // 7
                if weeks > 42:  # the child is born by now: an old record says nothing
                    continue
                if weeks >= limit:
                    name = latin_name(person.given_name, person.family_name)
                    warnings.append(PregnancyWarning(person.id, name, weeks, limit))
        return warnings

    def worklist(self, *, now: datetime | None = None, horizon_days: int = 14) -> list[WorkItem]:
        """Who needs an exam, a PEC, a decision or a review, ordered by deadline."""
        self._office.require(Perm.MEDICAL_READ, "see the medical worklist")
        moment = now or self._office.clock.now()
        horizon = moment + timedelta(days=horizon_days)
        items: dict[tuple[str, str], WorkItem] = {}
        with self._office.reading() as session:
            # the most urgent entry per person and need: a date before none, sooner first
            for person, case, need, reason, when in needs(session, moment, horizon):
                name = latin_name(person.given_name, person.family_name)
                key = (person.id, need)
                item = WorkItem(person.id, case.id, case.case_number, name, need, reason, when)
                known = items.get(key)
                if known is None or (when is not None and (known.deadline or horizon) > when):
                    items[key] = item
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(items.values(), key=lambda i: (i.deadline or far, i.case_number, i.name))

    def summary_of(self, person_id: str, *, at: datetime | None = None) -> FitnessSummary:
        """The summary a medical officer sees beside the record."""
        self._office.require(Perm.MEDICAL_READ, "read medical records")
        with self._office.reading() as session:
            rows = session.scalars(
                select(MedicalRecord).where(MedicalRecord.person_id == person_id)
            ).all()
            return summarise(
                person_id, rows, at or self._office.clock.now(), read_validity(session)
            )

    @staticmethod
    def _views(session: Session, rows: Sequence[MedicalRecord]) -> list[MedicalRecordView]:
        validity = read_validity(session)
        return [
            MedicalRecordView(
                id=r.id,
                person_id=r.person_id,
                kind=r.kind,
                examined_at=r.examined_at,
                examiner=r.examiner,
                clinic=r.clinic,
                outcome=r.outcome,
                review_date=r.review_date,
                mobility_ssr=r.mobility_ssr,
                oxygen_lpm=r.oxygen_lpm,
                medif_required=r.medif_required,
                escort=r.escort,
                pregnancy_weeks=r.pregnancy_weeks,
                other_ssr=tuple(c for c in r.other_ssr.split(",") if c),
                notes=r.notes,
                valid_until=valid_until(r, validity),
                recorded_by=r.updated_by,
                recorded_at=r.updated_at,
            )
            for r in rows
        ]
