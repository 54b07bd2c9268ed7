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
from pathlib import Path

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
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), f"--server.port={self.port}",
             *SERVER_FLAGS],
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
