"""/place under AppTest: a firm's figures or answers placed, a bad field named with the last
result kept, the what-if moving the archetype, and the firm's values in the URL only when the
user ticks the box.

Figures need imported statistics: the SYNTHETIC ones of conftest's `stats_dir` (map_stats.py),
whose all-industries point for FY2022 is 1.585 (capital) and 0.025 (software) 百万円/人.
So 1,000 / 100 / 1,000 employees (1.0 and 0.1 per employee) is labour-intensive and digital
(A), and half the employees doubles both ratios (2.0 and 0.2): capital-intensive, E1.
"""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from apptest_helpers import open_page
from streamlit.testing.v1 import AppTest

from genai_impact import state
from genai_impact.text.i18n import t
from genai_impact.views import place as views

A_FIRM = {"tangible_fixed_assets_ex_land": "1,000", "software_assets": "100", "employees": "1000"}


@pytest.fixture(autouse=True)
def _fresh(fresh_cache):
    """Each test reads its own data directory (the cache is per process)."""


def archetype_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("Nearest archetype")]


def firm_params(at: AppTest) -> dict[str, str]:
    return {k: at.query_params[k] for k in state.FIRM_PARAMS if k in at.query_params}


def user_points(at: AppTest) -> list[dict]:
    """The firm's points the chart draws (its named dataset, sent as Arrow)."""
    [chart] = at.get("vega_lite_chart")
    data = {d.name: d.data.data for d in chart.proto.datasets}
    return pa.ipc.open_stream(data[views.USER]).read_all().to_pylist()


def submit_figures(at: AppTest, **fields: str) -> AppTest:
    for name, value in fields.items():
        at.text_input(key=f"place_{name}").set_value(value)
    return next(b for b in at.button if b.label == t("place.submit", "en")).click().run()


def test_figures_place_the_firm_and_name_its_archetype(with_stats):
    at = submit_figures(open_page("place", lang="en"), **A_FIRM)
    assert archetype_lines(at)[0] == "Nearest archetype: **A Knowledge\\- × labour\\-intensive**"
    # the point is on the measured map, labelled as the user's, with our dashed boundary
    [point] = user_points(at)
    assert point["label"] == "Entered by the user" and not point["moved"]
    assert (point["x"], point["y"]) == pytest.approx((1.0, 0.1))
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    dashed = [layer for layer in spec["layer"] if layer["mark"].get("strokeDash")]
    assert len(dashed) == 2  # our two dividing lines
    assert "our boundary (not the report's)" in json.dumps(spec)
    assert not at.error


def test_a_bad_field_is_named_and_the_previous_result_stays(with_stats):
    at = submit_figures(open_page("place", lang="en"), **A_FIRM)
    at = submit_figures(at, employees="-5")
    [error] = at.error
    assert "Average number of employees" in error.value and "negative" in error.value
    assert error.value.startswith(t("place.problem.heading", "en"))  # "...is unchanged"
    assert archetype_lines(at)[0].startswith("Nearest archetype: **A ")  # still the last one


def test_a_first_bad_entry_does_not_speak_of_a_result_below(with_stats):
    at = submit_figures(open_page("place", lang="en"), **{**A_FIRM, "employees": "0"})
    [error] = at.error
    assert error.value.startswith(t("place.problem.heading_first", "en"))
    assert "unchanged" not in error.value and not archetype_lines(at)


def test_answers_place_the_firm_without_statistics():
    at = open_page("place", lang="en")
    assert not at.error
    at.segmented_control(key="place_method").set_value("answers").run()
    for name, share in (("labour", 20), ("capital", 70), ("knowledge", 10)):
        at.number_input(key=f"place_{name}").set_value(share)
    at.radio(key="place_capital_use").set_value("assets")
    at = next(b for b in at.button if b.label == t("place.submit", "en")).click().run()
    assert archetype_lines(at)[0].startswith("Nearest archetype: **E2 ")
    assert any("schematic map" in c.value for c in at.caption)


def test_answers_that_do_not_add_to_100_are_named():
    at = open_page("place", lang="en")
    at.segmented_control(key="place_method").set_value("answers").run()
    for name, share in (("labour", 20), ("capital", 20), ("knowledge", 20)):
        at.number_input(key=f"place_{name}").set_value(share)
    at = next(b for b in at.button if b.label == t("place.submit", "en")).click().run()
    [error] = at.error
    assert "Shares of value" in error.value and "60" in error.value
    assert not archetype_lines(at)


def test_the_what_if_moves_the_firm_to_another_archetype(with_stats):
    at = submit_figures(open_page("place", lang="en"), **A_FIRM)
    at.select_slider(key="place_whatif_employees").set_value(0.5).run()
    lines = archetype_lines(at)
    assert lines[-2].startswith("Nearest archetype: **A ")  # start | moved
    assert lines[-1].startswith("Nearest archetype: **E1 ")
    changed = [m.value for m in at.markdown if m.value.startswith("What changes")]
    assert changed and "the archetype" in changed[0]
    start, moved = user_points(at)
    assert moved["label"] == "Entered by the user (what if)" and moved["moved"]
    assert (moved["x"], moved["y"]) == pytest.approx((start["x"] * 2, start["y"] * 2))


def test_the_url_carries_no_figures_until_the_box_is_ticked(with_stats):
    at = submit_figures(open_page("place", lang="en"), **A_FIRM)
    assert firm_params(at) == {}
    at.checkbox(key="place_share").check().run()
    assert firm_params(at) == {"assets": "1000", "software": "100", "employees": "1000"}
    at.checkbox(key="place_share").uncheck().run()
    assert firm_params(at) == {}


def test_a_link_with_figures_places_them_and_keeps_the_box_ticked(with_stats):
    at = open_page("place", lang="en", assets="1000", software="100", employees="1000")
    assert archetype_lines(at)[0].startswith("Nearest archetype: **A ")
    assert at.checkbox(key="place_share").value is True
    assert firm_params(at) == {"assets": "1000", "software": "100", "employees": "1000"}


def test_a_link_with_an_absurd_unit_falls_back_with_a_notice(with_stats):
    at = open_page("place", lang="en", assets="1000", software="100", employees="1",
                   unit="hundred_million_yen")  # fmt: skip
    assert any("Check the unit" in e.value for e in at.error)
    assert not archetype_lines(at)
    assert firm_params(at) == {} and at.checkbox(key="place_share").value is False


def test_the_map_and_each_profile_link_to_the_page():
    label = t("place.link", "ja")
    for page_id in ("map", "industries"):
        at = open_page(page_id)
        links = [link for link in at.get("page_link") if link.proto.label == label]
        assert links, page_id


def test_the_view_a_deck_would_keep_has_the_figures_the_url_has_not(with_stats):
    at = submit_figures(open_page("place", lang="en"), **A_FIRM)
    on_screen = at.session_state["url_on_screen"]["place"]  # what "Save this view" keeps
    assert (on_screen.assets, on_screen.software, on_screen.employees) == ("1000", "100", "1000")
    assert firm_params(at) == {}
