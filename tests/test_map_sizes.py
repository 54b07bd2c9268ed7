"""The map's sizes of effect read at a glance: areas far apart, a size the text does not
give drawn hollow (never as a point of some size), and a key under the plot that shows
exactly the markers drawn, in both languages, on screen and on a slide."""

from __future__ import annotations

import io

import pytest
from data_dirs import BUNDLED_DATA
from PIL import Image

from genai_impact.exports import chart_export, map_export
from genai_impact.official.stats import figures_for_year
from genai_impact.report.load import load_dataset
from genai_impact.state import ViewState
from genai_impact.text.i18n import t
from genai_impact.views.map import chart as charts
from genai_impact.views.map import chart_parts as parts
from genai_impact.views.map import keys
from genai_impact.views.map import text as map_text
from genai_impact.views.map.labels import text_width
from genai_impact.views.map.layout import PRESENT_MAP, SIZES
from genai_impact.views.map.query import SIZE_AREAS, MapFilters, schematic_view, statistics_view
from genai_impact.views.map.text import NOT_LEGIBLE

DS = load_dataset(BUNDLED_DATA)
# Filters whose points carry every size: large, moderate, small and not stated.
EVERY_SIZE = MapFilters(phases=("rd_planning", "customer_touchpoint"), kind="efficiency")
NO_UNSTATED = MapFilters(phases=("rd_planning",))  # large and small only


def spec_of(filters: MapFilters, lang: str, size=SIZES["screen"], theme: str = "light") -> dict:
    view = schematic_view(DS, filters, lang, size)
    return charts.industry_map_spec(view, map_text.chart_texts(DS, view, lang), theme=theme)


def points_encoding(spec: dict) -> dict:
    [layer] = [layer for layer in spec["layer"] if layer.get("name") == parts.POINTS]
    return layer["encoding"]


def key_rows(spec: dict, name: str = "size") -> list[tuple[dict, dict]]:
    """(layer's mark, row) of every row of key `name`."""
    return [
        (layer["mark"], row)
        for layer in spec["layer"]
        for row in layer.get("data", {}).get("values", [])
        if isinstance(row, dict) and row.get(keys.KEY) == name
    ]


def test_each_size_is_at_least_twice_the_area_of_the_next():
    large, moderate, small = (SIZE_AREAS[s] for s in ("large", "moderate", "small"))
    assert large == max(SIZE_AREAS.values())  # label placement keeps room for this one
    assert large >= 2 * moderate and moderate >= 2 * small
    # not stated: a middle area, claiming neither end of the scale
    assert small < SIZE_AREAS[NOT_LEGIBLE] < large


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_points_draw_each_size_at_its_area_and_not_stated_hollow(lang):
    spec = spec_of(EVERY_SIZE, lang)
    encoding = points_encoding(spec)
    area = SIZES["screen"].point_area
    labels = {s: map_text.size_label(DS, s, lang) for s in parts.SIZE_ORDER}
    scale = encoding["size"]["scale"]
    assert scale["domain"] == [labels[s] for s in parts.SIZE_ORDER]  # all four drawn
    assert scale["range"] == [area * SIZE_AREAS[s] for s in parts.SIZE_ORDER]
    # not stated: no fill, whatever the mode fills by, and an outline (archetype's colour),
    # a little heavier so that it still reads
    fill = encoding["fillOpacity"]
    assert fill["condition"] == {"test": parts.NOT_STATED, "value": 0.0}
    assert parts.NOT_STATED == {"field": "effect_size", "equal": NOT_LEGIBLE}
    assert encoding["stroke"]["field"] == "archetype_label"
    assert encoding["strokeWidth"]["condition"]["value"] > encoding["strokeWidth"]["value"] > 0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_key_shows_the_points_markers_and_not_stated_only_when_drawn(lang):
    area = SIZES["screen"].point_area
    spec = spec_of(EVERY_SIZE, lang)
    words = [row["text"] for _, row in key_rows(spec) if "text" in row]
    not_stated = t("map.size.not_legible", lang)
    assert not_stated == {"ja": "大きさの記載なし", "en": "size not stated"}[lang]
    assert words[1:] == [map_text.size_label(DS, s, lang) for s in parts.SIZE_ORDER]
    assert words[0].startswith(t("map.legend.size", lang) + "†")  # our reading: it says so
    markers = [(mark, row) for mark, row in key_rows(spec) if "area" in row]
    expected = [area * SIZE_AREAS[s] for s in parts.SIZE_ORDER]  # the points' areas
    assert sorted(row["area"] for _, row in markers) == sorted(expected)
    hollow = [(mark, row) for mark, row in markers if row["fill"] == 0.0]
    [(mark, row)] = hollow
    assert row["area"] == area * SIZE_AREAS[NOT_LEGIBLE]
    assert mark["stroke"] and mark["strokeWidth"] == parts.NOT_STATED_STROKE_WIDTH
    assert all(row["fill"] == 1.0 for m, row in markers if (m, row) not in hollow)
    # no point without a stated size: no such entry
    words = [row["text"] for _, row in key_rows(spec_of(NO_UNSTATED, lang)) if "text" in row]
    assert not_stated not in words and len(words) == 3
    assert key_rows(spec_of(MapFilters(), lang)) == []  # size shows nothing: no key


