"""The map across fiscal years: the slider and the play control above the chart, the
axes held still across years, a sector missing in one year named on the chart and the page.

Figures are SYNTHETIC (tests/map_stats.py), imported through the real CLI.
"""

from __future__ import annotations

import pytest
from data_dirs import BUNDLED_DATA
from map_stats import statistics_data_dir
from test_map_page import chart_spec, open_map, plotted, url

from genai_impact.official.stats import load_official_stats
from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t
from genai_impact.ui import year_slider
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map import years as map_years
from genai_impact.views.map.layout import SIZES

DS = load_dataset(BUNDLED_DATA)
# A sector with figures in FY2022 but none in FY2021 (SYNTHETIC): 食料品製造業
PART_MISSING = "109"


@pytest.fixture(autouse=True)
def _fresh(fresh_cache):
    """Each test reads its own data directory."""


def use(monkeypatch: pytest.MonkeyPatch, data_dir) -> None:
    monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(data_dir))


# 1. Pure: the steps of the play control ------------------------------------------------------


def test_play_steps_through_the_years_oldest_first_and_stops_on_the_latest():
    years = (2019, 2020, 2022)
    assert [map_years.next_year(years, y) for y in years] == [2020, 2022, None]
    assert map_years.play_start(years, 2022) == 2019  # from the last year: start over
    assert map_years.play_start(years, 2020) == 2020  # else from the year shown
    assert map_years.animated(years) and not map_years.animated((2022,))
    assert not map_years.animated(())


# 2. The view: axes span every year, points move ----------------------------------------------


def test_axes_span_every_year_so_a_year_change_moves_points_not_axes(tmp_path, capsys):
    stats = load_official_stats(statistics_data_dir(tmp_path, capsys))
    views = {
        year: map_query.statistics_view(
            DS, stats.figures, year, map_query.MapFilters(), "en", SIZES["screen"]
        )
        for year in stats.years
    }
    first, last = views[2021], views[2022]
    assert first.canvas == last.canvas
    xs = {year: dict(zip(v.rows["id"], v.rows["x"], strict=True)) for year, v in views.items()}
    assert xs[2021].keys() == xs[2022].keys()
    assert all(xs[2021][i] != xs[2022][i] for i in xs[2021])
    # every point of either year lies inside the shared domain
    lo, hi = first.canvas.x.domain
    assert all(lo <= x <= hi for year in xs for x in xs[year].values())


def test_a_sector_missing_in_one_year_is_named_on_the_chart_for_that_year(tmp_path, capsys):
    data_dir = statistics_data_dir(tmp_path, capsys, absent=((PART_MISSING, 2021),))
    stats = load_official_stats(data_dir)
    name = DS.sector(PART_MISSING).name.en
    for year, plotted_there in ((2021, False), (2022, True)):
        view = map_query.statistics_view(
            DS, stats.figures, year, map_query.MapFilters(), "en", SIZES["screen"]
        )
        sector_id = DS.sector(PART_MISSING).id
        assert (sector_id in view.ids) is plotted_there
        footer = map_text.chart_texts(DS, view, "en").footer
        line = t("map.chart.missing", "en", year=year, names="")
        missing_lines = [f for f in footer if f.startswith(line)]
        assert (name in missing_lines[0]) is not plotted_there


# 3. The page: the slider only with two years or more, and it changes the plotted figures ----


def test_one_year_has_no_slider_and_no_play_control(tmp_path, capsys, monkeypatch):
    use(monkeypatch, statistics_data_dir(tmp_path, capsys, years=(2022,)))
    at = open_map()
    assert at.selectbox(key="map_year").value == 2022  # the sidebar selector stays
    assert [s for s in at.select_slider if s.key == year_slider.YEAR_SLIDER_KEY] == []
    assert [b for b in at.button if b.key == year_slider.PLAY_KEY] == []


def test_the_slider_changes_the_plotted_year(tmp_path, capsys, monkeypatch):
    use(monkeypatch, statistics_data_dir(tmp_path, capsys))
    at = open_map(lang="en")
    slider = at.select_slider(key=year_slider.YEAR_SLIDER_KEY)
    assert slider.value == 2022 and list(slider.options) == ["FY2021", "FY2022"]
    before = {r["id"]: (r["x"], r["y"]) for r in plotted(at)}
    slider.set_value(2021).run()
    assert not at.exception
    after = {r["id"]: (r["x"], r["y"]) for r in plotted(at)}
    assert before.keys() == after.keys() and all(before[i] != after[i] for i in before)
    assert url(at, "year") == ["2021"]
    assert at.selectbox(key="map_year").value == 2021  # the sidebar selector follows
    assert "FY2021" in chart_spec(at)["title"]["subtitle"][0]


def test_play_steps_through_every_year_and_stops_on_the_latest(tmp_path, capsys, monkeypatch):
    use(monkeypatch, statistics_data_dir(tmp_path, capsys, absent=((PART_MISSING, 2021),)))
    now = [1000.0]
    monkeypatch.setattr(year_slider, "clock", lambda: now[0])
    at = open_map(lang="en")
    play = at.button(key=year_slider.PLAY_KEY)
    assert play.label == t("map.play.start", "en")
    assert year_slider.play_interval((2021, 2022)) is None  # no timer before play
    play.click().run()
    assert not at.exception
    # from the latest year, play starts over at the first, with the timer running
    assert url(at, "year") == ["2021"]
    assert at.button(key=year_slider.PLAY_KEY).label == t("map.play.stop", "en")
    assert at.session_state[year_slider.PLAYING]
    at.run()  # a run before the year has stayed its pause (a click): the year stays
    assert url(at, "year") == ["2021"]
    now[0] += year_slider.map_years.PLAY_PAUSE_S  # the timer's run, once the pause is over
    at.run()
    assert not at.exception
    assert url(at, "year") == ["2022"]  # the latest: play ends here
    assert at.select_slider(key=year_slider.YEAR_SLIDER_KEY).value == 2022
    assert at.button(key=year_slider.PLAY_KEY).label == t("map.play.start", "en")  # stopped
    assert DS.sector(PART_MISSING).id in [r["id"] for r in plotted(at)]


def test_in_a_year_without_its_figures_a_sector_is_listed_missing(tmp_path, capsys, monkeypatch):
    use(monkeypatch, statistics_data_dir(tmp_path, capsys, absent=((PART_MISSING, 2021),)))
    at = open_map(year="2021")
    name = DS.sector(PART_MISSING).name.ja
    assert DS.sector(PART_MISSING).id not in [r["id"] for r in plotted(at)]
    assert any(name in c.value for c in at.caption)  # the note under the chart
    texts = [str(value.get("text")) for layer in chart_spec(at)["layer"]
             for value in layer.get("data", {}).get("values", [])]  # fmt: skip
    # on the chart, in its footer (wrapped: Japanese lines break between any characters)
    assert any(name in text.replace("\n", "") for text in texts)
