"""The Dockerfile and the dependency locks, checked without Docker (none on CI machines).

What a build would catch late: a root user, a wrong health check path, missing Japanese
fonts, dev tools in the image, a runtime import nobody pinned, a lock that pip's
--require-hashes mode would refuse.
"""

from __future__ import annotations

import ast
import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")
# instruction -> its arguments, continuation lines joined, comments dropped
INSTRUCTIONS = [
    (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
    for line in re.sub(r"\\\n\s*", " ", DOCKERFILE).splitlines()
    if line.strip() and not line.lstrip().startswith("#")
]
DEV_PACKAGES = {"pytest", "playwright", "pytest-playwright", "pytest-xdist", "ruff", "hypothesis"}
REQUIREMENTS = REPO / "requirements"
LOCKS = ("run.txt", "test.txt", "tools.txt")


def args_of(instruction: str) -> list[str]:
    return [args for name, args in INSTRUCTIONS if name == instruction]


def pins(path: Path) -> dict[str, str]:
    """name -> version of the `name==version` lines of a requirements file (a lock's hashes
    and continuation backslash dropped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = (re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s\\]+)[\s\\]*", line.strip()) for line in lines)
    return {m[1].lower(): m[2] for m in found if m}


def requirements(path: Path) -> list[tuple[str, list[str]]]:
    """A lock's requirements: (the requirement, its --hash options), comments dropped and
    continuation lines joined."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [(line.split()[0], re.findall(r"--hash=(\S+)", line)) for line in lines if line]


RUNTIME = pins(REQUIREMENTS / "run.in")
LOCKED_RUNTIME = pins(REQUIREMENTS / "run.txt")


def test_base_image_is_python_311_slim():
    assert args_of("FROM") == ["${BASE}"]
    assert re.search(r"^ARG BASE=python:3\.11-slim$", DOCKERFILE, re.M)


def test_runs_as_a_non_root_user():
    users = args_of("USER")
    assert users and users[-1] not in ("root", "0"), users
    names = [name for name, _ in INSTRUCTIONS]
    assert names.index("CMD") > len(names) - 1 - names[::-1].index("USER")  # USER before CMD


def test_healthcheck_asks_streamlit_health_on_the_served_port():
    [health] = args_of("HEALTHCHECK")
    [cmd] = args_of("CMD")
    port = re.search(r"--server\.port=(\d+)", cmd)[1]
    assert f"127.0.0.1:{port}/_stcore/health" in health
    assert args_of("EXPOSE") == [port]


def test_serves_the_app_on_the_bundled_data():
    [cmd] = args_of("CMD")
    assert '"python", "serve.py"' in cmd  # `streamlit run app.py`, warmed up
    copied = " ".join(args_of("COPY"))
    for needed in (
        "app.py",
        "serve.py",
        "pages/",
        "data/",
        ".streamlit/",
        "src/",
        "requirements/run.txt",
    ):
        assert needed in copied, needed
    # an installed (not editable) package cannot find data/ beside itself
    assert "GENAI_IMPACT_DATA_DIR=/app/data" in " ".join(args_of("ENV"))
    assert args_of("WORKDIR") == ["/app"]


def test_japanese_fonts_and_no_browser():
    run = " ".join(args_of("RUN"))
    assert "fonts-noto-cjk" in run and "--no-install-recommends" in run
    assert "chromium" not in run.lower()
    assert "rm -rf /var/lib/apt/lists" in run  # keeps the image small


def test_installs_runtime_dependencies_only():
    run = " ".join(args_of("RUN"))
    assert "pip install --require-hashes -r requirements/run.txt" in run
    assert "test.txt" not in run
    assert not DEV_PACKAGES & set(re.findall(r"[a-z][a-z0-9\-]+", run))
    assert "pip install --no-deps ." in run  # the package itself, its pins came from the file


def test_dockerignore_keeps_tests_and_venv_out():
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8").split()
    for path in (".git", ".venv", "tests", "bench", ".e2e-artifacts"):
        assert path in ignored, path


def test_runtime_pins_are_the_package_dependencies_and_hold_no_dev_tools():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = dict(dep.lower().split("==") for dep in project["dependencies"])
    assert declared == RUNTIME
    assert not DEV_PACKAGES & set(RUNTIME)
    test_in = (REQUIREMENTS / "test.in").read_text(encoding="utf-8").splitlines()
    assert "-r run.in" in test_in and "-c run.txt" in test_in
    assert DEV_PACKAGES <= set(pins(REQUIREMENTS / "test.in"))


def test_every_lock_line_is_pinned_with_hashes():
    for lock in LOCKS:
        reqs = requirements(REQUIREMENTS / lock)
        assert reqs, lock
        for req, hashes in reqs:
            assert re.fullmatch(r"[a-z0-9][a-z0-9_.\-]*==[^=<>~!;\[\]]+", req), (lock, req)
            assert hashes and all(h.startswith("sha256:") for h in hashes), (lock, req)


def test_locks_hold_the_direct_pins_and_run_holds_no_test_tools():
    tests = pins(REQUIREMENTS / "test.txt")
    assert RUNTIME.items() <= LOCKED_RUNTIME.items()  # the lock was compiled from run.in
    assert not DEV_PACKAGES & set(LOCKED_RUNTIME)
    # a test venv runs the same packages as a run venv, plus the tools
    assert LOCKED_RUNTIME.items() <= tests.items()
    assert pins(REQUIREMENTS / "test.in").items() - RUNTIME.items() <= tests.items()


def third_party_imports(paths: list[Path]) -> set[str]:
    local = {"genai_impact"}
    names: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}


