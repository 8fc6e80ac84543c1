"""The case list: every household of the office, filtered, loaded lazily.

The list holds only ids (``LazyRowsModel``): a reload, after a change notice or when the
page is shown again, reads the ids again and keeps the selected household and the scroll
position; rows are read again as they are painted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.registry.household_types import CaseInput
from desktop.services.registry.lists import RegistryFilter, RegistryService
from desktop.services.registry.registration import RegistrationService
from desktop.ui.kit import dialogs
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import fit_columns, install_rtl_delegates, kept_view, registry_table
from desktop.ui.kit.widgets import SPACING, InlineMessage
from desktop.ui.registry.case_view import CaseView
from desktop.ui.registry.case_windows import OpenCase
from desktop.ui.registry.filter_bar import RegistryFilterBar
from desktop.ui.registry.household_dialog import HouseholdDialog
from desktop.ui.registry.models import cases_model

#: what a load brings back: the filters' choices (when asked for) and the ids
Loaded = tuple[dict[str, list[str]] | None, list[str]]


class CasesPage(Page):
    key = "cases"
    title = tr_noop("Cases")
    icon = "fa6s.people-roof"
    #: the status, destination... of a case; its member count
    watches = frozenset({Kind.CASE, Kind.PERSON})

    def __init__(
        self,
        registry: RegistryService,
        registration: RegistrationService | None = None,
        can_write: bool = False,
        *,
        open_case: OpenCase | None = None,
    ) -> None:
        super().__init__()
        self._registry = registry
        self._open_case = open_case
        self._fitted = False
        #: None: this user only reads (the case view opens read-only)
        self._writer: tuple[RegistrationService, bool] | None = (
            (registration, can_write) if registration is not None else None
        )

        layout = self.page_layout()
        layout.addLayout(self._build_bar())
        self.message = InlineMessage(self)
        layout.addWidget(self.message)

        self.model = cases_model(registry.cases)
        self.model.setParent(self)
        self.model.load_failed.connect(self.message.show_error)
        self.table = registry_table(self, "casesTable")
        self.table.setModel(self.model)
        install_rtl_delegates(self.table, self.model.columns)
        # Enter or a double-click on a row opens the household
        self.table.activated.connect(self.open_case)
        layout.addWidget(self.table, 1)

        self.filters.changed.connect(lambda: self._load(with_choices=False))

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.filters = RegistryFilterBar(self)
        bar.addWidget(self.filters, 1)
        bar.addSpacing(SPACING)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("casesCount")
        bar.addWidget(self.count_label)
        bar.addSpacing(SPACING)
        self.new_button = QPushButton(tr("New household…"), self)
        self.new_button.setObjectName("newHousehold")
        self.new_button.clicked.connect(lambda _checked=False: self.new_household())
        self.new_button.setEnabled(self._writer is not None and self._writer[1])
        bar.addWidget(self.new_button)
        return bar

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load(with_choices=True, keep=True)

    def reload_after(self, change: Change) -> None:
        # the filters offer the values cases have: only a case changes them
        self._load(with_choices=change.touches(Kind.CASE), keep=True, quiet=True)

    def _load(self, *, with_choices: bool, keep: bool = False, quiet: bool = False) -> None:
        """Read the ids (and the filters' choices); ``keep`` the selection and the scroll
        position (a reload, not a new filter); ``quiet``: the clerk did not ask."""
        where = self.filters.current()
        registry = self._registry
        if not quiet:
            self.count_label.setText(tr("Loading…"))

        def work() -> Loaded:
            choices = registry.filter_choices() if with_choices else None
            return choices, registry.case_ids(where)

        load = QueryOp(self, work).replacing("load").failure(self._failed)
        load.success(lambda result: self._loaded(where, result, keep))
        (load.quiet() if quiet else load).run()

    def _loaded(self, where: RegistryFilter, result: Loaded, keep: bool) -> None:
        choices, ids = result
        if choices is not None:
            self.filters.blockSignals(True)
            self.filters.set_choices(choices)
            self.filters.blockSignals(False)
            if self.filters.current() != where:  # a chosen value is gone
                self._load(with_choices=False)
                return
        self.message.clear()
        if keep:
            with kept_view(self.table, self.model.id_at):
                self.model.set_ids(ids)
        else:
            self.model.set_ids(ids)
        self.count_label.setText(plural(len(ids), tr_noop("{n} case"), tr_noop("{n} cases")))
        if not self._fitted and ids:
            fit_columns(self.table, self.model.columns)
            self._fitted = True

    def _failed(self, error: KnownError) -> None:
        self.count_label.setText("")
        self.message.show_error(error.message)

    # -- households ---------------------------------------------------------------------------
    def open_case(self, index: QModelIndex) -> CaseView | None:
        if not index.isValid():
            return None
        return self.open_case_id(self.model.id_at(index.row()))

    def open_case_id(self, case_id: str) -> CaseView | None:
        """The household window of ``case_id`` (other pages open households through here)."""
        if self._open_case is None:
            return None
        return self._open_case(case_id, self)

    def new_household(self) -> HouseholdDialog | None:
        """Register a household and open its window (the list reloads on its notice)."""
        if self._writer is None or not self._writer[1]:
            dialogs.show_error(
                self,
                tr("New household"),
                tr("Your role can see households but not register them."),
            )
            return None
        registration = self._writer[0]
        dialog = HouseholdDialog(self)
        created: list[str] = []

        def create(data: CaseInput) -> str:
            case_id = registration.create_case(data)
            created.append(case_id)
            return case_id

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and created:
                self.open_case_id(created[0])

        dialog.submit(create)
        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def close_for_lock(self) -> None:
        super().close_for_lock()
        self.model.set_ids([])
