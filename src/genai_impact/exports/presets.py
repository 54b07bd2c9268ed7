"""Size presets and colour themes of chart exports, as Vega-Lite config dicts (pure).

A preset fixes the exported chart's size in CSS pixels (the PNG has that size
times its scale) and the type sizes that go with it; a theme fixes colours.
`theme_config(theme, size)` is the whole Vega-Lite `config` an export uses;
`register_themes()` makes the same configs available as Altair themes for
on-screen charts (presentation mode), so the screen and the exports match.

The font is a CSS family list: vl-convert uses the first family it finds, and so
does whatever later opens an SVG (PowerPoint on Windows falls back to Yu Gothic
or Meiryo, a Mac to Hiragino). Latin text is drawn by the same Japanese font,
which has Latin glyphs, so both languages look alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt

# First choice, installed by `fonts-noto-cjk` on Debian; then common Japanese gothic
# fonts on other systems; `sans-serif` last so that Latin text never disappears.
PRIMARY_FONT = "Noto Sans CJK JP"
FONT_STACK = ", ".join(
    (
        PRIMARY_FONT,
        "Noto Sans JP",
        "IPAexGothic",
        "IPAGothic",
        "Hiragino Sans",
        "Yu Gothic",
        "Meiryo",
        "sans-serif",
    )
)

THEMES: tuple[str, ...] = ("light", "dark")


@dataclass(frozen=True)
class TypeSizes:
    """Type and mark sizes in CSS pixels for one kind of output."""

    title: int
    subtitle: int
    label: int  # axis and legend labels
    axis_title: int  # axis and legend titles
    footer: int
    mark_text: int  # default size of text marks that do not set their own
    point: int  # default area of point marks that do not set their own (px²)
    padding: int  # blank margin around the whole chart
    legend_title_limit: int  # px; longer legend titles end in "…"


@dataclass(frozen=True)
class SizePreset:
    """An export size: width × height in CSS pixels, or None for the chart's own size."""

    id: str
    width: int | None
    height: int | None
    type: TypeSizes


# A slide is projected: type sized so that a 1080-px-high slide reads from the back of
# a room (axis labels 22 px ≈ 2 % of the height, like an 18-pt label on a 7.5-in slide).
SLIDE_TYPE = TypeSizes(
    title=48,
    subtitle=28,
    label=22,
    axis_title=24,
    footer=18,
    mark_text=20,
    point=220,
    padding=48,
    legend_title_limit=420,
)
SCREEN_TYPE = TypeSizes(
    title=20,
    subtitle=14,
    label=12,
    axis_title=13,
    footer=11,
    mark_text=12,
    point=60,
    padding=16,
    legend_title_limit=200,
)
PRESETS: dict[str, SizePreset] = {
    "slide_16_9": SizePreset("slide_16_9", 1920, 1080, SLIDE_TYPE),
    # 4:3 at the same height as 16:9, so both decks get the same type sizes.
    "slide_4_3": SizePreset("slide_4_3", 1440, 1080, SLIDE_TYPE),
    "screen": SizePreset("screen", None, None, SCREEN_TYPE),
}
# The screen preset keeps the chart's width and height; a chart without a pixel size
# (Altair's default or "container", which only a browser can resolve) gets this one.
SCREEN_FALLBACK_SIZE = (960, 540)


@dataclass(frozen=True)
class Palette:
    """The colours of one theme (hex). `category` is the default scheme for nominal data."""

    background: str
    text: str  # titles, labels
    subtle_text: str  # subtitle, footer
    axis: str  # domain lines and ticks
    grid: str
    category: tuple[str, ...]


