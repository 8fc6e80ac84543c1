"""Finding people: search as you type over Latin and Dari/Pashto names, or the full list.

The newest search wins (``QueryOp.replacing``): an answer for a text typed over is
dropped. The full list holds only ids, like the case list. A change notice reloads the
list quietly (keeping the selection and the scroll position) and searches again only
when people or documents changed, which is what the search looks at; a change to a
household only cuts the hits already found to the filters again.
"""

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
)

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.registry.lists import PERSON_SORTS, RegistryFilter, RegistryService
from desktop.services.registry.search import SearchService
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import fit_columns, install_rtl_delegates, kept_view, registry_table
from desktop.ui.kit.widgets import SPACING, InlineMessage
from desktop.ui.registry.case_view import CaseView
from desktop.ui.registry.case_windows import OpenCase
from desktop.ui.registry.filter_bar import RegistryFilterBar, share_row
from desktop.ui.registry.models import PersonHit, hits_model, join_hits, people_model

log = logging.getLogger("desktop.ui.people")

#: pause after the last key before searching: one search per burst of typing
DEBOUNCE_MS = 150
#: results asked of the search service (it ranks at most 120 candidates)
SEARCH_LIMIT = 100

_SORT_TITLES = {
    "case_number": tr_noop("By case number"),
    "given_name": tr_noop("By given name"),
    "family_name": tr_noop("By family name"),
    "date_of_birth": tr_noop("By date of birth"),
}
#: what a list load brings back: the filters' choices (when asked for) and the ids
Loaded = tuple[dict[str, list[str]] | None, list[str]]


