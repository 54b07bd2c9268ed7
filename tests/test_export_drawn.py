"""Exported map images as drawn: where Vega really puts the labels at every size preset, in
both languages; the colours of dimmed labels in every theme; legends that list only what
the chart draws.

The positions are read from vl-convert's scenegraph of the exported slide (the layout the
PNG and SVG are drawn from), and each text's box is measured with the placement's own
font table, so a label squeezed by the slide's fitted plot shows up here.
"""

from __future__ import annotations

import math

import pytest
import vl_convert as vlc
from data_dirs import BUNDLED_DATA
from test_label_placement import drawn_geometry, reach_bound, text_box

from genai_impact.exports import chart_export, map_export
from genai_impact.exports.opaque_regions import blend
from genai_impact.official.stats import figures_for_year, load_official_stats
from genai_impact.report.load import load_dataset
from genai_impact.state import ViewState
from genai_impact.theme import PALETTES, THEMES
from genai_impact.views.map import chart as charts
from genai_impact.views.map import chart_parts as parts
from genai_impact.views.map import keys
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.labels import Box, text_size
from genai_impact.views.map.layout import PRESENT_MAP, SIZES
from genai_impact.views.map.query import MapFilters, schematic_view, statistics_view

DS = load_dataset(BUNDLED_DATA)
LINK = "http://localhost:8501/map"
PRESETS = ("slide_16_9", "slide_4_3", "screen")
# the filters that move labels most: sizes shown (the largest markers), and a search
# (bold labels, dimmed ones) over three archetypes
VIEWS = {
    "phase customer_touchpoint": {"phase": ("customer_touchpoint",)},
    "search and archetypes": {"q": "小売", "arch": ("A", "B", "C")},
}


def luminance(colour: str) -> float:
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def scene(item: chart_export.ChartExport, preset: str):
    """The plot's group of the exported slide as vl-convert lays it out."""
    spec = chart_export.slide(item, preset, "light").to_dict()
    return vlc.vegalite_to_scenegraph(spec)["scenegraph"]["items"][0]


def drawn(plot) -> tuple[list[tuple[str, Box]], list[tuple[str, Box]], list[tuple[float, ...]]]:
    """(region labels, point labels, points (x, y, radius)) as drawn, in plot pixels."""
    regions, labels, points = [], [], []
    for mark in plot["items"]:
        for item in mark.get("items", []):
            if mark.get("marktype") == "text" and "label_x" in item.get("description", ""):
                lines = item["text"].split("\n")
                bold = item.get("fontWeight") == "bold"
                width, height = text_size(lines, item["fontSize"], bold=bold)
                x, y = item["x"], item["y"]
                if item["baseline"] == "top":  # a region's label, from its top-left corner
                    regions.append((item["text"], Box(x, y, x + width, y + height)))
                else:
                    x0 = {"left": x, "right": x - width}.get(item["align"], x - width / 2)
                    labels.append(
                        (item["text"], Box(x0, y - height / 2, x0 + width, y + height / 2))
                    )
            elif mark.get("name", "").startswith(parts.POINTS):
                points.append((item["x"], item["y"], math.sqrt(item["size"]) / 2))
    return regions, labels, points


def hits_point(box: Box, point: tuple[float, ...]) -> bool:
    x, y, radius = point
    nx, ny = box.nearest_point(x, y)
    return math.hypot(nx - x, ny - y) < radius


@pytest.mark.parametrize("case", list(VIEWS))
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("preset", PRESETS)
def test_exported_labels_never_collide_and_region_labels_fit_their_regions(preset, lang, case):
    item = map_export.map_export(DS, None, ViewState(lang=lang, **VIEWS[case]), LINK)
    plot = scene(item, preset)
    regions, labels, points = drawn(plot)
    assert len(regions) == 6 and labels and points
    plot_box = Box(0, 0, plot["width"], plot["height"])
    rectangles = [
        Box(r["x"], r["y"], r["x"] + r["width"], r["y"] + r["height"])
        for mark in plot["items"]
        if mark.get("marktype") == "rect"
        for r in mark["items"]
    ]
    everything = regions + labels
    for i, (name, box) in enumerate(everything):
        assert box.inside(plot_box.grown(0.5)), (name, box, plot_box)
        for other, other_box in everything[i + 1 :]:
            assert not box.intersects(other_box), (name, other)
        assert not any(hits_point(box, p) for p in points), name
    for name, box in regions:  # each region's label inside its own rectangle
        assert any(box.inside(r.grown(0.5)) for r in rectangles), (name, box)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("preset", ["slide_16_9", "slide_4_3"])
def test_a_slide_map_is_placed_for_the_plot_the_slide_gives_it(preset, lang):
    # before, the map was placed for 1480 × 620 px and Vega fitted it into about 1244 × 655 on
    # a 16:9 slide: English region labels ran into the next region and past the plot
    view = ViewState(lang=lang, phase=("customer_touchpoint",))
    item = map_export.map_export(DS, None, view, LINK)
    plot = scene(item, preset)
    size = map_export.fitted_size(chart_export.slide(item, preset, "light").to_dict(), preset)
    assert (size.width, size.height) == (int(plot["width"]), int(plot["height"]))
    # and at that size every label is next to its own point, inside its point's region
    # (the rule that keeps "Pharmaceuticals" in B, above its point)
    mv = map_query.map_view(DS, None, view, size)
    geometry = drawn_geometry(mv)
    assert len(geometry) == len(mv.rows)
    for name, placement, anchor, region in geometry:
        text = text_box(placement)
        x, y = text.nearest_point(anchor.x, anchor.y)
        assert math.hypot(x - anchor.x, y - anchor.y) <= reach_bound(anchor) + 1e-6, name
        assert text.inside(region), (name, preset, lang)


