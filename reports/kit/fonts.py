"""The two font families every document uses, registered once with reportlab.

Noto Sans draws Latin (Albanian names and addresses included); Noto Naskh Arabic draws
Dari and Pashto but has no Latin letters. reportlab has no font fallback, so text.py
picks a font per run of characters with ``script_of`` and ``font_name``.

The files ship in ``departure_desk_resources/fonts`` and are read with importlib.resources,
so the frozen installer build finds them without a file-system path.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from io import BytesIO
from typing import Any, Literal

import uharfbuzz as hb
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

Script = Literal["latin", "arabic"]

SANS = "DD-NotoSans"
SANS_BOLD = "DD-NotoSans-Bold"
NASKH = "DD-NotoNaskhArabic"
NASKH_BOLD = "DD-NotoNaskhArabic-Bold"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    NASKH: "NotoNaskhArabic-Regular.ttf",
    NASKH_BOLD: "NotoNaskhArabic-Bold.ttf",
}
_NAMES: dict[tuple[Script, bool], str] = {
    ("latin", False): SANS,
    ("latin", True): SANS_BOLD,
    ("arabic", False): NASKH,
    ("arabic", True): NASKH_BOLD,
}
# codes for glyphs that no character of the font's cmap reaches (see _Font)
_PRIVATE_USE = range(0xE000, 0xF900)

_lock = threading.RLock()


def font_name(script: Script, bold: bool = False) -> str:
    """The reportlab font name for a script; registers the fonts on first use."""
    register_fonts()
    return _NAMES[script, bold]


def script_of(char: str) -> Script | None:
    """The script a character needs a font for; None for digits, spaces and punctuation
    that either font can draw and that take the font of the text around them."""
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF:
        return "arabic"  # Eastern Arabic-Indic digits included: Noto Sans has none
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    if unicodedata.category(char).startswith("L"):
        return "latin"
    return None


@functools.cache
def register_fonts() -> None:
    """Register the four faces and the Noto Sans family (so Paragraph <b> works)."""
    with _lock:
        for name in _FILES:
            pdfmetrics.registerFont(_Font(name, _font_bytes(name)))
        for bold in (False, True):
            addMapping(SANS, bold, False, SANS_BOLD if bold else SANS)
            addMapping(SANS, bold, True, SANS_BOLD if bold else SANS)


@functools.cache
def _font_bytes(name: str) -> bytes:
    return (resources.files("departure_desk_resources") / "fonts" / _FILES[name]).read_bytes()


class _Font(TTFont):  # type: ignore[misc]  # reportlab has no type hints
    """A TTFont whose Private Use codes say, when copied or searched, what they stand for.

    A simple PDF font maps each code to one glyph and, through its ToUnicode table, to the
    characters it means; reportlab writes a character as a code for the glyph its cmap
    gives. A joined letter is another glyph than the letter alone: Pashto's joined forms and
    Naskh's contextual alternates have no code point at all, and Dari's presentation forms
    would read back as other characters than the letters. Such glyphs are written with
    Private Use codes, and this class rewrites their ToUnicode entries to the letters.
    """

    def __init__(self, name: str, data: bytes) -> None:
        super().__init__(name, BytesIO(data))
        self.meanings: dict[int, str] = {}  # Private Use code -> the text its glyph shows

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)  # reportlab forgets it in addObjects
        count = len(state.subsets) if state else 0
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(count)]
        super().addObjects(doc)
        for name in names:
            pdf_font = doc.idToObject[name]
            stream = doc.idToObject[pdf_font.ToUnicode.name]
            stream.content = _BFCHAR.sub(self._meaning, stream.content)

    def _meaning(self, match: re.Match[str]) -> str:
        text = self.meanings.get(int(match[2], 16))
        if not text:
            return match[0]
        return f"<{match[1]}> <{text.encode('utf-16-be').hex().upper()}>"


_BFCHAR = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{4})>$", re.MULTILINE)


@dataclass(frozen=True, eq=False)
class Face:
    """One font as HarfBuzz shapes it and reportlab writes it."""

    name: str  # the reportlab font name
    hb_font: hb.Font
    upem: int
    codepoints: frozenset[int]  # what the font's cmap covers
    _codes: dict[tuple[int, str], str] = field(default_factory=dict)

    def covers(self, char: str) -> bool:
        return ord(char) in self.codepoints

    def code(self, glyph: int, text: str) -> str:
        """The character to write so that ``glyph`` is drawn and ``text`` is what the PDF
        says for it (``text`` may be several letters for a ligature, or empty).

        Private Use codes are handed out in order of first use in the process, so a
        document's bytes can differ between processes; what it shows and says does not."""
        font = pdfmetrics.getFont(self.name)
        if len(text) == 1 and font.face.charToGlyph.get(ord(text)) == glyph:
            return text
        with _lock:
            code = self._codes.get((glyph, text))
            if code is None:
                code = self._codes[glyph, text] = self._private_code(font, glyph)
                font.meanings[ord(code)] = text
        return code

    def codes_for_glyph(self, glyph: int) -> list[str]:
        """The characters the font's own cmap maps to ``glyph``."""
        face = pdfmetrics.getFont(self.name).face
        return [chr(c) for c in face.glyphToChar.get(glyph, ()) if c not in _PRIVATE_USE]

    def _private_code(self, font: _Font, glyph: int) -> str:
        face = font.face
        for code in _PRIVATE_USE:
            if code not in face.charToGlyph:
                # set before the code is first written: reportlab subsets from these tables
                face.charToGlyph[code] = glyph
                face.glyphToChar.setdefault(glyph, []).append(code)
                face.charWidths[code] = face.hmetrics[glyph][0] * 1000 / self.upem
                return chr(code)
        raise ValueError(f"{self.name}: no Private Use code left for glyph {glyph}")


@functools.cache
def face(name: str) -> Face:
    register_fonts()
    data = _font_bytes(name)
    hb_face = hb.Face(hb.Blob(data))
    return Face(name, hb.Font(hb_face), hb_face.upem, frozenset(hb_face.unicodes))
