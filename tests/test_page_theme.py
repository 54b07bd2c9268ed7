"""Streamlit's page colours follow the view's theme, per session (ui.page_theme).

It wraps one private method of Streamlit's AppSession: these tests fail when that method
changes, before a browser would show a light page around a dark chart. The browser test
(tests/e2e/test_theme_browser.py) looks at the whole page in each theme.
"""

from __future__ import annotations

import inspect

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NewSession_pb2 import CustomThemeConfig
from streamlit.runtime.app_session import AppSession

from genai_impact.theme import THEMES, palette
from genai_impact.ui import page_theme


def test_the_wrapped_method_is_still_there_with_its_arguments():
    page_theme.install()
    original = getattr(AppSession, page_theme._ORIGINAL)
    params = list(inspect.signature(original).parameters)
    assert params == ["self", "page_script_hash", "run_descriptor", "pages"]
    assert AppSession._create_new_session_message is page_theme._themed_new_session_message
    page_theme.install()  # idempotent: never wraps the wrapper
    assert getattr(AppSession, page_theme._ORIGINAL) is original


@pytest.mark.parametrize("theme", THEMES)
def test_a_palette_fills_streamlits_theme_message(theme):
    msg = CustomThemeConfig()
    page_theme.fill(msg, palette(theme))
    pal = palette(theme)
    assert msg.background_color == pal.background
    assert msg.secondary_background_color == pal.surface
    assert msg.text_color == pal.text
    assert msg.primary_color == pal.primary
    expected = (
        CustomThemeConfig.BaseTheme.LIGHT if theme == "light" else CustomThemeConfig.BaseTheme.DARK
    )
    assert msg.base == expected


class FakeSession:
    id = "session-under-test"


def test_each_sessions_message_carries_the_theme_its_view_asked_for(monkeypatch):
    def original(self, page_script_hash, run_descriptor, pages=None):
        msg = ForwardMsg()
        msg.new_session.custom_theme.primary_color = "#123456"  # what config.toml would set
        return msg

    monkeypatch.setattr(AppSession, page_theme._ORIGINAL, original, raising=False)
    session = FakeSession()
    msg = page_theme._themed_new_session_message(session, "hash", None)
    assert msg.new_session.custom_theme.background_color == palette("light").background
    assert page_theme._sent[session.id] == "light"
    page_theme._remember(page_theme._wanted, session.id, "contrast")
    msg = page_theme._themed_new_session_message(session, "hash", None)
    assert msg.new_session.custom_theme.background_color == palette("contrast").background
    assert msg.new_session.custom_theme.base == CustomThemeConfig.BaseTheme.DARK
    assert page_theme._sent[session.id] == "contrast"


def test_the_memory_of_sessions_is_bounded(monkeypatch):
    monkeypatch.setattr(page_theme, "SESSIONS_KEPT", 3)
    table = page_theme.OrderedDict()
    for n in range(10):
        page_theme._remember(table, f"s{n}", "dark")
    assert list(table) == ["s7", "s8", "s9"]


def test_without_a_server_the_page_keeps_its_theme_and_nothing_reruns():
    page_theme.apply("dark")  # no runtime, no script run: nothing to do, no exception
