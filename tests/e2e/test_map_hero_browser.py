"""/map as the hero, in a real browser: the chart is the largest element at every window
size and keeps its proportions, the chosen point's card sits beside it on the first
screen at 1920×1080, the source line fits in presentation mode at 1280×720, a filter
click reruns the map's section only (the sidebar is not sent again), and the view saved
to the deck after such a click is the view on screen.

Screenshots land in $E2E_ARTIFACTS/hero/ for a person to look at.
"""

from __future__ import annotations

import pytest
from browser_helpers import save_view, wait_for_query, wait_until_rendered
from playwright.sync_api import Page, expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

CHART_SVG = '.st-key-hero-chart [data-testid="stVegaLiteChart"] svg.marks'
PRESENT_SVG = '.st-key-hero-chart-present [data-testid="stVegaLiteChart"] svg.marks'
SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]
FRAGMENT_RUN = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY


def finished(frame: bytes) -> int | None:
    """The status of a `script_finished` message, else None."""
    message = ForwardMsg()
    try:
        message.ParseFromString(frame)
    except Exception:  # not a ForwardMsg (none are expected)
        return None
    return message.script_finished if message.WhichOneof("type") == "script_finished" else None


@pytest.fixture(scope="module")
def hero_shots(artifacts):
    folder = artifacts / "hero"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found, selector
    return found


def largest_other_area(page: Page) -> float:
    """The area of the largest visible element of the main area that is not the chart nor
    one of its containers (a table, the card, a control)."""
    return page.evaluate(
        """(svg) => {
      const chart = document.querySelector(svg);
      let best = 0;
      for (const e of document.querySelectorAll('[data-testid=stMain] [data-testid]')) {
        if (e.contains(chart) || chart.contains(e)) continue;
        const r = e.getBoundingClientRect();
        if (getComputedStyle(e).display === 'none' || r.width === 0) continue;
        best = Math.max(best, r.width * r.height);
      }
      return best;
    }""",
        CHART_SVG,
    )


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_chart_is_the_largest_element_and_keeps_its_proportions(
    page: Page, streamlit_url, hero_shots, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{streamlit_url}/map?select=retail")
    wait_until_rendered(page, t("map.title", "ja"), timeout=60_000)
    drawn = box(page, CHART_SVG)
    ratio = page.locator(CHART_SVG).evaluate(
        "e => e.viewBox.baseVal.width / e.viewBox.baseVal.height"
    )
    shown = page.locator(CHART_SVG).evaluate(
        """e => { const r = e.getBoundingClientRect(); const v = e.viewBox.baseVal;
        const k = Math.min(r.width / v.width, r.height / v.height);
        return [v.width * k, v.height * k]; }"""
    )
    assert abs(shown[0] / shown[1] - ratio) < 0.01  # scaled, not stretched
    assert shown[0] * shown[1] > largest_other_area(page)
    assert drawn["width"] >= min(0.45 * width, 700)  # it fills its column, not a thumbnail
    page.screenshot(path=str(hero_shots / f"map-{width}x{height}.png"))


def test_the_card_is_beside_the_chart_on_the_first_screen(page: Page, streamlit_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{streamlit_url}/map?select=retail&lang=en")
    wait_until_rendered(page, t("map.title", "en"), timeout=60_000)
    heading = page.get_by_role("heading", name="Retail", exact=True)
    expect(heading).to_be_in_viewport()
    card, chart = heading.bounding_box(), box(page, CHART_SVG)
    assert card and card["x"] > chart["x"] + chart["width"] - 1  # beside, to the right
    assert card["y"] + card["height"] < 1080


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_presenting_at_1280x720_the_source_line_is_on_screen(
    page: Page, streamlit_url, hero_shots, lang
):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{streamlit_url}/map?present=1&phase=customer_touchpoint&lang={lang}")
    page.locator(PRESENT_SVG).wait_for(state="visible", timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    source = t("map.chart.footer_schematic", lang, report="\0").split("\0")[0]  # 出典：
    line = page.locator(f"{PRESENT_SVG} text", has_text=source).first
    expect(line).to_be_in_viewport(ratio=1)
    chart = box(page, PRESENT_SVG)
    assert chart["y"] + chart["height"] <= 720 + 1
    page.screenshot(path=str(hero_shots / f"map-present-1280x720-{lang}.png"))


def test_a_filter_click_reruns_the_map_only_and_the_saved_view_follows(page: Page, streamlit_url):
    sent: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda f: sent.append(f if isinstance(f, bytes) else f.encode())
        ),
    )
    page.goto(f"{streamlit_url}/map")
    wait_until_rendered(page, t("map.title", "ja"), timeout=60_000)
    # a new session may run the page twice (the second in the view's theme): wait until
    # the server has sent nothing for a second
    for _ in range(60):
        count = len(sent)
        page.wait_for_timeout(1000)
        if len(sent) == count:
            break
    before = len(sent)
    nav = t("common.lang.label", "ja").encode()  # the sidebar's language selector
    assert any(nav in frame for frame in sent)  # the first run drew the sidebar
    page.locator(".st-key-map-bar").get_by_role("button", name="E1", exact=True).click()
    wait_for_query(page, "arch", ["E1"])
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    # the frame that ends the run may reach this listener after the status widget has gone
    # (frames are handed to the test asynchronously): wait for it
    for _ in range(300):
        if any(finished(sent[i]) == FRAGMENT_RUN for i in range(before, len(sent))):
            break
        page.wait_for_timeout(100)
    # the click's run is the section's alone (Streamlit ends it with "fragment run
    # finished"), and what it sent does not hold the sidebar; a run of the whole page that
    # a new session asked for by itself (the view's theme) may still arrive first
    ends = [i for i in range(before, len(sent)) if finished(sent[i]) is not None]
    fragment_ends = [i for i in ends if finished(sent[i]) == FRAGMENT_RUN]
    assert fragment_ends, [finished(sent[i]) for i in ends]
    start = max([before - 1, *(i for i in ends if i < fragment_ends[0])]) + 1
    click_run = sent[start : fragment_ends[0] + 1]
    assert not any(nav in frame for frame in click_run)  # the sidebar was not drawn again
    save_view(page, "E1")
    hrefs = (
        page.get_by_test_id("stSidebar")
        .locator("a")
        .evaluate_all("els => els.map(e => e.getAttribute('href') || '')")
    )
    assert any("arch=E1" in h for h in hrefs), hrefs
