"""Real-browser fixtures: Debian's Chromium (/usr/bin/chromium) and a Streamlit server per session.

`playwright install` downloads browsers from the internet, which CI's machine cannot reach,
so pytest-playwright's launch is pointed at the system Chromium (the Debian package).
Screenshots go to $E2E_ARTIFACTS.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_server import StreamlitServer

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", "/tmp/e2e-artifacts"))
CHROMIUM = "/usr/bin/chromium"
# Under pytest-xdist (`make test` runs two processes) each process has its own session
# server and browser: their logs get the worker's name so they do not overwrite each other.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 720}, "locale": "ja-JP"}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def session_server(artifacts: Path) -> Iterator[StreamlitServer]:
    """One server on the bundled data for every test that does not need its own."""
    server = StreamlitServer(artifacts / f"streamlit{'-' + WORKER if WORKER else ''}.log")
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def streamlit_url(session_server: StreamlitServer) -> str:
    return session_server.url


@pytest.fixture
def fresh_server(artifacts: Path, request) -> Iterator[StreamlitServer]:
    """A server nobody has opened yet: for checks of the first session after a start, which
    once showed Streamlit's file-name list instead of the app's navigation."""
    server = StreamlitServer(artifacts / f"streamlit-{request.node.name}.log")
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()