# Dimmed labels: solid colours that still read ------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_dimmed_labels_keep_3_to_1_on_the_background_and_on_every_region(theme):
    pal = PALETTES[theme]
    grounds = [pal.background] + [
        blend(colour, pal.background, alpha)
        for colour in pal.archetypes.values()
        for alpha in (parts.REGION_OPACITY, parts.REGION_OPACITY / 3)  # active, left out
    ]
    low = {ground: round(contrast(pal.dimmed_text, ground), 2) for ground in grounds}
    assert min(low.values()) >= 3, low
    # and dimmed still looks dimmed: clearly apart from the labels at full strength
    assert contrast(pal.dimmed_text, pal.text) >= 2.5


@pytest.mark.parametrize("theme", THEMES)
def test_the_map_draws_dimmed_labels_in_the_dimmed_colour_not_see_through(theme):
    view = schematic_view(
        DS, MapFilters(archetypes=("A", "B"), search="小売"), "ja", SIZES["screen"]
    )
    spec = charts.industry_map_spec(view, map_text.chart_texts(DS, view, "ja"), theme=theme)
    pal = PALETTES[theme]
    texts = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "text"]
    point_labels = [
        layer
        for layer in texts
        if layer["encoding"].get("x", {}).get("field") == "label_x" and "data" not in layer
    ]
    [region_labels] = [layer for layer in texts if layer.get("data") == {"name": parts.REGIONS}]
    assert len(point_labels) == 2
    for layer in point_labels:
        colour = layer["encoding"]["color"]
        assert colour["condition"] == {"test": "datum.dimmed", "value": pal.dimmed_text}
        assert colour["value"] == pal.text and "opacity" not in layer["encoding"]
    colour = region_labels["encoding"]["color"]
    assert colour["condition"]["value"] == pal.text and colour["value"] == pal.dimmed_text
    assert "opacity" not in region_labels["encoding"]


# Legends list what is drawn ------------------------------------------------------------------


def points_encoding(spec):
    [layer] = [layer for layer in spec["layer"] if layer.get("name") == parts.POINTS]
    return layer["encoding"]


@pytest.mark.parametrize(
    "filters",
    [MapFilters(phases=(p.id,)) for p in DS.phases]
    + [MapFilters(kind="efficiency"), MapFilters(kind="value_creation", archetypes=("A",))],
)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_size_legend_lists_exactly_the_sizes_drawn(lang, filters):
    view = schematic_view(DS, filters, lang, SIZES["screen"])
    spec = charts.industry_map_spec(view, map_text.chart_texts(DS, view, lang))
    encoding = points_encoding(spec)
    drawn_sizes = {row["effect_size_label"] for row in spec["datasets"][charts.ROWS]}
    for channel in ("size", "strokeDash"):
        domain = encoding[channel]["scale"]["domain"]
        assert set(domain) == drawn_sizes and len(domain) == len(drawn_sizes), channel
        assert len(encoding[channel]["scale"]["range"]) == len(domain)
    key_words = [
        row["text"]
        for layer in spec["layer"]
        if layer.get("mark", {}).get("fontWeight") != "bold"
        for row in layer.get("data", {}).get("values", [])
        if isinstance(row, dict) and row.get(keys.KEY) == "size" and "text" in row
    ]
    assert sorted(key_words) == sorted(drawn_sizes)


@pytest.mark.parametrize("filters", [MapFilters(), MapFilters(archetypes=("A", "C"))])
def test_statistics_legend_and_rd_key_list_only_what_is_drawn(stats_dir, filters):
    stats = load_official_stats(stats_dir)
    year = stats.years[-1]
    view = statistics_view(DS, figures_for_year(stats, year), year, filters, "en", SIZES["screen"])
    spec = charts.industry_map_spec(view, map_text.chart_texts(DS, view, "en"))
    rows = spec["datasets"][charts.ROWS]
    encoding = points_encoding(spec)
    assert set(encoding["fill"]["scale"]["domain"]) == {r["archetype_label"] for r in rows}
    assert encoding["fill"]["legend"] is not None
    assert set(encoding["fillOpacity"]["scale"]["domain"]) == {r["rd_label"] for r in rows}
    key_words = {
        row["text"]
        for layer in spec["layer"]
        if layer.get("mark", {}).get("fontWeight") != "bold"
        for row in layer.get("data", {}).get("values", [])
        if isinstance(row, dict) and "px" in row and "text" in row
    }
    assert key_words == {r["rd_label"] for r in rows}


@pytest.mark.parametrize("phase", [None, *(p.id for p in DS.phases)])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_presentation_mode_labels_sit_next_to_their_points_inside_their_regions(lang, phase):
    # the projected map's size is not one of SIZES: its labels are checked here too
    filters = MapFilters(phases=(phase,) if phase else ())
    view = schematic_view(DS, filters, lang, PRESENT_MAP)
    geometry = drawn_geometry(view)
    assert len(geometry) == len(view.rows) and not view.rows["leader"].any()
    for name, placement, anchor, region in geometry:
        text = text_box(placement)
        x, y = text.nearest_point(anchor.x, anchor.y)
        assert math.hypot(x - anchor.x, y - anchor.y) <= reach_bound(anchor) + 1e-6, name
        assert text.inside(region), (name, lang, phase)
