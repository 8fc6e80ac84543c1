"""Marks the words of the vocabularies that the interface shows translated (Qt-free).

A service cannot translate (it has no Qt and may run in the CLI), but the titles of its
vocabularies (statuses, kinds of appointment, outcomes) are shown in windows. They are
written as ``tr_noop("Registered")``: the extractor (``make translations``) finds them and
the UI translates them with ``tr()`` where it shows them.
"""

from __future__ import annotations


def tr_noop(text: str) -> str:
    """Marks ``text`` for translation; returns it unchanged."""
    return text
