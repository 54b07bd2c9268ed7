"""Profile, comparison and the impact matrix in a real browser at 1280×720, ja and en.

Screenshots land in $E2E_ARTIFACTS/profile/ for a person to look at (tofu, overlaps,
clipping); the checks here are what a screenshot cannot prove: the content, the fonts,
and that a picked industry or type changes the URL.
"""

from __future__ import annotations

import re

import pytest
from browser_helpers import (
    assert_japanese_font,
    page_url,
    wait_for_query,
    wait_until_rendered,
)
from playwright.sync_api import Page, expect

from genai_impact import navigation
from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t
from genai_impact.views import comparison as profile_text
from genai_impact.views import impacts as impact_matrix

pytestmark = pytest.mark.e2e

DS = load_dataset()
LANGS = ["ja", "en"]


@pytest.fixture(scope="session")
def shots(artifacts):
    folder = artifacts / "profile"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_page(page: Page, base: str, page_id: str, lang: str, **params) -> None:
    query = {**params, **({"lang": lang} if lang != "ja" else {})}
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(page_url(base, navigation.page(page_id), query))
    wait_until_rendered(page, t(f"{page_id}.title", lang))


def scroll_to(page: Page, text: str) -> None:
    page.get_by_text(text, exact=True).first.scroll_into_view_if_needed()


@pytest.mark.parametrize("lang", LANGS)
def test_profile(page: Page, streamlit_url, shots, lang):
    industry = DS.industry("travel")  # has a phase with no expected effect ("－")
    open_page(page, streamlit_url, "industries", lang, industry=industry.id)
    name = industry.name.in_lang(lang)
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    page.screenshot(path=str(shots / f"profile-{lang}-top.png"))
    heading = t("industries.phases.heading", lang)
    scroll_to(page, heading)
    expect(page.get_by_text(t("industries.phases.none", lang)).first).to_be_visible()
    if lang == "ja":  # the phase headings and badges in the CJK font, not tofu
        assert_japanese_font(page, "[data-testid=stMain] h4", 0)
    page.screenshot(path=str(shots / f"profile-{lang}-effects.png"))
    scroll_to(page, t("industries.impacts.heading", lang))
    page.screenshot(path=str(shots / f"profile-{lang}-impacts.png"))
    # previous / next: the next industry in the report's order
    after = sorted(DS.industries, key=lambda i: i.order)[industry.order]
    page.get_by_role("link", name=after.name.in_lang(lang), exact=True).first.click()
    expect(page).to_have_url(re.compile(f"industry={after.id}"), timeout=30_000)
    wait_until_rendered(page, t("industries.title", lang))
    expect(page.get_by_role("heading", name=after.name.in_lang(lang), exact=True)).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_comparison(page: Page, streamlit_url, shots, lang):
    a, b = DS.industry("retail"), DS.industry("construction")
    open_page(page, streamlit_url, "industries", lang, industry=a.id, compare=b.id)
    table = page.get_by_test_id("stTable").last
    differ, _ = profile_text.difference_count(DS, a, b)
    cells = table.get_by_text(t("profile.compare.differs", lang), exact=True)
    expect(cells).to_have_count(differ)
    # the differing rows are tinted: the colour the page asks for reaches the cells
    colour = cells.first.evaluate("(e) => getComputedStyle(e.closest('td')).backgroundColor")
    assert colour == "rgb(255, 241, 194)", colour
    page.screenshot(path=str(shots / f"compare-{lang}-top.png"))
    table.scroll_into_view_if_needed()
    if lang == "ja":
        texts = page.locator("[data-testid=stTable] td p").all_inner_texts()
        first = texts.index(t("profile.compare.aspect.archetype", lang))  # the comparison's
        assert_japanese_font(page, "[data-testid=stTable] td p", first)
    page.screenshot(path=str(shots / f"compare-{lang}-table.png"))
    # the same industry twice compares nothing and says so
    open_page(page, streamlit_url, "industries", lang, industry=a.id, compare=a.id)
    expect(page.get_by_text(t("industries.compare.same", lang))).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_matrix(page: Page, streamlit_url, shots, lang):
    open_page(page, streamlit_url, "impacts", lang)
    table = page.get_by_test_id("stTable").first
    expect(table).to_be_visible()
    for level in DS.impact_levels:  # the levels head the types
        expect(table.get_by_text(level.name.in_lang(lang), exact=True).first).to_be_visible()
    applies = len([i for i in DS.industries for _ in i.impact_types])
    marks = table.locator("td").filter(has_text="●").or_(table.locator("td").filter(has_text="◐"))
    expect(marks).to_have_count(applies)
    if lang == "ja":
        assert_japanese_font(page, "[data-testid=stTable] th p", 2)
    page.screenshot(path=str(shots / f"matrix-{lang}.png"))
    # picking a type above the matrix explains it below the matrix and writes the URL
    picker = page.get_by_test_id("stMain").get_by_test_id("stMultiSelect")
    picker.click()
    impact_type = DS.impact_type(6)
    page.get_by_role("option", name=impact_matrix.type_heading(impact_type, lang)).click()
    page.keyboard.press("Escape")
    heading = page.get_by_role("heading", name=impact_matrix.type_heading(impact_type, lang))
    expect(heading).to_be_visible(timeout=30_000)
    wait_for_query(page, "impact", ["6"])
    heading.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"matrix-{lang}-type6.png"))
