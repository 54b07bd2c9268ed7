"""Map interaction: a filter change on /map to the redrawn chart, against a bare one-chart page.

The map's responsiveness, in a real browser (Debian's Chromium through Playwright). Two warm
servers, a page per case open side by side; each round times one click in each case,
interleaved so that load on the shared machine falls on all alike:
- map: /map (schematic, bundled data), the archetype pill E1 on or off (found by its role
  and label wherever the page shows it: sidebar or a bar above the chart), until the
  chart's points are exactly the filtered set (read from the SVG's aria-labels) and the
  run has settled;
- bare: bench/bare_app.py, its radio, until its chart of 25 points shows the other
  series and the run has settled;
- export menu: /map, the chart's "Download" popover button, until its PNG button is
  visible (the menu closed again before each round, untimed). Target: 0.3 s.
Prints the median and p95 of the two clicks, the CPU time per click of each server and of
the browser (CPU time varies less than wall time when other jobs share the machine, so
it says how much of a gap is work and how much is waiting), the export menu's median as
`export_menu_s <median>`, and last `ratio_to_bare <median ratio>`: the median over the
rounds of /map's click over the bare page's click in the same round (target: 1.0 or
less). The load average is printed too; figures taken under load are noisy.

    .venv/bin/python bench/map_interaction.py [--repeat 20]

The same click is also the `map_filter` scenario of bench/interaction.py (one scenario
after another, wall time only); this script is the map's case in detail.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    APP,
    BARE_APP,
    Case,
    interleaved,
    load_average,
    median,
    p95,
)
from interaction import bare_chart, map_filter  # noqa: E402

from genai_impact.text.i18n import t  # noqa: E402

TARGET = 1.0
MENU_TARGET_S = 0.3
WARMUP = 2
# seconds from the click on "Download" to its PNG button visible, one per call (warm-ups too)
menu_times: list[float] = []


def export_menu(page: Page, n: int) -> None:
    """/map: close the Download menu if open (untimed), click "Download", time until its
    PNG button is visible."""
    png = page.get_by_role("button", name=t("workshop.download.png", "ja"), exact=True)
    if png.is_visible():
        page.keyboard.press("Escape")
        expect(png).to_be_hidden(timeout=60_000)
    opener = page.locator(".st-key-map-downloads [data-testid=stPopoverButton]")
    opener.wait_for(timeout=60_000)
    time.sleep(0.2)  # let a rerun that closing started go before timing
    t0 = time.perf_counter()
    opener.click()
    png.wait_for(state="visible", timeout=60_000)
    menu_times.append(time.perf_counter() - t0)


CASES = {
    "bare": Case(BARE_APP, "/", bare_chart),
    "map": Case(APP, "/map", map_filter),
    "menu": Case(APP, "/map", export_menu),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed rounds (1..100)")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 100:
        parser.error("--repeat must be 1..100")
    print(f"map interaction, {args.repeat} interleaved rounds after {WARMUP} warm-up; "
          f"{load_average()}")  # fmt: skip
    rounds = interleaved(CASES, args.repeat, warmup=WARMUP)
    wall, server_cpu, browser_cpu = rounds.wall, rounds.server_cpu, rounds.browser_cpu
    header = f"{'per click':<34}{'median s':>10}{'p95 s':>9}"
    print(f"\n{header}{'server CPU s':>14}{'browser CPU s':>15}")
    labels = {"bare": "bare page: radio -> 25-point chart", "map": "/map: archetype pill -> chart"}
    for name in labels:
        print(f"{labels[name]:<34}{median(wall[name]):>10.3f}{p95(wall[name]):>9.3f}"
              f"{median(server_cpu[name]):>14.3f}{median(browser_cpu[name]):>15.3f}")  # fmt: skip
    menu = menu_times[WARMUP:]
    print(f"{'/map: Download -> PNG button':<34}{median(menu):>10.3f}{p95(menu):>9.3f}")
    of_medians = median(wall["map"]) / median(wall["bare"])
    print(f"\nratio of medians (wall time, map / bare): {of_medians:.2f}x")
    cpu_ratio = (median(server_cpu["map"]) + median(browser_cpu["map"])) / max(
        median(server_cpu["bare"]) + median(browser_cpu["bare"]), 1e-9
    )
    print(f"ratio (median server + browser CPU per click): {cpu_ratio:.2f}x")
    print(f"after: {load_average()}  (CPU clock ticks are {1 / os.sysconf('SC_CLK_TCK'):.2f} s)")
    menu_verdict = "meets" if median(menu) <= MENU_TARGET_S else "misses"
    print(f"export menu: {menu_verdict} the {MENU_TARGET_S} s target")
    paired = [m / b for m, b in zip(wall["map"], wall["bare"], strict=True)]
    ratio = median(paired)
    print(f"map / bare, median of the rounds' ratios: {'meets' if ratio <= TARGET else 'misses'}"
          f" the {TARGET}x target")  # fmt: skip
    print(f"export_menu_s {median(menu):.3f}")
    print(f"ratio_to_bare {ratio:.2f}")


if __name__ == "__main__":
    main()
