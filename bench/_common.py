"""Shared by the benchmarks: servers on loopback, Chromium, /proc memory, statistics.

Benchmarks print figures; they are not tests and assert nothing. Every server binds
127.0.0.1 only, and every loop is bounded in count and time.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
BARE_APP = Path(__file__).resolve().parent / "bare_app.py"
# the bare app with the elements /map sends on every rerun, and no logic (element_floor.py)
BARE_LIKE_MAP = Path(__file__).resolve().parent / "bare_like_map.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The same flags for our app and the bare one, so only the script differs.
SERVER_FLAGS = [
    "--server.headless=true",
    "--server.address=127.0.0.1",
    "--browser.gatherUsageStats=false",
    "--server.fileWatcherType=none",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run <script>` on a free loopback port; stopped by its own PID only."""

    def __init__(self, script: Path, log: Path | None = None) -> None:
        if script in (BARE_APP, BARE_LIKE_MAP):  # beside a copy of our config: only the
            self._tmp = tempfile.TemporaryDirectory(prefix="bare-app-")  # script differs
            shutil.copytree(REPO / ".streamlit", Path(self._tmp.name) / ".streamlit")
            script = Path(shutil.copy(script, self._tmp.name))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        env = {k: v for k, v in os.environ.items() if k != "GENAI_IMPACT_DATA_DIR"}
        self._log = open(log or os.devnull, "w")  # noqa: SIM115 (closed in stop)
        # our app starts as `make run` and the image start it (serve.py: warmed up)
        start = (
            [str(REPO / "serve.py")] if script == APP else ["-m", "streamlit", "run", str(script)]
        )
        self.proc = subprocess.Popen(
            [sys.executable, *start, f"--server.port={self.port}", *SERVER_FLAGS],
            cwd=script.parent, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_healthy(self, timeout: float = 60) -> float:
        """Seconds from start to the first `ok` from /_stcore/health."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.02)
        raise TimeoutError("streamlit did not become healthy")

    def rss_mb(self) -> float:
        """Resident memory of the server process (and any children), from /proc."""
        total = 0
        for pid in [self.proc.pid, *_children(self.proc.pid)]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()
        if hasattr(self, "_tmp"):
            self._tmp.cleanup()


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    kids = [int(c) for c in found]
    return kids + [g for k in kids for g in _children(k)]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time so far of these processes and all their descendants (/proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in {p for root in pids for p in [root, *_children(root)]}:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        except (OSError, IndexError, ValueError):
            pass
    return total / ticks


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def load_average() -> str:
    """The machine's load: benchmarks on a shared 2-core machine are noisy; say how noisy."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


# In-page checks, shared with the browser tests' idea of "rendered".
SETTLED_JS = """() => !document.querySelector('[data-testid=stStatusWidget]')
  && !document.querySelector('[data-testid=stSkeleton]')
  && !document.querySelector('[data-stale=true]')"""


def browser_processes(servers) -> list[int]:
    """The Playwright driver and Chromium: this process's children that are not servers."""
    server_pids = {s.proc.pid for s in servers}
    return [c for c in _children(os.getpid()) if c not in server_pids]


def open_settled(browser, url: str) -> Page:
    """A new 1280×720 ja-JP page at `url`, its heading shown and its first run settled."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ja-JP")
    page = context.new_page()
    page.goto(url, timeout=60_000)
    page.locator("[data-testid=stMain] h1").first.wait_for(timeout=60_000)
    page.wait_for_function(SETTLED_JS, timeout=60_000, polling=50)
    return page


@contextmanager
def served_browser(servers: Mapping[Any, Server]) -> Iterator[tuple[Any, list[int]]]:
    """The servers healthy and one Chromium open: (browser, its processes); after, all stop."""
    try:
        for server in servers.values():
            server.wait_healthy()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser, browser_processes(servers.values())
            browser.close()
    finally:
        for server in servers.values():
            server.stop()


# Interleaved rounds (interaction.py, map_interaction.py, element_floor.py)


@dataclass(frozen=True)
class Case:
    """One page to time: its Streamlit script (one server per distinct script), the path to
    open, and `act(page, n)`, which clicks for round n and waits until the result shows."""

    script: Path
    path: str
    act: Callable[[Page, int], None]


@dataclass
class Rounds:
    """Per case, one value per timed round: wall seconds, and CPU seconds of its server and
    of the browser (the Playwright driver and Chromium) during that click."""

    wall: dict[str, list[float]]
    server_cpu: dict[str, list[float]]
    browser_cpu: dict[str, list[float]]


def interleaved(
    cases: Mapping[str, Case], repeat: int, *, warmup: int = 2, budget_s: float = 600
) -> Rounds:
    """Time every case's click `repeat` times, one click per case per round, interleaved so
    that load on the shared machine falls on all cases alike. Warm servers (one per script),
    one Chromium, a context per case; `warmup` untimed clicks each first (they load code and
    fill caches). Stops early, saying so, once `budget_s` seconds have passed."""
    servers = {script: Server(script) for script in {case.script for case in cases.values()}}
    rounds = Rounds(
        wall={name: [] for name in cases},
        server_cpu={name: [] for name in cases},
        browser_cpu={name: [] for name in cases},
    )
    started = time.monotonic()
    with served_browser(servers) as (browser, browser_pids):
        pages = {}
        for name, case in cases.items():
            page = open_settled(browser, servers[case.script].url + case.path)
            for n in range(warmup):
                case.act(page, n)
            pages[name] = page
        for n in range(warmup, warmup + repeat):
            if time.monotonic() - started > budget_s:  # bounded in time as well as count
                print(f"stopped after {budget_s:.0f} s")
                break
            for name, case in cases.items():
                pid = servers[case.script].proc.pid
                cpu0, bcpu0 = cpu_seconds([pid]), cpu_seconds(browser_pids)
                t0 = time.perf_counter()
                case.act(pages[name], n)
                rounds.wall[name].append(time.perf_counter() - t0)
                rounds.server_cpu[name].append(cpu_seconds([pid]) - cpu0)
                rounds.browser_cpu[name].append(cpu_seconds(browser_pids) - bcpu0)
    return rounds
