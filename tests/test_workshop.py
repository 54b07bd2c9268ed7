"""The workshop module on its own (pure): file names, links, the map made ready for export
and for the dark theme, the map's CSV with provenance (saved views as slides:
test_deck_export.py).

Images are written to $E2E_ARTIFACTS (default /tmp/e2e-artifacts) as workshop-unit-*.png
so a person can look at them.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import replace
from pathlib import Path

import pytest
from data_dirs import BUNDLED_DATA
from map_stats import statistics_data_dir

from genai_impact import state
from genai_impact.exports import chart_export, map_export, opaque_regions
from genai_impact.exports.table_csv import (
    BOM,
    PROVENANCE_COLUMNS,
    basis_text,
    provenance_header,
)
from genai_impact.official.stats import load_official_stats
from genai_impact.report.load import load_dataset
from genai_impact.theme import palette
from genai_impact.views.map import chart as charts
from genai_impact.views.map import chart_parts as parts
from genai_impact.views.map import layout
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.workshop import links

DS = load_dataset(BUNDLED_DATA)
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", "/tmp/e2e-artifacts"))
LINK = "http://localhost:8501/map?lang=ja"


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def keep(name: str, png: bytes) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"workshop-unit-{name}.png").write_bytes(png)


@pytest.mark.parametrize(
    ("stem", "fmt", "preset", "name"),
    [
        ("map", "png", "slide_16_9", "map-16x9.png"),
        ("map", "svg", "slide_4_3", "map-4x3.svg"),
        ("map", "png", "screen", "map-screen.png"),
        ("map", "csv", "slide_4_3", "map.csv"),
    ],
)
def test_file_names(stem, fmt, preset, name):
    assert chart_export.file_name(stem, fmt, preset) == name


@pytest.mark.parametrize(
    ("url", "host", "configured", "expected"),
    [
        ("http://10.0.0.5:8501/map?x=1", None, None, "http://10.0.0.5:8501"),
        (None, "room.example:8501", None, "http://room.example:8501"),
        (
            "http://a:1/x",
            "b:2",
            "https://workshop.example.org/base",
            "https://workshop.example.org",
        ),
        ("javascript:alert(1)", "evil host<", None, links.DEFAULT_BASE_URL),
        ("http://user:pw@host/", None, None, links.DEFAULT_BASE_URL),
        (None, None, None, links.DEFAULT_BASE_URL),
    ],
)
def test_base_url(url, host, configured, expected):
    assert links.base_url(url, host, configured) == expected


def test_view_link_leaves_display_settings_out():
    view = state.ViewState(lang="en", arch=("A",), present="1", theme="dark")
    assert links.view_link("http://h", "map", view) == "http://h/map?lang=en&arch=A"
    assert links.display_params(view) == {"present": "1", "theme": "dark"}


def test_position_finds_the_view_on_screen():
    views = (
        links.capture("map", state.ViewState(arch=("A",)), "a"),
        links.capture("sources", state.ViewState(), "s"),
    )
    assert links.position(views, "sources", state.ViewState(theme="dark")) == 1
    assert links.position(views, "map", state.ViewState(arch=("A",), present="1")) == 0
    assert links.position(views, "map", state.ViewState(arch=("B",))) is None


def test_presentation_map_is_larger_and_fits_the_projector():
    screen, present = layout.map_size(False), layout.map_size(True)
    assert present.width > screen.width and present.label_font > screen.label_font
    assert present.point_area >= 300 and present.height <= 360


def map_spec(filters: map_query.MapFilters | None = None, lang: str = "ja") -> dict:
    filters = filters or map_query.MapFilters()
    mv = map_query.schematic_view(DS, filters, lang, layout.map_size(False))
    return charts.industry_map_spec(mv, map_text.chart_texts(DS, mv, lang), None)


def test_export_spec_inlines_data_and_drops_what_the_slide_replaces():
    spec = map_export.export_map_spec(
        map_spec(map_query.MapFilters(phases=("rd_planning",))), "slide_16_9"
    )
    text = json.dumps(spec, ensure_ascii=False)
    assert "datasets" not in spec and "params" not in spec and "title" not in spec
    assert '"name": "map_rows"' not in text
    assert all("value" not in layer.get("encoding", {}).get("x", {}) for layer in spec["layer"])
    # the size key, drawn in pixels under the plot, follows the plot's fitted height
    key = [layer for layer in spec["layer"] if "py_fit" in json.dumps(layer.get("encoding", {}))]
    assert {row["text"] for layer in key for row in layer["data"]["values"] if "text" in row} >= {
        "大",
        "小",
    }


def test_blend_is_the_colour_seen_through_over_the_background():
    assert opaque_regions.blend("#0072B2", "#ffffff", 0.15) == "#d9eaf3"
    assert opaque_regions.blend("#0072B2", "#000000", 0.15) == "#00111b"
    assert opaque_regions.blend("#fff", "#000000", 0.5) == "#808080"
    assert opaque_regions.blend("steelblue", "#ffffff", 0.5) is None


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_export_draws_the_regions_opaque_in_the_colours_they_show(theme):
    # A filter leaves some regions active (REGION_OPACITY) and some dimmed (a third of it).
    filters = map_query.MapFilters(archetypes=("A", "C"))
    spec = map_export.export_map_spec(map_spec(filters), "slide_16_9")
    background = palette(theme).background
    layers = opaque_regions.opaque_regions(spec, background)["layer"]
    [before] = [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "rect"]
    [after] = [layer for layer in layers if layer.get("mark", {}).get("type") == "rect"]
    assert "opacity" not in after["encoding"] and after["encoding"]["fill"]["scale"] is None
    scale = before["encoding"]["fill"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"], strict=False))
    rows = after["data"]["values"]
    assert len(rows) == len(before["data"]["values"]) == 6
    assert {row["active"] for row in rows} == {True, False}
    for row in rows:
        alpha = parts.REGION_OPACITY if row["active"] else parts.REGION_OPACITY / 3
        expected = opaque_regions.blend(colours[row["archetype_label"]], background, alpha)
        assert row["genai_impact_region_fill"] == expected
        assert row["genai_impact_region_stroke_opacity"] == pytest.approx(0.6 * alpha)
    # the other layers (the regions' labels too) and the input spec are untouched
    assert [layer for layer in layers if layer is not after] == [
        layer for layer in spec["layer"] if layer is not before
    ]
    assert "opacity" in before["encoding"]


def test_exported_map_png_looks_as_with_translucent_regions():
    """The opaque regions are a rendering shortcut: the slide's pixels stay those of the
    translucent regions (only the 1-px region borders may differ by a shade)."""
    import io

    import numpy as np
    from PIL import Image

    from genai_impact.exports import render as export

    view = state.ViewState(lang="ja", arch=("A", "B", "C"))
    item = map_export.map_export(DS, None, view, LINK)
    size = map_export.fitted_size(
        chart_export.slide(item, "slide_16_9", "light").to_dict(), "slide_16_9"
    )

    def translucent(preset: str, theme: str):
        mv = map_query.map_view(DS, None, view, size)
        spec = charts.industry_map_spec(mv, map_text.chart_texts(DS, mv, "ja"), None, theme=theme)
        return chart_export.chart_of(map_export.export_map_spec(spec, preset))

    def pixels(png: bytes):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)

    fast = chart_export.render(item, "png", "slide_16_9")
    slow = export.to_png(
        chart_export.slide(replace(item, build=translucent), "slide_16_9", "light"), 2
    )
    assert fast != slow  # the shortcut is taken
    differ = np.abs(pixels(fast) - pixels(slow)).max(axis=2) > 2
    assert differ.mean() < 0.005  # borders only: 8.3 M pixels, under 42 k differ


def test_a_map_rendered_when_the_popover_opens_serves_the_click(monkeypatch):
    from genai_impact.exports import render as export

    export.clear_render_cache()
    view = state.ViewState(lang="en", arch=("D",))
    opened = map_export.map_export(DS, None, view, LINK)  # the run in which the popover opened
    chart_export.prerender(opened, "slide_4_3", "dark").result(timeout=300)

    def no_render(*_args, **_kwargs):
        raise AssertionError("rendered again at the click")

    for name in ("vegalite_to_svg", "vegalite_to_png", "svg_to_png"):
        monkeypatch.setattr(export.vlc, name, no_render)
    clicked = map_export.map_export(DS, None, view, LINK)  # the next run's item, same view
    png = chart_export.render(clicked, "png", "slide_4_3", "dark")
    svg = chart_export.render(clicked, "svg", "slide_4_3", "dark").decode("utf-8")
    assert png_size(png) == (2880, 2160)
    assert "Industry map" in svg and palette("dark").background in svg
    with pytest.raises(ValueError, match="no chart"):
        chart_export.prerender(replace(opened, build=None))


def test_map_csv_is_the_table_with_provenance():
    view = state.ViewState(arch=("C",))
    item = map_export.map_export(DS, None, view, LINK)
    data = chart_export.render(item, "csv")
    assert data.startswith(BOM)
    lines = data[len(BOM) :].decode("utf-8").split("\r\n")
    header = lines[0].split(",")
    assert header[-5:] == [provenance_header(c, "ja") for c in PROVENANCE_COLUMNS]
    industries = [i for i in DS.industries if i.archetype == "C"]
    body = [line for line in lines[1:] if line]
    assert len(body) == len(industries)
    for industry, line in zip(industries, body, strict=True):
        assert line.startswith(industry.name.ja + ",")
        prov = industry.prov
        basis = basis_text(prov.basis, "ja")
        assert f",{prov.source},{prov.lines_label()},,{basis}," in line


def test_map_export_svg_has_title_filters_source_and_link_in_english():
    view = state.ViewState(lang="en", arch=("A", "B"))
    link = links.view_link("http://localhost:8501", "map", view)
    item = map_export.map_export(DS, None, view, link)
    svg = chart_export.render(item, "svg", "slide_16_9").decode("utf-8")
    assert "Industry map" in svg
    assert "Archetype" in svg and "Schematic" in svg
    assert "Open this view: http://localhost:8501/map?lang=en&amp;arch=A&amp;arch=B" in svg


def test_an_empty_map_has_no_export():
    view = state.ViewState(q="", arch=("A",), kind="value_creation", phase=("rd_planning",))
    mv = map_query.map_view(DS, None, view, layout.map_size(False))
    assert (map_export.map_export(DS, None, view, LINK) is None) == mv.empty


def test_statistics_map_exports_with_statistic_year_and_keys(tmp_path, capsys):
    root = statistics_data_dir(tmp_path, capsys)  # SYNTHETIC figures
    ds, stats = load_dataset(root), load_official_stats(root)
    view = state.ViewState(phase=("customer_touchpoint",))
    item = map_export.map_export(ds, stats, view, LINK)
    year = stats.years[-1]
    assert f"{year}" in item.source and "模式" not in item.source
    csv = chart_export.render(item, "csv").decode("utf-8-sig")
    assert f",{basis_text('statistic', 'ja')}," in csv and f"FY{year}" in csv
    png = chart_export.render(item, "png", "slide_16_9", "dark")
    assert png_size(png) == (3840, 2160)
    keep("statistics-dark-16x9", png)


def test_schematic_map_with_sizes_as_a_4_3_slide():
    view = state.ViewState(phase=("customer_touchpoint",))
    item = map_export.map_export(DS, None, view, LINK)
    png = chart_export.render(item, "png", "slide_4_3")
    assert png_size(png) == (2880, 2160)
    keep("sized-4x3", png)
