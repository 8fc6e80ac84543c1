"""One process writes a data directory at a time; the next one is told who holds it."""

from __future__ import annotations

import getpass
import json
import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.errors import DataDirInUse
from desktop.services.office.status import hold_data_dir
from desktop.store.lock import DataDirLock
from desktop.store.paths import OfficePaths
from tests.conftest import ADMIN_PASSWORD

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def paths(data_dir: Path) -> OfficePaths:
    data_dir.mkdir()
    return OfficePaths(data_dir)


@pytest.fixture
def held(paths: OfficePaths) -> Iterator[DataDirLock]:
    lock = DataDirLock(paths)
    lock.acquire()
    yield lock
    lock.release()


def test_acquire_writes_a_note_of_the_holder(paths: OfficePaths, held: DataDirLock) -> None:
    assert held.held
    note = json.loads(paths.lock_info.read_text("utf-8"))
    assert note["pid"] == os.getpid()
    assert note["host"] == socket.gethostname()
    assert note["user"] == getpass.getuser()
    assert note["since"]


def test_second_lock_names_the_holder(paths: OfficePaths, held: DataDirLock) -> None:
    second = DataDirLock(paths)
    with pytest.raises(DataDirInUse) as info:
        second.acquire()
    message = str(info.value)
    assert str(paths.root) in message
    assert getpass.getuser() in message
    assert socket.gethostname() in message
    assert str(os.getpid()) in message
    assert "\n" not in message
    assert not second.held
    assert held.held  # the failed attempt did not disturb the holder


def test_released_lock_can_be_taken_again(paths: OfficePaths) -> None:
    first = DataDirLock(paths)
    first.acquire()
    first.release()
    assert not first.held
    assert not paths.lock_info.exists()
    second = DataDirLock(paths)
    second.acquire()
    try:
        assert second.held
        assert json.loads(paths.lock_info.read_text("utf-8"))["pid"] == os.getpid()
    finally:
        second.release()
    first.acquire()  # and by the first object too
    first.release()


def test_release_twice_is_harmless(paths: OfficePaths) -> None:
    lock = DataDirLock(paths)
    lock.acquire()
    lock.release()
    lock.release()
    assert not lock.held


def test_message_without_a_readable_note(paths: OfficePaths, held: DataDirLock) -> None:
    paths.lock_info.write_text("{garbage", "utf-8")
    with pytest.raises(DataDirInUse) as info:
        DataDirLock(paths).acquire()
    assert "in use by another Departure Desk" in str(info.value)


def test_hold_data_dir_creates_the_directory(tmp_path: Path) -> None:
    directory = tmp_path / "new" / "office"
    lock = hold_data_dir(directory)
    try:
        assert directory.is_dir()
        assert lock.held
        with pytest.raises(DataDirInUse):
            hold_data_dir(directory)
    finally:
        lock.release()


_HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.store.lock import DataDirLock
    from desktop.store.paths import OfficePaths
    lock = DataDirLock(OfficePaths(Path(sys.argv[1])))
    lock.acquire()
    print("held", flush=True)
    sys.stdin.readline()
    """
)


def test_lock_held_by_another_process(paths: OfficePaths) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(paths.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DataDirInUse) as info:
            DataDirLock(paths).acquire()
        assert f"process {holder.pid}" in str(info.value)
    finally:
        holder.kill()  # dies without releasing: the OS frees the lock
        holder.wait(timeout=10)
        if holder.stdin:
            holder.stdin.close()
        if holder.stdout:
            holder.stdout.close()
    lock = DataDirLock(paths)
    lock.acquire()  # a crashed holder never blocks the office
    lock.release()


def test_cli_against_a_held_directory(data_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        [
            "init",
            "--data-dir",
            str(data_dir),
            "--office-code",
            "SHG",
            "--office-name",
            "Shengjin",
            "--admin",
            "admin",
            "--password-stdin",
        ],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 0, r.err
    lock = hold_data_dir(data_dir)
    try:
        r = cli(
            ["check", "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"],
            stdin=ADMIN_PASSWORD + "\n",
        )
    finally:
        lock.release()
    assert r.code == 1
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1
    assert "in use by another Departure Desk" in lines[0]
    assert f"process {os.getpid()}" in lines[0]
    assert "Traceback" not in r.err
    # once released, the same command works
    r = cli(
        ["check", "--data-dir", str(data_dir), "--user", "admin", "--password-stdin"],
        stdin=ADMIN_PASSWORD + "\n",
    )
    assert r.code == 0, r.err
