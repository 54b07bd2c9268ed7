"""Load without browsers: simulated participants speaking Streamlit's own websocket protocol.

Each participant opens a websocket to /_stcore/stream (subprotocol "streamlit", binary
protobuf frames), asks for a run of one page (a BackMsg `rerun_script`), reads ForwardMsgs
until `script_finished`, then every 3 to 5 s (think time, drawn at random, seeded) changes
one real widget of that page, as a browser would, and times send → script finished. The
widget's id, its current value and the live section (fragment) it sits in are read from
the page's own elements; the rerun asks for that fragment, as the front end does.

A workshop's mix: /map filters mostly, an industry's profile and its comparison, the
impacts matrix; half the participants in English. Levels ramp up (default 1, 5, 10, 20,
40, 80, 160 participants), each `--seconds` long, and a pause between levels lets the
server release the closed sessions. Per level: p50 and p95 rerun latency, errors,
timeouts, server CPU (cores), server RSS and RSS per session, and the driver's own CPU
(cores), so a reader sees whether the driver was the bottleneck. The last line is
`capacity N`: the largest level whose p95 is at most max(2 × the one-participant p95,
0.25 s) with no error and no timeout (level 1 always runs first; a level that misses it
ends the ramp unless `--all-levels`).

    .venv/bin/python bench/load_ws.py [--levels 1,10,40] [--seconds 20] [--pause 15]
    .venv/bin/python bench/load_ws.py --url http://127.0.0.1:8080 --pid 1234 --pid 1240

By default it starts its own server (serve.py, as `make run`) on a free loopback port.
`--url` aims at a running server or at replicas behind a proxy; `--pid` names the server
processes on this machine whose CPU and memory to read from /proc (none: not printed).
Only loopback addresses are accepted. Every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import random
import socket
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import APP, Server, cpu_seconds, load_average, median, p95  # noqa: E402

FINISHED_OK = (
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
)
MAX_PARTICIPANTS = 400
MAX_CACHED_RUNS = 2  # the front end's cache keeps a message this many runs (maxCachedMessageAge)


@dataclass(frozen=True)
class Scenario:
    """A page to open (its path and query string) and the widgets a participant changes
    there, by key, each with a weight."""

    path: str
    widgets: tuple[tuple[str, int], ...]


# A workshop: the map's filters mostly, a profile and its comparison, the impacts matrix.
MIX: tuple[tuple[Scenario, int], ...] = (
    (Scenario("/map", (("map_arch", 4), ("map_phase", 1), ("map_kind", 1))), 6),
    (Scenario("/industries", (("industry_choice", 2), ("compare_choice", 1))), 2),
    (Scenario("/impacts", (("impacts_arch", 2), ("impacts_type", 1))), 2),
)


# What the browser holds for each widget: its state as the front end would send it


def widget_of(element) -> tuple[str, object] | None:
    """(kind, proto) of an element that is a widget with a keyed id, else None."""
    kind = element.WhichOneof("type")
    proto = getattr(element, kind, None) if kind else None
    if proto is None or not getattr(proto, "id", "").startswith("$$ID-"):
        return None
    return kind, proto


def browser_state(kind: str, w) -> WidgetState | None:
    """The state the front end sends for a widget it has just drawn: the server's value when
    it set one (`set_value`), else the default; an untouched selectbox without a default is
    its id alone. Buttons, downloads, charts and components send nothing until used."""
    s = WidgetState(id=w.id)
    if kind == "button_group":
        values = list(w.raw_values) if w.set_value else [w.options[i].content for i in w.default]
        s.string_array_value.data.extend(values)
    elif kind == "multiselect":
        values = list(w.raw_values) if w.set_value else [w.options[i] for i in w.default]
        s.string_array_value.data.extend(values)
    elif kind in ("selectbox", "radio"):
        if w.set_value and w.HasField("raw_value"):
            s.string_value = w.raw_value
        elif w.HasField("default") and 0 <= w.default < len(w.options):
            s.string_value = w.options[w.default]
    elif kind == "checkbox":
        s.bool_value = w.value if w.set_value else w.default
    elif kind == "text_input":
        s.string_value = w.value if w.set_value and w.HasField("value") else w.default
    elif kind == "slider":
        s.double_array_value.data.extend(w.value if w.set_value else w.default)
    else:
        return None
    return s


def key_of(widget_id: str) -> str:
    """`$$ID-<hash>-<key>` → key."""
    return widget_id.split("-", 2)[2] if widget_id.count("-") >= 2 else widget_id


def options_of(kind: str, w) -> list[str]:
    if kind == "button_group":
        return [o.content for o in w.options]
    return list(w.options)


@dataclass
class Widget:
    kind: str
    proto: object
    fragment: str  # the live section that draws it ("" outside any)
    state: WidgetState


# One participant


@dataclass
class Tally:
    """What the participants of one level measured."""

    reruns: list[float] = field(default_factory=list)
    first_loads: list[float] = field(default_factory=list)
    errors: int = 0
    timeouts: int = 0
    per_participant: list[int] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.messages) < 5:
            self.messages.append(what)


class RunFailed(Exception):
    pass


class Participant:
    """One browser tab's conversation with the server, without the browser."""

    def __init__(self, ws_url: str, origin: str, scenario: Scenario, lang: str, rng) -> None:
        self.ws_url, self.origin, self.scenario, self.rng = ws_url, origin, scenario, rng
        self.query = "lang=en" if lang == "en" else ""
        self.page_hash = ""
        self.widgets: dict[str, Widget] = {}  # by id
        self.cached: dict[str, int] = {}  # message hash → the run that last used it
        self.runs = 0

    def back_msg(self, fragment: str = "") -> bytes:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        if self.page_hash:
            cs.page_script_hash = self.page_hash
        else:  # the first run names the page by its path, as the front end does
            cs.page_name = self.scenario.path.strip("/")
        if fragment:
            cs.fragment_id = fragment
        cs.widget_states.widgets.extend(w.state for w in self.widgets.values())
        cs.cached_message_hashes.extend(self.cached)
        info = cs.context_info
        info.timezone, info.timezone_offset = "Asia/Tokyo", -540
        info.locale = "en-US" if self.query else "ja-JP"
        info.url = self.origin + self.scenario.path + (f"?{self.query}" if self.query else "")
        info.color_scheme = "light"
        return msg.SerializeToString()

    async def run(self, ws, fragment: str, timeout: float) -> float:
        """Send one rerun and read until it finishes: its wall seconds."""
        t0 = time.perf_counter()
        await ws.send(self.back_msg(fragment))
        async with asyncio.timeout(timeout):
            await self.read_until_finished(ws, fragment)
        return time.perf_counter() - t0

    async def read_until_finished(self, ws, fragment: str) -> None:
        self.runs += 1
        seen: dict[str, Widget] = {}
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            if msg.metadata.cacheable and msg.hash:
                self.cached[msg.hash] = self.runs
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                self.cached[msg.ref_hash] = self.runs
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "exception":
                    raise RunFailed(f"exception: {element.exception.message[:120]}")
                found = widget_of(element)
                if found:
                    self.keep(seen, *found, msg.delta.fragment_id)
            elif kind == "navigation" and msg.navigation.page_script_hash:
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":  # the page wrote the URL: the browser follows
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                raise RunFailed("page not found")
            elif kind == "script_finished":
                if msg.script_finished not in FINISHED_OK:
                    raise RunFailed(f"script finished with status {msg.script_finished}")
                self.finish(seen, fragment)
                return

    def keep(self, seen: dict[str, Widget], kind: str, proto, fragment: str) -> None:
        state = browser_state(kind, proto)
        if state is None:
            return
        held = self.widgets.get(proto.id)
        if held is not None and not getattr(proto, "set_value", False):
            state = held.state  # the browser keeps what the participant chose
        seen[proto.id] = Widget(kind, proto, fragment, state)

    def finish(self, seen: dict[str, Widget], fragment: str) -> None:
        """The front end forgets widgets the run did not draw: all of them after a full run,
        the fragment's own after a fragment run; and cached messages older than two runs."""
        if fragment:
            kept = {i: w for i, w in self.widgets.items() if w.fragment != fragment}
            self.widgets = {**kept, **seen}
        else:
            self.widgets = seen
        self.cached = {h: r for h, r in self.cached.items() if self.runs - r < MAX_CACHED_RUNS}

    def change(self) -> str:
        """Change one widget of the page as a participant would: its fragment id ("" when
        outside any live section)."""
        keys, weights = zip(*self.scenario.widgets, strict=True)
        key = self.rng.choices(keys, weights)[0]
        widget = next((w for w in self.widgets.values() if key_of(w.proto.id) == key), None)
        if widget is None:
            raise RunFailed(f"no widget {key} on {self.scenario.path}")
        options = options_of(widget.kind, widget.proto)
        state = WidgetState()
        state.CopyFrom(widget.state)
        multi = widget.kind == "multiselect" or (
            widget.kind == "button_group" and widget.proto.click_mode == widget.proto.MULTI_SELECT
        )
        if multi:  # toggle one option
            chosen = list(state.string_array_value.data)
            option = self.rng.choice(options)
            chosen = [c for c in chosen if c != option] if option in chosen else [*chosen, option]
            state.ClearField("string_array_value")
            state.string_array_value.data.extend(chosen)
        elif widget.kind == "button_group":  # single choice: another option
            current = list(state.string_array_value.data)
            option = self.rng.choice([o for o in options if o not in current] or options)
            state.ClearField("string_array_value")
            state.string_array_value.data.append(option)
        else:  # a selectbox: another option
            option = self.rng.choice([o for o in options if o != state.string_value] or options)
            state.string_value = option
        widget.state = state
        return widget.fragment


