"""An import's file written: read back first with the reader the app uses, then written whole.

A file the app could not read back is a bug in the importer, not in the user's input:
it is refused before anything is written, and a write replaces the old file in one step.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from genai_impact.atomic_write import write_atomically
from genai_impact.official.estat_parse import StatsImportError, fail
from genai_impact.official.stats import official_dir

Reader = Callable[[tuple[str, Any]], Any]  # (file name, parsed JSON) -> .problems


def store(data_dir: str | Path | None, name: str, text: str, reader: Reader) -> Path:
    """Write `text` as `<data dir>/official/<name>` once `reader` finds no problem in it."""
    read_back = reader((name, json.loads(text)))
    if read_back.problems:  # a bug in the importer, not in the input
        raise StatsImportError(read_back.problems)
    target = official_dir(data_dir)
    path = target / name
    try:
        target.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise fail(str(path), f"cannot write: {error.strerror or error}") from None
    return path
