"""Label placement: no label overlaps another label or any point, for every size and language.

The unit cases use SYNTHETIC points; the map cases use the bundled data (schematic) and
the SYNTHETIC imported figures of tests/map_stats.py (statistics).
"""

from __future__ import annotations

import math

import pytest
from data_dirs import BUNDLED_DATA
from map_stats import statistics_data_dir

from genai_impact import label_placement
from genai_impact.label_placement import (
    Anchor,
    Box,
    estimated_width,
    overlaps,
    place_labels,
    text_size,
    text_width,
    wrap_to_width,
)
from genai_impact.load import load_dataset
from genai_impact.map_layout import SIZES
from genai_impact.map_query import SIZE_SHARE_UNSIZED, MapFilters, schematic_view, statistics_view
from genai_impact.official_stats import figures_for_year, load_official_stats

DS = load_dataset(BUNDLED_DATA)
BOUNDS = Box(0, 0, 400, 300)

# 1. Measuring and wrapping ---------------------------------------------------------------


def test_a_cjk_glyph_is_about_one_font_size_wide_and_latin_narrower():
    assert text_width("産業", 20) == pytest.approx(40 * label_placement.WIDTH_MARGIN, rel=0.05)
    assert text_width("ab", 20) < text_width("産業", 20)
    assert text_width("Steel", 20, bold=True) >= text_width("Steel", 20)


def test_without_the_font_the_estimate_is_conservative():
    for text in ("情報サービス", "Information services", "E2 Capital-intensive (analog)"):
        assert estimated_width(text, 15) >= text_width(text, 15) / label_placement.WIDTH_MARGIN


def test_measuring_falls_back_to_the_estimate_when_no_font_is_installed(monkeypatch):
    monkeypatch.setattr(label_placement, "_font", lambda size, bold: None)
    label_placement.text_width.cache_clear()
    try:
        assert text_width("産業", 10) == pytest.approx(20 * label_placement.WIDTH_MARGIN)
    finally:
        label_placement.text_width.cache_clear()


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # fits: one line
        ("A Labour-intensive", 500, ["A Labour-intensive"]),
        # breaks at spaces and after ×, never inside a word
        ("D Labour- × capital-intensive", 120, ["D Labour- ×", "capital-intensive"]),
        # Japanese breaks before an opening bracket
        ("E1 資本集約（デジタル）", 120, ["E1 資本集約", "（デジタル）"]),
        # a piece wider than the room stays whole
        ("Pharmaceuticals", 10, ["Pharmaceuticals"]),
    ],
)
def test_wrap_to_width(text, width, lines):
    assert wrap_to_width(text, width, 15) == lines


# 2. The placement rule on synthetic points -----------------------------------------------


def test_a_lone_point_gets_its_label_on_the_right_without_a_leader():
    [placement] = place_labels([Anchor(100, 100, 5)], [(50, 18)], BOUNDS)
    assert placement.shown and not placement.leader
    assert placement.box.x0 > 105 and placement.box.y0 < 100 < placement.box.y1


def test_a_point_at_the_right_edge_gets_its_label_on_the_left():
    [placement] = place_labels([Anchor(390, 100, 5)], [(50, 18)], BOUNDS)
    assert placement.box.x1 < 385 and placement.box.inside(BOUNDS)


def test_obstacles_are_avoided():
    obstacle = Box(100, 80, 200, 120)
    [placement] = place_labels([Anchor(90, 100, 5)], [(50, 18)], BOUNDS, [obstacle])
    assert not placement.box.intersects(obstacle)


def test_a_label_nearer_another_point_than_its_own_gets_a_leader():
    # a wall of points around the first leaves only places nearer the others
    anchors = [Anchor(200, 150, 5)] + [
        Anchor(200 + 34 * math.cos(a), 150 + 34 * math.sin(a), 5)
        for a in (i * math.pi / 4 for i in range(8))
    ]
    placements = place_labels(anchors, [(40, 16)] * len(anchors), BOUNDS)
    assert overlaps(placements, anchors) == []
    assert placements[0].leader


def test_a_crowd_never_overlaps_and_hides_what_finds_no_room():
    anchors = [Anchor(20 + (i % 10) * 12, 20 + (i // 10) * 12, 4) for i in range(100)]
    placements = place_labels(anchors, [(60, 16)] * 100, Box(0, 0, 200, 200))
    assert overlaps(placements, anchors) == []
    assert any(not p.shown for p in placements)


def test_one_size_per_anchor():
    with pytest.raises(ValueError):
        place_labels([Anchor(1, 1, 1)], [], BOUNDS)


# 3. The map's labels: bundled data, every size, both languages, filtered subsets --------


def view_boxes(view):
    """The drawn geometry of a map view in pixels: points, shown labels, region labels."""
    canvas, size = view.canvas, view.canvas.size
    share = 1.0 if view.filters.sized else SIZE_SHARE_UNSIZED
    radius = size.point_radius * math.sqrt(share)
    anchors = [
        Anchor(canvas.x.to_px(x), canvas.y.to_px(y), radius)
        for x, y in zip(view.rows["x"], view.rows["y"], strict=True)
    ]
    labels = []
    for row in view.rows.itertuples():
        width, height = text_size([row.label], size.label_font, bold=True)
        cx, cy = canvas.x.to_px(row.label_x), canvas.y.to_px(row.label_y)
        box = Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
        labels.append(label_placement.Placement(box, row.leader, row.label_shown))
    regions = []
    for row in view.regions.itertuples():
        width, height = text_size(row.label.split("\n"), size.region_font, bold=True)
        x0, y0 = canvas.x.to_px(row.label_x), canvas.y.to_px(row.label_y)
        regions.append(Box(x0, y0, x0 + width, y0 + height))
    return anchors, labels, regions


def assert_clean(view):
    anchors, labels, regions = view_boxes(view)
    assert overlaps(labels, anchors) == []
    bounds = Box(0, 0, view.canvas.size.width, view.canvas.size.height)
    for placement in labels:
        assert placement.box.inside(bounds.grown(0.5)), placement
        assert not any(placement.box.intersects(r) for r in regions)
    for region in regions:
        assert not any(region.intersects(a.box(margin=0)) for a in anchors)


FILTER_CASES = {
    "all": MapFilters(),
    "two archetypes": MapFilters(archetypes=("A", "B")),
    "a phase (sizes shown)": MapFilters(phases=("customer_touchpoint",)),
    "kind and impact": MapFilters(kind="efficiency", impacts=(6,)),
    "search": MapFilters(search="小売"),
}


@pytest.mark.parametrize("case", list(FILTER_CASES))
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_schematic_labels_never_collide_and_are_all_shown(size, lang, case):
    view = schematic_view(DS, FILTER_CASES[case], lang, SIZES[size])
    assert not view.empty
    assert_clean(view)
    assert view.hidden_labels == () and view.rows["label_shown"].all()


@pytest.fixture(scope="module")
def stats_dir(tmp_path_factory):
    class Quiet:  # the CLI's output is not under test here
        def readouterr(self):
            return "", ""

    return statistics_data_dir(tmp_path_factory.mktemp("map-stats"), Quiet())


@pytest.mark.parametrize("filters", [MapFilters(), MapFilters(phases=("rd_planning",))])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_statistics_labels_never_collide(stats_dir, size, lang, filters):
    stats = load_official_stats(stats_dir)
    for year in stats.years:
        figures = figures_for_year(stats, year)
        view = statistics_view(DS, figures, year, filters, lang, SIZES[size])
        assert_clean(view)
        assert view.hidden_labels == ()
