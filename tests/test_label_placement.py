"""Label placement: no label overlaps another label or any point, for every size and language.

The unit cases use SYNTHETIC points; the map cases use the bundled data (schematic) and
the SYNTHETIC imported figures of tests/map_stats.py (statistics).
"""

from __future__ import annotations

import math

import pytest
from data_dirs import BUNDLED_DATA

from genai_impact.official.stats import figures_for_year, load_official_stats
from genai_impact.report.load import load_dataset
from genai_impact.views.map import labels as label_placement
from genai_impact.views.map.labels import (
    Anchor,
    Box,
    estimated_width,
    overlaps,
    place_labels,
    text_size,
    text_width,
    wrap_to_width,
)
from genai_impact.views.map.layout import SIZES
from genai_impact.views.map.query import (
    SIZE_AREAS,
    SIZE_SHARE_UNSIZED,
    MapFilters,
    schematic_view,
    statistics_view,
)

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
    share = max(SIZE_AREAS.values()) if view.filters.sized else SIZE_SHARE_UNSIZED
    radius = size.point_radius * math.sqrt(share)
    anchors = [
        Anchor(canvas.x.to_px(x), canvas.y.to_px(y), radius)
        for x, y in zip(view.rows["x"], view.rows["y"], strict=True)
    ]
    labels = []
    for row in view.rows.itertuples():
        width, height = text_size([row.label], size.label_font, bold=True)
        tx, cy = canvas.x.to_px(row.label_x), canvas.y.to_px(row.label_y)
        # label_x is where the text is anchored: its box's left edge, right edge or centre
        x0 = {"left": tx, "right": tx - width}.get(row.label_align, tx - width / 2)
        box = Box(x0, cy - height / 2, x0 + width, cy + height / 2)
        labels.append(label_placement.Placement(box, row.leader, row.label_shown, row.label_align))
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


# 4. Each label next to its own point, inside its point's region ---------------------------
#
# A label reads as its point's when it sits right next to it and on the same side of every
# region border. "Next to it": the drawn text's nearest point (the label box without its
# WIDTH_MARGIN padding, on the side the text is aligned to) is at most √2 × the point's
# reach from the point's centre, where reach = the largest marker's radius (the sized one
# when a phase or kind sizes the points) + POINT_MARGIN + GAP: the distance of a label at
# a corner of the room kept around the point (at the default size 12.6 + 5 + 1 = 18.6 px
# with sizes shown, so ≤ 26.3 px; 15.4 and 21.7 px without; a label on a leader ring is at
# least 24 px farther out). "Inside its region": that drawn text lies inside the archetype
# rectangle its point lies in. (The rule crosses a border only when no free place inside
# exists; for the bundled data one always exists, so none may cross.)


def drawn_geometry(view):
    """(name, label placement, point anchor, the point's region box) per shown label."""
    anchors, labels, _ = view_boxes(view)
    canvas = view.canvas
    regions = {
        r.code: Box(canvas.x.to_px(r.x0), canvas.y.to_px(r.y1), canvas.x.to_px(r.x1),
                    canvas.y.to_px(r.y0))
        for r in view.regions.itertuples()
    }  # fmt: skip
    return [
        (name, placement, anchor, regions[code])
        for name, code, anchor, placement in zip(
            view.rows["name"], view.rows["archetype"], anchors, labels, strict=True
        )
        if placement.shown
    ]


def text_box(placement) -> Box:
    """The drawn text: the label box without its WIDTH_MARGIN padding, on the side the text
    is aligned to (centred text: half the padding on each side)."""
    box = placement.box
    pad = box.width * (1 - 1 / label_placement.WIDTH_MARGIN)
    left = {"left": 0.0, "right": pad}.get(placement.align, pad / 2)
    return Box(box.x0 + left, box.y0, box.x1 - pad + left, box.y1)


def reach_bound(anchor: Anchor) -> float:
    return math.sqrt(2) * (anchor.radius + label_placement.POINT_MARGIN + label_placement.GAP)


