"""The account and audit tables (built on the shared record-list model).

Times are shown in office time (Europe/Tirane), whatever the computer's time zone.
"""

from __future__ import annotations

import json
from datetime import datetime

from desktop.services.office.audit import AuditRecord
from desktop.services.office.clock import to_local
from desktop.services.office.records import UserRecord
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.tables import Column, RecordListModel


def _when(value: datetime | None) -> str:
    return to_local(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _user_state(user: UserRecord) -> str:
    if user.disabled:
        return tr("Disabled")
    if user.locked:
        return tr("Locked (too many failed attempts)")
    if user.failed_attempts:
        return plural(
            user.failed_attempts,
            tr_noop("Active, {n} failed attempt"),
            tr_noop("Active, {n} failed attempts"),
        )
    return tr("Active")


def users_model() -> RecordListModel[UserRecord]:
    return RecordListModel[UserRecord](
        [
            Column(tr_noop("User name"), lambda u: u.username),
            Column(tr_noop("Display name"), lambda u: u.display_name),
            Column(tr_noop("Roles"), lambda u: u.roles_text),
            Column(tr_noop("State"), _user_state),
            Column(tr_noop("Last sign-in"), lambda u: _when(u.last_login_at)),
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
            Column(tr_noop("#"), lambda e: str(e.seq)),
            Column(tr_noop("When"), lambda e: _when(e.at)),
            Column(tr_noop("User"), lambda e: e.actor),
            Column(tr_noop("Action"), lambda e: e.action.replace("_", " ")),
            Column(tr_noop("Target"), lambda e: f"{e.target_type} {e.target_id}".strip()),
            Column(tr_noop("Detail"), _detail),
        ]
    )
