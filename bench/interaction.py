"""Interaction: how long a click takes to a settled page, against the bare app's rerun.

One warm server of each app, one browser, a page per scenario; each round clicks once in
every scenario, interleaved (bench/_common.interleaved), so that load on the shared machine
falls on all alike; medians and p95, each against the bare app's rerun measured in the same
rounds. Target: <= 1.3x (every click of a workshop's driver).

    .venv/bin/python bench/interaction.py [--repeat 10] [--only lang_switch page_switch]

Adding a scenario (profile switch...): one `Scenario` in SCENARIOS, with the
page to open and an `act` that clicks and waits for the result of repetition `n`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    APP,
    BARE_APP,
    SETTLED_JS,
    Case,
    interleaved,
    load_average,
    median,
    p95,
)

from genai_impact import navigation  # noqa: E402
from genai_impact.text.i18n import t  # noqa: E402

LANG_LABEL = {"ja": "日本語", "en": "English"}


def settle(page: Page, title: str) -> None:
    """The h1 shows `title`, the script run has finished and nothing stale is left."""
    expect(page.locator("[data-testid=stMain] h1").first).to_have_text(title, timeout=60_000)
    page.wait_for_function(SETTLED_JS, timeout=60_000, polling=16)


@dataclass(frozen=True)
class Scenario:
    name: str
    app: str  # "bare" or "ours"
    path: str  # page to open before the first repetition
    act: Callable[[Page, int], None]  # click for repetition n, then wait until settled
    what: str


def bare_rerun(page: Page, n: int) -> None:
    series = "b" if n % 2 == 0 else "a"
    page.get_by_test_id("stRadio").get_by_text(series, exact=True).click()
    settle(page, f"Bare app {series}")


CHART_MARKS = "[data-testid=stVegaLiteChart] svg g.{layer} path"
# True once the chart's marks in `layer` carry exactly these aria-labels, in order: the chart
# has been redrawn with the new data (not just the script finished).
MARKS_ARE_JS = """([selector, expected]) => {
  const got = Array.from(document.querySelectorAll(selector), e => e.getAttribute('aria-label'));
  return got.length === expected.length && got.every((v, i) => v === expected[i]);
}"""


def wait_for_marks(page: Page, layer: str, expected: list[str]) -> None:
    page.wait_for_function(MARKS_ARE_JS, arg=[CHART_MARKS.format(layer=layer), expected],
                           timeout=60_000, polling=16)  # fmt: skip


def bare_chart(page: Page, n: int) -> None:
    """The bare app's radio -> rerun -> its 25-point chart redrawn with the other series."""
    series, step = ("b", 5) if n % 2 == 0 else ("a", 3)
    page.get_by_test_id("stRadio").get_by_text(series, exact=True).click()
    wait_for_marks(page, "mark-symbol", [f"x: {i}; y: {(i * step) % 17}" for i in range(25)])
    page.wait_for_function(SETTLED_JS, timeout=60_000, polling=16)


def map_points(arch: tuple[str, ...]) -> list[str]:
    """The names of the points /map draws (schematic, bundled data, ja) with these archetypes."""
    from genai_impact.report.load import load_dataset
    from genai_impact.views.map.layout import SIZES
    from genai_impact.views.map.query import MapFilters, schematic_view

    view = schematic_view(load_dataset(), MapFilters(archetypes=arch), "ja", SIZES["screen"])
    return [str(r["name"]) for r in view.records]


def archetype_pill(page: Page) -> Locator:
    """The map's archetype pill E1, found by its role and label wherever the page puts it
    (the sidebar or a bar above the chart); exactly one visible, or the click fails."""
    return page.get_by_role("button", name="E1", exact=True).filter(visible=True)


def map_filter(page: Page, n: int) -> None:
    """/map: the archetype pill E1 on / off -> the chart redrawn with exactly those points."""
    expected = map_points(("E1",) if n % 2 == 0 else ())
    archetype_pill(page).click()
    wait_for_marks(page, "points_marks", expected)
    page.wait_for_function(SETTLED_JS, timeout=60_000, polling=16)


def lang_switch(page: Page, n: int) -> None:
    lang = "en" if n % 2 == 0 else "ja"
    page.get_by_test_id("stSidebar").get_by_text(LANG_LABEL[lang], exact=True).click()
    settle(page, t("industries.title", lang))


def page_switch(page: Page, n: int) -> None:
    target = "sources" if n % 2 == 0 else "industries"
    page.get_by_test_id("stSidebar").get_by_role(
        "link", name=t(f"{target}.nav", "ja"), exact=True
    ).click()
    settle(page, t(f"{target}.title", "ja"))


def industry_switch(page: Page, n: int) -> None:
    """The industries page's picker, its select box of industries."""
    name = ["メディア", "情報サービス"][n % 2]
    page.get_by_role("combobox", name=t("industries.select.label", "ja"), exact=True).click()
    page.get_by_role("option", name=name, exact=True).click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=60_000)
    page.wait_for_function(SETTLED_JS, timeout=60_000, polling=16)


SCENARIOS = [
    Scenario("bare_rerun", "bare", "/", bare_rerun, "bare app: radio click -> rerun -> chart"),
    Scenario("lang_switch", "ours", "/industries", lang_switch, "language radio on /industries"),
    Scenario("page_switch", "ours", "/industries", page_switch, "sidebar link, to and fro"),
    Scenario("industry_switch", "ours", "/industries", industry_switch, "industry picker"),
    # the map case in detail, interleaved with the bare chart and with CPU time:
    # bench/map_interaction.py
    Scenario("map_filter", "ours", "/map", map_filter, "map archetype filter -> redrawn chart"),
    # Scenario("profile_switch", "ours", "/industries", profile_switch, "profile switch"),
]
assert {"home", "industries", "sources"} <= {p.id for p in navigation.PAGES}
SCRIPTS = {"bare": BARE_APP, "ours": APP}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--only", nargs="*", help="scenario names (bare_rerun always runs)")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 50:
        parser.error("--repeat must be 1..50")
    chosen = [s for s in SCENARIOS if not args.only or s.name in args.only or s.app == "bare"]
    print(f"interaction, {args.repeat} repetitions after 2 warm-up; {load_average()}")
    cases = {s.name: Case(SCRIPTS[s.app], s.path, s.act) for s in chosen}
    results = interleaved(cases, args.repeat, budget_s=1200).wall
    base = median(results["bare_rerun"])
    print(f"\n{'scenario':<18}{'median s':>10}{'p95 s':>9}{'vs bare':>9}  what")
    for scenario in chosen:
        times = results[scenario.name]
        ratio = median(times) / base
        flag = "" if scenario.app == "bare" else ("  ok" if ratio <= 1.3 else "  > 1.3x")
        print(f"{scenario.name:<18}{median(times):>10.3f}{p95(times):>9.3f}{ratio:>8.2f}x  "
              f"{scenario.what}{flag}")  # fmt: skip


if __name__ == "__main__":
    main()
