"""How medical records read in lists: the worklist, a person's examinations, the
words for SSR codes and escorts.

Medical staff only: nothing here is shown to other roles, who see the one-line
fitness summary (``FitnessSummary.text``). Times are office time (Europe/Tirane).
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
from desktop.ui.kit.tables import Column, words

#: what each IATA code asks of the airline, in the words of a booking clerk
MOBILITY_TITLES: dict[str, str] = {
    "WCHR": "WCHR – wheelchair to the aircraft; walks the steps and in the cabin",
    "WCHS": "WCHS – wheelchair to the aircraft; cannot walk the steps",
    "WCHP": "WCHP – lower limbs disabled; moves about the cabin alone",
    "WCHC": "WCHC – immobile; carried to the seat",
    "STCR": "STCR – travels on a stretcher",
}
OTHER_SSR_TITLES: dict[str, str] = {
    "BLND": "blind or low vision",
    "DEAF": "deaf or hard of hearing",
    "DPNA": "intellectual or developmental disability",
    "MAAS": "meet and assist",
    "MEDA": "medical case (airline clearance)",
}
#: the same, short enough for a check box beside four others
OTHER_SSR_SHORT: dict[str, str] = {
    "BLND": "blind",
    "DEAF": "deaf",
    "DPNA": "disability",
    "MAAS": "meet and assist",
    "MEDA": "medical case",
}
ESCORT_TITLES: dict[str, str] = {"nurse": "Nurse", "doctor": "Doctor"}
#: kinds short enough for a column
KIND_SHORT: dict[str, str] = {
    "health_assessment": "Health assessment",
    "pre_departure_screening": "Screening",
    "pec": "PEC",
    "follow_up": "Follow-up",
}
#: what each outcome means for the journey (shown under the choice in the form)
OUTCOME_HINTS: dict[str, str] = {
    "fit": "Cleared to travel with no assistance.",
    "fit_with_conditions": "Cleared with SSR codes, oxygen or a MEDIF: say which below.",
    "fit_non_medical_escort": "Cleared if a family member or an IOM escort travels along.",
    "fit_medical_escort": "Cleared if a nurse or a doctor travels along.",
    "unfit_deferred": "Not cleared now: give the date of the next review.",
    "unfit": "Not cleared to travel.",
    "pending": "Examined; the decision comes later (results awaited).",
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
    return MEDICAL_KIND_TITLES.get(kind, words(kind))


def outcome_title(outcome: str) -> str:
    return MEDICAL_OUTCOME_TITLES.get(outcome, words(outcome))


def validity_text(record: MedicalRecordView, now: datetime, *, short: bool = False) -> str:
    """Until when a fit outcome holds ("expired" once past); the review of a deferral."""
    if record.valid_until is not None:
        text = (short_when if short else when)(record.valid_until)
        return f"{text} (expired)" if record.valid_until < now else text
    if record.outcome == "unfit_deferred" and record.review_date is not None:
        return f"review {record.review_date:{'%d %b %Y' if short else '%a %d %b %Y'}}"
    return "—"


def conditions(record: MedicalRecordView) -> list[str]:
    """The flight conditions of a record, one phrase each."""
    found = []
    if record.mobility_ssr:
        found.append(MOBILITY_TITLES.get(record.mobility_ssr, record.mobility_ssr))
    if record.oxygen_lpm:
        found.append(f"Oxygen {record.oxygen_lpm:g} l/min")
    if record.medif_required:
        found.append("MEDIF required")
    found += [f"{c} – {OTHER_SSR_TITLES.get(c, c)}" for c in record.other_ssr]
    return found


def summary_line(summary: FitnessSummary | None) -> str:
    """The summary with the end of its validity: what others see, and until when."""
    if summary is None:
        return ""
    if summary.valid_until is not None and summary.cleared:
        return f"{summary.text} (valid until {when(summary.valid_until)})"
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


def deadline_text(item: WorkItem) -> str:
    return f"{to_local(item.deadline):%a %d %b %Y %H:%M}" if item.deadline else "No date"


WORK_COLUMNS: list[Column[WorkRow]] = [
    Column(
        "Deadline",
        lambda r: deadline_text(r.item),
        sample="Wed 30 Sep 2026 09:00",
        header_tip="By when, in office time (Tirana); items without a date come last",
    ),
    Column("Need", lambda r: r.item.need, sample="Pre-embarkation check"),
    Column("Case number", lambda r: r.item.case_number, sample="DEMO-2026-00000"),
    Column("Name", lambda r: r.item.name, sample="Abdul Karim Ahmadzai", tip=True),
    Column("Reason", lambda r: r.item.reason, sample="booked Wed 30 Sep 09:00", tip=True),
    Column(
        "Fitness now",
        lambda r: r.fitness.text if r.fitness else "",
        tip=True,
        header_tip="What other staff see: the summary of the latest examination",
    ),
]


# -- a person's examinations -------------------------------------------------------------------


def record_columns(now: Callable[[], datetime]) -> list[Column[MedicalRecordView]]:
    """The columns of a person's examinations; ``now`` decides what has expired."""
    return [
        Column("Examined", lambda r: short_when(r.examined_at), sample="30 Sep 2026 09:00"),
        Column(
            "Kind",
            lambda r: KIND_SHORT.get(r.kind, words(r.kind)),
            sample="Health assessment",
            tip=True,
        ),
        Column("Outcome", lambda r: outcome_title(r.outcome), sample="Fit with medical escort"),
        Column(
            "Valid until",
            lambda r: validity_text(r, now(), short=True),
            sample="30 Sep 2026 09:00",
            header_tip="Until when a fit outcome holds; for a deferral, the review date",
        ),
        Column("Examiner", lambda r: r.examiner, tip=True),
    ]


def record_facts(record: MedicalRecordView, now: datetime) -> list[tuple[str, str]]:
    """The fields of one record as ``(label, text)``, empty ones left out."""
    facts = [
        ("Examined", when(record.examined_at)),
        ("Kind", kind_title(record.kind)),
        ("Examiner", record.examiner),
        ("Clinic", record.clinic),
        ("Outcome", outcome_title(record.outcome)),
    ]
    if record.review_date is not None:
        facts.append(("Review", f"{record.review_date:%a %d %b %Y}"))
    if record.escort:
        facts.append(("Medical escort", ESCORT_TITLES.get(record.escort, words(record.escort))))
    found = conditions(record)
    if found:
        facts.append(("Conditions", "\n".join(found)))
    if record.pregnancy_weeks is not None:
        facts.append(("Pregnancy", f"{record.pregnancy_weeks} weeks at the examination"))
    if record.valid_until is not None:
        facts.append(("Valid until", validity_text(record, now)))
    facts.append(("Last changed", f"{when(record.recorded_at)} by {record.recorded_by or '—'}"))
    return [(label, text) for label, text in facts if text]
