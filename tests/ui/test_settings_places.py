"""The office settings page: every setting with its limits, and the places of appointments."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from shiboken6 import isValid

from desktop.errors import InvalidInput
from desktop.services.office.settings import (
    ALL_SETTINGS,
    DEFAULT_SLOT_MINUTES,
    IDLE_LOCK_MINUTES,
    ORIENTATION_CAPACITY,
    SettingsService,
)
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.ui import worker
from desktop.ui.admin.place_dialogs import PlaceDialog
from desktop.ui.admin.settings_page import SettingsPage

WAIT_MS = 10_000


@pytest.fixture
def places(office) -> PlacesService:
    return PlacesService(office)


@pytest.fixture
def page(qtbot, office, places):
    shown = SettingsPage(SettingsService(office), can_change=True, places=places)
    qtbot.addWidget(shown)
    shown.refresh()
    qtbot.waitUntil(lambda: not shown.loading() and not worker.busy(), timeout=WAIT_MS)
    yield shown
    shown.close_for_lock()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=WAIT_MS)


def _ok(dialog: PlaceDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _dialog(page: SettingsPage) -> PlaceDialog:
    shown = [d for d in page.findChildren(PlaceDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _saved(qtbot, page: SettingsPage, dialog: PlaceDialog) -> None:
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.loading() and not worker.busy(), timeout=WAIT_MS)


def _rows(page: SettingsPage) -> list[list[str]]:
    model = page.places_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_every_setting_shows_its_unit_and_limits_and_saves(qtbot, office, page):
    service = SettingsService(office)
    for setting in ALL_SETTINGS:
        spin = page.spins[setting.key]
        assert spin.value() == setting.default
        assert (spin.minimum(), spin.maximum()) == (setting.minimum, setting.maximum)
        assert spin.suffix() == f" {setting.unit}"
        hint = f"{setting.minimum} to {setting.maximum} {setting.unit}"
        assert any(hint in label.text() for label in page.findChildren(QLabel)), hint
    seen: list[int] = []
    page.on_saved.append(seen.append)
    wanted = {
        s.key: s.default + 1 if s.default < s.maximum else s.default - 1 for s in ALL_SETTINGS
    }
    for setting in ALL_SETTINGS:
        page.spins[setting.key].setValue(wanted[setting.key])
    assert {s.key for s in page.changed_settings()} == set(wanted)
    page.save_button.click()
    for setting in ALL_SETTINGS:
        assert service.get(setting) == wanted[setting.key], setting.key
    assert seen == [wanted[IDLE_LOCK_MINUTES.key]]
    assert page.message.text().startswith("Saved ")
    assert page.draft() is None
    # saving again with nothing changed says so instead of doing nothing silently
    page.save_button.click()
    assert "Nothing to save" in page.message.text()


def test_a_refused_setting_is_said_with_what_was_saved(qtbot, office, page, monkeypatch):
    service = SettingsService(office)
    real_set = page._settings.set

    def refuse_capacity(setting, value):  # type: ignore[no-untyped-def]
        if setting == ORIENTATION_CAPACITY:
            raise InvalidInput("Default seats in an orientation session: refused for the test.")
        return real_set(setting, value)

    monkeypatch.setattr(page._settings, "set", refuse_capacity)
    page.spins[IDLE_LOCK_MINUTES.key].setValue(12)
    page.spins[ORIENTATION_CAPACITY.key].setValue(30)
    page.save_button.click()
    text = page.message.text()
    assert "refused for the test" in text
    assert "Saved: lock after this many idle minutes: 12" in text
    assert service.get(IDLE_LOCK_MINUTES) == 12
    assert service.get(ORIENTATION_CAPACITY) == ORIENTATION_CAPACITY.default
    # the refused value is still in its box, and still counts as unsaved
    assert page.draft() == {"settings": {ORIENTATION_CAPACITY.key: 30}}


def test_add_a_place_with_messages_as_you_type(qtbot, page, places):
    assert "No places yet" in page.places_message.text()
    page.add_place_button.click()
    dialog = _dialog(page)
    assert not _ok(dialog).isEnabled()
    assert dialog.missing.text() == "Still needed: a name."
    assert dialog.slot_minutes.value() == DEFAULT_SLOT_MINUTES.default
    dialog.name.setText("Clinic")
    dialog.name.setText("   ")
    assert dialog.error_text("name") == "Give the place a name staff and families recognise."
    dialog.name.setText("Shëngjin health centre")
    dialog.kind.setCurrentIndex(dialog.kind.findData("clinic"))
    dialog.capacity.setValue(0)
    assert "1 to 50" in dialog.error_text("capacity")
    assert not _ok(dialog).isEnabled()
    dialog.capacity.setValue(2)
    dialog.slot_minutes.setValue(500)
    assert dialog.error_text("slot_minutes") == "A slot is between 5 and 480 minutes."
    dialog.slot_minutes.setValue(20)
    dialog.address.setText("Rruga e Portit, Shëngjin")
    assert dialog.problems() == {}
    assert _ok(dialog).isEnabled()
    _ok(dialog).click()
    _saved(qtbot, page, dialog)
    assert _rows(page) == [
        [
            "Shëngjin health centre",
            "Clinic",
            "Rruga e Portit, Shëngjin",
            "2 at a time",
            "20 min",
            "Yes",
        ]
    ]
    assert page.places_message.text() == "Saved Shëngjin health centre."
    saved = places.list()[0]
    assert (saved.kind, saved.capacity, saved.slot_minutes) == ("clinic", 2, 20)


def test_edit_and_retire_a_place(qtbot, page, places):
    places.save(PlaceInput("IOM office, room 1", "office", capacity=3))
    places.save(PlaceInput("Embassy of Canada", "embassy", address="Tirana"))
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading(), timeout=WAIT_MS)
    assert [r[0] for r in _rows(page)] == ["Embassy of Canada", "IOM office, room 1"]
    assert not page.edit_place_button.isEnabled()
    page.places_table.selectRow(1)
    page.edit_place_button.click()
    dialog = _dialog(page)
    assert dialog.name.text() == "IOM office, room 1"
    assert dialog.capacity.value() == 3
    dialog.active.setChecked(False)
    _ok(dialog).click()
    _saved(qtbot, page, dialog)
    assert _rows(page)[1][-1] == "No (retired)"
    assert "retired" in page.places_message.text()
    assert [p.name for p in places.list()] == ["Embassy of Canada"]
    # the same row stays selected after the reload
    assert page.selected_place() is not None
    assert page.selected_place().name == "IOM office, room 1"


def test_a_name_in_use_is_refused_inside_the_dialog(qtbot, page, places):
    places.save(PlaceInput("Clinic", "clinic"))
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading(), timeout=WAIT_MS)
    dialog = page.add_place()
    assert dialog is not None
    dialog.name.setText("clinic")
    _ok(dialog).click()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=WAIT_MS)
    assert dialog.isVisible()
    assert dialog.message.text() == "A place called clinic already exists."


def test_read_only_page_changes_nothing(qtbot, office, places):
    page = SettingsPage(SettingsService(office), can_change=False, places=places)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading(), timeout=WAIT_MS)
    assert not any(spin.isEnabled() for spin in page.spins.values())
    assert not page.save_button.isEnabled()
    assert not page.add_place_button.isEnabled()
    assert page.add_place() is None


def test_settings_page_without_places_still_works(qtbot, office):
    page = SettingsPage(SettingsService(office), can_change=True)
    qtbot.addWidget(page)
    page.refresh()
    assert page.places_table is None
    page.idle_minutes.setValue(7)
    page.save()
    assert SettingsService(office).get(IDLE_LOCK_MINUTES) == 7


def test_unsaved_settings_and_an_open_place_dialog_survive_a_lock(qtbot, office, page, places):
    page.spins[ORIENTATION_CAPACITY.key].setValue(40)
    dialog = page.add_place()
    assert dialog is not None
    dialog.name.setText("Hotel Rafaelo")
    dialog.kind.setCurrentIndex(dialog.kind.findData("hotel"))
    draft = page.draft()
    assert draft is not None
    page.close_for_lock()
    assert not dialog.isVisible()

    again = SettingsPage(SettingsService(office), can_change=True, places=places)
    qtbot.addWidget(again)
    again.restore_draft(draft)
    qtbot.waitUntil(lambda: not again.loading(), timeout=WAIT_MS)
    assert again.spins[ORIENTATION_CAPACITY.key].value() == 40
    assert "kept" in again.message.text()
    reopened = _dialog(again)
    assert reopened.name.text() == "Hotel Rafaelo"
    assert reopened.kind.currentData() == "hotel"
    reopened.reject()
    again.close_for_lock()


def test_places_model_passes_qtmodeltester(qtmodeltester, page, places):
    places.save(PlaceInput("Clinic", "clinic", capacity=4))
    page.places_model.set_rows(places.list())
    qtmodeltester.check(page.places_model)
