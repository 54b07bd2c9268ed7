"""The firm's point and label keep off everything the map already draws: on the schematic
map for every archetype in both languages and sizes, and on the measured map (SYNTHETIC
statistics) for firms across the plot."""

from __future__ import annotations

import pytest

from genai_impact.report.load import load_dataset
from genai_impact.views import place as views
from genai_impact.views.map.filters import MapFilters
from genai_impact.views.map.labels import Box, text_size
from genai_impact.views.map.layout import SIZES, schematic_regions
from genai_impact.views.map.schematic import schematic_view
from genai_impact.views.map.statistics import statistics_view
from genai_impact.views.place_layout import (
    SIDES,
    USER_AREA_SHARE,
    label_box,
    marker_radius,
    occupied,
    region_box,
)

DS = load_dataset()


def drawn(mv, row) -> tuple[Box, Box]:
    """The firm's marker and label as the chart draws them, in pixels."""
    canvas = mv.canvas
    px, py = canvas.x.to_px(row["x"]), canvas.y.to_px(row["y"])
    r = marker_radius(canvas, USER_AREA_SHARE)
    side = next(
        s
        for s in SIDES
        if (s.align, s.baseline, s.dx, s.dy)
        == (row["align"], row["baseline"], row["dx"], row["dy"])
    )
    w, h = text_size([row["label"]], canvas.size.label_font, bold=True)
    return Box(px - r, py - r, px + r, py + r), label_box(px, py, side, w, h)


@pytest.mark.parametrize("size", ["screen", "1280x720"])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("code", [a.code for a in DS.archetypes])
def test_answers_place_the_firm_where_it_covers_nothing(code, lang, size):
    mv = schematic_view(DS, MapFilters(), lang, SIZES[size])
    label = views.point_label(lang)
    x, y = views.schematic_spot(DS, mv, code, label)
    [row], _ = views.user_points(mv, [(x, y, label)], code)
    marker, text = drawn(mv, row)
    taken = occupied(mv)
    assert not [b for b in taken if marker.intersects(b)], "marker covers the map"
    assert not [b for b in taken if text.intersects(b)], "label covers the map"
    plot = Box(0, 0, mv.canvas.size.width, mv.canvas.size.height)
    assert text.inside(plot)
    # the marker is in its archetype's region
    region = next(r for r in schematic_regions(DS) if r.code == code)
    area = region_box(mv.canvas, region)
    assert area.x0 <= marker.centre[0] <= area.x1 and area.y0 <= marker.centre[1] <= area.y1


def test_the_moved_point_keeps_its_label_off_the_starts(stats):
    year = max(stats.years)
    mv = statistics_view(DS, stats.figures, year, MapFilters(), "en", SIZES["screen"])
    (lo_x, hi_x), (lo_y, hi_y) = mv.canvas.x.domain, mv.canvas.y.domain
    checked = 0
    for fx in (0.2, 0.5, 0.8):
        for fy in (0.2, 0.5, 0.8):
            x = lo_x * (hi_x / lo_x) ** fx
            y = lo_y * (hi_y / lo_y) ** fy
            # a move the sliders make (employees ×0.5 doubles both ratios)
            points = [
                (x, y, views.point_label("en")),
                (x * 2, y * 2, views.point_label("en", True)),
            ]
            rows, _ = views.user_points(mv, points)
            (m0, t0), (m1, t1) = drawn(mv, rows[0]), drawn(mv, rows[1])
            assert not t1.intersects(t0) and not t1.intersects(m0) and not t0.intersects(m1)
            checked += 1
    assert checked == 9
