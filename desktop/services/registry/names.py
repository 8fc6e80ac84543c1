"""Name normalisation for the search index and for duplicate scoring.

Evacuee names arrive twice: in Latin letters as written on a document (every
office transliterates differently: Mohammad, Muhammad, Mohammed, Mohd) and in
Dari/Pashto script (typed on Arabic, Persian or Pashto keyboards, with or
without diacritics, zero-width non-joiners or spaces inside compounds).

Two keys make the spellings of one name meet:

``latin_key``
    A phonetic-ish key per name part. Consonant digraphs become one letter
    (kh, gh, sh, ch, zh, ph, th, dh), q/c/ck become k, v becomes w, doubled
    letters count once, and vowels shrink to classes: a/e/i are one class and
    o/u another; ai/ay/ei/ey/ia/y glides become ``y``. A name's final vowel
    keeps its own class (Karim/Karima/Karimi stay apart: sex and nisba differ).
    Compounds are glued the same way whether written glued or separated:
    Abdul/Abdel/Abd al-/Abdur + name, name + Ullah/Ollah/Ulla, name + ud-Din,
    name + Zai. Abbreviations Mohd/Md/Muhd are Muhammad. Keys use the letters
    a-z only (``c`` is sh, ``x`` is kh, ``q`` is ch, ``j`` also zh) and are
    meant for matching, not for display.

``native_key``
    ``fold_native`` (Arabic and Persian yeh and kaf, heh forms and teh
    marbuta, alef forms, hamza seats, Pashto and Urdu letters to the Dari letter
    a Dari keyboard gives; no diacritics, tatweel, zero-width joiners or bidi
    marks; Arabic and Persian digits to ASCII) plus compounds glued the same
    way: عبد الرحمن = عبدالرحمن, نجیب الله = نجیب‌الله = نجیبالله, احمد زی = احمدزی.

``search_tokens`` turns any text (a name, a mixed Latin/Dari line, a document or
phone number) into the tokens to store in, or look up in, an SQLite FTS5 index;
the tokens are plain letters and digits, so ``" ".join(tokens)`` can be indexed
with the default ``unicode61`` tokenizer and each token quoted in a MATCH query.

``name_similarity`` scores two names 0..100 for duplicate detection. A plain
``rapidfuzz.fuzz.token_sort_ratio`` (or ``WRatio``) of the keys scores brothers
who share a family name (Wali/Ali Ahmadzai 96, Abdul Ahad/Abdul Wahid Durrani
97) and Sultan/Sultana Amiri (96) as duplicates; on the labelled test corpus
it reaches precision 0.70 at 85. So the score is computed per name part:
parts are paired best-first, each pair scored with the rapidfuzz Levenshtein
distance relative to length, squared (one letter in a five-letter name makes
another name, one letter in a twelve-letter one is more likely a slip); a
different final vowel or ending (Karim/Karima/Karimi, زهرا/زهره) scores 30,
and a lone vowel inserted inside a Latin part (Freshta/Fereshta, Arzo/Arezo)
90. The result is the length-weighted mean of the pairs, capped at the
weakest pair + 15 (so one changed letter in a part of up to six letters stays
below ``NAME_MATCH_THRESHOLD``), less 20 for each part only one name has (4
for Mohammad, Sayed, Bibi, Khan, Jan, Haji, Agha, Mullah, which documents often
drop). Latin keys are compared when both names have Latin letters, else the
Dari keys; a Latin-only name against a Dari-only one scores 0.0 (that needs
transliteration).

``fold_latin`` and ``latin_key`` live in ``names_latin``, ``fold_native`` and
``native_key`` in ``names_native``; this module holds the search tokens and the
scoring built on both.

Plain Python and rapidfuzz; no Qt, no database.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from desktop.services.registry.names_latin import (
    _APOSTROPHES,
    _SUFFIX_ALLAH,
    _SUFFIX_UDDIN,
    _SUFFIX_ZAI,
    _part_key,
    _split_glued,
    fold_latin,
    latin_key,
)
from desktop.services.registry.names_native import (
    _ABD,
    _AL,
    _ALLAH_NATIVE,
    _DIN_NATIVE,
    _fold_native_chars,
    native_key,
)

__all__ = ["NAME_MATCH_THRESHOLD", "name_similarity", "search_tokens"]

#: ``name_similarity(a, b) >= NAME_MATCH_THRESHOLD`` flags a possible duplicate
NAME_MATCH_THRESHOLD = 85.0

# which script a name or a run of text is in decides which key it gets
_ARABIC_LETTER = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
_HAS_ARABIC = re.compile(f"[{_ARABIC_LETTER}]")
_HAS_LATIN = re.compile(r"[^\W\d_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufeff]")

# --------------------------------------------------------------------------- search tokens

_NOT_ARABIC_OR_WORD = r"\W_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
_CHUNK = re.compile(
    rf"(?P<ar>[{_ARABIC_LETTER}]+)"
    rf"|(?P<num>[^{_NOT_ARABIC_OR_WORD}]*?\d[^{_NOT_ARABIC_OR_WORD}]*)"
    rf"|(?P<word>[^\d{_NOT_ARABIC_OR_WORD}]+(?:[{_APOSTROPHES}][^\d{_NOT_ARABIC_OR_WORD}]+)*)"
)
_NOT_CODE = re.compile(r"[\W_]+")
#: what may separate the pieces of one number: P-123 456/7, +93 (0)70 123 4567
_NUMBER_GAP = re.compile(r"[\s\-./()+]*")
#: what may separate the words of one name
_NAME_GAP = re.compile(r"[\s\-.'’]*")


def _fold_code(text: str) -> str:
    """A document or phone number: lowercase letters and digits, nothing else."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOT_CODE.sub("", text)


