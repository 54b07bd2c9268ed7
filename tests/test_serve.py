"""`python serve.py`: `streamlit run app.py`, with the pages' modules imported, the
catalogues read and the default map's labels placed (genai_impact.warm) while the first
browser loads the front end (make run, the image and the browser tests start the app so)."""

from __future__ import annotations

import http.server
import importlib.util
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from genai_impact import warm

REPO = Path(__file__).resolve().parents[1]


def load_serve():
    """The repository's serve.py (an entry point beside app.py, not a package module)."""
    spec = importlib.util.spec_from_file_location("serve_entry", REPO / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("args", "port"),
    [
        (["--server.port=8600"], 8600),
        (["--server.headless=true", "--server.port", "8601"], 8601),
        ([], 8501),
    ],
)
def test_the_port_comes_from_the_options(args, port, monkeypatch):
    monkeypatch.delenv("STREAMLIT_SERVER_PORT", raising=False)
    assert warm.port_of(args) == port


def test_the_port_from_the_environment(monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", "8602")
    assert warm.port_of(["--server.headless=true"]) == 8602


def test_main_runs_streamlit_on_app_py_with_the_options_and_warms_up(monkeypatch):
    from streamlit.web import cli

    ran, warmed = [], []
    serve = load_serve()
    monkeypatch.setattr(cli, "main", lambda: ran.append(list(sys.argv)))
    monkeypatch.setattr(serve, "warm", lambda port: warmed.append(port))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    serve.main(["--server.port=8603", "--server.address=0.0.0.0"])
    assert ran == [["streamlit", "run", "app.py", "--server.port=8603", "--server.address=0.0.0.0"]]
    for thread in threading.enumerate():
        if thread.name == "warm-imports":
            thread.join(5)
    assert warmed == [8603]


def test_the_warm_modules_do_not_import_streamlit():
    """Imported outside a script run: no streamlit (no caches or widgets made there)."""
    names = ", ".join(warm.WARM_MODULES)
    code = f"import sys, {names}; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_warming_waits_for_the_server_to_answer():
    assert not warm._healthy(_free_port(), timeout=0.3)
    server = http.server.HTTPServer(("127.0.0.1", 0), _Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert warm._healthy(server.server_port, timeout=5)
    finally:
        server.shutdown()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


WARM_CHECK = """
import http.server, json, sys, threading
from genai_impact import warm
from genai_impact.text import i18n
from genai_impact.views.map import rows as map_rows
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *a): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Health)
threading.Thread(target=server.serve_forever, daemon=True).start()
warm.warm(server.server_port, timeout=5)
print(json.dumps({"catalogues": i18n.catalogue.cache_info().currsize,
                  "placements": map_rows.place.cache_info().currsize,
                  "streamlit": "streamlit" in sys.modules}))
"""


def _warm_in_a_new_process(env: dict[str, str]) -> dict:
    import json
    import os

    run_env = {k: v for k, v in os.environ.items() if k != warm.DATA_DIR_ENV} | env
    out = subprocess.run(
        [sys.executable, "-c", WARM_CHECK], capture_output=True, text=True, env=run_env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.splitlines()[-1])


def test_warming_reads_the_catalogues_and_places_the_default_maps_labels():
    warmed = _warm_in_a_new_process({})
    # both languages; the map's default view in both, on screen and presenting
    assert warmed == {"catalogues": 2, "placements": 4, "streamlit": False}


def test_warming_leaves_a_broken_data_set_to_the_first_run(tmp_path):
    (tmp_path / "framework.yaml").write_text("not: [a, valid", encoding="utf-8")
    warmed = _warm_in_a_new_process({warm.DATA_DIR_ENV: str(tmp_path)})
    assert warmed == {"catalogues": 2, "placements": 0, "streamlit": False}


def test_the_data_directory_is_the_apps():
    from genai_impact import ui
    from genai_impact.report import load

    assert warm.DATA_DIR_ENV == load.DATA_DIR_ENV == "GENAI_IMPACT_DATA_DIR"
    assert ui.data_dir is load.data_dir is warm.data_dir  # one reading of the variable
