"""The industry map's parts: axes, scales, legends and layers as Vega-Lite dicts (pure).

`chart.industry_map_spec` puts them together. Every colour comes from the theme's
`Palette`; every word from `text.MapChartTexts`. Archetypes are told apart by colour
(Okabe–Ito) AND shape; R&D intensity at or above the all-industry average is a filled
marker, below it hollow, unknown lightly filled (statistics mode only: the schematic has
no figures). With a phase or kind filter, area shows the expected effect's size; a size the
text does not give is hollow with a dashed outline. The keys under the plot: `keys`.

Size: every layer reads the same scales, sizes and constants; the chart's assembly lives
in `chart`, so this module is only the parts.
"""

from __future__ import annotations

import math
from typing import Any

from genai_impact.theme import Palette
from genai_impact.views.map.labels import wrap_to_width
from genai_impact.views.map.query import (
    NO_ARCHETYPE,
    SEVERAL_ARCHETYPES,
    SIZE_AREAS,
    SIZE_SHARE_UNSIZED,
    MapView,
)
from genai_impact.views.map.text import NOT_LEGIBLE, MapChartTexts

Spec = dict[str, Any]

ARCHETYPE_SHAPES = {
    "A": "circle",
    "B": "square",
    "C": "triangle-up",
    "D": "diamond",
    "E1": "cross",
    "E2": "triangle-down",
    SEVERAL_ARCHETYPES: "triangle-right",
    NO_ARCHETYPE: "triangle-left",
}
FALLBACK_SHAPE = "circle"
SIZE_ORDER = ("large", "moderate", "small", NOT_LEGIBLE)
# Areas: SIZE_AREAS (rows), × ChartSize.point_area. A size the text does not give is hollow
# (fill opacity 0) with a slightly heavier outline in its archetype's colour; in statistics
# mode, where hollow also means R&D below the average, the outline is dashed as well (a
# dashed outline on the schematic's small shapes reads as broken, not as empty).
DASHES = {"large": [1, 0], "moderate": [1, 0], "small": [1, 0], NOT_LEGIBLE: [1, 0]}
NOT_STATED_DASH = [4, 2]


def dashes(view: MapView) -> dict[str, list[int]]:
    """The outline of each size in `view`'s mode."""
    return {**DASHES, NOT_LEGIBLE: NOT_STATED_DASH} if view.mode == "statistics" else DASHES


STROKE_WIDTH, NOT_STATED_STROKE_WIDTH = 2.0, 2.5
RD_ORDER = ("above", "below", "unknown")
RD_FILL_OPACITY = {"above": 1.0, "below": 0.0, "unknown": 0.35}
DIMMED_OPACITY = 0.18
NOT_STATED = {"field": "effect_size", "equal": NOT_LEGIBLE}  # a point whose size is not given
# Ring areas × point_area: inside the room label placement keeps around every point.
HIGHLIGHT_RING, SELECTED_RING = 1.6, 2.3
REGION_OPACITY = 0.15
POINTS = "points"  # the name of the points layer, which owns the selection
REGIONS = "map_regions"  # the named dataset of MapView.regions
# The on-screen map's filters line, as data (`live=True`): a filter change then changes the
# datasets only, and the browser updates the drawn chart in place instead of rebuilding it.
CAPTION = "map_caption"


# 1. Data and small parts -------------------------------------------------------------------


def _field(name: str, kind: str = "quantitative", **extra: Any) -> Spec:
    return {"field": name, "type": kind, **extra}


def _pixel(name: str) -> Spec:
    # scale null: the values are pixels of the plot area (negative or past the edge: outside)
    return {"field": name, "type": "quantitative", "scale": None, "axis": None}


def _ordinal(domain: list[str], values: list[Any]) -> Spec:
    # "ordinal": one output per value. Vega-Lite's default for size or opacity of a nominal
    # field is a "point" scale, which would spread the outputs evenly between the two ends.
    return {"type": "ordinal", "domain": domain, "range": values}


def wrapped(lines: tuple[str, ...] | list[str], width: float, font: float) -> list[str]:
    return [part for line in lines for part in wrap_to_width(line, width, font)]


