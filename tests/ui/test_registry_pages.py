"""Cases and People pages: lazy lists, filters, search as you type in both scripts."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QTableView

from desktop.services.changes import Change, Kind
from desktop.services.demo.office import create_demo_office
from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.services.registry.household_types import CaseInput, PersonInput
from desktop.services.registry.lists import CaseSummary, PersonRow, RegistryService
from desktop.services.registry.registration import RegistrationService
from desktop.services.registry.search import SearchHit, SearchService
from desktop.ui.kit import operations
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.tables import Column, IdRole, LazyRowsModel, RecordRole, RightToLeftDelegate
from desktop.ui.registry.cases_page import CasesPage
from desktop.ui.registry.models import (
    PERSON_COLUMNS,
    cases_model,
    date_of_birth,
    hits_model,
    join_hits,
    people_model,
)
from desktop.ui.registry.people_page import PeoplePage
from tests.conftest import CHEAP_KDF, USER_PASSWORD

HOUSEHOLDS = 15
WAIT_MS = 10_000
NATIVE = next(i for i, c in enumerate(PERSON_COLUMNS) if c.rtl)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo office with fictional households plus one fictional family we search for."""
    mp = pytest.MonkeyPatch()
    mp.setattr(auth, "kdf_params", lambda: CHEAP_KDF)
    try:
        directory = tmp_path_factory.mktemp("registry") / "office"
        create_demo_office(
            directory, USER_PASSWORD, HOUSEHOLDS, seed=1, reference_date=date(2026, 3, 1)
        )
        office = auth.unlock(directory, "admin", USER_PASSWORD)
        try:
            registration = RegistrationService(office)
            case = registration.create_case(
                CaseInput(destination_country="ISL", programme="Test", family_language="Pashto")
            )
            registration.add_person(
                case,
                PersonInput(
                    relationship="principal",
                    given_name="Nangialai",
                    family_name="Tokhi",
                    father_name="Gul Ahmad",
                    native_name="ننگیالی توخی",
                    sex="M",
                    date_of_birth=date(1988, 1, 1),
                    dob_precision="year",
                ),
            )
            registration.add_person(
                case,
                PersonInput(
                    relationship="spouse",
                    given_name="Palwasha",
                    family_name="Tokhi",
                    father_name="Wali",
                    native_name="پلوشه توخی",
                    sex="F",
                    date_of_birth=date(1991, 5, 1),
                    dob_precision="month",
                    specific_needs=True,
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
def demo_office(qtbot, demo_dir: Path) -> Iterator[UnlockedOffice]:
    opened = auth.unlock(demo_dir, "admin", USER_PASSWORD)
    yield opened
    # background work of the pages ends before the office closes under it
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    opened.close()


@pytest.fixture
def registry(demo_office: UnlockedOffice) -> RegistryService:
    return RegistryService(demo_office)


@pytest.fixture
def tokhi(registry: RegistryService) -> dict[str, str]:
    """given name -> person id of the Tokhi family."""
    rows = registry.persons(registry.person_ids())
    return {p.given_name: p.id for p in rows if p.family_name == "Tokhi"}


@pytest.fixture
def cases_page(qtbot, registry: RegistryService) -> CasesPage:
    page = CasesPage(registry)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    return page


def make_people_page(qtbot, registry: RegistryService, search: object) -> PeoplePage:
    page = PeoplePage(registry, search)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    return page


@pytest.fixture
def people_page(qtbot, registry: RegistryService, demo_office: UnlockedOffice) -> PeoplePage:
    return make_people_page(qtbot, registry, SearchService(demo_office))


def wait_for_results(qtbot, page: PeoplePage) -> list[str]:
    qtbot.waitUntil(lambda: page.searching() and not operations.is_busy(page), timeout=WAIT_MS)
    model = page.results_model
    return [model.record(r).person_id for r in range(model.rowCount())]


# -- cases ---------------------------------------------------------------------------------


def test_cases_page_lists_every_case_and_filters_by_destination(qtbot, cases_page, registry):
    total = len(registry.case_ids())
    assert total == HOUSEHOLDS + 1
    assert cases_page.model.rowCount() == total
    assert cases_page.count_label.text() == f"{total} cases"
    first = cases_page.model.record(0)
    assert isinstance(first, CaseSummary)
    assert first.case_number.startswith("DEMO-")

    destinations = [
        cases_page.filters.boxes["destination_country"].itemData(i)
        for i in range(cases_page.filters.boxes["destination_country"].count())
    ]
    assert destinations[0] is None and "ISL" in destinations and "CAN" in destinations

    cases_page.filters.select("destination_country", "ISL")
    assert operations.is_busy(cases_page)
    qtbot.waitUntil(lambda: cases_page.count_label.text() == "1 case", timeout=WAIT_MS)
    assert cases_page.model.rowCount() == 1
    iceland = cases_page.model.record(0)
    assert iceland is not None
    assert (iceland.destination_country, iceland.members) == ("ISL", 2)
    index = cases_page.model.index(0, 2)
    assert cases_page.model.data(index) == "2"

    cases_page.filters.select("destination_country", None)
    cases_page.filters.select("specific_needs", True)
    qtbot.waitUntil(lambda: not operations.is_busy(cases_page), timeout=WAIT_MS)
    with_needs = cases_page.model.rowCount()
    assert 1 <= with_needs < total
    assert with_needs == len(registry.case_ids(cases_page.filters.current()))


def test_only_the_newest_case_load_is_shown(qtbot, cases_page, registry):
    cases_page.filters.select("destination_country", "ISL")
    cases_page.filters.select("destination_country", "CAN")  # before the first answer
    qtbot.waitUntil(lambda: not operations.is_busy(cases_page), timeout=WAIT_MS)
    canada = registry.case_ids(cases_page.filters.current())
    assert cases_page.model.ids() == canada
    assert all(
        (c := cases_page.model.record(r)) is not None and c.destination_country == "CAN"
        for r in range(cases_page.model.rowCount())
    )


# -- people ----------------------------------------------------------------------------------


def test_people_page_lists_everyone_when_the_box_is_empty(people_page, registry, tokhi):
    everyone = registry.person_ids()
    assert not people_page.searching()
    assert people_page.list_model.rowCount() == len(everyone)
    assert people_page.count_label.text() == f"{len(everyone)} people"
    row = people_page.list_model.ids().index(tokhi["Nangialai"])
    person = people_page.list_model.record(row)
    assert isinstance(person, PersonRow)
    model = people_page.list_model
    cells = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert cells[1:9] == [
        "Nangialai",
        "Tokhi",
        "Gul Ahmad",
        "ننگیالی توخی",
        "M",
        "1988",  # only the year is known
        "Principal",
        "No",
    ]
    spouse = model.ids().index(tokhi["Palwasha"])
    assert model.data(model.index(spouse, 6)) == "1991-05"
    assert model.data(model.index(spouse, 8)) == "Yes"


def test_native_names_are_right_aligned_and_laid_out_right_to_left(people_page):
    model = people_page.list_model
    alignment = Qt.AlignmentFlag(
        model.data(model.index(0, NATIVE), Qt.ItemDataRole.TextAlignmentRole)
    )
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert alignment & Qt.AlignmentFlag.AlignAbsolute  # stays right in any layout
    for table in (people_page.list_table, people_page.results_table):
        assert isinstance(table.itemDelegateForColumn(NATIVE), RightToLeftDelegate)
        assert not isinstance(table.itemDelegateForColumn(1), RightToLeftDelegate)


def test_search_finds_a_latin_spelling_variant(qtbot, people_page, tokhi):
    people_page.search.setText("Nangyalay Tokhee")
    found = wait_for_results(qtbot, people_page)
    assert found[0] == tokhi["Nangialai"]
    assert people_page.last_search_ms is not None
    top = people_page.results_model.record(0)
    assert top.person is not None and top.person.dob_precision == "year"
    model = people_page.results_model
    assert model.data(model.index(0, 6)) == "1988"
    assert model.data(model.index(0, model.columnCount() - 1)) == f"{top.hit.score:.0f}"


def test_search_finds_a_name_in_dari_script(qtbot, people_page, tokhi):
    people_page.search.setText("پلوشه توخی")  # setText: keyClicks aborts on non-Latin text
    found = wait_for_results(qtbot, people_page)
    assert found[0] == tokhi["Palwasha"]
    assert people_page.count_label.text().endswith(("match", "matches"))
    model = people_page.results_model
    assert model.data(model.index(0, NATIVE)) == "پلوشه توخی"


def test_clearing_the_box_shows_the_whole_list_again(qtbot, people_page):
    people_page.search.setText("Tokhi")
    wait_for_results(qtbot, people_page)
    people_page.search.setText("")
    assert not people_page.searching()
    assert people_page.count_label.text().endswith("people")


def test_search_respects_the_filters(qtbot, people_page, tokhi):
    people_page.filters.select("specific_needs", True)
    qtbot.waitUntil(lambda: not operations.is_busy(people_page), timeout=WAIT_MS)
    people_page.search.setText("Tokhi")
    found = wait_for_results(qtbot, people_page)
    # in the person list the filter is each person's own flag: only Palwasha has needs
    assert tokhi["Palwasha"] in found and tokhi["Nangialai"] not in found
    people_page.filters.select("specific_needs", False)
    qtbot.waitUntil(lambda: not operations.is_busy(people_page), timeout=WAIT_MS)
    found = wait_for_results(qtbot, people_page)
    assert tokhi["Nangialai"] in found and tokhi["Palwasha"] not in found


class CountingSearch:
    """The real search, counting calls; one query can be made slow."""

    def __init__(self, real: SearchService, slow: str = "") -> None:
        self._real = real
        self.slow = slow
        self.queries: list[str] = []
        self.release = threading.Event()

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        self.queries.append(query)
        if query == self.slow:
            self.release.wait(timeout=10)
        return self._real.search(query, limit)

    def ensure_index(self) -> int:
        return self._real.ensure_index()

    def forget_vocabulary(self) -> None:
        self._real.forget_vocabulary()


def test_typing_fast_searches_once(qtbot, registry, demo_office, tokhi):
    search = CountingSearch(SearchService(demo_office))
    page = make_people_page(qtbot, registry, search)
    for typed in ("N", "Na", "Nan", "Nang", "Nangialai"):
        page.search.setText(typed)
    found = wait_for_results(qtbot, page)
    assert search.queries == ["Nangialai"]
    assert found[0] == tokhi["Nangialai"]


def test_stale_results_are_dropped(qtbot, registry, demo_office, tokhi):
    search = CountingSearch(SearchService(demo_office), slow="Nangialai")
    page = make_people_page(qtbot, registry, search)
    page.search.setText("Nangialai")
    page.search_now()  # the first search is on its way, and slow
    page.search.setText("پلوشه")
    page.search_now()
    qtbot.waitUntil(lambda: page.results_model.rowCount() > 0, timeout=WAIT_MS)
    search.release.set()  # now the older answer arrives, after the newer one
    qtbot.waitUntil(
        lambda: page.stale_dropped == 1 and not operations.is_busy(page), timeout=WAIT_MS
    )
    found = [page.results_model.record(r).person_id for r in range(page.results_model.rowCount())]
    assert found[0] == tokhi["Palwasha"]
    assert tokhi["Nangialai"] not in found
    assert search.queries == ["Nangialai", "پلوشه"]


def test_search_box_has_focus_when_shown_and_ctrl_f_returns_to_it(qtbot, people_page):
    people_page.show()
    qtbot.waitExposed(people_page)
    people_page.activateWindow()
    qtbot.waitUntil(people_page.search.hasFocus)
    people_page.list_table.setFocus()
    assert not people_page.search.hasFocus()
    qtbot.keyClick(people_page.list_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert people_page.search.hasFocus()


def test_search_index_is_checked_once_when_the_page_is_first_shown(qtbot, registry, demo_office):
    search = CountingSearch(SearchService(demo_office))
    calls: list[int] = []
    real = search.ensure_index
    search.ensure_index = lambda: calls.append(1) or real()  # type: ignore[method-assign]
    page = make_people_page(qtbot, registry, search)
    page.refresh()
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    assert calls == [1]


def test_pages_come_after_overview_for_registry_readers(qtbot, demo_dir, demo_office):
    from desktop.ui.pages import pages_for
    from tests.ui.helpers import ui_context

    pages = pages_for(ui_context(demo_office))
    for page in pages:
        qtbot.addWidget(page)
    assert [p.key for p in pages][:3] == ["overview", "cases", "people"]
    assert [(p.title, p.icon) for p in pages[1:3]] == [
        ("Cases", "fa6s.people-roof"),
        ("People", "fa6s.magnifying-glass"),
    ]


# -- reloading on change notices ------------------------------------------------------------


@pytest.fixture
def own_office(qtbot, demo_dir: Path, tmp_path: Path) -> Iterator[UnlockedOffice]:
    """A copy of the demo office that this test may write to, and its change notices."""
    directory = tmp_path / "office"
    shutil.copytree(demo_dir, directory)
    opened = auth.unlock(directory, "admin", USER_PASSWORD)
    yield opened
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    opened.close()


@pytest.fixture
def notices(own_office: UnlockedOffice) -> Iterator[ChangeNotices]:
    made = ChangeNotices(own_office.changes)
    yield made
    made.close()


def _newcomer(given: str) -> PersonInput:
    return PersonInput(
        relationship="son",
        given_name=given,
        family_name="Tokhi",
        sex="M",
        date_of_birth=date(2015, 1, 1),
        dob_precision="year",
    )


def test_a_shown_case_list_reloads_on_a_change_elsewhere_and_keeps_its_place(
    qtbot, own_office, notices
):
    registry = RegistryService(own_office)
    page = CasesPage(registry)
    qtbot.addWidget(page)
    notices.changed.connect(page.on_change)
    page.resize(900, 320)  # a few rows in view: the list scrolls
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    iceland = next(
        c.id for c in registry.cases(registry.case_ids()) if c.destination_country == "ISL"
    )
    row = page.model.ids().index(iceland)
    page.table.scrollToBottom()
    page.table.selectRow(row)
    scrolled = page.table.verticalScrollBar().value()
    assert scrolled > 0
    registration = RegistrationService(own_office)

    # a new member: the same ids, so the rows are read again without a reset
    with (
        qtbot.assertNotEmitted(page.model.modelReset),
        qtbot.waitSignal(page.model.dataChanged, timeout=WAIT_MS),
    ):
        registration.add_person(iceland, _newcomer("Mirwais"))
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    summary = page.model.record(row)
    assert summary is not None and summary.members == 3

    # a new household: other ids, the same household stays selected, the list where it was
    before = page.model.rowCount()
    registration.create_case(CaseInput(destination_country="NOR"))
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=WAIT_MS)
    assert page.count_label.text() == f"{before + 1} cases"
    current = page.table.currentIndex()
    assert current.isValid() and page.model.id_at(current.row()) == iceland
    assert [page.model.id_at(i.row()) for i in page.table.selectionModel().selectedRows()] == [
        iceland
    ]
    assert page.table.verticalScrollBar().value() == scrolled

    # a hidden page waits until it is shown again
    page.hide()
    with qtbot.assertNotEmitted(page.model.modelReset, wait=300):
        registration.create_case(CaseInput(destination_country="NOR"))
    assert not operations.is_busy(page)


def test_a_person_added_elsewhere_appears_in_the_people_list(qtbot, own_office, notices):
    registry = RegistryService(own_office)
    page = make_people_page(qtbot, registry, SearchService(own_office))
    notices.changed.connect(page.on_change)
    page.show()
    case_id = registry.case_ids()[0]
    added = RegistrationService(own_office).add_person(case_id, _newcomer("Ahmad Shah"))
    qtbot.waitUntil(lambda: added in page.list_model.ids(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    assert page.count_label.text() == f"{len(registry.person_ids())} people"


def test_the_people_page_searches_again_only_when_what_it_searches_changed(
    qtbot, registry, demo_office, tokhi
):
    search = CountingSearch(SearchService(demo_office))
    page = make_people_page(qtbot, registry, search)
    page.show()
    page.search.setText("Tokhi")
    found = wait_for_results(qtbot, page)
    assert search.queries == ["Tokhi"]
    second = found.index(tokhi["Palwasha"])
    page.results_table.selectRow(second)

    # something the page does not show: nothing runs
    page.on_change(Change(frozenset({Kind.APPOINTMENT}), case_ids=frozenset({"any"})))
    assert not operations.is_busy(page)
    # a household changed: the list is read again, the hits are not searched again
    page.on_change(Change(frozenset({Kind.CASE})))
    assert operations.is_busy(page)
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    assert search.queries == ["Tokhi"]
    # a person changed: the search runs again and the same person stays selected
    page.on_change(Change(frozenset({Kind.PERSON})))
    qtbot.waitUntil(lambda: not operations.is_busy(page), timeout=WAIT_MS)
    assert search.queries == ["Tokhi", "Tokhi"]
    selected = page.results_table.selectionModel().selectedRows()
    assert [page.results_model.record(i.row()).person_id for i in selected] == [tokhi["Palwasha"]]
    # hidden: it reloads when shown next
    page.hide()
    page.on_change(Change(frozenset({Kind.PERSON})))
    assert not operations.is_busy(page)


# -- models -------------------------------------------------------------------------------------


def test_models_pass_qtmodeltester(qtmodeltester, registry, demo_office):
    cases = cases_model(registry.cases)
    cases.set_ids(registry.case_ids())
    qtmodeltester.check(cases)
    people = people_model(registry.persons)
    people.set_ids(registry.person_ids())
    qtmodeltester.check(people)
    hits = hits_model()
    found = SearchService(demo_office).search("Tokhi")
    hits.set_rows(join_hits(found, registry.persons([h.person_id for h in found])))
    assert hits.rowCount() >= 2
    qtmodeltester.check(hits)
    empty = people_model(registry.persons)
    qtmodeltester.check(empty)


def fake_model(count: int = 10_000) -> tuple[LazyRowsModel[tuple[str, str]], list[list[str]]]:
    asked: list[list[str]] = []

    def loader(ids: list[str]) -> list[tuple[str, str]]:
        asked.append(list(ids))
        return [(i, f"name {i}") for i in ids if i != "id-00013"]  # one row is gone

    columns = [Column("Id", lambda r: r[0]), Column("Name", lambda r: r[1])]
    model = LazyRowsModel(columns, loader, lambda r: r[0])
    model.set_ids([f"id-{n:05d}" for n in range(count)])
    return model, asked


def test_lazy_model_loads_only_the_pages_asked_for():
    model, asked = fake_model()
    assert model.rowCount() == 10_000 and asked == []
    assert model.data(model.index(9_999, 0), IdRole) == "id-09999"
    assert model.data(model.index(9_999, 0), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert asked == [], "ids and alignment need no rows"

    assert model.data(model.index(5, 1)) == "name id-00005"
    assert asked == [[f"id-{n:05d}" for n in range(200)]]
    assert model.data(model.index(199, 0)) == "id-00199"
    assert model.data(model.index(13, 1)) is None  # gone: empty, and not asked again
    assert len(asked) == 1

    assert model.data(model.index(5_000, 0)) == "id-05000"
    assert asked[-1][0] == "id-05000" and len(asked[-1]) == 200
    assert len(asked) == 2
    assert isinstance(model.data(model.index(5_001, 0), RecordRole), tuple)
    assert len(asked) == 2


def test_lazy_model_cache_is_bounded_and_least_recently_shown_go_first():
    model, asked = fake_model()
    model.data(model.index(0, 0))
    for page in range(1, 30):  # 30 pages of 200 = 6,000 rows, more than the cache
        model.data(model.index(page * 200, 0))
        model.data(model.index(0, 0))  # row 0 is looked at all the time: it stays
    assert model.cached_count() <= 5_000
    calls = len(asked)
    model.data(model.index(0, 0))
    assert len(asked) == calls
    model.data(model.index(200, 0))  # page 1 was shown long ago: evicted, asked again
    assert len(asked) == calls + 1
    model.set_ids(["a", "b"])
    assert model.cached_count() == 0 and model.rowCount() == 2


def test_the_same_ids_again_reload_rows_without_a_reset(qtbot):
    model, asked = fake_model(1_000)
    model.data(model.index(0, 0))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_ids(model.ids())
    assert model.cached_count() == 0
    model.data(model.index(0, 0))
    assert len(asked) == 2, "the rows are read again: they may have changed"
    with qtbot.waitSignal(model.modelReset):
        model.set_ids(model.ids()[:10])


def test_a_view_over_the_lazy_model_loads_only_what_it_shows(qtbot):
    model, asked = fake_model()
    view = QTableView()
    qtbot.addWidget(view)
    view.horizontalHeader().setResizeContentsPrecision(60)
    view.setModel(model)
    view.resize(500, 400)
    view.show()
    qtbot.waitExposed(view)
    view.resizeColumnsToContents()
    assert len(asked) == 1
    view.scrollToBottom()
    qtbot.waitUntil(lambda: len(asked) == 2)
    view.repaint()
    assert len(asked) == 2, "one page at the bottom, nothing in between"
    assert asked[-1][-1] == "id-09999"


def test_lazy_model_reports_a_failed_page_once(qtbot):
    from desktop.errors import OfficeClosed

    calls: list[int] = []

    def loader(ids: list[str]) -> list[tuple[str, str]]:
        calls.append(1)
        raise OfficeClosed("The office is locked. Unlock it again to continue.")

    model = LazyRowsModel([Column("Id", lambda r: r[0])], loader, lambda r: r[0])
    model.set_ids(["x", "y"])
    with qtbot.waitSignal(model.load_failed) as signal:
        assert model.data(model.index(0, 0)) is None
    assert signal.args == ["The office is locked. Unlock it again to continue."]
    assert model.data(model.index(1, 0)) is None
    assert calls == [1]


@pytest.mark.parametrize(
    ("precision", "shown"),
    [("exact", "1990-03-14"), ("month", "1990-03"), ("year", "1990"), ("estimated", "~1990")],
)
def test_dates_of_birth_show_what_is_known(precision, shown):
    assert date_of_birth(date(1990, 3, 14), precision) == shown
    assert date_of_birth(None, precision) == ""
