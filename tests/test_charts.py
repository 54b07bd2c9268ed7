"""The industry map chart: the spec sub-dicts that carry meaning, and a JSON round trip.

Never a snapshot of the whole spec: each test names what it guards (encoding, scale
type, region layer, filters, title, selection). `industry_map_spec` is what the page
draws; `industry_map_chart` is the same spec as a schema-validated Altair chart.
"""

from __future__ import annotations

import json

import altair as alt
import pytest
import vl_convert as vlc
from data_dirs import BUNDLED_DATA

from genai_impact.official.stats import figures_for_year
from genai_impact.report.load import load_dataset
from genai_impact.text import readings
from genai_impact.theme import FONT_STACK, PALETTES, palette
from genai_impact.views.map import chart as charts
from genai_impact.views.map import chart_parts as parts
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import SIZES
from genai_impact.views.map.query import MapFilters, schematic_view, statistics_view

DS = load_dataset(BUNDLED_DATA)
SCREEN = SIZES["screen"]


class Built:
    """A built chart: `to_dict()` gives the spec the page draws (as Altair charts do)."""

    def __init__(self, view, selected=None):
        self.view, self.selected = view, selected
        self.texts = map_text.chart_texts(DS, view, view_lang(view))

    def to_dict(self) -> dict:
        return charts.industry_map_spec(self.view, self.texts, self.selected)

    def altair(self) -> alt.LayerChart:
        return charts.industry_map_chart(self.view, self.texts, self.selected)


def view_lang(view) -> str:
    return "en" if view.archetype_labels[0][1].startswith("A K") else "ja"


def schematic(filters: MapFilters | None = None, lang: str = "ja", selected: str | None = None):
    view = schematic_view(DS, filters or MapFilters(), lang, SCREEN)
    return view, Built(view, selected)


def statistics(stats, filters: MapFilters | None = None, lang: str = "ja"):
    figures = figures_for_year(stats, 2022)
    view = statistics_view(DS, figures, 2022, filters or MapFilters(), lang, SCREEN)
    return view, Built(view)


def mark_type(layer: dict) -> str:
    mark = layer["mark"]
    return mark if isinstance(mark, str) else mark["type"]


def points_layer(spec: dict) -> dict:
    """The layer that carries the selection: the industry or sector points."""
    layer = next(layer for layer in spec["layer"] if layer.get("name") == charts.POINTS)
    # the x and y encodings are the chart's, shared by the layers
    return {**layer, "encoding": {**spec["encoding"], **layer["encoding"]}}


def layers(spec: dict, kind: str) -> list[dict]:
    return [layer for layer in spec["layer"] if mark_type(layer) == kind]


# 1. Schematic mode ----------------------------------------------------------------------


def test_schematic_regions_are_shaded_rectangles_with_bold_labels():
    view, chart = schematic()
    spec = chart.to_dict()
    [rect] = layers(spec, "rect")
    assert {k: rect["encoding"][k]["field"] for k in ("x", "x2", "y", "y2")} == {
        "x": "x0",
        "x2": "x1",
        "y": "y0",
        "y2": "y1",
    }
    assert rect["encoding"]["fill"]["legend"] is None
    region_labels = [
        layer
        for layer in layers(spec, "text")
        if layer["mark"].get("fontWeight") == "bold" and layer["mark"].get("lineBreak") == "\n"
    ]
    assert len(region_labels) == 1
    assert len(view.regions) == 6


def test_schematic_axes_are_qualitative_without_numbers():
    _, chart = schematic(lang="en")
    x = points_layer(chart.to_dict())["encoding"]["x"]
    assert x["scale"] == {"domain": [0.0, 10.0], "nice": False, "zero": False}
    assert "type" not in x["scale"]  # linear: the plane is a schematic, not a measurement
    assert x["axis"]["labelExpr"] == (
        "datum.value < 5.0 ? 'Labour-intensive' : 'Capital-intensive'"
    )
    assert x["axis"]["title"] == "Capital equipment ratio (schematic)"
    assert x["axis"]["ticks"] is False and len(x["axis"]["values"]) == 2