async def participant(
    p: Participant, tally: Tally, deadline: float, think: tuple[float, float], timeout: float
) -> None:
    """Open the page, then change a widget after each think time until the deadline. A run
    that fails or times out closes the tab; the participant opens the page again."""
    done = 0
    while time.monotonic() < deadline:
        try:
            async with connect(
                p.ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout,
                origin=p.origin, ping_interval=None, compression=None,
            ) as ws:  # fmt: skip
                p.page_hash, p.widgets, p.cached = "", {}, {}
                tally.first_loads.append(await p.run(ws, "", timeout))
                while True:
                    pause = p.rng.uniform(*think)
                    if time.monotonic() + pause >= deadline:
                        break
                    await asyncio.sleep(pause)
                    fragment = p.change()
                    tally.reruns.append(await p.run(ws, fragment, timeout))
                    done += 1
                break
        except TimeoutError:
            tally.timeouts += 1
        except RunFailed as e:
            tally.error(str(e))
        except OSError as e:  # refused, reset, closed
            tally.error(f"{type(e).__name__}: {e}")
        except Exception as e:  # noqa: BLE001  (websockets' ConnectionClosed and the like)
            tally.error(f"{type(e).__name__}: {e}")
    tally.per_participant.append(done)


# Levels


@dataclass
class Level:
    n: int
    tally: Tally
    wall: float
    server_cores: float | None
    rss_before: float | None
    rss_peak: float | None
    driver_cores: float

    @property
    def p95(self) -> float:
        return p95(self.tally.reruns)

    @property
    def ok(self) -> bool:
        return bool(self.tally.reruns) and not self.tally.errors and not self.tally.timeouts


