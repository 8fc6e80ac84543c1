"""The statuses of a case's journey, in the order a household lives them, and the exits."""

from __future__ import annotations

from typing import Final

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
    "registered": "Registered",
    "interview_scheduled": "Interview scheduled",
    "interviewed": "Interviewed",
    "accepted": "Accepted",
    "medical_in_progress": "Medical in progress",
    "medically_cleared": "Medically cleared",
    "orientation_done": "Orientation done",
    "travel_ready": "Travel ready",
    "booked": "Booked",
    "departed": "Departed",
    "on_hold": "On hold",
    "deferred": "Deferred (medical)",
    "withdrawn": "Withdrawn",
    "refused": "Refused",
}


def status_title(status: str) -> str:
    return STATUS_TITLES.get(status, status.replace("_", " ").capitalize())


def path_position(status: str) -> int:
    """Where ``status`` stands on the main path (-1 for an exit)."""
    return MAIN_PATH.index(status) if status in MAIN_PATH else -1
