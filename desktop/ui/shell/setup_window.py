"""First run on an empty data directory: set up the office, or try the demo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.password_field import NewPasswordFields
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted, right_aligned


@dataclass(frozen=True)
class NewOffice:
    code: str
    name: str
    admin: str
    password: str


class SetupWindow(QWidget):
    create_requested = Signal(object)  # NewOffice
    demo_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.setObjectName("setupWindow")
        self.setWindowTitle(tr("{app} - set up this office").format(app=APP_NAME))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(tr("Welcome to {app}").format(app=APP_NAME), self))
        layout.addWidget(
            muted(
                tr(
                    "This folder holds no office yet. Set up the office and its first "
                    "administrator account. Everything is stored encrypted in {folder}."
                ).format(folder=data_dir),
                self,
            )
        )
        layout.addLayout(self._build_form())
        self._build_actions(layout)
        self.create_button.clicked.connect(self._submit)
        self.demo_button.clicked.connect(self.demo_requested)
        self.name_edit.setFocus()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setSpacing(SPACING)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("officeName")
        self.name_edit.setPlaceholderText(tr("e.g. IOM Shëngjin"))
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("officeCode")
        self.code_edit.setPlaceholderText(tr("3 to 6 letters, e.g. SHG"))
        self.code_edit.setMaxLength(6)
        self.admin_edit = QLineEdit(self)
        self.admin_edit.setObjectName("adminUser")
        self.admin_edit.setPlaceholderText(tr("e.g. admin or your first name"))
        form.addRow(tr("Office &name"), self.name_edit)
        form.addRow(tr("Office &code"), self.code_edit)
        form.addRow(tr("&Admin user name"), self.admin_edit)
        self.passwords = NewPasswordFields(self, form, tr("Admin &password"))
        return form

    def _build_actions(self, layout: QVBoxLayout) -> None:
        self.message = InlineMessage(self)
        self.message.setObjectName("setupMessage")
        layout.addWidget(self.message)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.create_button = QPushButton(tr("&Create office"), self)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        right_aligned(layout, self.create_button)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        demo_row = QHBoxLayout()
        demo_row.addWidget(
            muted(
                tr(
                    "Just looking? The demo office is kept in a separate folder and filled "
                    "with fictional families."
                ),
                self,
            ),
            1,
        )
        self.demo_button = QPushButton(tr("Try with &demo data"), self)
        self.demo_button.setObjectName("demoButton")
        demo_row.addWidget(self.demo_button)
        layout.addLayout(demo_row)

    def _submit(self) -> None:
        problem = None
        if not self.name_edit.text().strip():
            problem = tr("Enter the office name.")
        elif not self.code_edit.text().strip():
            problem = tr("Enter the office code.")
        elif not self.admin_edit.text().strip():
            problem = tr("Enter a user name for the administrator.")
        else:
            problem = self.passwords.problem()
        if problem:
            self.message.show_error(problem)
            return
        self.message.clear()
        self.set_busy(True)
        self.create_requested.emit(
            NewOffice(
                code=self.code_edit.text().strip().upper(),
                name=self.name_edit.text().strip(),
                admin=self.admin_edit.text().strip(),
                password=self.passwords.password(),
            )
        )

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (
            self.create_button,
            self.demo_button,
            self.name_edit,
            self.code_edit,
            self.admin_edit,
            self.passwords,
        ):
            widget.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.show_error(text)


class DemoDialog(QDialog):
    """Choose the password of the demo accounts and how many families to invent."""

    def __init__(self, parent: QWidget | None, demo_dir: Path) -> None:
        super().__init__(parent)
        self.setObjectName("demoDialog")
        self.setWindowTitle(tr("Try with demo data"))
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(
            muted(
                tr(
                    "A demo office will be created in {folder} with fictional families. "
                    "It has the accounts admin, registration, medical, protection, movement "
                    "and viewer, all with the password you choose here."
                ).format(folder=demo_dir),
                self,
            )
        )
        form = QFormLayout()
        self.households = QSpinBox(self)
        self.households.setObjectName("demoHouseholds")
        self.households.setRange(1, 20000)
        self.households.setValue(200)
        form.addRow(tr("&Families"), self.households)
        self.passwords = NewPasswordFields(self, form, tr("&Password"))
        layout.addLayout(form)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create demo office"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        problem = self.passwords.problem()
        if problem:
            self.message.show_error(problem)
            return
        self.accept()
