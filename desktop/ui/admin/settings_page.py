"""Office settings (admins change them; everyone else may look): every declared setting
with an editor of its kind, its limits and its default, grouped as declared, and the
places where appointments happen.

The values load in the background and reload when a setting changes (a change notice),
except those the admin is editing; Save writes the changed ones, one after the other, and
says which were saved if one is refused.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.changes import Change, Kind
from desktop.services.office.settings import (
    ALL_SETTINGS,
    DEFAULT_SLOT_MINUTES,
    IDLE_LOCK_MINUTES,
    OfficeSetting,
    SettingsService,
)
from desktop.services.schedule.places import PlacesService
from desktop.ui.admin.places_box import PlacesBox
from desktop.ui.admin.setting_editors import IntEditor, SettingEditor, editor_for, sentence
from desktop.ui.kit import palette
from desktop.ui.kit.i18n import tr, tr_noop
from desktop.ui.kit.operations import QueryOp, WriteOp
from desktop.ui.kit.page import Page
from desktop.ui.kit.widgets import SPACING, InlineMessage, muted


@dataclass(frozen=True)
class Saving:
    """What one Save did: the values stored, in order, and the refusal that stopped it."""

    saved: list[tuple[OfficeSetting[Any], Any]]
    refused: KnownError | None


def save_each(
    service: SettingsService, changes: Sequence[tuple[OfficeSetting[Any], Any]]
) -> Saving:
    """Store ``changes`` one by one until one is refused (runs off the GUI thread)."""
    saved: list[tuple[OfficeSetting[Any], Any]] = []
    for setting, value in changes:
        try:
            saved.append((setting, service.set(setting, value)))
        except KnownError as refused:
            return Saving(saved, refused)
    return Saving(saved, None)


class SettingsPage(Page):
    key = "settings"
    title = tr_noop("Office settings")
    icon = "fa6s.sliders"
    watches = frozenset({Kind.SETTING, Kind.PLACE})

    def __init__(
        self,
        settings: SettingsService,
        can_change: bool,
        places: PlacesService | None = None,
        declared: Sequence[OfficeSetting[Any]] = ALL_SETTINGS,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._can_change = can_change
        self._declared = tuple(declared)
        #: the stored value of each setting (by key), None before the first load
        self._saved: dict[str, Any] | None = None
        #: settings the admin has edited (their boxes are kept when the values reload)
        self._touched: set[str] = set()
        self._filling = False

        layout = self.page_layout()
        layout.addWidget(
            muted(tr("These settings are stored encrypted with the office data."), self)
        )
        # the sections scroll: a laptop screen of 768 pixels has room for a few of them
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, SPACING, 0)
        inner.setSpacing(SPACING)
        #: one editor per setting, by key
        self.editors: dict[str, SettingEditor] = {}
        #: the limits (or what is wrong) beside each editor, by key
        self.hints: dict[str, QLabel] = {}
        for section in dict.fromkeys(s.section for s in self._declared):
            inner.addWidget(self._section(section))
        #: the spin box of each whole-number setting, by key
        self.spins = {k: e.spin for k, e in self.editors.items() if isinstance(e, IntEditor)}
        #: kept by name: the app's tests reach the idle minutes directly
        self.idle_minutes = self.spins.get(IDLE_LOCK_MINUTES.key)

        self.message = InlineMessage(self)
        self.message.setObjectName("settingsMessage")
        inner.addWidget(self.message)
        self.save_button = QPushButton(tr("&Save"), self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setEnabled(can_change)
        inner.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.save_button.clicked.connect(lambda _checked=False: self.save())

        self.places: PlacesBox | None = None
        if places is not None:
            self.places = PlacesBox(self, places, can_change, self._default_slot)
            self.places.setMinimumHeight(260)
            inner.addWidget(self.places, 1)
        else:
            inner.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

    def _section(self, section: str) -> QGroupBox:
        box = QGroupBox(tr(section), self)
        outer = QVBoxLayout(box)
        chosen = [s for s in self._declared if s.section == section]
        for note in dict.fromkeys(s.note for s in chosen if s.note):
            outer.addWidget(muted(tr(note), box))
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING)
        grid.setColumnStretch(2, 1)
        for row, setting in enumerate(chosen):
            editor = editor_for(setting, box)
            editor.set_value(setting.default)  # until the stored values arrive
            editor.setEnabled(self._can_change)
            label = QLabel(tr(setting.title), box)
            label.setBuddy(editor.focusProxy() or editor)
            hint = muted(editor.hint(), box)
            hint.setObjectName(f"hint_{setting.key}")
            top = Qt.AlignmentFlag.AlignTop
            grid.addWidget(label, row, 0, top)
            grid.addWidget(editor, row, 1, top)
            grid.addWidget(hint, row, 2, top)
            editor.edited.connect(lambda key=setting.key: self._edited(key))
            self.editors[setting.key] = editor
            self.hints[setting.key] = hint
        outer.addLayout(grid)
        return box

    def _default_slot(self) -> int:
        editor = self.editors.get(DEFAULT_SLOT_MINUTES.key)
        return int(editor.value()) if editor is not None else DEFAULT_SLOT_MINUTES.default

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load_settings()
        if self.places is not None:
            self.places.load()

    def on_change(self, change: Change) -> None:
        if not self.isVisible():
            return
        if change.touches(Kind.SETTING):
            self._load_settings(quiet=True)
        if change.touches(Kind.PLACE) and self.places is not None:
            self.places.load(quiet=True)

    def _load_settings(self, quiet: bool = False) -> None:
        service, declared = self._settings, self._declared
        op = QueryOp(self, lambda: service.values(declared)).replacing("settings")
        op.success(self._loaded).failure(lambda error: self.message.show_error(error.message))
        (op.quiet() if quiet else op).run()

    def _loaded(self, values: dict[str, Any]) -> None:
        before, self._saved = self._saved, dict(values)
        with self._filled():
            for setting in self._declared:
                editor = self.editors[setting.key]
                edited = setting.key in self._touched
                if edited and before is not None and editor.value() == before[setting.key]:
                    edited = False  # edited back to what was stored: follow the office
                if not edited:
                    self._touched.discard(setting.key)
                    editor.set_value(values[setting.key])

    @contextmanager
    def _filled(self) -> Iterator[None]:
        """The page fills the boxes: not an edit of the admin's."""
        self._filling = True
        try:
            yield
        finally:
            self._filling = False

    def _edited(self, key: str) -> None:
        if not self._filling:
            self._touched.add(key)
        editor, hint = self.editors[key], self.hints[key]
        problem = editor.problem()
        if problem is None:
            hint.setText(editor.hint())
            hint.setStyleSheet(palette.text_style(palette.MUTED))
        else:
            hint.setText(sentence(problem))
            hint.setStyleSheet(palette.text_style(palette.ERROR))

    def changed_settings(self) -> list[OfficeSetting[Any]]:
        """Settings whose box differs from what is stored (before the first load: those
        the admin edited)."""
        saved = self._saved
        if saved is None:
            return [s for s in self._declared if s.key in self._touched]
        return [s for s in self._declared if self.editors[s.key].value() != saved[s.key]]

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saved is None:
            self.refresh()
            return
        changed = self.changed_settings()
        if not changed:
            self.message.show_notice(tr("Nothing to save: no setting was changed."))
            return
        for setting in changed:
            problem = self.editors[setting.key].problem()
            if problem is not None:
                self.message.show_error(
                    tr("{setting}: {problem} Nothing was saved.").format(
                        setting=tr(setting.title), problem=problem
                    )
                )
                return
        changes = [(s, self.editors[s.key].value()) for s in changed]
        service = self._settings
        self.save_button.setEnabled(False)
        self.message.show_notice(tr("Saving…"))
        WriteOp(self, lambda: save_each(service, changes)).success(self._stored).failure(
            self._save_failed
        ).run()

    def _stored(self, saving: Saving) -> None:
        self.save_button.setEnabled(self._can_change)
        done: list[str] = []
        with self._filled():
            for setting, value in saving.saved:
                if self._saved is not None:
                    self._saved[setting.key] = value
                self._touched.discard(setting.key)
                editor = self.editors[setting.key]
                editor.set_value(value)
                done.append(f"{tr(setting.title).lower()}: {editor.describe(value)}")
        if saving.refused is None:
            self.message.show_notice(tr("Saved {settings}.").format(settings="; ".join(done)))
            return
        if done:
            what = tr(" Saved: {settings}.").format(settings="; ".join(done))
        else:
            what = tr(" Nothing was saved.")
        self.message.show_error(f"{saving.refused.message}{what}")

    def _save_failed(self, error: KnownError) -> None:
        self.save_button.setEnabled(self._can_change)
        self.message.show_error(error.message)

    # -- across an auto-lock -----------------------------------------------------------------
    def draft(self) -> dict[str, Any] | None:
        found: dict[str, Any] = {}
        values = {s.key: self.editors[s.key].value() for s in self.changed_settings()}
        if values:
            found["settings"] = values
        dialog = self.places.open_dialog() if self.places is not None else None
        if dialog is not None:
            found["place"] = dialog.draft()
        return found or None

    def restore_draft(self, draft: dict[str, Any]) -> None:
        values = draft.get("settings")
        if isinstance(values, dict):
            for setting in self._declared:
                editor = self.editors[setting.key]
                value = values.get(setting.key)
                if isinstance(value, editor.value_types) and not isinstance(value, bool):
                    editor.set_value(value)  # an edit: kept when the stored values arrive
            self.message.show_notice(
                tr("Your unsaved changes were kept while the office was locked.")
            )
        place = draft.get("place")
        if isinstance(place, dict) and self.places is not None:
            self.places.reopen_later(place)
        self.refresh()

    def close_for_lock(self) -> None:
        super().close_for_lock()
        if self.places is not None:
            self.places.clear()
