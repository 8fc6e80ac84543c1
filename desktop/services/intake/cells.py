"""Cells as the intake reader sees them: the row type, cell text and tolerant keys.

Every other part of the reader (files, the XLSX scanner, column mapping, value
parsing, row checks) turns cells into text or compares words the same way, so
these few helpers sit below all of them. See ``reading`` for the rules they serve.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from functools import lru_cache

#: bidi controls, zero-width space and BOM; ZWNJ/ZWJ stay (they spell Dari words)
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"),
    None,
)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_NULL_WORDS = frozenset({"-", "--", "---", "–", "—", "n/a", "n.a.", "#n/a", "none", "null"})


def _clean(text: str) -> str:
    """Stripped, spaces collapsed, invisible marks dropped, NFC."""
    if text.isascii():
        return " ".join(text.split())
    text = " ".join(text.translate(_INVISIBLE).split())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _cell_text(value: object) -> str:
    """A cell as normalised text ("" for empty and the null words)."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = _clean(value)
        if len(text) <= 4 and text.casefold() in _NULL_WORDS:
            return ""
        return text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return _clean(str(value))


_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "\u200c": None})


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """Case, spaces and punctuation ignored: ``"Father's name"`` -> ``"fathersname"``."""
    if text.isascii():
        return "".join(ch for ch in text.lower() if ch.isalnum())
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC_FOLD)
    return "".join(ch for ch in text if ch.isalnum())


#: the cells of one spreadsheet row, as read from the file
_Row = Sequence[object]


def _blank(cells: _Row) -> bool:
    for value in cells:
        if value is None:
            continue
        if isinstance(value, str):
            if value and not value.isspace() and (value.isascii() or _clean(value)):
                return False
            continue
        return False
    return True
