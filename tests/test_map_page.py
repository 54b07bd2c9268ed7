"""AppTest of /map: each filter changes what is plotted, the URL restores the view, bad values
are named in one line, an empty result says what to relax, statistics mode with SYNTHETIC
imported figures (tests/map_stats.py).

What is plotted is read from the chart itself: the spec and the Arrow dataset Streamlit
sends with it (Altair charts are not a typed AppTest element; the data is Arrow IPC).
"""

from __future__ import annotations

import gc
import json

import pyarrow as pa
import pytest
from apptest_helpers import open_page
from data_dirs import BUNDLED_DATA
from map_stats import MISSING_CODE, statistics_data_dir
from streamlit.testing.v1 import AppTest

from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t
from genai_impact.views.map import chart as charts
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import SIZES

DS = load_dataset(BUNDLED_DATA)


def open_map(**params: str | list[str]) -> AppTest:
    """A deep link to /map with `params`."""
    return open_page("map", params, timeout=60)


def chart_spec(at: AppTest) -> dict:
    [chart] = at.get("vega_lite_chart")
    return json.loads(chart.proto.spec)


def plotted(at: AppTest) -> list[dict]:
    """The rows the chart plots, from the Arrow dataset sent with it."""
    [chart] = at.get("vega_lite_chart")
    data = {d.name: d.data.data for d in chart.proto.datasets}
    table = pa.ipc.open_stream(data[charts.ROWS]).read_all()
    return table.to_pylist()


def plotted_ids(at: AppTest) -> list[str]:
    return [row["id"] for row in plotted(at)]


def url(at: AppTest, name: str) -> list[str] | None:
    """The URL parameter's values (AppTest keeps one value as a str, several as a list)."""
    value = at.query_params.get(name)
    return None if value is None else ([value] if isinstance(value, str) else list(value))


def expected_ids(**filters) -> list[str]:
    view = map_query.schematic_view(DS, map_query.MapFilters(**filters), "ja", SIZES["screen"])
    return view.ids


ALL = expected_ids()


@pytest.fixture(autouse=True)
def _fresh(fresh_cache):
    """Each test reads its own data directory (statistics tests point elsewhere)."""


# 1. The default view ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_default_view_is_the_schematic_of_all_19_industries(lang):
    at = open_map(lang=lang) if lang == "en" else open_map()
    assert [title.value for title in at.title] == [t("map.title", lang)]
    assert plotted_ids(at) == ALL and len(ALL) == 19
    spec = chart_spec(at)
    assert spec["title"]["subtitle"][0] == t("map.chart.note_schematic", lang)
    assert len(at.warning) == 0
    # the chart says it is a schematic, once: the page does not repeat it under the chart
    assert not any(t("map.chart.note_schematic", lang) in c.value for c in at.caption)


# 2. Each filter changes what is plotted and writes the URL -------------------------------


PRODUCTION = {"phase": "production_distribution"}


@pytest.mark.parametrize(
    ("start", "widget", "value", "expected"),
    [
        ({}, "arch", ["C", "E2"], expected_ids(archetypes=("C", "E2"))),
        ({}, "phase", ["production_distribution"],
         expected_ids(phases=("production_distribution",))),
        # every industry has both kinds somewhere: the kind filter shows with a phase
        (PRODUCTION, "kind", "value_creation",
         expected_ids(phases=("production_distribution",), kind="value_creation")),
        ({}, "impact", ["4", "5"], expected_ids(impacts=(4, 5))),
    ],
)  # fmt: skip
def test_each_filter_changes_the_plotted_set_and_the_url(start, widget, value, expected):
    at = open_map(**start)
    before = plotted_ids(at)
    widgets = {"arch": at.button_group, "phase": at.button_group, "kind": at.button_group,
               "impact": at.multiselect}  # fmt: skip
    widgets[widget](key=f"map_{widget}").set_value(value).run()
    assert not at.exception
    assert plotted_ids(at) == expected and expected != before
    assert url(at, widget) == (value if isinstance(value, list) else [value])


def caption(at: AppTest) -> str:
    """The chart's filters line: data sent with the chart (charts.CAPTION), not spec text."""
    [chart] = at.get("vega_lite_chart")
    data = {d.name: d.data.data for d in chart.proto.datasets}
    [row] = pa.ipc.open_stream(data[charts.CAPTION]).read_all().to_pylist()
    return row["text"]


