"""A chart for a slide's body, and its PNG and SVG (pure).

The body chart is the export's own slide chart (`chart_export.slide`: the view's chart in
the theme, with its legends) without the title and footer, which the slide draws as text,
fitted to the body's box. Annotations are drawn as their markers (①…) above the points
they are pinned to; the numbered texts are listed on the slide.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Mapping
from typing import Any

import vl_convert as vlc

from genai_impact.exports import render
from genai_impact.exports.chart_export import ChartExport, chart_of, slide
from genai_impact.theme import FONT_STACK, palette

Spec = dict[str, Any]
PX_PER_PT = 2.0  # the body chart is laid out at 2 px per point (1920 × 1080 for a slide)
PNG_SCALE = 1.5  # 2880 px across a slide: sharp on a projector, quick to rasterise
_FOOTER_FIELD = "genai_impact_footer_line"
MARKER_FIELD = "genai_impact_marker"


def _is_footer(layer: Spec) -> bool:
    dash = layer.get("encoding", {}).get("strokeDash", {})
    return isinstance(dash, dict) and dash.get("field") == _FOOTER_FIELD


def _point_rows(spec: Spec) -> list[dict[str, Any]]:
    """The plotted points: the dataset whose rows have an id and x, y."""
    for rows in spec.get("datasets", {}).values():
        if rows and all(k in rows[0] for k in ("id", "x", "y")):
            return rows
    return []


def _marker_layers(
    rows: list[dict[str, Any]], marks: Mapping[str, str], theme: str, font: float
) -> list[Spec]:
    """A ring around each annotated point and its markers above it, outlined in the
    background's colour so they stay legible over labels and regions."""
    pal = palette(theme)
    values = [
        {"x": row["x"], "y": row["y"], MARKER_FIELD: marks[row["id"]]}
        for row in rows
        if marks.get(row["id"])
    ]
    text = {
        "type": "text",
        "align": "center",
        "baseline": "bottom",
        "dy": -font * 1.4,  # just above the ring: labels sit beside points, not above
        "fontSize": font * 1.5,
        "fontWeight": "bold",
        "color": pal.primary,
    }
    encoding = {"text": {"field": MARKER_FIELD, "type": "nominal"}}
    ring = {"type": "point", "shape": "circle", "filled": False, "size": (font * 1.8) ** 2}
    return [
        {
            "data": {"values": values},
            "mark": {**ring, "stroke": pal.primary, "strokeWidth": 3},
        },
        {
            "data": {"values": values},
            "mark": {**text, "stroke": pal.background, "strokeWidth": font * 0.35},
            "encoding": encoding,
        },
        {"data": {"values": values}, "mark": text, "encoding": encoding},
    ]


def body_spec(
    item: ChartExport,
    theme: str,
    width_pt: float,
    height_pt: float,
    marks: Mapping[str, str] | None = None,
) -> Spec:
    """`item`'s chart sized to a body of `width_pt` × `height_pt`, without title or footer;
    `marks` maps a point's id to the annotation markers drawn beside it."""
    spec = copy.deepcopy(slide(item, "slide_16_9", theme).to_dict(validate=False))
    spec.pop("title", None)
    spec.pop("resolve", None)
    spec["layer"] = [layer for layer in spec["layer"] if not _is_footer(layer)]
    spec["width"], spec["height"] = round(width_pt * PX_PER_PT), round(height_pt * PX_PER_PT)
    spec["autosize"] = {"type": "fit", "contains": "padding"}
    return with_markers(spec, marks or {}, theme)


def with_markers(spec: Spec, marks: Mapping[str, str], theme: str) -> Spec:
    """`spec` (a map, changed in place and returned) with a ring around each point of
    `marks` (point id -> annotation markers) and its markers above it; the app's map on
    screen and the slides draw annotations the same way."""
    if not marks:
        return spec
    rows = _point_rows(spec)
    font = float(spec.get("config", {}).get("axis", {}).get("labelFontSize", 14))
    layers = spec.get("layer") or []
    inner = layers[0] if layers and "layer" in layers[0] else spec
    if rows and "layer" in inner:
        inner["layer"].extend(_marker_layers(rows, marks, theme, font))
    return spec


def png(spec: Spec) -> bytes:
    """The chart as PNG (cached per process with the other exports)."""
    return render.to_png(chart_of(spec), scale=PNG_SCALE)


def svg(spec: Spec) -> str:
    """The chart as SVG, text as text in the export font stack."""
    return render.to_svg(chart_of(spec))


# SVG for fpdf2: its reader needs x1/y1 on every line and a move first in every path, and
# maps a font family by name; Vega leaves defaults out and draws empty hidden paths.
_LINE_WITHOUT_START = re.compile(r"<line (?![^>]*\bx1=)")
_EMPTY_PATH = re.compile(r'<path[^>]*\bd=""[^>]*/>')
_FONT_FAMILY = re.compile(r'font-family="[^"]*"')


def svg_for_pdf(text: str, family: str) -> str:
    """`text` (a Vega SVG) in the form fpdf2 draws, its text in the registered `family`."""
    text = _LINE_WITHOUT_START.sub('<line x1="0" y1="0" ', text)
    text = _EMPTY_PATH.sub("", text)
    return _FONT_FAMILY.sub(f'font-family="{family}"', text)


def html_spec(spec: Spec) -> str:
    """The spec as JSON for a `<script type="application/json">` block: `<` escaped, so
    no text in it (a name, an annotation) can close the block."""
    config = {**spec.get("config", {}), "font": FONT_STACK}
    text = json.dumps({**spec, "config": config}, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@functools.cache
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed as one script (about 0.9 MB, 3 s to build; cached
    per process)."""
    return vlc.javascript_bundle()
