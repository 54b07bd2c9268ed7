"""The package tree is the architecture, and its layers point one way.

Each subpackage (or top-level module) of `genai_impact` sits in a layer and imports only
from layers below it; only `ui` imports streamlit; pages lay out, the package computes;
no raw HTML; one function writes the URL; modules stay small enough to read.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from genai_impact import navigation

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "genai_impact"
PAGE_FILES = [REPO / "app.py", *sorted((REPO / "pages").glob("*.py"))]
PACKAGE_FILES = sorted(PACKAGE.rglob("*.py"))
APP_FILES = [*PAGE_FILES, *PACKAGE_FILES]

# Bottom to top. A unit (subpackage or top-level module) imports only from its own unit
# and from units in lower layers.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("theme", "atomic_write"),  # the look as data; writing a file whole
    ("report",),  # the report's framework: model, loading, validation, selections
    ("text",),  # catalogues and display formatting of the model's values
    ("official",),  # official statistics: fetch, parse, check, import, read
    ("placement",),  # one firm on the map: its archetype and the report's expectations
    ("state", "navigation"),  # the view <-> URL; the page registry
    ("views",),  # per view: pure queries and chart builders
    ("exports",),  # files: PNG/SVG/CSV, decks (PPTX/PDF/HTML), presets
    ("workshop",),  # agenda, links, slides per saved view
    ("ui", "cli", "warm"),  # streamlit; the command line; the launcher's warm-up
    ("__main__",),  # python -m genai_impact
)
LAYER_OF = {unit: n for n, units in enumerate(LAYERS) for unit in units}


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


def unit_of(path: Path) -> str:
    """The subpackage a file belongs to, or the top-level module's name."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def units_imported(path: Path) -> set[str]:
    found = set()
    for module in imported_modules(path):
        parts = module.split(".")
        if parts[0] == "genai_impact" and len(parts) > 1 and parts[1] in LAYER_OF:
            found.add(parts[1])
    return found


def imports_streamlit(path: Path) -> bool:
    return any(m == "streamlit" or m.startswith("streamlit.") for m in imported_modules(path))


def test_every_unit_of_the_package_has_a_layer():
    units = {unit_of(p) for p in PACKAGE_FILES} - {"__init__"}
    assert units == set(LAYER_OF), units ^ set(LAYER_OF)


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_layers(path):
    unit = unit_of(path)
    if unit == "__init__":
        return
    upward = {
        other
        for other in units_imported(path)
        if other != unit and LAYER_OF[other] >= LAYER_OF[unit]
    }
    assert not upward, f"{path.relative_to(PACKAGE)} ({unit}) imports {sorted(upward)}"


def test_only_ui_imports_streamlit_in_the_package():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE_FILES
        if imports_streamlit(p) and unit_of(p) != "ui"
    ]
    assert offenders == []