def test_an_archetype_or_search_change_keeps_the_spec_so_the_chart_updates_in_place():
    """The browser rebuilds the whole Vega view when the spec text changes and only
    swaps data when it does not; the filters line the chart shows is data, and up to date."""
    at = open_map()
    spec_before = at.get("vega_lite_chart")[0].proto.spec
    assert caption(at) == t("map.filter.none", "ja")
    at.button_group(key="map_arch").set_value(["E1"]).run()
    assert plotted_ids(at) == expected_ids(archetypes=("E1",)) != ALL
    assert at.get("vega_lite_chart")[0].proto.spec == spec_before
    assert caption(at) == map_text.filters_line(DS, map_query.MapFilters(archetypes=("E1",)), "ja")
    at.text_input(key="map_q").input("小売").run()
    assert at.get("vega_lite_chart")[0].proto.spec == spec_before
    assert "小売" in caption(at)
    assert caption(at) not in json.dumps(chart_spec(at), ensure_ascii=False)


def test_after_the_first_run_the_collection_after_each_run_skips_the_startup_heap():
    """The server collects garbage on a timer (ui.housekeeping); the modules and the data set
    are frozen once loaded (ui.load), so that a collection walks only what the runs made."""
    open_map()
    assert gc.get_freeze_count() > 10_000  # the imported modules and the data set, at least


def test_a_phase_filter_sizes_the_points_by_the_effect():
    at = open_map()
    at.button_group(key="map_phase").set_value(["customer_touchpoint"]).run()
    rows = {row["id"]: row for row in plotted(at)}
    assert rows["retail"]["effect_size"] == "large"
    assert rows["pharmaceuticals"]["effect_size"] == map_text.NOT_LEGIBLE
    points = next(layer for layer in chart_spec(at)["layer"] if layer.get("name") == "points")
    assert points["encoding"]["size"]["field"] == "effect_size_label"


def test_search_highlights_and_dims_without_filtering():
    at = open_map()
    at.text_input(key="map_q").input("小売").run()
    rows = plotted(at)
    assert len(rows) == 19
    assert [r["id"] for r in rows if r["highlight"]] == ["retail"]
    assert sum(r["dimmed"] for r in rows) == 18
    assert url(at, "q") == ["小売"]


# 3. A shared link restores the whole view --------------------------------------------------


def test_url_restores_every_filter_the_search_and_the_card():
    at = open_map(arch=["A", "C"], phase="customer_touchpoint", kind="efficiency", impact="5",
                  q="小売", select="retail")  # fmt: skip
    assert at.button_group(key="map_arch").value == ["A", "C"]
    assert at.button_group(key="map_phase").value == ["customer_touchpoint"]
    assert at.button_group(key="map_kind").value == "efficiency"
    assert at.multiselect(key="map_impact").value == ["5"]
    assert at.text_input(key="map_q").value == "小売"
    assert at.selectbox(key="map_select").value == "retail"
    expected = expected_ids(archetypes=("A", "C"), phases=("customer_touchpoint",),
                            kind="efficiency", impacts=(5,))  # fmt: skip
    # food too: its summary names 小売, and it has type 5 (read from the executive summary)
    assert plotted_ids(at) == expected == ["food", "retail"]
    # the card: the industry, its archetype with a basis badge, a link to its profile
    assert "#### 小売" in [m.value for m in at.markdown]
    profile = [
        link.proto
        for link in at.get("page_link")
        if link.proto.label == t("map.card.profile", "ja")
    ]
    assert profile and profile[0].query_string == "industry=retail"
    selected = [
        layer
        for layer in chart_spec(at)["layer"]
        if {"filter": {"field": "id", "equal": "retail"}} in layer.get("transform", [])
    ]
    assert len(selected) == 1


def test_choosing_a_point_in_the_selectbox_writes_the_url_and_shows_the_card():
    at = open_map(lang="en")
    at.selectbox(key="map_select").set_value("steel").run()
    assert url(at, "select") == ["steel"]
    assert "#### Steel" in [m.value for m in at.markdown]
    profile = [
        link.proto
        for link in at.get("page_link")
        if link.proto.label == t("map.card.profile", "en")
    ]
    assert profile[0].query_string == "lang=en&industry=steel"


# 4. Bad values: ignored, named in one line -------------------------------------------------


