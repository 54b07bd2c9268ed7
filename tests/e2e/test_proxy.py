"""The reverse-proxy template deploy/nginx-replicas.conf (shown in docs/deploy.md), run for
real: nginx on 127.0.0.1 in front of two Streamlit replicas. Headers, upload limit, CSP in
Chromium, session affinity. Needs nginx (nginx_proxy.py).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import page_url, wait_until_rendered
from e2e_server import StreamlitServer
from nginx_proxy import NGINX, NO_NGINX, Proxy
from playwright.sync_api import Page, expect

from genai_impact import navigation
from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def proxy(artifacts: Path, tmp_path_factory, session_server: StreamlitServer) -> Iterator[Proxy]:
    """nginx in front of two replicas: the session's server and one of its own (a server
    start is seconds on CI; the replicas are alike, both serve the bundled data)."""
    if NGINX is None:
        pytest.fail(NO_NGINX)
    tmp = tmp_path_factory.mktemp("nginx")
    own = StreamlitServer(artifacts / "streamlit-replica-2.log")
    proxy = None
    try:
        own.wait_healthy()
        proxy = Proxy(tmp, [session_server.port, own.port])
        proxy.wait_ready()
        yield proxy
    finally:
        if proxy is not None:
            proxy.stop(artifacts)
        own.stop()


def fetch(url: str, cookie: str | None = None):
    """Status, headers (an email.message.Message: repeated headers kept) and body."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_security_headers_on_pages_and_assets(proxy: Proxy):
    status, headers, body = fetch(proxy.url + "/industries")
    assert status == 200 and b"<script" in body  # Streamlit's page shell came through
    assets = re.findall(rb'src="(\./static/[^"]+\.js)"', body)
    for url in ["/industries", "/_stcore/health", "/" + assets[0].decode().lstrip("./")]:
        _, headers, _ = fetch(proxy.url + url)
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp, url
        assert "'unsafe-eval'" not in csp and "script-src 'self'" in csp
        assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "DENY"
        assert "nginx/" not in headers.get("Server", "")  # no version on show
        cookies = headers.get_all("Set-Cookie") or []
        assert any(c.startswith("genai_affinity=") for c in cookies), cookies


def test_uploads_over_the_limit_are_refused_by_the_proxy(proxy: Proxy):
    request = urllib.request.Request(
        proxy.url + "/_stcore/upload_file/x/y", data=b"x" * (2 * 1024 * 1024), method="PUT"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 413


def test_every_page_works_behind_the_proxy_without_csp_violations(page: Page, proxy: Proxy):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    for spec in navigation.PAGES:
        page.goto(page_url(proxy.url, spec))
        wait_until_rendered(page, t(f"{spec.id}.title", "ja"))
        expect(page.get_by_test_id("stException")).to_have_count(0)
    # a rerun over the proxied websocket
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_until_rendered(page, t(f"{navigation.PAGES[-1].id}.title", "en"))
    assert violations == [], "\n".join(dict.fromkeys(violations))


def test_a_browser_stays_on_one_replica(proxy: Proxy):
    # Each cookie value is hashed to one replica; without a cookie the first response sets one.
    for n in range(6):
        for _ in range(3):
            fetch(proxy.url + f"/_stcore/health?n={n}", cookie=f"genai_affinity=browser-{n}")
    upstreams: dict[str, set[str]] = defaultdict(set)
    for line in proxy.access_log.read_text().splitlines():
        cookie, upstream, *_ = line.split(" ")
        if cookie.startswith("browser-"):
            upstreams[cookie].add(upstream)
    assert len(upstreams) == 6
    assert all(len(addresses) == 1 for addresses in upstreams.values()), upstreams
