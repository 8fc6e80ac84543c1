"""The places of appointments, as the settings page lists them: add, change, retire.

The list loads as an operation of the page (its busy state is the page's) and reloads
when a place changes (the page hears the change notice): saving a place does not reload
it by hand. A reload keeps the selected place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.errors import KnownError
from desktop.services.schedule.places import PlaceInput, PlaceRecord, PlacesService
from desktop.ui.admin.place_dialogs import PLACE_COLUMNS, PlaceDialog, places_model
from desktop.ui.kit.i18n import tr
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.tables import fit_columns, kept_view, registry_table
from desktop.ui.kit.widgets import InlineMessage, muted


class PlacesBox(QGroupBox):
    """The places and their buttons; ``owner`` (the page) owns the loads and dialogs."""

    def __init__(
        self,
        owner: QWidget,
        places: PlacesService,
        can_change: bool,
        default_slot: Callable[[], int],
    ) -> None:
        super().__init__(tr("Places of appointments"), owner)
        self._owner = owner
        self._places = places
        self._can_change = can_change
        self._default_slot = default_slot
        self._fitted = False
        #: what the message says: "" (nothing or a saved place), "empty" or "error"
        self._telling = ""
        #: a place dialog to reopen after an auto-lock, once the places are loaded
        self._pending: dict[str, Any] | None = None
        inner = QVBoxLayout(self)
        inner.addWidget(
            muted(
                tr(
                    "Capacity is how many appointments can run at the same time in a place; "
                    "the slot length is the usual length of one. Retired places stay on past "
                    "appointments but cannot be booked."
                ),
                self,
            )
        )
        self.model = places_model()
        self.model.setParent(self)
        self.table = registry_table(self, "placesTable")
        self.table.setModel(self.model)
        self.table.activated.connect(lambda _index: self.edit_place())
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5)
        inner.addWidget(self.table, 1)
        self.message = InlineMessage(self)
        self.message.setObjectName("placesMessage")
        inner.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("&Add place…"), self)
        self.add_button.setObjectName("addPlace")
        self.add_button.clicked.connect(lambda _checked=False: self.add_place())
        self.edit_button = QPushButton(tr("&Edit place…"), self)
        self.edit_button.setObjectName("editPlace")
        self.edit_button.clicked.connect(lambda _checked=False: self.edit_place())
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # -- the list ----------------------------------------------------------------------------
    def load(self, quiet: bool = False) -> None:
        places = self._places
        op = QueryOp(self._owner, lambda: places.list(include_inactive=True)).replacing("places")
        op.success(self._loaded).failure(self._failed)
        (op.quiet() if quiet else op).run()

    def _loaded(self, rows: list[PlaceRecord]) -> None:
        with kept_view(self.table, lambda row: self.model.record(row).id):
            self.model.set_rows(rows)
        if rows and not self._fitted:
            fit_columns(self.table, PLACE_COLUMNS)
            self._fitted = True
        if not rows:
            self._telling = "empty"
            self.message.show_notice(
                tr("No places yet. Add the office rooms, clinics and embassies families go to.")
            )
        elif self._telling:  # what a saved place's message says stays
            self._telling = ""
            self.message.clear()
        self._update_buttons()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._reopen(pending)

    def _failed(self, error: KnownError) -> None:
        self._telling = "error"
        self.message.show_error(error.message)

    def clear(self) -> None:
        """The office locks: no place stays on screen."""
        self.model.set_rows([])

    def selected_place(self) -> PlaceRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._can_change)
        self.edit_button.setEnabled(self._can_change and self.selected_place() is not None)

    # -- the dialog --------------------------------------------------------------------------
    def add_place(self) -> PlaceDialog | None:
        return self._dialog(None)

    def edit_place(self) -> PlaceDialog | None:
        place = self.selected_place()
        return None if place is None else self._dialog(place)

    def _dialog(self, place: PlaceRecord | None) -> PlaceDialog | None:
        if not self._can_change:
            return None
        dialog = PlaceDialog(self._owner, place, default_slot_minutes=self._default_slot())
        places, place_id = self._places, place.id if place else None
        dialog.submit(lambda data: places.save(data, place_id))

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._saved(dialog.value())

        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _saved(self, data: PlaceInput) -> None:
        # the change notice reloads the list; the message says what was done
        name = " ".join(data.name.split())
        self._telling = ""
        if data.active:
            self.message.show_notice(tr("Saved {name}.").format(name=name))
        else:
            self.message.show_notice(
                tr("{name} is retired: no new appointments can be booked there.").format(name=name)
            )

    def open_dialog(self) -> PlaceDialog | None:
        shown = [d for d in self._owner.findChildren(PlaceDialog) if d.isVisible()]
        return shown[0] if shown else None

    def reopen_later(self, draft: dict[str, Any]) -> None:
        """Reopen a place dialog kept across an auto-lock once the places are loaded."""
        self._pending = draft

    def _reopen(self, draft: dict[str, Any]) -> None:
        place_id = draft.get("place_id")
        place = None
        if isinstance(place_id, str):
            rows = [self.model.record(r) for r in range(self.model.rowCount())]
            known = [row for row in rows if row.id == place_id]
            if not known:
                return  # the place is gone; nothing to put back
            place = known[0]
        dialog = self._dialog(place)
        if dialog is not None:
            dialog.restore(draft)
