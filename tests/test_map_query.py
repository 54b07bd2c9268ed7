"""The map's filters -> the plotted rows (map_query): which points, which sizes, what is dimmed."""

from __future__ import annotations

import pytest
from data_dirs import BUNDLED_DATA
from map_stats import MISSING_CODE

from genai_impact.official.stats import figures_for_year
from genai_impact.report import query
from genai_impact.report.load import load_dataset
from genai_impact.state import ViewState
from genai_impact.views.map.filters import search_matches
from genai_impact.views.map.layout import SIZES
from genai_impact.views.map.query import (
    NO_ARCHETYPE,
    ROW_COLUMNS,
    MapFilters,
    filters_from_view,
    relaxations,
    resolve_selection,
    schematic_view,
    statistics_view,
    table_columns,
)
from genai_impact.views.map.text import NOT_LEGIBLE

DS = load_dataset(BUNDLED_DATA)
SCREEN = SIZES["screen"]
ALL_IDS = [i.id for i in DS.industries]


def plotted(filters: MapFilters, lang: str = "ja") -> list[str]:
    return list(schematic_view(DS, filters, lang, SCREEN).rows["id"])


# 1. Which industries pass ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        # no filter: the 19 industries in the report's order
        (MapFilters(), ALL_IDS),
        # archetypes: any subset
        (MapFilters(archetypes=("E2",)), ["real_estate"]),
        (
            MapFilters(archetypes=("D", "E1")),
            ["construction", "logistics", "electric_power", "steel"],
        ),
        # phases: an expected effect in ANY chosen phase ("－" = none)
        (
            MapFilters(phases=("production_distribution",)),
            [i for i in ALL_IDS if i not in ("travel", "healthcare", "nursing_care")],
        ),
        (MapFilters(phases=("rd_planning",), archetypes=("C",)), ["food", "retail", "travel"]),
        (
            MapFilters(phases=("rd_planning", "customer_touchpoint"), archetypes=("C",)),
            ["food", "retail", "travel", "healthcare", "nursing_care"],
        ),
        # kind: an effect of that kind, in the chosen phases or in any phase
        (
            MapFilters(kind="value_creation", phases=("production_distribution",)),
            ["information_services", "media", "content"],
        ),
        (
            MapFilters(kind="efficiency", archetypes=("A",)),
            ["information_services", "media", "content"],
        ),
        # impact types: any of the chosen
        (MapFilters(impacts=(4,)), ["electronics"]),
        # 食品 has type 5: the executive summary names it with 小売 under player structure
        (MapFilters(impacts=(2, 5)), ["pharmaceuticals", "chemicals", "food", "retail"]),
        # everything at once, and a combination that leaves nothing
        (
            MapFilters(
                archetypes=("C",), phases=("customer_touchpoint",), kind="efficiency", impacts=(5,)
            ),
            ["food", "retail"],
        ),
        (MapFilters(archetypes=("E2",), impacts=(4,)), []),
    ],
)
def test_filters_keep_the_industries_that_pass(filters, expected):
    assert plotted(filters) == expected


def test_the_rows_have_exactly_the_documented_columns():
    assert list(schematic_view(DS, MapFilters(), "ja", SCREEN).rows.columns) == list(ROW_COLUMNS)


def test_positions_stay_put_when_a_filter_hides_points():
    everything = schematic_view(DS, MapFilters(), "ja", SCREEN).rows.set_index("id")
    some = schematic_view(DS, MapFilters(archetypes=("B",)), "ja", SCREEN).rows.set_index("id")
    columns = ["x", "y", "label_x", "label_y"]
    assert some[columns].equals(everything.loc[some.index, columns])


# 2. Point size = the effect's size -----------------------------------------------------------


def sizes(filters: MapFilters) -> dict[str, str]:
    rows = schematic_view(DS, filters, "en", SCREEN).rows
    return dict(zip(rows["id"], rows["effect_size"], strict=True))


def test_no_phase_or_kind_means_no_size():
    assert set(sizes(MapFilters())) == set(ALL_IDS)
    assert set(sizes(MapFilters()).values()) == {""}