@pytest.mark.parametrize(
    "size", [SIZES["screen"], PRESENT_MAP, *map_export.EXPORT_MAP_SIZES.values()]
)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_size_key_fits_in_one_row_under_the_plot(lang, size):
    spec = spec_of(EVERY_SIZE, lang, size)
    font = size.text_font
    rows = key_rows(spec)
    right = max(row["px"] + text_width(row["text"], font) for _, row in rows if "text" in row)
    assert right <= size.width
    # every marker fits its row (two text sizes high) and sits left of its word
    markers = [row for _, row in rows if "area" in row]
    assert all(row["area"] ** 0.5 <= 2 * font for row in markers)


def test_statistics_mode_draws_not_stated_hollow_over_the_rd_fill(stats):
    view = statistics_view(
        DS, figures_for_year(stats, 2022), 2022, EVERY_SIZE, "en", SIZES["screen"]
    )
    spec = charts.industry_map_spec(view, map_text.chart_texts(DS, view, "en"))
    encoding = points_encoding(spec)
    fill = encoding["fillOpacity"]
    assert fill["field"] == "rd_label" and fill["condition"]["value"] == 0.0
    # hollow also means R&D below the average here: not stated is dashed as well
    dashes = encoding["strokeDash"]["scale"]
    outline = dict(zip(dashes["domain"], dashes["range"], strict=True))
    assert NOT_LEGIBLE in {row["effect_size"] for row in spec["datasets"][charts.ROWS]}
    assert outline[t("map.size.not_legible", "en")] == parts.NOT_STATED_DASH
    [hollow] = [m for m, row in key_rows(spec) if row.get("fill") == 0.0]
    assert hollow["strokeDash"] == parts.NOT_STATED_DASH
    drawn = {row["effect_size"] for row in spec["datasets"][charts.ROWS]}
    key_words = {row["text"] for _, row in key_rows(spec) if "text" in row}
    assert (t("map.size.not_legible", "en") in key_words) == (NOT_LEGIBLE in drawn)
    assert key_rows(spec, "rd")  # the R&D key stays, on its own row
    size_y = {row["py"] for _, row in key_rows(spec)}
    rd_y = {row["py"] for _, row in key_rows(spec, "rd")}
    assert len(size_y) == len(rd_y) == 1 and rd_y != size_y


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_slide_keeps_the_size_key_with_every_size(lang):
    item = map_export.map_export(
        DS, None, ViewState(lang=lang, phase=EVERY_SIZE.phases, kind=EVERY_SIZE.kind), "https://x"
    )
    spec = chart_export.slide(item, "slide_16_9", "dark").to_dict()
    text = str(spec)
    assert all(map_text.size_label(DS, s, lang) in text for s in parts.SIZE_ORDER)
    png = chart_export.render(item, "png", "slide_16_9", "dark")
    assert Image.open(io.BytesIO(png)).size[0] >= 1920
