"""The first page after unlock: what is in the office, in numbers only.

The counts load in the background and reload when households, people, documents,
appointments or accounts change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.journey.statuses import status_title
from desktop.services.office.overview import OverviewService
from desktop.services.office.records import OfficeOverview
from desktop.services.office.session import Actor, OfficeInfo
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted


def _count(number: int) -> str:
    return f"{number:,}"


class OverviewPage(Page):
    key = "overview"
    title = tr_noop("Overview")
    icon = "fa6s.house"
    watches = frozenset({Kind.CASE, Kind.PERSON, Kind.DOCUMENT, Kind.APPOINTMENT, Kind.USER})

    def __init__(self, service: OverviewService, actor: Actor, office: OfficeInfo) -> None:
        super().__init__()
        self._service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        name = actor.display_name or actor.username
        layout.addWidget(heading(tr("Welcome, {name}").format(name=name), self))
        layout.addWidget(muted(f"{office.name} ({office.code})", self))
        layout.addWidget(self._build_totals())
        layout.addWidget(self._build_schedule())
        statuses = QGroupBox(tr("Cases by status"), self)
        self._statuses = QFormLayout(statuses)
        self._statuses.setSpacing(SPACING)
        layout.addWidget(statuses)
        self.message = InlineMessage(self)
        self.message.setObjectName("overviewMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _build_totals(self) -> QGroupBox:
        totals = QGroupBox(tr("In this office"), self)
        form = QFormLayout(totals)
        form.setSpacing(SPACING)
        self.cases_label = QLabel(self)
        self.cases_label.setObjectName("casesCount")
        self.persons_label = QLabel(self)
        self.persons_label.setObjectName("personsCount")
        self.documents_label = QLabel(self)
        self.documents_label.setObjectName("documentsCount")
        self.users_label = QLabel(self)
        self.users_label.setObjectName("usersCount")
        form.addRow(tr("Cases (households)"), self.cases_label)
        form.addRow(tr("Persons"), self.persons_label)
        form.addRow(tr("Documents"), self.documents_label)
        form.addRow(tr("User accounts"), self.users_label)
        return totals

    def _build_schedule(self) -> QGroupBox:
        schedule = QGroupBox(tr("Appointments"), self)
        form = QFormLayout(schedule)
        form.setSpacing(SPACING)
        self.today_label = QLabel(self)
        self.today_label.setObjectName("todayCount")
        self.inform_label = QLabel(self)
        self.inform_label.setObjectName("toInformCount")
        self.no_show_label = QLabel(self)
        self.no_show_label.setObjectName("noShowCount")
        form.addRow(tr("Today"), self.today_label)
        form.addRow(tr("Families still to inform"), self.inform_label)
        form.addRow(tr("No-shows to follow up"), self.no_show_label)
        return schedule

    # -- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        self._load()

    def reload_after(self, change: Change) -> None:
        self._load(quiet=True)

    def _load(self, quiet: bool = False) -> None:
        op = QueryOp(self, self._service.overview).replacing("load")
        op.success(self._show).failure(self._failed)
        (op.quiet() if quiet else op).run()

    def _failed(self, error: KnownError) -> None:
        self.message.show_error(error.message)

    def _show(self, overview: OfficeOverview) -> None:
        self.message.clear()
        self.cases_label.setText(_count(overview.cases))
        self.persons_label.setText(_count(overview.persons))
        self.documents_label.setText(_count(overview.documents))
        self.users_label.setText(_count(overview.users))
        self.today_label.setText(_count(overview.appointments_today))
        self.inform_label.setText(_count(overview.to_inform))
        self.no_show_label.setText(_count(overview.no_shows))
        while self._statuses.rowCount():
            self._statuses.removeRow(0)
        if not overview.cases_by_status:
            self._statuses.addRow(QLabel(tr("No cases yet."), self))
        for status, count in overview.cases_by_status:
            self._statuses.addRow(tr(status_title(status)), QLabel(_count(count), self))
