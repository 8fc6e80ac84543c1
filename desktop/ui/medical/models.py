"""How medical records read in lists: the worklist, a person's examinations, the
words for SSR codes and escorts.

Medical staff only: nothing here is shown to other roles, who see the one-line
fitness summary (``FitnessSummary.text``). Times are office time (Europe/Tirane).
Words are marked with ``tr_noop`` where they are written and translated where shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from desktop.services.medical.examinations import MedicalRecordView, WorkItem
from desktop.services.medical.fitness import FitnessSummary
from desktop.services.office.clock import to_local
from desktop.services.vocabulary import (
    MEDICAL_KIND_TITLES,
    MEDICAL_OUTCOME_TITLES,
)
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.tables import Column, words

#: what each IATA code asks of the airline, in the words of a booking clerk
MOBILITY_TITLES: dict[str, str] = {
    "WCHR": tr_noop("WCHR – wheelchair to the aircraft; walks the steps and in the cabin"),
    "WCHS": tr_noop("WCHS – wheelchair to the aircraft; cannot walk the steps"),
    "WCHP": tr_noop("WCHP – lower limbs disabled; moves about the cabin alone"),
    "WCHC": tr_noop("WCHC – immobile; carried to the seat"),
    "STCR": tr_noop("STCR – travels on a stretcher"),
}
OTHER_SSR_TITLES: dict[str, str] = {
    "BLND": tr_noop("blind or low vision"),
    "DEAF": tr_noop("deaf or hard of hearing"),
    "DPNA": tr_noop("intellectual or developmental disability"),
    "MAAS": tr_noop("meet and assist"),
    "MEDA": tr_noop("medical case (airline clearance)"),
}
#: the same, short enough for a check box beside four others
OTHER_SSR_SHORT: dict[str, str] = {
    "BLND": tr_noop("blind"),
    "DEAF": tr_noop("deaf"),
    "DPNA": tr_noop("disability"),
    "MAAS": tr_noop("meet and assist"),
    "MEDA": tr_noop("medical case"),
}
ESCORT_TITLES: dict[str, str] = {"nurse": tr_noop("Nurse"), "doctor": tr_noop("Doctor")}
#: kinds short enough for a column
KIND_SHORT: dict[str, str] = {
    "health_assessment": tr_noop("Health assessment"),
    "pre_departure_screening": tr_noop("Screening"),
    "pec": tr_noop("PEC"),
    "follow_up": tr_noop("Follow-up"),
}
#: what each outcome means for the journey (shown under the choice in the form)
OUTCOME_HINTS: dict[str, str] = {
    "fit": tr_noop("Cleared to travel with no assistance."),
    "fit_with_conditions": tr_noop("Cleared with SSR codes, oxygen or a MEDIF: say which below."),
    "fit_non_medical_escort": tr_noop("Cleared if a family member or an IOM escort travels along."),
    "fit_medical_escort": tr_noop("Cleared if a nurse or a doctor travels along."),
    "unfit_deferred": tr_noop("Not cleared now: give the date of the next review."),
    "unfit": tr_noop("Not cleared to travel."),
    "pending": tr_noop("Examined; the decision comes later (results awaited)."),
}
#: outcomes whose flight conditions (SSR codes, oxygen, MEDIF) the form asks for
CONDITION_OUTCOMES = ("fit_with_conditions", "fit_non_medical_escort", "fit_medical_escort")


# -- how values read ---------------------------------------------------------------------------


def when(instant: datetime) -> str:
    """Mon 02 Mar 2026 09:30, in office time."""
    return f"{to_local(instant):%a %d %b %Y %H:%M}"


def short_when(instant: datetime) -> str:
    """02 Mar 2026 09:30, in office time (for narrow columns)."""
    return f"{to_local(instant):%d %b %Y %H:%M}"


def kind_title(kind: str) -> str:
    title = MEDICAL_KIND_TITLES.get(kind)
    return tr(title) if title else words(kind)


def outcome_title(outcome: str) -> str:
    title = MEDICAL_OUTCOME_TITLES.get(outcome)
    return tr(title) if title else words(outcome)


def escort_title(escort: str) -> str:
    title = ESCORT_TITLES.get(escort)
    return tr(title) if title else words(escort)


def validity_text(record: MedicalRecordView, now: datetime, *, short: bool = False) -> str:
    """Until when a fit outcome holds ("expired" once past); the review of a deferral."""
    if record.valid_until is not None:
        text = (short_when if short else when)(record.valid_until)
        if record.valid_until < now:
            return tr("{date} (expired)").format(date=text)
        return text
    if record.outcome == "unfit_deferred" and record.review_date is not None:
        day = f"{record.review_date:{'%d %b %Y' if short else '%a %d %b %Y'}}"
        return tr("review {date}").format(date=day)
    return "—"


def conditions(record: MedicalRecordView) -> list[str]:
    """The flight conditions of a record, one phrase each."""
    found = []
    if record.mobility_ssr:
        title = MOBILITY_TITLES.get(record.mobility_ssr)
        found.append(tr(title) if title else record.mobility_ssr)
    if record.oxygen_lpm:
        found.append(tr("Oxygen {litres} l/min").format(litres=f"{record.oxygen_lpm:g}"))
    if record.medif_required:
        found.append(tr("MEDIF required"))
    for code in record.other_ssr:
        title = OTHER_SSR_TITLES.get(code)
        found.append(f"{code} – {tr(title) if title else code}")
    return found


def summary_line(summary: FitnessSummary | None) -> str:
    """The summary with the end of its validity: what others see, and until when."""
    if summary is None:
        return ""
    if summary.valid_until is not None and summary.cleared:
        return tr("{summary} (valid until {date})").format(
            summary=summary.text, date=when(summary.valid_until)
        )
    return summary.text


# -- the worklist ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkRow:
    """A worklist item with the person's fitness now (None while unknown)."""

    item: WorkItem
    fitness: FitnessSummary | None = None

    @property
    def person_id(self) -> str:
        return self.item.person_id

    @property
    def key(self) -> tuple[str, str]:
        """Who and what for: a person is listed once per need."""
        return self.item.person_id, self.item.need


