"""Latin-script names: folding and the phonetic key that makes transliterations meet.

Offices transliterate Dari and Pashto names differently (Mohammad, Muhammad,
Mohd; Abdul Rahman, Abdurrahman), so a name is folded to plain letters and
each part reduced to a key that those spellings share. The rules are described
under ``latin_key`` in the docstring of ``names``; searching and scoring, which
use these keys, are there too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold_latin", "latin_key"]

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
