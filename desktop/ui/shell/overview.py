"""The first page after unlock: what is in the office, in numbers only."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout

from desktop.services.office.overview import OverviewService
from desktop.services.office.session import Actor, OfficeInfo
from desktop.ui.kit.page import Page
from desktop.ui.kit.widgets import MARGIN, SPACING, heading, muted


class OverviewPage(Page):
    key = "overview"
    title = "Overview"
    icon = "fa6s.house"

    def __init__(self, service: OverviewService, actor: Actor, office: OfficeInfo) -> None:
        super().__init__()
        self._service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        name = actor.display_name or actor.username
        layout.addWidget(heading(f"Welcome, {name}", self))
        layout.addWidget(muted(f"{office.name} ({office.code})", self))

        totals = QGroupBox("In this office", self)
        self._totals = QFormLayout(totals)
        self._totals.setSpacing(SPACING)
        self.cases_label = QLabel(self)
        self.cases_label.setObjectName("casesCount")
        self.persons_label = QLabel(self)
        self.persons_label.setObjectName("personsCount")
        self.documents_label = QLabel(self)
        self.documents_label.setObjectName("documentsCount")
        self.users_label = QLabel(self)
        self._totals.addRow("Cases (households)", self.cases_label)
        self._totals.addRow("Persons", self.persons_label)
        self._totals.addRow("Documents", self.documents_label)
        self._totals.addRow("User accounts", self.users_label)
        layout.addWidget(totals)

        schedule = QGroupBox("Appointments", self)
        schedule_form = QFormLayout(schedule)
        schedule_form.setSpacing(SPACING)
        self.today_label = QLabel(self)
        self.inform_label = QLabel(self)
        self.inform_label.setObjectName("toInformCount")
        self.no_show_label = QLabel(self)
        self.no_show_label.setObjectName("noShowCount")
        schedule_form.addRow("Today", self.today_label)
        schedule_form.addRow("Families still to inform", self.inform_label)
        schedule_form.addRow("No-shows to follow up", self.no_show_label)
        layout.addWidget(schedule)

        statuses = QGroupBox("Cases by status", self)
        self._statuses = QFormLayout(statuses)
        self._statuses.setSpacing(SPACING)
        layout.addWidget(statuses)
        layout.addStretch(1)

    def refresh(self) -> None:
        overview = self._service.overview()
        self.cases_label.setText(f"{overview.cases:,}")
        self.persons_label.setText(f"{overview.persons:,}")
        self.documents_label.setText(f"{overview.documents:,}")
        self.users_label.setText(f"{overview.users:,}")
        self.today_label.setText(f"{overview.appointments_today:,}")
        self.inform_label.setText(f"{overview.to_inform:,}")
        self.no_show_label.setText(f"{overview.no_shows:,}")
        while self._statuses.rowCount():
            self._statuses.removeRow(0)
        if not overview.cases_by_status:
            self._statuses.addRow(QLabel("No cases yet.", self))
        for status, count in overview.cases_by_status:
            self._statuses.addRow(status.replace("_", " ").capitalize(), QLabel(f"{count:,}"))
