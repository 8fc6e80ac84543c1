"""Tables of plain records: columns as functions of a record, list models that hold
records or ids, and the table views that show them.

``LazyRowsModel`` holds only ids (a few MB at 100,000 rows) and loads the rows a view
asks for, a page at a time, through a loader the page passes in (``RegistryService.cases``
or ``.persons``). Loaded rows stay in a bounded cache, so scrolling back and forth does not
query again and memory stays flat. ``RecordListModel`` holds a short list of records.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.errors import KnownError
from desktop.ui.kit.i18n import tr

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: role for the record behind a row (None while a lazy row is not loaded yet)
RecordRole = Qt.ItemDataRole.UserRole + 1
#: role for the id behind a row (lazy models know it without loading the row)
IdRole = Qt.ItemDataRole.UserRole + 2

# plain ints: data() compares roles thousands of times a second
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RECORD = int(RecordRole)
_ID = int(IdRole)
#: the roles that need the row itself
_ROW_ROLES = frozenset({_DISPLAY, int(Qt.ItemDataRole.ToolTipRole), _RECORD})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

PAGE_SIZE = 200
CACHE_SIZE = 5000

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: right also in a right-to-left layout: the native-script column stays right-aligned
_RIGHT_ABSOLUTE = _RIGHT | Qt.AlignmentFlag.AlignAbsolute


@dataclass(frozen=True)
class Column(Generic[T]):
    #: marked with ``tr_noop``; the model translates it
    title: str
    value: Callable[[T], str]
    #: text direction of the cell: True for names in Dari/Pashto (Arabic script)
    rtl: bool = False
    align_right: bool = False
    #: text the column should at least have room for (header width is always kept)
    sample: str = ""
    #: the whole text as a tool tip, for names that may be cut off in a narrow column
    tip: bool = False
    #: what a short title stands for
    header_tip: str = ""

    def alignment(self) -> Qt.AlignmentFlag:
        if self.rtl:
            return _RIGHT_ABSOLUTE
        return _RIGHT if self.align_right else _LEFT


class _ColumnsModel(QAbstractTableModel, Generic[T]):
    """What the list models share: columns as functions of a record, read-only cells."""

    def __init__(self, columns: Sequence[Column[T]]) -> None:
        super().__init__()
        self.columns = list(columns)
        self._alignments = [c.alignment() for c in self.columns]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment()
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(column.header_tip) if column.header_tip else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _cell(self, record: T, column: int, role: int) -> Any:
        """What one of ``_ROW_ROLES`` shows of ``record`` in ``column``."""
        if role == _DISPLAY:
            return self.columns[column].value(record)
        if role == _RECORD:
            return record
        spec = self.columns[column]
        return spec.value(record) if spec.tip else None  # tool tip


class LazyRowsModel(_ColumnsModel[T]):
    """A table over a list of ids whose rows are loaded a page at a time when shown.

    ``loader(ids)`` returns the records of those ids (in any order, missing ones
    left out); ``key(record)`` gives a record's id back. At most ``cache_size``
    records are kept, least recently shown first out.
    """

    #: a page could not be loaded (the message is for the user)
    load_failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        loader: Callable[[list[str]], Sequence[T]],
        key: Callable[[T], str],
        *,
        page_size: int = PAGE_SIZE,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        super().__init__(columns)
        if cache_size < page_size:
            raise ValueError("the cache must hold at least one page")
        self._loader = loader
        self._key = key
        self._page_size = page_size
        self._cache_size = cache_size
        self._ids: list[str] = []
        self._cache: OrderedDict[str, T | None] = OrderedDict()  # None: gone from the store
        self._failed_pages: set[int] = set()

    # -- content ---------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these ids; rows load again when asked for (the data may have changed).

        The same ids again (a page shown again) keep the scroll position and the
        selection: only the rows are forgotten.
        """
        ids = list(ids)
        self._cache.clear()
        self._failed_pages.clear()
        if ids == self._ids:
            if ids:
                last = self.index(len(ids) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def record(self, row: int) -> T | None:
        """The record of ``row``, loading its page if needed (None if it is gone)."""
        if not 0 <= row < len(self._ids):
            raise IndexError(row)
        return self._row(row)

    def cached_count(self) -> int:
        return len(self._cache)

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every role of every visible cell on each paint: cheap checks first,
        # and only the roles in _ROW_ROLES ever load a page
        if not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        if role in _ROW_ROLES:
            record = self._row(row)
            return None if record is None else self._cell(record, index.column(), role)
        if role == _ID:
            return self._ids[row]
        return None

    # -- loading ---------------------------------------------------------------------------
    def _row(self, row: int) -> T | None:
        row_id = self._ids[row]
        if row_id in self._cache:
            self._cache.move_to_end(row_id)
            return self._cache[row_id]
        self._load_page(row // self._page_size)
        return self._cache.get(row_id)

    def _load_page(self, page: int) -> None:
        if page in self._failed_pages:
            return
        start = page * self._page_size
        wanted = [i for i in self._ids[start : start + self._page_size] if i not in self._cache]
        try:
            records = self._loader(wanted)
        except KnownError as exc:
            # e.g. the office locked under a view that is about to close: show empty
            # cells and say so once, instead of asking again on every paint
            self._failed_pages.add(page)
            self.load_failed.emit(exc.message)
            return
        found = {self._key(r): r for r in records}
        for row_id in wanted:
            self._cache[row_id] = found.get(row_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


class RecordListModel(_ColumnsModel[T]):
    """A table over a plain list of records (search results: at most a few hundred)."""

    def __init__(self, columns: Sequence[Column[T]]) -> None:
        super().__init__(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
        if role in _ROW_ROLES:
            return self._cell(self._rows[index.row()], index.column(), role)
        return None


# -- right-to-left names ------------------------------------------------------------------


class RightToLeftDelegate(QStyledItemDelegate):
    """Lays a cell out right to left: names in Dari or Pashto read and elide correctly.

    The model keeps the plain text (no invisible direction marks end up in copies
    or exports); only the drawing changes.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        # eliding stays at the end of the text (ElideRight is logical): the given name,
        # which comes first, stays visible on the right
        option.direction = Qt.LayoutDirection.RightToLeft


def install_rtl_delegates(view: QAbstractItemView, columns: Sequence[Column[Any]]) -> None:
    """Lay out the right-to-left ``columns`` (of the view's model) right to left."""
    delegate = view.findChild(RightToLeftDelegate)
    if delegate is None:
        delegate = RightToLeftDelegate(view)
    for number, column in enumerate(columns):
        view.setItemDelegateForColumn(number, delegate if column.rtl else None)  # type: ignore[arg-type]


def record_table(
    parent: QWidget, name: str, model: RecordListModel[Any], *, row_padding: int = 10
) -> QTableView:
    """A short read-only list of records (in a dialog or beside a form): one row at a time.

    ``row_padding`` is added to the font's height for each row; lists of names in
    Arabic script pass a little more.
    """
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + row_padding)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    install_rtl_delegates(table, model.columns)
    return table


def fit_table(table: QTableView, columns: Sequence[Column[Any]]) -> None:
    """Size every column but the last (which stretches) to its title, sample and rows."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    for number, column in enumerate(columns[:-1]):
        width = max(
            header.fontMetrics().horizontalAdvance(tr(column.title)),
            metrics.horizontalAdvance(column.sample),
            table.sizeHintForColumn(number) if table.model().rowCount() else 0,
        )
        header.resizeSection(number, width + 16)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


# -- how values read ------------------------------------------------------------------------


def words(value: str | None) -> str:
    """``in_transit`` -> ``In transit``; None -> empty."""
    return value.replace("_", " ").capitalize() if value else ""


# -- the registry's models ----------------------------------------------------------------------


#: rows measured when fitting columns to their content (a few pages at most)
FIT_ROWS = 60


_CELL_PADDING = 16


def registry_table(parent: QWidget, name: str) -> QTableView:
    """A read-only table for long lazy lists: uniform rows, no per-row measuring."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # one line of text and a little air (Arabic script needs a bit more than Latin)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    # measuring a column touches only the rows near the top, never all 100,000
    header.setResizeContentsPrecision(FIT_ROWS)
    return table


def fit_columns(table: QTableView, columns: Sequence[Column[Any]]) -> None:
    """Columns wide enough for their title, a typical value and the rows in view."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    bold = header.fontMetrics()
    for number, column in enumerate(columns):  # the last one also stretches
        width = max(
            bold.horizontalAdvance(tr(column.title)) + _CELL_PADDING,
            metrics.horizontalAdvance(column.sample) + _CELL_PADDING if column.sample else 0,
            table.sizeHintForColumn(number) if table.model().rowCount() else 0,
        )
        header.resizeSection(number, width)


def count_text(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


@contextmanager
def kept_view(table: QTableView, key: Callable[[int], object]) -> Iterator[None]:
    """Around a reload of ``table``'s model: the rows selected before (known by
    ``key(row)``, an id) are selected again and the view keeps its scroll position."""
    model = table.model()
    selection = table.selectionModel()
    chosen = {key(index.row()) for index in selection.selectedRows()} if selection else set()
    current = table.currentIndex()
    current_key = key(current.row()) if current.isValid() else None
    scroll = (table.horizontalScrollBar().value(), table.verticalScrollBar().value())
    yield
    selection = table.selectionModel()
    if selection is None:
        return
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(model.rowCount()):
        found = key(row)
        if found in chosen:
            selection.select(model.index(row, 0), flags)
        if found is not None and found == current_key:
            selection.setCurrentIndex(
                model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
    table.horizontalScrollBar().setValue(scroll[0])
    table.verticalScrollBar().setValue(scroll[1])