def test_the_layer_check_catches_an_upward_import(tmp_path, monkeypatch):
    fake = tmp_path / "genai_impact" / "report"
    fake.mkdir(parents=True)
    (fake / "model.py").write_text("from genai_impact.views.map import query\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path / "genai_impact")
    path = fake / "model.py"
    assert unit_of(path) == "report" and units_imported(path) == {"views"}


@pytest.mark.parametrize(
    "package", sorted(p for p in PACKAGE.rglob("__init__.py")), ids=lambda p: p.parent.name
)
def test_every_package_says_what_it_holds(package):
    doc = ast.get_docstring(ast.parse(package.read_text(encoding="utf-8"))) or ""
    assert len(doc) >= 80, f"{package.parent.name}: a one-paragraph docstring, please"


MODULE_MAX_LINES = 300  # past this, a module's docstring says why it is one module ("Size:")


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small_or_say_why(path):
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    if lines > MODULE_MAX_LINES:
        doc = ast.get_docstring(ast.parse(text)) or ""
        assert "Size:" in doc, f"{lines} lines and no 'Size:' reason in the docstring"


def test_the_launcher_only_starts_streamlit():
    """serve.py (beside app.py) imports streamlit's command line and the warm-up, no more."""
    launcher = REPO / "serve.py"
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
    assert "yaml" not in modules and "genai_impact.report.load" not in modules  # data via ui


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_pages_stay_thin(page):
    lines = page.read_text(encoding="utf-8").count("\n")
    assert lines <= PAGE_MAX_LINES, f"{page.name} has {lines} lines"


# The one module that mounts a component: the presenter's keys need a script in the page
# (a listener on the document from the moment it loads; Streamlit's button shortcuts skip
# keys while a control has the focus). Its script is a file of the package, served by the
# app, and is handed no user data.
COMPONENT_MODULE = PACKAGE / "ui" / "presenter_keys.py"
RAW_HTML_CHECKED = [p for p in APP_FILES if p != COMPONENT_MODULE]


@pytest.mark.parametrize("path", RAW_HTML_CHECKED, ids=lambda p: str(p.relative_to(REPO)))
def test_no_raw_html(path):
    text = path.read_text(encoding="utf-8")
    for forbidden in ("unsafe_allow_html", "st.html", "components.v1", "st.components"):
        assert forbidden not in text, f"{forbidden} in {path.name}"


def test_the_component_module_mounts_only_its_packaged_script():
    """The exception above uses `st.components.v2` with files, never inline code or HTML."""
    text = COMPONENT_MODULE.read_text(encoding="utf-8")
    assert "components.v1" not in text and "st.html" not in text and "unsafe_allow_html" not in text
    assert "html=" not in text
    assert re.search(r'js="[a-z_]+\.js"', text) and re.search(r'css="[a-z_]+\.css"', text)
    mounting = [p for p in APP_FILES if "components.v2" in p.read_text(encoding="utf-8")]
    assert mounting == [COMPONENT_MODULE]


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


@pytest.mark.parametrize("path", RAW_HTML_CHECKED, ids=lambda p: str(p.relative_to(REPO)))
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


# --- one writer of the URL -------------------------------------------------------------------

# Reading st.query_params is fine anywhere in ui; changing it is state.write_query_params's
# job alone (the page start passes st.query_params to it once per run).
_READS = {"get_all", "get", "keys", "to_dict", "items", "values", "__contains__"}


def query_param_writes(path: Path) -> list[str]:
    """Every place `path` changes `<x>.query_params` other than handing it to the writer."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "query_params"):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr in _READS:
            continue  # st.query_params.get_all(...) and other reads
        if isinstance(parent, ast.Compare) or isinstance(parent, ast.comprehension):
            continue  # `x in st.query_params`, iteration
        if isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Load):
            continue  # st.query_params["x"] read
        call = parent if isinstance(parent, ast.Call) else None
        if call is not None and node in call.args:
            callee = call.func
            if isinstance(callee, ast.Attribute) and callee.attr == "write_query_params":
                continue  # handed to the one writer
        found.append((node.lineno, f"{path.name}:{node.lineno}"))
    return [where for _, where in sorted(found)]


def test_one_writer_of_the_url():
    writes = [w for path in [*APP_FILES, REPO / "serve.py"] for w in query_param_writes(path)]
    assert writes == []
    handed = [
        path.relative_to(REPO)
        for path in APP_FILES
        if "write_query_params(st.query_params" in path.read_text(encoding="utf-8")
    ]
    assert [str(p) for p in handed] == ["src/genai_impact/ui/url.py"]


def test_the_writer_check_catches_every_kind_of_write(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import streamlit as st\n"
        "st.query_params['a'] = 'x'\n"  # 2
        "st.query_params.pop('a', None)\n"  # 3
        "del st.query_params['a']\n"  # 4
        "st.query_params.from_dict({})\n"  # 5
        "st.query_params.update(a='x')\n"  # 6
        "st.query_params.clear()\n"  # 7
        "x = st.query_params.get_all('a')\n"  # a read
        "y = 'a' in st.query_params\n"  # a read
        "state.write_query_params(st.query_params, {}, v, ())\n",  # the writer
        encoding="utf-8",
    )
    assert query_param_writes(sample) == [f"sample.py:{n}" for n in range(2, 8)]


def test_every_page_file_is_registered_and_every_registered_page_exists():
    on_disk = {str(p.relative_to(REPO)) for p in PAGE_FILES}
    registered = {page.path for page in navigation.PAGES}
    assert on_disk == registered
