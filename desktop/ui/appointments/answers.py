"""Short answers about an appointment: why it is cancelled (or its no-show closed), how
the family was told, what came of an interview.

Each is a checked form: OK stays off until the answer is complete, and OK runs the
service call off the GUI thread (a refusal stays in the dialog). The ``*_form``
functions make each one set up with its service call, for the Appointments page and the
appointment window alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.schedule.appointment_types import AppointmentRecord
from desktop.services.schedule.appointments import AppointmentService
from desktop.services.vocabulary import INTERVIEW_OUTCOMES
from desktop.ui.appointments.models import day_and_clock, kind_title, notify_method, outcome_title
from desktop.ui.kit.forms import CheckedFormDialog, add_checked_rows
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.widgets import muted

#: how the family was told, in the order a clerk most often needs them
NOTIFY_ORDER = ("phone_call", "focal_point", "in_person", "printed_slip")


def _form(dialog: CheckedFormDialog, rows: list[tuple[str, str, QWidget]]) -> None:
    """The dialog's checked rows, in a form that grows with the dialog."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    dialog._form = form
    dialog._errors.update(add_checked_rows(dialog, form, rows))
    dialog.body.addLayout(form)


def _ok_text(dialog: CheckedFormDialog, text: str) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


class ReasonDialog(CheckedFormDialog):
    """One required line of text: why an appointment is cancelled, why a no-show is closed.

    Every text is given translated by the caller."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        explanation: str,
        label: str,
        placeholder: str,
        ok_text: str,
    ) -> None:
        super().__init__(parent, title)
        self.setObjectName("reasonDialog")
        self.body.addWidget(muted(explanation, self))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(placeholder)
        _form(self, [("reason", label, self.reason)])
        self.finish_layout()
        _ok_text(self, ok_text)
        self.reason.textChanged.connect(lambda _t: self._changed("reason"))
        self.revalidate()

    def problems(self) -> dict[str, str]:
        if not self.reason.text().strip():
            return {"reason": tr("Say why; it stays in the appointment's history.")}
        return {}

    def value(self) -> str:
        return self.reason.text()


def _choices(
    parent: QWidget, name: str, options: Sequence[tuple[str, str]]
) -> tuple[QWidget, QButtonGroup, dict[str, QRadioButton]]:
    """Radio buttons, one per ``(value, title)``, none chosen yet."""
    holder = QWidget(parent)
    holder.setObjectName(name)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(holder)
    buttons: dict[str, QRadioButton] = {}
    for value, title in options:
        button = QRadioButton(title, holder)
        button.setObjectName(f"{name}_{value}")
        group.addButton(button)
        column.addWidget(button)
        buttons[value] = button
    return holder, group, buttons


class NotificationDialog(CheckedFormDialog):
    """How the family was told of one or more appointments; value: (method, note)."""

    def __init__(self, parent: QWidget | None, what: str) -> None:
        super().__init__(parent, tr("Record how the family was told"))
        self.setObjectName("notificationDialog")
        self.body.addWidget(muted(what, self))
        holder, self._group, self.methods = _choices(
            self, "notifyMethod", [(m, notify_method(m)) for m in NOTIFY_ORDER]
        )
        self.note = QLineEdit(self)
        self.note.setObjectName("notificationNote")
        self.note.setPlaceholderText(tr("optional, e.g. told the focal point of block C"))
        _form(self, [("method", tr("How"), holder), ("note", tr("&Note"), self.note)])
        self.finish_layout()
        _ok_text(self, tr("Record"))
        self._group.buttonToggled.connect(lambda *_a: self._changed("method"))
        self.revalidate()

    def choose(self, method: str) -> None:
        self.methods[method].setChecked(True)

    def method(self) -> str | None:
        return next((m for m, b in self.methods.items() if b.isChecked()), None)

    def problems(self) -> dict[str, str]:
        return {} if self.method() else {"method": tr("Choose how the family was told.")}

    def value(self) -> tuple[str, str]:
        return str(self.method()), self.note.text()


class OutcomeDialog(CheckedFormDialog):
    """The result of an immigration interview; value: (outcome, note)."""

    def __init__(self, parent: QWidget | None, current: str | None) -> None:
        super().__init__(parent, tr("Interview outcome"))
        self.setObjectName("outcomeDialog")
        holder, self._group, self.outcomes = _choices(
            self,
            "outcome",
            [(o, outcome_title(o)) for o in INTERVIEW_OUTCOMES],
        )
        if current in self.outcomes:
            self.outcomes[current].setChecked(True)
        self.warning = muted("", self)
        self.warning.setObjectName("outcomeWarning")
        self.note = QLineEdit(self)
        self.note.setObjectName("outcomeNote")
        self.note.setPlaceholderText(tr("optional, e.g. decision expected within 3 weeks"))
        _form(self, [("outcome", tr("Outcome"), holder), ("note", tr("&Note"), self.note)])
        self.body.addWidget(self.warning)
        self.finish_layout()
        _ok_text(self, tr("Record outcome"))
        self._group.buttonToggled.connect(lambda *_a: self._outcome_changed())
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        self._changed("outcome")
        refused = self.outcome() == "refused"
        self.warning.setText(tr("The household's status becomes Refused.") if refused else "")
        self.warning.setVisible(refused)

    def outcome(self) -> str | None:
        return next((o for o, b in self.outcomes.items() if b.isChecked()), None)

    def problems(self) -> dict[str, str]:
        return {} if self.outcome() else {"outcome": tr("Choose the outcome.")}

    def value(self) -> tuple[str, str]:
        return str(self.outcome()), self.note.text()


# -- the forms set up to save ---------------------------------------------------------------------


def appointments_line(chosen: Sequence[AppointmentRecord]) -> str:
    """The appointments a form acts on, in a line: one described, many counted."""
    if len(chosen) == 1:
        a = chosen[0]
        return tr("{kind} of {case}, {when}.").format(
            kind=kind_title(a), case=a.case_number, when=day_and_clock(a.starts_at)
        )
    numbers = ", ".join(a.case_number for a in chosen[:4])
    if len(chosen) > 4:
        return tr("{count} appointments: {numbers} and {more} more.").format(
            count=len(chosen), numbers=numbers, more=len(chosen) - 4
        )
    return tr("{count} appointments: {numbers}.").format(count=len(chosen), numbers=numbers)


def notification_form(
    parent: QWidget, appointments: AppointmentService, chosen: Sequence[AppointmentRecord]
) -> NotificationDialog:
    """Record how the families of ``chosen`` were told."""
    dialog = NotificationDialog(parent, appointments_line(chosen))
    ids = [a.id for a in chosen]
    dialog.submit(lambda value: appointments.record_notification(ids, *value))
    return dialog


def cancel_form(
    parent: QWidget, appointments: AppointmentService, a: AppointmentRecord
) -> ReasonDialog:
    """Cancel ``a``, saying why."""
    dialog = ReasonDialog(
        parent,
        tr("Cancel appointment"),
        tr(
            "{kind} of {case}, {when}. A cancelled appointment frees its time; it stays "
            "in the history."
        ).format(kind=kind_title(a), case=a.case_number, when=day_and_clock(a.starts_at)),
        tr("&Why"),
        tr("e.g. the embassy postponed all interviews that day"),
        tr("Cancel appointment"),
    )
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Keep it"))
    appointment_id = a.id
    dialog.submit(lambda reason: appointments.cancel(appointment_id, reason))
    return dialog


def close_follow_up_form(
    parent: QWidget, appointments: AppointmentService, a: AppointmentRecord
) -> ReasonDialog:
    """Close the follow-up of the no-show ``a`` without a new date, saying why."""
    dialog = ReasonDialog(
        parent,
        tr("Close follow-up"),
        tr(
            "{kind} of {case}, missed on {when}. Closing leaves it as a no-show without a new date."
        ).format(kind=kind_title(a), case=a.case_number, when=day_and_clock(a.starts_at)),
        tr("&Why"),
        tr("e.g. the household withdrew; a new date was agreed by phone"),
        tr("Close follow-up"),
    )
    appointment_id = a.id
    dialog.submit(lambda reason: appointments.close_follow_up(appointment_id, reason))
    return dialog


def outcome_form(
    parent: QWidget, appointments: AppointmentService, a: AppointmentRecord
) -> OutcomeDialog:
    """Record the outcome of the interview ``a``."""
    dialog = OutcomeDialog(parent, a.outcome)
    appointment_id = a.id
    dialog.submit(lambda value: appointments.record_outcome(appointment_id, *value))
    return dialog
