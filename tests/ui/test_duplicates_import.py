"""Duplicates page (compare, not the same, merge) and the import dialog (map, preview, import)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from desktop.services.demo.office import create_demo_office
from desktop.services.intake.importing import ImportService
from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.duplicates import DuplicateService
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.lists import RegistryService
from desktop.services.registry.registration import RegistrationService
from desktop.ui.intake import duplicates_page, import_dialog
from desktop.ui.intake.comparison import FIELDS
from desktop.ui.intake.duplicates_page import DuplicatesPage
from desktop.ui.intake.import_dialog import ImportDialog
from desktop.ui.intake.merge_dialog import MergeDialog
from desktop.ui.kit import dialogs, operations
from desktop.ui.kit.notices import ChangeNotices
from tests.conftest import CHEAP_KDF, USER_PASSWORD

WAIT_MS = 15_000
HOUSEHOLDS = 45


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo office (one re-registered principal planted by the demo) plus one fictional
    family registered twice with a spelling difference."""
    mp = pytest.MonkeyPatch()
    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        directory = tmp_path_factory.mktemp("duplicates") / "office"
        create_demo_office(
            directory, USER_PASSWORD, HOUSEHOLDS, seed=1, reference_date=date(2026, 3, 1)
        )
        office = auth.unlock(directory, "admin", USER_PASSWORD)
        try:
            registration = RegistrationService(office)
            for given, native, phone in (
                ("Zarghuna", "زرغونه پوپل", "+355 69 111 2233"),
                ("Zarghona", "زرغونه پوپل", None),
            ):
                case = registration.create_case(
                    CaseInput(destination_country="ISL", programme="Test", family_language="Dari")
                )
                registration.add_person(
                    case,
                    PersonInput(
                        relationship="principal",
                        given_name=given,
                        family_name="Popal",
                        father_name="Sher Agha",
                        native_name=native,
                        sex="F",
                        date_of_birth=date(1985, 6, 1),
                        dob_precision="month",
                        phone=phone,
                    ),
                )
        finally:
            office.close()
    finally:
        mp.undo()
    return directory


@pytest.fixture(autouse=True)
def _closed_widgets_deleted(qapp) -> Iterator[None]:
    """Widgets a test closed are deleted when it ends, here on the GUI thread: one left for
    later (its operations refer back to it) could be collected, and deleted, from the
    thread of the next test's first operation."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def office(qtbot, template_dir: Path, tmp_path: Path) -> Iterator[UnlockedOffice]:
    """A fresh copy of the template, unlocked as admin (every role in a demo)."""
    directory = tmp_path / "office"
    shutil.copytree(template_dir, directory)
    opened = auth.unlock(directory, "admin", USER_PASSWORD)
    yield opened
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    opened.close()


@pytest.fixture
def notices(office: UnlockedOffice) -> Iterator[ChangeNotices]:
    made = ChangeNotices(office.changes)
    yield made
    made.close()


@pytest.fixture
def page(qtbot, office: UnlockedOffice, notices: ChangeNotices) -> DuplicatesPage:
    """The page shown and hearing the office's change notices, as in the main window."""
    made = DuplicatesPage(
        DuplicateService(office), RegistrationService(office), ImportService(office)
    )
    qtbot.addWidget(made)
    notices.changed.connect(made.on_change)
    made.resize(1000, 800)
    made.show()
    made.refresh()
    assert made.status_label.text() == "Checking…"
    wait_idle(qtbot, made)
    return made


def wait_idle(qtbot, page: DuplicatesPage) -> None:
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)


def popal_row(page: DuplicatesPage) -> int:
    return next(n for n, p in enumerate(page.pairs()) if p.first.family_name == "Popal")


# -- duplicates -----------------------------------------------------------------------------


def test_page_lists_pairs_and_compares_the_selected_one(qtbot, page, office):
    pairs = page.pairs()
    assert len(pairs) >= 2
    assert pairs == DuplicateService(office).candidates()
    assert "pairs to review" in page.status_label.text()
    assert page.model.data(page.model.index(0, 1)) in ("Likely", "Possible")
    assert page.model.data(page.model.index(0, 2)).startswith("DEMO-")

    page.select_row(popal_row(page))
    wait_idle(qtbot, page)
    detail = page.comparison.detail
    assert detail is not None
    assert {detail.left.member.given_name, detail.right.member.given_name} == {
        "Zarghuna",
        "Zarghona",
    }
    different = page.comparison.different_rows()
    assert "given_name" in different and "phone" in different and "case_number" in different
    assert "father_name" not in different and "native_name" not in different
    native = next(n for n, f in enumerate(FIELDS) if f.key == "native_name")
    assert page.comparison.item(native, 0).text() == "زرغونه پوپل"
    assert "Why:" in page.reasons.text()
    assert page.merge_button.isEnabled() and page.not_same_button.isEnabled()


