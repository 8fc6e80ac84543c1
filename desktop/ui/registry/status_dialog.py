"""Change status...: the moves the journey allows this user now, and why the others not.

The choices come from ``JourneyService.choices`` (read in the background before the
dialog opens); the service decides again when OK is pressed, so a dialog left open while
the household moved on is refused with a message, never applied blindly.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.services.journey.statuses import path_position, status_title
from desktop.services.journey.transitions import StatusChoice, StatusChoices
from desktop.ui.kit import palette
from desktop.ui.kit.forms import FormDialog
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.widgets import muted

#: how many statuses that cannot be chosen are explained below the form
SHOWN_REFUSALS = 8


def _next_step(current: str, allowed: list[StatusChoice]) -> int:
    """The nearest allowed step forward along the path (the move a clerk most often
    makes), else the first allowed move."""
    here = path_position(current)
    ahead = [
        (path_position(c.status), index)
        for index, c in enumerate(allowed)
        if path_position(c.status) > here
    ]
    return min(ahead)[1] if ahead else 0


def choice_title(choice: StatusChoice) -> str:
    """ "Travel ready", or "Back to Accepted" for the move back after a pause."""
    title = tr(status_title(choice.target or choice.status))
    return tr("Back to {status}").format(status=title) if choice.returning else title


class StatusDialog(FormDialog):
    """A new status, the reason for it (kept in the case history) and, where the journey
    allows one, an override of the readiness blockers."""

    def __init__(self, parent: QWidget | None, choices: StatusChoices) -> None:
        super().__init__(parent, tr("Change status"))
        self.setObjectName("statusDialog")
        self._choices = choices
        self._allowed = list(choices.allowed)
        now = tr("The household is {status} now.").format(
            status=tr(status_title(choices.current)).lower()
        )
        self.body.addWidget(muted(now, self))
        form = QFormLayout()
        self.status = QComboBox(self)
        self.status.setObjectName("newStatus")
        for choice in self._allowed:
            self.status.addItem(choice_title(choice), choice.status)
        self.status.setCurrentIndex(_next_step(choices.current, self._allowed))
        self.status.currentIndexChanged.connect(lambda _i: self._show_override())
        self.reason = QLineEdit(self)
        self.reason.setObjectName("statusReason")
        self.reason.setPlaceholderText(tr("Required: why the status changes"))
        form.addRow(tr("New &status"), self.status)
        form.addRow(tr("&Reason"), self.reason)
        self.body.addLayout(form)
        self.override = QCheckBox(self)
        self.override.setObjectName("statusOverride")
        self.blockers = QLabel(self)
        self.blockers.setObjectName("statusBlockers")
        self.blockers.setWordWrap(True)
        self.blockers.setStyleSheet(palette.text_style(palette.WARNING))
        self.body.addWidget(self.override)
        self.body.addWidget(self.blockers)
        self.refused = muted(self._refusals(), self)
        self.refused.setObjectName("statusRefusals")
        self.body.addWidget(self.refused)
        if not self._allowed:
            self.status.setEnabled(False)
            self.reason.setEnabled(False)
        self.finish_layout()
        self._show_override()

    def chosen(self) -> StatusChoice | None:
        index = self.status.currentIndex()
        return self._allowed[index] if 0 <= index < len(self._allowed) else None

    def _show_override(self) -> None:
        choice = self.chosen()
        needed = choice is not None and choice.needs_override
        self.override.setVisible(needed)
        self.blockers.setVisible(needed)
        self.override.setChecked(False)
        if choice is not None and needed:
            count = len(choice.blockers)
            self.override.setText(
                plural(
                    count,
                    tr_noop("Move the household over {n} readiness blocker (an override)"),
                    tr_noop("Move the household over {n} readiness blockers (an override)"),
                )
            )
            self.blockers.setText("\n".join(f"• {b}" for b in choice.blockers))

    def _refusals(self) -> str:
        refused = [c for c in self._choices.choices if not c.allowed]
        if not refused:
            return ""
        lines = [f"{choice_title(c)}: {c.why_not}" for c in refused[:SHOWN_REFUSALS]]
        if len(refused) > SHOWN_REFUSALS:
            lines.append(tr("… and {n} more").format(n=len(refused) - SHOWN_REFUSALS))
        return tr("Not possible now:") + "\n" + "\n".join(lines)

    def problem(self) -> str | None:
        choice = self.chosen()
        if choice is None:
            return tr("No change of status is possible for this household now; see why below.")
        if not self.reason.text().strip():
            return tr("Say why the status changes; it stays in the case history.")
        if choice.needs_override and not self.override.isChecked():
            return tr("Tick the override to move the household over its blockers, or resolve them.")
        return None

    def value(self) -> tuple[str, str, bool]:
        choice = self.chosen()
        assert choice is not None
        return choice.status, self.reason.text(), choice.needs_override
