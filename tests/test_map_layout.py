"""The schematic placement rule and the pixel geometry of the map (map_layout)."""

from __future__ import annotations

import math
from itertools import combinations

import pytest
from data_dirs import BUNDLED_DATA

from genai_impact.report.load import load_dataset
from genai_impact.views.map.layout import (
    BAND_SPLIT,
    DOMAIN,
    SIZES,
    Scale,
    column_rank,
    in_upper_band,
    log_domain,
    schematic_positions,
    schematic_regions,
)

DS = load_dataset(BUNDLED_DATA)
REGIONS = {r.code: r for r in schematic_regions(DS)}
POSITIONS = schematic_positions(DS)


def test_the_six_regions_tile_the_plane_without_overlap():
    area = sum((r.x1 - r.x0) * (r.y1 - r.y0) for r in REGIONS.values())
    assert area == pytest.approx((DOMAIN[1] - DOMAIN[0]) ** 2)
    for a, b in combinations(REGIONS.values(), 2):
        overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
        overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert overlap_x <= 1e-9 or overlap_y <= 1e-9, (a.code, b.code)


@pytest.mark.parametrize(
    ("code", "upper"),
    [
        # knowledge among the business elements -> the upper (digital) band
        ("A", True),
        ("B", True),
        # capital only, the report's 資本集約（デジタル）-> upper; （アナログ）-> lower
        ("E1", True),
        ("E2", False),
        # labour only, labour + capital -> lower
        ("C", False),
        ("D", False),
    ],
)
def test_vertical_band_follows_knowledge_and_digital(code, upper):
    assert in_upper_band(DS.archetype(code)) is upper
    region = REGIONS[code]
    assert (region.y0, region.y1) == ((BAND_SPLIT, DOMAIN[1]) if upper else (DOMAIN[0], BAND_SPLIT))


def test_left_to_right_labour_then_mixed_then_capital():
    assert [column_rank(DS.archetype(c)) for c in ("A", "B", "E1")] == [0, 1, 2]
    assert [column_rank(DS.archetype(c)) for c in ("C", "D", "E2")] == [0, 1, 2]
    assert REGIONS["A"].x1 == REGIONS["B"].x0 and REGIONS["B"].x1 == REGIONS["E1"].x0
    assert REGIONS["C"].x1 == REGIONS["D"].x0 and REGIONS["D"].x1 == REGIONS["E2"].x0
    assert REGIONS["A"].x0 == REGIONS["C"].x0 == DOMAIN[0]
    assert REGIONS["E1"].x1 == REGIONS["E2"].x1 == DOMAIN[1]


def test_a_region_with_more_industries_is_wider():
    widths = {code: r.x1 - r.x0 for code, r in REGIONS.items()}
    assert widths["B"] > widths["A"] > widths["E1"]  # 6, 3, 2 industries
    assert widths["C"] > widths["D"] > widths["E2"]  # 5, 2, 1


def test_every_industry_sits_inside_its_own_region_below_the_label_space():
    assert set(POSITIONS) == {i.id for i in DS.industries}
    for industry in DS.industries:
        x, y = POSITIONS[industry.id]
        region = REGIONS[industry.archetype]
        assert region.x0 < x < region.x1 and region.y0 < y < region.y1 - 1.0, industry.id


def test_positions_are_distinct_and_follow_report_order_within_a_region():
    assert len(set(POSITIONS.values())) == len(POSITIONS)
    for archetype in DS.archetypes:
        members = [i for i in DS.industries if i.archetype == archetype.code]
        # rows from the top, left to right: report order reads like text
        keys = [(-POSITIONS[i.id][1], POSITIONS[i.id][0]) for i in members]
        assert keys == sorted(keys), archetype.code


def test_the_rule_is_deterministic():
    assert schematic_positions(load_dataset(BUNDLED_DATA)) == POSITIONS


@pytest.mark.parametrize("log", [False, True])
def test_scale_round_trips_between_data_and_pixels(log):
    scale = Scale(log, (0.1, 1000.0) if log else (0.0, 10.0), (400.0, 0.0))
    for value in (0.1, 0.5, 3.0, 10.0) if log else (0.0, 2.5, 10.0):
        assert scale.from_px(scale.to_px(value)) == pytest.approx(value)
    assert scale.to_px(scale.domain[0]) == 400.0 and scale.to_px(scale.domain[1]) == 0.0


def test_log_domain_pads_the_data_and_spans_at_least_a_decade():
    lo, hi = log_domain([2.0, 50.0])
    assert lo < 2.0 and hi > 50.0
    lo, hi = log_domain([3.0, 3.5])
    assert math.log10(hi) - math.log10(lo) >= 1.0
    assert log_domain([]) == (0.1, 10.0)


def test_screen_size_fits_beside_the_sidebar_at_1280():
    # the main column is 820 px wide at 1280×720 with the sidebar open; the y axis needs ~60
    assert SIZES["screen"].width + 60 <= 820
    assert min(s.label_font for s in SIZES.values()) >= 14