def rss_mb(pids: list[int]) -> float | None:
    if not pids:
        return None
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def driver_cpu() -> float:
    t = os.times()
    return t.user + t.system


async def run_level(
    url: str, n: int, seconds: float, pids: list[int], args: argparse.Namespace
) -> Level:
    origin = url.rstrip("/")
    parts = urllib.parse.urlsplit(origin)
    scheme = "wss" if parts.scheme == "https" else "ws"
    ws_url = f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream"
    scenarios, weights = zip(*MIX, strict=True)
    tally = Tally()
    rss_before = rss_mb(pids)
    peak = rss_before
    cpu0, dcpu0, t0 = cpu_seconds(pids) if pids else 0.0, driver_cpu(), time.monotonic()
    deadline = t0 + seconds
    tasks = []
    for i in range(n):
        rng = random.Random(args.seed * 100_003 + n * 1_009 + i)
        scenario = rng.choices(scenarios, weights)[0]
        p = Participant(ws_url, origin, scenario, "en" if i % 2 else "ja", rng)
        coro = participant(p, tally, deadline, (args.think_min, args.think_max), args.timeout)
        tasks.append(asyncio.create_task(coro))
    waiting = set(tasks)
    hard_stop = deadline + args.timeout + 5  # the last run's own timeout bounds the wait
    while waiting and time.monotonic() < hard_stop:
        _, waiting = await asyncio.wait(waiting, timeout=0.5)
        now = rss_mb(pids)
        peak = max(peak, now) if peak is not None and now is not None else now
    for task in waiting:  # bounded: whatever is still running past the hard stop
        task.cancel()
        tally.timeouts += 1
    await asyncio.gather(*tasks, return_exceptions=True)
    wall = time.monotonic() - t0
    server = (cpu_seconds(pids) - cpu0) / wall if pids else None
    return Level(n, tally, wall, server, rss_before, peak, (driver_cpu() - dcpu0) / wall)


