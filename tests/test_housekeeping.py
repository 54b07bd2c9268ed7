"""The server's housekeeping: closed sessions released once their reconnect window has
passed (each shut down, one failure not keeping the others), and a collection per round."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pytest
from streamlit.runtime.caching.ttl_cache import TTLCache

from genai_impact.ui import housekeeping


@dataclass
class FakeSession:
    fails: bool = False
    shut: list[bool] = field(default_factory=list)

    def shutdown(self) -> None:
        self.shut.append(True)
        if self.fails:
            raise RuntimeError("socket already gone")


@dataclass
class Info:  # what the session storage keeps: the session, no client
    session: FakeSession


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def storage(clock: Clock, closed_at: dict[str, float], ttl: float = 60) -> tuple[TTLCache, dict]:
    cache: TTLCache = TTLCache(maxsize=128, ttl=ttl, timer=clock)
    sessions = {}
    for name, at in sorted(closed_at.items(), key=lambda kv: kv[1]):
        clock.now = at
        sessions[name] = FakeSession(fails=name.startswith("bad"))
        cache[name] = Info(sessions[name])
    return cache, sessions


@pytest.mark.parametrize(
    ("closed_at", "now", "released"),
    [
        ({}, 1000, set()),  # nothing closed
        ({"a": 1000}, 1059, set()),  # inside its reconnect window: kept
        ({"a": 1000}, 1060, {"a"}),  # the window has passed
        ({"a": 1000, "b": 1030}, 1070, {"a"}),  # only the expired one
        ({"a": 1000, "bad": 1001, "c": 1002}, 1100, {"a", "bad", "c"}),  # a failure: the rest go
    ],
)
def test_expired_closed_sessions_are_released_and_shut_down(closed_at, now, released):
    clock = Clock()
    cache, sessions = storage(clock, closed_at)
    clock.now = now
    assert housekeeping.release_expired(cache) == len(released)
    assert {n for n, s in sessions.items() if s.shut} == released
    assert set(cache.keys()) == set(closed_at) - released  # kept ones stay reconnectable


def test_a_round_releases_then_collects():
    clock = Clock()
    cache, sessions = storage(clock, {"a": 1000})
    clock.now = 2000
    released, _ = housekeeping.sweep(lambda: (cache, threading.Lock()))
    assert released == 1 and sessions["a"].shut
    assert housekeeping.sweep(lambda: None)[0] == 0  # no runtime (a test, bare mode): collect


def test_the_thread_starts_once():
    housekeeping.ensure_started()
    first = housekeeping._thread
    housekeeping.ensure_started()
    assert first is housekeeping._thread and first.is_alive() and first.daemon
