"""Dari/Pashto names: folding the Arabic-script letter variants and the native key.

The same name is typed on Arabic, Persian or Pashto keyboards, with or without
diacritics, zero-width non-joiners or spaces inside compounds; ``fold_native``
brings the letters to what a Dari keyboard gives and ``native_key`` also glues
compounds. The rules are described under ``native_key`` in the docstring of
``names``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from desktop.services.registry.names_latin import _CACHE_SIZE, _NON_LETTERS

__all__ = ["fold_native", "native_key"]

_YEH = "ی"
_KAF = "ک"
_HEH = "ه"
_ALEF = "ا"
_NATIVE_MAP: dict[str, str] = {
    # yeh: Arabic yeh, alef maksura, Pashto and Urdu yehs, yeh with hamza
    "ي": _YEH,
    "ى": _YEH,
    "ې": _YEH,
    "ۍ": _YEH,
    "ێ": _YEH,
    "ئ": _YEH,
    "ٸ": _YEH,
    "ے": _YEH,
    "ۓ": _YEH,
    # kaf
    "ك": _KAF,
    "ڪ": _KAF,
    "ػ": _KAF,
    "ؼ": _KAF,
    # heh forms and teh marbuta
    "ة": _HEH,
    "ە": _HEH,
    "ۀ": _HEH,
    "ھ": _HEH,
    "ہ": _HEH,
    "ۂ": _HEH,
    "ۃ": _HEH,
    # alef forms
    "أ": _ALEF,
    "إ": _ALEF,
    "آ": _ALEF,
    "ٱ": _ALEF,
    "ٲ": _ALEF,
    "ٳ": _ALEF,
    # waw with hamza
    "ؤ": "و",
    "ٶ": "و",
    "ٷ": "و",
    # Pashto letters as a Dari keyboard writes them
    "ګ": "گ",
    "ټ": "ت",
    "ډ": "د",
    "ړ": "ر",
    "ڼ": "ن",
    "ښ": "ش",
    "ږ": "ژ",
    "ځ": "ز",
    "څ": "س",
    # Urdu letters
    "ٹ": "ت",
    "ڈ": "د",
    "ڑ": "ر",
    "ں": "ن",
    # Arabic-Indic and Persian digits
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    "\u200b": " ",  # zero-width space separates words
}
_NATIVE_DELETE = (
    "\u0621"  # lone hamza
    "\u0640"  # tatweel
    "\u0670"  # superscript alef
    "\u00ad\u061c\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff"  # soft hyphen, ZWNJ, ZWJ, bidi marks, BOM
    + "".join(chr(c) for c in range(0x064B, 0x0660))  # harakat, hamza above/below
    + "".join(chr(c) for c in range(0x0610, 0x061B))  # honorific signs
    + "".join(chr(c) for c in [*range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9)])
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))  # Quranic annotation
)
_NATIVE_TABLE = str.maketrans({**_NATIVE_MAP, **dict.fromkeys(_NATIVE_DELETE, "")})


def _fold_native_chars(text: str) -> str:
    """Letter variants, digits and invisible marks; keeps everything else."""
    return unicodedata.normalize("NFKC", text).translate(_NATIVE_TABLE)


def fold_native(text: str) -> str:
    """Dari/Pashto normalisation; keeps only letters and single spaces.

    Arabic yeh (ي, ى) and Pashto/Urdu yehs are Persian ی, Arabic kaf ك is ک, heh
    forms (ة ە ۀ ھ ہ, heh + hamza) are ه, alef forms and hamza seats are plain,
    Pashto letters become the Dari letter a Dari keyboard gives (ګ گ, ټ ت ...);
    harakat, superscript alef, tatweel, zero-width (non-)joiners and bidi marks
    vanish; presentation forms are decomposed (NFKC). Digits of any kind and
    punctuation become spaces. Latin letters are kept, casefolded.
    """
    return " ".join([w for raw in text.split() for w in _native_words(raw)])


@lru_cache(maxsize=_CACHE_SIZE)
def _native_words(raw: str) -> tuple[str, ...]:
    """The words ``fold_native`` makes of one whitespace-free piece of text."""
    return tuple(_NON_LETTERS.sub(" ", _fold_native_chars(raw)).casefold().split())


_ABD = "عبد"
_AL = "ال"
_ALLAH_NATIVE = "الله"
_DIN_NATIVE = "الدین"
_ZAI_NATIVE = "زی"
_BI = "بی"


_NATIVE_SPECIAL = frozenset({_ABD, _ABD + _AL, _AL, _ALLAH_NATIVE, _DIN_NATIVE, _ZAI_NATIVE, _BI})


@lru_cache(maxsize=_CACHE_SIZE)
def _native_key_words(raw: str) -> tuple[str, ...]:
    return tuple(_native_word(w) for w in _native_words(raw))


def _native_word(word: str) -> str:
    return word.replace("وو", "و")  # داوود = داود, طاووس = طاوس


def _native_parts(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        if word in (_ABD, _ABD + _AL) and i + 1 < n:
            j = i + 1
            nxt = words[j]
            if nxt == _AL and j + 1 < n:
                j += 1
                nxt = words[j]
            core = nxt[2:] if nxt.startswith(_AL) and len(nxt) > 3 else nxt
            out.append(_ABD + _AL + core)  # عبد الرحمن, عبد رحمن -> عبدالرحمن
            i = j + 1
            continue
        step = 1
        if word == _AL and i + 1 < n:
            word = _AL + words[i + 1]
            step = 2
        if out and word in (_ALLAH_NATIVE, _DIN_NATIVE, _ZAI_NATIVE):
            out[-1] += word
        elif word == _BI and i + 1 < n and words[i + 1] == _BI:
            out.append(_BI + _BI)
            step = 2
        else:
            out.append(word)
        i += step
    return out


def native_key(name: str) -> str:
    """``fold_native`` with compounds glued: عبد الرحمن = عبدالرحمن, نجیب الله = نجیبالله."""
    words = [w for raw in name.split() for w in _native_key_words(raw)]
    if _NATIVE_SPECIAL.isdisjoint(words):
        return " ".join(words)
    return " ".join(_native_parts(words))
