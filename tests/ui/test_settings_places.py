"""The office settings page: every setting with an editor of its kind and its limits, and
the places of appointments.

The page hears the office's change notices as in the main window: a test that writes
waits for the notice to reload it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from shiboken6 import isValid

from desktop.errors import InvalidInput
from desktop.services.office import audit
from desktop.services.office.settings import (
    ALL_SETTINGS,
    DEFAULT_SLOT_MINUTES,
    EXPORT_INTERVAL,
    EXPORT_PROFILE,
    HQ_RECIPIENT_KEYS,
    IDLE_LOCK_MINUTES,
    ORIENTATION_CAPACITY,
    IntSetting,
    SettingsService,
    TextSetting,
)
from desktop.services.schedule.places import PlaceInput, PlacesService
from desktop.ui.admin.place_dialogs import PlaceDialog
from desktop.ui.admin.setting_editors import (
    ChoiceEditor,
    DurationEditor,
    KeyListEditor,
    TextEditor,
)
from desktop.ui.admin.settings_page import SettingsPage
from desktop.ui.kit import operations
from desktop.ui.kit.notices import ChangeNotices

WAIT_MS = 10_000
INT_SETTINGS = [s for s in ALL_SETTINGS if isinstance(s, IntSetting)]
HQ_KEY = "age1" + "qpzry9x8gf2tvdw0s3jn54khce6mua7l" + "qpzry9x8gf2tvdw0s3jn54khce"
OTHER_KEY = "age1" + "x" * 58


@pytest.fixture
def places(office) -> PlacesService:
    return PlacesService(office)


@pytest.fixture
def notices(qtbot, office) -> Iterator[ChangeNotices]:
    made = ChangeNotices(office.changes)
    yield made
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    made.close()


def _settled(qtbot, page: SettingsPage) -> None:
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)


def _shown(qtbot, page: SettingsPage, notices: ChangeNotices) -> SettingsPage:
    qtbot.addWidget(page)
    notices.changed.connect(page.on_change)
    page.show()
    page.refresh()
    _settled(qtbot, page)
    return page


@pytest.fixture
def page(qtbot, office, places, notices):
    shown = _shown(qtbot, SettingsPage(SettingsService(office), True, places), notices)
    yield shown
    shown.close_for_lock()


def _save(qtbot, page: SettingsPage) -> None:
    page.save_button.click()
    _settled(qtbot, page)


def _ok(dialog: PlaceDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _dialog(page: SettingsPage) -> PlaceDialog:
    shown = [d for d in page.findChildren(PlaceDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _saved(qtbot, page: SettingsPage, dialog: PlaceDialog) -> None:
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)


def _rows(page: SettingsPage) -> list[list[str]]:
    assert page.places is not None
    model = page.places.model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# -- settings -------------------------------------------------------------------------------


def test_every_whole_number_shows_its_unit_and_limits_and_saves(qtbot, office, page):
    service = SettingsService(office)
    for setting in INT_SETTINGS:
        spin = page.spins[setting.key]
        assert spin.value() == setting.default
        assert (spin.minimum(), spin.maximum()) == (setting.minimum, setting.maximum)
        assert spin.suffix() == f" {setting.unit}"
        hint = f"{setting.minimum} to {setting.maximum} {setting.unit}"
        assert any(hint in label.text() for label in page.findChildren(QLabel)), hint
    wanted = {
        s.key: s.default + 1 if s.default < s.maximum else s.default - 1 for s in INT_SETTINGS
    }
    for setting in INT_SETTINGS:
        page.spins[setting.key].setValue(wanted[setting.key])
    assert {s.key for s in page.changed_settings()} == set(wanted)
    _save(qtbot, page)
    for setting in INT_SETTINGS:
        assert service.get(setting) == wanted[setting.key], setting.key
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
    _save(qtbot, page)
    text = page.message.text()
    assert "refused for the test" in text
    assert "Saved: lock after this many idle minutes: 12" in text
    assert service.get(IDLE_LOCK_MINUTES) == 12
    assert service.get(ORIENTATION_CAPACITY) == ORIENTATION_CAPACITY.default
    # the refused value is still in its box, and still counts as unsaved
    assert page.draft() == {"settings": {ORIENTATION_CAPACITY.key: 30}}


def test_choices_durations_and_keys_are_edited_and_saved(qtbot, office, page):
    service = SettingsService(office)
    profile = page.editors[EXPORT_PROFILE.key]
    interval = page.editors[EXPORT_INTERVAL.key]
    keys = page.editors[HQ_RECIPIENT_KEYS.key]
    assert isinstance(profile, ChoiceEditor)
    assert isinstance(interval, DurationEditor)
    assert isinstance(keys, KeyListEditor)
    assert profile.box.currentText() == "Standard: no medical or protection details"
    assert (interval.amount.value(), interval.unit.currentText()) == (7, "days")
    assert keys.value() == ()
    assert page.hints[EXPORT_INTERVAL.key].text() == "6 hours to 30 days (default 7 days)"
    assert "Kept for the exports to headquarters" in " ".join(
        label.text() for label in page.findChildren(QLabel)
    )

    profile.box.setCurrentIndex(profile.box.findData("with_medical"))
    interval.amount.setValue(36)
    interval.unit.setCurrentIndex(interval.unit.findData("hours"))
    keys.new_key.setText(HQ_KEY)
    keys.add_button.click()
    assert {s.key for s in page.changed_settings()} == {
        EXPORT_PROFILE.key,
        EXPORT_INTERVAL.key,
        HQ_RECIPIENT_KEYS.key,
    }
    _save(qtbot, page)
    assert service.get(EXPORT_PROFILE) == "with_medical"
    assert service.get(EXPORT_INTERVAL) == timedelta(hours=36)
    assert service.get(HQ_RECIPIENT_KEYS) == (HQ_KEY,)
    text = page.message.text()
    assert "what an export to headquarters holds: With medical details" in text
    assert "export to headquarters every: 36 hours" in text
    assert "1 key" in text and HQ_KEY not in text
    with office.reading() as session:
        events = [e for e in audit.recent(session) if e.target_id == HQ_RECIPIENT_KEYS.key]
    assert [json.loads(e.detail) for e in events] == [{"count": 1, "added": 1, "removed": 0}]


def test_a_duration_out_of_its_limits_is_said_beside_it_and_not_saved(qtbot, office, page):
    interval = page.editors[EXPORT_INTERVAL.key]
    assert isinstance(interval, DurationEditor)
    interval.unit.setCurrentIndex(interval.unit.findData("hours"))
    interval.amount.setValue(3)
    hint = page.hints[EXPORT_INTERVAL.key]
    assert hint.text() == "Choose between 6 hours and 30 days."
    page.save_button.click()
    assert page.message.text() == (
        "Export to headquarters every: choose between 6 hours and 30 days. Nothing was saved."
    )
    assert SettingsService(office).get(EXPORT_INTERVAL) == timedelta(days=7)
    interval.amount.setValue(12)
    assert hint.text() == "6 hours to 30 days (default 7 days)"


def test_keys_are_checked_as_they_are_typed(qtbot, page):
    keys = page.editors[HQ_RECIPIENT_KEYS.key]
    assert isinstance(keys, KeyListEditor)
    assert not keys.add_button.isEnabled() and not keys.new_key_error.isVisible()
    keys.new_key.setText("age1notakey")
    assert not keys.add_button.isEnabled()
    assert keys.new_key_error.isVisible()
    assert keys.new_key_error.text() == (
        "That is not an age public key: age1 followed by 58 lower-case letters and digits."
    )
    keys.new_key.setText("AGE-SECRET-KEY-1" + "Q" * 58)
    assert not keys.add_button.isEnabled()
    keys.new_key.setText(f"  {HQ_KEY} ")
    assert keys.add_button.isEnabled() and not keys.new_key_error.isVisible()
    keys.add_button.click()
    assert keys.value() == (HQ_KEY,) and keys.new_key.text() == ""
    keys.new_key.setText(HQ_KEY)
    assert keys.new_key_error.text() == "That key is listed already."
    keys.new_key.setText(OTHER_KEY)
    keys.new_key.returnPressed.emit()
    assert keys.value() == (HQ_KEY, OTHER_KEY)
    assert not keys.remove_button.isEnabled()
    keys.list.setCurrentRow(0)
    keys.remove_button.click()
    assert keys.value() == (OTHER_KEY,)


def test_text_settings_get_a_line_edit(qtbot, office, places, notices):
    note = TextSetting("test_agenda_note", "Note on the agenda", "", max_length=30)
    service = SettingsService(office)
    page = _shown(qtbot, SettingsPage(service, True, declared=[note, IDLE_LOCK_MINUTES]), notices)
    editor = page.editors[note.key]
    assert isinstance(editor, TextEditor)
    assert editor.edit.maxLength() == 30
    assert page.hints[note.key].text() == "Up to 30 characters"
    editor.edit.setText("  Bring every passport ")
    _save(qtbot, page)
    assert service.get(note) == "Bring every passport"
    assert editor.value() == "Bring every passport"  # as stored
    assert page.message.text() == "Saved note on the agenda: “Bring every passport”."


def test_a_change_made_elsewhere_reloads_but_keeps_what_is_being_typed(qtbot, office, page):
    page.spins[ORIENTATION_CAPACITY.key].setValue(40)  # typed, not saved
    service = SettingsService(office)
    service.set(IDLE_LOCK_MINUTES, 33)  # another admin's window
    service.set(ORIENTATION_CAPACITY, 50)
    qtbot.waitUntil(lambda: page.idle_minutes.value() == 33, timeout=WAIT_MS)
    assert page.spins[ORIENTATION_CAPACITY.key].value() == 40
    assert [s.key for s in page.changed_settings()] == [ORIENTATION_CAPACITY.key]


def test_read_only_page_changes_nothing(qtbot, office, places, notices):
    page = _shown(qtbot, SettingsPage(SettingsService(office), False, places), notices)
    assert not any(editor.isEnabled() for editor in page.editors.values())
    assert not page.save_button.isEnabled()
    assert page.places is not None
    assert not page.places.add_button.isEnabled()
    assert page.places.add_place() is None


def test_settings_page_without_places_still_works(qtbot, office, notices):
    page = _shown(qtbot, SettingsPage(SettingsService(office), True), notices)
    assert page.places is None
    page.idle_minutes.setValue(7)
    _save(qtbot, page)
    assert SettingsService(office).get(IDLE_LOCK_MINUTES) == 7


# -- places -----------------------------------------------------------------------------------


def test_add_a_place_with_messages_as_you_type(qtbot, page, places):
    assert page.places is not None
    assert "No places yet" in page.places.message.text()
    page.places.add_button.click()
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
    qtbot.waitUntil(lambda: bool(_rows(page)), timeout=WAIT_MS)  # the notice reloads
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
    assert page.places.message.text() == "Saved Shëngjin health centre."
    saved = places.list()[0]
    assert (saved.kind, saved.capacity, saved.slot_minutes) == ("clinic", 2, 20)


def test_edit_and_retire_a_place(qtbot, page, places):
    assert page.places is not None
    places.save(PlaceInput("IOM office, room 1", "office", capacity=3))
    places.save(PlaceInput("Embassy of Canada", "embassy", address="Tirana"))
    qtbot.waitUntil(lambda: len(_rows(page)) == 2, timeout=WAIT_MS)  # saved elsewhere
    assert [r[0] for r in _rows(page)] == ["Embassy of Canada", "IOM office, room 1"]
    assert not page.places.edit_button.isEnabled()
    page.places.table.selectRow(1)
    page.places.edit_button.click()
    dialog = _dialog(page)
    assert dialog.name.text() == "IOM office, room 1"
    assert dialog.capacity.value() == 3
    dialog.active.setChecked(False)
    _ok(dialog).click()
    _saved(qtbot, page, dialog)
    qtbot.waitUntil(lambda: _rows(page)[1][-1] == "No (retired)", timeout=WAIT_MS)
    assert "retired" in page.places.message.text()
    assert [p.name for p in places.list()] == ["Embassy of Canada"]
    # the same row stays selected after the reload
    assert page.places.selected_place() is not None
    assert page.places.selected_place().name == "IOM office, room 1"


def test_a_name_in_use_is_refused_inside_the_dialog(qtbot, page, places):
    assert page.places is not None
    places.save(PlaceInput("Clinic", "clinic"))
    qtbot.waitUntil(lambda: len(_rows(page)) == 1, timeout=WAIT_MS)
    dialog = page.places.add_place()
    assert dialog is not None
    dialog.name.setText("clinic")
    _ok(dialog).click()
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    assert dialog.isVisible()
    assert dialog.message.text() == "A place called clinic already exists."


def test_unsaved_settings_and_an_open_place_dialog_survive_a_lock(
    qtbot, office, page, places, notices
):
    assert page.places is not None
    page.spins[ORIENTATION_CAPACITY.key].setValue(40)
    keys = page.editors[HQ_RECIPIENT_KEYS.key]
    keys.set_value((HQ_KEY,))
    dialog = page.places.add_place()
    assert dialog is not None
    dialog.name.setText("Hotel Rafaelo")
    dialog.kind.setCurrentIndex(dialog.kind.findData("hotel"))
    draft = page.draft()
    assert draft is not None
    page.close_for_lock()
    assert not dialog.isVisible()
    assert _rows(page) == []

    again = SettingsPage(SettingsService(office), True, places)
    qtbot.addWidget(again)
    notices.changed.connect(again.on_change)
    again.show()
    again.restore_draft(draft)
    _settled(qtbot, again)
    assert again.spins[ORIENTATION_CAPACITY.key].value() == 40
    assert again.editors[HQ_RECIPIENT_KEYS.key].value() == (HQ_KEY,)
    assert again.idle_minutes.value() == IDLE_LOCK_MINUTES.default  # loaded, not kept
    assert "kept" in again.message.text()
    reopened = _dialog(again)
    assert reopened.name.text() == "Hotel Rafaelo"
    assert reopened.kind.currentData() == "hotel"
    reopened.reject()
    again.close_for_lock()


def test_places_model_passes_qtmodeltester(qtmodeltester, page, places):
    assert page.places is not None
    places.save(PlaceInput("Clinic", "clinic", capacity=4))
    page.places.model.set_rows(places.list())
    qtmodeltester.check(page.places.model)
