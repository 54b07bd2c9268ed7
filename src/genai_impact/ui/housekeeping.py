"""The server's housekeeping: memory collected on a timer, not after every run, and
closed sessions released once their reconnect window has passed.

Why: Streamlit runs a full garbage collection after every script run by default
(`runner.postScriptGC`). Its cost grows with the heap, and the heap grows with the
sessions: with 40 participants clicking, most of the server's time went into those
collections and reruns queued for seconds. The setting is off (`.streamlit/config.toml`)
and one thread collects every `PERIOD_S` seconds instead, so that what a run leaves
(event loops, their descriptors) is still reclaimed, at a cost no click waits on.

A closed session is kept for `server.disconnectedSessionTTL` seconds so that a browser
that lost its connection for a moment finds it again; Streamlit drops expired ones only
when another session closes, so after a workshop they stayed in memory. The same thread
releases them once expired (`release_expired`).

Both use what Streamlit's runtime exposes to a running app; where a later Streamlit
moves them, the thread logs it once and keeps collecting.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

PERIOD_S = 20.0
_THREAD = "genai-impact-housekeeping"
_log = logging.getLogger(__name__)
_started = threading.Lock()
_thread: threading.Thread | None = None


class _Expiring(Protocol):
    def expire(self, at_time: float | None = None) -> list[tuple[Any, Any]]: ...


def release_expired(cache: _Expiring, lock: AbstractContextManager | None = None) -> int:
    """Drop the closed sessions whose reconnect window has passed from `cache` (the
    session storage's TTL cache; under `lock`, the session manager's) and shut each down
    (outside the lock, as the manager does); how many were released."""
    with lock or nullcontext():
        expired = cache.expire()
    released = 0
    for _, info in expired:
        session = getattr(info, "session", None)
        if session is not None:
            try:
                session.shutdown()
            except Exception:  # one session's failure must not keep the others
                _log.exception("could not shut down an expired session")
        released += 1
    return released


def _session_cache() -> tuple[_Expiring, AbstractContextManager] | None:
    """The running server's store of closed sessions and the lock its session manager
    holds while changing it, if this Streamlit exposes them."""
    from streamlit import runtime

    if not runtime.exists():
        return None
    manager = getattr(runtime.get_instance(), "_session_mgr", None)
    storage = getattr(manager, "_session_storage", None)
    cache = getattr(storage, "_cache", None)
    lock = getattr(manager, "_storage_lock", None)
    if not hasattr(cache, "expire") or lock is None:
        return None
    return cache, lock


def sweep(
    store_of: Callable[[], tuple[_Expiring, AbstractContextManager] | None] = _session_cache,
) -> tuple[int, int]:
    """One round: release expired sessions, then collect; (sessions released, objects
    collected)."""
    store = store_of()
    released = 0
    if store is not None:
        released = release_expired(*store)
    return released, gc.collect()


def _loop() -> None:
    warned = False
    while True:
        time.sleep(PERIOD_S)
        try:
            sweep()
        except Exception:
            if not warned:
                _log.exception("housekeeping round failed; collecting only from now on")
                warned = True
            gc.collect()


def ensure_started() -> None:
    """Start the housekeeping thread once per process (idempotent; cheap on every run)."""
    global _thread
    if _thread is not None:
        return
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=_loop, name=_THREAD, daemon=True)
            _thread.start()
