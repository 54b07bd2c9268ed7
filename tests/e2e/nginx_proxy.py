"""nginx on 127.0.0.1 with the template deploy/nginx-replicas.conf, in front of replicas on
loopback ports: the reverse-proxy and replica tests run the configuration administrators copy.

Needs nginx (the Debian package `nginx`, which `make test` installs): without it the
tests fail, naming the package, rather than pass unseen.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from e2e_server import free_port, stop_process, wait_for_health

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "deploy" / "nginx-replicas.conf"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
)
NO_NGINX = "nginx is not installed: install the Debian package nginx (apt-get install nginx)"


def template() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def nginx_conf(snippet: str, listen: int, upstreams: list[int], tmp: Path) -> str:
    """The template wrapped in a standalone nginx.conf on loopback ports."""
    servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+;.*$", snippet, re.M)
    assert servers, "the upstream block lists its replicas as 'server 127.0.0.1:PORT;'"
    body = snippet.replace(servers[0], "\n".join(f"server 127.0.0.1:{p};" for p in upstreams))
    for extra in servers[1:]:
        body = body.replace(extra, "")
    body, n = re.subn(r"listen 80;", f"listen 127.0.0.1:{listen};", body)
    assert n == 1, "the server block listens with 'listen 80;'"
    temp = "\n".join(
        f"{kind}_temp_path {tmp / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""  # workers write temp files under tmp
    return f"""
daemon off;
{user}
worker_processes 1;
pid {tmp / "nginx.pid"};
error_log {tmp / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    {temp}
    scgi_temp_path {tmp / "scgi"};
    log_format affinity '$genai_affinity $upstream_addr $request_uri $status';
    access_log {tmp / "access.log"} affinity;
{body}
}}
"""


class Proxy:
    """nginx with the template before `upstreams` (ports on 127.0.0.1). Access log lines:
    `<affinity key (the cookie, or the id it gets)> <replica address> <request uri> <status>`."""

    def __init__(self, tmp: Path, upstreams: list[int]) -> None:
        if NGINX is None:
            raise RuntimeError(NO_NGINX)
        tmp.mkdir(parents=True, exist_ok=True)
        tmp.chmod(0o755)
        self.tmp = tmp
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = tmp / "access.log"
        conf = tmp / "nginx.conf"
        conf.write_text(nginx_conf(template(), self.port, upstreams, tmp), encoding="utf-8")
        check = subprocess.run([NGINX, "-t", "-c", str(conf)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self._log = (tmp / "nginx.out").open("w")
        self.proc = subprocess.Popen(
            [NGINX, "-c", str(conf)], stdout=self._log, stderr=subprocess.STDOUT
        )

    def wait_ready(self, timeout: float = 20) -> None:
        wait_for_health(self.url, self.proc, timeout, "nginx (nginx.out, error.log)")

    def log_lines(self) -> list[list[str]]:
        return [line.split(" ") for line in self.access_log.read_text().splitlines()]

    def stop(self, artifacts: Path | None = None, name: str = "nginx-error.log") -> None:
        stop_process(self.proc)  # our own master process only; it stops its worker
        self._log.close()
        if artifacts is not None:
            shutil.copy(self.tmp / "error.log", artifacts / name)
