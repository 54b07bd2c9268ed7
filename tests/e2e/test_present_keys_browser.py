"""The presenter's keys in a real browser: a deck built through the sidebar, then stepped
with PageDown, End, Home and Space with no click on the page (a clicker cannot click);
B blanks the screen; a space typed into a text field stays there.

Screenshots land in $E2E_ARTIFACTS/present/ for a person to look at.
"""

from __future__ import annotations

import pytest
from browser_helpers import save_view, wait_for_path, wait_for_query, wait_until_rendered
from playwright.sync_api import Page, expect

from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

SIDEBAR = '[data-testid="stSidebar"]'
BLANK = '[data-testid="presenterBlank"]'
LONG_MS = 60_000


@pytest.fixture(scope="session")
def present_shots(artifacts):
    folder = artifacts / "present"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def expect_step(page: Page, number: int, name: str, path: str) -> None:
    position = t("workshop.step.position", "ja", number=number, count=3, name=name)
    expect(page.get_by_text(position)).to_be_visible(timeout=LONG_MS)
    wait_for_path(page, path, timeout=LONG_MS)
    wait_for_query(page, "present", ["1"], timeout=LONG_MS)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=LONG_MS)
    # the keys' script is mounted on each presented page: a key pressed before it listens
    # is lost, as a clicker's press is while a slide is still loading
    expect(page.locator("html")).to_have_attribute(
        "data-presenter-keys", "listening", timeout=LONG_MS
    )


def test_a_deck_steps_with_the_clickers_keys_without_a_click(
    page: Page, streamlit_url, present_shots
):
    page.goto(f"{streamlit_url}/sources")
    wait_until_rendered(page, t("sources.title", "ja"), timeout=LONG_MS)
    save_view(page, "出典")
    page.locator(SIDEBAR).get_by_role("link", name=t("impacts.nav", "ja")).click()
    wait_until_rendered(page, t("impacts.title", "ja"), timeout=LONG_MS)
    save_view(page, "影響")
    page.locator(SIDEBAR).get_by_role("link", name=t("use_cases.nav", "ja")).click()
    wait_until_rendered(page, t("use_cases.title", "ja"), timeout=LONG_MS)
    save_view(page, "活用")
    # a space typed into the name field is text, not a step
    box = page.locator(SIDEBAR).get_by_label(t("workshop.agenda.name", "ja"))
    box.fill("")
    box.press_sequentially("a b")
    expect(box).to_have_value("a b")

    page.get_by_text(t("workshop.bar.present", "ja"), exact=True).click()
    expect_step(page, 3, "活用", "/use_cases")
    # from here on only keys: the switch just clicked keeps the focus, and no click follows
    page.keyboard.press("Home")
    expect_step(page, 1, "出典", "/sources")
    page.keyboard.press("PageDown")
    expect_step(page, 2, "影響", "/impacts")
    page.screenshot(path=str(present_shots / "keys-pagedown.png"))
    page.keyboard.press("End")
    expect_step(page, 3, "活用", "/use_cases")
    page.keyboard.press("PageDown")  # the last view: no wrap
    page.keyboard.press("Shift+Space")
    expect_step(page, 2, "影響", "/impacts")
    page.keyboard.press("ArrowLeft")
    expect_step(page, 1, "出典", "/sources")
    page.keyboard.press("Space")
    expect_step(page, 2, "影響", "/impacts")
    # B blanks the screen and brings it back, without leaving the view
    page.keyboard.press("b")
    expect(page.locator(BLANK)).to_be_visible()
    page.screenshot(path=str(present_shots / "keys-blank.png"))
    page.keyboard.press("PageDown")  # the first key after a blank only brings the view back
    expect(page.locator(BLANK)).to_have_count(0)
    expect_step(page, 2, "影響", "/impacts")


def test_keys_work_as_soon_as_a_presented_page_loads(page: Page, streamlit_url):
    page.goto(f"{streamlit_url}/map?present=1&lang=en")
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=LONG_MS)
    expect(page.locator("html")).to_have_attribute(
        "data-presenter-keys", "listening", timeout=LONG_MS
    )
    page.keyboard.press(".")
    expect(page.locator(BLANK)).to_be_visible()
    expect(page.locator(BLANK)).to_have_attribute("aria-label", t("workshop.step.blank", "en"))
    page.keyboard.press(".")
    expect(page.locator(BLANK)).to_have_count(0)
