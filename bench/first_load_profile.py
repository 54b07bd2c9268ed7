"""Where a page's first load spends the browser's main thread, against the bare app.

A fresh server of each app (ours as `make run` starts it), one Chromium; Chrome's sampling
profiler (DevTools protocol, `Profiler` domain) runs from navigation until the first
chart is visible. Prints the time to the chart and the sampled time per script file of
Streamlit's front end, then per function: what to look at when `cold_start.py` misses.
A file often names an element kind (`StreamlitSyntaxHighlighter`: `st.code`,
`StreamlitMarkdown`: Markdown); `(program)` is the browser's own work (style, layout,
paint), `(idle)` waiting for the network or the server.

    .venv/bin/python bench/first_load_profile.py [--path /map] [--top 14]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import APP, BARE_APP, Server, load_average, served_browser  # noqa: E402

CHART = "[data-testid=stVegaLiteChart] svg"
Profile = tuple[float, collections.Counter, collections.Counter]


def profile(script: Path, path: str) -> Profile:
    """(seconds to the first chart, µs per script file, µs per (function, file))."""
    server = Server(script)
    with served_browser({"app": server}) as (browser, _):
        page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 500})
        cdp.send("Profiler.start")
        start = time.perf_counter()
        page.goto(server.url + path, wait_until="commit", timeout=60_000)
        page.locator(CHART).first.wait_for(timeout=60_000)
        seconds = time.perf_counter() - start
        found = cdp.send("Profiler.stop")["profile"]
    frames = {node["id"]: node["callFrame"] for node in found["nodes"]}
    by_file: collections.Counter = collections.Counter()
    by_function: collections.Counter = collections.Counter()
    for node, delta in zip(found["samples"], found["timeDeltas"], strict=True):
        frame = frames[node]
        name = frame["url"].rsplit("/", 1)[-1] or "(browser)"
        by_file[name] += delta
        by_function[(frame["functionName"] or "(anonymous)", name)] += delta
    return seconds, by_file, by_function


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/map", help="page of our app, e.g. /map")
    parser.add_argument("--top", type=int, default=14, help="rows per table (1..50)")
    args = parser.parse_args()
    if not 1 <= args.top <= 50:
        parser.error("--top must be 1..50")
    print(f"first load of {args.path} to its first chart; {load_average()}")
    ours, bare = profile(APP, args.path), profile(BARE_APP, "/")
    print(f"\nto the first chart: ours {ours[0]:.2f} s, bare app {bare[0]:.2f} s")
    for title, index in (("script file", 1), ("function, file", 2)):
        print(f"\n{'main thread ms by ' + title:<64}{'ours':>9}{'bare':>9}")
        for key, micro in ours[index].most_common(args.top):
            label = key if isinstance(key, str) else f"{key[0]}  {key[1]}"
            print(f"{label[:62]:<64}{micro / 1000:>9.1f}{bare[index][key] / 1000:>9.1f}")


if __name__ == "__main__":
    main()
