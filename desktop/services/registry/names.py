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

Plain Python and rapidfuzz; no Qt, no database.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

__all__ = [
    "NAME_MATCH_THRESHOLD",
    "fold_latin",
    "fold_native",
    "latin_key",
    "name_similarity",
    "native_key",
    "search_tokens",
]

#: ``name_similarity(a, b) >= NAME_MATCH_THRESHOLD`` flags a possible duplicate
NAME_MATCH_THRESHOLD = 85.0

_CACHE_SIZE = 1 << 16

# --------------------------------------------------------------------------- Latin folding

#: apostrophes and ayn/hamza marks vanish instead of splitting a name: Sa'id, Ma'suma
_APOSTROPHES = "'’‘ʼʻʿʾ`´"
#: letters that NFKD does not decompose (after casefold)
_LATIN_SPECIAL = {
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ð": "d",
    "đ": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",
    "ħ": "h",
    "ŋ": "n",
}
_LATIN_TABLE = str.maketrans({**dict.fromkeys(_APOSTROPHES, ""), **_LATIN_SPECIAL})
_ASCII_APOSTROPHES = str.maketrans(dict.fromkeys("'`", ""))
_ASCII_NON_LETTERS = re.compile(r"[^a-z]+")
_NON_LETTERS = re.compile(r"[\W\d_]+")


def fold_latin(text: str) -> str:
    """Casefold, strip accents, non-letters to spaces, collapse spaces.

    Apostrophes (', ’, ʿ, ʾ ...) are removed rather than turned into spaces:
    they transliterate ayn and hamza inside one name (Sa'id, Ma'suma).
    Letters of other scripts are kept (folded the same way).
    """
    if text.isascii():
        folded = _ASCII_NON_LETTERS.sub(" ", text.translate(_ASCII_APOSTROPHES).lower())
        return folded.strip()
    text = text.translate(_LATIN_TABLE).casefold().translate(_LATIN_TABLE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NON_LETTERS.sub(" ", text).split())


# --------------------------------------------------------------------------- Latin keys

#: Abdul, Abdel, Abdal, Abdur, Abdus, Abdush ... written as a separate word
_ABD_PREFIX = re.compile(r"abd(?:u|[aeiou](?:l|r|s|sh|z|t|n|d))?")
#: the article written as a separate word: Abd al-Rahman, Nasir ud Din, Zia ul Haq
_ARTICLE = re.compile(r"[aeiou](?:l|r|s|sh|z|t|n|d)")
_ALLAH = re.compile(r"[uoa](?:llah?|lah|llaah)")
_UDDIN = re.compile(r"[uoae]d?d(?:in|een|ien|en)")
_DIN = frozenset({"din", "deen", "den"})
_ZAI = frozenset({"zai", "zay", "zaey", "zaei", "zaie", "zaee", "zaai"})

_GLUED_ALLAH = re.compile(r"(?P<stem>[a-z]{3,}?)[uoa](?:llah?|lah|llaah)")
_GLUED_UDDIN = re.compile(r"(?P<stem>[a-z]{3,}?)[uoae]d?d(?:in|een|ien|en)")
_GLUED_ZAI = re.compile(r"(?P<stem>[a-z]{3,}?)z(?:ai|ay|aey|aei|aie|aee|aai)")
_GLUED_ABD = re.compile(r"abd(?P<vowel>[aeiou]?)(?P<article>l?)(?P<rest>[a-z]+)")

_SUFFIX_ALLAH = "ula"
_SUFFIX_UDDIN = "udin"
_SUFFIX_ZAI = "zai"

#: spellings the rules below do not bring together on their own
_ALIASES = {
    "md": "muhammad",
    "mhd": "muhammad",
    "mohd": "muhammad",
    "muhd": "muhammad",
    "mohamd": "muhammad",
    "mohmad": "muhammad",
    "mohmmad": "muhammad",
    "yousef": "yusuf",
    "yusef": "yusuf",
    "yosef": "yusuf",
    "ismael": "ismail",
    "esmael": "ismail",
    "ismaeel": "ismail",
    "esmaeel": "ismail",
    "esmaeil": "ismail",
    "saleh": "salih",
    "fateh": "fatih",
}

