"""Shared fixtures: a fresh encrypted office per test, a cheap KDF, CLI runner."""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.services.office import auth
from desktop.services.office.session import UnlockedOffice
from desktop.store.keyring import KdfParams

#: fictional passwords that pass the policy
ADMIN_PASSWORD = "orchard lantern pebble harbour"
USER_PASSWORD = "quiet meadow copper kettle"
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at production cost takes ~0.35 s a wrap; tests use a cheap one.

    The production parameters are tested on their own in tests/store/test_keyring.py.
    """
    monkeypatch.setattr(auth, "kdf_params", lambda: CHEAP_KDF)


@pytest.fixture(autouse=True)
def _no_background_work_left() -> Iterator[None]:
    """A test ends when its background operations have: left running, one could touch
    the next test's files or draw a PDF page while that test reads one."""
    yield
    operations = sys.modules.get("desktop.ui.kit.operations")
    if operations is None or not operations.busy():
        return
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + 10
    while operations.busy() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "office"


@pytest.fixture
def office(data_dir: Path) -> Iterator[UnlockedOffice]:
    """A new office (code SHG) unlocked as its first admin, ``admin``."""
    opened = auth.create_office(data_dir, "SHG", "Shengjin field office", "admin", ADMIN_PASSWORD)
    yield opened
    opened.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run the command line in-process: ``cli(["check", ...], stdin="pw\\n")``."""
    from desktop import cli as cli_module

    def run(argv: list[str], stdin: str = "") -> CliResult:
        out = io.StringIO()
        try:
            code = cli_module.run(argv, io.StringIO(stdin), out)
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, out.getvalue() + captured.out, captured.err)

    return run


@pytest.fixture
def clerk_office(office: UnlockedOffice, data_dir: Path) -> Iterator[UnlockedOffice]:
    """The same office unlocked by ``clerk``, a registration clerk (admin made the account)."""
    from desktop.services.office.accounts import AccountService
    from desktop.services.office.permissions import Role

    AccountService(office).add_user("clerk", frozenset({Role.REGISTRATION}), USER_PASSWORD)
    office.close()
    opened = auth.unlock(data_dir, "clerk", USER_PASSWORD)
    yield opened
    opened.close()