class PeoplePage(Page):
    key = "people"
    title = tr_noop("People")
    icon = "fa6s.magnifying-glass"
    #: names, documents and phones are searched; the filters are the households'
    watches = frozenset({Kind.PERSON, Kind.CASE, Kind.DOCUMENT})

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
        self._index_checked = False
        self._last_key_at = 0.0
        self._list_fitted = False
        self._results_fitted = False
        #: ids passing the filters while any filter is chosen (search hits are cut to them)
        self._allowed: frozenset[str] | None = None
        self._list_loading = True
        #: every hit of the last search (before the filters cut them)
        self._hits: list[PersonHit] | None = None
        #: searches whose answer came after the text had changed (for tests and tuning)
        self.stale_dropped = 0
        #: milliseconds from the last key to the results on screen, last search
        self.last_search_ms: float | None = None

        layout = self.page_layout()
        layout.addLayout(self._build_search())
        layout.addLayout(self._build_bar())
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.tables = self._build_tables()
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

    # -- building ------------------------------------------------------------------------------
    def _build_search(self) -> QHBoxLayout:
        self.search = QLineEdit(self)
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(
            tr("Search by name in Latin or Dari/Pashto script, case number, document or phone")
        )
        self.search.setAccessibleName(tr("Search people"))
        self.search.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(SPACING)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("peopleCount")
        top.addWidget(self.count_label)
        return top

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(SPACING // 2)
        self.filters = RegistryFilterBar(self)
        bar.addWidget(self.filters, 5)
        self.sort = QComboBox(self)
        self.sort.setObjectName("peopleSort")
        self.sort.setAccessibleName(tr("Sort the list of people"))
        self.sort.setToolTip(tr("Order of the list when the search box is empty"))
        for sort in PERSON_SORTS:
            self.sort.addItem(tr(_SORT_TITLES[sort]) if sort in _SORT_TITLES else sort, sort)
        share_row(self.sort)
        bar.addWidget(self.sort, 1)
        return bar

    def _build_tables(self) -> QStackedWidget:
        """The whole list and the search results, one above the other."""
        self.list_model = people_model(self._registry.persons)
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
        tables = QStackedWidget(self)
        tables.addWidget(self.list_table)
        tables.addWidget(self.results_table)
        return tables

    # -- page ------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._index_checked:
            self._index_checked = True
            # the index is rebuilt (a write) only when it misses people or its rules changed
            WriteOp(self, self._search.ensure_index).quiet().success(self._index_ready).failure(
                self._show_error
            ).run()
        self._load_list(with_choices=True, keep=True)
        if self.query():
            self.search_now()

    def on_change(self, change: Change) -> None:
        if not self.isVisible() or not change.touches(*self.watches):
            return
        searched = change.touches(Kind.PERSON, Kind.DOCUMENT)  # what the search looks at
        if searched:
            self._search.forget_vocabulary()
        self._load_list(with_choices=change.touches(Kind.CASE), keep=True, quiet=True)
        if searched and self.query():
            self.search_now(again=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_search()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_case(self, index: QModelIndex) -> CaseView | None:
        """Open the household of the person at ``index`` (of either table)."""
        if not index.isValid():
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
        super().close_for_lock()
        self._debounce.stop()
        self._hits = None
        self.list_model.set_ids([])
        self.results_model.set_rows([])

    def query(self) -> str:
        return self.search.text().strip()

    def searching(self) -> bool:
        """Whether the results of a search are shown (rather than the whole list)."""
        return self.tables.currentWidget() is self.results_table

    # -- search as you type -------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._last_key_at = time.perf_counter()
        if self.query():
            self._debounce.start()  # restarts: the search waits for a pause in typing
            return
        self._debounce.stop()
        self._hits = None  # an answer still on its way is for an older text: _found drops it
        self.results_model.set_rows([])
        self.tables.setCurrentWidget(self.list_table)
        self._show_list_count()

    def search_now(self, *, again: bool = False) -> None:
        """Search for what is in the box now (the debounce timer and Enter end here);
        ``again``: the same text after a change, keeping the selected hit."""
        self._debounce.stop()
        query = self.query()
        if not query:
            return
        search, registry = self._search, self._registry
        if not again:
            self.count_label.setText(tr("Searching…"))

        def work() -> list[PersonHit]:
            hits = search.search(query, SEARCH_LIMIT)
            return join_hits(hits, registry.persons([h.person_id for h in hits]))

        # quiet: no busy cursor flickering as the clerk types; the count says "Searching…"
        QueryOp(self, work).replacing("search").quiet().success(
            lambda hits: self._found(query, hits, again)
        ).failure(self._show_error).on_dropped(self._dropped).run()

    def _dropped(self, _hits: list[PersonHit]) -> None:
        self.stale_dropped += 1

    def _found(self, query: str, hits: list[PersonHit], again: bool) -> None:
        if query != self.query():  # typed on while it ran: the timer brings the newer one
            self._dropped(hits)
            return
        self._hits = hits
        self._show_hits(keep=again)
        if not again:
            self.last_search_ms = (time.perf_counter() - self._last_key_at) * 1000
            log.debug("search shown %.0f ms after the last key", self.last_search_ms)

    def _show_hits(self, *, keep: bool) -> None:
        """The last search's hits, cut to the filters; ``keep`` the selected hit."""
        found = self._hits
        if found is None:
            return
        full = len(found) >= SEARCH_LIMIT
        hits = (
            found if self._allowed is None else [h for h in found if h.person_id in self._allowed]
        )
        self.message.clear()
        if keep:
            with kept_view(self.results_table, lambda r: self.results_model.record(r).person_id):
                self.results_model.set_rows(hits)
        else:
            self.results_model.set_rows(hits)
            if hits:
                self.results_table.scrollToTop()
        self.tables.setCurrentWidget(self.results_table)
        if hits and not self._results_fitted:
            fit_columns(self.results_table, self.results_model.columns)
            self._results_fitted = True
        self.count_label.setText(self._hits_text(len(hits), full))

    def _hits_text(self, count: int, full: bool) -> str:
        if self._allowed is None:
            if not count:
                return tr("No one found")
            if full:
                return tr("The {n} best matches").format(n=f"{count:,}")
            return plural(count, tr_noop("{n} match"), tr_noop("{n} matches"))
        if not count:
            return tr("No one found (with the filters chosen)")
        if full:
            return tr("The {n} best matches (with the filters chosen)").format(n=f"{count:,}")
        return plural(
            count,
            tr_noop("{n} match (with the filters chosen)"),
            tr_noop("{n} matches (with the filters chosen)"),
        )

    def _index_ready(self, indexed: int) -> None:
        if indexed:
            self._search.forget_vocabulary()
            if self.query():
                self.search_now()  # what was typed meanwhile ran on the old index

    # -- the whole list ----------------------------------------------------------------------
    def _load_list(self, *, with_choices: bool, keep: bool = False, quiet: bool = False) -> None:
        """Read the ids (and the filters' choices); ``keep`` the selection and the scroll
        position (a reload, not new filters); ``quiet``: the clerk did not ask."""
        where = self.filters.current()
        sort = str(self.sort.currentData())
        registry = self._registry
        self._list_loading = True
        if not self.searching() and not quiet:
            self.count_label.setText(tr("Loading…"))

        def work() -> Loaded:
            choices = registry.filter_choices() if with_choices else None
            return choices, registry.person_ids(where, sort)

        load = QueryOp(self, work).replacing("list").failure(self._show_error)
        load.success(lambda result: self._list_loaded(where, result, keep))
        (load.quiet() if quiet else load).run()

    def _list_loaded(self, where: RegistryFilter, result: Loaded, keep: bool) -> None:
        choices, ids = result
        if choices is not None:
            self.filters.blockSignals(True)
            self.filters.set_choices(choices)
            self.filters.blockSignals(False)
            if self.filters.current() != where:
                self._load_list(with_choices=False)
                return
        self.message.clear()
        if keep:
            with kept_view(self.list_table, self.list_model.id_at):
                self.list_model.set_ids(ids)
        else:
            self.list_model.set_ids(ids)
        if ids and not self._list_fitted:
            fit_columns(self.list_table, self.list_model.columns)
            self._list_fitted = True
        allowed_before = self._allowed
        self._allowed = frozenset(ids) if where != RegistryFilter() else None
        self._list_loading = False
        if not self.searching():
            self._show_list_count()
        elif self._allowed != allowed_before:
            self._show_hits(keep=keep)  # the same hits, cut to the filters now

    def _show_list_count(self) -> None:
        if self._list_loading:
            self.count_label.setText(tr("Loading…"))
        else:
            count = self.list_model.rowCount()
            self.count_label.setText(plural(count, tr_noop("{n} person"), tr_noop("{n} people")))

    def _show_error(self, error: KnownError) -> None:
        self.count_label.setText("")
        self.message.show_error(error.message)
