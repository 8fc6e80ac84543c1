"""Fitness to travel as everyone may see it: a summary of the medical records, never the
records themselves.

The latest examination of a person decides. A fit outcome holds for a while (a
pre-embarkation check for 72 hours, a health assessment for 6 months: office settings)
and then the summary says "expired". What leaves this module is one of the states of
``FITNESS_STATES``, the SSR codes the airline must book and whether an escort is needed:
no diagnosis, no notes, no pregnancy, no oxygen flow.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services.office.clock import to_local, to_utc
from desktop.services.office.permissions import Perm
from desktop.services.office.session import UnlockedOffice
from desktop.services.office.settings import ASSESSMENT_VALID_MONTHS, PEC_VALID_HOURS, stored_value
from desktop.services.vocabulary import FITNESS_STATE_TITLES
from desktop.store.models import MedicalRecord

FIT_OUTCOMES = ("fit", "fit_with_conditions", "fit_non_medical_escort", "fit_medical_escort")
ESCORT_BY_OUTCOME = {"fit_non_medical_escort": "non-medical", "fit_medical_escort": "medical"}
CHUNK = 5000  # persons per query (SQLite takes up to 32,766 bound values)


@dataclass(frozen=True)
class FitnessSummary:
    person_id: str
    state: str  # one of FITNESS_STATES
    ssr_codes: tuple[str, ...] = ()  # for the booking: WCHR, OXYG, MEDA...
    escort: str | None = None  # "non-medical" or "medical" when one must travel along
    valid_until: datetime | None = None  # aware UTC; None when not cleared

    @property
    def title(self) -> str:
        return FITNESS_STATE_TITLES[self.state]

    @property
    def cleared(self) -> bool:
        return self.state in ("cleared", "cleared_assistance")

    @property
    def text(self) -> str:
        """One line for lists: "Cleared - assistance: WCHR, MEDA; medical escort"."""
        extra = ", ".join(self.ssr_codes)
        if self.escort:
            extra = f"{extra}; {self.escort} escort" if extra else f"{self.escort} escort"
        return f"{self.title}: {extra}" if extra and self.cleared else self.title


@dataclass(frozen=True)
class Validity:
    pec_hours: int
    assessment_months: int


def add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def valid_until(record: MedicalRecord, validity: Validity) -> datetime | None:
    if record.outcome not in FIT_OUTCOMES:
        return None
    if record.kind == "pec":
        return record.examined_at + timedelta(hours=validity.pec_hours)
    # months on the office clock: "valid until 11 December, 09:00" across a clock change
    local = add_months(to_local(record.examined_at), validity.assessment_months)
    return local.astimezone(UTC)


def ssr_codes(record: MedicalRecord) -> tuple[str, ...]:
    codes: list[str] = []
    if record.mobility_ssr:
        codes.append(record.mobility_ssr)
    if record.oxygen_lpm:
        codes.append("OXYG")
    codes += [c for c in record.other_ssr.split(",") if c]
    if record.medif_required and "MEDA" not in codes:
        codes.append("MEDA")
    return tuple(dict.fromkeys(codes))


def deciding_order(record: MedicalRecord) -> tuple[datetime, datetime]:
    """Later examinations decide; of two in the same minute, the one recorded last
    (a correction changes neither)."""
    return (record.examined_at, record.created_at)


def deciding(records: Iterable[MedicalRecord], at: datetime) -> MedicalRecord | None:
    """The examination that decides a person's fitness at the instant ``at``."""
    # records from after ``at`` did not exist yet at that moment
    return max((r for r in records if r.examined_at <= at), key=deciding_order, default=None)


def summarise(
    person_id: str, records: Iterable[MedicalRecord], at: datetime, validity: Validity
) -> FitnessSummary:
    """The summary of one person's records at the instant ``at``."""
    latest = deciding(records, at)
    if latest is None:
        return FitnessSummary(person_id, "pending")
    if latest.outcome == "pending":
        return FitnessSummary(person_id, "pending")
    if latest.outcome not in FIT_OUTCOMES:
        return FitnessSummary(person_id, "not_cleared")
    until = valid_until(latest, validity)
    if until is not None and at > until:
        return FitnessSummary(person_id, "expired")
    codes = ssr_codes(latest)
    escort = ESCORT_BY_OUTCOME.get(latest.outcome)
    plain = latest.outcome == "fit" and not codes and escort is None
    state = "cleared" if plain else "cleared_assistance"
    return FitnessSummary(person_id, state, codes, escort, until)


def read_validity(session: Session) -> Validity:
    return Validity(
        stored_value(session, PEC_VALID_HOURS), stored_value(session, ASSESSMENT_VALID_MONTHS)
    )


def travel_moment(day: date) -> datetime:
    """Fitness "on the travel date" is judged at noon office time of that day."""
    return to_utc(day, time(12))


def summaries_in(
    session: Session, person_ids: Sequence[str], at: datetime, validity: Validity | None = None
) -> dict[str, FitnessSummary]:
    """Summaries of many persons with one query per 5,000 of them."""
    validity = validity or read_validity(session)
    records: dict[str, list[MedicalRecord]] = {}
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for row in session.scalars(select(MedicalRecord).where(MedicalRecord.person_id.in_(chunk))):
            records.setdefault(row.person_id, []).append(row)
    return {pid: summarise(pid, records.get(pid, ()), at, validity) for pid in ids}


class FitnessService:
    """Readable by every role that may read the registry."""

    def __init__(self, office: UnlockedOffice) -> None:
        self._office = office

    def summaries(
        self, person_ids: Sequence[str], *, at: datetime | None = None
    ) -> dict[str, FitnessSummary]:
        self._office.require(Perm.REGISTRY_READ, "see fitness to travel")
        with self._office.reading() as session:
            return summaries_in(session, person_ids, at or self._office.clock.now())

    def summary(self, person_id: str, *, at: datetime | None = None) -> FitnessSummary:
        return self.summaries([person_id], at=at)[person_id]