def test_the_schematic_note_is_on_the_chart_itself():
    _, chart = schematic()
    spec = chart.to_dict()
    assert spec["title"]["text"] == map_text.t("map.chart.title", "ja")
    assert spec["title"]["subtitle"][0] == map_text.t("map.chart.note_schematic", "ja")
    footer = next(
        layer for layer in spec["layer"] if layer["encoding"].get("text", {}).get("field") == "text"
    )
    text = footer["data"]["values"][0]["text"].replace("\n", "")
    assert map_text.t("map.chart.footer_schematic", "ja", report="")[:3] in text
    # the room sees the chart: how an administrator imports statistics is not its business
    assert "管理者" not in text and "公的統計" not in text


def test_points_are_coloured_and_shaped_by_archetype_with_okabe_ito():
    view, chart = schematic(lang="en")
    encoding = points_layer(chart.to_dict())["encoding"]
    labels = [label for _, label in view.archetype_labels]
    assert encoding["fill"]["field"] == encoding["shape"]["field"] == "archetype_label"
    assert encoding["fill"]["scale"] == {
        "domain": labels,
        "range": ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9"],
    }
    assert len(set(encoding["shape"]["scale"]["range"])) == 6
    assert encoding["shape"]["legend"] is None  # the labelled regions name the archetypes
    assert encoding["description"] == {"field": "name", "type": "nominal"}


def test_a_point_selection_on_id_reports_clicks():
    _, chart = schematic()
    params = chart.to_dict()["params"]
    assert params[0]["views"] == [charts.POINTS]
    assert [p["name"] for p in params] == [charts.PICK]
    assert params[0]["select"] == {
        "type": "point",
        "fields": ["id"],
        "on": "click",
        "clear": "dblclick",
    }


def test_search_dims_the_rest_and_rings_the_matches():
    _, chart = schematic(MapFilters(search="小売"))
    spec = chart.to_dict()
    opacity = points_layer(spec)["encoding"]["opacity"]
    assert opacity["condition"]["test"] == "datum.dimmed"
    assert opacity["condition"]["value"] == parts.DIMMED_OPACITY
    rings = [layer for layer in layers(spec, "point") if layer.get("transform")]
    assert {"filter": "datum.highlight"} in rings[0]["transform"]


def test_the_selected_point_gets_a_ring_by_a_safe_predicate():
    _, chart = schematic(selected="retail")
    rings = [
        layer
        for layer in layers(chart.to_dict(), "point")
        if {"filter": {"field": "id", "equal": "retail"}} in layer.get("transform", [])
    ]
    assert len(rings) == 1 and rings[0]["mark"]["stroke"] == palette("light").primary


def test_labels_and_leaders_use_the_precomputed_positions():
    _, chart = schematic()
    spec = chart.to_dict()
    labels = [
        layer
        for layer in layers(spec, "text")
        if layer["encoding"]["x"].get("field") == "label_x" and "data" not in layer
    ]
    assert len(labels) == 2  # regular, and bold for search matches
    assert all({"filter": "datum.label_shown"} in layer["transform"] for layer in labels)
    assert all(layer["mark"]["fontSize"] >= 14 for layer in labels)
    [leader] = layers(spec, "rule")
    assert leader["transform"] == [{"filter": "datum.leader"}]
    assert leader["encoding"]["x2"]["field"] == "leader_x"


def test_size_encodes_the_effect_size_with_not_stated_distinct():
    _, chart = schematic(MapFilters(phases=("customer_touchpoint",)), lang="en")
    encoding = points_layer(chart.to_dict())["encoding"]
    size = encoding["size"]
    assert size["field"] == "effect_size_label" and size["scale"]["type"] == "ordinal"
    # the key lists the sizes drawn: no industry has a small effect in this phase
    assert size["scale"]["domain"] == ["Large", "Moderate", "size not stated"]
    assert encoding["strokeWidth"]["condition"]["value"] == parts.NOT_STATED_STROKE_WIDTH
    # not stated: hollow, whatever else the fill shows
    assert encoding["fillOpacity"]["condition"]["value"] == 0.0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sized_map_footnotes_the_marker_with_our_scale_and_its_rule(lang):
    def footer_text(spec: dict) -> str:
        [footer] = [
            x
            for x in layers(spec, "text")
            if "values" in x.get("data", {}) and x["mark"].get("baseline") == "top"
        ]
        return "".join(footer["data"]["values"][0]["text"].split())  # wrapping aside

    _, sized = schematic(MapFilters(phases=("rd_planning",)), lang=lang)
    note = "".join(readings.map_size_note(DS, lang).split())
    assert note.startswith("†") and note in footer_text(sized.to_dict())
    assert all(s.name.in_lang(lang) in note for s in DS.effect_sizes)  # the scale, in full
    _, unsized = schematic(lang=lang)  # no sizes drawn: no size legend, no footnote
    assert "†" not in footer_text(unsized.to_dict())


