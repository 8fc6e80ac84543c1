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
