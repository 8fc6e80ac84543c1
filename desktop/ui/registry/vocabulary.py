"""How the registry's coded values read in its windows, in the interface language.

The services declare the codes (``desktop.services.vocabulary``, the journey's
statuses). Statuses have titles the journey service marks with ``tr_noop``; the other
codes read as their words (``office_safe`` -> "Office safe"), looked up as written, and
the few whose words would read badly have a title here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop.services.journey.statuses import status_title
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.tables import words

#: document types whose words read badly
DOC_TITLES = {
    "icrc_travel_document": tr_noop("ICRC emergency travel document"),
    "single_journey": tr_noop("Single-journey document"),
}

#: how sure the duplicate check is that two records are one person
DUPLICATE_LEVELS = {"likely": tr_noop("Likely"), "possible": tr_noop("Possible")}


def status_text(status: str) -> str:
    """A household's status as its title: "Medical in progress"."""
    return tr(status_title(status))


def code_text(code: str | None) -> str:
    """A coded value as words: ``handed_at_airport`` -> "Handed at airport"."""
    return tr(words(code)) if code else ""


def document_title(doc_type: str) -> str:
    title = DOC_TITLES.get(doc_type)
    return tr(title) if title is not None else code_text(doc_type)


def choice_titles(codes: Iterable[str], titles: Mapping[str, str] | None = None) -> dict[str, str]:
    """Translated titles of ``codes`` for a drop-down (``titles``: tr_noop-marked ones)."""
    marked = titles or {}
    return {c: tr(marked[c]) if c in marked else code_text(c) for c in codes}


def level_text(level: str) -> str:
    """A duplicate's level: "Likely" or "Possible"."""
    title = DUPLICATE_LEVELS.get(level)
    return tr(title) if title is not None else code_text(level)
