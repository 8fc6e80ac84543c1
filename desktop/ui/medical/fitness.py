"""Fitness to travel in a household window: what every user sees of a member's medical
state (the one-line summary, its badge), and what the medical team gets besides (the
records, the prints).

``CaseFitness`` is built once per unlocked office (desktop/ui/context.py) and handed to
every household window; the window asks ``shows_records`` before it offers the records,
and the services refuse everyone else anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.services.medical.examinations import MedicalService
from desktop.services.medical.fitness import FitnessService, FitnessSummary
from desktop.services.office.clock import OfficeClock
from desktop.ui.kit import palette
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.medical.prints import MedicalPrinting

#: the badge of each fitness state (``FitnessSummary.state``)
FITNESS_BADGES: dict[str, palette.Badge] = {
    "cleared": palette.BADGE_GOOD,
    "cleared_assistance": palette.BADGE_INFO,
    "not_cleared": palette.BADGE_ERROR,
    "pending": palette.BADGE_PENDING,
    "expired": palette.BADGE_ERROR,
}


@dataclass(frozen=True)
class CaseFitness:
    """Fitness to travel in a household window.

    Everyone gets the one-line summary of each member (``fitness``); users of the
    medical team (``medical`` given and allowed to read) also open the records.
    """

    fitness: FitnessService
    medical: MedicalService | None = None
    printing: MedicalPrinting | None = None
    can_write: bool = False
    #: the office clock (fitness is judged on it)
    clock: OfficeClock = field(kw_only=True)
    #: for the previews of certificates, which follow the records
    notices: ChangeNotices | None = field(default=None, kw_only=True)

    @property
    def shows_records(self) -> bool:
        return self.medical is not None and self.medical.may_read


def fitness_badge_style(summary: FitnessSummary | None) -> str:
    """A label drawn as the badge of ``summary``'s state (neutral while unknown)."""
    badge = FITNESS_BADGES.get(summary.state if summary else "", palette.BADGE_NEUTRAL)
    return palette.badge_style(badge)
