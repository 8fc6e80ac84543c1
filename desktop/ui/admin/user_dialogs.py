"""Dialogs for accounts: add a user, choose roles, set or change a password."""

from __future__ import annotations

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
from desktop.ui.kit.forms import ServiceDialog
from desktop.ui.kit.password_field import NewPasswordFields
from desktop.ui.kit.widgets import muted


class RolesBox(QGroupBox):
    def __init__(self, parent: QWidget | None, selected: frozenset[Role] = frozenset()) -> None:
        super().__init__("Roles", parent)
        layout = QVBoxLayout(self)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(f"{ROLE_TITLES[role]} ({role.value})", self)
            box.setObjectName(f"role_{role.value}")
            box.setChecked(role in selected)
            layout.addWidget(box)
            self.boxes[role] = box

    def roles(self) -> frozenset[Role]:
        return frozenset(r for r, b in self.boxes.items() if b.isChecked())


class AddUserDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, "Add a user")
        self.setObjectName("addUserDialog")
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.username.setPlaceholderText("lower-case, e.g. arta.k")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("newDisplayName")
        form.addRow("&User name", self.username)
        form.addRow("&Display name", self.display_name)
        self.passwords = NewPasswordFields(self, form, "&Password")
        self.body.addLayout(form)
        self.roles = RolesBox(self)
        self.body.addWidget(self.roles)
        self.finish_layout()

    def problem(self) -> str | None:
        if not self.username.text().strip():
            return "Enter a user name."
        if not self.roles.roles():
            return "Choose at least one role."
        return self.passwords.problem()

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


class RolesDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, username: str, roles: frozenset[Role]) -> None:
        super().__init__(parent, f"Roles of {username}")
        self.setObjectName("rolesDialog")
        self.roles = RolesBox(self, roles)
        self.body.addWidget(self.roles)
        self.finish_layout()

    def problem(self) -> str | None:
        return None if self.roles.roles() else "Choose at least one role."


class SetPasswordDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None, title: str, explanation: str) -> None:
        super().__init__(parent, title)
        self.setObjectName("setPasswordDialog")
        self.body.addWidget(muted(explanation, self))
        form = QFormLayout()
        self.passwords = NewPasswordFields(self, form, "New &password")
        self.body.addLayout(form)
        self.finish_layout()

    def problem(self) -> str | None:
        return self.passwords.problem()


class ChangeOwnPasswordDialog(ServiceDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, "Change your password")
        self.setObjectName("changeOwnPasswordDialog")
        form = QFormLayout()
        self.current = QLineEdit(self)
        self.current.setObjectName("currentPassword")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("&Current password", self.current)
        self.passwords = NewPasswordFields(self, form, "&New password")
        self.body.addLayout(form)
        self.finish_layout()

    def problem(self) -> str | None:
        if not self.current.text():
            return "Enter your current password."
        return self.passwords.problem()
