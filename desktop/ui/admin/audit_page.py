"""The audit log and its hash-chain check (admins only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.errors import KnownError
from desktop.services.office.audit import ChainCheck
from desktop.services.office.audit_log import AuditLogService
from desktop.ui.admin.table_models import audit_model
from desktop.ui.kit.page import Page
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted
from desktop.ui.worker import run_in_background


class AuditPage(Page):
    key = "audit"
    title = "Audit log"
    icon = "fa6s.clipboard-list"

    def __init__(self, audit_log: AuditLogService) -> None:
        super().__init__()
        self._audit = audit_log
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))
        layout.addWidget(
            muted(
                "Every sign-in, change, print and export is recorded here. The entries are "
                "chained together, so removing or editing one is detected by the check.",
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
        self.verify_button = QPushButton("&Check the chain", self)
        self.verify_button.setObjectName("verifyButton")
        row.addWidget(self.verify_button)
        self.result = InlineMessage(self)
        self.result.setObjectName("verifyResult")
        row.addWidget(self.result)
        row.addStretch(1)
        layout.addLayout(row)
        self.verify_button.clicked.connect(self.verify)

    def refresh(self) -> None:
        self.model.set_rows(self._audit.recent(limit=1000))

    def verify(self) -> None:
        # a long log takes seconds to check: off the GUI thread
        self.verify_button.setEnabled(False)
        self.result.show_notice("Checking…")
        run_in_background(self._audit.verify, self._verified, self._verify_failed)

    def _verify_failed(self, error: KnownError) -> None:
        self.verify_button.setEnabled(True)
        self.result.show_error(error.message)

    def _verified(self, check: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        if check.ok:
            self.result.show_notice(f"All {check.events:,} entries are intact.")
        else:
            self.result.show_error(
                f"The chain is broken at entry {check.first_bad_seq}: the log was altered. "
                "Report this to headquarters."
            )
        self.refresh()
