"""The dark themes cover the whole page in a real browser, not only the chart.

Every registered page (`navigation.PAGES`) in `dark`, and in `contrast` the pages that
between them hold every kind of element (chart, popover, expanders, tables, dataframes,
form and tabs; the two dark themes differ only in their palette), at 1280×720:
the computed background of the main area, the sidebar, every table, dataframe and
expander, and of an open popover is the palette's background or surface; no visible
element larger than a mark has a light background of its own; and a screenshot of the
whole page (every expander open) has no light area: near-white pixels (every channel
above 200) are only text glyphs, a small share, never a filled block. The screenshots
land in $E2E_ARTIFACTS/themes/ for a person to look at. The theme control also recolours
the page in place, without a reload.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from browser_helpers import page_url, wait_for_path, wait_for_query, wait_until_rendered
from PIL import Image
from playwright.sync_api import Page, expect

from genai_impact import navigation
from genai_impact.text.i18n import t
from genai_impact.theme import Palette, palette

pytestmark = pytest.mark.e2e

PAGES = list(navigation.PAGES)
CONTRAST_PAGES = ("map", "industries", "sources", "place")
CASES = [("dark", p) for p in PAGES] + [("contrast", p) for p in PAGES if p.id in CONTRAST_PAGES]
WIDTH, HEIGHT = 1280, 720
LIGHT = 200  # a channel above this is near-white
# Text glyphs in white on the darkest page measured 1-2 % of the pixels (headings, tables
# full of labels); a light table or panel alone would be several times that.
MAX_NEAR_WHITE_SHARE = 0.05
TILE = 16  # a TILE×TILE block all near-white is a light area: no glyph stroke is that wide
MIN_BOX_AREA = 40 * 40  # elements smaller than this (a toggle's knob, a badge) are marks


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def css_rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*rgb(colour))


@pytest.fixture(scope="session")
def theme_shots(artifacts):
    folder = artifacts / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# The colour an element shows: its own background or, when that is transparent, the first
# ancestor's that is not.
_SHOWN_BG_JS = """(e) => {
  for (; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    const m = c.match(/rgba?\\(([^)]*)\\)/);
    const parts = m ? m[1].split(',').map(Number) : [];
    if (parts.length === 3 || (parts.length === 4 && parts[3] > 0))
      return 'rgb(' + parts.slice(0, 3).join(', ') + ')';
  }
  return null;
}"""

# Visible elements, at least MIN_BOX_AREA large, whose own background is opaque and light.
_LIGHT_BOXES_JS = """([minArea, light]) => {
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    const c = getComputedStyle(e);
    if (c.visibility === 'hidden' || c.display === 'none') continue;
    const m = c.backgroundColor.match(/rgba?\\(([^)]*)\\)/);
    if (!m) continue;
    const [r, g, b, a = 1] = m[1].split(',').map(Number);
    if (a < 0.5 || Math.min(r, g, b) <= light) continue;
    const box = e.getBoundingClientRect();
    if (box.width * box.height < minArea) continue;
    out.push((e.closest('[data-testid]')?.dataset.testid || '') + ' ' + e.tagName + ' ' +
             c.backgroundColor + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
  }
  return out;
}"""

# Containers whose background must be the palette's background or surface.
THEMED = {
    "main area": "[data-testid=stMain]",
    "sidebar": "[data-testid=stSidebar]",
    "table": "[data-testid=stTable] table",
    "table header": "[data-testid=stTable] th",
    "dataframe": "[data-testid=stDataFrame]",
    "expander": "[data-testid=stExpander] details",
}


def open_expanders(page: Page) -> None:
    """Open every closed expander, so that the tables inside are drawn and checked too. A
    ledger's expander reruns the page when opened: one at a time, each run finished. None
    closed counts only once the page's run has finished and it still holds a moment later
    (while a run draws, the expanders below the heading may not be there yet)."""
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    status = page.get_by_test_id("stStatusWidget")
    settled = 0
    for _ in range(40):  # bounded: a click that lands during a rerun is clicked again
        expect(status).to_be_hidden(timeout=30_000)
        expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30_000)
        count = closed.count()
        if count == 0:
            settled += 1
            if settled == 2:
                break
            page.evaluate(NEXT_FRAMES_JS)
            page.wait_for_timeout(300)
            continue
        settled = 0
        closed.first.click()
        # this click opened it before the next one is aimed (else the same one closes again)
        try:
            expect(closed).not_to_have_count(count, timeout=10_000)
        except AssertionError:
            continue  # the click landed while the page redrew: aim again
    expect(closed).to_have_count(0)


NEXT_FRAMES_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@contextmanager
def whole_page_in_view(page: Page) -> Iterator[None]:
    """The whole page on one screen, at the same width. Streamlit scrolls the main area
    and the sidebar inside a window-high box, so a full-page screenshot of the document
    is only one screen: the viewport is made as tall as the taller content meanwhile."""
    measure = """() => Math.max(...['stMain', 'stSidebarContent'].map(
             id => document.querySelector(`[data-testid=${id}]`)?.scrollHeight || 0))"""
    height = 0
    try:
        # a taller window can lay the page out taller still (a grid sized to the window):
        # grow it until the content fits
        for _ in range(4):
            wanted = max(HEIGHT, page.evaluate(measure))
            if wanted <= height:
                break
            height = wanted
            page.set_viewport_size({"width": WIDTH, "height": height})
            expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=30_000)
            page.evaluate(NEXT_FRAMES_JS)
        yield
    finally:
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})


def light_areas(pixels: np.ndarray) -> list[tuple[int, int]]:
    """Top-left corners (x, y) of the TILE×TILE blocks whose every pixel is near-white."""
    h, w = (pixels.shape[0] // TILE) * TILE, (pixels.shape[1] // TILE) * TILE
    white = (pixels[:h, :w] > LIGHT).all(axis=2)
    tiles = white.reshape(h // TILE, TILE, w // TILE, TILE).all(axis=(1, 3))
    return [(int(x) * TILE, int(y) * TILE) for y, x in zip(*np.nonzero(tiles), strict=True)]


def dominant_colour(pixels: np.ndarray, box: dict) -> tuple[int, int, int]:
    """The most frequent colour inside `box` (CSS pixels of the screenshot)."""
    x, y = int(box["x"]), int(box["y"])
    region = pixels[y : y + int(box["height"]), x : x + int(box["width"])].reshape(-1, 3)
    colours, counts = np.unique(region, axis=0, return_counts=True)
    return tuple(int(c) for c in colours[counts.argmax()])


def assert_close(colour: tuple[int, int, int], wanted: list[tuple[int, int, int]], what: str):
    assert any(max(abs(a - b) for a, b in zip(colour, w, strict=True)) <= 3 for w in wanted), (
        what,
        colour,
        wanted,
    )


def dataframe_boxes(page: Page) -> list[dict | None]:
    return [frame.bounding_box() for frame in page.get_by_test_id("stDataFrame").all()]


def steady_screenshot(page: Page, tries: int = 5) -> tuple[bytes, list[dict | None]]:
    """A screenshot and the dataframes' boxes in it, taken while the layout holds still: a
    dataframe that is still being drawn (no box yet, or moving) is waited for, not read."""
    for _ in range(tries):
        before = dataframe_boxes(page)
        png = page.screenshot(full_page=True)
        after = dataframe_boxes(page)
        if before == after and all(b and b["width"] >= 1 and b["height"] >= 1 for b in after):
            return png, after
        page.evaluate(NEXT_FRAMES_JS)
        page.wait_for_timeout(200)
    return png, after


def check_theme_covers_the_page(page: Page, pal: Palette, png_path) -> None:
    allowed = {css_rgb(pal.background), css_rgb(pal.surface)}
    for what, selector in THEMED.items():
        for n, shown in enumerate(
            page.locator(selector).evaluate_all(f"es => es.map({_SHOWN_BG_JS})")
        ):
            assert shown in allowed, (what, n, shown, allowed)
    light = page.evaluate(_LIGHT_BOXES_JS, [MIN_BOX_AREA, LIGHT])
    assert not light, light

    with whole_page_in_view(page):
        png, frames = steady_screenshot(page)
    png_path.write_bytes(png)
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    for box in frames:  # every dataframe is drawn, and inside the picture
        assert box and box["width"] >= 1 and box["height"] >= 1, ("dataframe not drawn", box)
        assert box["y"] + box["height"] <= pixels.shape[0] + 1, ("dataframe below", box)
    near_white = (pixels > LIGHT).all(axis=2).mean()
    assert near_white < MAX_NEAR_WHITE_SHARE, (png_path.name, near_white)
    blocks = light_areas(pixels)
    assert not blocks, (png_path.name, "light blocks at (x, y)", blocks[:20])
    # a dataframe is drawn on a canvas: its cells' colour is read from the screenshot
    surfaces = [rgb(pal.background), rgb(pal.surface)]
    for box in frames:
        assert_close(dominant_colour(pixels, box), surfaces, f"dataframe at {box}")

    # a popover opens above the page, outside the main area: the footer's view link
    page.get_by_test_id("stPopoverButton").filter(visible=True).last.click()
    body = page.get_by_test_id("stPopoverBody").filter(visible=True)
    expect(body).to_have_count(1)
    assert body.evaluate(_SHOWN_BG_JS) in allowed, "popover"


@pytest.fixture(scope="module")
def themed_tab(request, browser, browser_context_args, streamlit_url) -> Iterator[Page]:
    """One browser tab per theme, opened on the home page with `?theme=`: the tests walk
    it from page to page through the sidebar's links, which carry the theme, as a person
    would. (A link opened in a new session draws one run in the configured theme and asks
    for a second in the view's; walking the pages costs one run each.)"""
    context = browser.new_context(**browser_context_args)
    tab = context.new_page()
    tab.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    tab.goto(page_url(streamlit_url, navigation.page("home"), {"theme": request.param}))
    yield tab
    context.close()


def walk_to(tab: Page, spec: navigation.PageSpec, theme: str) -> None:
    """Open `spec` from the page shown, by its sidebar link (the theme rides along)."""
    wait_until_rendered(tab, re.compile(".+"))
    tab.keyboard.press("Escape")  # close a popover the last page left open
    if urlparse(tab.url).path != spec.url_path:
        sidebar = tab.get_by_test_id("stSidebar")
        link = sidebar.get_by_role("link", name=t(f"{spec.id}.nav", "ja"), exact=True)
        link.click()
        wait_for_path(tab, spec.url_path)
        # on a loaded machine a click landing while the last page still reruns can change
        # the address and leave the old page drawn (seen once in CI): click it again then
        try:
            expect(tab.locator("h1").first).to_have_text(
                t(f"{spec.id}.title", "ja"), timeout=20_000
            )
        except AssertionError:
            link.click()
    wait_for_query(tab, "theme", [theme])
    wait_until_rendered(tab, t(f"{spec.id}.title", "ja"))


@pytest.mark.parametrize(
    ("themed_tab", "spec"),
    CASES,
    ids=[f"{theme}-{p.id}" for theme, p in CASES],
    indirect=["themed_tab"],
)
def test_a_dark_theme_leaves_no_light_background_anywhere(themed_tab: Page, theme_shots, spec):
    theme = parse_qs(urlparse(themed_tab.url).query)["theme"][0]
    pal = palette(theme)
    walk_to(themed_tab, spec, theme)
    # (on the first page, a new session: once the rerun it asks for has drawn the view's theme)
    expect(themed_tab.get_by_test_id("stApp")).to_have_css(
        "background-color", css_rgb(pal.background), timeout=30_000
    )
    open_expanders(themed_tab)
    wait_until_rendered(themed_tab, t(f"{spec.id}.title", "ja"))
    check_theme_covers_the_page(themed_tab, pal, theme_shots / f"{spec.id}-{theme}.png")


def test_the_theme_control_recolours_the_page_without_a_reload(page: Page, streamlit_url):
    spec = navigation.page("map")
    page.goto(page_url(streamlit_url, spec))
    wait_until_rendered(page, t("map.title", "ja"))
    app, sidebar = page.get_by_test_id("stApp"), page.get_by_test_id("stSidebar")
    expect(app).to_have_css("background-color", css_rgb(palette("light").background))
    page.evaluate("() => { window.__sameDocument = true; }")  # gone if the page reloads
    control = page.get_by_role("radiogroup", name=t("workshop.bar.theme", "ja"))
    for theme in ("dark", "contrast", "light"):
        pal = palette(theme)
        control.get_by_role("radio", name=t(f"export.theme.{theme}", "ja")).click()
        wait_for_query(page, "theme", [] if theme == "light" else [theme])
        expect(app).to_have_css("background-color", css_rgb(pal.background), timeout=30_000)
        expect(sidebar).to_have_css("background-color", css_rgb(pal.surface), timeout=30_000)
        wait_until_rendered(page, t("map.title", "ja"))
        assert page.evaluate("() => window.__sameDocument === true"), f"{theme}: page reloaded"
