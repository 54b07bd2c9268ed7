"""Map interaction: a filter change on /map to the redrawn chart, against a bare one-chart page.

Issue 3's benchmark, in a real browser (Debian's Chromium through Playwright). Two warm
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
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    APP,
    BARE_APP,
    CHROMIUM,
    CHROMIUM_ARGS,
    SETTLED_JS,
    Server,
    _children,
    cpu_seconds,
    load_average,
    median,
    p95,
)
from interaction import bare_chart, map_filter  # noqa: E402

TARGET = 1.3
CASES = {"bare": ("/", bare_chart), "map": ("/map", map_filter)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed rounds (1..100)")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 100:
        parser.error("--repeat must be 1..100")
    print(f"map interaction, {args.repeat} interleaved rounds after 2 warm-up; {load_average()}")
    servers = {"bare": Server(BARE_APP), "map": Server(APP)}
    wall: dict[str, list[float]] = {name: [] for name in CASES}
    server_cpu: dict[str, list[float]] = {name: [] for name in CASES}
    browser_cpu: dict[str, list[float]] = {name: [] for name in CASES}
    started = time.monotonic()
    try:
        for server in servers.values():
            server.wait_healthy()
        server_pids = {s.proc.pid for s in servers.values()}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # the Playwright driver and Chromium: our children that are not the servers
            browser_pids = [c for c in _children(os.getpid()) if c not in server_pids]
            pages = {}
            for name, (path, act) in CASES.items():
                context = browser.new_context(viewport={"width": 1280, "height": 720},
                                              locale="ja-JP")  # fmt: skip
                page = context.new_page()
                page.goto(servers[name].url + path, timeout=60_000)
                page.locator("[data-testid=stMain] h1").first.wait_for(timeout=60_000)
                page.wait_for_function(SETTLED_JS, timeout=60_000, polling=50)
                for n in range(2):  # warm-up: the first reruns load code and fill caches
                    act(page, n)
                pages[name] = page
            for n in range(2, 2 + args.repeat):
                if time.monotonic() - started > 600:  # bounded in time as well as in count
                    print("stopped after 600 s")
                    break
                for name, (_, act) in CASES.items():
                    pid = servers[name].proc.pid
                    cpu0, bcpu0 = cpu_seconds([pid]), cpu_seconds(browser_pids)
                    t0 = time.perf_counter()
                    act(pages[name], n)
                    wall[name].append(time.perf_counter() - t0)
                    server_cpu[name].append(cpu_seconds([pid]) - cpu0)
                    browser_cpu[name].append(cpu_seconds(browser_pids) - bcpu0)
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
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
