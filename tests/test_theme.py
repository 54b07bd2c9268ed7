"""Themes are data: each palette reads well on its own background, and Streamlit's page
theme, the chart and the exports all take their colours from it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from genai_impact import state
from genai_impact.exports.presets import theme_config
from genai_impact.theme import DEFAULT_THEME, PALETTES, THEMES, palette, streamlit_theme

REPO = Path(__file__).resolve().parents[1]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_three_themes_light_first_and_the_url_accepts_each():
    assert THEMES == ("light", "dark", "contrast") and DEFAULT_THEME == "light"
    for theme in THEMES:
        view, notices = state.parse_query_params({"theme": [theme]})
        assert (view.theme, notices) == (theme, ())
    view, notices = state.parse_query_params({"theme": ["sepia"]})
    assert view.theme == "light" and notices[0].param == "theme"


@pytest.mark.parametrize("theme", THEMES)
def test_text_reads_on_the_background_and_on_the_surface(theme):
    pal = palette(theme)
    # text and subtitles at WCAG AAA (7:1); the chart's notes at AA (4.5:1)
    for ground in (pal.background, pal.surface):
        assert contrast(pal.text, ground) >= 7, ground
    assert contrast(pal.subtle_text, pal.background) >= 7
    assert contrast(pal.note, pal.background) >= 4.5
    assert contrast(pal.primary, pal.background) >= 3  # rings, buttons: graphics, 3:1


@pytest.mark.parametrize("theme", ["dark", "contrast"])
def test_marks_stand_out_on_dark_grounds(theme):
    # WCAG 1.4.11 (non-text contrast, 3:1) for every archetype colour and line on the
    # projector themes; the light theme keeps Okabe–Ito's two light hues (orange and sky
    # blue, about 2.3:1 on white), told apart by shape as well
    pal = palette(theme)
    colours = {**pal.archetypes, "several": pal.several, "leader": pal.leader, "axis": pal.axis}
    low = {name: round(contrast(c, pal.background), 2) for name, c in colours.items()}
    assert min(low.values()) >= 3, low


@pytest.mark.parametrize("theme", THEMES)
def test_table_tints_keep_the_text_readable(theme):
    pal = palette(theme)
    for tint in (pal.diff_tint, pal.picked_tint):
        assert contrast(pal.text, tint) >= 4.5, tint


def test_an_unknown_theme_is_refused_by_name():
    with pytest.raises(ValueError, match="sepia"):
        palette("sepia")


@pytest.mark.parametrize("theme", THEMES)
def test_streamlit_and_the_exports_read_the_same_palette(theme):
    pal = palette(theme)
    page = streamlit_theme(pal)
    assert page["backgroundColor"] == pal.background and page["textColor"] == pal.text
    assert page["base"] == ("light" if theme == "light" else "dark")
    config = theme_config(theme, "slide_16_9")
    assert config["background"] == pal.background
    assert config["title"]["color"] == pal.text
    assert config["axis"]["gridColor"] == pal.grid


def test_the_configured_page_theme_is_the_light_palette():
    """Streamlit draws the first page from .streamlit/config.toml before any run: it must
    be the default palette, or a first visit would flash other colours."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    configured = config["theme"]
    expected = streamlit_theme(palette(DEFAULT_THEME))
    assert {k: configured.get(k) for k in expected} == expected


def test_palettes_are_read_only_data():
    with pytest.raises(TypeError):
        PALETTES["light"] = PALETTES["dark"]  # type: ignore[index]