def deadline_text(item: WorkItem) -> str:
    return f"{to_local(item.deadline):%a %d %b %Y %H:%M}" if item.deadline else tr("No date")


WORK_COLUMNS: list[Column[WorkRow]] = [
    Column(
        tr_noop("Deadline"),
        lambda r: deadline_text(r.item),
        sample="Wed 30 Sep 2026 09:00",
        header_tip=tr_noop("By when, in office time (Tirana); items without a date come last"),
    ),
    # the needs are the worklist's own few words
    Column(tr_noop("Need"), lambda r: tr(r.item.need), sample="Pre-embarkation check"),
    Column(tr_noop("Case number"), lambda r: r.item.case_number, sample="DEMO-2026-00000"),
    Column(tr_noop("Name"), lambda r: r.item.name, sample="Abdul Karim Ahmadzai", tip=True),
    Column(tr_noop("Reason"), lambda r: r.item.reason, sample="booked Wed 30 Sep 09:00", tip=True),
    Column(
        tr_noop("Fitness now"),
        lambda r: r.fitness.text if r.fitness else "",
        tip=True,
        header_tip=tr_noop("What other staff see: the summary of the latest examination"),
    ),
]


# -- a person's examinations -------------------------------------------------------------------


def _kind_short(kind: str) -> str:
    title = KIND_SHORT.get(kind)
    return tr(title) if title else words(kind)


def record_columns(now: Callable[[], datetime]) -> list[Column[MedicalRecordView]]:
    """The columns of a person's examinations; ``now`` decides what has expired."""
    return [
        Column(
            tr_noop("Examined"), lambda r: short_when(r.examined_at), sample="30 Sep 2026 09:00"
        ),
        Column(
            tr_noop("Kind"), lambda r: _kind_short(r.kind), sample="Health assessment", tip=True
        ),
        Column(
            tr_noop("Outcome"), lambda r: outcome_title(r.outcome), sample="Fit with medical escort"
        ),
        Column(
            tr_noop("Valid until"),
            lambda r: validity_text(r, now(), short=True),
            sample="30 Sep 2026 09:00",
            header_tip=tr_noop("Until when a fit outcome holds; for a deferral, the review date"),
        ),
        Column(tr_noop("Examiner"), lambda r: r.examiner, tip=True),
    ]


def record_facts(record: MedicalRecordView, now: datetime) -> list[tuple[str, str]]:
    """The fields of one record as ``(label, text)``, empty ones left out."""
    facts = [
        (tr("Examined"), when(record.examined_at)),
        (tr("Kind"), kind_title(record.kind)),
        (tr("Examiner"), record.examiner),
        (tr("Clinic"), record.clinic),
        (tr("Outcome"), outcome_title(record.outcome)),
    ]
    if record.review_date is not None:
        facts.append((tr("Review"), f"{record.review_date:%a %d %b %Y}"))
    if record.escort:
        facts.append((tr("Medical escort"), escort_title(record.escort)))
    found = conditions(record)
    if found:
        facts.append((tr("Conditions"), "\n".join(found)))
    if record.pregnancy_weeks is not None:
        weeks = tr("{weeks} weeks at the examination").format(weeks=record.pregnancy_weeks)
        facts.append((tr("Pregnancy"), weeks))
    if record.valid_until is not None:
        facts.append((tr("Valid until"), validity_text(record, now)))
    changed = tr("{when} by {who}").format(
        when=when(record.recorded_at), who=record.recorded_by or "—"
    )
    facts.append((tr("Last changed"), changed))
    return [(label, text) for label, text in facts if text]
