"""In a real browser: language switch, links, deep links, shared links across a restart.

Every page in both languages and sizes, fonts and the keyboard: test_every_page.py.

Screenshots land in $E2E_ARTIFACTS (default /tmp/e2e-artifacts) for a person to look at.
"""

from __future__ import annotations

import re
import shutil

import pytest
from browser_helpers import (
    COLD_START_MS,
    controls,
    focus_by_tab,
    page_url,
    query_of,
    view_of,
    wait_for_path,
    wait_for_query,
    wait_until_rendered,
)
from e2e_server import BUNDLED_DATA, StreamlitServer
from playwright.sync_api import Page, expect

from genai_impact import navigation, state
from genai_impact.report import query
from genai_impact.report.load import load_dataset
from genai_impact.state import shown_value
from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

DS = load_dataset()
PAGES = {page.id: page for page in navigation.PAGES}


def test_language_control_switches_to_english_and_writes_the_url(page: Page, streamlit_url):
    page.goto(streamlit_url + "/industries")
    wait_until_rendered(page, t("industries.title", "ja"))
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    wait_until_rendered(page, t("industries.title", "en"))
    wait_for_query(page, "lang", ["en"])


def test_navigation_link_keeps_the_language(page: Page, streamlit_url, artifacts):
    page.goto(streamlit_url + "/?lang=en")
    wait_until_rendered(page, t("home.title", "en"))
    page.get_by_test_id("stSidebar").get_by_role("link", name=t("sources.nav", "en")).click()
    wait_until_rendered(page, t("sources.title", "en"))
    wait_for_path(page, "/sources")
    wait_for_query(page, "lang", ["en"])
    # and back, through the home page's own link list
    page.get_by_test_id("stSidebar").get_by_role("link", name=t("home.nav", "en")).click()
    wait_until_rendered(page, t("home.title", "en"))
    page.get_by_test_id("stMain").get_by_role("link", name=t("industries.nav", "en")).click()
    wait_until_rendered(page, t("industries.title", "en"))
    wait_for_path(page, "/industries")
    wait_for_query(page, "lang", ["en"])


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
    # a section's source table opens on demand and names the report and the seed lines
    page.locator("[data-testid=stExpander] summary").nth(1).click()  # the effects' sources
    table = page.get_by_test_id("stExpander").nth(1).get_by_test_id("stTable")
    expect(table).to_be_visible()
    citation = query.report_source(DS).citation.in_lang("en")
    expect(table).to_contain_text(citation.split(" (")[0])
    expect(table).to_contain_text("L3")
    page.screenshot(path=str(artifacts / "industries-provenance-en.png"))


def test_markup_in_the_url_is_shown_as_text(page: Page, streamlit_url, artifacts):
    bad = '<img src=x onerror="window.__pwned=1">'
    page.goto(f"{streamlit_url}/industries?industry={bad}")
    wait_until_rendered(page, t("industries.title", "ja"))
    alert = page.get_by_test_id("stAlert")
    expect(alert).to_contain_text(shown_value(bad))  # the markup itself, as plain text
    assert page.evaluate("window.__pwned") is None
    assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0
    default = query.default_industry(DS)  # the URL is rewritten to the industry shown
    wait_for_query(page, "industry", [default.id])
    page.screenshot(path=str(artifacts / "bad-param-ja.png"))


def test_first_session_after_server_start_uses_our_navigation(page: Page, fresh_server, artifacts):
    # With a pages/ folder, Streamlit once showed its own file-name list on the first session
    # after a server start instead of the app's navigation.
    page.goto(fresh_server.url + "/industries?lang=en")
    wait_until_rendered(page, t("industries.title", "en"), timeout=COLD_START_MS)
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
        wait_until_rendered(page, t("common.error.title", "en"), timeout=COLD_START_MS)
        expect(page.get_by_test_id("stCode")).to_contain_text("sectors.yaml")
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert "Traceback" not in page.get_by_test_id("stMain").inner_text()
        page.screenshot(path=str(artifacts / "data-error-en.png"))
    finally:
        server.stop()