PALETTES: dict[str, Palette] = {
    # Vega's own tableau10 for categories: familiar, and fine on white.
    "light": Palette(
        background="#ffffff",
        text="#1a1a1a",
        subtle_text="#404040",
        axis="#595959",
        grid="#dedede",
        category=(
            "#4c78a8",
            "#f58518",
            "#e45756",
            "#72b7b2",
            "#54a24b",
            "#eeca3b",
            "#b279a2",
            "#ff9da6",
            "#9d755d",
            "#bab0ac",
        ),
    ),
    # High contrast for projectors: white on black, every category colour at least
    # 3:1 against the background (WCAG 1.4.11; tests check it), Okabe-Ito hues
    # brightened so they stay apart for colour-blind viewers.
    "dark": Palette(
        background="#000000",
        text="#ffffff",
        subtle_text="#d9d9d9",
        axis="#bfbfbf",
        grid="#4d4d4d",
        category=(
            "#56b4e9",
            "#e69f00",
            "#2dd4a0",
            "#f0e442",
            "#ff8fc8",
            "#ff7a33",
            "#a5b4ff",
            "#ffffff",
        ),
    ),
}


def check_theme(theme: str) -> Palette:
    """The palette of `theme`; ValueError for an unknown theme."""
    if theme not in PALETTES:
        raise ValueError(f"unknown theme {theme!r}; expected one of {THEMES}")
    return PALETTES[theme]


def check_preset(size: str) -> SizePreset:
    """The preset `size`; ValueError for an unknown one."""
    if size not in PRESETS:
        raise ValueError(f"unknown size preset {size!r}; expected one of {tuple(PRESETS)}")
    return PRESETS[size]


def theme_config(theme: str = "light", size: str = "screen") -> dict[str, Any]:
    """The Vega-Lite `config` of `theme` at the type sizes of preset `size`."""
    colours, sizes = check_theme(theme), check_preset(size).type
    text_style = {"labelColor": colours.text, "titleColor": colours.text}
    # Vega-Lite draws filled points at 70 % opacity; on black that dims every colour.
    opacity = {"opacity": 1} if theme == "dark" else {}
    return {
        "font": FONT_STACK,
        "background": colours.background,
        "padding": sizes.padding,
        "title": {
            "color": colours.text,
            "subtitleColor": colours.subtle_text,
            "fontSize": sizes.title,
            "subtitleFontSize": sizes.subtitle,
            "fontWeight": "bold",
            "subtitleFontWeight": "normal",
            "anchor": "start",
            "subtitlePadding": max(4, sizes.subtitle // 3),
            "offset": sizes.subtitle,
        },
        "axis": {
            **text_style,
            "labelFontSize": sizes.label,
            "titleFontSize": sizes.axis_title,
            "domainColor": colours.axis,
            "tickColor": colours.axis,
            "gridColor": colours.grid,
            "titlePadding": max(6, sizes.label // 2),
            # drop every other label where neighbours would come closer than a third of a letter
            "labelOverlap": True,
            "labelSeparation": max(3, sizes.label // 3),
        },
        "legend": {
            **text_style,
            "labelFontSize": sizes.label,
            "titleFontSize": sizes.axis_title,
            "symbolSize": sizes.point,
            "labelLimit": 0,
            "titleLimit": sizes.legend_title_limit,
            # symbols of shape and size legends (no colour of their own): visible on black
            "symbolBaseFillColor": colours.axis,
            "symbolBaseStrokeColor": colours.axis,
        },
        "header": {**text_style, "labelFontSize": sizes.label, "titleFontSize": sizes.axis_title},
        "view": {"stroke": colours.grid},
        "text": {"color": colours.text, "fontSize": sizes.mark_text},
        "point": {"size": sizes.point, **opacity},
        "circle": {"size": sizes.point, **opacity},
        "square": {"size": sizes.point, **opacity},
        "range": {"category": list(colours.category)},
    }


def _theme_name(theme: str) -> str:
    return f"genai-impact-{theme}"


def register_themes() -> tuple[str, ...]:
    """Register the themes with Altair (screen sizes) and return their names; idempotent.

    Enable one with `alt.theme.enable(name)`; Streamlit draws a chart in it when
    given `theme=None` (otherwise Streamlit's own theme wins).
    """
    names = []
    for theme in THEMES:
        name = _theme_name(theme)
        if name not in alt.theme.names():
            alt.theme.register(name, enable=False)(
                lambda theme=theme: alt.theme.ThemeConfig(config=theme_config(theme))
            )
        names.append(name)
    return tuple(names)
