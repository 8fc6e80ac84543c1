"""What the FICTIONAL demo doctors decide: the plans a demo person's examination gets.

Each plan is an outcome with the notes and travel needs behind it, and says who it may
go to (older people, adults, women who may be pregnant). ``demo.medical`` hands them out
so that every outcome, condition and setback appears at least once; kept here, apart from
the dates and the services, so the catalogue reads as what it is. The text is fictional.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    """A person examined, as much of them as choosing a plan needs."""

    person_id: str
    sex: str
    age: int


def anyone(_: Member) -> bool:
    return True


def older(m: Member) -> bool:
    return m.age >= 50


def adult(m: Member) -> bool:
    return m.age >= 18


def may_be_pregnant(m: Member) -> bool:
    return m.sex == "F" and 18 <= m.age <= 42


@dataclass(frozen=True)
class Plan:
    """What the doctor decided about one person, before dates are put on it."""

    outcome: str
    notes: str
    mobility_ssr: str | None = None
    oxygen_lpm: float | None = None
    medif_required: bool = False
    escort: str | None = None
    pregnancy_weeks: int | None = None
    other_ssr: tuple[str, ...] = ()
    review_in_days: int | None = None  # unfit - deferred: review this many days from today
    fits: Callable[[Member], bool] = anyone


#: each of these is given at least once (when someone fits), then now and again
CONDITIONS: tuple[Plan, ...] = (
    Plan(
        "fit_with_conditions",
        "Knee osteoarthritis; walks slowly and cannot manage long distances in the "
        "terminal. Climbs the aircraft steps with help.",
        mobility_ssr="WCHR",
        fits=older,
    ),
    Plan(
        "fit_with_conditions",
        "Chronic heart failure, stable on treatment. Breathless on stairs: cannot climb "
        "the aircraft steps, walks to the seat.",
        mobility_ssr="WCHS",
        fits=older,
    ),
    Plan(
        "fit_medical_escort",
        "Paraplegic after a road accident in 2018; travels in a personal wheelchair and "
        "cannot move to the seat alone. Nurse escort for transfers and pressure care.",
        mobility_ssr="WCHC",
        medif_required=True,
        escort="nurse",
        fits=adult,
    ),
    Plan(
        "fit_medical_escort",
        "Recovering from a hip fracture operation; cannot sit upright for the flight. "
        "Stretcher, oxygen 2 L/min and a doctor escort.",
        mobility_ssr="STCR",
        oxygen_lpm=2.0,
        medif_required=True,
        escort="doctor",
        fits=older,
    ),
    Plan(
        "fit_with_conditions",
        "Chronic obstructive lung disease, stable. Needs oxygen at 1.5 L/min during the "
        "flight; the carrier's MEDIF is filled in.",
        oxygen_lpm=1.5,
        medif_required=True,
        fits=older,
    ),
    Plan(
        "fit_with_conditions",
        "Insulin-dependent diabetes, well controlled. Carries insulin and needles in the "
        "hand luggage (MEDIF for the medication).",
        medif_required=True,
        fits=adult,
    ),
    Plan(
        "fit_non_medical_escort",
        "Memory problems (early dementia); must not travel alone. An adult child travels "
        "along as escort.",
        other_ssr=("MAAS",),
        fits=older,
    ),
    Plan(
        "fit_non_medical_escort",
        "Blind since childhood; travels with a family member as escort.",
        other_ssr=("BLND",),
    ),
    Plan(
        "fit_with_conditions",
        "Profound hearing loss; lip-reads Dari. Ground staff should use written notes.",
        other_ssr=("DEAF",),
    ),
    Plan(
        "fit",
        "Pregnant, 20 weeks, single pregnancy without complications.",
        pregnancy_weeks=20,
        fits=may_be_pregnant,
    ),
    Plan(
        "fit_with_conditions",
        "Pregnant, 34 weeks, single pregnancy. Passes 36 weeks before a flight three "
        "weeks from now: check the carrier's limit before booking.",
        medif_required=True,
        pregnancy_weeks=34,
        fits=may_be_pregnant,
    ),
    Plan(
        "fit_with_conditions",
        "Pregnant, 33 weeks; the carrier's letter is needed after 28 weeks.",
        medif_required=True,
        pregnancy_weeks=33,
        fits=may_be_pregnant,
    ),
)

#: outcomes that keep a person (and so the household) from travelling for now
SETBACKS: tuple[Plan, ...] = (
    Plan(
        "unfit_deferred",
        "Chest X-ray suggests active pulmonary tuberculosis; sputum samples sent. Travel "
        "deferred until treatment and two negative cultures.",
        review_in_days=28,
    ),
    Plan(
        "unfit",
        "Advanced heart failure, breathless at rest. Not fit for a long-haul flight; "
        "referred to the cardiologist in Tirana.",
        fits=adult,
    ),
    Plan(
        "pending",
        "Chest X-ray and blood tests taken; waiting for the laboratory results.",
    ),
    Plan(
        "unfit_deferred",
        "Blood pressure 190/115 at the examination; treatment started. Review before travel.",
        review_in_days=7,
        fits=adult,
    ),
    Plan(
        "unfit_deferred",
        "Pneumonia, on antibiotics. Review after the course.",
        review_in_days=12,
    ),
    Plan(
        "pending",
        "Referred to Lezhë hospital for an ECG; decision after the result.",
        fits=adult,
    ),
)

FIT_NOTES = (
    "",
    "",
    "No findings.",
    "Vaccinations brought up to date (measles, polio).",
    "Latent tuberculosis infection treated in 2024, course completed.",
    "Mild asthma, inhaler in the hand luggage.",
    "Dental pain; referred to the dentist in Lezhë, no effect on travel.",
)