def drawn(view: MapView, name: str, order: tuple[str, ...] | list[str]) -> list[str]:
    """The values of `order` that some plotted row has in column `name`, in that order: a
    legend or key lists what the chart draws, nothing else."""
    present = {record[name] for record in view.records}
    return [value for value in order if value in present]


def _quoted(text: str) -> str:
    """`text` as a Vega expression string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# 2. Axes, scales, legends ----------------------------------------------------------------


def _log_ticks(domain: tuple[float, float]) -> list[float]:
    """1-2-5 tick values inside a log domain: round numbers a room can read."""
    lo, hi = domain
    ticks = []
    for exponent in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1):
        for mantissa in (1, 2, 5):
            value = round(mantissa * 10.0**exponent, 10)
            if lo <= value <= hi:
                ticks.append(value)
    return ticks


def axes(view: MapView, texts: MapChartTexts) -> tuple[Spec, Spec]:
    canvas, font = view.canvas, view.canvas.size.text_font
    style = {"titleFontSize": font, "labelFontSize": font}
    out = []
    for scale, title, ends in ((canvas.x, texts.x_title, texts.x_ends),
                               (canvas.y, texts.y_title, texts.y_ends)):  # fmt: skip
        if view.mode == "schematic":
            lo, hi = scale.domain
            inset, middle = (hi - lo) * 0.08, (lo + hi) / 2
            axis = {
                "title": title,
                "values": [lo + inset, hi - inset],
                "labelExpr": f"datum.value < {middle} ? {_quoted(ends[0])} : {_quoted(ends[1])}",
                "ticks": False,
                "grid": False,
                "labelAngle": 0,
                **style,
            }
            scale_spec = {"domain": list(scale.domain), "nice": False, "zero": False}
        else:
            axis = {"title": title, "values": _log_ticks(scale.domain), "format": "~g", **style}
            scale_spec = {"type": "log", "domain": list(scale.domain), "nice": False}
        out.append({"field": "x" if scale is canvas.x else "y", "type": "quantitative",
                    "scale": scale_spec, "axis": axis})  # fmt: skip
    return out[0], out[1]


def archetype_colour(pal: Palette, code: str) -> str:
    """The colour of archetype `code` (or of a sector's several archetypes, or none)."""
    special = {SEVERAL_ARCHETYPES: pal.several, NO_ARCHETYPE: pal.unassigned}
    return special.get(code) or pal.archetypes.get(code, pal.unassigned)


def archetype_scales(view: MapView, pal: Palette) -> tuple[Spec, Spec]:
    """Colour and shape per archetype label. In statistics mode only the archetypes of the
    plotted sectors (the legend lists its scale's domain); the schematic's regions show all."""
    pairs = view.archetype_labels
    if view.mode == "statistics":
        shown = set(drawn(view, "archetype", [code for code, _ in pairs]))
        pairs = tuple((code, label) for code, label in pairs if code in shown)
    labels = [label for _, label in pairs]
    codes = [code for code, _ in pairs]
    colours = [archetype_colour(pal, c) for c in codes]
    shapes = [ARCHETYPE_SHAPES.get(c, FALLBACK_SHAPE) for c in codes]
    return {"domain": labels, "range": colours}, {"domain": labels, "range": shapes}


def _legend(title: str, font: float, **extra: Any) -> Spec:
    """A horizontal legend, above the plot unless `extra` places it (orient "none", legendY)."""
    return {
        "title": title,
        "orient": "top",
        "direction": "horizontal",
        "titleFontSize": font,
        "labelFontSize": font,
        "titleOrient": "left",
        "labelLimit": 320,
        "titleLimit": 480,  # the default 180 px cut "Size of the expected effect" at export sizes
        **extra,
    }


def _tooltip(view: MapView, texts: MapChartTexts) -> list[Spec]:
    if view.mode == "schematic":
        fields = ["name", "archetype_label", "effects", "impact_types", "sectors"]
    else:
        fields = ["name", "archetype_label", "capital_equipment_ratio",
                  "software_equipment_ratio", "rd_label", "industries"]  # fmt: skip
    if view.filters.sized:
        fields += ["effect_size_label", "effect_basis"]
    return [
        _field(name, title=texts.tooltip[name], format=".3~r")
        if name.endswith("_ratio")
        else _field(name, "nominal", title=texts.tooltip[name])
        for name in fields
    ]


# 3. Layers ---------------------------------------------------------------------------------


def _size_encoding(view: MapView, texts: MapChartTexts) -> Spec:
    """Point size = the effect's size, from the sizes drawn (their key: `keys.size_key`).
    A size the text does not give is drawn at the middle area, hollow (`points`) and with
    a heavier outline: never as a filled point of some size."""
    area = view.canvas.size.point_area
    order = drawn(view, "effect_size", SIZE_ORDER)
    sizes = [texts.size_labels[s] for s in order]
    return {
        "size": _field("effect_size_label", "nominal", legend=None,
                       scale=_ordinal(sizes, [area * SIZE_AREAS[s] for s in order])),
        "strokeDash": _field("effect_size_label", "nominal", legend=None,
                             scale=_ordinal(sizes, [dashes(view)[s] for s in order])),
        "strokeWidth": {"condition": {"test": NOT_STATED, "value": NOT_STATED_STROKE_WIDTH},
                        "value": STROKE_WIDTH},
    }  # fmt: skip


def points(view: MapView, texts: MapChartTexts, pal: Palette) -> Spec:
    size = view.canvas.size
    colour_scale, shape_scale = archetype_scales(view, pal)
    # The schematic's labelled regions already name the archetypes: no legend there. In
    # statistics mode the legend names the codes only (one row; the tooltip and the card
    # give the names), so the plot keeps its height on a 720-pixel screen.
    codes = [c for c, _ in view.archetype_labels if c not in (SEVERAL_ARCHETYPES, NO_ARCHETYPE)]
    code_list = "[" + ", ".join(_quoted(c) for c in codes) + "]"
    short = (
        f"indexof({code_list}, split(datum.label, ' ')[0]) >= 0"
        " ? split(datum.label, ' ')[0] : datum.label"
    )
    legend = (
        _legend(texts.archetype_legend, size.text_font, labelExpr=short)
        if view.mode == "statistics"
        else None
    )
    encoding: Spec = {
        "shape": _field("archetype_label", "nominal", scale=shape_scale, legend=legend),
        "fill": _field("archetype_label", "nominal", scale=colour_scale, legend=legend),
        "stroke": _field("archetype_label", "nominal", scale=colour_scale, legend=None),
        "opacity": {"condition": {"test": "datum.dimmed", "value": DIMMED_OPACITY}, "value": 1.0},
        "size": {"value": size.point_area * SIZE_SHARE_UNSIZED},
        "tooltip": _tooltip(view, texts),
        # what a screen reader says for a point: its name (never the schematic coordinates)
        "description": _field("name", "nominal"),
    }
    if view.mode == "statistics":  # the key under the axis explains it (`keys.rd_key`)
        statuses = drawn(view, "rd", RD_ORDER)
        rd = [texts.rd_labels[r] for r in statuses]
        encoding["fillOpacity"] = _field(
            "rd_label", "nominal", legend=None,
            scale=_ordinal(rd, [RD_FILL_OPACITY[r] for r in statuses]),
        )  # fmt: skip
    if view.filters.sized:
        encoding.update(_size_encoding(view, texts))
        # hollow where the size is not given: in statistics mode over the R&D fill too (the
        # tooltip and the table keep R&D), since a filled point would claim a size
        fill = encoding.get("fillOpacity", {"value": 1.0})
        encoding["fillOpacity"] = {"condition": {"test": NOT_STATED, "value": 0.0}, **fill}
    return {
        "name": POINTS,
        "mark": {"type": "point", "filled": True, "strokeWidth": STROKE_WIDTH},
        "encoding": encoding,
    }


def rings(area: float, selected: str | None, pal: Palette) -> list[Spec]:
    """A thin ring around every search match; a thick red one around the selected point."""
    rings = [
        {
            "transform": [{"filter": "datum.highlight"}],
            "mark": {"type": "point", "shape": "circle", "filled": False,
                     "stroke": pal.text, "strokeWidth": 2},
            "encoding": {"size": {"value": area * HIGHLIGHT_RING}},
        }
    ]  # fmt: skip
    if selected:
        rings.append(
            {
                # a field predicate, not an expression: the id never becomes code
                "transform": [{"filter": {"field": "id", "equal": selected}}],
                "mark": {"type": "point", "shape": "circle", "filled": False,
                         "stroke": pal.primary, "strokeWidth": 3.5},
                "encoding": {"size": {"value": area * SELECTED_RING}},
            }
        )  # fmt: skip
    return rings


def labels(font: float, pal: Palette) -> list[Spec]:
    encoding = {
        "x": _field("label_x"),
        "y": _field("label_y"),
        "text": _field("label", "nominal"),
        # a dimmed label is drawn in a solid colour that still reads (3:1), not see-through
        "color": {"condition": {"test": "datum.dimmed", "value": pal.dimmed_text},
                  "value": pal.text},
    }  # fmt: skip
    # each label's text starts at the edge of its box that faces its point (label_align)
    mark = {"type": "text", "align": {"expr": "datum.label_align"}, "baseline": "middle",
            "fontSize": font}  # fmt: skip
    return [
        {"transform": [{"filter": "datum.label_shown"}, {"filter": "!datum.highlight"}],
         "mark": mark, "encoding": encoding},
        {"transform": [{"filter": "datum.label_shown"}, {"filter": "datum.highlight"}],
         "mark": {**mark, "fontWeight": "bold"}, "encoding": encoding},
    ]  # fmt: skip


def leaders(pal: Palette) -> Spec:
    return {
        "transform": [{"filter": "datum.leader"}],
        "mark": {"type": "rule", "color": pal.leader, "strokeWidth": 1},
        "encoding": {"x2": {"field": "leader_x"}, "y2": {"field": "leader_y"}},
    }


def regions(view: MapView, font: float, pal: Palette) -> list[Spec]:
    if not view.region_records:
        return []
    colour_scale, _ = archetype_scales(view, pal)
    data = {"name": REGIONS}
    rectangle = {
        "data": data,
        "mark": {"type": "rect", "strokeOpacity": 0.6, "strokeWidth": 1, "tooltip": None},
        "encoding": {
            "opacity": {"condition": {"test": "datum.active", "value": REGION_OPACITY},
                        "value": REGION_OPACITY / 3},
            "x": _field("x0"), "x2": {"field": "x1"}, "y": _field("y0"), "y2": {"field": "y1"},
            "fill": _field("archetype_label", "nominal", scale=colour_scale, legend=None),
            "stroke": _field("archetype_label", "nominal", scale=colour_scale, legend=None),
        },
    }  # fmt: skip
    label = {
        "data": data,
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": font,
                 "fontWeight": "bold", "lineBreak": "\n", "lineHeight": font * 1.2},
        "encoding": {"x": _field("label_x"), "y": _field("label_y"),
                     "text": _field("label", "nominal"),
                     "color": {"condition": {"test": "datum.active", "value": pal.text},
                               "value": pal.dimmed_text}},
    }  # fmt: skip
    return [rectangle, label]


def caption(font: float, lines: int, pal: Palette) -> Spec:
    """The filters line of the subtitle (`lines` lines once wrapped) as a text mark just
    above the plot, from `CAPTION`; the title and the rest of the subtitle sit above it
    (Vega places titles over all marks)."""
    return {
        "data": {"name": CAPTION},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": font,
                 "color": pal.subtle_text, "lineBreak": "\n", "lineHeight": font * 1.25},
        "encoding": {"x": {"value": 0}, "y": {"value": -font * (0.5 + 1.25 * lines)},
                     "text": _field("text", "nominal")},
    }  # fmt: skip


def footer(texts: MapChartTexts, width: int, top: float, font: float, pal: Palette) -> Spec:
    """The source line(s), inside the chart so a screenshot or an export keeps them."""
    size = font * 0.9
    return {
        "data": {"values": [{"text": "\n".join(wrapped(texts.footer, width, size))}]},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": size,
                 "color": pal.note, "lineBreak": "\n", "lineHeight": size * 1.3},
        "encoding": {"x": {"value": 0}, "y": {"value": top}, "text": _field("text", "nominal")},
    }  # fmt: skip
