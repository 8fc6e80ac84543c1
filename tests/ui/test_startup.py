"""The first window must appear before the heavy libraries are loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.services.office import auth
from tests.conftest import ADMIN_PASSWORD

HEAVY = ("sqlalchemy", "alembic", "reportlab", "qtawesome")

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
import desktop.cli
import desktop.app as A
app = QApplication([])
desk = A.DesktopApp(app, Path(sys.argv[1]))
assert desk.start()
window = desk.unlock_window or desk.setup_window
assert window is not None and window.isVisible()
heavy = [m for m in {heavy!r} if m in sys.modules]
print(json.dumps({{"window": type(window).__name__, "heavy": heavy}}))
desk.shutdown()
"""


def _probe(data_dir: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_unlock_window_shows_without_heavy_imports(data_dir):
    auth.create_office(data_dir, "SHG", "Shengjin", "admin", ADMIN_PASSWORD).close()
    seen = _probe(data_dir)
    assert seen == {"window": "UnlockWindow", "heavy": []}


def test_setup_window_shows_without_heavy_imports(data_dir):
    seen = _probe(data_dir)
    assert seen == {"window": "SetupWindow", "heavy": []}


def test_gui_on_a_busy_directory_exits_1_with_one_line(data_dir):
    from desktop.store.lock import DataDirLock
    from desktop.store.paths import OfficePaths

    auth.create_office(data_dir, "SHG", "Shengjin", "admin", ADMIN_PASSWORD).close()
    held = DataDirLock(OfficePaths(data_dir))
    held.acquire()
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--no-error-dialogs"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        held.release()
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    assert len(lines) == 1, result.stderr
    assert "in use by another Departure Desk" in lines[0]
    assert "Traceback" not in result.stderr