def test_without_a_phase_or_kind_every_point_has_one_size():
    _, chart = schematic()
    assert "value" in points_layer(chart.to_dict())["encoding"]["size"]


def test_chart_font_title_padding_and_size():
    _, chart = schematic()
    spec = chart.to_dict()
    assert spec["config"]["font"] == FONT_STACK
    assert spec["padding"]["top"] >= 12  # a layered chart's title is clipped without it
    assert spec["autosize"] == {"type": "pad", "contains": "padding"}
    assert (spec["width"], spec["height"]) == (SCREEN.width, SCREEN.height)


# 2. Statistics mode ---------------------------------------------------------------------


def test_statistics_axes_are_log_with_units(stats):
    view, chart = statistics(stats, lang="en")
    encoding = points_layer(chart.to_dict())["encoding"]
    for channel, scale in (("x", view.canvas.x), ("y", view.canvas.y)):
        assert encoding[channel]["scale"]["type"] == "log"
        assert encoding[channel]["scale"]["domain"] == list(scale.domain)
        assert "¥ million per employee, log scale" in encoding[channel]["axis"]["title"]


def test_statistics_draws_no_regions_and_says_why(stats):
    _, chart = statistics(stats)
    spec = chart.to_dict()
    assert layers(spec, "rect") == []
    footer = next(layer for layer in layers(spec, "text") if layer["mark"].get("baseline") == "top")
    note = map_text.t("map.chart.note_regions", "ja")
    assert note in footer["data"]["values"][0]["text"].replace("\n", "")


def test_statistics_has_an_archetype_legend_and_rd_fill(stats):
    _, chart = statistics(stats, lang="en")
    spec = chart.to_dict()
    encoding = points_layer(spec)["encoding"]
    assert encoding["shape"]["legend"]["title"] == "Archetype"
    assert encoding["fill"]["scale"]["domain"][-1] == "No example industry"
    assert encoding["fillOpacity"]["field"] == "rd_label"
    assert encoding["fillOpacity"]["scale"] == {
        "type": "ordinal",
        "domain": [
            "at or above the all-industry average",
            "below the all-industry average",
            "unknown",
        ],
        "range": [1.0, 0.0, 0.35],
    }
    rd_key = [
        layer["data"]["values"]
        for layer in layers(spec, "text")
        if layer["encoding"]["x"].get("field") == "px"
    ]
    assert any(row["text"] == "R&D intensity:" for rows in rd_key for row in rows)


def test_statistics_tooltip_gives_the_two_ratios(stats):
    _, chart = statistics(stats, lang="en")
    tooltip = points_layer(chart.to_dict())["encoding"]["tooltip"]
    ratios = [t for t in tooltip if t["field"].endswith("_equipment_ratio")]
    assert [t["title"] for t in ratios] == [
        "Capital equipment ratio (¥ million per employee)",
        "Software equipment ratio (¥ million per employee)",
    ]
    assert all(t["type"] == "quantitative" and t["format"] == ".3~r" for t in ratios)


def test_statistics_footer_names_the_surveys_and_year(stats):
    _, chart = statistics(stats)
    spec = chart.to_dict()
    text = "".join(
        row["text"]
        for layer in spec["layer"]
        for row in layer.get("data", {}).get("values", [])
        if "text" in row
    ).replace("\n", "")
    assert "財務省「法人企業統計調査（年次別調査）」" in text
    assert "2022年度" in text and "0003060791" in text


# 3. Every view survives a JSON round trip -------------------------------------------------


