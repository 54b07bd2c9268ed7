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
    the room, not to the view: they are left out and carried while stepping."""
    return agenda.capture_view(name, page_id, replace(view, present=None, theme="light"))


def display_params(view: state.ViewState) -> dict[str, str]:
    """The presentation-mode and theme parameters of `view` (what stepping carries)."""
    return {
        k: v
        for k, v in state.to_query_params(view, only=("present", "theme")).items()
        if isinstance(v, str)
    }


def position(views: Sequence[agenda.SavedView], page_id: str, view: state.ViewState) -> int | None:
    """The index of the saved view now on screen (same page and parameters), else None."""
    here = capture(page_id, view)
    for i, saved in enumerate(views):
        if saved.page == here.page and agenda.canonical_params(
            saved.params
        ) == agenda.canonical_params(here.params):
            return i
    return None
