"""How the registry's coded values read in its windows, in the interface language.

The services declare the codes (``desktop.services.vocabulary``, the journey's
statuses). Statuses have titles the journey service marks with ``tr_noop``; the codes of
the registry have theirs here (``office_safe`` -> "Office safe"), marked so that the
translators get them (tests/ui/test_translatable.py checks that every code has one).
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
#: the words of the other codes the registry shows: relationships, documents, custody
CODE_TITLES = {
    "principal": tr_noop("Principal"),
    "spouse": tr_noop("Spouse"),
    "son": tr_noop("Son"),
    "daughter": tr_noop("Daughter"),
    "father": tr_noop("Father"),
    "mother": tr_noop("Mother"),
    "brother": tr_noop("Brother"),
    "sister": tr_noop("Sister"),
    "grandson": tr_noop("Grandson"),
    "granddaughter": tr_noop("Granddaughter"),
    "other": tr_noop("Other"),
    "passport": tr_noop("Passport"),
    "tazkira": tr_noop("Tazkira"),
    "convention_travel_document": tr_noop("Convention travel document"),
    "laissez_passer": tr_noop("Laissez-passer"),
    "visa": tr_noop("Visa"),
    "family": tr_noop("Family"),
    "office_safe": tr_noop("Office safe"),
    "handed_at_airport": tr_noop("Handed at airport"),
    "returned": tr_noop("Returned"),
}

#: how sure the duplicate check is that two records are one person
DUPLICATE_LEVELS = {"likely": tr_noop("Likely"), "possible": tr_noop("Possible")}


def status_text(status: str) -> str:
    """A household's status as its title: "Medical in progress"."""
    return tr(status_title(status))


def code_text(code: str | None) -> str:
    """A coded value as words: ``handed_at_airport`` -> "Handed at airport"."""
    if not code:
        return ""
    title = CODE_TITLES.get(code)
    return tr(title) if title is not None else words(code)


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