def round_trip_cases(stats):
    yield schematic()[1]
    yield schematic(MapFilters(phases=("rd_planning",), search="steel"), "en", "steel")[1]
    yield statistics(stats)[1]
    yield statistics(stats, MapFilters(kind="efficiency"), "en")[1]


def test_every_chart_survives_a_json_round_trip_and_the_schema(stats):
    for built in round_trip_cases(stats):
        spec = built.to_dict()
        text = json.dumps(spec, ensure_ascii=False, allow_nan=False)  # strict JSON: no NaN
        assert json.loads(text) == spec
        alt.LayerChart.validate(json.loads(text))  # valid Vega-Lite, by Altair's schema


def test_the_altair_chart_is_the_same_chart():
    _, built = schematic(MapFilters(phases=("rd_planning",)), "en", "steel")
    chart = built.altair()
    assert isinstance(chart, alt.LayerChart)
    again = chart.to_dict()
    spec = built.to_dict()

    assert again["layer"] == spec["layer"] and again["params"] == spec["params"]
    assert again["datasets"] == spec["datasets"]
    assert (again["title"], again["encoding"]) == (spec["title"], spec["encoding"])
    # Regression: a selection kept in the layer as well as hoisted by Altair made Vega fail
    # with 'Duplicate signal name: "pick_tuple"'. Both forms must compile and draw.
    for form in (spec, again):
        assert "<svg" in vlc.vegalite_to_svg(form)


def test_every_chart_draws_with_the_japanese_font(stats):
    for built in round_trip_cases(stats):
        svg = vlc.vegalite_to_svg(built.to_dict())
        assert f'font-family="{FONT_STACK}"' in svg


def test_the_live_chart_draws_the_filters_line_from_data_so_its_spec_stays_the_same():
    """The page's chart (`live`): the filters line is the CAPTION dataset, drawn above the
    plot; two filter choices give the same spec apart from the data (the browser then only
    swaps data), and the line is on the rendered chart."""
    specs = []
    for filters in (MapFilters(), MapFilters(archetypes=("E1",), search="小売")):
        view = schematic_view(DS, filters, "ja", SCREEN)
        texts = map_text.chart_texts(DS, view, "ja")
        spec = charts.industry_map_spec(view, texts, live=True)
        line = map_text.filters_line(DS, filters, "ja")
        assert spec["datasets"][charts.CAPTION] == [{"text": line}]
        assert spec["title"]["subtitle"] == [map_text.t("map.chart.note_schematic", "ja")]
        assert line in vlc.vegalite_to_svg(spec)
        specs.append({k: v for k, v in spec.items() if k != "datasets"})
    assert specs[0] == specs[1]
    # the export keeps the whole subtitle in the title (its own layout)
    assert charts.CAPTION not in Built(view).to_dict()["datasets"]


# --- themes: the chart is built in the theme's palette (no colours rewritten afterwards) ---


def colours_in(spec: dict) -> set[str]:
    """Every hex colour a spec names, lower case."""
    import re

    return {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", json.dumps(spec))}


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_each_theme_draws_the_chart_in_its_own_palette(theme):
    view = schematic_view(DS, MapFilters(phases=("rd_planning",), search="小売"), "ja", SCREEN)
    texts = map_text.chart_texts(DS, view, "ja")
    spec = charts.industry_map_spec(view, texts, "retail", theme=theme)
    pal = palette(theme)
    assert spec["config"]["background"] == pal.background
    assert spec["config"]["axis"]["labelColor"] == pal.text
    assert spec["title"]["subtitleColor"] == pal.subtle_text
    allowed = {
        c.lower()
        for c in (pal.text, pal.subtle_text, pal.note, pal.axis, pal.grid, pal.frame,
                  pal.leader, pal.marker, pal.primary, pal.several, pal.unassigned,
                  pal.background, pal.dimmed_text, *pal.archetypes.values())
    }  # fmt: skip
    assert colours_in(spec) <= allowed, colours_in(spec) - allowed
    others = {
        c.lower() for name, p in PALETTES.items() if name != theme for c in (p.text, p.background)
    }
    # no colour of another theme's text or background (unless this palette uses it too)
    assert not colours_in(spec) & (others - allowed)
