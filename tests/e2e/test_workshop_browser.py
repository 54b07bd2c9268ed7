"""The workshop tools in a real browser: save three views, step through them in
presentation mode (buttons and arrow keys), download the deck as PowerPoint and one PNG.

The images land in $E2E_ARTIFACTS (workshop-*.png); a person looks at them: titles,
footers, Japanese glyphs (no tofu boxes), nothing clipped.
"""

from __future__ import annotations

import io
import re
import struct
from urllib.parse import parse_qs, urlparse

import pytest
from browser_helpers import save_view, wait_for_query
from deck_fixtures import pptx_links
from playwright.sync_api import Page, expect
from pptx import Presentation

from genai_impact.text.i18n import t
from genai_impact.theme import palette

pytestmark = pytest.mark.e2e

SIDEBAR = '[data-testid="stSidebar"]'
CHART = '[data-testid="stVegaLiteChart"]'
THEME_ICONS = {"light": "light_mode", "dark": "dark_mode", "contrast": "contrast"}


def wait_until_rendered(page: Page, title: str) -> None:
    expect(page.locator("h1").first).to_have_text(title, timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)


def wait_for_presented_map(page: Page, step: str) -> None:
    """Presentation mode on /map: the chart (its own title stands for the page's), no h1."""
    expect(page.get_by_text(step)).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    page.locator(f"{CHART} svg").first.wait_for(state="visible", timeout=60_000)
    expect(page.locator("h1")).to_have_count(0)


def theme_option(page: Page, theme: str):
    """The theme control's button for `theme`. When presenting it shows only its Material
    icon, whose name is the button's accessible name ("dark_mode icon")."""
    group = page.get_by_role("radiogroup", name=t("workshop.bar.theme", "ja"))
    return group.get_by_role("radio", name=f"{THEME_ICONS[theme]} icon", exact=True)


