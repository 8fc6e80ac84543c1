"""Accounts and roles (admins only).

The list loads in the background and reloads when an account changes (a change notice),
keeping the selected account; every change runs as a write, and the notice it causes
reloads the list, so no action reloads it by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
)

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.office.accounts import AccountService
from desktop.services.office.records import UserRecord
from desktop.ui.admin.table_models import users_model
from desktop.ui.admin.user_dialogs import AddUserDialog, NewUser, RolesDialog, SetPasswordDialog
from desktop.ui.kit import dialogs
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import kept_view
from desktop.ui.kit.widgets import InlineMessage, muted


class UsersPage(Page):
    key = "users"
    title = tr_noop("Users and roles")
    icon = "fa6s.users-gear"
    watches = frozenset({Kind.USER})

    def __init__(self, accounts: AccountService) -> None:
        super().__init__()
        self._accounts = accounts
        self._open_dialog: AddUserDialog | None = None
        self._pending_draft: dict[str, Any] | None = None
        layout = self.page_layout()
        layout.addWidget(
            muted(
                tr(
                    "Each person signs in with their own account. Roles decide what they may "
                    "see and change; medical and protection details need their own roles."
                ),
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
        self.message = InlineMessage(self)
        self.message.setObjectName("usersMessage")
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("&Add user…"), self)
        self.roles_button = QPushButton(tr("&Roles…"), self)
        self.password_button = QPushButton(tr("Set &password…"), self)
        self.disable_button = QPushButton(tr("&Disable"), self)
        self.enable_button = QPushButton(tr("&Enable…"), self)
        self.unlock_button = QPushButton(tr("&Unlock"), self)
        actions: list[tuple[QPushButton, Callable[[], None]]] = [
            (self.add_button, self.add_user),
            (self.roles_button, self.change_roles),
            (self.password_button, self.set_password),
            (self.disable_button, self.disable_user),
            (self.enable_button, self.enable_user),
            (self.unlock_button, self.unlock_user),
        ]
        for button, action in actions:
            button.clicked.connect(lambda _checked=False, act=action: act())
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    # -- the list ----------------------------------------------------------------------
    def refresh(self) -> None:
        self._load()

    def reload_after(self, change: Change) -> None:
        self._load(quiet=True)

    def _load(self, quiet: bool = False) -> None:
        op = QueryOp(self, self._accounts.list_users).replacing("load")
        op.success(self._loaded).failure(self._failed)
        (op.quiet() if quiet else op).run()

    def _loaded(self, users: list[UserRecord]) -> None:
        with kept_view(self.table, self._username_at):
            self.model.set_rows(users)
        self._update_buttons()

    def _failed(self, error: KnownError) -> None:
        self.message.show_error(error.message)

    def _username_at(self, row: int) -> str:
        return self.model.record(row).username

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
        accounts = self._accounts

        def add(new: NewUser) -> None:
            accounts.add_user(new.username, new.roles, new.password, new.display_name)

        dialog.submit(add)
        self._open_dialog = dialog
        self._show(dialog)

    def change_roles(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = RolesDialog(self, user.username, user.roles)
        accounts, username = self._accounts, user.username
        dialog.submit(lambda roles: accounts.set_roles(username, roles))
        self._show(dialog)

    def set_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = SetPasswordDialog(
            self,
            tr("Set the password of {user}").format(user=user.username),
            tr("Tell the user their new password in person; they can change it afterwards."),
        )
        accounts, username = self._accounts, user.username
        dialog.submit(lambda password: accounts.set_password(username, password))
        self._show(dialog)

    def enable_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = SetPasswordDialog(
            self,
            tr("Enable {user}").format(user=user.username),
            tr("A disabled account lost its key; give it a new password to enable it."),
        )
        accounts, username = self._accounts, user.username
        dialog.submit(lambda password: accounts.enable(username, password))
        self._show(dialog)

    def disable_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        if not dialogs.confirm(
            self,
            tr("Disable account"),
            tr("Disable {user}? Their password will no longer open the office.").format(
                user=user.username
            ),
        ):
            return
        accounts, username = self._accounts, user.username
        self._write(lambda: accounts.disable(username))

    def unlock_user(self) -> None:
        user = self.selected()
        if user is not None:
            accounts, username = self._accounts, user.username
            self._write(lambda: accounts.unlock_account(username))

    def _write(self, action: Callable[[], object]) -> None:
        """A change without a dialog; the change notice reloads the list."""
        self.message.clear()
        WriteOp(self, action).failure(self._refused).run()

    def _refused(self, error: KnownError) -> None:
        dialogs.show_error(self, tr(self.title), error.message)

    def _show(self, dialog: QDialog) -> None:
        """Window-modal but not a nested event loop, so auto-lock can close it."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if dialog is self._open_dialog:
            self._open_dialog = None

    # -- drafts ------------------------------------------------------------------
    def draft(self) -> dict[str, Any] | None:
        if self._open_dialog is not None:
            return {"add_user": self._open_dialog.draft()}
        return None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        pending = draft.get("add_user")
        if isinstance(pending, dict):
            self._pending_draft = pending
            QTimer.singleShot(0, self, self.add_user)
