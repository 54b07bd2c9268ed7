"""Streamlit's own page colours follow the view's theme, per session.

Streamlit themes a page from the `custom_theme` of the NewSession message it sends at the
start of every run, and takes its colours from the server's configuration: the same for
everyone. Here that message is filled, for each session, from the palette of the theme
its view asks for (`?theme=`), so background, sidebar, tables and text change with the
chart. The message leaves before the run that reads the URL; when a run finds its page
drawn in another theme than its view's (a switch, a shared link), it asks for one rerun,
whose message carries the right one.

It wraps one private method, `AppSession._create_new_session_message` (Streamlit 1.67);
`tests/test_page_theme.py` fails when that changes. Without it (a bare run, AppTest) the
page keeps the configured theme and the charts still follow the view.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import streamlit as st
from streamlit import runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.scriptrunner import get_script_run_ctx

from genai_impact.theme import DEFAULT_THEME, Palette, palette, streamlit_theme

SESSIONS_KEPT = 4096  # themes remembered per process, oldest forgotten first
_lock = threading.Lock()
_wanted: OrderedDict[str, str] = OrderedDict()  # session id -> the theme its view asks for
_sent: OrderedDict[str, str] = OrderedDict()  # session id -> the theme its page was sent
_asked: OrderedDict[str, str] = OrderedDict()  # session id -> the theme a rerun was asked for
_ORIGINAL = "_genai_impact_original_new_session_message"


def _remember(table: OrderedDict[str, str], session: str, theme: str) -> None:
    with _lock:
        table[session] = theme
        table.move_to_end(session)
        while len(table) > SESSIONS_KEPT:
            table.popitem(last=False)


def fill(custom_theme: Any, pal: Palette) -> None:
    """Write `pal` into a NewSession `CustomThemeConfig` (the options Streamlit's own
    `[theme]` section would set)."""
    options = streamlit_theme(pal)
    custom_theme.base = (
        custom_theme.BaseTheme.DARK
        if options.pop("base") == "dark"
        else custom_theme.BaseTheme.LIGHT
    )
    for name, value in options.items():
        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in name)
        setattr(custom_theme, snake, value)


def _themed_new_session_message(self: AppSession, *args: Any, **kwargs: Any) -> Any:
    msg = getattr(AppSession, _ORIGINAL)(self, *args, **kwargs)
    theme = _wanted.get(self.id, DEFAULT_THEME)
    fill(msg.new_session.custom_theme, palette(theme))
    _remember(_sent, self.id, theme)
    return msg


def install() -> None:
    """Theme every later NewSession by its session's view (idempotent)."""
    if not hasattr(AppSession, _ORIGINAL):
        setattr(AppSession, _ORIGINAL, AppSession._create_new_session_message)
        AppSession._create_new_session_message = _themed_new_session_message


def apply(theme: str) -> None:
    """Make this session's page use `theme`: at once from the next run on, and now by one
    rerun when the page was sent in another theme (asked once per change, never a loop)."""
    ctx = get_script_run_ctx()
    if not runtime.exists() or ctx is None:
        return
    session = ctx.session_id
    _remember(_wanted, session, theme)
    shown = _sent.get(session, DEFAULT_THEME)  # before any themed message: the configured one
    if shown != theme and _asked.get(session) != theme:
        _remember(_asked, session, theme)
        st.rerun()
