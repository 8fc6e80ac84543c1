"""The statuses of a case's journey, in the order a household lives them, and the exits."""

from __future__ import annotations

from typing import Final

from desktop.services.i18n import tr_noop

REGISTERED: Final = "registered"
#: the journey, from registration to the flight
MAIN_PATH: Final[tuple[str, ...]] = (
    REGISTERED,
    "interview_scheduled",
    "interviewed",
    "accepted",
    "medical_in_progress",
    "medically_cleared",
    "orientation_done",
    "travel_ready",
    "booked",
    "departed",
)
#: ways off the path: a pause, a medical deferral, or an end
EXITS: Final[tuple[str, ...]] = ("on_hold", "deferred", "withdrawn", "refused")
CASE_STATUSES: Final[tuple[str, ...]] = (*MAIN_PATH, *EXITS)
#: nothing moves a household on from these but a person undoing the end
ENDED: Final[tuple[str, ...]] = ("departed", "withdrawn", "refused")
#: statuses that follow the medical records
MEDICAL_STATUSES: Final[tuple[str, ...]] = ("medical_in_progress", "medically_cleared", "deferred")

STATUS_TITLES: Final[dict[str, str]] = {
    "registered": tr_noop("Registered"),
    "interview_scheduled": tr_noop("Interview scheduled"),
    "interviewed": tr_noop("Interviewed"),
    "accepted": tr_noop("Accepted"),
    "medical_in_progress": tr_noop("Medical in progress"),
    "medically_cleared": tr_noop("Medically cleared"),
    "orientation_done": tr_noop("Orientation done"),
    "travel_ready": tr_noop("Travel ready"),
    "booked": tr_noop("Booked"),
    "departed": tr_noop("Departed"),
    "on_hold": tr_noop("On hold"),
    "deferred": tr_noop("Deferred (medical)"),
    "withdrawn": tr_noop("Withdrawn"),
    "refused": tr_noop("Refused"),
}


def status_title(status: str) -> str:
    return STATUS_TITLES.get(status, status.replace("_", " ").capitalize())


def path_position(status: str) -> int:
    """Where ``status`` stands on the main path (-1 for an exit)."""
    return MAIN_PATH.index(status) if status in MAIN_PATH else -1
