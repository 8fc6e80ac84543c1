"""Office settings (admins change them; everyone else may look): every declared
setting with its unit and limits, and the places where appointments happen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from desktop.errors import KnownError
from desktop.services.office.settings import (
    ALL_SETTINGS,
    DEFAULT_SLOT_MINUTES,
    IDLE_LOCK_MINUTES,
    IntSetting,
    SettingsService,
)
from desktop.services.schedule.places import PlaceInput, PlaceRecord, PlacesService
from desktop.ui.admin.place_dialogs import PLACE_COLUMNS, PlaceDialog, places_model
from desktop.ui.kit.page import Page
from desktop.ui.kit.tables import fit_columns, registry_table
from desktop.ui.kit.widgets import MARGIN, SPACING, InlineMessage, heading, muted
from desktop.ui.worker import run_in_background


def _limits(setting: IntSetting) -> str:
    unit = f" {setting.unit}" if setting.unit else ""
    return f"{setting.minimum} to {setting.maximum}{unit} (default {setting.default})"


class SettingsPage(Page):
    key = "settings"
    title = "Office settings"
    icon = "fa6s.sliders"

    def __init__(
        self,
        settings: SettingsService,
        can_change: bool,
        places: PlacesService | None = None,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._places = places
        self._can_change = can_change
        self._closing = False
        self._places_request = 0
        self._loading_places = False
        self._places_fitted = False
        #: the stored value of each setting (by key), None before the first refresh
        self._saved: dict[str, int] | None = None
        #: a place dialog to reopen after an auto-lock, until the places are loaded
        self._pending_place: dict[str, Any] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(self.title, self))
        layout.addWidget(muted("These settings are stored encrypted with the office data.", self))

        rules = QGroupBox("Office rules", self)
        grid = QGridLayout(rules)
        grid.setHorizontalSpacing(SPACING)
        grid.setColumnStretch(3, 1)
        #: one spin box per setting, by key
        self.spins: dict[str, QSpinBox] = {}
        for row, setting in enumerate(ALL_SETTINGS):
            spin = QSpinBox(rules)
            spin.setObjectName(f"setting_{setting.key}")
            spin.setRange(setting.minimum, setting.maximum)
            if setting.unit:
                spin.setSuffix(f" {setting.unit}")
            spin.setEnabled(can_change)
            spin.setAccessibleName(setting.title)
            label = QLabel(setting.title, rules)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            hint = muted(_limits(setting), rules)
            hint.setWordWrap(False)
            grid.addWidget(hint, row, 2)
            self.spins[setting.key] = spin
        layout.addWidget(rules)
        #: kept by name: the app and its tests reach the idle minutes directly
        self.idle_minutes = self.spins[IDLE_LOCK_MINUTES.key]

        self.message = InlineMessage(self)
        self.message.setObjectName("settingsMessage")
        layout.addWidget(self.message)
        self.save_button = QPushButton("&Save", self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setEnabled(can_change)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.save_button.clicked.connect(self.save)
        #: called with the new idle minutes after a successful save
        self.on_saved: list[Any] = []

        self.places_table: QTableView | None = None
        if places is not None:
            layout.addWidget(self._places_box(), 1)
        else:
            layout.addStretch(1)

    def _places_box(self) -> QGroupBox:
        box = QGroupBox("Places of appointments", self)
        inner = QVBoxLayout(box)
        inner.addWidget(
            muted(
                "Capacity is how many appointments can run at the same time in a place; "
                "the slot length is the usual length of one. Retired places stay on past "
                "appointments but cannot be booked.",
                box,
            )
        )
        self.places_model = places_model()
        self.places_model.setParent(self)
        table = registry_table(box, "placesTable")
        table.setModel(self.places_model)
        table.activated.connect(lambda _index: self.edit_place())
        table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 5)
        inner.addWidget(table, 1)
        self.places_table = table
        self.places_message = InlineMessage(box)
        self.places_message.setObjectName("placesMessage")
        inner.addWidget(self.places_message)
        row = QHBoxLayout()
        self.add_place_button = QPushButton("&Add place…", box)
        self.add_place_button.setObjectName("addPlace")
        self.add_place_button.clicked.connect(lambda _checked=False: self.add_place())
        self.edit_place_button = QPushButton("&Edit place…", box)
        self.edit_place_button.setObjectName("editPlace")
        self.edit_place_button.clicked.connect(lambda _checked=False: self.edit_place())
        row.addWidget(self.add_place_button)
        row.addWidget(self.edit_place_button)
        row.addStretch(1)
        inner.addLayout(row)
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_place_buttons())
        self._update_place_buttons()
        return box

    # -- settings ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load_places()
        if self.changed_settings():
            return  # keep what the user is typing
        saved = {s.key: self._settings.get(s) for s in ALL_SETTINGS}
        self._saved = saved
        for setting in ALL_SETTINGS:
            self.spins[setting.key].setValue(saved[setting.key])

    def changed_settings(self) -> list[IntSetting]:
        """Settings whose box differs from what is stored."""
        if self._saved is None:
            return []
        return [s for s in ALL_SETTINGS if self.spins[s.key].value() != self._saved.get(s.key)]

    def save(self) -> None:
        if self._saved is None:
            self.refresh()
            return
        changed = self.changed_settings()
        if not changed:
            self.message.show_notice("Nothing to save: no setting was changed.")
            return
        done: list[str] = []
        for setting in changed:
            try:
                value = self._settings.set(setting, self.spins[setting.key].value())
            except KnownError as exc:
                saved = f" Saved: {'; '.join(done)}." if done else " Nothing was saved."
                self.message.show_error(f"{exc.message}{saved}")
                return
            self._saved[setting.key] = value
            self.spins[setting.key].setValue(value)
            done.append(f"{setting.title.lower()}: {value}")
            if setting == IDLE_LOCK_MINUTES:
                for callback in self.on_saved:
                    callback(value)
        self.message.show_notice("Saved " + "; ".join(done) + ".")

    # -- places ------------------------------------------------------------------------------
    def _load_places(self, notice: str = "") -> None:
        """Load the places; then show ``notice`` (what was just saved), if any."""
        places = self._places
        if places is None or self._closing:
            return
        self._places_request += 1
        request = self._places_request
        self._loading_places = True
        run_in_background(
            lambda: places.list(include_inactive=True),
            lambda rows: self._places_loaded(request, rows, notice),
            lambda error: self._places_failed(request, error),
        )

    def loading(self) -> bool:
        """Whether the places are being loaded (for tests)."""
        return self._loading_places

    def _places_loaded(self, request: int, rows: list[PlaceRecord], notice: str) -> None:
        if self._closing or request != self._places_request or self.places_table is None:
            return
        self._loading_places = False
        chosen = self.selected_place()
        self.places_model.set_rows(rows)
        if rows and not self._places_fitted:
            fit_columns(self.places_table, PLACE_COLUMNS)
            self._places_fitted = True
        ids = [r.id for r in rows]
        if chosen is not None and chosen.id in ids:
            self.places_table.selectRow(ids.index(chosen.id))
        if notice:
            self.places_message.show_notice(notice)
        elif not rows:
            self.places_message.show_notice(
                "No places yet. Add the office rooms, clinics and embassies families go to."
            )
        else:
            self.places_message.clear()
        self._update_place_buttons()
        if self._pending_place is not None:
            pending, self._pending_place = self._pending_place, None
            self._reopen_place_dialog(pending)

    def _places_failed(self, request: int, error: KnownError) -> None:
        if self._closing or request != self._places_request:
            return
        self._loading_places = False
        self.places_message.show_error(error.message)

    def selected_place(self) -> PlaceRecord | None:
        if self.places_table is None:
            return None
        rows = self.places_table.selectionModel().selectedRows()
        return self.places_model.record(rows[0].row()) if rows else None

    def _update_place_buttons(self) -> None:
        if self.places_table is None:
            return
        self.add_place_button.setEnabled(self._can_change)
        self.edit_place_button.setEnabled(self._can_change and self.selected_place() is not None)

    def add_place(self) -> PlaceDialog | None:
        return self._place_dialog(None)

    def edit_place(self) -> PlaceDialog | None:
        place = self.selected_place()
        if place is None:
            return None
        return self._place_dialog(place)

    def _place_dialog(self, place: PlaceRecord | None) -> PlaceDialog | None:
        places = self._places
        if places is None or not self._can_change or self._closing:
            return None
        slot = self.spins[DEFAULT_SLOT_MINUTES.key].value()
        dialog = PlaceDialog(self, place, default_slot_minutes=slot)
        place_id = place.id if place else None
        saved: list[PlaceInput] = []

        def save(data: PlaceInput) -> str:
            new_id = places.save(data, place_id)
            saved.append(data)
            return new_id

        dialog.submit(save)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and saved and not self._closing:
                data = saved[0]
                name = " ".join(data.name.split())
                self._load_places(
                    f"Saved {name}."
                    if data.active
                    else f"{name} is retired: no new appointments can be booked there."
                )

        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_place_dialog(self) -> PlaceDialog | None:
        shown = [d for d in self.findChildren(PlaceDialog) if d.isVisible()]
        return shown[0] if shown else None

    def _reopen_place_dialog(self, draft: dict[str, Any]) -> None:
        place_id = draft.get("place_id")
        place = None
        if isinstance(place_id, str):
            known = [
                self.places_model.record(r)
                for r in range(self.places_model.rowCount())
                if self.places_model.record(r).id == place_id
            ]
            if not known:
                return  # the place is gone; nothing to put back
            place = known[0]
        dialog = self._place_dialog(place)
        if dialog is not None:
            dialog.restore(draft)

    # -- across an auto-lock -----------------------------------------------------------------
    def draft(self) -> dict[str, Any] | None:
        found: dict[str, Any] = {}
        values = {s.key: self.spins[s.key].value() for s in self.changed_settings()}
        if values:
            found["settings"] = values
        dialog = self._open_place_dialog()
        if dialog is not None:
            found["place"] = dialog.draft()
        return found or None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        self._saved = None
        self.refresh()
        values = draft.get("settings")
        if isinstance(values, dict):
            for setting in ALL_SETTINGS:
                value = values.get(setting.key)
                if isinstance(value, int):
                    self.spins[setting.key].setValue(value)
            self.message.show_notice("Your unsaved changes were kept while the office was locked.")
        place = draft.get("place")
        if isinstance(place, dict):
            self._pending_place = place  # reopened once the places are loaded

    def close_for_lock(self) -> None:
        self._closing = True
        for dialog in self.findChildren(PlaceDialog):
            dialog.reject()
        if self.places_table is not None:
            self.places_model.set_rows([])
