"""Where offices live by default; every location can be overridden on the command line.

Inside a data folder, every file has its place in ``desktop.store.paths.OfficePaths``.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_DIR_NAME = "DepartureDesk"


def default_data_dir() -> Path:
    return user_data_path(APP_DIR_NAME, appauthor=False, roaming=False) / "office"


def demo_dir_for(data_dir: Path) -> Path:
    """The demo office lives beside the real one, never inside it (GUI and CLI alike)."""
    return data_dir.with_name(data_dir.name + "-demo")


def default_demo_dir() -> Path:
    return demo_dir_for(default_data_dir())


def fallback_crash_dir() -> Path:
    """Where a crash before any office folder is known is reported (the user's log folder)."""
    return user_log_path(APP_DIR_NAME, appauthor=False) / "crash"