def shared_link_params(spec: navigation.PageSpec) -> dict[str, str | list[str]]:
    """A link to a view that differs from the page's defaults in every parameter it reads."""
    choices = query.url_choices(DS)
    out: dict[str, str | list[str]] = {}
    for param in (p for p in state.PARAMS if p.name in spec.params):
        if param.name == "present":  # presentation mode drops the page title this test waits
            continue  # for; its links are tested in tests/e2e/test_workshop_browser.py
        if param.shape is not None:  # a deck's id and edit key: tests/e2e/test_deck_browser.py
            continue
        if param.text:  # free text (the map's search): kept as typed
            out[param.name] = "retail"
            continue
        default = getattr(state.DEFAULTS, param.name)
        options = [v for v in (param.fixed or choices[param.name]) if v != default]
        if not options:  # no valid value here (a fiscal year when no statistics are imported)
            continue
        if param.name == "industry":  # its default is the report's first industry
            options = [v for v in options if v != query.default_industry(DS).id]
        out[param.name] = [options[-1]] if param.multi else options[-1]
    return out


def test_shared_links_restore_the_same_view_after_a_server_restart(
    page: Page, session_server: StreamlitServer, artifacts
):
    """Every page's link, opened on the session's (running) server and then on a server
    started afterwards, shows the same view: nothing of the view lives in the server."""
    links = {spec.id: page_url("", spec, shared_link_params(spec)) for spec in navigation.PAGES}

    def views(server: StreamlitServer, timeout: float) -> dict[str, dict]:
        seen = {}
        for spec in navigation.PAGES:
            page.goto(server.url + links[spec.id])
            wait_until_rendered(page, t(f"{spec.id}.title", "en"), timeout=timeout)
            # a long page may still be drawing its lower sections: read it once it holds still
            seen[spec.id] = view_of(page)
            for _ in range(20):
                page.wait_for_timeout(500)
                again = view_of(page)
                if again == seen[spec.id]:
                    break
                seen[spec.id] = again
        return seen

    before = views(session_server, timeout=30_000)
    restarted = StreamlitServer(artifacts / "streamlit-restart.log")
    try:
        restarted.wait_healthy()
        # every page's first run on the new server is a cold start (COLD_START_MS)
        after = views(restarted, timeout=COLD_START_MS)
    except Exception:  # the page as it was, before stopping the server turns it into
        page.screenshot(path=str(artifacts / "restart-failure.png"))  # "Connection error"
        raise
    finally:
        restarted.stop()
    assert after == before
    for spec in navigation.PAGES:  # the view is the linked one, not the defaults
        assert dict(before[spec.id]["query"]) == {
            name: value if isinstance(value, list) else [value]
            for name, value in shared_link_params(spec).items()
        }, spec.id


def test_industry_picker_and_badges_work_from_the_keyboard(page: Page, streamlit_url):
    page.goto(streamlit_url + "/industries?lang=en")
    wait_until_rendered(page, t("industries.title", "en"))
    label = t("industries.select.label", "en")
    controls(page)
    # the picker: Tab to it, open it with the arrow key, choose another industry with Enter
    focus_by_tab(page, f"INPUT:stSelectbox:{label}")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("listbox")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    picker = page.get_by_role("combobox", name=label)
    default = query.default_industry(DS).name.in_lang("en")
    expect(picker).not_to_have_value(default)
    wait_until_rendered(page, t("industries.title", "en"))
    chosen = next(i for i in DS.industries if i.name.in_lang("en") == picker.input_value())
    wait_for_query(page, "industry", [chosen.id])
    expect(page.get_by_role("heading", name=chosen.name.in_lang("en"), exact=True)).to_be_visible()
    # a section's source table: Tab to its expander, Enter opens it
    summary = page.locator("[data-testid=stExpander] summary").nth(1)
    for _ in range(40):
        if summary.evaluate("(s) => s === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    table = page.get_by_test_id("stExpander").nth(1).get_by_test_id("stTable")
    expect(table).to_be_visible()
    citation = query.report_source(DS).citation.in_lang("en")
    expect(table).to_contain_text(citation.split(" (")[0])
