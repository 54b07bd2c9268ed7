"""The URL as widgets see it: each widget mirrors one query parameter.

A widget never writes the URL. Its change asks for one (`request`), the page start reads
the URL with the pending changes applied (`current`), and `state.write_query_params` then
writes the whole URL once per run (`write`). So every parameter has one owner, and a new
widget is one `bound(...)` call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from genai_impact import navigation, state

PENDING = "url_pending"  # session: {parameter: values} asked for since the last run
FRESH = "url_fresh"  # session: the page whose start has just read the URL, this run
ON_SCREEN = "url_on_screen"  # session: {page id: the view last drawn, by a page or a section}


def _values(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def request(name: str, value: object) -> None:
    """Ask that URL parameter `name` be `value` from the next run on (None, "" or an empty
    list leave it out). For callbacks and the play control; the run then rereads the URL."""
    st.session_state.setdefault(PENDING, {})[name] = _values(value)


def current() -> dict[str, list[str]]:
    """The query parameters of this run: the URL's, with the changes asked for applied."""
    raw = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    for name, values in st.session_state.pop(PENDING, {}).items():
        if values:
            raw[name] = values
        else:
            raw.pop(name, None)
    return raw


def _follow(name: str, key: str, encode: Callable[[Any], object] | None) -> None:
    value = st.session_state.get(key)
    request(name, encode(value) if encode else value)


def bound(
    make: Callable[..., Any],
    name: str,
    value: object,
    *,
    key: str,
    encode: Callable[[Any], object] | None = None,
    **kwargs: Any,
) -> Any:
    """`make(...)`, a widget mirroring URL parameter `name`: shown with `value` (from the
    view) on every run; on change it asks for the URL to follow (`encode` turns the widget's
    value into the parameter's, e.g. a toggle's True into "1")."""
    st.session_state[key] = value
    return make(key=key, on_change=_follow, args=(name, key, encode), **kwargs)


def write(raw: dict[str, Sequence[str]], view: state.ViewState, spec: navigation.PageSpec) -> None:
    """The page's URL in canonical form, written once (the page start calls it)."""
    state.write_query_params(st.query_params, raw, view, spec.params)


def remember(page_id: str, view: state.ViewState) -> None:
    """The view just drawn on page `page_id` (by its full run or by a live section)."""
    st.session_state.setdefault(ON_SCREEN, {})[page_id] = view


def started(page_id: str, view: state.ViewState) -> None:
    """A page's start has read the URL: its live section draws this run's view as is."""
    st.session_state[FRESH] = page_id
    remember(page_id, view)


def view_now(page_id: str, fallback: state.ViewState) -> state.ViewState:
    """The view on screen: what a live section drew since the page's last full run, else
    `fallback` (that run's). For callbacks outside the section (save the view, its link)."""
    return st.session_state.get(ON_SCREEN, {}).get(page_id, fallback)