PHASE_FILTERS = {"no filter": MapFilters()} | {
    f"phase {p.id}": MapFilters(phases=(p.id,)) for p in DS.phases
}


@pytest.mark.parametrize("case", list(PHASE_FILTERS))
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_label_is_next_to_its_point_without_a_leader(size, lang, case):
    view = schematic_view(DS, PHASE_FILTERS[case], lang, SIZES[size])
    geometry = drawn_geometry(view)
    assert len(geometry) == len(view.rows)
    for name, placement, anchor, _ in geometry:
        x, y = text_box(placement).nearest_point(anchor.x, anchor.y)
        assert math.hypot(x - anchor.x, y - anchor.y) <= reach_bound(anchor) + 1e-6, name
    assert not view.rows["leader"].any()


@pytest.mark.parametrize("case", list(PHASE_FILTERS))
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_no_label_crosses_the_border_of_its_points_region(size, lang, case):
    # on main before this rule, en at the default size with a phase filter failed here:
    # "Pharmaceuticals" sat centred above its point, across the A/B border
    view = schematic_view(DS, PHASE_FILTERS[case], lang, SIZES[size])
    for name, placement, anchor, region in drawn_geometry(view):
        assert Box(anchor.x, anchor.y, anchor.x, anchor.y).inside(region), name
        assert text_box(placement).inside(region), (name, placement, region)


def test_pharmaceuticals_sits_above_its_point_inside_b_with_a_phase_filter():
    """The reported case: /map?lang=en&phase=customer_touchpoint at the default size."""
    view = schematic_view(DS, MapFilters(phases=("customer_touchpoint",)), "en", SIZES["screen"])
    [(_, label, anchor, region)] = [g for g in drawn_geometry(view) if g[0] == "Pharmaceuticals"]
    text = text_box(label)
    assert text.y1 < anchor.y and text.x0 <= anchor.x <= text.x1  # above it, over it
    assert text.inside(region)
    # and not hugging the border it shares with A (it would read as B's heading)
    reach = anchor.radius + label_placement.POINT_MARGIN + label_placement.GAP
    assert text.x0 - region.x0 >= reach


# The rule on synthetic points (SYNTHETIC: made-up pixels, not the map's data).

LEFT_REGION, RIGHT_REGION = Box(0, 0, 150, 300), Box(150, 0, 400, 300)


def test_a_label_stays_in_its_region_when_a_place_inside_exists():
    # the point sits near its region's left border; a neighbour blocks its right side, so
    # the right-hand place is taken only in the way; centred above would cross into the left
    anchors = [Anchor(180, 100, 10), Anchor(300, 100, 10)]
    regions = [RIGHT_REGION, RIGHT_REGION]
    placements = place_labels(anchors, [(120, 18), (60, 18)], BOUNDS, regions=regions)
    assert overlaps(placements, anchors) == []
    first = placements[0]
    assert first.shown and not first.leader
    assert text_box(first).inside(RIGHT_REGION)
    x, y = first.box.nearest_point(180, 100)
    assert math.hypot(x - 180, y - 100) <= reach_bound(anchors[0])


def test_without_regions_the_same_label_may_cross():
    # the same points with no regions: the label goes centred above (cheaper), across x=150,
    # which shows the test above depends on the region rule
    anchors = [Anchor(180, 100, 10), Anchor(300, 100, 10)]
    placements = place_labels(anchors, [(120, 18), (60, 18)], BOUNDS)
    assert placements[0].box.x0 < 150


def test_a_label_crosses_only_when_no_place_inside_its_region_is_free():
    # a region too narrow for the label anywhere: it is still shown, next to its point
    narrow = Box(150, 0, 200, 300)
    [placement] = place_labels([Anchor(175, 100, 5)], [(120, 18)], BOUNDS, regions=[narrow])
    assert placement.shown and not placement.leader
    assert label_placement.crosses(placement.box, narrow)


def test_one_region_per_anchor():
    with pytest.raises(ValueError):
        place_labels([Anchor(1, 1, 1)], [(5, 5)], BOUNDS, regions=[])
