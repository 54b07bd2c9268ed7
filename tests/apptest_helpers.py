"""AppTest helpers shared by the page tests: open a page as a deep link would, and the
download buttons on screen (with the `downloads` fixture of conftest.py)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from streamlit.testing.v1 import AppTest

from genai_impact import navigation

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PAGES = {page.id: page for page in navigation.PAGES}
Params = Mapping[str, str | list[str]]


def open_page(
    page_id: str, params: Params | None = None, *, timeout: float = 30, **more: str | list[str]
) -> AppTest:
    """Open a page as a deep link does, with `params` and `more` in the URL, and check that
    no exception was shown. A browser's link to /<page> runs that page's script alone, with
    app.py as the entry point (its page links resolve); so does this: the page is chosen
    before the first run, and app.py's own script does not run. `params` takes any
    parameter name (the hostile-URL tests send names a keyword could not)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in {**(params or {}), **more}.items():
        at.query_params[key] = value
    if page_id != "home":
        at.switch_page(PAGES[page_id].path)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def download_buttons(at: AppTest, downloads: Mapping) -> dict[str, tuple[str, str, object]]:
    """label -> (file name, MIME, callable) of the download buttons on screen whose file is
    made when clicked (`downloads`: the conftest fixture's record)."""
    out = {}
    for button in at.get("download_button"):
        if button.proto.deferred_file_id:
            out[button.proto.label] = downloads[button.proto.deferred_file_id]
    return out
