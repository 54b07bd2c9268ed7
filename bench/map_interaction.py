"""Map interaction: a filter change on /map to the redrawn chart, against a bare one-chart page.

The map's responsiveness, in a real browser (Debian's Chromium through Playwright). Two warm
servers, two pages open side by side; each round times one click on each, interleaved so
that load on the shared machine falls on both alike:
- ours: /map (schematic, bundled data), the sidebar's archetype pill E1 on or off, until
  the chart's points are exactly the filtered set (read from the SVG's aria-labels) and
  the run has settled;
- bare: bench/bare_app.py, its radio, until its chart of 25 points shows the other
  series and the run has settled.
Prints the median and p95 of both, their ratio (target: ours <= 1.3x the bare page), and
the CPU time per click of each server and of the browser: CPU time varies less than wall
time when other jobs share the machine, so it says how much of a gap is work and how
much is waiting. The load average is printed too; figures taken under load are noisy.

    .venv/bin/python bench/map_interaction.py [--repeat 20]

The same click is also the `map_filter` scenario of bench/interaction.py (one scenario
after another, wall time only); this script is the map's case in detail.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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

TARGET = 1.3
CASES = {"bare": Case(BARE_APP, "/", bare_chart), "map": Case(APP, "/map", map_filter)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed rounds (1..100)")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 100:
        parser.error("--repeat must be 1..100")
    print(f"map interaction, {args.repeat} interleaved rounds after 2 warm-up; {load_average()}")
    rounds = interleaved(CASES, args.repeat)
    wall, server_cpu, browser_cpu = rounds.wall, rounds.server_cpu, rounds.browser_cpu
    header = f"{'per click':<34}{'median s':>10}{'p95 s':>9}"
    print(f"\n{header}{'server CPU s':>14}{'browser CPU s':>15}")
    labels = {"bare": "bare page: radio -> 25-point chart", "map": "/map: archetype pill -> chart"}
    for name in CASES:
        print(f"{labels[name]:<34}{median(wall[name]):>10.3f}{p95(wall[name]):>9.3f}"
              f"{median(server_cpu[name]):>14.3f}{median(browser_cpu[name]):>15.3f}")  # fmt: skip
    ratio = median(wall["map"]) / median(wall["bare"])
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"\nratio (median wall time, map / bare): {ratio:.2f}x -> {verdict} the {TARGET}x target")
    cpu_ratio = (median(server_cpu["map"]) + median(browser_cpu["map"])) / max(
        median(server_cpu["bare"]) + median(browser_cpu["bare"]), 1e-9
    )
    print(f"ratio (median server + browser CPU per click): {cpu_ratio:.2f}x")
    print(f"after: {load_average()}  (CPU clock ticks are {1 / os.sysconf('SC_CLK_TCK'):.2f} s)")


if __name__ == "__main__":
    main()
