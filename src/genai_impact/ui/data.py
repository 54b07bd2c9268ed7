"""The data the pages read, cached per process: the report's data set and the imported
official figures, each keyed on its files' names, times and sizes (an edited file is a
new key, never a stale read)."""

from __future__ import annotations

import gc
from pathlib import Path

import streamlit as st

from genai_impact.official.stats import OfficialStats, OfficialStatsError, load_official_stats
from genai_impact.report.load import data_dir, load_dataset
from genai_impact.report.model import Dataset

Fingerprint = tuple[tuple[str, int, int], ...]


def _fingerprint(folder: Path, pattern: str) -> Fingerprint:
    try:
        return tuple(
            sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob(pattern))
        )
    except OSError:
        return ()


@st.cache_data(show_spinner=False, max_entries=8)
def _load_cached(root: str, fingerprint: Fingerprint) -> Dataset:
    del fingerprint  # only part of the cache key: an edited file is a new key
    return load_dataset(root)


def load() -> Dataset:
    """The validated data set; raises `DataError` (never cached) when the files are broken."""
    root = data_dir()
    dataset = _load_cached(str(root), _fingerprint(root, "*.yaml"))
    _freeze_heap_once()
    return dataset


@st.cache_data(show_spinner=False, max_entries=4)
def _official_cached(
    root: str, fingerprint: Fingerprint
) -> tuple[OfficialStats | None, tuple[str, ...]]:
    del fingerprint  # only part of the cache key
    try:
        return load_official_stats(root), ()
    except OfficialStatsError as err:
        return None, tuple(str(p) for p in err.problems)


def official_stats() -> tuple[OfficialStats | None, tuple[str, ...]]:
    """Imported official figures under the data directory (None if none) and any problems."""
    root = data_dir()
    return _official_cached(str(root), _fingerprint(root / "official", "*.json"))


# Rerun cost: Streamlit runs a full garbage collection after every script run
# (runner.postScriptGC), which walks every object of the process: pandas, pyarrow, Altair's
# schema, the data set... about 0.15 s of CPU per click on a 2-core machine, holding the
# interpreter lock while the run's last messages wait to be sent. Once the modules are
# imported and the data set is loaded, they live as long as the process: gc.freeze() moves
# them out of the collector's sight, and the collection after each run then only walks what
# that run made (well under a millisecond). What is frozen is never freed by the cycle
# collector (reference counting still frees it), so this is done once per process.
_heap_frozen = False


def _freeze_heap_once() -> None:
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.collect()  # what is garbage now is freed, not frozen
        gc.freeze()