@pytest.mark.parametrize(
    ("filters", "industry", "size"),
    [
        # the largest known size among the matched effects
        (MapFilters(phases=("customer_touchpoint",)), "retail", "large"),
        (MapFilters(phases=("customer_touchpoint",), kind="efficiency"), "retail", "moderate"),
        (MapFilters(phases=("rd_planning",)), "food", "small"),
        # only sizes lost in the text: "not legible", never a guess
        (MapFilters(phases=("production_distribution",)), "food", NOT_LEGIBLE),
        (MapFilters(phases=("customer_touchpoint",)), "pharmaceuticals", NOT_LEGIBLE),
        # a known size wins over a lost one in another chosen phase
        (MapFilters(phases=("production_distribution", "rd_planning")), "food", "small"),
    ],
)
def test_size_is_the_largest_known_effect_else_not_legible(filters, industry, size):
    assert sizes(filters)[industry] == size


def test_size_labels_and_basis_are_in_the_chosen_language():
    rows = schematic_view(DS, MapFilters(phases=("production_distribution",)), "en", SCREEN).rows
    food = rows.set_index("id").loc["food"]
    assert food["effect_size_label"] == "size not stated"
    assert food["effect_basis"] in ("read from layout†", "stated in the text")  # † marks a reading


# 3. Search: highlight, dim the rest --------------------------------------------------------


@pytest.mark.parametrize(
    ("search", "names", "found"),
    [
        ("小売", ["小売", "Retail"], True),
        ("RET", ["小売", "Retail"], True),  # case-insensitive
        ("tail", ["小売", "Retail"], True),  # partial
        ("  retail ", ["小売", "Retail"], True),  # surrounding spaces ignored
        ("鉄", ["小売", "Retail"], False),
        ("", ["anything"], True),  # no search matches everything
    ],
)
def test_search_matches(search, names, found):
    assert search_matches(search, names) is found


@pytest.mark.parametrize("search", ["小売", "retail", "RETAIL"])
def test_search_highlights_matches_and_dims_the_rest_in_either_language(search):
    rows = schematic_view(DS, MapFilters(search=search), "ja", SCREEN).rows
    assert list(rows.loc[rows["highlight"], "id"]) == ["retail"]
    assert rows["dimmed"].sum() == len(rows) - 1
    assert len(rows) == 19  # search dims, it does not filter


@pytest.mark.parametrize(
    "filters",
    [
        MapFilters(),  # no search
        MapFilters(search="鉄鋼", archetypes=("A",)),  # a match, but filtered out
        MapFilters(search="no such industry"),
    ],
)
def test_nothing_is_dimmed_unless_a_plotted_point_matches(filters):
    rows = schematic_view(DS, filters, "ja", SCREEN).rows
    assert not rows["highlight"].any() and not rows["dimmed"].any()


# 4. What to relax when nothing is left -----------------------------------------------------


def test_relaxations_say_how_many_each_filter_would_bring_back():
    filters = MapFilters(archetypes=("E2",), impacts=(4,))
    assert relaxations(DS, filters) == (("arch", 1), ("impact", 1))
    assert relaxations(DS, MapFilters()) == ()


# 5. Tooltip and table text --------------------------------------------------------------------


def test_tooltip_text_carries_effects_impacts_and_basis():
    retail = schematic_view(DS, MapFilters(), "en", SCREEN).rows.set_index("id").loc["retail"]
    assert "Customer touchpoint" in retail["effects"] and "read from layout" in retail["effects"]
    assert retail["impact_types"].startswith("5 ")
    assert retail["sectors"] == "Wholesale and retail trade"
    assert retail["archetype_label"] == "C Labour-intensive"


def test_table_columns_are_what_the_chart_shows():
    schematic = schematic_view(DS, MapFilters(), "ja", SCREEN)
    assert "x" not in table_columns(schematic)  # schematic positions are not numbers to show
    sized = schematic_view(DS, MapFilters(phases=("rd_planning",)), "ja", SCREEN)
    assert table_columns(sized)[-2:] == ["effect_size_label", "effect_basis"]


