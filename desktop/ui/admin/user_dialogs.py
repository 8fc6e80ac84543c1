"""Dialogs for accounts: add a user, choose roles, set or change a password.

Each is a ``FormDialog``: OK reads the form on the GUI thread (``value()``) and hands it
to the account service's call, which runs as a write (password hashing takes ~0.4 s).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office.permissions import ROLE_TITLES, Role
from desktop.ui.kit.forms import FormDialog
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.password_field import NewPasswordFields
from desktop.ui.kit.widgets import muted


class RolesBox(QGroupBox):
    def __init__(self, parent: QWidget | None, selected: frozenset[Role] = frozenset()) -> None:
        super().__init__(tr("Roles"), parent)
        layout = QVBoxLayout(self)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(f"{tr(ROLE_TITLES[role])} ({role.value})", self)
            box.setObjectName(f"role_{role.value}")
            box.setChecked(role in selected)
            layout.addWidget(box)
            self.boxes[role] = box

    def roles(self) -> frozenset[Role]:
        return frozenset(r for r, b in self.boxes.items() if b.isChecked())


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    roles: frozenset[Role]
    password: str


class AddUserDialog(FormDialog):
    """OK runs the ``submit`` action with a ``NewUser``."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("Add a user"))
        self.setObjectName("addUserDialog")
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.username.setPlaceholderText(tr("lower-case, e.g. arta.k"))
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("newDisplayName")
        form.addRow(tr("&User name"), self.username)
        form.addRow(tr("&Display name"), self.display_name)
        self.passwords = NewPasswordFields(self, form, tr("&Password"))
        self.body.addLayout(form)
        self.roles = RolesBox(self)
        self.body.addWidget(self.roles)
        self.finish_layout()

    def problem(self) -> str | None:
        if not self.username.text().strip():
            return tr("Enter a user name.")
        if not self.roles.roles():
            return tr("Choose at least one role.")
        return self.passwords.problem()

    def value(self) -> NewUser:
        return NewUser(
            self.username.text(),
            self.display_name.text(),
            self.roles.roles(),
            self.passwords.password(),
        )

    def draft(self) -> dict[str, Any]:
        # never keep passwords in a draft
        return {
            "username": self.username.text(),
            "display_name": self.display_name.text(),
            "roles": sorted(r.value for r in self.roles.roles()),
        }

    def restore(self, draft: dict[str, Any]) -> None:
        self.username.setText(str(draft.get("username", "")))
        self.display_name.setText(str(draft.get("display_name", "")))
        chosen = set(draft.get("roles", []))
        for role, box in self.roles.boxes.items():
            box.setChecked(role.value in chosen)


class RolesDialog(FormDialog):
    """OK runs the ``submit`` action with the chosen roles."""

    def __init__(self, parent: QWidget | None, username: str, roles: frozenset[Role]) -> None:
        super().__init__(parent, tr("Roles of {user}").format(user=username))
        self.setObjectName("rolesDialog")
        self.roles = RolesBox(self, roles)
        self.body.addWidget(self.roles)
        self.finish_layout()

    def problem(self) -> str | None:
        return None if self.roles.roles() else tr("Choose at least one role.")

    def value(self) -> frozenset[Role]:
        return self.roles.roles()


class SetPasswordDialog(FormDialog):
    """OK runs the ``submit`` action with the new password (title and explanation are
    translated by the caller)."""

    def __init__(self, parent: QWidget | None, title: str, explanation: str) -> None:
        super().__init__(parent, title)
        self.setObjectName("setPasswordDialog")
        self.body.addWidget(muted(explanation, self))
        form = QFormLayout()
        self.passwords = NewPasswordFields(self, form, tr("New &password"))
        self.body.addLayout(form)
        self.finish_layout()

    def problem(self) -> str | None:
        return self.passwords.problem()

    def value(self) -> str:
        return self.passwords.password()


class ChangeOwnPasswordDialog(FormDialog):
    """OK runs the ``submit`` action with ``(current, new)`` passwords."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, tr("Change your password"))
        self.setObjectName("changeOwnPasswordDialog")
        form = QFormLayout()
        self.current = QLineEdit(self)
        self.current.setObjectName("currentPassword")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("&Current password"), self.current)
        self.passwords = NewPasswordFields(self, form, tr("&New password"))
        self.body.addLayout(form)
        self.finish_layout()

    def problem(self) -> str | None:
        if not self.current.text():
            return tr("Enter your current password.")
        return self.passwords.problem()

    def value(self) -> tuple[str, str]:
        return self.current.text(), self.passwords.password()
