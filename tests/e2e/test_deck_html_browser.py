"""The deck's HTML file in Chromium with the network blocked: opened from disk, as from a
USB stick, every chart is drawn by the inlined vega-embed, Japanese and English text shows,
nothing is fetched. Screenshots of every slide, light and dark, land in $E2E_ARTIFACTS
(deck-<theme>-<n>.png)."""

from __future__ import annotations

import pytest
from deck_fixtures import HOSTILE, rendered
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_html_deck_draws_its_charts_offline(page: Page, artifacts, theme):
    path = artifacts / f"deck-{theme}.html"
    path.write_bytes(rendered("html", theme))
    fetched: list[str] = []

    def only_the_file(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            fetched.append(url)
            route.abort()

    page.route("**/*", only_the_file)
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(path.as_uri())
    charts = page.locator(".chart")
    assert charts.count() == 2
    expect(page.locator('.chart[data-drawn="1"]')).to_have_count(2, timeout=30_000)
    for n in range(charts.count()):
        chart = charts.nth(n)
        assert chart.locator("svg").count() == 1
        assert chart.locator("svg text").count() > 10  # axes, regions, point labels
    expect(page.locator(".chart").first).to_contain_text("小売")
    expect(page.locator("section h2").first).to_have_text("マップ全体")
    expect(page.get_by_text("Retail vs construction (1/3)")).to_be_visible()
    expect(page.get_by_text(HOSTILE, exact=False).first).to_be_visible()  # shown, not run
    assert not fetched and not errors, (fetched, errors)
    sections = page.locator("section.slide")
    for n in range(sections.count()):
        sections.nth(n).screenshot(path=str(artifacts / f"deck-{theme}-{n + 1:02d}.png"))
