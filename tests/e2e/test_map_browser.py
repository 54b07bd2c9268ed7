"""/map in a real browser: a shared link shows the filtered set, a click opens the card, the
chart's Japanese text is drawn in the CJK font, screenshots in ja and en at 1280×720.

Screenshots land in $E2E_ARTIFACTS; a person looks at them (labels, tofu, clipping).
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

import pytest
from browser_helpers import JA_FONT, controls, focus_by_tab, platform_fonts, wait_for_query
from e2e_server import StreamlitServer
from playwright.sync_api import Page, expect

from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t
from genai_impact.views.map.labels import GAP, POINT_MARGIN
from genai_impact.views.map.layout import SIZES
from genai_impact.views.map.query import SIZE_SHARE_UNSIZED, MapFilters, schematic_view

pytestmark = pytest.mark.e2e

DS = load_dataset()
CHART = '[data-testid="stVegaLiteChart"]'
POINTS = f"{CHART} svg g.points_marks path"  # the layer named "points" (charts.POINTS)


def wait_until_rendered(page: Page, title: str) -> None:
    """The h1 shows `title`, the run has finished and every lazy widget has drawn.

    The map page has more lazily loaded widgets (pills, chart, selectors) than the others:
    on a busy machine their code takes seconds to arrive, hence the long timeouts.
    """
    expect(page.locator("h1").first).to_have_text(title, timeout=60_000)
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60_000)


def open_map(page: Page, base: str, lang: str = "ja", **params) -> None:
    query = urlencode({**params, **({"lang": lang} if lang != "ja" else {})}, doseq=True)
    page.goto(f"{base}/map" + (f"?{query}" if query else ""))
    wait_until_rendered(page, t("map.title", lang))
    page.locator(f"{CHART} svg").first.wait_for(state="visible", timeout=60_000)


def point_names(page: Page) -> list[str]:
    """The points drawn, by their accessible names (each point's name, in order)."""
    return page.eval_on_selector_all(POINTS, "els => els.map(e => e.getAttribute('aria-label'))")


def wait_for_points(page: Page, expected: list[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while point_names(page) != expected:
        if time.monotonic() > deadline:
            assert point_names(page) == expected
        time.sleep(0.1)


def names(lang: str, **filters) -> list[str]:
    view = schematic_view(DS, MapFilters(**filters), lang, SIZES["screen"])
    return list(view.rows["name"])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_default_map_screenshot(page: Page, streamlit_url, artifacts, lang):
    open_map(page, streamlit_url, lang)
    wait_for_points(page, names(lang))
    page.screenshot(path=str(artifacts / f"map-{lang}.png"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_shared_link_shows_the_filtered_set(page: Page, streamlit_url, artifacts, lang):
    params = {"arch": ["A", "C"], "phase": "customer_touchpoint", "q": "小売"}
    open_map(page, streamlit_url, lang, **params)
    expected = names(lang, archetypes=("A", "C"), phases=("customer_touchpoint",))
    wait_for_points(page, expected)
    assert len(expected) == 8
    # the pills in the bar above the chart show the link's filters as chosen
    bar = page.locator(".st-key-map-bar")
    expect(bar.get_by_role("button", name="A", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    page.screenshot(path=str(artifacts / f"map-shared-link-{lang}.png"))


# [name, left, top, right, bottom] of each element: a point's accessible name, a text's text
DRAWN_BOXES = """els => els.map(e => { const r = e.getBoundingClientRect();
  const name = e.tagName === 'text' ? e.textContent : e.getAttribute('aria-label');
  return [name, r.left, r.top, r.right, r.bottom]; })"""


def intersects(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(
    ("lang", "phase"),
    [("en", "customer_touchpoint"), ("ja", "customer_touchpoint"), ("en", None), ("ja", None)],
)
def test_drawn_labels_sit_next_to_their_points_inside_their_regions(
    page: Page, streamlit_url, artifacts, lang, phase
):
    """The labels as Chromium draws them (SVG text boxes): none overlaps another label or a
    point, each is within √2 × its point's reach (the corner of the room kept around the
    largest marker; see tests/test_label_placement.py) and inside its point's region."""
    filters = {"phases": (phase,)} if phase else {}
    view = schematic_view(DS, MapFilters(**filters), lang, SIZES["screen"])
    open_map(page, streamlit_url, lang, **({"phase": phase} if phase else {}))
    wait_for_points(page, list(view.rows["name"]))
    points = {n: box for n, *box in page.eval_on_selector_all(POINTS, DRAWN_BOXES)}
    texts = page.eval_on_selector_all(f"{CHART} svg text", DRAWN_BOXES)
    labels = {n: box for n, *box in texts if n in points}
    assert set(labels) == set(points)
    canvas = view.canvas
    # the browser scales the chart to its column and the window (the smaller of the two
    # ratios; the drawing is centred in its box): drawn px per px the labels were placed in
    k = page.locator(f"{CHART} svg.marks").first.evaluate(
        """e => { const r = e.getBoundingClientRect(), v = e.viewBox.baseVal;
                  return Math.min(r.width / v.width, r.height / v.height); }"""
    )
    # the plot's origin on the page: a drawn point's centre less its position in the view
    first = view.rows.iloc[0]
    box = points[first["name"]]
    ox = (box[0] + box[2]) / 2 - canvas.x.to_px(first["x"]) * k
    oy = (box[1] + box[3]) / 2 - canvas.y.to_px(first["y"]) * k
    regions = {
        r.code: (canvas.x.to_px(r.x0) * k + ox, canvas.y.to_px(r.y1) * k + oy,
                 canvas.x.to_px(r.x1) * k + ox, canvas.y.to_px(r.y0) * k + oy)
        for r in view.regions.itertuples()
    }  # fmt: skip
    radius = SIZES["screen"].point_radius * (1.0 if view.filters.sized else SIZE_SHARE_UNSIZED**0.5)
    bound = 2**0.5 * (radius + POINT_MARGIN + GAP) * k + 1.0  # +1 px: the browser's rounding
    page.locator(CHART).first.screenshot(
        path=str(artifacts / f"map-labels-{lang}-{phase or 'all'}.png")
    )
    names_ = list(labels)
    for n, name in enumerate(names_):
        label = labels[name]
        for other in names_[n + 1 :]:
            assert not intersects(label, labels[other]), (name, other)
        for point, drawn in points.items():
            assert not intersects(label, drawn), (name, point)
        row = view.rows.set_index("name").loc[name]
        cx, cy = canvas.x.to_px(row["x"]) * k + ox, canvas.y.to_px(row["y"]) * k + oy
        nx, ny = min(max(cx, label[0]), label[2]), min(max(cy, label[1]), label[3])
        assert ((nx - cx) ** 2 + (ny - cy) ** 2) ** 0.5 <= bound, name
        x0, y0, x1, y1 = regions[row["archetype"]]
        assert x0 <= label[0] and label[2] <= x1 and y0 <= label[1] and label[3] <= y1, name


def test_chart_text_is_drawn_in_the_cjk_font(page: Page, streamlit_url):
    open_map(page, streamlit_url)
    fonts = platform_fonts(page, f"{CHART} svg g.points_marks ~ g text")
    assert JA_FONT in fonts and set(fonts) <= {JA_FONT}, fonts


def test_clicking_a_point_opens_its_card_and_writes_the_url(page: Page, streamlit_url, artifacts):
    open_map(page, streamlit_url, "en")
    page.locator(f'{POINTS}[aria-label="Retail"]').click()
    expect(page.get_by_role("heading", name="Retail", exact=True)).to_be_visible(timeout=60_000)
    wait_for_query(page, "select", ["retail"])
    link = page.get_by_role("link", name=t("map.card.profile", "en"))
    assert "industry=retail" in link.get_attribute("href")
    page.get_by_role("heading", name="Retail", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "map-card-en.png"))


def test_a_filter_click_redraws_the_chart_and_writes_the_url(page: Page, streamlit_url):
    open_map(page, streamlit_url)
    page.locator(".st-key-map-bar").get_by_role("button", name="E1", exact=True).click()
    wait_for_points(page, names("ja", archetypes=("E1",)))
    wait_for_query(page, "arch", ["E1"])


def test_an_archetype_filter_works_from_the_keyboard(page: Page, streamlit_url):
    # the archetype pills are one Tab stop (an ARIA toolbar): arrows move, Space toggles
    open_map(page, streamlit_url)
    controls(page)
    focus_by_tab(page, f"toolbar:{t('map.filter.arch.label', 'ja')}")
    page.keyboard.press("ArrowRight")  # A -> B
    page.keyboard.press("Space")
    wait_for_points(page, names("ja", archetypes=("B",)))
    wait_for_query(page, "arch", ["B"])


@pytest.fixture(scope="module")
def stats_server(artifacts, stats_dir):
    """One server on SYNTHETIC statistics (FY2021–2022, conftest's `stats_dir`) for the
    tests below: each test's browser page is a new session, so nothing carries over."""
    server = StreamlitServer(artifacts / "streamlit-map-stats.log", data_dir=stats_dir)
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_statistics_mode_screenshot(page: Page, artifacts, stats_server, lang):
    open_map(page, stats_server.url, lang)
    expect(page.locator(POINTS)).to_have_count(24, timeout=60_000)
    page.screenshot(path=str(artifacts / f"map-statistics-{lang}.png"))


# Every year the chart's footer shows and every year the address bar holds, in order, as
# they change: recorded in the page on each change of the DOM or of the URL, so that a
# year shown only briefly (a step of the play control) is seen however loaded the machine.
RECORD_YEARS_JS = """() => {
  const seen = window.__years = {shown: [], url: []};
  const add = (list, value) => { if (value && list[list.length - 1] !== value) list.push(value); };
  const look = () => {
    const footer = Array.from(document.querySelectorAll('[data-testid=stVegaLiteChart] svg text'))
      .map(e => e.textContent.match(/FY(\\d{4})/)).find(Boolean);
    add(seen.shown, footer && footer[1]);
    add(seen.url, new URLSearchParams(location.search).get('year'));
  };
  new MutationObserver(look).observe(document.body,
    {subtree: true, childList: true, characterData: true, attributes: true});
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name].bind(history);
    history[name] = (...args) => { const out = original(...args); look(); return out; };
  }
  look();
}"""
PLAYED_JS = """(wanted) => JSON.stringify(window.__years.shown.slice(-2)) === wanted &&
  JSON.stringify(window.__years.url.slice(-2)) === wanted"""


def test_play_steps_the_statistics_map_through_the_years(page: Page, artifacts, stats_server):
    """Play from the latest year: the map starts over at FY2021, then stops on FY2022."""
    footer = f"{CHART} svg text"
    open_map(page, stats_server.url, "en")
    expect(page.locator(footer, has_text="FY2022").first).to_be_visible()
    page.evaluate(RECORD_YEARS_JS)
    page.get_by_role("button", name=t("map.play.start", "en")).click()
    # until the footer and the address bar have both gone 2021, then 2022
    page.wait_for_function(PLAYED_JS, arg='["2021","2022"]', timeout=60_000, polling=100)
    play_again = page.get_by_role("button", name=t("map.play.start", "en"))
    expect(play_again).to_be_visible(timeout=30_000)  # stopped on the latest year
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=30_000)
    seen = page.evaluate("() => window.__years")
    assert seen == {"shown": ["2022", "2021", "2022"], "url": ["2021", "2022"]}, seen
    wait_for_query(page, "year", ["2022"])
    expect(page.locator(footer, has_text="FY2022").first).to_be_visible()
    page.screenshot(path=str(artifacts / "map-play-2022-en.png"))
