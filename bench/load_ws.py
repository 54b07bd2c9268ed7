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
timeouts, server CPU (cores), server RSS and RSS per session, the driver's own CPU
(cores), so a reader sees whether the driver was the bottleneck, and the slowest answer of
the health endpoint (what a container's HEALTHCHECK asks) while the level ran.
`--recovery S`: S seconds after the ramp, one participant again: the server's memory
against before the load and its p95 against level 1's. The last line is
`capacity N`: the largest level whose p95 is at most max(2 × the one-participant p95,
0.25 s) with no error and no timeout (level 1 always runs first). The ramp goes on past a
level that misses the bound, so its figures show how the server degrades, and stops
after a level that broke (errors or timeouts) unless `--all-levels`.

    .venv/bin/python bench/load_ws.py [--levels 1,10,40] [--seconds 20] [--pause 15]
    .venv/bin/python bench/load_ws.py --url http://127.0.0.1:8080 --pid 1234 --pid 1240

By default it starts its own server (serve.py, as `make run`) on a free loopback port;
`--replicas N` starts N behind nginx, configured with the deployment's template.
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
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from websockets.asyncio.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import APP, Server, cpu_seconds, load_average, median, p95  # noqa: E402
from _ws_protocol import MIX, Participant, Tally, participant  # noqa: E402

MAX_PARTICIPANTS = 400

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
    health_max: float = 0.0  # slowest answer of /_stcore/health during the level, s
    health_failures: int = 0

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
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:  # the process is gone: the level's errors will say why
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def driver_cpu() -> float:
    t = os.times()
    return t.user + t.system


def endpoints(url: str) -> tuple[str, str]:
    """(the websocket's URL, the page's origin) for a server's URL."""
    origin = url.rstrip("/")
    parts = urllib.parse.urlsplit(origin)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream", origin


async def run_level(
    url: str,
    n: int,
    seconds: float,
    pids: list[int],
    args: argparse.Namespace,
) -> Level:
    ws_url, origin = endpoints(url)
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
    health: list[float | None] = []
    while waiting and time.monotonic() < hard_stop:
        _, waiting = await asyncio.wait(waiting, timeout=0.5)
        now = rss_mb(pids)
        peak = max(peak, now) if peak is not None and now is not None else now
        health.append(await asyncio.to_thread(health_check, origin))
    for task in waiting:  # bounded: whatever is still running past the hard stop
        task.cancel()
        tally.timeouts += 1
    await asyncio.gather(*tasks, return_exceptions=True)
    wall = time.monotonic() - t0
    server = (cpu_seconds(pids) - cpu0) / wall if pids else None
    answered = [h for h in health if h is not None]
    return Level(
        n, tally, wall, server, rss_before, peak, (driver_cpu() - dcpu0) / wall,
        max(answered, default=0.0), len(health) - len(answered),
    )  # fmt: skip


def health_check(origin: str, timeout: float = 5.0) -> float | None:
    """Seconds /_stcore/health took to answer 200 (what Docker's HEALTHCHECK asks), or
    None when it did not within `timeout`."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"{origin}/_stcore/health", timeout=timeout) as answer:
            return time.monotonic() - started if answer.status == 200 else None
    except OSError:
        return None


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
        f"level {level.n:>3}: reruns {len(t.reruns)} ({len(t.reruns) / level.wall:.1f}/s), "
        f"p50 {fmt(median(t.reruns))} s, "
        f"p95 {fmt(level.p95)} s, errors {t.errors}, timeouts {t.timeouts}, "
        f"first loads {len(t.first_loads)}, p95 {fmt(p95(t.first_loads))} s, "
        f"server CPU {fmt(level.server_cores, '.2f')} cores, "
        f"server RSS {fmt(level.rss_peak, '.0f')} MB (from {fmt(level.rss_before, '.0f')}), "
        f"RSS per session {fmt(per_session, '.2f')} MB, "
        f"driver CPU {level.driver_cores:.2f} cores, "
        f"health max {level.health_max:.3f} s ({level.health_failures} unanswered)",
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
    ap.add_argument("--all-levels", action="store_true", help="go on after errors or timeouts")
    ap.add_argument("--log", type=Path, help="the started server's output")
    ap.add_argument("--replicas", type=int, default=1, help="start this many servers behind nginx")
    ap.add_argument(
        "--recovery",
        type=float,
        default=0,
        help="after the ramp, wait this long, then one participant again (memory and p95)",
    )
    args = ap.parse_args(argv)
    args.levels = sorted({int(x) for x in args.levels.split(",") if x.strip()} | {1})
    if args.levels[-1] > MAX_PARTICIPANTS or args.levels[0] < 1:
        ap.error(f"levels go from 1 to {MAX_PARTICIPANTS}")
    if not 0 < args.think_min <= args.think_max:
        ap.error("think times: 0 < --think-min <= --think-max")
    return args


async def warm_up(url: str, args: argparse.Namespace) -> None:
    """Each page of the mix opened and changed twice, in both languages, untimed: the first
    run of a page after a start loads its code and fills caches (seconds)."""
    ws_url, origin = endpoints(url)
    started = time.monotonic()
    for scenario, _ in MIX:
        for lang in ("ja", "en"):
            p = Participant(ws_url, origin, scenario, lang, random.Random(args.seed))
            async with connect(ws_url, subprotocols=["streamlit"], max_size=None) as ws:
                await p.run(ws, "", 120)
                for _ in range(2):
                    await p.run(ws, p.change(), 120)
    print(f"warmed up in {time.monotonic() - started:.1f} s", flush=True)


async def ramp(url: str, pids: list[int], args: argparse.Namespace) -> list[Level]:
    await warm_up(url, args)
    levels: list[Level] = []
    for i, n in enumerate(args.levels):
        if i:
            await asyncio.sleep(args.pause)
        level = await run_level(url, n, args.seconds, pids, args)
        report(level)
        levels.append(level)
        if not args.all_levels and (level.tally.errors or level.tally.timeouts):
            print(f"level {n} broke (errors or timeouts): the ramp stops here")
            break
    if args.recovery > 0 and levels:
        await asyncio.sleep(args.recovery)
        after = await run_level(url, 1, args.seconds, pids, args)
        first = levels[0]
        grown = (
            f"{(after.rss_before / first.rss_before - 1) * 100:+.0f} %"
            if after.rss_before and first.rss_before
            else "n/a"
        )
        slower = after.p95 / first.p95 if first.p95 else float("nan")
        print(
            f"recovery {args.recovery:g} s after the load: server RSS "
            f"{fmt(after.rss_before, '.0f')} MB ({grown} against before the load, target"
            f" within 20 %), one participant's p95"
            f" {fmt(after.p95)} s ({fmt(slower, '.2f')}× level 1's, target within 1.5×)",
            flush=True,
        )
    return levels


def start_servers(args: argparse.Namespace) -> tuple[str, list[int], list]:
    """Our own server, or `--replicas N` of them behind nginx with the deployment's template
    (`deploy/nginx-replicas.conf`, wrapped as the replica test wraps it): (URL, PIDs, what
    to stop)."""
    servers = [Server(APP, log=args.log) for _ in range(max(1, args.replicas))]
    for server in servers:
        ready = server.wait_healthy()
    print(f"{len(servers)} server(s) ready in {ready:.1f} s (serve.py, defaults)", flush=True)
    pids = [s.proc.pid for s in servers]
    if args.replicas <= 1:
        return servers[0].url, pids, servers
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))
    from nginx_proxy import Proxy  # the tests' nginx, on loopback (needs the nginx package)

    folder = Path(tempfile.mkdtemp(prefix="load-ws-nginx-"))
    proxy = Proxy(folder, [s.port for s in servers])
    proxy.wait_ready()
    print(f"nginx in front of {len(servers)} replicas at {proxy.url}", flush=True)
    return proxy.url, pids, [*servers, proxy]


def run(args: argparse.Namespace) -> list[Level]:
    """The ramp, its figures printed level by level, and the capacity line last."""
    started: list = []
    if args.url:
        loopback_only(args.url)
        url, pids = args.url, args.pid
    else:
        url, pids, started = start_servers(args)
    think = f"{args.think_min:g}-{args.think_max:g} s"
    print(
        f"{load_average()}; levels {args.levels}, {args.seconds:g} s each, "
        f"pause {args.pause:g} s, think {think}",
        flush=True,
    )
    try:
        levels = asyncio.run(ramp(url, pids, args))
    finally:
        for item in reversed(started):
            item.stop()
    cap, bound = capacity(levels)
    print(f"p95 bound {fmt(bound)} s; {load_average()}")
    print(f"capacity {cap}", flush=True)
    return levels


def main(argv: list[str] | None = None) -> int:
    run(parse_args(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
