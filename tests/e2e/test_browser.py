"""In a real browser: every page in ja and en, fonts, language switch, links, deep links.

Screenshots land in $E2E_ARTIFACTS (default /tmp/e2e-artifacts) for a person to look at.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import parse_qs, urlparse

import pytest
from e2e_server import BUNDLED_DATA, StreamlitServer
from playwright.sync_api import Page, expect

from genai_impact import navigation, query
from genai_impact.i18n import t
from genai_impact.load import load_dataset
from genai_impact.state import shown_value

pytestmark = pytest.mark.e2e

DS = load_dataset()
PAGES = {page.id: page for page in navigation.PAGES}
URL_PATHS = {"home": "/", "industries": "/industries", "sources": "/sources"}
JA_FONT = "Noto Sans CJK JP"


def wait_until_rendered(page: Page, title: str) -> None:
    """The page's h1 shows `title` and the script run has finished."""
    expect(page.locator("h1").first).to_have_text(title, timeout=30_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=30_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)  # the sidebar draws last


def platform_fonts(page: Page, selector: str) -> dict[str, int]:
    """The fonts Chromium actually used to draw the text of `selector` (family -> glyphs)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page_id", list(PAGES))
def test_page_loads_with_its_heading(page: Page, streamlit_url, artifacts, page_id, lang):
    suffix = "?lang=en" if lang == "en" else ""
    page.goto(streamlit_url + URL_PATHS[page_id] + suffix)
    wait_until_rendered(page, t(f"{page_id}.title", lang))
    if lang == "ja":
        # Every Japanese glyph of the heading is drawn with the CJK font: no tofu boxes.
        title = t(f"{page_id}.title", "ja")
        fonts = platform_fonts(page, "h1")
        assert fonts.get(JA_FONT) == sum(1 for ch in title if not ch.isascii()), fonts
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)  # no legacy file-name list
    page.screenshot(path=str(artifacts / f"{page_id}-{lang}.png"))


def test_language_control_switches_to_english_and_writes_the_url(page: Page, streamlit_url):
    page.goto(streamlit_url + "/industries")
    wait_until_rendered(page, t("industries.title", "ja"))
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_until_rendered(page, t("industries.title", "en"))
    assert query_of(page).get("lang") == ["en"]


def test_navigation_link_keeps_the_language(page: Page, streamlit_url, artifacts):
    page.goto(streamlit_url + "/?lang=en")
    wait_until_rendered(page, t("home.title", "en"))
    page.get_by_test_id("stSidebar").get_by_role("link", name=t("sources.nav", "en")).click()
    wait_until_rendered(page, t("sources.title", "en"))
    assert urlparse(page.url).path == "/sources"
    assert query_of(page).get("lang") == ["en"]
    # and back, through the home page's own link list
    page.get_by_test_id("stSidebar").get_by_role("link", name=t("home.nav", "en")).click()
    wait_until_rendered(page, t("home.title", "en"))
    page.get_by_test_id("stMain").get_by_role("link", name=t("industries.nav", "en")).click()
    wait_until_rendered(page, t("industries.title", "en"))
    assert query_of(page).get("lang") == ["en"]


def test_industry_deep_link(page: Page, streamlit_url, artifacts):
    industry = next(i for i in DS.industries if not all(p.has_effect for p in i.phases.values()))
    page.goto(f"{streamlit_url}/industries?industry={industry.id}&lang=en")
    wait_until_rendered(page, t("industries.title", "en"))
    name = industry.name.in_lang("en")
    combobox = page.get_by_role("combobox", name=t("industries.select.label", "en"))
    expect(combobox).to_have_value(name)
    detail = page.get_by_role("heading", name=name, exact=True)
    expect(detail).to_be_visible()
    expect(page.get_by_text(t("industries.phases.none", "en")).first).to_be_visible()
    assert query_of(page) == {"industry": [industry.id], "lang": ["en"]}
    page.get_by_role(
        "heading", name=t("industries.phases.heading", "en")
    ).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "industries-detail-en.png"))
    # a value's badge opens its provenance
    page.get_by_test_id("stPopover").first.click()
    citation = query.report_source(DS).citation.in_lang("en")
    expect(page.get_by_test_id("stPopoverBody").first).to_contain_text(citation.split(" (")[0])
    page.screenshot(path=str(artifacts / "industries-provenance-en.png"))


def test_markup_in_the_url_is_shown_as_text(page: Page, streamlit_url, artifacts):
    bad = '<img src=x onerror="window.__pwned=1">'
    page.goto(f"{streamlit_url}/industries?industry={bad}")
    wait_until_rendered(page, t("industries.title", "ja"))
    alert = page.get_by_test_id("stAlert")
    expect(alert).to_contain_text(shown_value(bad))  # the markup itself, as plain text
    assert page.evaluate("window.__pwned") is None
    assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0
    default = query.default_industry(DS)
    assert query_of(page).get("industry") == [default.id]
    page.screenshot(path=str(artifacts / "bad-param-ja.png"))


def test_first_session_after_server_start_uses_our_navigation(page: Page, fresh_server, artifacts):
    # Pitfall P1: a pages/ folder once showed Streamlit's file-name list on the first session.
    page.goto(fresh_server.url + "/industries?lang=en")
    wait_until_rendered(page, t("industries.title", "en"))
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    sidebar_links = page.get_by_test_id("stSidebar").get_by_role("link")
    # (a link's text starts with its icon's ligature name, e.g. "homeHome")
    expect(sidebar_links).to_have_text(
        [re.compile(re.escape(t(f"{p}.nav", "en")) + "$") for p in PAGES]
    )
    page.screenshot(path=str(artifacts / "first-session-industries-en.png"))


def test_broken_data_shows_the_error_page(page: Page, artifacts, tmp_path):
    # A data file with a YAML error: the page lists the problem, and no traceback appears.
    data = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, data)
    (data / "sectors.yaml").write_text("sectors: [unclosed\n", encoding="utf-8")
    server = StreamlitServer(artifacts / "streamlit-broken-data.log", data_dir=data)
    try:
        server.wait_healthy()
        page.goto(server.url + "/industries?lang=en")
        wait_until_rendered(page, t("common.error.title", "en"))
        expect(page.get_by_test_id("stCode")).to_contain_text("sectors.yaml")
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert "Traceback" not in page.get_by_test_id("stMain").inner_text()
        page.screenshot(path=str(artifacts / "data-error-en.png"))
    finally:
        server.stop()
