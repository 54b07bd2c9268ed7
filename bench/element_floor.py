"""Streamlit's per-element floor: the bare page, the bare page with /map's elements, /map.

Three warm servers, one browser; each round clicks once on each page, interleaved:
- bare: bench/bare_app.py, its radio, until its 25-point chart shows the other series;
- like-map: bench/bare_like_map.py, the same radio and chart, plus the kinds and number of
  elements /map sends on every rerun (language radio, navigation links, filters, agenda,
  top switches, notes, chooser, table toggle, footer, link) with no logic;
- map: /map, the archetype pill E1 on or off, until the chart shows exactly those points.
If like-map costs about as much as /map, what /map has left over the bare page is the
number of elements Streamlit redraws on a rerun, not the map's own work.

    .venv/bin/python bench/element_floor.py [--repeat 15]
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
    BARE_LIKE_MAP,
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

CASES = {
    "bare": (BARE_APP, "/", bare_chart),
    "like-map": (BARE_LIKE_MAP, "/", bare_chart),
    "map": (APP, "/map", map_filter),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed rounds (1..100)")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 100:
        parser.error("--repeat must be 1..100")
    print(f"element floor, {args.repeat} interleaved rounds after 2 warm-up; {load_average()}")
    servers = {name: Server(script) for name, (script, _, _) in CASES.items()}
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
            browser_pids = [c for c in _children(os.getpid()) if c not in server_pids]
            pages = {}
            for name, (_, path, act) in CASES.items():
                context = browser.new_context(viewport={"width": 1280, "height": 720},
                                              locale="ja-JP")  # fmt: skip
                page = context.new_page()
                page.goto(servers[name].url + path, timeout=60_000)
                page.locator("[data-testid=stMain] h1").first.wait_for(timeout=60_000)
                page.wait_for_function(SETTLED_JS, timeout=60_000, polling=50)
                for n in range(2):  # warm-up
                    act(page, n)
                pages[name] = page
            for n in range(2, 2 + args.repeat):
                if time.monotonic() - started > 600:  # bounded in time as well as in count
                    print("stopped after 600 s")
                    break
                for name, (_, _, act) in CASES.items():
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
    base = median(wall["bare"])
    print(f"\n{'per click':<10}{'median s':>10}{'p95 s':>9}{'vs bare':>9}"
          f"{'server CPU s':>14}{'browser CPU s':>15}")  # fmt: skip
    for name in CASES:
        print(f"{name:<10}{median(wall[name]):>10.3f}{p95(wall[name]):>9.3f}"
              f"{median(wall[name]) / base:>8.2f}x{median(server_cpu[name]):>14.3f}"
              f"{median(browser_cpu[name]):>15.3f}")  # fmt: skip
    print(f"after: {load_average()}")


if __name__ == "__main__":
    main()
