"""The audit log and its hash-chain check (admins only).

The newest entries load in the background and reload whenever something is recorded
(every write is; the check itself records that it ran), keeping the selection.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
)

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.office.audit import AuditRecord, ChainCheck
from desktop.services.office.audit_log import AuditLogService
from desktop.ui.admin.table_models import audit_model
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import kept_view
from desktop.ui.kit.widgets import InlineMessage, muted

#: how many of the newest entries are listed
SHOWN_ENTRIES = 1000


class AuditPage(Page):
    key = "audit"
    title = tr_noop("Audit log")
    icon = "fa6s.clipboard-list"
    watches = frozenset({Kind.AUDIT})

    def __init__(self, audit_log: AuditLogService) -> None:
        super().__init__()
        self._audit = audit_log
        layout = self.page_layout()
        layout.addWidget(
            muted(
                tr(
                    "Every sign-in, change, print and export is recorded here. The entries are "
                    "chained together, so removing or editing one is detected by the check."
                ),
                self,
            )
        )
        self.model = audit_model()
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.verify_button = QPushButton(tr("&Check the chain"), self)
        self.verify_button.setObjectName("verifyButton")
        row.addWidget(self.verify_button)
        self.result = InlineMessage(self)
        self.result.setObjectName("verifyResult")
        row.addWidget(self.result)
        row.addStretch(1)
        layout.addLayout(row)
        self.verify_button.clicked.connect(lambda _checked=False: self.verify())

    # -- the list ----------------------------------------------------------------------
    def refresh(self) -> None:
        self._load()

    def reload_after(self, change: Change) -> None:
        self._load(quiet=True)

    def _load(self, quiet: bool = False) -> None:
        audit = self._audit
        op = QueryOp(self, lambda: audit.recent(limit=SHOWN_ENTRIES)).replacing("load")
        op.success(self._loaded).failure(self._load_failed)
        (op.quiet() if quiet else op).run()

    def _loaded(self, events: list[AuditRecord]) -> None:
        with kept_view(self.table, lambda row: self.model.record(row).seq):
            self.model.set_rows(events)

    def _load_failed(self, error: KnownError) -> None:
        self.result.show_error(error.message)

    # -- the check ---------------------------------------------------------------------
    def verify(self) -> None:
        # a long log takes seconds to check; the check records that it ran (a write)
        self.verify_button.setEnabled(False)
        self.result.show_notice(tr("Checking…"))
        WriteOp(self, self._audit.verify).success(self._verified).failure(self._verify_failed).run()

    def _verify_failed(self, error: KnownError) -> None:
        self.verify_button.setEnabled(True)
        self.result.show_error(error.message)

    def _verified(self, check: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        if check.ok:
            self.result.show_notice(
                tr("All {count} entries are intact.").format(count=f"{check.events:,}")
            )
        else:
            self.result.show_error(
                tr(
                    "The chain is broken at entry {seq}: the log was altered. "
                    "Report this to headquarters."
                ).format(seq=check.first_bad_seq)
            )
