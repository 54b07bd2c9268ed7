"""Export in the browser: the map's PNG download, from the click to the file.

Debian's Chromium through Playwright against one warm server (`app.py`, bundled data).
Each round opens /map on a view not exported before (another archetype filter, so
nothing comes from the cache), opens the Download menu and then:
- "after": waits --wait seconds, clicks PNG and times the click to the downloaded file;
- "at once": clicks PNG as soon as the menu shows its buttons.
The menu opens in the browser alone and the file is made when clicked, so both time the
render itself (an older checkout started the 16:9 PNG in the background when the menu
opened, on a rerun of the page: there "after" found it ready).
Prints the median and max of both, the PNG's size, and the server's CPU time per round
(page runs and the render). Earlier target: click to file <= 0.3 s, met only by rendering
before the click; the menu's own target now is its buttons within 0.3 s
(bench/map_interaction.py, `export_menu_s`). The load average is printed; figures taken
on the shared 2-core machine under load are noisy.

    .venv/bin/python bench/export_click.py [--rounds 4] [--wait 6]
"""

from __future__ import annotations

import argparse
import itertools
import struct
import sys
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import APP, CHROMIUM, CHROMIUM_ARGS, SETTLED_JS, Server, cpu_seconds, load_average  # noqa: E402

from genai_impact.text.i18n import t  # noqa: E402

TARGET_S = 0.3
ARCHETYPES = ("A", "B", "C", "D", "E1", "E2")


def views() -> list[str]:
    """Query strings of distinct map views: every pair of archetypes, then every one."""
    pairs = [f"arch={a}&arch={b}" for a, b in itertools.combinations(ARCHETYPES, 2)]
    return pairs + [f"arch={a}" for a in ARCHETYPES]


def settle(page: Page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function(SETTLED_JS, timeout=120_000)


def one_round(page: Page, url: str, wait: float) -> tuple[float, int, int]:
    """Seconds from the PNG click to the file, and the PNG's pixel size."""
    page.goto(url)
    page.locator('[data-testid="stVegaLiteChart"] svg').first.wait_for(timeout=120_000)
    settle(page)
    page.get_by_role("button", name=t("workshop.download.button", "ja")).click()
    settle(page)  # (an older checkout reran the page here and rendered in the background)
    if wait:
        time.sleep(wait)
    button = page.get_by_role("button", name=t("workshop.download.png", "ja"))
    start = time.perf_counter()
    with page.expect_download(timeout=180_000) as download:
        button.click()
    path = download.value.path()  # the whole file has arrived
    elapsed = time.perf_counter() - start
    png = Path(path).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    return elapsed, width, height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4, help="rounds of each kind (1..10)")
    parser.add_argument("--wait", type=float, default=6.0, help="seconds before 'after' clicks")
    args = parser.parse_args()
    if not 1 <= args.rounds <= 10:
        parser.error("--rounds must be 1..10")
    print(f"map PNG download, click to file, {args.rounds} rounds each; {load_average()}")
    server = Server(APP)
    fresh = iter(views())
    times: dict[str, list[float]] = {"after": [], "at once": []}
    cpu: dict[str, list[float]] = {"after": [], "at once": []}
    size = (0, 0)
    try:
        server.wait_healthy()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ja-JP")
            one_round(page, f"{server.url}/map?{next(fresh)}", args.wait)  # warm-up
            for _ in range(args.rounds):
                for kind, wait in (("after", args.wait), ("at once", 0.0)):
                    before = cpu_seconds([server.proc.pid])
                    elapsed, *size = one_round(page, f"{server.url}/map?{next(fresh)}", wait)
                    times[kind].append(elapsed)
                    cpu[kind].append(cpu_seconds([server.proc.pid]) - before)
            browser.close()
    finally:
        server.stop()
    print(f"PNG {size[0]}x{size[1]} px; {load_average()} (at the end)")
    for kind, label in (("after", f"after {args.wait:g} s"), ("at once", "at once")):
        wall = sorted(times[kind])
        print(
            f"  click {label:<10} to file: median {wall[len(wall) // 2]:.3f} s, "
            f"max {wall[-1]:.3f} s; server CPU per round {sorted(cpu[kind])[len(wall) // 2]:.2f} s"
            " (page runs and the render)"
        )
    verdict = "meets" if sorted(times["after"])[args.rounds // 2] <= TARGET_S else "MISSES"
    print(f"earlier target <= {TARGET_S} s, click after {args.wait:g} s: {verdict}")


if __name__ == "__main__":
    main()
