"""A clicked download stays fetchable while other sessions rerun (a room full of participants).

Streamlit's clean-up after every script run, of any session, deletes a clicked download's
file on its second pass; in a full room that happens before the browser has fetched it.
These tests drive Streamlit's real MediaFileManager: one click, then other sessions' runs
ending (`remove_orphaned_files`, which every run's end calls)."""

from __future__ import annotations

from apptest_helpers import open_page
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from genai_impact.text.i18n import t
from genai_impact.ui.download_grace import KEEP_S, file_id_of, keep_clicked_downloads

PNG = b"\x89PNG\r\n\x1a\n"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def clicked(manager: MediaFileManager, data: bytes = PNG + b"synthetic") -> str:
    """A download button registered with a callable, then clicked: the file's id."""
    deferred = manager.add_deferred(lambda: data, "image/png", "coords", file_name="map.png")
    return file_id_of(manager.execute_deferred(deferred))


def other_sessions_run(manager: MediaFileManager, times: int) -> None:
    for _ in range(times):
        manager.remove_orphaned_files()


def test_streamlit_alone_loses_a_clicked_file_after_two_other_runs():
    """Why the module exists; if this fails, Streamlit keeps such files itself and
    download_grace can go."""
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    made = clicked(manager)
    other_sessions_run(manager, 2)
    assert manager.read_file(made) is None


def test_a_clicked_file_survives_other_runs_for_the_grace_period_then_is_freed():
    manager, clock = MediaFileManager(MemoryMediaFileStorage("/media")), Clock()
    assert keep_clicked_downloads(manager, seconds=60, clock=clock)
    made = clicked(manager)
    other_sessions_run(manager, 50)
    clock.now += 59
    other_sessions_run(manager, 5)
    assert manager.read_file(made).content.startswith(PNG)
    clock.now += 2  # past the grace period: the usual two passes free it
    other_sessions_run(manager, 2)
    assert manager.read_file(made) is None


def test_a_second_click_restarts_the_grace_period_and_installing_twice_wraps_once():
    manager, clock = MediaFileManager(MemoryMediaFileStorage("/media")), Clock()
    keep_clicked_downloads(manager, seconds=60, clock=clock)
    wrapped = manager.execute_deferred
    assert keep_clicked_downloads(manager, seconds=60, clock=clock)
    assert manager.execute_deferred is wrapped
    made = clicked(manager)
    clock.now += 50
    assert clicked(manager) == made  # the same bytes: the same stored file
    clock.now += 50
    other_sessions_run(manager, 3)
    assert manager.read_file(made) is not None


def test_a_manager_without_the_internals_is_left_alone():
    class Other:
        def execute_deferred(self, file_id: str) -> str:
            return "/media/x.png"

    other = Other()
    assert not keep_clicked_downloads(other)
    assert other.execute_deferred("x") == "/media/x.png"


def test_the_maps_png_clicked_in_the_app_survives_other_sessions_runs(monkeypatch):
    """The app installs it: the map's PNG, clicked through the manager of the run that drew
    the button (as the browser's click is), is still served after a room's worth of other
    runs. (AppTest gives each run a fresh manager; the one that registered the PNG is kept.)"""
    managers = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        file_id = original(self, data_callable, mimetype, coordinates, file_name, **kw)
        managers[file_id] = self
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    at = open_page("map", lang="en")  # the Download menu's buttons come with every run
    label = t("workshop.download.png", "en")
    [file_id] = [b.proto.deferred_file_id for b in at.get("download_button") if b.label == label]
    manager = managers[file_id]
    made = file_id_of(manager.execute_deferred(file_id))
    other_sessions_run(manager, 20)
    assert manager.read_file(made).content.startswith(PNG)
    assert KEEP_S >= 10  # long enough for a browser on a loaded machine to fetch it
