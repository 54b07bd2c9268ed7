"""Load: N concurrent browser sessions on 127.0.0.1 doing a scripted workshop.

One server of our app, one Chromium with a context per session. Each session opens the
home page, switches to English, opens the map, filters it (archetype pill E1), opens
/industries and an industry, goes back to the map and exports it as PNG (16:9, 2x; the
download's bytes are checked), and opens /sources: the scripted workshop.
First the script once alone (the single-session baseline, kept connected), then N
sessions at once. Prints p95 interaction time against single-session, errors, and the
server's memory per extra session (from /proc). Targets for a room: p95 <= 2x single,
zero errors, <= 30 MB per extra session. Bounded: at most 30 sessions, one deadline.

    .venv/bin/python bench/load.py [--sessions 20] [--deadline 480] [--think 5] [--ramp 10]
    .venv/bin/python bench/load.py --url http://server-host:8501   # browsers here, app there

Pacing: a room follows its driver, so each person pauses before each click: `--think`
seconds on average (each pause drawn uniformly from 0.5x to 1.5x, seeded, so runs
repeat), and people arrive spread over `--ramp` seconds. The pauses are not counted in
any time. `--think 0 --ramp 0` is the stress case: everyone clicks as fast as the
browser allows, all at once.

Extending the workshop: add a `Step` to WORKSHOP. Each session's PNG is a new view for
the server's export cache only once (the same filtered map), so the crowd's export step
measures mostly the cached path after the first; the single-session runs warm it too.
Caveat: on 2 cores the 20 browsers compete with the server for the CPU, so times
include the browsers' own rendering; the memory figure is the server's alone. So the
script also prints how many cores the server used during the crowd's run and how many
everything else on the machine did (the browsers, and any other job): when the
machine is saturated by the browsers, the p95 says more about the machine than about
the server, and the figure to trust is a run with the browsers on another host:
`--url` drives a server started elsewhere (`make run` there); its memory and CPU are then
read on that host (`ps`), not printed here.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Page, async_playwright, expect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    APP,
    CHROMIUM,
    CHROMIUM_ARGS,
    SETTLED_JS,
    Server,
    cpu_seconds,
    load_average,
    median,
    p95,
)
from interaction import CHART_MARKS, MARKS_ARE_JS  # noqa: E402

from genai_impact.text.i18n import t  # noqa: E402

MAX_SESSIONS = 30
STEP_TIMEOUT_MS = 90_000


async def settle(page: Page, title: str) -> None:
    heading = page.locator("[data-testid=stMain] h1").first
    await expect(heading).to_have_text(title, timeout=STEP_TIMEOUT_MS)
    await page.wait_for_function(SETTLED_JS, timeout=STEP_TIMEOUT_MS, polling=50)


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Page, str], Awaitable[None]]  # (page, server url)
    interaction: bool = True  # False: a page load, not counted as an interaction


async def open_home(page: Page, url: str) -> None:
    await page.goto(url + "/", timeout=STEP_TIMEOUT_MS)
    await settle(page, t("home.title", "ja"))


async def to_english(page: Page, url: str) -> None:
    await page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    await settle(page, t("home.title", "en"))


async def open_industries(page: Page, url: str) -> None:
    link = page.get_by_test_id("stSidebar").get_by_role("link", name=t("industries.nav", "en"))
    await link.click()
    await settle(page, t("industries.title", "en"))


async def open_an_industry(page: Page, url: str) -> None:
    await page.get_by_test_id("stMain").get_by_role("link", name="Media", exact=True).click()
    heading = page.get_by_role("heading", name="Media", exact=True)
    await expect(heading).to_be_visible(timeout=STEP_TIMEOUT_MS)
    await page.wait_for_function(SETTLED_JS, timeout=STEP_TIMEOUT_MS, polling=50)


async def open_map(page: Page, url: str) -> None:
    link = page.get_by_test_id("stSidebar").get_by_role("link", name=t("map.nav", "en"))
    await link.click()
    await settle(page, t("map.title", "en"))
    await expect(page.locator("[data-testid=stVegaLiteChart] svg").first).to_be_visible(
        timeout=STEP_TIMEOUT_MS
    )


def map_points_en(arch: tuple[str, ...]) -> list[str]:
    """The names of the points /map draws (schematic, bundled data, en) with these archetypes."""
    from genai_impact.report.load import load_dataset
    from genai_impact.views.map.layout import SIZES
    from genai_impact.views.map.query import MapFilters, schematic_view

    view = schematic_view(load_dataset(), MapFilters(archetypes=arch), "en", SIZES["screen"])
    return [str(r["name"]) for r in view.records]


E1_POINTS_EN = map_points_en(("E1",))


async def filter_map(page: Page, url: str) -> None:
    """The archetype pill E1: the chart's points become E1's (read from the marks' labels)."""
    await page.get_by_test_id("stMain").get_by_role("button", name="E1", exact=True).click()
    await page.wait_for_function(
        MARKS_ARE_JS,
        arg=[CHART_MARKS.format(layer="points_marks"), E1_POINTS_EN],
        timeout=STEP_TIMEOUT_MS,
        polling=50,
    )
    await page.wait_for_function(SETTLED_JS, timeout=STEP_TIMEOUT_MS, polling=50)


async def back_to_map(page: Page, url: str) -> None:
    await open_map(page, url)


async def export_png(page: Page, url: str) -> None:
    # exact: Streamlit's own chart toolbar has a "Download as PNG" button
    await page.get_by_role("button", name=t("workshop.download.button", "en"), exact=True).click()
    button = page.get_by_role("button", name=t("workshop.download.png", "en"))
    async with page.expect_download(timeout=STEP_TIMEOUT_MS) as info:
        await button.click()
    download = await info.value
    with open(await download.path(), "rb") as png:
        if png.read(8) != b"\x89PNG\r\n\x1a\n":
            raise ValueError("the map export is not a PNG")
    await page.keyboard.press("Escape")


async def open_sources(page: Page, url: str) -> None:
    link = page.get_by_test_id("stSidebar").get_by_role("link", name=t("sources.nav", "en"))
    await link.click()
    await settle(page, t("sources.title", "en"))


WORKSHOP = [
    Step("open home", open_home, interaction=False),
    Step("switch to English", to_english),
    Step("open the map", open_map),
    Step("filter the map", filter_map),
    Step("open industries", open_industries),
    Step("open an industry", open_an_industry),
    Step("back to the map", back_to_map),
    Step("export PNG", export_png),
    Step("open sources", open_sources),
]


@dataclass
class Session:
    times: dict[str, float]
    error: str | None = None


@dataclass(frozen=True)
class Pace:
    """How a person paces the workshop (pauses are not timed)."""

    think: float = 0.0  # mean pause before each click, s
    ramp: float = 0.0  # arrivals spread over this many s
    seed: int = 0

    def pauses(self) -> tuple[float, list[float]]:
        rng = random.Random(self.seed)
        arrive = rng.uniform(0, self.ramp) if self.ramp else 0.0
        return arrive, [self.think * rng.uniform(0.5, 1.5) for _ in WORKSHOP]


def machine_busy_seconds() -> float:
    """CPU seconds spent on all cores so far, not idle (/proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


async def workshop(browser, url: str, pace: Pace = Pace()) -> tuple[Session, object]:
    """One person's workshop; returns its timings and the context, kept open (connected)."""
    arrive, pauses = pace.pauses()
    await asyncio.sleep(arrive)
    context = await browser.new_context(
        viewport={"width": 1280, "height": 720}, locale="ja-JP", accept_downloads=True
    )
    page = await context.new_page()
    session = Session({})
    try:
        for step, pause in zip(WORKSHOP, pauses, strict=True):
            await asyncio.sleep(pause)
            start = time.perf_counter()
            await step.run(page, url)
            session.times[step.name] = time.perf_counter() - start
        if await page.get_by_test_id("stException").count():
            session.error = "exception shown"
    except Exception as error:  # noqa: BLE001 (a failed step is a counted error)
        session.error = f"{step.name}: {type(error).__name__}: {str(error).splitlines()[0][:160]}"
    return session, context


def interactions(sessions: list[Session]) -> list[float]:
    counted = {s.name for s in WORKSHOP if s.interaction}
    return [v for s in sessions for k, v in s.times.items() if k in counted]


class External:
    """A server started on another host (--url): reachable, but not ours to measure."""

    proc = None

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def wait_healthy(self) -> None:
        with urllib.request.urlopen(self.url + "/_stcore/health", timeout=10) as reply:
            if reply.read() != b"ok":
                raise RuntimeError(f"{self.url}/_stcore/health did not answer ok")

    def rss_mb(self) -> float:
        return math.nan

    def stop(self) -> None:
        pass


def server_cpu_seconds(server: Server | External) -> float:
    return cpu_seconds([server.proc.pid]) if server.proc else math.nan


async def main_async(
    n_sessions: int, deadline: float, think: float, ramp: float, url: str | None
) -> None:
    server = External(url) if url else Server(APP)
    try:
        server.wait_healthy()
        idle_mb = server.rss_mb()
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm, ctx = await workshop(browser, server.url)  # loads code and caches
            await ctx.close()
            singles, held = [], []
            for n in range(3):  # paced like the crowd (the pauses change no timed step)
                session, ctx = await workshop(browser, server.url, Pace(think, 0, 1000 + n))
                singles.append(session)
                held.append(ctx)
            for ctx in held[1:]:
                await ctx.close()
            await asyncio.sleep(2)
            one_mb = server.rss_mb()  # one connected session
            started = time.perf_counter()
            cpu0 = machine_busy_seconds(), server_cpu_seconds(server)
            tasks = [
                asyncio.create_task(workshop(browser, server.url, Pace(think, ramp, n)))
                for n in range(n_sessions)
            ]
            done, late = await asyncio.wait(tasks, timeout=deadline)
            for task in late:  # past the deadline: stopped, and counted as errors
                task.cancel()
            wall = time.perf_counter() - started
            machine_cpu = machine_busy_seconds() - cpu0[0]
            server_cpu = server_cpu_seconds(server) - cpu0[1]
            await asyncio.sleep(2)
            loaded_mb = server.rss_mb()  # one + n connected sessions
            results = [task.result() for task in tasks if task in done]
            results += [(Session({}, "past the deadline"), None) for _ in late]
            for _, ctx in results:
                if ctx is not None:
                    await ctx.close()
            await held[0].close()
            await browser.close()
    finally:
        server.stop()

    crowd = [s for s, _ in results]
    errors = [s.error for s in [warm, *singles, *crowd] if s.error]
    single, loaded = interactions(singles), interactions(crowd)
    print(f"load: {n_sessions} concurrent sessions on {server.url}; {load_average()}")
    print(f"pace: {think:g} s mean pause before each click, arrivals over {ramp:g} s"
          + (" (stress: no pauses)" if not think else ""))  # fmt: skip
    print(f"workshop: {' -> '.join(s.name for s in WORKSHOP)}")
    print(f"\n{'step':<22}{'single median s':>16}{'crowd median s':>16}{'crowd p95 s':>13}")
    for step in WORKSHOP:
        one = [s.times[step.name] for s in singles if step.name in s.times]
        many = [s.times[step.name] for s in crowd if step.name in s.times]
        print(f"{step.name:<22}{median(one):>16.2f}{median(many):>16.2f}{p95(many):>13.2f}")
    ratio = p95(loaded) / p95(single)
    print(f"\ninteraction p95: single {p95(single):.2f} s, {n_sessions} sessions "
          f"{p95(loaded):.2f} s -> {ratio:.2f}x (target <= 2x)")  # fmt: skip
    print(f"errors: {len(errors)} {errors if errors else ''}(target 0)")
    per_session = (loaded_mb - one_mb) / n_sessions
    if math.isnan(per_session):
        print("server RSS and CPU: not measured here (an external server: read them on its host)")
    else:
        print(f"server RSS: idle {idle_mb:.0f} MB, 1 session {one_mb:.0f} MB, "
              f"1+{n_sessions} sessions {loaded_mb:.0f} MB -> {per_session:.1f} MB per extra "
              "session (target <= 30 MB)")  # fmt: skip
    print(f"wall time of the {n_sessions}-session workshop: {wall:.1f} s")
    if not math.isnan(server_cpu):
        others = max(machine_cpu - server_cpu, 0.0)
        print(f"cores used during it (of {os.cpu_count()}): server {server_cpu / wall:.2f}, "
              f"everything else (the browsers, other jobs) {others / wall:.2f}")  # fmt: skip
    else:
        print(f"cores used here during it (of {os.cpu_count()}): {machine_cpu / wall:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=480, help="seconds for the crowd")
    parser.add_argument("--think", type=float, default=5, help="mean pause before a click, s")
    parser.add_argument("--ramp", type=float, default=10, help="arrivals spread over, s")
    parser.add_argument("--url", help="a server started elsewhere (default: start one here)")
    args = parser.parse_args()
    if not (0 <= args.think <= 60 and 0 <= args.ramp <= 120):
        parser.error("--think must be 0..60 s and --ramp 0..120 s")
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be 1..{MAX_SESSIONS}")
    if not 10 <= args.deadline <= 900:
        parser.error("--deadline must be 10..900 s")
    asyncio.run(main_async(args.sessions, args.deadline, args.think, args.ramp, args.url))


if __name__ == "__main__":
    main()
