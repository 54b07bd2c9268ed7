"""The bundled data says what the bank's 2023 research report states, in its own words.

These are the facts the text gives outright; if a curation edit breaks one, the
test names it. Facts read from layout are checked only for their basis.
"""

from __future__ import annotations

import pytest

from genai_impact.report.load import load_dataset
from genai_impact.report.model import PHASE_IDS


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


# Archetype -> example industries (ja), table lines 3589-3663.
STATED_MEMBERS = {
    "A": ["情報サービス", "メディア", "コンテンツ"],
    "B": ["医薬品", "化学", "医療機器", "自動車", "エレクトロニクス", "工作機械"],
    "C": ["食品", "小売", "旅行", "医療", "介護"],
    "D": ["建設", "物流"],
    "E1": ["電力", "鉄鋼"],
    "E2": ["不動産"],
}
STATED_ELEMENTS = {
    "A": {"labour", "knowledge"},
    "B": {"capital", "knowledge"},
    "C": {"labour"},
    "D": {"labour", "capital"},
    "E1": {"capital"},
    "E2": {"capital"},
}
# Number of "－" (no expected effect) per row; every other row has none.
STATED_DASHES = {"旅行": 1, "医療": 2, "介護": 2, "物流": 1}
# 影響例 (3884-3945): industry -> impact types stated outright.
STATED_IMPACTS = {
    "情報サービス": {1},
    "医薬品": {2},
    "エレクトロニクス": {3, 4},
    "小売": {5},
    "建設": {6},
}


def test_nineteen_industries_in_report_order_and_archetype(ds) -> None:
    got = {
        code: [i.name.ja for i in ds.industries if i.archetype == code] for code in STATED_MEMBERS
    }
    assert got == STATED_MEMBERS
    assert [i.order for i in ds.industries] == list(range(1, 20))


def test_business_elements_match_the_table(ds) -> None:
    for ind in ds.industries:
        assert set(ind.business_elements) == STATED_ELEMENTS[ind.archetype], ind.id
    for arch in ds.archetypes:
        assert set(arch.business_elements) == STATED_ELEMENTS[arch.code], arch.code


def test_dash_counts_match_the_table(ds) -> None:
    for ind in ds.industries:
        dashes = sum(1 for p in PHASE_IDS if not ind.phases[p].effects)
        assert dashes == STATED_DASHES.get(ind.name.ja, 0), ind.name.ja


def test_dash_positions_are_marked_as_read_from_layout(ds) -> None:
    # The text keeps how many "－" a row has, not which column they are in.
    for ind in ds.industries:
        for phase_id in PHASE_IDS:
            pe = ind.phases[phase_id]
            if not pe.effects:
                assert pe.prov.basis == "layout" and pe.prov.note, (ind.id, phase_id)


def test_effect_circles_are_marked_as_read_from_layout(ds) -> None:
    # Kind and size of each circle are lost in the text: never `stated`.
    for ind in ds.industries:
        for pe in ind.phases.values():
            for effect in pe.effects:
                assert effect.prov.basis == "layout" and effect.prov.note, ind.id


def test_stated_impact_examples_are_present_and_stated(ds) -> None:
    by_name = {i.name.ja: i for i in ds.industries}
    for name, numbers in STATED_IMPACTS.items():
        stated = {t.number for t in by_name[name].impact_types if t.prov.basis == "stated"}
        assert stated == numbers, name
    others = set(by_name) - set(STATED_IMPACTS)
    for name in others:
        assert all(t.prov.basis == "layout" for t in by_name[name].impact_types), name


def test_every_industry_has_an_impact_type_and_summary(ds) -> None:
    for ind in ds.industries:
        assert ind.impact_types, ind.id
        assert ind.impact_summary.text.ja and ind.impact_summary.text.en
        assert ind.impact_summary.prov.basis == "stated"


def test_electronics_horizontal_specialisation_is_medium_to_long_term(ds) -> None:
    electronics = ds.industry("electronics")
    timing = {t.number: t.timing for t in electronics.impact_types}
    assert timing == {3: "now", 4: "medium_long_term"}


def test_six_impact_types_on_four_levels(ds) -> None:
    levels = {t.number: t.level for t in ds.impact_types}
    assert levels == {
        1: "business_structure",
        2: "competition_structure",
        3: "competition_structure",
        4: "player_structure",
        5: "player_structure",
        6: "business_execution",
    }


def test_seven_stage_chain_maps_onto_three_phases(ds) -> None:
    by_phase = {p: [s.name.ja for s in ds.stages if s.phase == p] for p in PHASE_IDS}
    assert by_phase == {
        "rd_planning": ["研究開発", "企画・設計"],
        "production_distribution": ["生産（仕入・製造・制作）", "流通"],
        "customer_touchpoint": ["営業・販売", "主サービス提供", "アフターサービス"],
    }


def test_twenty_five_sectors_with_unique_codes_and_every_industry_linked(ds) -> None:
    assert len(ds.sectors) == 25
    assert len({s.estat_code for s in ds.sectors}) == 25
    assert ds.sectors[0].name.ja == "全産業（除く金融保険業）"
    for ind in ds.industries:
        assert ind.sectors, ind.id
        # The report never links an example industry to a sector.
        assert all(link.prov.basis == "layout" for link in ind.sectors), ind.id


def test_every_direction_and_phase_has_a_use_case(ds) -> None:
    directions = {n for uc in ds.use_cases for n in uc.directions}
    phases = {p for uc in ds.use_cases for p in uc.phases}
    assert directions == set(range(1, 8))
    assert phases == set(PHASE_IDS)


def test_map_axes_and_rd_marker_as_the_report_defines_them(ds) -> None:
    assert {a.axis: a.name.ja for a in ds.map_axes} == {
        "x": "資本装備率",
        "y": "ソフトウェア装備率",
    }
    assert (
        ds.map_axis("x").definition.ja == "（当期末有形固定資産（土地除く））÷（期中平均従業員数）"
    )
    (marker,) = ds.map_markers
    assert marker.threshold_percent == 3.06 and marker.prov.basis == "stated"