def hex_to_rgb(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n", png[:8]
    return struct.unpack(">II", png[16:24])


def open_sidebar(page: Page) -> None:
    sidebar = page.locator(SIDEBAR)
    if sidebar.get_attribute("aria-expanded") == "false" or not sidebar.is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    expect(sidebar.get_by_role("button", name=t("workshop.agenda.save", "ja"))).to_be_visible()


def test_save_three_views_present_them_and_download_the_deck(page: Page, streamlit_url, artifacts):
    page.goto(f"{streamlit_url}/map?arch=A")
    wait_until_rendered(page, t("map.title", "ja"))
    save_view(page, "類型A")
    # view 2: archetype C added with its pill, in the bar above the chart (same session: the
    # agenda is kept)
    page.get_by_role("button", name="C", exact=True).filter(visible=True).click()
    wait_for_query(page, "arch", ["A", "C"], timeout=60_000)
    wait_until_rendered(page, t("map.title", "ja"))
    save_view(page, "類型AとC")
    # view 3: the sources page, through the navigation
    page.locator(SIDEBAR).get_by_role("link", name=t("sources.nav", "ja")).click()
    wait_until_rendered(page, t("sources.title", "ja"))
    save_view(page, "出典")
    # the two saved map views (not the business-type page's "ビジネスの類型" link)
    links = page.locator(SIDEBAR).get_by_role("link", name=re.compile("類型A"))
    expect(links).to_have_count(2)

    # presentation mode: the sidebar goes, the step buttons come
    page.get_by_text(t("workshop.bar.present", "ja"), exact=True).click()
    wait_for_query(page, "present", ["1"], timeout=60_000)
    wait_until_rendered(page, t("sources.title", "ja"))
    expect(page.get_by_text("保存したビュー 3 / 3：出典")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name=t("workshop.step.prev", "ja")).click()
    wait_for_presented_map(page, "保存したビュー 2 / 3：類型AとC")
    wait_for_query(page, "arch", ["A", "C"], timeout=60_000)
    assert query(page)["present"] == ["1"]
    chart_box = page.locator(CHART).first.bounding_box()
    assert chart_box["y"] + chart_box["height"] <= 720, chart_box  # fits the projector
    page.screenshot(path=str(artifacts / "workshop-present-2.png"))
    # the keyboard: ← goes back one view
    page.locator(CHART).first.click(position={"x": 5, "y": 5})
    page.keyboard.press("ArrowLeft")
    wait_for_presented_map(page, "保存したビュー 1 / 3：類型A")
    wait_for_query(page, "arch", ["A"], timeout=60_000)
    assert query(page)["present"] == ["1"]
    expect(page.locator(SIDEBAR).get_by_role("link", name=t("sources.nav", "ja"))).to_be_hidden()
    page.screenshot(path=str(artifacts / "workshop-present-1.png"))
    # the dark theme stays while stepping, on the whole page, not only the chart
    theme_option(page, "dark").click()
    wait_for_query(page, "theme", ["dark"], timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    page.locator(CHART).first.click(position={"x": 5, "y": 5})  # focus off the control
    page.keyboard.press("ArrowRight")
    wait_for_presented_map(page, "保存したビュー 2 / 3：類型AとC")
    wait_for_query(page, "arch", ["A", "C"], timeout=60_000)
    assert query(page)["theme"] == ["dark"] and query(page)["present"] == ["1"]
    expect(page.get_by_test_id("stApp")).to_have_css(
        "background-color", hex_to_rgb(palette("dark").background), timeout=60_000
    )
    page.screenshot(path=str(artifacts / "workshop-present-dark.png"))

    # out of presentation mode (and the dark theme), the deck as PowerPoint
    theme_option(page, "light").click()
    wait_for_query(page, "theme", [], timeout=60_000)
    page.get_by_text(t("workshop.bar.present", "ja"), exact=True).click()
    wait_for_query(page, "present", [], timeout=60_000)
    wait_until_rendered(page, t("map.title", "ja"))
    open_sidebar(page)
    button = page.locator(SIDEBAR).get_by_role("button", name=t("slides.download.pptx", "ja"))
    with page.expect_download(timeout=180_000) as download:
        button.click()
    assert download.value.suggested_filename.startswith("genai-impact_deck_")
    data = open(download.value.path(), "rb").read()
    (artifacts / "workshop-deck.pptx").write_bytes(data)
    deck = Presentation(io.BytesIO(data))
    titles = [s.shapes[0].text_frame.text for s in deck.slides]
    assert titles == ["類型A", "類型AとC", "出典"]
    links = pptx_links(deck)
    # no base URL configured: the address the browser used
    assert links and all(link.startswith(streamlit_url + "/") for link in links), links
    assert any("/map?lang=ja&arch=A&arch=C" in link for link in links)


def test_one_png_download_in_japanese(page: Page, streamlit_url, artifacts):
    sent: list[object] = []  # what the browser sends the server: a rerun is a message
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.goto(f"{streamlit_url}/map?phase=customer_touchpoint")
    wait_until_rendered(page, t("map.title", "ja"))
    page.wait_for_timeout(500)  # the first run's last messages
    before = len(sent)
    assert before > 0  # the listener hears the page's own requests (its first run)
    # opening "Download" shows its buttons at once: the browser asks the server for nothing
    # (regression: the menu reran the whole page and prepared the export before showing them)
    page.get_by_role("button", name=t("workshop.download.button", "ja")).click()
    png_button = page.get_by_role("button", name=t("workshop.download.png", "ja"))
    expect(png_button).to_be_visible()
    for fmt in ("svg", "csv"):
        expect(page.get_by_role("button", name=t(f"workshop.download.{fmt}", "ja"))).to_be_visible()
    assert len(sent) == before, sent[before:]
    with page.expect_download(timeout=180_000) as download:
        png_button.click()
    # the file says what it is: app, page and filters in words, size, date (Japanese kept)
    assert re.fullmatch(
        r"genai-impact_産業マップ-段階-顧客接点-16x9_\d{4}-\d{2}-\d{2}\.png",
        download.value.suggested_filename,
    ), download.value.suggested_filename
    png = open(download.value.path(), "rb").read()
    assert png_size(png) == (3840, 2160)
    (artifacts / "workshop-download-ja.png").write_bytes(png)
