"""The keys drawn under the map's plot as marks (pure): sizes of effect and R&D intensity.

A Vega legend draws all its symbols alike (one fill, one outline), so it can show neither
the hollow marker of a size the text does not give nor the R&D cue (fill opacity). These
keys are marks in pixels under the x axis instead, with markers of the points' areas and
fills, where a screenshot or an export keeps them. Each lists only what the chart draws.
"""

from __future__ import annotations

import math
from typing import Any

from genai_impact.theme import Palette
from genai_impact.views.map.chart_parts import (
    NOT_STATED_STROKE_WIDTH,
    RD_FILL_OPACITY,
    RD_ORDER,
    SIZE_ORDER,
    STROKE_WIDTH,
    Spec,
    dashes,
    drawn,
)
from genai_impact.views.map.labels import text_width
from genai_impact.views.map.query import SIZE_AREAS, SIZE_SHARE_UNSIZED, MapView
from genai_impact.views.map.text import NOT_LEGIBLE, MapChartTexts

KEY = "genai_impact_key"  # a key's rows name their key: "size" or "rd"


def _pixel(name: str) -> Spec:
    # scale null: the values are pixels of the plot area (past its bottom: under the axis)
    return {"field": name, "type": "quantitative", "scale": None, "axis": None}


def _entry(label: str, area: float, fill: float, dash: list[int] | None = None) -> dict[str, Any]:
    return {"label": label, "area": area, "fill": fill, "dash": dash}


def key(
    name: str, title: str, entries: list[dict[str, Any]], y: float, font: float, pal: Palette
) -> list[Spec]:
    """'Title: ● label  ● label  ○ label' on one row centred at `y`: a neutral circle of each
    entry's `area` (px²) and fill opacity; where it has a `dash`, hollow-style (heavier
    outline, that dash)."""
    title = f"{title}:"
    x = text_width(title, font, bold=True) + font * 0.8
    solid, outlined, words = [], [], []
    for entry in entries:
        across = max(math.sqrt(entry["area"]), font)  # a circle of area a is √a across
        marker = {"px": x + across / 2, "py": y, "area": entry["area"], "fill": entry["fill"]}
        if entry["dash"] is None:
            solid.append({KEY: name, **marker})
        else:
            outlined.append(({KEY: name, **marker}, entry["dash"]))
        words.append({KEY: name, "px": x + across + font * 0.45, "py": y, "text": entry["label"]})
        x += across + font * 0.45 + text_width(entry["label"], font) + font * 1.2
    circle = {"type": "point", "shape": "circle", "filled": True, "fill": pal.marker,
              "stroke": pal.text, "strokeWidth": STROKE_WIDTH}  # fmt: skip
    marker_encoding = {
        "x": _pixel("px"),
        "y": _pixel("py"),
        "fillOpacity": {"field": "fill", "type": "quantitative", "scale": None},
        "size": {"field": "area", "type": "quantitative", "scale": None},
    }
    text_mark = {"type": "text", "align": "left", "baseline": "middle", "fontSize": font,
                 "color": pal.text}  # fmt: skip
    position = {"x": _pixel("px"), "y": _pixel("py"), "text": {"field": "text", "type": "nominal"}}
    layers = [
        {"data": {"values": [{KEY: name, "px": 0, "py": y, "text": title}]},
         "mark": {**text_mark, "fontWeight": "bold"}, "encoding": position},
        {"data": {"values": words}, "mark": text_mark, "encoding": position},
    ]  # fmt: skip
    if solid:
        layers.append({"data": {"values": solid}, "mark": circle, "encoding": marker_encoding})
    for marker, dash in outlined:
        hollow = {**circle, "strokeDash": dash, "strokeWidth": NOT_STATED_STROKE_WIDTH}
        layers.append({"data": {"values": [marker]}, "mark": hollow, "encoding": marker_encoding})
    return layers


def size_key(view: MapView, texts: MapChartTexts, y: float, pal: Palette) -> list[Spec]:
    """'Size of the expected effect†: ● Large ● Moderate • Small ○ size not stated', for
    the sizes drawn, with the points' areas and outlines; the hollow one only when drawn."""
    area = view.canvas.size.point_area
    entries = [
        _entry(
            texts.size_labels[s],
            area * SIZE_AREAS[s],
            0.0 if s == NOT_LEGIBLE else 1.0,
            dashes(view)[s] if s == NOT_LEGIBLE else None,
        )
        for s in drawn(view, "effect_size", SIZE_ORDER)
    ]
    return key("size", texts.size_legend, entries, y, view.canvas.size.text_font, pal)


def rd_key(view: MapView, texts: MapChartTexts, y: float, pal: Palette) -> list[Spec]:
    """'R&D intensity: ● at or above the average  ○ below  ◐ unknown', for the statuses
    drawn, at the points' unsized area."""
    area = view.canvas.size.point_area * SIZE_SHARE_UNSIZED
    entries = [
        _entry(texts.rd_labels[status], area, RD_FILL_OPACITY[status])
        for status in drawn(view, "rd", RD_ORDER)
    ]
    return key("rd", texts.rd_legend, entries, y, view.canvas.size.text_font, pal)
