"""The first visitor's run, made ready while their browser loads (no streamlit; serve.py).

Streamlit imports an app's modules on the first visitor's first script run, so the first
person in the room waits for pandas, Altair and our own modules (about 1.6 s of imports
on the development machine) after their browser has loaded Streamlit's front end. Here a
background thread imports them as soon as the server answers `/_stcore/health`, while
the first browser is still loading and starting the front end, then reads the string
catalogues and places the default map's labels (see `warm`). The thread uses only
modules that do not import streamlit (no caches or widgets are created outside a script
run); the script run finds the modules in `sys.modules`, or waits on the import lock for
the one being imported. The launcher is the repository's `serve.py` (`make run`, the image):
it starts `warm` in a thread and then Streamlit's command line.
"""

from __future__ import annotations

import importlib
import os
import time
import urllib.request

from genai_impact.report.load import DATA_DIR_ENV, data_dir

__all__ = ["DATA_DIR_ENV", "WARM_MODULES", "port_of", "warm"]

# The pages' pure modules (and through them pandas, Altair, PyYAML, vl-convert's binding).
WARM_MODULES = (
    "genai_impact.report.load",
    "genai_impact.views.map.chart",
    "genai_impact.views.map.query",
    "genai_impact.exports.map_export",
    "genai_impact.exports.page_tables",
    "genai_impact.official.stats",
    "genai_impact.views.profile",
    "genai_impact.views.use_cases",
    "genai_impact.views.impacts",
)


def port_of(args: list[str]) -> int:
    """The `--server.port` among the options (Streamlit's default 8501)."""
    for n, arg in enumerate(args):
        if arg.startswith("--server.port="):
            return int(arg.split("=", 1)[1])
        if arg == "--server.port" and n + 1 < len(args):
            return int(args[n + 1])
    return int(os.environ.get("STREAMLIT_SERVER_PORT", "8501"))


def _healthy(port: int, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def warm(port: int, timeout: float = 60.0) -> None:
    """Once the server answers (not before: this would hold the interpreter while the
    server starts), or after `timeout` s in any case: import WARM_MODULES, read the string
    catalogues and place the labels of the map's default views. All three are cached per
    process by the pure modules (the catalogues with functools.cache, the label placement
    with lru_cache on its inputs), so the first visitor's run finds them done."""
    _healthy(port, timeout)
    for name in WARM_MODULES:
        importlib.import_module(name)
    from genai_impact.report.load import load_dataset
    from genai_impact.text import i18n
    from genai_impact.views.map import query as map_query
    from genai_impact.views.map.layout import map_size

    for lang in i18n.LANGS:
        i18n.catalogue(lang)
    try:
        dataset = load_dataset(data_dir())
    except Exception:  # noqa: BLE001 (the first run reports a broken data set, file and field)
        return
    for lang in i18n.LANGS:
        for presenting in (False, True):
            size = map_size(presenting)
            map_query.schematic_view(dataset, map_query.MapFilters(), lang, size)
