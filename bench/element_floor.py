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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    APP,
    BARE_APP,
    BARE_LIKE_MAP,
    Case,
    interleaved,
    load_average,
    median,
    p95,
)
from interaction import bare_chart, map_filter  # noqa: E402

CASES = {
    "bare": Case(BARE_APP, "/", bare_chart),
    "like-map": Case(BARE_LIKE_MAP, "/", bare_chart),
    "map": Case(APP, "/map", map_filter),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed rounds (1..100)")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 100:
        parser.error("--repeat must be 1..100")
    print(f"element floor, {args.repeat} interleaved rounds after 2 warm-up; {load_average()}")
    rounds = interleaved(CASES, args.repeat)
    wall, server_cpu, browser_cpu = rounds.wall, rounds.server_cpu, rounds.browser_cpu
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
