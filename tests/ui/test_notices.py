"""Change notices reach the GUI thread once per turn of the event loop; pages that show
what changed reload, hidden ones wait until they are shown."""

from __future__ import annotations

import threading

from desktop.services.changes import Change, ChangeFeed, Kind
from desktop.ui.kit.notices import ChangeNotices
from desktop.ui.kit.page import Page

WAIT_MS = 5_000


def _change(kind: Kind, case_id: str = "c1") -> Change:
    return Change(frozenset({kind}), frozenset({"row"}), frozenset({case_id}))


def test_changes_of_one_turn_arrive_merged_on_the_gui_thread(qtbot) -> None:
    feed = ChangeFeed()
    notices = ChangeNotices(feed)
    heard: list[tuple[Change, bool]] = []
    gui = threading.get_ident()
    notices.changed.connect(lambda c: heard.append((c, threading.get_ident() == gui)))
    worker = threading.Thread(
        target=lambda: [feed.publish(_change(Kind.CASE)), feed.publish(_change(Kind.MEDICAL, "c2"))]
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)
    qtbot.wait(20)
    [(change, on_gui)] = heard
    assert on_gui
    assert change.kinds == {Kind.CASE, Kind.MEDICAL}
    assert change.case_ids == {"c1", "c2"}


def test_closed_notices_hear_nothing_more(qtbot) -> None:
    feed = ChangeFeed()
    notices = ChangeNotices(feed)
    heard: list[Change] = []
    notices.changed.connect(heard.append)
    notices.close()
    feed.publish(_change(Kind.CASE))
    qtbot.wait(20)
    assert heard == [] and not feed.listened


class _Page(Page):
    watches = frozenset({Kind.APPOINTMENT})

    def __init__(self) -> None:
        super().__init__()
        self.reloads = 0

    def refresh(self) -> None:
        self.reloads += 1


def test_a_page_reloads_only_what_it_shows_and_only_while_shown(qtbot) -> None:
    page = _Page()
    qtbot.addWidget(page)
    page.on_change(_change(Kind.APPOINTMENT))
    assert page.reloads == 0  # hidden: it reloads when it is shown
    page.show()
    page.on_change(_change(Kind.MEDICAL))
    assert page.reloads == 0  # not what it shows
    page.on_change(_change(Kind.APPOINTMENT))
    assert page.reloads == 1
