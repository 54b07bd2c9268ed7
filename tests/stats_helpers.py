"""Shared helpers for the statistics-import tests: a copy of the bundled data, running the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from data_dirs import copy_data, data_set_dir

from genai_impact.cli import main

OFFICIAL = Path("official")


def bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled data/ (the real 25 sectors), so imports never touch the repo."""
    return copy_data(data_set_dir("bundled"), tmp_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def written(data_dir: Path, name: str = "corporate_statistics.json") -> dict[str, Any]:
    return json.loads((data_dir / OFFICIAL / name).read_text(encoding="utf-8"))


def official_files(data_dir: Path) -> list[str]:
    """Every file under <data dir>/official/ except the README (temporary files included)."""
    folder = data_dir / OFFICIAL
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name != "README.md")


def figure(doc: dict[str, Any], code: str, year: int) -> dict[str, Any]:
    return next(f for f in doc["figures"] if f["estat_code"] == code and f["fiscal_year"] == year)
