"""Size presets of chart exports and their Vega-Lite config (pure).

A preset fixes the exported chart's size in CSS pixels (the PNG has that size
times its scale) and the type sizes that go with it; the colours come from the
theme's palette (`genai_impact.theme`). `theme_config(theme, size)` is the whole
Vega-Lite `config` an export uses.

The font is a CSS family list: vl-convert uses the first family it finds, and so
does whatever later opens an SVG (PowerPoint on Windows falls back to Yu Gothic
or Meiryo, a Mac to Hiragino).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from genai_impact.theme import FONT_STACK, palette


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


def check_preset(size: str) -> SizePreset:
    """The preset `size`; ValueError for an unknown one."""
    if size not in PRESETS:
        raise ValueError(f"unknown size preset {size!r}; expected one of {tuple(PRESETS)}")
    return PRESETS[size]


def theme_config(theme: str = "light", size: str = "screen") -> dict[str, Any]:
    """The Vega-Lite `config` of `theme` at the type sizes of preset `size`."""
    colours, sizes = palette(theme), check_preset(size).type
    text_style = {"labelColor": colours.text, "titleColor": colours.text}
    # Vega-Lite draws filled points at 70 % opacity; on black that dims every colour.
    opacity = {"opacity": 1} if colours.base == "dark" else {}
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