def search_tokens(text: str) -> list[str]:
    """Tokens for an FTS5 index or query, in order of appearance.

    Latin words give ``latin_key`` tokens, Arabic-script words ``native_key``
    tokens (compounds are glued across spaces within a run of one script).
    A run of digit-bearing pieces separated by spaces, dashes, dots, slashes
    or brackets is one token of lowercase letters and digits: document and
    phone numbers match however they were typed, and Persian or Arabic digits
    equal ASCII ones. A letter prefix of up to three letters joined to a number
    by a dash, dot or slash belongs to it ("P-123" = "p123"); one separated by
    a space stays a name token. Letters of other scripts are kept, folded.
    """
    if not text:
        return []
    text = _fold_native_chars(text)
    tokens: list[str] = []
    group: list[str] = []
    kind = ""
    end = 0

    def flush() -> None:
        if not group:
            return
        joined = " ".join(group)
        if kind == "ar":
            tokens.extend(native_key(joined).split())
        elif kind == "num":
            tokens.append(_fold_code("".join(group)))
        else:
            tokens.extend(latin_key(joined).split())
            tokens.extend(w for w in fold_latin(joined).split() if not w.isascii())
        group.clear()

    for match in _CHUNK.finditer(text):
        new_kind = match.lastgroup or "word"
        piece = match.group()
        gap = text[end : match.start()]
        same_run = bool(group) and new_kind == kind
        if same_run and kind == "num":
            same_run = bool(_NUMBER_GAP.fullmatch(gap))
        elif same_run and kind == "word":
            same_run = bool(_NAME_GAP.fullmatch(gap))
        elif same_run:
            same_run = gap.isspace()
        glue = len(gap) == 1 and gap in "-./"
        if (
            not same_run
            and kind == "word"
            and new_kind == "num"
            and glue
            and len(group[-1]) <= 3
            and group[-1].isascii()
        ):
            # "Karimi AB-123456": the letters belong to the number, not to the name
            prefix = group.pop()
            flush()
            group.append(prefix)
            kind = "num"
            same_run = True
        elif not same_run and kind == "num" and new_kind == "word" and glue and len(piece) <= 3:
            same_run = True  # "123456-A"
            new_kind = "num"
        if not same_run:
            flush()
            kind = new_kind
        group.append(piece)
        end = match.end()
    flush()
    return tokens


# --------------------------------------------------------------------------- similarity

_HONORIFICS_LATIN = frozenset(
    _part_key(_split_glued(w)) for w in ("muhammad", "sayed", "bibi", "khan", "jan", "haji", "agha")
) | {"mula"}
_HONORIFICS_NATIVE = frozenset({"محمد", "سید", "بیبی", "خان", "جان", "حاجی", "اغا", "ملا"})
_EXTRA_PART_PENALTY = 20.0
_HONORIFIC_PENALTY = 4.0
_WEAKEST_PAIR_SLACK = 15.0
_ENDING_MISMATCH_SCORE = 30.0
_INNER_VOWEL_SCORE = 90.0
_SPACING_SCORE = 97.0

_FRAMES_LATIN = (("abd", ""), ("", _SUFFIX_ALLAH), ("", _SUFFIX_UDDIN), ("", _SUFFIX_ZAI))
_FRAMES_NATIVE = ((_ABD + _AL, ""), (_ABD, ""), ("", _ALLAH_NATIVE), ("", _DIN_NATIVE))
_ENDINGS_LATIN = "aiu"
_ENDINGS_NATIVE = "هیا"


