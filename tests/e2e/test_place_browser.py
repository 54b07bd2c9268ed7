"""/place in a real browser, on SYNTHETIC statistics (conftest's `stats_dir`): a firm's
figures give its point on the map and its archetype, a what-if slider moves it to another
archetype, and the address bar carries no figure until the user ticks the box.

With the synthetic FY2022 all-industries point (1.585 and 0.025 百万円/人), 1,000 / 100 /
1,000 employees is A; half the employees doubles both ratios: E1 (tests/test_place_page.py).
"""

from __future__ import annotations

import pytest
from browser_helpers import query_of, wait_for_query
from e2e_server import StreamlitServer
from playwright.sync_api import Page, expect

from genai_impact import state
from genai_impact.report.load import load_dataset
from genai_impact.report.query import report_source
from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e

DS = load_dataset()
USER_POINT = '[data-testid="stVegaLiteChart"] svg g.user_point_marks path'  # views.place.USER_LAYER


@pytest.fixture(scope="module")
def place_server(artifacts, stats_dir):
    server = StreamlitServer(artifacts / "streamlit-place.log", data_dir=stats_dir)
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


def archetype_text(code: str) -> str:
    return f"{code} {DS.archetype(code).name.en}"


def test_figures_a_what_if_and_the_link(page: Page, artifacts, place_server: StreamlitServer):
    page.goto(f"{place_server.url}/place?lang=en")
    expect(page.locator("h1").first).to_have_text(t("place.title", "en"), timeout=60_000)
    form = page.locator('[data-testid="stMain"] [data-testid="stForm"]')
    for label, value in (
        ("place.field.tangible_fixed_assets_ex_land", "1,000"),
        ("place.field.software_assets", "100"),
        ("place.field.employees", "1000"),
    ):
        form.get_by_role("textbox", name=t(label, "en"), exact=True).fill(value)
    form.get_by_role("button", name=t("place.submit", "en")).click()

    # the point, labelled as the user's, and the archetype
    expect(page.locator(USER_POINT)).to_have_count(1, timeout=60_000)
    label = page.locator(USER_POINT).first.get_attribute("aria-label") or ""
    assert t("placement.entered_by_user", "en") in label
    expect(page.get_by_text(archetype_text("A")).first).to_be_visible()
    assert not set(query_of(page)) & set(state.FIRM_PARAMS)  # nothing in the address bar

    # what if: half the employees (two steps left from ×1) moves the firm to E1
    employees = page.get_by_role("slider").nth(1)
    employees.focus()
    employees.press("ArrowLeft")
    employees.press("ArrowLeft")
    expect(page.locator(USER_POINT)).to_have_count(2, timeout=60_000)
    expect(page.get_by_text(archetype_text("E1")).first).to_be_visible(timeout=60_000)
    page.screenshot(path=str(artifacts / "place-whatif-en.png"))
    assert not set(query_of(page)) & set(state.FIRM_PARAMS)

    # ticked: the link carries the figures
    page.get_by_text(t("place.share.label", "en")).click()
    wait_for_query(page, "employees", ["1000"])
    assert query_of(page)["assets"] == ["1000"] and query_of(page)["software"] == ["100"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_presenting_a_placed_firm_fits_the_projector(
    page: Page, artifacts, place_server: StreamlitServer, lang
):
    """Presenting with the firm's figures (a link that carries them): the chart with the
    point, the archetype and the tabs fit 1280×720 with the page's source line, no scroll."""
    page.set_viewport_size({"width": 1280, "height": 720})
    figures = "assets=1000&software=100&employees=1000"
    page.goto(f"{place_server.url}/place?lang={lang}&present=1&{figures}")
    expect(page.locator(USER_POINT)).to_have_count(1, timeout=60_000)
    expect(page.get_by_role("tab", name=t("place.whatif.heading", lang))).to_be_visible()
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
    page.wait_for_timeout(300)  # the last redraw settles
    source = page.get_by_text(report_source(DS).citation.in_lang(lang), exact=False).last
    box = source.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 720, box
    main, client = page.evaluate(
        "() => {const m = document.querySelector('[data-testid=stMain]');"
        " return [m.scrollHeight, m.clientHeight]}"
    )
    assert main <= client, (main, client)
    page.screenshot(path=str(artifacts / f"place-present-{lang}.png"))