def test_every_import_of_the_app_is_a_pinned_runtime_dependency():
    app = [REPO / "app.py", *(REPO / "pages").glob("*.py"), *(REPO / "src").rglob("*.py")]
    providers = packages_distributions()
    unpinned = {
        name: providers.get(name)
        for name in third_party_imports(app)
        if not {d.lower() for d in providers.get(name, [])} & set(RUNTIME)
    }
    assert unpinned == {}, "add these to requirements/run.in and pyproject.toml, then make lock"


# --- several replicas: the nginx template and scripts/run-replicas --------------------------

NGINX_TEMPLATE = REPO / "deploy" / "nginx-replicas.conf"
RUN_REPLICAS = REPO / "scripts" / "run-replicas"


def test_the_deploy_doc_shows_the_nginx_template_as_it_is():
    doc = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```nginx\n(.*?)```", doc, re.S)
    assert blocks == [NGINX_TEMPLATE.read_text(encoding="utf-8")]


def test_the_template_pins_browsers_by_cookie_and_keeps_websockets_open():
    conf = NGINX_TEMPLATE.read_text(encoding="utf-8")
    settings = [line for line in conf.splitlines() if not line.lstrip().startswith("#")]
    assert "    hash $genai_affinity consistent;" in settings
    assert not [line for line in settings if "ip_hash" in line or "$remote_addr" in line]
    stream = conf.split("location /_stcore/stream")[1]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream
    assert "proxy_set_header Connection $connection_upgrade;" in stream
    assert "proxy_read_timeout 1h;" in stream  # nginx's default 60 s cuts an idle session


def run_replicas_module():
    loader = importlib.machinery.SourceFileLoader("run_replicas", str(RUN_REPLICAS))
    spec = importlib.util.spec_from_loader("run_replicas", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_run_replicas_writes_any_url_as_the_decks_connection():
    url = 'postgresql+psycopg://genai:p"a\\s s@db.example.org:5432/genai_impact'
    text = run_replicas_module().secrets_text(url)
    assert tomllib.loads(text) == {"connections": {"decks": {"url": url}}}


def test_run_replicas_refuses_to_start_without_a_deck_database():
    env = {k: v for k, v in os.environ.items() if k != "GENAI_IMPACT_DECK_URL"}
    done = subprocess.run(
        [sys.executable, str(RUN_REPLICAS), "--replicas", "2"],
        capture_output=True, text=True, env=env, timeout=30,
    )  # fmt: skip
    assert done.returncode == 2 and "GENAI_IMPACT_DECK_URL" in done.stderr