def test_unknown_values_are_ignored_and_named_in_one_line():
    at = open_map(arch=["A", "X9"], phase="bogus", impact=["9", "1"], kind="<b>")
    assert len(at.warning) == 1
    line = at.warning[0].value
    for shown in ("arch\\=X9", "phase\\=bogus", "impact\\=9", "kind\\=\\<b\\>"):
        assert shown in line
    assert at.button_group(key="map_arch").value == ["A"]
    assert at.multiselect(key="map_impact").value == ["1"]
    assert plotted_ids(at) == expected_ids(archetypes=("A",), impacts=(1,))
    assert url(at, "arch") == ["A"] and url(at, "phase") is None


# 5. Nothing left: say what to relax -----------------------------------------------------------


def test_a_filter_combination_that_leaves_nothing_names_the_filters_to_relax():
    at = open_map(arch="E2", impact="4")
    assert at.get("vega_lite_chart") == []
    [info] = at.info
    assert t("map.empty.title", "ja") in info.value
    for part in ("類型 E2", "構造的影響 4"):
        assert part in info.value
    assert "1 件" in info.value  # either one alone brings one industry back


# 6. The data table --------------------------------------------------------------------------


def test_the_table_shows_exactly_what_is_plotted():
    at = open_map(arch="B", lang="en")
    at.toggle(key="map_table").set_value(True).run()
    [table] = at.dataframe
    names = list(table.value[t("map.column.name", "en")])
    assert names == [r["name"] for r in plotted(at)]
    assert len(names) == 6


# 7. Statistics mode (SYNTHETIC imported figures) ---------------------------------------------


@pytest.fixture
def stats_dir(tmp_path, capsys, monkeypatch):
    data_dir = statistics_data_dir(tmp_path, capsys)
    monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(data_dir))
    return data_dir


def test_statistics_mode_plots_sectors_on_log_axes(stats_dir):
    at = open_map(lang="en")
    spec = chart_spec(at)
    assert spec["encoding"]["x"]["scale"]["type"] == "log"
    assert spec["encoding"]["y"]["scale"]["type"] == "log"
    assert "FY2022" in spec["title"]["subtitle"][0]
    rows = plotted(at)
    assert len(rows) == 24 and all(r["capital_equipment_ratio"] > 0 for r in rows)
    missing = DS.sector(MISSING_CODE).name.en
    assert any(missing in c.value for c in at.caption)
    assert at.selectbox(key="map_year").value == 2022  # the latest year by default


def test_the_year_selector_changes_the_plotted_year(stats_dir):
    at = open_map()
    before = {r["id"]: r["x"] for r in plotted(at)}
    at.selectbox(key="map_year").set_value(2021).run()
    after = {r["id"]: r["x"] for r in plotted(at)}
    assert url(at, "year") == ["2021"]
    assert before.keys() == after.keys() and before != after
    assert "2021年度" in chart_spec(at)["title"]["subtitle"][0]


def test_a_link_with_a_year_and_an_industry_opens_its_sector(stats_dir):
    at = open_map(year="2021", select="retail")
    assert at.selectbox(key="map_year").value == 2021
    assert at.selectbox(key="map_select").value == "wholesale_retail"
    assert "#### 卸売業・小売業" in [m.value for m in at.markdown]


def test_a_year_that_was_not_imported_is_named_and_ignored(stats_dir):
    at = open_map(year="1999")
    assert "year\\=1999" in at.warning[0].value
    assert at.selectbox(key="map_year").value == 2022


def test_broken_official_files_fall_back_to_the_schematic(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    import shutil

    shutil.copytree(BUNDLED_DATA, data_dir)
    (data_dir / "official").mkdir(exist_ok=True)
    (data_dir / "official" / "corporate_statistics.json").write_text("{not json", "utf-8")
    monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(data_dir))
    at = open_map()
    assert any(t("map.mode.stats_error", "ja", count=1) == w.value for w in at.warning)
    assert plotted_ids(at) == ALL


def test_chart_texts_are_those_of_the_catalogue():
    # a guard for the tests above: the subtitle they read is the catalogue's
    view = map_query.schematic_view(DS, map_query.MapFilters(), "en", SIZES["screen"])
    assert map_text.chart_texts(DS, view, "en").subtitle[0] == t("map.chart.note_schematic", "en")
