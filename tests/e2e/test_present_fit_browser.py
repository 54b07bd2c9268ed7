"""Presentation mode on every registered page fits a 1280×720 projector: nothing scrolls,
and the source line is on screen (the map's is in its chart), in Japanese and English, in
the dark themes (the whole page dark, not only the chart).

Iterates over `navigation.PAGES`. Screenshots land in $E2E_ARTIFACTS/present/.
"""

from __future__ import annotations

import pytest
from browser_helpers import page_url
from playwright.sync_api import Page, expect

from genai_impact import navigation
from genai_impact.report.load import load_dataset
from genai_impact.report.query import report_source
from genai_impact.theme import palette
from genai_impact.views.map.text import footer_line

pytestmark = pytest.mark.e2e

PAGES = list(navigation.PAGES)
WIDTH, HEIGHT = 1280, 720
THEME_OF = {"ja": "dark", "en": "contrast"}  # both dark themes, one per language
LONG_MS = 60_000

# Scrolling is measured on Streamlit's main area, which is what scrolls in its layout.
_OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  return [main.scrollHeight, main.clientHeight, document.documentElement.scrollHeight];
}"""


@pytest.fixture(scope="session")
def present_shots(artifacts):
    folder = artifacts / "present"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def source_lines() -> dict[tuple[str, str], str]:
    """(page kind, lang) -> the source line shown: the footer's, or the map chart's."""
    ds = load_dataset()
    report = report_source(ds)
    lines = {}
    for lang in ("ja", "en"):
        lines["page", lang] = report.citation.in_lang(lang)
        lines["map", lang] = footer_line(ds, "schematic", None, lang)
    return lines


def css_rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.id for p in PAGES])
def test_every_page_presented_fits_the_projector_with_its_source_line(
    page: Page, streamlit_url, present_shots, source_lines, spec, lang
):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    theme = THEME_OF[lang]
    page.goto(page_url(streamlit_url, spec, {"lang": lang, "present": "1", "theme": theme}))
    expect(page.locator("html")).to_have_attribute(
        "data-presenter-keys", "listening", timeout=LONG_MS
    )
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=LONG_MS)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=LONG_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stApp")).to_have_css(
        "background-color", css_rgb(palette(theme).background), timeout=LONG_MS
    )
    if spec.id == "map":  # the chart carries the source line in its footer
        chart_text = page.locator('[data-testid="stVegaLiteChart"] svg text')
        source = chart_text.filter(has_text=source_lines["map", lang]).first
    else:
        source = page.get_by_text(source_lines["page", lang], exact=False).last
    expect(source).to_be_visible(timeout=LONG_MS)
    page.wait_for_timeout(300)  # the last redraw settles (fonts, the table's widths)
    box = source.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= HEIGHT, box
    main, client, document = page.evaluate(_OVERFLOW_JS)
    assert main <= client and document <= HEIGHT, (main, client, document)
    page.screenshot(path=str(present_shots / f"{spec.id}-{lang}-{theme}.png"))