def test_not_the_same_person_removes_the_pair(qtbot, page, office, monkeypatch):
    before = len(page.pairs())
    row = popal_row(page)
    pair = page.pairs()[row]
    page.select_row(row)
    wait_idle(qtbot, page)
    monkeypatch.setattr(duplicates_page, "ask_note", lambda parent: "sisters-in-law")
    qtbot.mouseClick(page.not_same_button, Qt.MouseButton.LeftButton)
    # nothing reloads by hand: the decision's change notice reloads the shown page
    qtbot.waitUntil(lambda: len(page.pairs()) == before - 1, timeout=WAIT_MS)
    wait_idle(qtbot, page)
    ids = {(p.first.id, p.second.id) for p in page.pairs()}
    assert (pair.first.id, pair.second.id) not in ids
    assert (pair.first.id, pair.second.id) not in {
        (c.first.id, c.second.id) for c in DuplicateService(office).candidates()
    }


def test_cancelling_the_note_keeps_the_pair(qtbot, page, monkeypatch):
    before = page.pairs()
    monkeypatch.setattr(duplicates_page, "ask_note", lambda parent: None)
    page.not_the_same()
    wait_idle(qtbot, page)
    assert page.pairs() == before


def test_merge_takes_the_chosen_field_and_merges_households(qtbot, page, office, monkeypatch):
    page.select_row(popal_row(page))
    wait_idle(qtbot, page)
    detail = page.comparison.detail
    assert detail is not None
    left, right = detail.left, detail.right
    questions: list[str] = []

    def fill(dialog: MergeDialog) -> bool:
        # only differing, mergeable fields are offered; the case number is not one
        assert "given_name" in dialog.choices and "phone" in dialog.choices
        assert "case_number" not in dialog.choices and "father_name" not in dialog.choices
        dialog.choose("given_name", "right")
        dialog.merge_cases.setChecked(True)
        return True

    monkeypatch.setattr(duplicates_page, "run_merge_dialog", fill)
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, question: questions.append(question) or True
    )
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: all("Popal" not in p.first.family_name for p in page.pairs()), timeout=WAIT_MS
    )
    wait_idle(qtbot, page)
    assert questions and "given name" in questions[0]
    # the reload on the merge's change notice keeps what the page said
    assert page.message.text() == "The two records were merged."

    registry = RegistryService(office)
    kept = registry.persons([left.member.id])[0]
    assert kept.given_name == right.member.given_name  # taken from the right
    assert right.member.id not in registry.person_ids()
    household = RegistrationService(office).case_detail(left.case.id)
    assert [m.id for m in household.members] == [left.member.id]
    assert all("Popal" not in p.first.family_name for p in page.pairs())
    assert all("Popal" not in c.first.family_name for c in DuplicateService(office).candidates())


def test_merge_is_not_done_without_confirmation(qtbot, page, office, monkeypatch):
    page.select_row(popal_row(page))
    wait_idle(qtbot, page)
    monkeypatch.setattr(duplicates_page, "run_merge_dialog", lambda dialog: True)
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: False)
    before = page.pairs()
    people = RegistryService(office).person_ids()
    page.merge()
    wait_idle(qtbot, page)
    assert page.pairs() == before
    assert RegistryService(office).person_ids() == people
    assert len(DuplicateService(office).candidates()) == len(before)


def test_a_duplicate_registered_elsewhere_shows_without_checking_again(qtbot, page, office):
    before = len(page.pairs())
    page.select_row(popal_row(page))
    wait_idle(qtbot, page)
    chosen = page.current()
    registration = RegistrationService(office)
    case = registration.create_case(CaseInput(destination_country="ISL"))
    registration.add_person(
        case,
        PersonInput(
            relationship="principal",
            given_name="Zarghunah",
            family_name="Popal",
            father_name="Sher Agha",
            sex="F",
            date_of_birth=date(1985, 6, 1),
            dob_precision="month",
        ),
    )
    qtbot.waitUntil(lambda: len(page.pairs()) > before, timeout=WAIT_MS)
    wait_idle(qtbot, page)
    current = page.current()
    assert current is not None and chosen is not None  # the pair compared stays chosen
    assert (current.first.id, current.second.id) == (chosen.first.id, chosen.second.id)
    assert page.comparison.detail is not None


