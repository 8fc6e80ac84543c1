"""Accounts and roles (admins only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.errors import KnownError
from desktop.services.office.accounts import AccountService
from desktop.services.office.records import UserRecord
from desktop.ui.admin.table_models import users_model
from desktop.ui.admin.user_dialogs import AddUserDialog, RolesDialog, SetPasswordDialog
from desktop.ui.kit import dialogs
from desktop.ui.kit.page import Page
from desktop.ui.kit.widgets import MARGIN, SPACING, heading, muted


class UsersPage(Page):
    key = "users"
    title = "Users and roles"
    icon = "fa6s.users-gear"

    def __init__(self, accounts: AccountService) -> None:
        super().__init__()
        self._accounts = accounts
        self._open_dialog: AddUserDialog | None = None
        self._pending_draft: dict[str, Any] | None = None
        self._closing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))
        layout.addWidget(
            muted(
                "Each person signs in with their own account. Roles decide what they may "
                "see and change; medical and protection details need their own roles.",
                self,
            )
        )
        self.model = users_model()
        self.table = QTableView(self)
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add user…", self)
        self.roles_button = QPushButton("&Roles…", self)
        self.password_button = QPushButton("Set &password…", self)
        self.disable_button = QPushButton("&Disable", self)
        self.enable_button = QPushButton("&Enable…", self)
        self.unlock_button = QPushButton("&Unlock", self)
        for button in (
            self.add_button,
            self.roles_button,
            self.password_button,
            self.disable_button,
            self.enable_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_user)
        self.roles_button.clicked.connect(self.change_roles)
        self.password_button.clicked.connect(self.set_password)
        self.disable_button.clicked.connect(self.disable_user)
        self.enable_button.clicked.connect(self.enable_user)
        self.unlock_button.clicked.connect(self.unlock_user)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_rows(self._accounts.list_users())
        if selected is not None:
            for row in range(self.model.rowCount()):
                if self.model.record(row).username == selected.username:
                    self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        self.roles_button.setEnabled(user is not None and not user.disabled)
        self.password_button.setEnabled(user is not None and not user.disabled)
        self.disable_button.setEnabled(user is not None and not user.disabled)
        self.enable_button.setEnabled(user is not None and user.disabled)
        self.unlock_button.setEnabled(
            user is not None and (user.locked or user.failed_attempts > 0)
        )

    # -- actions ---------------------------------------------------------------
    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if self._pending_draft:
            dialog.restore(self._pending_draft)
            self._pending_draft = None
        dialog.on_accept(
            lambda: self._accounts.add_user(
                dialog.username.text(),
                dialog.roles.roles(),
                dialog.passwords.password(),
                dialog.display_name.text(),
            )
        )
        self._open_dialog = dialog
        self._show(dialog)

    def change_roles(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = RolesDialog(self, user.username, user.roles)
        dialog.on_accept(lambda: self._accounts.set_roles(user.username, dialog.roles.roles()))
        self._show(dialog)

    def set_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = SetPasswordDialog(
            self,
            f"Set the password of {user.username}",
            "Tell the user their new password in person; they can change it afterwards.",
        )
        dialog.on_accept(
            lambda: self._accounts.set_password(user.username, dialog.passwords.password())
        )
        self._show(dialog)

    def enable_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = SetPasswordDialog(
            self,
            f"Enable {user.username}",
            "A disabled account lost its key; give it a new password to enable it.",
        )
        dialog.on_accept(lambda: self._accounts.enable(user.username, dialog.passwords.password()))
        self._show(dialog)

    def disable_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        if not dialogs.confirm(
            self,
            "Disable account",
            f"Disable {user.username}? Their password will no longer open the office.",
        ):
            return
        self._run(lambda: self._accounts.disable(user.username))

    def unlock_user(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(lambda: self._accounts.unlock_account(user.username))

    def _show(self, dialog: QDialog) -> None:
        """Window-modal but not a nested event loop, so auto-lock can close it."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if dialog is self._open_dialog:
            self._open_dialog = None
        if not self._closing:
            self.refresh()

    def close_for_lock(self) -> None:
        self._closing = True
        for dialog in self.findChildren(QDialog):
            dialog.reject()

    def _run(self, action: Any) -> None:
        try:
            action()
        except KnownError as exc:
            dialogs.show_error(self, "Users and roles", exc.message)
        self.refresh()

    # -- drafts ------------------------------------------------------------------
    def draft(self) -> dict[str, Any] | None:
        if self._open_dialog is not None:
            return {"add_user": self._open_dialog.draft()}
        return None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        pending = draft.get("add_user")
        if isinstance(pending, dict):
            self._pending_draft = pending
            QTimer.singleShot(0, self.add_user)
