"""The crash path (no personal data in crash logs) and the rotating log file."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.crash import CrashHandler, describe
from desktop.logs import LOG_NAME, setup_logging
from tests.conftest import ADMIN_PASSWORD

SECRET = "CANARY-secret"


def _raise_secret() -> None:
    local_name = "Zarghuna CANARY-local"  # noqa: F841 - locals must not reach the log
    raise ValueError(SECRET)


def _exc_info() -> tuple[type[BaseException], BaseException, object]:
    try:
        _raise_secret()
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None and exc is not None
        return exc_type, exc, tb
    raise AssertionError("unreachable")


@pytest.fixture
def reset_logging() -> Iterator[None]:
    yield
    setup_logging(None)
    root = logging.getLogger("desktop")
    for handler in list(root.handlers):
        if isinstance(handler, logging.StreamHandler) and not isinstance(
            handler, logging.FileHandler
        ):
            root.removeHandler(handler)


def test_crash_log_has_type_and_stack_but_not_the_message(tmp_path: Path) -> None:
    exc_type, _exc, tb = _exc_info()
    path = CrashHandler(tmp_path / "crash").write(exc_type, tb)  # type: ignore[arg-type]
    assert path.parent == tmp_path / "crash"
    assert path.name.startswith("crash-") and path.suffix == ".log"
    body = path.read_text("utf-8")
    assert "ValueError" in body
    assert "_raise_secret" in body
    assert "_exc_info" in body
    assert "test_crash_and_logs.py" in body
    assert "Departure Desk" in body
    assert "CANARY" not in body
    assert str(tmp_path) not in body  # no full paths (they can hold a user name)
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0


def test_describe_omits_the_message() -> None:
    exc_type, _exc, tb = _exc_info()
    text = describe(exc_type, tb)  # type: ignore[arg-type]
    assert text.splitlines()[0] == "builtins.ValueError"
    assert SECRET not in text


def test_two_crashes_in_a_row_get_two_files(tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path / "crash")
    exc_type, _exc, tb = _exc_info()
    a = handler.write(exc_type, tb)  # type: ignore[arg-type]
    b = handler.write(exc_type, tb)  # type: ignore[arg-type]
    assert a != b
    assert a.exists() and b.exists()


def test_handle_writes_and_notifies(tmp_path: Path) -> None:
    seen: list[Path] = []
    handler = CrashHandler(tmp_path / "crash", notify=seen.append)
    exc_type, exc, tb = _exc_info()
    handler.handle(exc_type, exc, tb)  # type: ignore[arg-type]
    assert len(seen) == 1
    assert seen[0].exists()
    assert SECRET not in seen[0].read_text("utf-8")


def test_unwritable_crash_folder_falls_back_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    exc_type, _exc, tb = _exc_info()
    path = CrashHandler(blocker / "crash").write(exc_type, tb)  # type: ignore[arg-type]
    assert path == Path("<stderr>")
    err = capsys.readouterr().err
    assert "ValueError" in err
    assert SECRET not in err


def test_install_routes_uncaught_exceptions(tmp_path: Path) -> None:
    seen: list[Path] = []
    handler = CrashHandler(tmp_path / "crash", notify=seen.append)
    faults_were_on = faulthandler.is_enabled()
    previous_hooks = (sys.excepthook, threading.excepthook)
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        exc_type, exc, tb = _exc_info()
        sys.excepthook(exc_type, exc, tb)  # type: ignore[arg-type]

        def worker() -> None:
            raise RuntimeError(SECRET)

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
    finally:
        handler.uninstall()
        if faults_were_on:
            faulthandler.enable(sys.__stderr__)
    # whatever was installed before (pytest's own hooks here) is back
    assert (sys.excepthook, threading.excepthook) == previous_hooks
    assert faulthandler.is_enabled() == faults_were_on
    assert len(seen) == 2
    bodies = [p.read_text("utf-8") for p in seen]
    assert "ValueError" in bodies[0]
    assert "RuntimeError" in bodies[1]
    assert all(SECRET not in b for b in bodies)
    assert (tmp_path / "crash" / "faulthandler.log").exists()


def test_cli_internal_error_writes_a_crash_log_without_the_message(
    cli, office, data_dir: Path, monkeypatch: pytest.MonkeyPatch, reset_logging: None
) -> None:  # type: ignore[no-untyped-def]
    office.close()

    def broken(args, pw, out):  # type: ignore[no-untyped-def]
        raise ValueError(SECRET)

    from desktop.cli import office as office_commands

    monkeypatch.setattr(office_commands, "cmd_check", broken)
    r = cli(
        ["check", "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 1
    lines = r.err.strip().splitlines()
    assert len(lines) == 1
    assert "internal error (ValueError)" in lines[0]
    assert SECRET not in r.err
    assert "Traceback" not in r.err
    crashes = list((data_dir / "crash").glob("crash-*.log"))
    assert len(crashes) == 1
    assert str(crashes[0]) in lines[0]
    body = crashes[0].read_text("utf-8")
    assert "ValueError" in body
    assert "broken" in body
    assert SECRET not in body


def test_setup_logging_writes_the_log_file(tmp_path: Path, reset_logging: None) -> None:
    logs = tmp_path / "logs"
    setup_logging(logs)
    logging.getLogger("desktop.test.area").info("marker %d", 4711)
    logging.getLogger("desktop.test.area").debug("not at info level")
    logging.getLogger("elsewhere").warning("not ours")
    for handler in logging.getLogger("desktop").handlers:
        handler.flush()
    path = logs / LOG_NAME
    assert path.name == "departure-desk.log"
    text = path.read_text("utf-8")
    assert "desktop.test.area: marker 4711" in text
    assert "INFO" in text
    assert "not at info level" not in text
    assert "not ours" not in text
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
        assert logs.stat().st_mode & 0o077 == 0


def test_setup_logging_switches_files(tmp_path: Path, reset_logging: None) -> None:
    setup_logging(tmp_path / "a")
    logging.getLogger("desktop.x").info("first")
    setup_logging(tmp_path / "b")
    logging.getLogger("desktop.x").info("second")
    setup_logging(None)
    logging.getLogger("desktop.x").info("third")
    a = (tmp_path / "a" / LOG_NAME).read_text("utf-8")
    b = (tmp_path / "b" / LOG_NAME).read_text("utf-8")
    assert "first" in a and "second" not in a
    assert "second" in b and "first" not in b
    assert "third" not in a + b
    file_handlers = [
        h for h in logging.getLogger("desktop").handlers if isinstance(h, logging.FileHandler)
    ]
    assert file_handlers == []


def test_cli_commands_log_into_the_data_directory(
    cli, office, data_dir: Path, reset_logging: None
) -> None:  # type: ignore[no-untyped-def]
    office.close()
    r = cli(
        ["check", "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"],
        stdin="wrong password for the log test\n",
    )
    assert r.code == 3
    log = (data_dir / "logs" / LOG_NAME).read_text("utf-8")
    assert "desktop.auth" in log
    assert "failed login" in log
    assert "wrong password for the log test" not in log


def test_known_errors_are_reported_without_a_crash_log(tmp_path: Path) -> None:
    from desktop.errors import DiskFull

    crashes: list[Path] = []
    known: list[str] = []
    handler = CrashHandler(tmp_path / "crash", notify=crashes.append, notify_known=known.append)
    error = DiskFull("The disk is full.")
    handler.handle(DiskFull, error, None)
    assert known == ["The disk is full."]
    assert crashes == []
    assert not (tmp_path / "crash").exists() or not list((tmp_path / "crash").iterdir())
