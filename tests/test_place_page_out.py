"""/place under AppTest: the Download menu once the firm is placed (none before), its CSV
naming the user as the point's source; and presenting: the form folded away (closed), the
chart, the archetype with its reasons and the what-if kept, no Download menu.

Statistics are the SYNTHETIC ones of conftest's `stats_dir` (see test_place_page.py: the
firm below is A on FY2022)."""

from __future__ import annotations

import apptest_helpers
import pytest
from apptest_helpers import open_page
from test_place_page import A_FIRM, archetype_lines, submit_figures, user_points

from genai_impact.text.i18n import t

FIGURES = {"assets": "1000", "software": "100", "employees": "1000"}


@pytest.fixture(autouse=True)
def _fresh(fresh_cache):
    """Each test reads its own data directory (the cache is per process)."""


def menus(at, lang: str) -> list:
    label = t("workshop.download.button", lang)
    return [p for p in at.get("popover") if p.proto.popover.label == label]


def test_the_download_menu_comes_with_the_result_and_its_csv_names_the_user(with_stats, downloads):
    at = open_page("place", lang="en")
    assert menus(at, "en") == []  # nothing placed, nothing to download
    at = submit_figures(at, **A_FIRM)
    assert len(menus(at, "en")) == 1
    offered = apptest_helpers.download_buttons(at, downloads)
    labels = [t(f"workshop.download.{f}", "en") for f in ("png", "svg", "csv")]
    assert sorted(offered) == sorted(labels)
    name, mime, make = offered[t("workshop.download.csv", "en")]
    assert mime == "text/csv" and name.startswith("genai-impact_") and "-A_" in name
    text = make().decode("utf-8-sig")
    assert "Your firm (entered by the user),Capital equipment ratio,1.0" in text
    assert "Entered by the user,,,Entered by the user" in text  # source and basis: the user


def test_presenting_folds_the_form_and_keeps_chart_archetype_reasons_and_what_if(with_stats):
    at = open_page("place", lang="en", present="1", **FIGURES)
    [folded] = at.expander
    assert folded.proto.expanded is False
    assert (
        folded.label
        == "Your figures: capital equipment 1, software equipment 0.1 million yen per employee"
    )
    # the form is inside the fold, not on the page
    assert len(folded.get("text_input")) == len(at.text_input) == 5
    assert archetype_lines(at)[0].startswith("Nearest archetype: **A ")
    assert any(m.value == f"**{t('place.result.reasons', 'en')}**" for m in at.markdown)
    assert len(user_points(at)) == 1  # the chart with the firm's point
    assert at.select_slider(key="place_whatif_employees").value == 1.0  # the what-if
    # beside the chart: why and what if under two tabs
    tabs = [tab.label for tab in at.tabs]
    assert tabs == [t("place.result.reasons", "en"), t("place.whatif.heading", "en")]
    assert t("place.expect.heading", "en") not in [h.value for h in at.subheader]
    assert menus(at, "en") == []  # downloads are for the desk


def test_not_presenting_shows_the_form_open():
    at = open_page("place", lang="ja")
    assert not at.expander
    assert at.segmented_control(key="place_method").value == "answers"