def fmt(value: float | None, spec: str = ".3f", unit: str = "") -> str:
    return "n/a" if value is None or value != value else f"{value:{spec}}{unit}"


def report(level: Level) -> None:
    t = level.tally
    per_session = (
        (level.rss_peak - level.rss_before) / level.n
        if level.rss_peak is not None and level.rss_before is not None
        else None
    )
    print(
        f"level {level.n:>3}: reruns {len(t.reruns)}, p50 {fmt(median(t.reruns))} s, "
        f"p95 {fmt(level.p95)} s, errors {t.errors}, timeouts {t.timeouts}, "
        f"first load p95 {fmt(p95(t.first_loads))} s, "
        f"server CPU {fmt(level.server_cores, '.2f')} cores, "
        f"server RSS {fmt(level.rss_peak, '.0f')} MB (from {fmt(level.rss_before, '.0f')}), "
        f"RSS per session {fmt(per_session, '.2f')} MB, "
        f"driver CPU {level.driver_cores:.2f} cores",
        flush=True,
    )
    for m in t.messages:
        print(f"    error: {m}")


def capacity(levels: list[Level]) -> tuple[int, float]:
    """The largest level with p95 ≤ max(2 × the one-participant p95, 0.25 s), no error and no
    timeout; and that bound."""
    single = next((lv for lv in levels if lv.n == 1), None)
    if single is None or not single.ok:
        return 0, float("nan")
    bound = max(2 * single.p95, 0.25)
    return max((lv.n for lv in levels if lv.ok and lv.p95 <= bound), default=0), bound


def loopback_only(url: str) -> None:
    """Load goes to this machine only (the bench's rule)."""
    host = urllib.parse.urlsplit(url).hostname or ""
    addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    if not addresses or not all(ipaddress.ip_address(a).is_loopback for a in addresses):
        raise SystemExit(f"--url must be a loopback address (127.0.0.0/8 or ::1), not {host}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--levels", default="1,5,10,20,40,80,160", help="participants per level")
    ap.add_argument("--seconds", type=float, default=30, help="length of each level")
    ap.add_argument(
        "--pause", type=float, default=15, help="seconds between levels (closed sessions go)"
    )
    ap.add_argument("--think-min", type=float, default=3.0)
    ap.add_argument("--think-max", type=float, default=5.0)
    ap.add_argument("--timeout", type=float, default=30, help="seconds a run may take")
    ap.add_argument("--url", help="a running server (or a proxy in front of replicas)")
    ap.add_argument("--pid", type=int, action="append", default=[], help="server process(es)")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--all-levels", action="store_true", help="go on past a missed level")
    ap.add_argument("--log", type=Path, help="the started server's output")
    args = ap.parse_args(argv)
    args.levels = sorted({int(x) for x in args.levels.split(",") if x.strip()} | {1})
    if args.levels[-1] > MAX_PARTICIPANTS or args.levels[0] < 1:
        ap.error(f"levels go from 1 to {MAX_PARTICIPANTS}")
    if not 0 < args.think_min <= args.think_max:
        ap.error("think times: 0 < --think-min <= --think-max")
    return args


async def ramp(url: str, pids: list[int], args: argparse.Namespace) -> list[Level]:
    levels: list[Level] = []
    for i, n in enumerate(args.levels):
        if i:
            await asyncio.sleep(args.pause)
        level = await run_level(url, n, args.seconds, pids, args)
        report(level)
        levels.append(level)
        cap, bound = capacity(levels)
        if not args.all_levels and (not level.ok or level.p95 > bound or cap < n):
            print(f"level {n} missed (p95 bound {fmt(bound)} s): the ramp stops here")
            break
    return levels


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    server = None
    if args.url:
        loopback_only(args.url)
        url, pids = args.url, args.pid
    else:
        server = Server(APP, log=args.log)
        print(f"server ready in {server.wait_healthy():.1f} s (serve.py, defaults)", flush=True)
        url, pids = server.url, [server.proc.pid]
    think = f"{args.think_min:g}-{args.think_max:g} s"
    print(
        f"{load_average()}; levels {args.levels}, {args.seconds:g} s each, "
        f"pause {args.pause:g} s, think {think}",
        flush=True,
    )
    try:
        levels = asyncio.run(ramp(url, pids, args))
    finally:
        if server is not None:
            server.stop()
    cap, bound = capacity(levels)
    print(f"p95 bound {fmt(bound)} s; {load_average()}")
    print(f"capacity {cap}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
