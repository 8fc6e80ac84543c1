"""The account and audit tables (built on the shared record-list model)."""

from __future__ import annotations

import json
from datetime import datetime

from desktop.services.office.audit import AuditRecord
from desktop.services.office.records import UserRecord
from desktop.ui.kit.tables import Column, RecordListModel


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def _user_state(user: UserRecord) -> str:
    if user.disabled:
        return "Disabled"
    if user.locked:
        return "Locked (too many failed attempts)"
    if user.failed_attempts:
        return f"Active, {user.failed_attempts} failed attempts"
    return "Active"


def users_model() -> RecordListModel[UserRecord]:
    return RecordListModel[UserRecord](
        [
            Column("User name", lambda u: u.username),
            Column("Display name", lambda u: u.display_name),
            Column("Roles", lambda u: u.roles_text),
            Column("State", _user_state),
            Column("Last sign-in", lambda u: _when(u.last_login_at)),
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


def audit_model() -> RecordListModel[AuditRecord]:
    return RecordListModel[AuditRecord](
        [
            Column("#", lambda e: str(e.seq)),
            Column("When", lambda e: _when(e.at)),
            Column("User", lambda e: e.actor),
            Column("Action", lambda e: e.action.replace("_", " ")),
            Column("Target", lambda e: f"{e.target_type} {e.target_id}".strip()),
            Column("Detail", _detail),
        ]
    )