# 6. URL glue ----------------------------------------------------------------------------------


def test_url_choices_come_from_the_data():
    choices = query.url_choices(DS, years=(2021, 2022))
    assert choices["arch"] == ["A", "B", "C", "D", "E1", "E2"]
    assert choices["impact"] == ["1", "2", "3", "4", "5", "6"]
    assert "retail" in choices["select"] and "wholesale_retail" in choices["select"]
    assert choices["year"] == ["2021", "2022"]


def test_filters_from_view():
    view = ViewState(arch=("A",), phase=("rd_planning",), kind="efficiency", impact=("3",), q="x")
    assert filters_from_view(view) == MapFilters(("A",), ("rd_planning",), "efficiency", (3,), "x")


def test_selection_is_kept_only_when_plotted():
    view = schematic_view(DS, MapFilters(archetypes=("C",)), "ja", SCREEN)
    assert resolve_selection(DS, view, "retail") == "retail"
    assert resolve_selection(DS, view, "steel") is None  # filtered out
    assert resolve_selection(DS, view, "wholesale_retail") is None  # a sector, schematic mode
    assert resolve_selection(DS, view, None) is None


# 7. Statistics mode (SYNTHETIC imported figures) -----------------------------------------------


def stats_view(stats, filters: MapFilters | None = None, year: int = 2022, lang: str = "ja"):
    filters = filters or MapFilters()
    return statistics_view(DS, figures_for_year(stats, year), year, filters, lang, SCREEN)


def test_statistics_plots_the_sectors_at_their_ratios_and_lists_the_missing(stats):
    view = stats_view(stats)
    missing_sector = DS.sector(MISSING_CODE)
    assert len(view.rows) == 24 and missing_sector.id not in set(view.rows["id"])
    assert view.missing == (missing_sector.name.ja,)
    figures = {f.sector_id: f for f in figures_for_year(stats, 2022)}
    for row in view.rows.itertuples():
        assert row.x == figures[row.id].capital_equipment_ratio
        assert row.software_equipment_ratio == figures[row.id].software_equipment_ratio
    assert view.canvas.x.log and view.canvas.y.log


def test_a_sector_takes_the_archetype_of_its_example_industries(stats):
    rows = stats_view(stats).rows.set_index("id")
    assert rows.loc["information_communications", "archetype"] == "A"
    assert rows.loc["medical_welfare", "archetype"] == "C"
    assert rows.loc["mining", "archetype"] == NO_ARCHETYPE
    assert "情報サービス" in rows.loc["information_communications", "industries"]


def test_rd_status_is_carried_where_known(stats):
    rows = stats_view(stats).rows.set_index("id")
    assert rows.loc["chemical_industry", "rd"] == "above"
    assert rows.loc["construction", "rd"] == "below"
    assert rows.loc["information_communications", "rd"] == "above"  # exactly the average
    assert rows.loc["medical_welfare", "rd"] == "unknown"  # "…" in the source
    assert rows.loc["mining", "rd"] == "unknown"  # not in the R&D file


def test_statistics_filters_keep_sectors_with_a_passing_example(stats):
    ids = list(stats_view(stats, MapFilters(archetypes=("D",))).rows["id"])
    assert ids == ["construction", "transport_postal"]
    assert stats_view(stats, MapFilters(impacts=(4,))).rows["id"].tolist() == [
        "electrical_machinery",
        "ict_equipment",
    ]


def test_statistics_search_matches_sector_and_example_names(stats):
    rows = stats_view(stats, MapFilters(search="メディア")).rows
    assert rows.loc[rows["highlight"], "id"].tolist() == ["information_communications"]


def test_an_industry_selects_its_sector_in_statistics_mode(stats):
    view = stats_view(stats)
    assert resolve_selection(DS, view, "retail") == "wholesale_retail"
    assert resolve_selection(DS, view, "mining") == "mining"


def test_each_year_plots_its_own_figures(stats):
    earlier, later = stats_view(stats, year=2021), stats_view(stats, year=2022)
    assert earlier.year == 2021 and later.year == 2022
    assert not earlier.rows["x"].equals(later.rows["x"])
