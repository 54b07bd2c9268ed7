"""Data directories for the tests: the bundled `data/`, the synthetic minimal set, copies."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUNDLED_DATA = REPO / "data"
MINIMAL_DATA = Path(__file__).resolve().parent / "fixtures" / "minimal_data"
DATA_FILES = (
    "sources.yaml",
    "framework.yaml",
    "industries.yaml",
    "sectors.yaml",
    "use_cases.yaml",
    "outlook.yaml",
    "business_types.yaml",
    "summary_figures.yaml",
    "reading_rules.yaml",
)
DATA_SETS = ("minimal", "bundled")  # pytest params: every data-driven test runs on both


def data_set_dir(name: str) -> Path:
    """The directory of a named data set (the bundled one must hold every data file)."""
    if name == "minimal":
        return MINIMAL_DATA
    missing = [f for f in DATA_FILES if not (BUNDLED_DATA / f).exists()]
    assert not missing, f"bundled data incomplete, missing: {', '.join(missing)}"
    return BUNDLED_DATA


def copy_data(source: Path, parent: Path) -> Path:
    """Copy a data directory to `parent/data` and return the copy."""
    target = parent / "data"
    shutil.copytree(source, target)
    return target
