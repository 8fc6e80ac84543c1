"""The coded values of the registry, declared once (forms, imports and checks share them).

Titles and the words shown as they are (languages) are marked with ``tr_noop``: the
interface translates them where it shows them; the values stored stay as written."""

from __future__ import annotations

from typing import Final

from desktop.services.i18n import tr_noop

RELATIONSHIPS: Final[tuple[str, ...]] = (
    "principal",
    "spouse",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "sister",
    "grandson",
    "granddaughter",
    "other",
)
SEXES: Final[tuple[str, ...]] = ("M", "F", "X")
DOB_PRECISIONS: Final[tuple[str, ...]] = ("exact", "month", "year", "estimated")
LANGUAGES: Final[tuple[str, ...]] = (tr_noop("Dari"), tr_noop("Pashto"), tr_noop("Other"))
DOCUMENT_TYPES: Final[tuple[str, ...]] = (
    "passport",
    "tazkira",
    "convention_travel_document",
    "icrc_travel_document",
    "laissez_passer",
    "visa",
    "single_journey",
    "other",
)

# -- appointments and orientation ------------------------------------------------------
APPOINTMENT_KINDS: Final[tuple[str, ...]] = (
    "interview",
    "medical_exam",
    "lab_xray",
    "pec",
    "counselling",
    "document_collection",
    "other",
)
APPOINTMENT_KIND_TITLES: Final[dict[str, str]] = {
    "interview": tr_noop("Immigration interview"),
    "medical_exam": tr_noop("Medical exam"),
    "lab_xray": tr_noop("Lab or X-ray"),
    "pec": tr_noop("Pre-embarkation check"),
    "counselling": tr_noop("Counselling"),
    "document_collection": tr_noop("Document collection"),
    "other": tr_noop("Other"),
    "orientation": tr_noop("Pre-departure orientation"),
}
# what a family is asked to bring, by kind (codes of resources/slips/*.json "bring")
BRING_BY_KIND: Final[dict[str, tuple[str, ...]]] = {
    "interview": ("this_slip", "passports", "tazkiras", "all_documents", "interview_letter"),
    "medical_exam": ("this_slip", "passports", "medical_papers", "medicines", "glasses"),
    "lab_xray": ("this_slip", "passports", "medical_papers", "xray_films"),
    "pec": ("this_slip", "passports", "medical_papers", "medicines"),
    "counselling": ("this_slip",),
    "document_collection": ("this_slip", "passports", "tazkiras", "photos"),
    "other": ("this_slip",),
    "orientation": ("this_slip",),
}
APPOINTMENT_STATUSES: Final[tuple[str, ...]] = (
    "scheduled",
    "notified",
    "attended",
    "no_show",
    "cancelled",
    "rescheduled",
)
# statuses that still hold a slot (a person, a room, an interviewer)
ACTIVE_STATUSES: Final[tuple[str, ...]] = ("scheduled", "notified", "attended")
NOTIFY_METHODS: Final[tuple[str, ...]] = ("printed_slip", "phone_call", "focal_point", "in_person")
NOTIFY_METHOD_TITLES: Final[dict[str, str]] = {
    "printed_slip": tr_noop("Printed slip handed over"),
    "phone_call": tr_noop("Phone call"),
    "focal_point": tr_noop("Via community focal point"),
    "in_person": tr_noop("Told in person at the office"),
}
INTERVIEW_OUTCOMES: Final[tuple[str, ...]] = (
    "recommended",
    "pending",
    "refused",
    "further_interview",
)
LOCATION_KINDS: Final[tuple[str, ...]] = ("office", "clinic", "embassy", "hotel", "other")
ORIENTATION_LANGUAGES: Final[tuple[str, ...]] = (
    tr_noop("Dari"),
    tr_noop("Pashto"),
    tr_noop("English"),
)

# -- medical (restricted) --------------------------------------------------------------------
MEDICAL_KINDS: Final[tuple[str, ...]] = (
    "health_assessment",
    "pre_departure_screening",
    "pec",
    "follow_up",
)
MEDICAL_KIND_TITLES: Final[dict[str, str]] = {
    "health_assessment": tr_noop("Health assessment"),
    "pre_departure_screening": tr_noop("Pre-departure medical screening"),
    "pec": tr_noop("Pre-embarkation check (PEC)"),
    "follow_up": tr_noop("Follow-up"),
}
MEDICAL_OUTCOMES: Final[tuple[str, ...]] = (
    "fit",
    "fit_with_conditions",
    "fit_non_medical_escort",
    "fit_medical_escort",
    "unfit_deferred",
    "unfit",
    "pending",
)
MEDICAL_OUTCOME_TITLES: Final[dict[str, str]] = {
    "fit": tr_noop("Fit"),
    "fit_with_conditions": tr_noop("Fit with conditions"),
    "fit_non_medical_escort": tr_noop("Fit with non-medical escort"),
    "fit_medical_escort": tr_noop("Fit with medical escort"),
    "unfit_deferred": tr_noop("Unfit - deferred"),
    "unfit": tr_noop("Unfit"),
    "pending": tr_noop("Pending"),
}
# IATA mobility SSR codes (one per person) and other SSR codes (any number)
MOBILITY_SSR: Final[tuple[str, ...]] = ("WCHR", "WCHS", "WCHP", "WCHC", "STCR")
OTHER_SSR: Final[tuple[str, ...]] = ("BLND", "DEAF", "DPNA", "MAAS", "MEDA")
# exist in the same IATA list but must never be used for refugees
FORBIDDEN_SSR: Final[tuple[str, ...]] = ("DEPA", "DEPU")
ESCORT_TYPES: Final[tuple[str, ...]] = ("nurse", "doctor")
# what non-medical staff see instead of the record
FITNESS_STATES: Final[tuple[str, ...]] = (
    "cleared",
    "cleared_assistance",
    "not_cleared",
    "pending",
    "expired",
)
FITNESS_STATE_TITLES: Final[dict[str, str]] = {
    "cleared": tr_noop("Cleared"),
    "cleared_assistance": tr_noop("Cleared - assistance"),
    "not_cleared": tr_noop("Not cleared"),
    "pending": tr_noop("Pending"),
    "expired": tr_noop("Expired"),
}
