"""The coded values of the registry, declared once (forms, imports and checks share them)."""

from __future__ import annotations

from typing import Final

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
LANGUAGES: Final[tuple[str, ...]] = ("Dari", "Pashto", "Other")
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
    "interview": "Immigration interview",
    "medical_exam": "Medical exam",
    "lab_xray": "Lab or X-ray",
    "pec": "Pre-embarkation check",
    "counselling": "Counselling",
    "document_collection": "Document collection",
    "other": "Other",
    "orientation": "Pre-departure orientation",
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
    "printed_slip": "Printed slip handed over",
    "phone_call": "Phone call",
    "focal_point": "Via community focal point",
    "in_person": "Told in person at the office",
}
INTERVIEW_OUTCOMES: Final[tuple[str, ...]] = (
    "recommended",
    "pending",
    "refused",
    "further_interview",
)
LOCATION_KINDS: Final[tuple[str, ...]] = ("office", "clinic", "embassy", "hotel", "other")
ORIENTATION_LANGUAGES: Final[tuple[str, ...]] = ("Dari", "Pashto", "English")
