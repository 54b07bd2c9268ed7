"""views/place.py: the firm's values in the link and back, its point on the chart (pure)."""

from __future__ import annotations

import json

import altair as alt
import pytest

from genai_impact import state
from genai_impact.placement.classify import reference
from genai_impact.placement.inputs import Answers, FirmInput
from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t
from genai_impact.views import place as views
from genai_impact.views.map.layout import SIZES, schematic_regions
from genai_impact.views.map.query import MapFilters, schematic_view, statistics_view
from genai_impact.views.map.text import chart_texts
from genai_impact.workshop import agenda
from genai_impact.workshop.slides import view_slides

DS = load_dataset()


@pytest.mark.parametrize(
    ("typed", "carried"),
    [
        # what a form holds -> what the link carries
        ("1,200", "1200"),
        (" 80 ", "80"),
        ("0.50", "0.5"),
        ("", ""),
        # not a plain non-negative number: left out of the link (the form names it)
        ("-5", ""),
        ("abc", ""),
        ("inf", ""),
    ],
)
def test_a_typed_number_as_the_link_carries_it(typed, carried):
    assert views.plain_number(typed) == carried


@pytest.mark.parametrize(
    "entry",
    [
        views.Entry(figures=FirmInput("1,200", "80", "300")),
        views.Entry(figures=FirmInput("12", "0.8", "300", "0.4", "15", "hundred_million_yen")),
        views.Entry(answers=Answers(60, 10, 30)),
        views.Entry(answers=Answers(0, 100, 0, digital_touchpoints=False, capital_use="plant")),
    ],
)
def test_the_link_gives_back_what_was_entered(entry):
    params = views.link_params(entry)
    view, notices = state.parse_query_params(params, only=state.FIRM_PARAMS)
    assert notices == ()
    assert state.to_query_params(view, only=state.FIRM_PARAMS) == params
    again = views.entry_from_view(view)
    assert again is not None and views.link_params(again) == params
    assert again.method == entry.method


def test_an_empty_view_carries_no_entry():
    assert views.entry_from_view(state.ViewState()) is None


@pytest.mark.parametrize("code", [a.code for a in DS.archetypes])
def test_answers_put_the_point_inside_its_archetypes_region(code):
    region = next(r for r in schematic_regions(DS) if r.code == code)
    x, y = views.schematic_point(DS, code)
    assert region.x0 < x < region.x1 and region.y0 < y < region.y1


def test_a_point_outside_the_plot_is_drawn_at_its_edge_and_said_to_be():
    mv = schematic_view(DS, MapFilters(), "en", SIZES["screen"])
    rows, outside = views.user_points(mv, [(5.0, 5.0, "in"), (50.0, -3.0, "out")])
    assert not rows[0]["moved"] and rows[1]["moved"]
    assert outside
    lo, hi = mv.canvas.x.domain
    assert lo < rows[1]["x"] < hi and mv.canvas.y.domain[0] < rows[1]["y"]
    assert views.user_points(mv, [(5.0, 5.0, "in")])[1] is False


def test_the_chart_labels_the_point_as_entered_by_the_user():
    mv = schematic_view(DS, MapFilters(), "ja", SIZES["screen"])
    label = views.point_label("ja")
    rows, _ = views.user_points(mv, [(*views.schematic_point(DS, "C"), label)])
    spec = views.place_spec(mv, chart_texts(DS, mv, "ja"), rows, None, "ja")
    assert spec["datasets"][views.USER] == rows and rows[0]["label"] == "利用者の入力"
    user = next(layer for layer in spec["layer"] if layer.get("name") == views.USER_LAYER)
    assert user["data"] == {"name": views.USER}
    assert user["encoding"]["description"] == {"field": "label", "type": "nominal"}
    # schematic: no dividing lines (the report's regions are drawn, ours are not needed)
    assert not [layer for layer in spec["layer"] if layer["mark"].get("strokeDash")]
    alt.LayerChart.from_dict(json.loads(json.dumps(spec)))  # valid Vega-Lite, JSON-able


def test_the_measured_chart_draws_our_boundary_dashed_and_labelled(stats):
    mv = statistics_view(DS, stats.figures, 2022, MapFilters(), "en", SIZES["screen"])
    ref = reference(DS, stats.figures, 2022)
    rows, _ = views.user_points(mv, [(1.0, 0.1, views.point_label("en"))])
    spec = views.place_spec(mv, chart_texts(DS, mv, "en"), rows, ref, "en")
    dashed = [layer for layer in spec["layer"] if layer["mark"].get("strokeDash")]
    assert [layer["data"]["values"] for layer in dashed] == [
        [{"x": ref.capital}],
        [{"y": ref.software}],
    ]
    inline = [
        layer["data"]["values"][0] for layer in spec["layer"] if "values" in layer.get("data", {})
    ]
    assert {"x": ref.capital, "text": "our boundary (not the report's)"} in inline
    alt.LayerChart.from_dict(json.loads(json.dumps(spec)))


def test_a_saved_view_with_figures_is_a_slide_that_labels_them_the_users(stats):
    saved = agenda.SavedView("Us", "place", {"lang": "en", "assets": "1000", "software": "100",
                                             "employees": "1000"})  # fmt: skip
    [slide] = view_slides(DS, stats, saved, "http://x", {})
    [table] = slide.tables
    point, archetype = table.rows[0], table.rows[1]
    assert point[1].startswith("Entered by the user: ")
    assert archetype == ("Nearest archetype", f"A {DS.archetype('A').name.en}")
    assert all("Why" == row[0] for row in table.rows[2:]) and len(table.rows) > 3


def test_a_saved_view_without_statistics_says_it_could_not_be_placed():
    saved = agenda.SavedView("Us", "place", {"assets": "1000", "software": "100",
                                             "employees": "1000"})  # fmt: skip
    [slide] = view_slides(DS, None, saved, "http://x", {})
    assert slide.tables[0].rows == (("自社", t("place.slide.not_placed", "ja")),)
