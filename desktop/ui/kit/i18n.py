"""Translating the interface with Qt Linguist.

Every string a person sees in a window goes through ``tr()``::

    QPushButton(tr("Open household"), self)
    label.setText(tr("{count} blockers").format(count=len(blockers)))
    plural(count, tr_noop("{n} member"), tr_noop("{n} members"))

Never hand ``tr()`` an f-string: it is translated after formatting, so no translation
matches. A string defined before it is shown (a column title, a choice in a table of
words) is marked with ``tr_noop("...")`` where it is written, so the extractor finds it,
and goes through ``tr()`` where it is shown.

All strings share one translation context: the same English words translate the same
everywhere (``disambiguation`` separates words that must not). ``make translations``
extracts them with ``pyside6-lupdate`` into ``resources/i18n/departure_desk_<lang>.ts``
for the office's translators; ``make`` compiles the ``.qm`` files, loaded at start.

The pseudo-locale (``DEPARTURE_DESK_LANG=pseudo``; ``pseudo-rtl`` also mirrors the
layout) lengthens and accents every translated string and brackets it, so that a label
cut short, a layout that breaks right to left, or a text that never went through ``tr()``
shows at a glance (tests/ui/test_pseudo_locale.py looks at every page and dialog so).
"""

from __future__ import annotations

import logging
import os
import re
from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from desktop.services.i18n import tr_noop

__all__ = ["install_translations", "pseudo", "tr", "tr_noop"]

log = logging.getLogger("desktop.ui")

#: the one context every string is translated in
CONTEXT = ""
LANGUAGE_ENV = "DEPARTURE_DESK_LANG"
PSEUDO = "pseudo"
PSEUDO_RTL = "pseudo-rtl"
#: brackets around every pseudo-translated string
PSEUDO_OPEN, PSEUDO_CLOSE = "[", "]"


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the interface language."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def plural(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (both marked with ``tr_noop``) translated, with ``{n}`` filled::

        plural(len(blockers), tr_noop("{n} blocker"), tr_noop("{n} blockers"))

    Two forms serve English and Albanian; a language with more would move to Qt's numerus
    forms (``%n`` with an English .qm), which need every plural written out by hand.
    """
    return tr(one if count == 1 else many).format(n=f"{count:,}")


# -- the pseudo-locale ------------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "aceinousyzACEINOSUYZ",
    "áçéîñöûšýžÅÇÉÎÑÖŠÜÝŽ",
)
#: what must come through unchanged: placeholders, markup, entities
_KEEP = re.compile(r"\{[^{}]*\}|%\d|<[^>]+>|&[a-z]+;|&&")


def pseudo(text: str) -> str:
    """``text`` accented, a third longer and bracketed; placeholders and markup kept."""
    if not text.strip():
        return text
    parts: list[str] = []
    last = 0
    for match in _KEEP.finditer(text):
        parts.append(text[last : match.start()].translate(_ACCENTED))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].translate(_ACCENTED))
    # a third longer, in short words so that wrapped text can still wrap
    length = max(2, len(text) // 3)
    padding = " ".join("~" * min(4, length - n) for n in range(0, length, 4))
    return f"{PSEUDO_OPEN}{''.join(parts)} {padding}{PSEUDO_CLOSE}"


class PseudoTranslator(QTranslator):
    """Translates every string into the pseudo-locale."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


# -- loading ----------------------------------------------------------------------------------


def chosen_language() -> str:
    """The interface language: ``DEPARTURE_DESK_LANG``, else the computer's."""
    return os.environ.get(LANGUAGE_ENV) or QLocale.system().name().split("_")[0]


def install_translations(
    app: QCoreApplication, language: str | None = None, folder: Traversable | None = None
) -> str:
    """Load the translation of ``language`` (default: ``chosen_language()``) from ``folder``
    (default: the shipped resources); English needs none. Returns the language whose
    strings are now shown."""
    language = language or chosen_language()
    if language in (PSEUDO, PSEUDO_RTL):
        translator: QTranslator = PseudoTranslator(app)
        app.installTranslator(translator)
        if language == PSEUDO_RTL and hasattr(app, "setLayoutDirection"):
            app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        return language
    if language == "en":
        return language
    folder = folder or resources.files("departure_desk_resources") / "i18n"
    compiled = folder / f"departure_desk_{language}.qm"
    if not compiled.is_file():
        log.info("no translation for %s; the interface stays in English", language)
        return "en"
    translator = QTranslator(app)
    data = compiled.read_bytes()
    if not translator.load(data):
        log.warning("the translation for %s could not be loaded", language)
        return "en"
    _LOADED.append((translator, data))  # Qt reads from this buffer while the app runs
    app.installTranslator(translator)
    return language


_LOADED: list[tuple[QTranslator, bytes]] = []
