"""Shared fixtures. Test data: the bundled `data/`, or the SYNTHETIC `fixtures/minimal_data`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import streamlit as st
from map_stats import statistics_data_dir
from streamlit.runtime.media_file_manager import MediaFileManager

from genai_impact.official.stats import OfficialStats, load_official_stats

_STARTED = time.monotonic()  # when pytest loaded this file: before collection


def pytest_terminal_summary(terminalreporter) -> None:
    """The suite's wall time, collection included, before pytest's own last line: the
    budget for `make test` on a 2-core machine is eight minutes."""
    terminalreporter.write_line(f"suite wall time: {time.monotonic() - _STARTED:.0f} s")


@pytest.fixture(autouse=True)
def _bundled_data_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts on the bundled data unless it points GENAI_IMPACT_DATA_DIR elsewhere."""
    monkeypatch.delenv("GENAI_IMPACT_DATA_DIR", raising=False)


@pytest.fixture(scope="session")
def deck_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The deck store's folder for this test process (decks have random ids: tests share it)."""
    return tmp_path_factory.mktemp("decks")


@pytest.fixture(autouse=True)
def _decks_in_a_temporary_folder(monkeypatch: pytest.MonkeyPatch, deck_dir: Path) -> None:
    """Saved decks go to a temporary folder, never to the user's data folder."""
    monkeypatch.setenv("GENAI_IMPACT_DECK_DIR", str(deck_dir))


@pytest.fixture
def fresh_cache():
    """Clear st.cache_data, which is global to the process (AppTest runs in-process)."""
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[str, str, object]]:
    """file id -> (file name, MIME type, callable) of every deferred download registered.

    Downloads are made when clicked (a callable given to st.download_button); tests call
    the recorded callable, as a click in the browser would (apptest_helpers.download_buttons).
    """
    seen: dict[str, tuple[str, str, object]] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        file_id = original(self, data_callable, mimetype, coordinates, file_name, **kw)
        seen[file_id] = (file_name, mimetype, data_callable)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return seen


class _Quiet:
    """Stands in for capsys where the CLI's output is not under test."""

    def readouterr(self) -> tuple[str, str]:
        return "", ""


@pytest.fixture(scope="session")
def stats_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled data with SYNTHETIC statistics (map_stats.py) imported through
    the CLI; shared by every test of a process, which must only read it."""
    return statistics_data_dir(tmp_path_factory.mktemp("map-stats"), _Quiet())


@pytest.fixture(scope="session")
def stats(stats_dir: Path) -> OfficialStats:
    """The statistics of `stats_dir`, loaded."""
    return load_official_stats(stats_dir)


@pytest.fixture
def with_stats(stats_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app reads `stats_dir` (SYNTHETIC statistics) as its data directory; with
    `fresh_cache`, so that the per-process cache does not keep another directory's data."""
    monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(stats_dir))
