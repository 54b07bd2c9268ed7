"""Cold start: server start to the first chart (or heading) visible in Chromium.

Our app against a bare one-chart Streamlit app (bench/bare_app.py) in the same run,
alternating, several repetitions; a fresh server and a fresh browser context each time.
Target: ours <= 1.2x the bare app (the first person in the room waits for this).

    .venv/bin/python bench/cold_start.py [--repeat 5] [--path /map --ready chart]
"""

from __future__ import annotations

import argparse
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
    load_average,
    median,
)

CHART = "[data-testid=stVegaLiteChart] svg, [data-testid=stVegaLiteChart] canvas"
HEADING = "[data-testid=stMain] h1"


def one_start(browser, script: Path, path: str, ready: str) -> dict[str, float]:
    server = Server(script)
    try:
        times = {"health": server.wait_healthy()}
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        page.goto(server.url + path, wait_until="commit", timeout=60_000)
        page.locator(HEADING).first.wait_for(state="visible", timeout=60_000)
        times["heading"] = time.perf_counter() - server.started
        if ready == "chart":
            page.locator(CHART).first.wait_for(state="visible", timeout=60_000)
        times["ready"] = time.perf_counter() - server.started
        page.wait_for_function(SETTLED_JS, timeout=60_000, polling=50)
        times["settled"] = time.perf_counter() - server.started
        context.close()
        return times
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--path", default="/", help="page of our app to open, e.g. /map")
    parser.add_argument("--ready", choices=["heading", "chart"], default="heading",
                        help="what counts as ready on our page (bare app: its chart)")  # fmt: skip
    args = parser.parse_args()
    if not 1 <= args.repeat <= 20:
        parser.error("--repeat must be 1..20")
    print(f"cold start, {args.repeat} repetitions; {load_average()}")
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "ours": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        one_start(browser, BARE_APP, "/", "chart")  # warm the OS file cache, not measured
        for n in range(args.repeat):
            order = [("bare", BARE_APP, "/", "chart"), ("ours", APP, args.path, args.ready)]
            for name, script, path, ready in order if n % 2 == 0 else order[::-1]:
                runs[name].append(one_start(browser, script, path, ready))
        browser.close()
    print(f"\n{'median seconds from server start':<34}{'bare app':>10}{'ours':>10}{'ratio':>8}")
    for key, label in (("health", "/_stcore/health ok"), ("heading", "first heading visible"),
                       ("ready", "ready (bare: chart; ours: " + args.ready + ")"),
                       ("settled", "script finished, page settled")):  # fmt: skip
        bare = median([r[key] for r in runs["bare"]])
        ours = median([r[key] for r in runs["ours"]])
        print(f"{label:<34}{bare:>10.2f}{ours:>10.2f}{ours / bare:>7.2f}x")
    bare = median([r["ready"] for r in runs["bare"]])
    ours = median([r["ready"] for r in runs["ours"]])
    verdict = "meets" if ours / bare <= 1.2 else "misses"
    print(f"\nours {args.path} ready / bare chart ready = {ours / bare:.2f}x ({verdict} <= 1.2x)")
    print("ours, each run (ready s):", " ".join(f"{r['ready']:.2f}" for r in runs["ours"]))
    print("bare, each run (ready s):", " ".join(f"{r['ready']:.2f}" for r in runs["bare"]))


if __name__ == "__main__":
    main()