_DIGRAPHS = {
    "kh": "x",
    "gh": "g",
    "sh": "c",
    "ch": "q",
    "zh": "j",
    "ph": "f",
    "th": "t",
    "dh": "d",
    "ck": "k",
    "q": "k",
    "c": "k",
    "x": "ks",
    "v": "w",
}
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_RUNS = re.compile(r"[aeiouy]+|[^aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")
_VOWEL = re.compile(r"[aeiouy]")
#: a glide: ai/ei (Hussain, Hossein), i before a vowel (Mariam), any y (Maryam, Sayed)
_GLIDE = re.compile(r"y|[ae]i|i[aeou]")
_VOWEL_CLASS = str.maketrans("aeiou", "aaauu")


def _digraph(match: re.Match[str]) -> str:
    return _DIGRAPHS[match.group()]


def _vowel_run(run: str, *, first: bool, last: bool, lost_h: bool) -> str:
    if last and not first:
        if run.endswith(("i", "y", "ee")) or (run.endswith("ie") and not lost_h):
            return "i"  # Ahmadi, Aly, Rezaee, Rezaie, Ahmadzai
        if run[-1] in "ae":  # Fatima, Fatemeh, Masoume
            head = run[:-1]
            if "y" in head or "i" in head:
                return "ya"  # Nadia, Nadiya, Marzieh
            if "o" in head or "u" in head:
                return "ua"
            return "a"
        return "u"  # Arezo, Arezu, Arezoo
    if _GLIDE.search(run):
        return "y"
    classes = _DOUBLES.sub(r"\1", run.translate(_VOWEL_CLASS))
    return "awu" if classes == "au" else classes  # Daud = Dawood, Rauf = Rawoof


@lru_cache(maxsize=_CACHE_SIZE)
def _phonetic(word: str) -> str:
    """The key of one ASCII name part without compound handling."""
    word = _ALIASES.get(word, word)
    text = _DIGRAPH_RE.sub(_digraph, word)
    lost_h = False
    # a final -ah/-eh after an earlier vowel is a written heh: Fatimah, Masoumeh (not Shah)
    if text.endswith(("ah", "eh")) and _VOWEL.search(text[:-1].rstrip("aeiouy")):
        text = text[:-1]
        lost_h = True
    runs = _RUNS.findall(text)
    out = []
    end = len(runs) - 1
    for i, run in enumerate(runs):
        if run[0] in "aeiouy":
            out.append(_vowel_run(run, first=i == 0, last=i == end, lost_h=lost_h))
        else:
            out.append(_DOUBLES.sub(r"\1", run))
    return "".join(out)


def _undouble_head(rest: str) -> str:
    """Abdur-Rrahman -> Rahman, Abdush-Shshakoor -> Shakoor (assimilated article)."""
    if len(rest) >= 4 and rest[:2] in _DIGRAPHS and rest[2:4] == rest[:2]:
        return rest[2:]
    if len(rest) >= 2 and rest[0] == rest[1]:
        return rest[1:]
    return rest


#: (Abd- prefix, core, suffix key)
_Part = tuple[bool, str, str]


@lru_cache(maxsize=_CACHE_SIZE)
def _split_glued(word: str) -> _Part:
    suffix = ""
    if m := _GLUED_ALLAH.fullmatch(word):
        word, suffix = m["stem"], _SUFFIX_ALLAH
    elif m := _GLUED_UDDIN.fullmatch(word):
        word, suffix = m["stem"], _SUFFIX_UDDIN
    elif m := _GLUED_ZAI.fullmatch(word):
        word, suffix = m["stem"], _SUFFIX_ZAI
    if word != "abd" and (m := _GLUED_ABD.fullmatch(word)):
        rest = m["rest"] if m["article"] else _undouble_head(m["rest"])
        if len(rest) >= 3:
            return True, rest, suffix
    return False, word, suffix


