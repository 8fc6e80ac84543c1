"""The colours of the interface, named for what they mean, declared once.

Text colours pass WCAG AA contrast (4.5:1) on white and on their own badge backgrounds.
Use the roles (``ERROR``, ``GOOD``...) rather than the hues, and the style helpers for
style sheets, so that a change of palette is one edit here.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- text --------------------------------------------------------------------------------------
#: something is wrong or overdue
ERROR = "#b91c1c"
#: done, saved, ready
GOOD = "#166534"
#: needs attention, not wrong
WARNING = "#92400e"
#: secondary text: explanations, counts
MUTED = "#475569"
#: quiet text: cancelled and past things, placeholders
FAINT = "#64748b"
#: icons and strong neutral text
INK = "#334155"
#: a fact told to someone (an appointment notified)
INFO = "#1d4ed8"

# -- surfaces ------------------------------------------------------------------------------------
#: the DEMO banner on every window of a demo office
DEMO = "#b45309"
#: behind the pages of a print preview
BACKDROP = "#cbd5e1"
#: a cell whose value differs between two records under review
DIFFERENT = "#fef3c7"
#: the border of an error panel
ERROR_BORDER = "#fca5a5"


@dataclass(frozen=True)
class Badge:
    """A small label with its own background: a status, a summary, a count."""

    background: str
    text: str


BADGE_GOOD = Badge("#dcfce7", GOOD)
BADGE_WARNING = Badge("#fef3c7", WARNING)
BADGE_NEUTRAL = Badge("#e2e8f0", INK)
BADGE_INFO = Badge("#dbeafe", "#1e3a8a")
BADGE_ERROR = Badge("#fee2e2", "#991b1b")
BADGE_PENDING = Badge("#fef9c3", "#854d0e")
#: the household's status at the top of its window
BADGE_STATUS = Badge("#e0e7ff", "#1e3a8a")


def text_style(colour: str, *, bold: bool = False) -> str:
    """A style sheet for a label's text colour."""
    return f"color: {colour};" + (" font-weight: bold;" if bold else "")


def badge_style(badge: Badge, widget: str = "QLabel", *, radius: int = 4) -> str:
    """A style sheet that draws ``widget`` as ``badge``."""
    return (
        f"{widget} {{ background: {badge.background}; color: {badge.text}; border: none;"
        f" border-radius: {radius}px; padding: 2px 8px; font-weight: bold; }}"
    )
