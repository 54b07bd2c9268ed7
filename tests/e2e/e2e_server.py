"""A Streamlit server for the browser tests: `streamlit run app.py` on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUNDLED_DATA = REPO / "data"


def wait_for_health(url: str, proc: subprocess.Popen, timeout: float, what: str) -> None:
    """Until `url`'s Streamlit health endpoint answers "ok" (through a proxy too); fails at
    once when `proc` (the server, or the proxy in front of it) exits, or at `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}; see its log")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not become healthy at {url}")
        time.sleep(0.1)


def stop_process(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Stop a process the tests started (by its own PID only): terminate, then kill if it
    has not gone within `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """`streamlit run app.py` on a free port; stopped by its own PID only."""

    def __init__(
        self, log_path: Path, data_dir: Path | None = None, deck_dir: Path | None = None
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ}
        env.pop("GENAI_IMPACT_DATA_DIR", None)
        if data_dir is not None:
            env["GENAI_IMPACT_DATA_DIR"] = str(data_dir)
        # saved decks: a new folder per server unless a test restarts on the same one
        self.deck_dir = deck_dir or Path(tempfile.mkdtemp(prefix="genai-decks-"))
        env["GENAI_IMPACT_DECK_DIR"] = str(self.deck_dir)
        self._log = log_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "serve.py",  # as `make run`: streamlit run app.py, warmed up
             "--server.headless=true", f"--server.port={self.port}",
             "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
             "--server.fileWatcherType=none"],
            cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_healthy(self, timeout: float = 60) -> None:
        wait_for_health(self.url, self.proc, timeout, "streamlit")

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()
