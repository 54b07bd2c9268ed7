"""Chart builders: pure functions of prepared rows -> Vega-Lite specs and Altair charts.

`industry_map_spec` draws the industry map from a `map_query.MapView` and the
words of `map_text.chart_texts` as a plain Vega-Lite v6 dict; `industry_map_chart`
is the same chart as an `alt.LayerChart` (validated against the schema), for
exports and tests. The page hands the dict to Streamlit: building the chart
through Altair's objects costs about a second per rerun on the project's machine
(every encoding is validated and copied), the dict about a millisecond, and a
room waits on every click.

Layers, bottom to top: archetype regions (schematic mode), region labels, leader
lines, search and selection rings, points, point labels, then under the plot the
size legend, the R&D key (statistics mode) and the source line. Archetypes are
told apart by colour (Okabe–Ito, safe for colour-blind readers) AND shape; R&D
intensity at or above the all-industry average is a filled marker, below it
hollow, unknown lightly filled (statistics mode only: the schematic has no figures).
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt

from genai_impact.views.map.labels import text_width, wrap_to_width
from genai_impact.views.map.query import (
    NO_ARCHETYPE,
    SEVERAL_ARCHETYPES,
    SIZE_SHARE_UNSIZED,
    MapView,
)
from genai_impact.views.map.text import NOT_LEGIBLE, MapChartTexts

Spec = dict[str, Any]

SCHEMA = alt.SCHEMA_URL
CHART_FONT = "Noto Sans CJK JP, sans-serif"  # the CJK font first: no tofu, no serif fallback
TEXT_COLOUR = "#222222"
NOTE_COLOUR = "#555555"
SELECTED_COLOUR = "#d7003a"  # the app's primary colour
# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Yellow is left out (too light on white); greys for sectors without examples.
ARCHETYPE_COLOURS = {
    "A": "#0072B2",
    "B": "#D55E00",
    "C": "#009E73",
    "D": "#E69F00",
    "E1": "#CC79A7",
    "E2": "#56B4E9",
    SEVERAL_ARCHETYPES: "#555555",
    NO_ARCHETYPE: "#999999",
}
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
FALLBACK_COLOUR, FALLBACK_SHAPE = "#777777", "circle"
SIZE_ORDER = ("large", "moderate", "small", NOT_LEGIBLE)
# × ChartSize.point_area; "moderate" is also the one size when size shows nothing
SIZE_AREAS = {"large": 1.0, "moderate": SIZE_SHARE_UNSIZED, "small": 0.25, NOT_LEGIBLE: 0.55}
RD_ORDER = ("above", "below", "unknown")
RD_FILL_OPACITY = {"above": 1.0, "below": 0.0, "unknown": 0.35}
DIMMED_OPACITY = 0.18
NOT_LEGIBLE_FILL = 0.35
# Ring areas × point_area: inside the room label placement keeps around every point.
HIGHLIGHT_RING, SELECTED_RING = 1.6, 2.3
REGION_OPACITY = 0.15
PICK = "pick"  # the point-selection parameter; Streamlit reports it as selection.pick
POINTS = "points"  # the name of the points layer, which owns the selection
ROWS, REGIONS = "map_rows", "map_regions"  # the named datasets: MapView.rows and .regions
# The on-screen map's filters line, as data (`live=True`): a filter change then changes the
# datasets only, and the browser updates the drawn chart in place instead of rebuilding it.
CAPTION = "map_caption"
SUBTITLE_COLOUR = "#444444"


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


def _wrapped(lines: tuple[str, ...] | list[str], width: float, font: float) -> list[str]:
    return [part for line in lines for part in wrap_to_width(line, width, font)]


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


def _axes(view: MapView, texts: MapChartTexts) -> tuple[Spec, Spec]:
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


def _archetype_scales(view: MapView) -> tuple[Spec, Spec]:
    labels = [label for _, label in view.archetype_labels]
    codes = [code for code, _ in view.archetype_labels]
    colours = [ARCHETYPE_COLOURS.get(c, FALLBACK_COLOUR) for c in codes]
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


def _size_encoding(view: MapView, texts: MapChartTexts, legend_y: float) -> Spec:
    """Point size = the effect's size; 'size not legible': mid-sized with a dark dashed outline
    (as in its legend entry) and, in the schematic, a light fill."""
    area, font = view.canvas.size.point_area, view.canvas.size.text_font
    sizes = [texts.size_labels[s] for s in SIZE_ORDER]
    colour_scale, _ = _archetype_scales(view)
    # under the axis: the plot keeps its place when a phase filter turns sizes on
    legend = _legend(texts.size_legend, font, orient="none", legendX=0, legendY=legend_y,
                     symbolStrokeColor=TEXT_COLOUR, symbolFillColor="#666666",
                     symbolType="circle")  # fmt: skip
    encoding = {
        "size": _field("effect_size_label", "nominal", legend=legend,
                       scale=_ordinal(sizes, [area * SIZE_AREAS[s] for s in SIZE_ORDER])),
        "strokeDash": _field("effect_size_label", "nominal", legend=legend,
                             scale=_ordinal(sizes, [[1, 0], [1, 0], [1, 0], [3, 2]])),
        "stroke": {
            "condition": {"test": {"field": "effect_size", "equal": NOT_LEGIBLE},
                          "value": TEXT_COLOUR},
            **_field("archetype_label", "nominal", scale=colour_scale, legend=None),
        },
    }  # fmt: skip
    if view.mode == "schematic":  # statistics mode fills by R&D intensity instead
        fills = [NOT_LEGIBLE_FILL if s == NOT_LEGIBLE else 1.0 for s in SIZE_ORDER]
        # legends cannot show fill opacity: the dashed outline is the cue they share
        encoding["fillOpacity"] = _field(
            "effect_size_label", "nominal", scale=_ordinal(sizes, fills), legend=None
        )
    return encoding


def _points(view: MapView, texts: MapChartTexts, size_legend_y: float) -> Spec:
    size = view.canvas.size
    colour_scale, shape_scale = _archetype_scales(view)
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
        "size": {"value": size.point_area * SIZE_AREAS["moderate"]},
        "tooltip": _tooltip(view, texts),
        # what a screen reader says for a point: its name (never the schematic coordinates)
        "description": _field("name", "nominal"),
    }
    if view.filters.sized:
        encoding.update(_size_encoding(view, texts, size_legend_y))
    if view.mode == "statistics":  # the key under the axis explains it (`_rd_key`)
        rd = [texts.rd_labels[r] for r in RD_ORDER]
        encoding["fillOpacity"] = _field(
            "rd_label", "nominal", legend=None,
            scale=_ordinal(rd, [RD_FILL_OPACITY[r] for r in RD_ORDER]),
        )  # fmt: skip
    return {
        "name": POINTS,
        "mark": {"type": "point", "filled": True, "strokeWidth": 2},
        "encoding": encoding,
    }


def _rings(area: float, selected: str | None) -> list[Spec]:
    """A thin ring around every search match; a thick red one around the selected point."""
    rings = [
        {
            "transform": [{"filter": "datum.highlight"}],
            "mark": {"type": "point", "shape": "circle", "filled": False,
                     "stroke": TEXT_COLOUR, "strokeWidth": 2},
            "encoding": {"size": {"value": area * HIGHLIGHT_RING}},
        }
    ]  # fmt: skip
    if selected:
        rings.append(
            {
                # a field predicate, not an expression: the id never becomes code
                "transform": [{"filter": {"field": "id", "equal": selected}}],
                "mark": {"type": "point", "shape": "circle", "filled": False,
                         "stroke": SELECTED_COLOUR, "strokeWidth": 3.5},
                "encoding": {"size": {"value": area * SELECTED_RING}},
            }
        )  # fmt: skip
    return rings


def _labels(font: float) -> list[Spec]:
    encoding = {
        "x": _field("label_x"),
        "y": _field("label_y"),
        "text": _field("label", "nominal"),
        "opacity": {
            "condition": {"test": "datum.dimmed", "value": DIMMED_OPACITY + 0.1},
            "value": 1.0,
        },
    }
    # each label's text starts at the edge of its box that faces its point (label_align)
    mark = {"type": "text", "align": {"expr": "datum.label_align"}, "baseline": "middle",
            "fontSize": font, "color": TEXT_COLOUR}  # fmt: skip
    return [
        {"transform": [{"filter": "datum.label_shown"}, {"filter": "!datum.highlight"}],
         "mark": mark, "encoding": encoding},
        {"transform": [{"filter": "datum.label_shown"}, {"filter": "datum.highlight"}],
         "mark": {**mark, "fontWeight": "bold"}, "encoding": encoding},
    ]  # fmt: skip


def _leaders() -> Spec:
    return {
        "transform": [{"filter": "datum.leader"}],
        "mark": {"type": "rule", "color": "#777777", "strokeWidth": 1},
        "encoding": {"x2": {"field": "leader_x"}, "y2": {"field": "leader_y"}},
    }


def _regions(view: MapView, font: float) -> list[Spec]:
    if not view.region_records:
        return []
    colour_scale, _ = _archetype_scales(view)
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
                 "fontWeight": "bold", "color": TEXT_COLOUR, "lineBreak": "\n",
                 "lineHeight": font * 1.2},
        "encoding": {"x": _field("label_x"), "y": _field("label_y"),
                     "text": _field("label", "nominal"),
                     "opacity": {"condition": {"test": "datum.active", "value": 1.0},
                                 "value": 0.4}},
    }  # fmt: skip
    return [rectangle, label]


def _rd_key(texts: MapChartTexts, area: float, y: float, font: float) -> list[Spec]:
    """'R&D intensity: ● at or above the average  ○ below  ◐ unknown', with real markers.

    Vega legends cannot show fill opacity, the R&D cue, so the key is drawn as marks
    under the x axis, where a screenshot or an export keeps it.
    """
    title = f"{texts.rd_legend}:"
    x = text_width(title, font, bold=True) + font * 0.8
    markers, words = [], []
    for status in RD_ORDER:
        label = texts.rd_labels[status]
        markers.append({"px": x + font * 0.5, "py": y, "fill": RD_FILL_OPACITY[status]})
        words.append({"px": x + font * 1.3, "py": y, "text": label})
        x += font * 1.3 + text_width(label, font) + font * 1.2
    text_mark = {"type": "text", "align": "left", "baseline": "middle", "fontSize": font,
                 "color": TEXT_COLOUR}  # fmt: skip
    position = {"x": _pixel("px"), "y": _pixel("py"), "text": _field("text", "nominal")}
    return [
        {
            "data": {"values": markers},
            "mark": {"type": "point", "shape": "circle", "filled": True, "fill": "#666666",
                     "stroke": TEXT_COLOUR, "strokeWidth": 2},
            "encoding": {"x": _pixel("px"), "y": _pixel("py"),
                         "fillOpacity": {"field": "fill", "type": "quantitative", "scale": None},
                         "size": {"value": area * SIZE_AREAS["moderate"]}},
        },
        {"data": {"values": [{"px": 0, "py": y, "text": title}]},
         "mark": {**text_mark, "fontWeight": "bold"}, "encoding": position},
        {"data": {"values": words}, "mark": text_mark, "encoding": position},
    ]  # fmt: skip


def _caption(font: float, lines: int) -> Spec:
    """The filters line of the subtitle (`lines` lines once wrapped) as a text mark just
    above the plot, from `CAPTION`; the title and the rest of the subtitle sit above it
    (Vega places titles over all marks)."""
    return {
        "data": {"name": CAPTION},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": font,
                 "color": SUBTITLE_COLOUR, "lineBreak": "\n", "lineHeight": font * 1.25},
        "encoding": {"x": {"value": 0}, "y": {"value": -font * (0.5 + 1.25 * lines)},
                     "text": _field("text", "nominal")},
    }  # fmt: skip


def _footer(texts: MapChartTexts, width: int, top: float, font: float) -> Spec:
    """The source line(s), inside the chart so a screenshot or an export keeps them."""
    size = font * 0.9
    return {
        "data": {"values": [{"text": "\n".join(_wrapped(texts.footer, width, size))}]},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": size,
                 "color": NOTE_COLOUR, "lineBreak": "\n", "lineHeight": size * 1.3},
        "encoding": {"x": {"value": 0}, "y": {"value": top}, "text": _field("text", "nominal")},
    }  # fmt: skip


# 4. The chart ------------------------------------------------------------------------------


def industry_map_spec(
    view: MapView, texts: MapChartTexts, selected: str | None = None, live: bool = False
) -> Spec:
    """The industry map as a Vega-Lite v6 spec (a JSON-able dict).

    `live` (the page's chart): the subtitle's last line, the filters applied, is drawn from
    the `CAPTION` dataset above the plot rather than written into the title, so the spec
    itself does not change when a filter does (Streamlit then sends new data, and the
    browser redraws the marks instead of compiling and rendering a new chart).
    """
    size = view.canvas.size
    font = size.text_font
    x, y = _axes(view, texts)
    # Under the plot, in rows: axis labels and title, the size legend (when sizes show),
    # the R&D key (statistics), the source line.
    below = size.height + font * 3.4
    size_legend_y = below
    if view.filters.sized:
        below += font * 2.0
    layers = [
        *_regions(view, size.region_font),
        _leaders(),
        *_rings(size.point_area, selected),
        points := _points(view, texts, size_legend_y),
        *_labels(size.label_font),
    ]
    if view.mode == "statistics":
        layers += _rd_key(texts, size.point_area, below + font * 0.7, font)
        below += font * 2.0
    layers.append(_footer(texts, size.width, below + font * 0.3, font))
    datasets = {ROWS: [dict(r) for r in view.records]}
    if view.region_records:
        datasets[REGIONS] = [dict(r) for r in view.region_records]
    subtitle = list(texts.subtitle)
    if live and subtitle:
        caption = "\n".join(_wrapped(subtitle[-1:], size.width, font))
        subtitle = subtitle[:-1]
        lines = caption.count("\n") + 1  # the spec changes only when this count does
        layers.append(_caption(font, lines))
        datasets[CAPTION] = [{"text": caption}]
        # a legend above the plot (statistics mode) goes above the filters line, which Vega
        # does not count when it places legends (it counts the plot and its axes)
        legend = points["encoding"]["fill"].get("legend")
        if legend:
            legend["offset"] = round(font * (0.8 + 1.25 * lines))
    return {
        "$schema": SCHEMA,
        # named datasets: Streamlit sends them as Arrow tables beside the spec
        "datasets": datasets,
        "data": {"name": ROWS},
        # every layer shares the x and y encodings of the plot; the pixel layers override them
        "encoding": {"x": x, "y": y},
        "layer": layers,
        # clicking a point selects it by id; at the top level, bound to the points layer (where
        # Altair would hoist it too: a copy in the layer as well makes a duplicate signal)
        "params": [
            {
                "name": PICK,
                "select": {"type": "point", "fields": ["id"], "on": "click", "clear": "dblclick"},
                "views": [POINTS],
            }
        ],
        "width": size.width,
        "height": size.height,
        "title": {
            "text": texts.title,
            "subtitle": _wrapped(subtitle, size.width, font),
            "anchor": "start",
            "fontSize": size.title_font,
            "subtitleFontSize": font,
            "subtitleColor": SUBTITLE_COLOUR,
            "offset": font,
            # live: the filters line (a mark) starts at the plot's left edge; so does the title
            **({"frame": "group", "offset": font * 0.4} if CAPTION in datasets else {}),
        },
        "padding": {"top": 14, "left": 8, "right": 16, "bottom": 8},  # pitfall P5
        # "pad": width and height are the plot area, which the labels were placed for;
        # Streamlit's default "fit" would squeeze the plot into the whole chart's size.
        "autosize": {"type": "pad", "contains": "padding"},
        "config": {
            "font": CHART_FONT,
            "view": {"stroke": "#bbbbbb"},
            "axis": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
            "legend": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "padding": 4},
        },
    }


def industry_map_chart(
    view: MapView, texts: MapChartTexts, selected: str | None = None
) -> alt.LayerChart:
    """The industry map as an Altair chart (validated against the Vega-Lite schema)."""
    return alt.LayerChart.from_dict(industry_map_spec(view, texts, selected))
