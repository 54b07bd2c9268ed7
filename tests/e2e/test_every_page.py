"""Every registered page in a real browser: both languages, both screen sizes, links, keyboard.

Iterates over `navigation.PAGES`: a page registered there is covered without editing
this file. Screenshots land in $E2E_ARTIFACTS/pages/ for a person to look at.
"""

from __future__ import annotations

import pytest
from browser_helpers import (
    VIEWPORTS,
    assert_japanese_font,
    controls,
    focus_by_tab,
    page_url,
    tab_walk,
    wait_for_path,
    wait_for_query,
    wait_until_rendered,
)
from playwright.sync_api import Page, expect

from genai_impact import navigation, state
from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

PAGES = list(navigation.PAGES)
IDS = [p.id for p in PAGES]


def lang_params(lang: str) -> dict[str, str]:
    return state.to_query_params(state.ViewState(lang=lang), only=navigation.GLOBAL_PARAMS)


def next_page(spec: navigation.PageSpec) -> navigation.PageSpec:
    return PAGES[(PAGES.index(spec) + 1) % len(PAGES)]


@pytest.fixture(scope="session")
def page_shots(artifacts):
    folder = artifacts / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=IDS)
def test_page_at_both_sizes_with_working_links(page: Page, streamlit_url, page_shots, spec, lang):
    page.goto(page_url(streamlit_url, spec, lang_params(lang)))
    title = t(f"{spec.id}.title", lang)
    for size, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        wait_until_rendered(page, title)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        # the app's navigation, not Streamlit's own file-name list
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
        if lang == "ja":  # headings drawn with the Japanese font, not tofu boxes
            assert_japanese_font(page, "h1")
            for nth in range(min(page.locator("[data-testid=stMain] h3").count(), 3)):
                assert_japanese_font(page, "[data-testid=stMain] h3", nth)
            assert_japanese_font(page, "[data-testid=stSidebar] a p", 0)
        page.screenshot(path=str(page_shots / f"{spec.id}-{lang}-{size}.png"))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.screenshot(path=str(page_shots / f"{spec.id}-{lang}-full.png"), full_page=True)

    # every sidebar link points at its page and carries the language (the home link's
    # href is relative, see test_home_link_href_resolves_from_every_page)...
    links = page.get_by_test_id("stSidebar").get_by_role("link")
    hrefs = dict(zip(IDS, links.evaluate_all("(as) => as.map(a => a.href)"), strict=True))
    for other in PAGES:
        if other.id != "home":
            assert hrefs[other.id] == page_url(streamlit_url, other, lang_params(lang))
    # ...and clicking the next one opens it, still in this language
    target = next_page(spec)
    links.nth(PAGES.index(target)).click()
    wait_until_rendered(page, t(f"{target.id}.title", lang))
    wait_for_path(page, target.url_path)
    wait_for_query(page, "lang", [lang] if lang != "ja" else [])  # ja: the default, left out


@pytest.mark.parametrize("spec", PAGES, ids=IDS)
def test_every_control_is_reachable_and_usable_from_the_keyboard(page: Page, streamlit_url, spec):
    page.goto(page_url(streamlit_url, spec))
    wait_until_rendered(page, t(f"{spec.id}.title", "ja"))
    # every visible control is a Tab stop (a radio group counts once)
    wanted = controls(page)
    reached = set(tab_walk(page, limit=len(wanted) + 15))
    missing = [c for c in dict.fromkeys(wanted) if c not in reached]
    assert missing == [], f"not reachable with Tab: {missing}"
    # the language radio: Tab to it, arrow to English
    focus_by_tab(page, f"radiogroup:{t('common.lang.label', 'ja')}")
    page.keyboard.press("ArrowRight")
    wait_until_rendered(page, t(f"{spec.id}.title", "en"))
    wait_for_query(page, "lang", ["en"])
    # a sidebar link: Tab to it, Enter opens the page
    target = next_page(spec)
    controls(page)  # tag the controls of the English page
    link = page.get_by_test_id("stSidebar").get_by_role("link").nth(PAGES.index(target))
    focus_by_tab(page, link.get_attribute("data-kb"))
    page.keyboard.press("Enter")
    wait_until_rendered(page, t(f"{target.id}.title", "en"))
    wait_for_path(page, target.url_path)
    wait_for_query(page, "lang", ["en"])