def test_merge_dialog_plan_keeps_right_and_takes_left_values(qtbot, page):
    page.select_row(popal_row(page))
    wait_idle(qtbot, page)
    detail = page.comparison.detail
    assert detail is not None
    dialog = MergeDialog(detail, page)
    qtbot.addWidget(dialog)
    assert dialog.plan().take_from_drop == ()
    dialog.keep_right.setChecked(True)
    # every choice still on "left": the values of the record that goes are taken
    plan = dialog.plan()
    assert plan.keep_id == detail.right.member.id
    assert "given_name" in plan.take_from_drop and "phone" in plan.take_from_drop
    dialog.choose("phone", "right")
    assert "phone" not in dialog.plan().take_from_drop
    assert dialog.plan().cases is None


# -- import -----------------------------------------------------------------------------------

HEADER = "case_ref,relationship,given_name,family_name,sex,date_of_birth\n"
GOOD = (
    "T1,principal,Spozhmai,Wardak,F,1979-04-02\n"
    "T1,son,Mirwais,Wardak,M,2008-11-20\n"
    "T2,principal,Gulalai,Mangal,F,1990\n"
)
BAD = "T3,principal,Torpekai,Safi,F,not a date\nT3,daughter,Malalai,Safi,F,2015-02-02\n"


def write_csv(tmp_path: Path, body: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def open_dialog(qtbot, page: DuplicatesPage, monkeypatch, path: Path) -> ImportDialog:
    monkeypatch.setattr(import_dialog, "choose_file", lambda parent: path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page._import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(
        lambda: not operations.is_busy(dialog) and bool(dialog.mapping()), timeout=WAIT_MS
    )
    return dialog


def to_preview(qtbot, dialog: ImportDialog) -> None:
    assert dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == ImportDialog.PREVIEW
    qtbot.waitUntil(
        lambda: not operations.is_busy(dialog) and dialog.report is not None, timeout=WAIT_MS
    )


def test_import_maps_previews_and_imports(qtbot, page, office, monkeypatch, tmp_path):
    registry = RegistryService(office)
    before = len(registry.person_ids())
    dialog = open_dialog(qtbot, page, monkeypatch, write_csv(tmp_path, GOOD))
    assert dialog.mapping()["given_name"] == "given_name"
    assert "Every required field" in dialog.mapping_step.missing_label.text()

    # a required field without a column blocks the preview
    dialog.set_mapping("sex", None)
    assert not dialog.next_button.isEnabled()
    assert "Sex" in dialog.mapping_step.missing_label.text()
    dialog.set_mapping("sex", "sex")

    to_preview(qtbot, dialog)
    report = dialog.report
    assert report is not None and report.dry_run
    assert (report.rows_read, report.households, report.persons) == (3, 2, 3)
    assert "<b>2</b> household(s)" in dialog.preview_step.summary_label.text()
    assert dialog.preview_step.problems_table.rowCount() == 0
    assert len(registry.person_ids()) == before  # a preview writes nothing
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == ImportDialog.MAPPING
    to_preview(qtbot, dialog)

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == ImportDialog.IMPORTING
    qtbot.waitUntil(lambda: dialog.step() == ImportDialog.DONE, timeout=WAIT_MS)
    assert "Import finished" in dialog.done_step.done_label.text()
    assert dialog.import_step.progress.value() == dialog.import_step.progress.maximum()
    assert len(registry.person_ids()) == before + 3
    names = {p.given_name for p in registry.persons(registry.person_ids())}
    assert {"Spozhmai", "Mirwais", "Gulalai"} <= names
    wait_idle(qtbot, page)  # the import's change notice reloads the page
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    # the mapping was remembered for files with these headers
    assert ImportService(office).mapping_for(tmp_path / "list.csv") == dialog.mapping()


def test_a_bad_row_blocks_the_import_unless_skipped(qtbot, page, office, monkeypatch, tmp_path):
    registry = RegistryService(office)
    before = set(registry.person_ids())
    dialog = open_dialog(qtbot, page, monkeypatch, write_csv(tmp_path, GOOD + BAD))
    to_preview(qtbot, dialog)
    # the bad date, and the daughter of that principal (households stay whole)
    assert dialog.preview_step.problems_table.rowCount() == 2
    assert dialog.preview_step.problems_table.item(0, 0).text() == "5"
    assert dialog.preview_step.problems_table.item(0, 1).text() == "date_of_birth"
    assert "not a date" in dialog.preview_step.problems_table.item(0, 2).text()
    assert dialog.preview_step.problems_table.item(1, 0).text() == "6"
    assert "Nothing will be imported" in dialog.preview_step.summary_label.text()
    assert not dialog.next_button.isEnabled()
    dialog.next_step()  # refused while there are problems
    assert dialog.step() == ImportDialog.PREVIEW

    dialog.preview_step.skip_invalid.setChecked(True)
    qtbot.waitUntil(
        lambda: not operations.is_busy(dialog) and dialog.report is not None, timeout=WAIT_MS
    )
    assert dialog.report is not None and dialog.report.persons == 3
    assert "Left out: 2 row(s)" in dialog.preview_step.summary_label.text()
    assert dialog.next_button.isEnabled()
    dialog.next_step()
    qtbot.waitUntil(lambda: dialog.step() == ImportDialog.DONE, timeout=WAIT_MS)
    assert "Import finished" in dialog.done_step.done_label.text()
    assert "rows 5, 6" in dialog.done_step.done_label.text()
    added = set(registry.person_ids()) - before
    names = {p.given_name for p in registry.persons(sorted(added))}
    assert names == {"Spozhmai", "Mirwais", "Gulalai"}  # the Safi family is left out whole
    wait_idle(qtbot, page)


def test_import_flags_duplicates_in_the_preview(qtbot, page, monkeypatch, tmp_path):
    body = GOOD + "T4,principal,Spozhmai,Wardak,F,1979-04-02\n"
    dialog = open_dialog(qtbot, page, monkeypatch, write_csv(tmp_path, body))
    to_preview(qtbot, dialog)
    table = dialog.preview_step.duplicates_table
    assert table.isVisibleTo(dialog) and table.rowCount() >= 1
    pairs = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert ("2", "row 5 of this file") in pairs or ("5", "row 2 of this file") in pairs


def test_stopping_the_import_leaves_nothing(qtbot, page, office, monkeypatch, tmp_path):
    registry = RegistryService(office)
    before = len(registry.person_ids())
    dialog = open_dialog(qtbot, page, monkeypatch, write_csv(tmp_path, GOOD))
    to_preview(qtbot, dialog)

    # hold the import until the clerk has pressed "Stop import"
    service = dialog._service
    original = service.run
    pressed = threading.Event()

    def held(*args, **kwargs):
        if not kwargs.get("dry_run"):
            assert pressed.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(service, "run", held)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == ImportDialog.IMPORTING
    assert dialog.cancel_button.text() == "Stop import"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.cancel_button.isEnabled()
    pressed.set()
    qtbot.waitUntil(lambda: dialog.step() == ImportDialog.DONE, timeout=WAIT_MS)
    assert "nothing was imported" in dialog.done_step.done_label.text()
    assert len(registry.person_ids()) == before
    wait_idle(qtbot, page)


def test_a_newer_preview_replaces_one_still_running(qtbot, page, monkeypatch, tmp_path):
    dialog = open_dialog(qtbot, page, monkeypatch, write_csv(tmp_path, GOOD + BAD))
    service = dialog._service
    original = service.run
    release = threading.Event()

    def held(*args, **kwargs):
        if not kwargs.get("skip_invalid"):
            assert release.wait(10)  # the first preview, without skipping, is slow
        return original(*args, **kwargs)

    monkeypatch.setattr(service, "run", held)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    dialog.preview_step.skip_invalid.setChecked(True)  # a second preview, while the first runs
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT_MS)
    assert dialog.report is not None and dialog.report.persons == 3
    release.set()  # the older answer arrives last, and is dropped
    qtbot.waitUntil(lambda: not operations.is_busy(dialog), timeout=WAIT_MS)
    assert dialog.report.persons == 3
    assert "Left out: 2 row(s)" in dialog.preview_step.summary_label.text()
    assert dialog.next_button.isEnabled()
    dialog.reject()


def test_an_unreadable_file_is_a_message(qtbot, page, monkeypatch, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    monkeypatch.setattr(import_dialog, "choose_file", lambda parent: path)
    page.open_import()
    dialog = page._import_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not operations.is_busy(dialog), timeout=WAIT_MS)
    assert dialog.message.isVisible() or dialog.message.text()
    assert not dialog.next_button.isEnabled()


def test_no_file_chosen_opens_nothing(qtbot, page, monkeypatch):
    monkeypatch.setattr(import_dialog, "choose_file", lambda parent: None)
    page.open_import()
    assert page._import_dialog is None


# -- wiring -------------------------------------------------------------------------------------


def test_the_app_offers_the_page_to_registry_writers_only(qtbot, make_desk, template_dir, tmp_path):
    for user, expected in (("admin", True), ("viewer", False)):
        directory = tmp_path / user
        shutil.copytree(template_dir, directory)
        desk = make_desk(directory)
        assert desk.start()
        window = desk.unlock_window
        window.user_edit.setText(user)
        window.password_edit.setText(USER_PASSWORD)
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda desk=desk: desk.main_window is not None, timeout=WAIT_MS)
        keys = [p.key for p in desk.main_window.pages]
        assert ("duplicates" in keys) is expected
        if expected:
            desk.main_window.show_page("duplicates")
            page = desk.main_window.page("duplicates")
            assert isinstance(page, DuplicatesPage) and page.import_button.isVisibleTo(page)
            wait_idle(qtbot, page)
            assert len(page.pairs()) >= 2
