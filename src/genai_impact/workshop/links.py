"""Links to views: the base URL a link starts with, a view's canonical URL, and where a
saved view stands in the agenda (pure: no streamlit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from genai_impact import state
from genai_impact.workshop import agenda

BASE_URL_ENV = "GENAI_IMPACT_BASE_URL"
DEFAULT_BASE_URL = "http://localhost:8501"


def base_url(url: str | None, host: str | None, configured: str | None = None) -> str:
    """Scheme and host the app is reached at: the configured value, else the browser's URL,
    else the Host header, else localhost. Only http(s) with a plain host is accepted."""
    for candidate in (configured, url):
        if candidate:
            parts = urlsplit(candidate.strip())
            if parts.scheme in ("http", "https") and parts.netloc and "@" not in parts.netloc:
                return f"{parts.scheme}://{parts.netloc}"
    if host and all(ch.isalnum() or ch in ".-:[]" for ch in host):
        return f"http://{host}"
    return DEFAULT_BASE_URL


def view_link(base: str, page_id: str, view: state.ViewState) -> str:
    """The canonical URL of a view of page `page_id`, language always written."""
    return agenda.view_url(base, capture(page_id, view))


def capture(page_id: str, view: state.ViewState, name: str = "view") -> agenda.SavedView:
    """The view as a saved view. Display settings (presentation mode, theme) belong to
    the room, and the open deck to the session, not to the view: they are left out and
    carried while stepping."""
    kept = replace(view, present=None, theme="light", deck=None, edit=None)
    return agenda.capture_view(name, page_id, kept)


def display_params(view: state.ViewState) -> dict[str, str]:
    """What stepping and the agenda's links carry from `view`: presentation mode, theme,
    and the open deck (its id and edit key)."""
    carried = ("present", "theme", "deck", "edit")
    return {
        k: v for k, v in state.to_query_params(view, only=carried).items() if isinstance(v, str)
    }


def _as_lists(params: agenda.Params) -> dict[str, list[str]]:
    """Parameters with every value as a list: the agenda file writes a one-value list as
    its value alone (`arch: A`), so a view read back compares equal to one captured."""
    return {k: [v] if isinstance(v, str) else list(v) for k, v in params.items()}


def position(views: Sequence[agenda.SavedView], page_id: str, view: state.ViewState) -> int | None:
    """The index of the saved view now on screen (same page and parameters), else None."""
    here = capture(page_id, view)
    wanted = _as_lists(here.params)
    for i, saved in enumerate(views):
        if saved.page == here.page and _as_lists(saved.params) == wanted:
            return i
    return None
