"""Pregnancy against a travel date, in a person's medical history.

Carriers refuse women at or past a number of weeks of pregnancy on the day of the
flight. While the latest examination records a pregnancy, the history shows the weeks
then and checks a travel date (the end of the current clearance at first, or today on
the office clock) with ``MedicalService.pregnancy_warnings``, off the GUI thread; a
date typed further replaces the check still running.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.errors import KnownError
from desktop.services.medical.examinations import (
    MedicalRecordView,
    MedicalService,
    PregnancyWarning,
)
from desktop.services.medical.fitness import FitnessSummary
from desktop.services.office.clock import OfficeClock, to_local
from desktop.ui.kit import palette
from desktop.ui.kit.dates import day_edit, from_qdate, to_qdate
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.widgets import SPACING


class PregnancyCheck(QWidget):
    """One line: the weeks at the latest examination, a travel date and the verdict
    (``warnings``: the carriers' limit reached on that date, empty when within it)."""

    def __init__(
        self,
        parent: QWidget,
        medical: MedicalService,
        case_id: str,
        person_id: str,
        clock: OfficeClock,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pregnancyCheck")
        self._medical = medical
        self._case_id = case_id
        self._person_id = person_id
        self._clock = clock
        self.warnings: list[PregnancyWarning] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(self)
        self.intro.setObjectName("pregnancyIntro")
        row.addWidget(self.intro)
        row.addSpacing(SPACING)
        row.addWidget(QLabel(tr("Travel date"), self))
        self.travel_date = day_edit(self, "travelDate", clock.today())
        self.travel_date.setAccessibleName(tr("Travel date to check the pregnancy against"))
        self.travel_date.setToolTip(
            tr("Starts at the end of the current clearance; change it to the planned flight")
        )
        row.addWidget(self.travel_date)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("pregnancyWarning")
        self.verdict.setWordWrap(True)
        row.addWidget(self.verdict, 1)
        self.hide()
        self.travel_date.dateChanged.connect(lambda _d: self.check())

    def show_for(self, latest: MedicalRecordView | None, summary: FitnessSummary | None) -> None:
        """Offer the check while ``latest`` (the latest examination) records a pregnancy."""
        weeks = latest.pregnancy_weeks if latest is not None else None
        self.setVisible(weeks is not None)
        if latest is None or weeks is None:
            self.warnings = []
            return
        self.intro.setText(
            tr("Pregnancy: {weeks} weeks at the examination of {date}.").format(
                weeks=weeks, date=f"{to_local(latest.examined_at):%d %b %Y}"
            )
        )
        start = self._clock.today()
        if summary is not None and summary.cleared and summary.valid_until is not None:
            start = to_local(summary.valid_until).date()
        self.travel_date.blockSignals(True)
        self.travel_date.setDate(to_qdate(start))
        self.travel_date.blockSignals(False)
        self.check()

    def check(self) -> None:
        """Check the travel date now shown (a newer date replaces a check running)."""
        self.verdict.setStyleSheet("")
        self.verdict.setText(tr("Checking…"))
        medical, case_id, person_id = self._medical, self._case_id, self._person_id
        day = from_qdate(self.travel_date.date())

        def work() -> list[PregnancyWarning]:
            return [w for w in medical.pregnancy_warnings(case_id, day) if w.person_id == person_id]

        QueryOp(self, work).replacing("check").quiet().success(
            lambda found: self._checked(day, found)
        ).failure(self._failed).run()

    def _checked(self, day: date, found: list[PregnancyWarning]) -> None:
        self.warnings = found
        shown = f"{day:%a %d %b %Y}"
        if found:
            warning = found[0]
            self.verdict.setStyleSheet(palette.text_style(palette.ERROR, bold=True))
            self.verdict.setText(
                tr(
                    "About {weeks} weeks on {date}: at or past the carriers' limit of "
                    "{limit} weeks. Travel earlier, or ask the airline."
                ).format(weeks=warning.weeks_on_travel, date=shown, limit=warning.limit)
            )
        else:
            self.verdict.setStyleSheet(palette.text_style(palette.GOOD))
            self.verdict.setText(tr("Within the carriers' limit on {date}.").format(date=shown))

    def _failed(self, error: KnownError) -> None:
        self.verdict.setStyleSheet(palette.text_style(palette.ERROR))
        self.verdict.setText(error.message)
