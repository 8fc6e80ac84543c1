"""Background operations: owner, newer request wins, progress, cancel, errors, one writer."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.errors import InvalidInput, KnownError
from desktop.services.progress import Cancelled, Progress
from desktop.ui.kit import operations
from desktop.ui.kit.operations import QueryOp, WriteOp

WAIT_MS = 5_000


@pytest.fixture
def owner(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)


def test_the_result_arrives_on_the_gui_thread(qtbot, owner) -> None:
    seen: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    QueryOp(owner, lambda: threading.get_ident()).success(
        lambda worker: seen.append((worker, threading.get_ident() == gui))
    ).run()
    _settle(qtbot)
    [(worker, on_gui)] = seen
    assert worker != gui and on_gui


def test_a_newer_request_of_the_same_slot_wins(qtbot, owner) -> None:
    release = threading.Event()
    seen: list[str] = []
    old = QueryOp(owner, lambda: release.wait(5) and "old").replacing("load")
    old.success(seen.append).run()
    QueryOp(owner, lambda: "new").replacing("load").success(seen.append).run()
    qtbot.waitUntil(lambda: seen == ["new"], timeout=WAIT_MS)
    assert old.progress.cancelled  # the older work was asked to stop
    release.set()
    _settle(qtbot)
    assert seen == ["new"]  # the older result is dropped


def test_an_abandoned_owner_gets_nothing_and_starts_nothing(qtbot, owner) -> None:
    release = threading.Event()
    seen: list[object] = []
    dropped: list[object] = []
    QueryOp(owner, lambda: release.wait(5) and "late").success(seen.append).on_dropped(
        dropped.append
    ).run()
    operations.abandon(owner)
    release.set()
    _settle(qtbot)
    assert seen == [] and dropped == ["late"]
    QueryOp(owner, lambda: "again").success(seen.append).run()
    _settle(qtbot)
    assert seen == []


def test_a_destroyed_owner_is_left_alone(qtbot) -> None:
    owner = QWidget()
    release = threading.Event()
    seen: list[object] = []
    QueryOp(owner, lambda: release.wait(5) and 1).success(seen.append).run()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=WAIT_MS)
    release.set()
    _settle(qtbot)
    assert seen == []


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_progress_reaches_the_gui_and_cancel_stops_the_work(qtbot, owner) -> None:
    reports: list[tuple[int, int, str]] = []
    stopped: list[bool] = []
    started = threading.Event()

    def work(progress: Progress) -> str:
        for step in range(1, 1000):
            progress.report(step, 1000, "Counting")
            started.set()
            progress.check()
            time.sleep(0.005)
        return "finished"

    op = WriteOp(owner, work).with_progress(lambda *r: reports.append(r))
    op.on_cancel(lambda: stopped.append(True)).success(lambda _r: stopped.append(False)).run()
    assert started.wait(5)
    qtbot.waitUntil(lambda: bool(reports), timeout=WAIT_MS)
    op.cancel()
    _settle(qtbot)
    assert stopped == [True]
    assert reports[0][1:] == (1000, "Counting")


def test_known_errors_go_to_the_failure_callback(qtbot, owner) -> None:
    errors: list[KnownError] = []

    def refuse() -> None:
        raise InvalidInput("Choose a place.")

    QueryOp(owner, refuse).failure(errors.append).run()
    _settle(qtbot)
    assert [e.message for e in errors] == ["Choose a place."]


def test_a_bug_goes_to_the_crash_path_and_the_owner_leaves_its_busy_state(
    qtbot, owner, monkeypatch
) -> None:
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, exc, tb: hooked.append(kind))
    errors: list[KnownError] = []

    def broken() -> None:
        raise ZeroDivisionError("a person's name would be here")

    QueryOp(owner, broken).failure(errors.append).run()
    assert operations.is_busy(owner)
    assert owner.cursor().shape() == Qt.CursorShape.BusyCursor
    _settle(qtbot)
    assert hooked == [ZeroDivisionError]
    assert [e.message for e in errors] == [operations.BUG_MESSAGE]
    assert not operations.is_busy(owner)
    assert owner.cursor().shape() != Qt.CursorShape.BusyCursor


def test_writes_run_one_at_a_time_in_order(qtbot, owner) -> None:
    active: list[int] = []
    overlap: list[bool] = []
    order: list[int] = []

    def write(number: int) -> int:
        active.append(number)
        overlap.append(len(active) > 1)
        time.sleep(0.05)
        active.remove(number)
        order.append(number)
        return number

    for number in range(4):
        WriteOp(owner, lambda n=number: write(n)).run()
    _settle(qtbot)
    assert not any(overlap)
    assert order == [0, 1, 2, 3]


def test_a_quiet_operation_shows_no_busy_cursor(qtbot, owner) -> None:
    release = threading.Event()
    QueryOp(owner, lambda: release.wait(5)).quiet().run()
    assert operations.is_busy(owner)
    assert owner.cursor().shape() != Qt.CursorShape.BusyCursor
    release.set()
    _settle(qtbot)


def test_a_cancelled_write_without_a_cancel_callback_reports_why(qtbot, owner) -> None:
    errors: list[KnownError] = []

    def work(progress: Progress) -> None:
        progress.cancel()
        progress.check()

    WriteOp(owner, work).with_progress().failure(errors.append).run()
    _settle(qtbot)
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


def test_a_dropped_owner_is_freed_at_once_once_its_work_is_done(qtbot) -> None:
    """No reference cycle keeps a closed window alive for the garbage collector, which
    could delete it on another thread."""
    import gc
    import weakref

    owner = QWidget()
    seen: list[int] = []
    QueryOp(owner, lambda: 1).replacing("load").success(seen.append).run()
    _settle(qtbot)
    assert seen == [1]
    gone = weakref.ref(owner)
    gc.disable()
    try:
        del owner
        assert gone() is None
    finally:
        gc.enable()