@lru_cache(maxsize=_CACHE_SIZE)
def _part_key(part: _Part) -> str:
    abd, core, suffix = part
    if suffix == _SUFFIX_ALLAH and core.endswith(("ih", "eh")):
        core = core[:-2] + "i"  # Zabihullah = Zabiullah: the h before -ullah often goes unwritten
    return ("abd" if abd else "") + _phonetic(core) + suffix


@lru_cache(maxsize=_CACHE_SIZE)
def _is_special(word: str) -> bool:
    """Could ``word`` join its neighbour (Abdul, Ullah, ud, Din, Zai)?"""
    return (
        word.startswith("abd")
        or word in _DIN
        or word in _ZAI
        or (len(word) <= 6 and bool(_ARTICLE.fullmatch(word) or _ALLAH.fullmatch(word)))
        or bool(_UDDIN.fullmatch(word))
    )


def _latin_parts(words: list[str]) -> list[_Part]:
    parts: list[_Part] = []
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        if not _is_special(word):
            parts.append(_split_glued(word))
            i += 1
            continue
        nxt = words[i + 1] if i + 1 < n else ""
        if _ABD_PREFIX.fullmatch(word) and nxt:
            j = i + 1
            if _ARTICLE.fullmatch(nxt) and j + 1 < n:
                j += 1
                nxt = words[j]
            if _ALLAH.fullmatch(nxt):
                parts.append((False, "abd", _SUFFIX_ALLAH))  # Abd Allah = Abdullah
            else:
                _, core, suffix = _split_glued(_undouble_head(nxt))
                parts.append((True, core, suffix))
            i = j + 1
            continue
        prev = parts[-1] if parts else None
        if prev is not None and not prev[2]:
            suffix = ""
            step = 1
            if _ALLAH.fullmatch(word):
                suffix = _SUFFIX_ALLAH
            elif _UDDIN.fullmatch(word) or word in _DIN:
                suffix = _SUFFIX_UDDIN
            elif word in _ZAI:
                suffix = _SUFFIX_ZAI
            elif _ARTICLE.fullmatch(word) and nxt in _DIN:
                suffix, step = _SUFFIX_UDDIN, 2
            elif _ARTICLE.fullmatch(word) and nxt and not prev[0]:
                # Zia ul Haq = Zia-ul-Haq = Ziaulhaq
                parts[-1] = _split_glued(prev[1] + "ul" + _undouble_head(nxt))
                i += 2
                continue
            if suffix:
                parts[-1] = (prev[0], prev[1], suffix)
                i += step
                continue
        parts.append(_split_glued(word))
        i += 1
    return parts


def latin_key(name: str) -> str:
    """Space-separated phonetic keys of the Latin-script parts of ``name``.

    Transliteration variants share a key: ``latin_key("Muhammad Hossein") ==
    latin_key("Mohammed Husain")``, ``latin_key("Abdul Rahman") ==
    latin_key("Abdurrahman")``, ``latin_key("Hamidullah") == latin_key("Hamid Ollah")``.
    Parts in other scripts are left out (see ``native_key``).
    """
    words: list[str] = []
    special = False
    for raw in name.split():
        for word in _latin_words(raw):
            words.append(word)
            special = special or _is_special(word)
    if not special:
        return " ".join([_word_key(w) for w in words])
    return " ".join([_part_key(p) for p in _latin_parts(words)])


@lru_cache(maxsize=_CACHE_SIZE)
def _latin_words(raw: str) -> tuple[str, ...]:
    """The ASCII words ``fold_latin`` makes of one whitespace-free piece of a name."""
    return tuple(w for w in fold_latin(raw).split() if w.isascii())


@lru_cache(maxsize=_CACHE_SIZE)
def _word_key(word: str) -> str:
    return _part_key(_split_glued(word))


# --------------------------------------------------------------------------- Dari / Pashto

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

_ARABIC_LETTER = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
_HAS_ARABIC = re.compile(f"[{_ARABIC_LETTER}]")
_HAS_LATIN = re.compile(r"[^\W\d_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufeff]")


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
