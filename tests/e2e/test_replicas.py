"""The replicas recipe, run for real: a throwaway PostgreSQL cluster (pg_cluster.py), two
replicas started by scripts/run-replicas with its URL, and nginx in front with the template
deploy/nginx-replicas.conf. A view saved to a deck through replica 1 is in the deck opened
through replica 2 and through nginx; through nginx a browser's page, assets and websocket
all reach one replica."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa
from browser_helpers import save_view, wait_until_rendered
from e2e_server import REPO, stop_process
from nginx_proxy import Proxy
from pg_cluster import Cluster, running_cluster
from playwright.sync_api import Browser, BrowserContext, Page, expect

from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

SCRIPT = REPO / "scripts" / "run-replicas"
VIEW_NAME = "はじめに"


def consecutive_free_ports(count: int) -> int:
    """The first of `count` consecutive free loopback ports (the script's layout)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + count > 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("no consecutive free ports")


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
            return r.read() == b"ok"
    except OSError:
        return False


class Replicas:
    """`scripts/run-replicas --replicas 2` with the deck database `url`; stopped by its PID
    (the script stops its replicas)."""

    def __init__(self, url: str, log: Path, deck_dir: Path) -> None:
        self.first = consecutive_free_ports(2)
        self.ports = [self.first, self.first + 1]
        env = {**os.environ, "GENAI_IMPACT_DECK_URL": url, "GENAI_IMPACT_DECK_DIR": str(deck_dir)}
        env.pop("GENAI_IMPACT_DATA_DIR", None)
        self._log = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(SCRIPT), "--replicas", "2", "--first-port", str(self.first),
             "--", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
            cwd=REPO, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.ports[n]}"

    def wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not all(healthy(port) for port in self.ports):
            if self.proc.poll() is not None:
                raise RuntimeError(f"run-replicas exited with {self.proc.returncode}; see its log")
            if time.monotonic() > deadline:
                raise TimeoutError("the replicas did not become healthy")
            time.sleep(0.2)

    def stop(self) -> None:
        stop_process(self.proc, timeout=30)  # the script stops its replicas
        self._log.close()


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with running_cluster() as pg:
        yield pg


def new_page(browser: Browser) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    return context, context.new_page()


def expect_saved_view(page: Page, url: str) -> None:
    """The deck's link opens the home page with the saved view in the sidebar's agenda."""
    page.goto(url)
    wait_until_rendered(page, t("home.title", "ja"), timeout=60_000)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name=f"1. {VIEW_NAME}")).to_be_visible(timeout=30_000)
    wait_until_rendered(page, t("home.title", "ja"), timeout=60_000)  # the sidebar's rest


def replica_log_lines(proxy: Proxy, timeout: float = 10) -> list[list[str]]:
    """The access log once the websocket's line is in (nginx logs it when it closes)."""
    deadline = time.monotonic() + timeout
    while True:
        lines = proxy.log_lines()
        if any(uri.startswith("/_stcore/stream") for _, _, uri, _ in lines):
            return lines
        assert time.monotonic() < deadline, lines
        time.sleep(0.1)


def test_a_deck_saved_through_one_replica_opens_through_the_other_and_through_nginx(
    browser: Browser, cluster: Cluster, artifacts: Path, tmp_path: Path
):
    database = cluster.new_database()
    replicas = Replicas(database, artifacts / "run-replicas.log", tmp_path / "decks")
    proxy = None
    try:
        replicas.wait_healthy()
        proxy = Proxy(tmp_path / "nginx", replicas.ports)
        proxy.wait_ready()

        # save a view through replica 1, addressed directly; replica 2 meanwhile draws its
        # first page (a replica's first run is its slowest: both cores work at once)
        first, page = new_page(browser)
        second, other = new_page(browser)
        page.goto(replicas.url(0) + "/")
        other.goto(replicas.url(1) + "/")
        wait_until_rendered(page, t("home.title", "ja"), timeout=60_000)
        save_view(page, VIEW_NAME)
        deck_id = parse_qs(urlsplit(page.url).query)["deck"][0]
        first.close()

        # the deck is in PostgreSQL, not in a SQLite file beside a replica
        engine = sa.create_engine(database)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT id FROM decks")).scalars().all() == [deck_id]
        engine.dispose()
        assert not (tmp_path / "decks" / "decks.sqlite").exists()

        # its read link through replica 2, addressed directly
        expect_saved_view(other, f"{replicas.url(1)}/?deck={deck_id}")
        other.screenshot(path=str(artifacts / "replicas-replica-2.png"))
        second.close()

        # and through nginx: the page renders (its content comes over the proxied websocket),
        # and a rerun (English) goes over the same websocket
        context, page = new_page(browser)
        expect_saved_view(page, f"{proxy.url}/?deck={deck_id}")
        page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
        wait_until_rendered(page, t("home.title", "en"), timeout=60_000)
        cookie = next(c["value"] for c in context.cookies() if c["name"] == "genai_affinity")
        page.screenshot(path=str(artifacts / "replicas-through-nginx.png"))
        context.close()

        # every request of that browser, the websocket's upgrade included, reached one replica
        mine = [line for line in replica_log_lines(proxy) if line[0] == cookie]
        assert {upstream for _, upstream, _, _ in mine} in (
            {f"127.0.0.1:{port}"} for port in replicas.ports
        ), mine
        assert ["/_stcore/stream", "101"] in [[uri, status] for _, _, uri, status in mine], mine
    finally:
        if proxy is not None:
            proxy.stop(artifacts, "nginx-replicas-error.log")
        replicas.stop()
