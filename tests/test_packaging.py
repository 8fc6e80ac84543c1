"""A real (non-editable) build must contain every module and data file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_every_module_and_resource(tmp_path):
    # build from a clean copy: setuptools would otherwise reuse a stale build/ folder
    src = tmp_path / "src"
    for name in ("desktop", "reports", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    out = tmp_path / "dist"
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    command += ["--no-index", "-q", "-w", str(out), str(src)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    (wheel,) = out.glob("departure_desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        p.relative_to(ROOT).as_posix()
        for package in ("desktop", "reports")
        for p in (ROOT / package).rglob("*")
        if p.suffix in {".py", ".mako", ".typed"} and "__pycache__" not in p.parts
    }
    expected |= {
        "departure_desk_resources/" + p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected - names == set()