def _strip_frames(x: str, y: str, native: bool) -> tuple[str, str]:
    """Drop an Abd- prefix or -ullah/-uddin suffix both parts have: compare the rest."""
    for prefix, suffix in _FRAMES_NATIVE if native else _FRAMES_LATIN:
        if prefix and x.startswith(prefix) and y.startswith(prefix):
            x, y = x[len(prefix) :], y[len(prefix) :]
        if suffix and x.endswith(suffix) and y.endswith(suffix):
            x, y = x[: -len(suffix)], y[: -len(suffix)]
    return x, y


def _ending_differs(x: str, y: str, endings: str) -> bool:
    """Karim/Karima, Karima/Karimi, زهرا/زهره: the same stem, another ending."""
    if len(x) > len(y):
        x, y = y, x
    if len(y) == len(x) + 1 and y.startswith(x) and y[-1] in endings:
        return True
    return x[:-1] == y[:-1] and x[-1] in endings and y[-1] in endings


def _inner_vowel_only(x: str, y: str) -> bool:
    """Freshta/Fereshta: one a/u more, not at either end."""
    if len(x) > len(y):
        x, y = y, x
    if len(y) != len(x) + 1:
        return False
    return any(y[i] in "au" and y[:i] + y[i + 1 :] == x for i in range(1, len(y) - 1))


def _part_score(x: str, y: str, native: bool) -> float:
    if x == y:
        return 100.0
    x, y = _strip_frames(x, y, native)
    if not x or not y:
        return 0.0
    if _ending_differs(x, y, _ENDINGS_NATIVE if native else _ENDINGS_LATIN):
        return _ENDING_MISMATCH_SCORE
    if not native and _inner_vowel_only(x, y):
        return _INNER_VOWEL_SCORE
    distance = Levenshtein.distance(x, y)
    return 100.0 * max(0.0, 1.0 - distance / max(len(x), len(y))) ** 2


def _arabic_parts(name: str) -> list[str]:
    return [w for w in native_key(name).split() if _HAS_ARABIC.search(w)]


def _keys_for(a: str, b: str) -> tuple[list[str], list[str], bool]:
    """Latin keys when both names have Latin letters, else native keys, else nothing."""
    if _HAS_LATIN.search(a) and _HAS_LATIN.search(b):
        return latin_key(a).split(), latin_key(b).split(), False
    if _HAS_ARABIC.search(a) and _HAS_ARABIC.search(b):
        return _arabic_parts(a), _arabic_parts(b), True
    return [], [], False


def name_similarity(a: str, b: str) -> float:
    """0..100: how likely ``a`` and ``b`` name the same person (order-insensitive).

    Compares ``latin_key`` parts when both names have Latin letters, else the
    Arabic-script ``native_key`` parts when both have Arabic-script letters; a
    Latin-only name against a Dari-only one scores 0.0. See the module docstring
    for the scoring; ``NAME_MATCH_THRESHOLD`` is the cut-off.
    """
    ka, kb, native = _keys_for(a, b)
    if not ka or not kb:
        return 0.0
    # a canonical order makes the score symmetric
    short, long_ = sorted((sorted(ka), sorted(kb)), key=lambda k: (len(k), k))
    if short == long_:
        return 100.0
    if "".join(ka) == "".join(kb):
        return _SPACING_SCORE  # Noor Mohammad = Noormohammad
    candidates = sorted(
        (
            (-_part_score(x, y, native), i, j)
            for i, x in enumerate(short)
            for j, y in enumerate(long_)
        ),
    )
    used_short: set[int] = set()
    used_long: set[int] = set()
    total = 0.0
    weight = 0
    weakest = 100.0
    for negative, i, j in candidates:
        if i in used_short or j in used_long:
            continue
        used_short.add(i)
        used_long.add(j)
        score = -negative
        w = max(len(short[i]), len(long_[j]))
        total += score * w
        weight += w
        weakest = min(weakest, score)
        if len(used_short) == len(short):
            break
    result = min(total / weight, weakest + _WEAKEST_PAIR_SLACK)
    honorifics = _HONORIFICS_NATIVE if native else _HONORIFICS_LATIN
    for j, part in enumerate(long_):
        if j not in used_long:
            result -= _HONORIFIC_PENALTY if part in honorifics else _EXTRA_PART_PENALTY
    return max(0.0, round(result, 2))


def latin_name(given: str, family: str) -> str:
    """A person's name as staff read it in lists: "given family", as on documents."""
    return " ".join(part for part in (given, family) if part)
