"""Finding people: search as you type over Latin and Dari/Pashto names, or the full list."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
)

from desktop.errors import KnownError
from desktop.services.registry.lists import PERSON_SORTS, RegistryFilter, RegistryService
from desktop.services.registry.search import SearchService
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import count_text, fit_columns, install_rtl_delegates, registry_table
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading
from desktop.ui.registry.case_view import CaseView
from desktop.ui.registry.case_windows import OpenCase
from desktop.ui.registry.cases_page import RegistryFilterBar, share_row
from desktop.ui.registry.models import PersonHit, hits_model, join_hits, people_model
from desktop.ui.worker import run_in_background

log = logging.getLogger("desktop.ui.people")

#: pause after the last key before searching: one search per burst of typing
DEBOUNCE_MS = 150
#: results asked of the search service (it ranks at most 120 candidates)
SEARCH_LIMIT = 100

_SORT_TITLES = {
    "case_number": "By case number",
    "given_name": "By given name",
    "family_name": "By family name",
    "date_of_birth": "By date of birth",
}


class PeoplePage(Page):
    key = "people"
    title = "People"
    icon = "fa6s.magnifying-glass"

    def __init__(
        self,
        registry: RegistryService,
        search: SearchService,
        *,
        open_case: OpenCase | None = None,
    ) -> None:
        super().__init__()
        self._registry = registry
        self._search = search
        self._open_case = open_case
        self._closing = False
        self._index_checked = False
        self._search_request = 0
        self._list_request = 0
        self._last_key_at = 0.0
        self._list_fitted = False
        self._results_fitted = False
        #: ids passing the filters while any filter is chosen (search hits are cut to them)
        self._allowed: frozenset[str] | None = None
        self._list_loading = True
        #: searches whose answer came after the text had changed (for tests and tuning)
        self.stale_dropped = 0
        #: milliseconds from the last key to the results on screen, last search
        self.last_search_ms: float | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))

        self.search = QLineEdit(self)
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(
            "Search by name in Latin or Dari/Pashto script, case number, document or phone"
        )
        self.search.setAccessibleName("Search people")
        self.search.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(SPACING)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("peopleCount")
        top.addWidget(self.count_label)
        layout.addLayout(top)

        bar = QHBoxLayout()
        bar.setSpacing(SPACING // 2)
        self.filters = RegistryFilterBar(self)
        bar.addWidget(self.filters, 5)
        self.sort = QComboBox(self)
        self.sort.setObjectName("peopleSort")
        self.sort.setAccessibleName("Sort the list of people")
        self.sort.setToolTip("Order of the list when the search box is empty")
        for sort in PERSON_SORTS:
            self.sort.addItem(_SORT_TITLES.get(sort, sort), sort)
        share_row(self.sort)
        bar.addWidget(self.sort, 1)
        layout.addLayout(bar)

        self.message = InlineMessage(self)
        layout.addWidget(self.message)

        self.list_model = people_model(registry.persons)
        self.list_model.setParent(self)
        self.list_model.load_failed.connect(self.message.show_error)
        self.list_table = registry_table(self, "peopleTable")
        self.list_table.setModel(self.list_model)
        install_rtl_delegates(self.list_table, self.list_model.columns)

        self.results_model = hits_model()
        self.results_model.setParent(self)
        self.results_table = registry_table(self, "searchResultsTable")
        self.results_table.setModel(self.results_model)
        install_rtl_delegates(self.results_table, self.results_model.columns)

        # Enter or a double-click on a person opens their household
        self.list_table.activated.connect(self.open_case)
        self.results_table.activated.connect(self.open_case)

        self.tables = QStackedWidget(self)
        self.tables.addWidget(self.list_table)
        self.tables.addWidget(self.results_table)
        layout.addWidget(self.tables, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self.search_now)
        self.filters.changed.connect(lambda: self._load_list(with_choices=False))
        self.sort.currentIndexChanged.connect(lambda _i: self._load_list(with_choices=False))
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

    # -- page ------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._index_checked:
            self._index_checked = True
            run_in_background(self._search.ensure_index, self._index_ready, self._show_error)
        self._load_list(with_choices=True)
        if self.query():
            self.search_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_search()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_case(self, index: QModelIndex) -> CaseView | None:
        """Open the household of the person at ``index`` (of either table)."""
        if self._closing or not index.isValid():
            return None
        case_id: str | None = None
        if index.model() is self.results_model:
            case_id = self.results_model.record(index.row()).hit.case_id
        else:
            person = self.list_model.record(index.row())
            case_id = person.case_id if person is not None else None
        if case_id is None:
            return None
        return self._open_case(case_id, self) if self._open_case is not None else None

    def close_for_lock(self) -> None:
        self._closing = True
        self._debounce.stop()
        self.list_model.set_ids([])
        self.results_model.set_rows([])

    def query(self) -> str:
        return self.search.text().strip()

    def searching(self) -> bool:
        """Whether the results of a search are shown (rather than the whole list)."""
        return self.tables.currentWidget() is self.results_table

    def busy(self) -> bool:
        return self.count_label.text() in ("Loading…", "Searching…")

    # -- search as you type -------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._last_key_at = time.perf_counter()
        if self.query():
            self._debounce.start()  # restarts: the search waits for a pause in typing
            return
        self._debounce.stop()
        self._search_request += 1  # an answer still on its way is for an older text
        self.results_model.set_rows([])
        self.tables.setCurrentWidget(self.list_table)
        self._show_list_count()

    def search_now(self) -> None:
        """Search for what is in the box now (the debounce timer and Enter end here)."""
        self._debounce.stop()
        query = self.query()
        if self._closing or not query:
            return
        self._search_request += 1
        request = self._search_request
        search, registry = self._search, self._registry
        self.count_label.setText("Searching…")

        def work() -> list[PersonHit]:
            hits = search.search(query, SEARCH_LIMIT)
            return join_hits(hits, registry.persons([h.person_id for h in hits]))

        run_in_background(
            work,
            lambda hits: self._found(request, query, hits),
            lambda error: self._search_failed(request, error),
        )

    def _found(self, request: int, query: str, hits: list[PersonHit]) -> None:
        if self._closing:
            return
        if request != self._search_request or query != self.query():
            self.stale_dropped += 1
            return
        full = len(hits) >= SEARCH_LIMIT
        if self._allowed is not None:
            hits = [h for h in hits if h.person_id in self._allowed]
        self.message.clear()
        self.results_model.set_rows(hits)
        self.tables.setCurrentWidget(self.results_table)
        if hits and not self._results_fitted:
            fit_columns(self.results_table, self.results_model.columns)
            self._results_fitted = True
        if hits:
            self.results_table.scrollToTop()
        filtered = " (with the filters chosen)" if self._allowed is not None else ""
        if not hits:
            self.count_label.setText(f"No one found{filtered}")
        elif full:
            self.count_label.setText(f"The {len(hits):,} best matches{filtered}")
        else:
            self.count_label.setText(count_text(len(hits), "match", "matches") + filtered)
        self.last_search_ms = (time.perf_counter() - self._last_key_at) * 1000
        log.debug("search shown %.0f ms after the last key", self.last_search_ms)

    def _search_failed(self, request: int, error: KnownError) -> None:
        if self._closing or request != self._search_request:
            return
        self.count_label.setText("")
        self.message.show_error(error.message)

    def _index_ready(self, indexed: int) -> None:
        if self._closing:
            return
        if indexed:
            self._search.forget_vocabulary()
            if self.query():
                self.search_now()  # what was typed meanwhile ran on the old index

    # -- the whole list ----------------------------------------------------------------------
    def _load_list(self, *, with_choices: bool) -> None:
        if self._closing:
            return
        self._list_request += 1
        request = self._list_request
        where = self.filters.current()
        sort = str(self.sort.currentData())
        registry = self._registry
        self._list_loading = True
        if not self.searching():
            self.count_label.setText("Loading…")

        def work() -> tuple[dict[str, list[str]] | None, list[str]]:
            choices = registry.filter_choices() if with_choices else None
            return choices, registry.person_ids(where, sort)

        run_in_background(
            work,
            lambda result: self._list_loaded(request, where, result),
            self._show_error,
        )

    def _list_loaded(
        self,
        request: int,
        where: RegistryFilter,
        result: tuple[dict[str, list[str]] | None, list[str]],
    ) -> None:
        if self._closing or request != self._list_request:
            return
        choices, ids = result
        if choices is not None:
            self.filters.blockSignals(True)
            self.filters.set_choices(choices)
            self.filters.blockSignals(False)
            if self.filters.current() != where:
                self._load_list(with_choices=False)
                return
        self.message.clear()
        self.list_model.set_ids(ids)
        if ids and not self._list_fitted:
            fit_columns(self.list_table, self.list_model.columns)
            self._list_fitted = True
        filtered_before = self._allowed is not None
        self._allowed = frozenset(ids) if where != RegistryFilter() else None
        self._list_loading = False
        if self.searching():
            if filtered_before or self._allowed is not None:
                self.search_now()  # cut the hits to the new filters
        else:
            self._show_list_count()

    def _show_list_count(self) -> None:
        if self._list_loading:
            self.count_label.setText("Loading…")
        else:
            self.count_label.setText(count_text(self.list_model.rowCount(), "person", "people"))

    def _show_error(self, error: KnownError) -> None:
        if self._closing:
            return
        self.count_label.setText("")
        self.message.show_error(error.message)
