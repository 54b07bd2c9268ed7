"""The protocol-level load driver (bench/load_ws.py) against a real server: ten simulated
participants for ten seconds change filters on /map, /industries and /impacts, every one
of them gets its reruns back, none fails or times out, and the run ends with its
`capacity` line. No browser: the participants speak Streamlit's websocket protocol."""

from __future__ import annotations

import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from e2e_server import StreamlitServer

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
import load_ws  # noqa: E402

pytestmark = pytest.mark.e2e


def test_ten_participants_rerun_without_errors(session_server: StreamlitServer, capsys):
    # think 2-3 s: on a busy machine every participant still gets a change in
    args = load_ws.parse_args(
        ["--url", session_server.url, "--pid", str(session_server.proc.pid),
         "--levels", "1,10", "--seconds", "10", "--pause", "1", "--timeout", "45",
         "--think-min", "2", "--think-max", "3"]
    )  # fmt: skip
    # in a thread of its own: a browser test in this process may have left an event loop
    # running in this one, and the driver runs its own
    with ThreadPoolExecutor(max_workers=1) as pool:
        levels = pool.submit(load_ws.run, args).result(timeout=300)
    out = capsys.readouterr().out
    assert [lv.n for lv in levels] == [1, 10], out
    crowd = levels[-1].tally
    assert crowd.errors == 0 and crowd.timeouts == 0, (crowd.messages, out)
    assert len(crowd.per_participant) == 10, out
    assert all(done >= 1 for done in crowd.per_participant), (crowd.per_participant, out)
    assert len(crowd.first_loads) == 10, out  # each opened its page once, none reopened
    # every change reran only its page's live section, as a click in a browser does
    assert crowd.fragment_runs == len(crowd.reruns) == sum(crowd.per_participant), out
    line = r"^level +10: reruns \d+ \([\d.]+/s\), p50 [\d.]+ s, p95 [\d.]+ s, errors 0, timeouts 0"
    assert re.search(line, out, re.M), out
    assert re.fullmatch(r"capacity (0|1|10)", out.strip().splitlines()[-1]), out
