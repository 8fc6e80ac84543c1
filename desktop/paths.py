"""Default locations; every one can be overridden on the command line."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_DIR_NAME = "DepartureDesk"


def default_data_dir() -> Path:
    return user_data_path(APP_DIR_NAME, appauthor=False, roaming=False) / "office"


def default_demo_dir() -> Path:
    return user_data_path(APP_DIR_NAME, appauthor=False, roaming=False) / "demo"
