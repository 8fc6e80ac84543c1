"""Item models over plain records: no sessions, no ORM objects."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.services.audit import AuditRecord
from desktop.services.records import UserRecord

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: role for the record behind a row (views use it to act on a selection)
RecordRole = Qt.ItemDataRole.UserRole + 1


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table whose rows are frozen records and columns are functions."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[T], Any]]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self._columns[index.column()][1](record))
        if role == RecordRole:
            return record
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None


def _user_state(user: UserRecord) -> str:
    if user.disabled:
        return "Disabled"
    if user.locked:
        return "Locked (too many failed attempts)"
    if user.failed_attempts:
        return f"Active, {user.failed_attempts} failed attempts"
    return "Active"


def users_model() -> RecordTableModel[UserRecord]:
    return RecordTableModel[UserRecord](
        [
            ("User name", lambda u: u.username),
            ("Display name", lambda u: u.display_name),
            ("Roles", lambda u: u.roles_text),
            ("State", _user_state),
            ("Last sign-in", lambda u: _when(u.last_login_at)),
        ]
    )


def _detail(event: AuditRecord) -> str:
    try:
        detail = json.loads(event.detail)
    except ValueError:
        return event.detail
    if not isinstance(detail, dict):
        return str(detail)
    return ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(detail.items()))


def audit_model() -> RecordTableModel[AuditRecord]:
    return RecordTableModel[AuditRecord](
        [
            ("#", lambda e: e.seq),
            ("When", lambda e: _when(e.at)),
            ("User", lambda e: e.actor),
            ("Action", lambda e: e.action.replace("_", " ")),
            ("Target", lambda e: f"{e.target_type} {e.target_id}".strip()),
            ("Detail", _detail),
        ]
    )
