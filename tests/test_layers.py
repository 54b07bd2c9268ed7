"""The layers point one way: only ui.py (in the package) and the pages import streamlit;
pages lay out, the package computes; no raw HTML."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from genai_impact import navigation

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "genai_impact"
PAGE_FILES = [REPO / "app.py", *sorted((REPO / "pages").glob("*.py"))]
APP_FILES = [*PAGE_FILES, *sorted(PACKAGE.rglob("*.py"))]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def imports_streamlit(path: Path) -> bool:
    return any(m == "streamlit" or m.startswith("streamlit.") for m in imported_modules(path))


def test_only_ui_imports_streamlit_in_the_package():
    offenders = [p.name for p in sorted(PACKAGE.rglob("*.py")) if imports_streamlit(p)]
    assert offenders == ["ui.py"]


def test_the_launcher_only_starts_streamlit():
    """serve.py (beside app.py) imports streamlit's command line and the warm-up, no more."""
    launcher = PACKAGE.parents[1] / "serve.py"
    modules = [
        m for m in imported_modules(launcher) if m.split(".")[0] in ("streamlit", "genai_impact")
    ]
    assert sorted(modules) == [
        "genai_impact.warm",
        "genai_impact.warm.port_of",
        "genai_impact.warm.warm",
        "streamlit.web",
        "streamlit.web.cli",
    ], modules
    assert not re.search(r"\bst\.", launcher.read_text(encoding="utf-8"))


# A page lays out: streamlit, the package, and the chart/table libraries it hands data to.
PAGE_IMPORTS = ("streamlit", "genai_impact", "pandas", "altair")
PAGE_MAX_LINES = 250  # a page that grows past this holds logic that belongs in the package


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_pages_import_only_layout_libraries_and_the_package(page):
    modules = imported_modules(page)
    assert all(m.split(".")[0] in PAGE_IMPORTS for m in modules), modules
    assert "yaml" not in modules and "genai_impact.report.load" not in modules  # data comes via ui


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_pages_stay_thin(page):
    lines = page.read_text(encoding="utf-8").count("\n")
    assert lines <= PAGE_MAX_LINES, f"{page.name} has {lines} lines"


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_no_raw_html(path):
    text = path.read_text(encoding="utf-8")
    for forbidden in ("unsafe_allow_html", "st.html", "components.v1", "st.components"):
        assert forbidden not in text, f"{forbidden} in {path.name}"


def raw_html_uses(path: Path) -> list[str]:
    """What the text check above can miss: aliased imports, keyword arguments, .html() calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules = imported_modules(path)
    # `from streamlit import html` shows up as the module "streamlit.html"
    found = [m for m in modules if m.startswith("streamlit.components") or m == "streamlit.html"]
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "unsafe_allow_html":
            found.append(f"unsafe_allow_html= at line {node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr in ("html", "iframe", "components"):
            found.append(f".{node.attr} at line {node.lineno}")
    return found


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_no_raw_html_by_any_spelling(path):
    # e.g. `import streamlit as s; s.html(x)` or `from streamlit.components import v1`
    assert raw_html_uses(path) == []


def test_the_raw_html_check_catches_aliases(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import streamlit as s\nfrom streamlit.components import v1\n"
        "s.html('<b>x</b>')\ns.markdown('x', **{'unsafe_allow_html': True})\n"
        "s.write('x', unsafe_allow_html=True)\n",
        encoding="utf-8",
    )
    found = raw_html_uses(sample)
    assert "streamlit.components" in found and ".html at line 3" in found
    assert "unsafe_allow_html= at line 5" in found


def test_pure_modules_do_not_import_ui():
    offenders = [
        p.name
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.name != "ui.py" and "genai_impact.ui" in imported_modules(p)
    ]
    assert offenders == []


def test_every_page_file_is_registered_and_every_registered_page_exists():
    on_disk = {str(p.relative_to(REPO)) for p in PAGE_FILES}
    registered = {page.path for page in navigation.PAGES}
    assert on_disk == registered
