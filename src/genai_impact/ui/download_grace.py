"""A clicked download's file is kept until the browser has fetched it (no streamlit import).

Our chart and table downloads are `st.download_button`s whose data is a callable: the file
is made when the button is clicked. Streamlit (1.67) then stores the file, sends the
browser its URL, and leaves the file referenced by no session. Its clean-up of unreferenced
files runs at the end of every script run of *every* session: the first pass marks such a
file, the second deletes it. With one person in the app that is their next two reruns;
with a room of twenty clicking at once it is a few milliseconds, and the browser's request
for the URL finds nothing: the download fails (Chromium: "Failed - No file"; Playwright:
"canceled"). bench/load.py saw it in 2 of 20 sessions' PNG exports, and a page with a
download button and a fragment rerunning every 50 ms lost 19 of 20 downloads.

`keep_clicked_downloads` makes the manager hold a reference to each file a click made for
`KEEP_S` seconds, under a session id no real session has; after that the usual clean-up
frees it. It uses two private attributes of Streamlit's MediaFileManager (`_lock`,
`_files_by_session_and_coord`); tests/test_download_grace.py fails if they change, and also
if Streamlit stops losing such files (then this module can go).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

KEEP_SESSION = "genai-impact:clicked-downloads"  # not a real session's id (those are UUIDs)
KEEP_S = 60.0  # the browser fetches within a second; minutes on a machine under heavy load
_MARK = "_genai_impact_keeps"  # set on a manager once it keeps clicked downloads


def file_id_of(url: str) -> str:
    """The stored file's id in a media URL: `<endpoint>/<id><extension>`."""
    return os.path.splitext(url.rsplit("/", 1)[-1])[0]


def keep_clicked_downloads(
    manager: Any, seconds: float = KEEP_S, clock: Callable[[], float] = time.monotonic
) -> bool:
    """Make `manager` (Streamlit's MediaFileManager) keep every file a deferred download's
    click makes referenced for `seconds`. Once per manager; False (and nothing changed) if
    the manager lacks what this relies on."""
    if getattr(manager, _MARK, None) is not None:
        return True
    try:
        lock = manager._lock
        refs = manager._files_by_session_and_coord  # session id -> {coordinates: file id}
        execute = manager.execute_deferred
        sweep = manager.remove_orphaned_files
    except AttributeError:
        return False
    kept: dict[str, float] = {}  # file id -> until (clock); read and written under `lock`

    def execute_deferred(file_id: str) -> str:
        url = execute(file_id)
        made = file_id_of(url)
        with lock:
            refs.setdefault(KEEP_SESSION, {})[made] = made
            kept[made] = clock() + seconds
        return url

    def remove_orphaned_files() -> None:
        now = clock()
        with lock:
            for made, until in list(kept.items()):
                if until <= now:
                    del kept[made]
                    held = refs.get(KEEP_SESSION, {})
                    held.pop(made, None)
                    if not held:
                        refs.pop(KEEP_SESSION, None)
        sweep()

    manager.execute_deferred = execute_deferred
    manager.remove_orphaned_files = remove_orphaned_files
    setattr(manager, _MARK, kept)
    return True
