"""`genai-impact stats fetch` against a fake e-Stat API on loopback (no network), and the app ID.

The fake serves SYNTHETIC answers (tests/estat_fixtures.py). Every test also
checks that the app ID appears nowhere: not on stdout or stderr, not in any
file written under the data directory.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from estat_fixtures import statistical_data, stats_data, to_json_bytes, values_of
from stats_helpers import bundled_copy, official_files, run, written

SENTINEL = "SENTINEL-appid-7f3c9e"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return bundled_copy(tmp_path)


class FakeEstat:
    """Answers GET …/json/getStatsData from a script: startPosition -> (status, type, body)."""

    def __init__(self) -> None:
        self.answers: dict[str | None, tuple[int, str, bytes]] = {}
        self.requests: list[dict[str, str]] = []
        self.paths: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                fake.paths.append(url.path)
                fake.requests.append(query)
                status, content_type, body = fake.answers.get(
                    query.get("startPosition"), (404, "text/plain", b"no such page")
                )
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_: Any) -> None:  # the request line holds the app ID
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/rest/3.0/app"

    def answer_json(self, response: dict[str, Any], start: str | None = None) -> None:
        self.answers[start] = (200, "application/json;charset=utf-8", to_json_bytes(response))


@pytest.fixture
def fake() -> Iterator[FakeEstat]:
    server = FakeEstat()
    # a short poll: shutdown() waits up to one poll interval (0.5 s by default, per test)
    serve = {"poll_interval": 0.02}
    thread = threading.Thread(target=server.server.serve_forever, kwargs=serve, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def fetch(capsys, data_dir: Path, fake: FakeEstat, *extra: str) -> tuple[int, str, str]:
    return run(
        capsys, "stats", "fetch", "--years", "2021-2022", "--data-dir", data_dir,
        "--api-base", fake.base, *extra,
    )  # fmt: skip


def assert_app_id_nowhere(out: str, err: str, data_dir: Path) -> None:
    assert SENTINEL not in out and SENTINEL not in err
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert SENTINEL.encode() not in path.read_bytes(), path


def paged(response: dict[str, Any], first: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The response split in two pages as e-Stat pages it (NEXT_KEY on the first)."""
    values = values_of(response)
    total = len(values)
    one, two = json.loads(json.dumps(response)), json.loads(json.dumps(response))
    statistical_data(one)["DATA_INF"]["VALUE"] = values[:first]
    statistical_data(one)["RESULT_INF"] = {
        "TOTAL_NUMBER": total, "FROM_NUMBER": 1, "TO_NUMBER": first, "NEXT_KEY": first + 1,
    }  # fmt: skip
    statistical_data(two)["DATA_INF"]["VALUE"] = values[first:]
    statistical_data(two)["RESULT_INF"] = {
        "TOTAL_NUMBER": total, "FROM_NUMBER": first + 1, "TO_NUMBER": total,
    }  # fmt: skip
    return one, two


def test_fetch_follows_next_key_and_records_the_request_without_the_app_id(capsys, data_dir, fake):
    one, two = paged(stats_data(), first=20)
    fake.answer_json(one)
    fake.answer_json(two, start="21")
    code, out, err = fetch(capsys, data_dir, fake, "--app-id", SENTINEL)
    assert (code, err) == (0, "")
    assert "4 of 25 map sectors (4 industries in all) for FY2021–2022" in out
    assert fake.paths == ["/rest/3.0/app/json/getStatsData"] * 2
    first, second = fake.requests
    assert first["appId"] == SENTINEL and "startPosition" not in first
    assert second["startPosition"] == "21"
    assert first["statsDataId"] == "0003060791" and first["cdCat03"] == "26"
    assert first["cdCat01"] == "148,012,013,014,016,072"
    assert first["cdTime"] == "20210,20220" and "cdCat02" not in first
    prov = written(data_dir)["provenance"]
    assert prov["method"] == "fetch" and prov["input_file"] is None
    assert prov["request"]["endpoint"] == fake.base + "/json/getStatsData"
    assert prov["request"]["pages"] == 2
    assert prov["request"]["params"] == {k: v for k, v in first.items() if k != "appId"}
    assert len(written(data_dir)["figures"]) == 37 * 2
    assert_app_id_nowhere(out, err, data_dir)


def test_app_id_from_the_environment(capsys, data_dir, fake, monkeypatch):
    monkeypatch.setenv("ESTAT_APP_ID", SENTINEL)
    fake.answer_json(stats_data())
    code, out, err = fetch(capsys, data_dir, fake)
    assert code == 0 and fake.requests[0]["appId"] == SENTINEL
    assert_app_id_nowhere(out, err, data_dir)


def test_no_app_id_is_a_usage_error(capsys, data_dir, fake, monkeypatch):
    monkeypatch.delenv("ESTAT_APP_ID", raising=False)
    code, out, err = fetch(capsys, data_dir, fake)
    assert (code, out) == (2, "")
    assert err == "error: no e-Stat app ID: pass --app-id or set ESTAT_APP_ID\n"
    assert fake.requests == []


def _error_answer(message: str) -> dict[str, Any]:
    return {
        "GET_STATS_DATA": {
            "RESULT": {"STATUS": 100, "ERROR_MSG": message, "DATE": "2026-11-26T10:00:00+09:00"},
            "PARAMETER": {"LANG": "J", "STATS_DATA_ID": "0003060791"},
        }
    }


FAILURES = [
    # e-Stat answers, but not with data
    ("status", (200, "application/json", to_json_bytes(_error_answer("synthetic error"))),
     ["e-Stat API, page 1: e-Stat returned STATUS 100: synthetic error"]),
    ("status-echoing-the-app-id",
     (200, "application/json", to_json_bytes(_error_answer(f"appId {SENTINEL} unknown"))),
     ["STATUS 100: appId [app id] unknown"]),
    ("html", (200, "text/html", b"<!DOCTYPE html><html><title>Busy</title></html>"),
     ["HTML page (title: 'Busy')"]),
    ("not-json", (200, "application/json", b'{"GET_STATS_DATA": '), ["not complete JSON"]),
    # the HTTP layer
    ("http-500", (500, "text/plain", b"oops"), ["answered HTTP 500"]),
    ("http-403", (403, "text/plain", SENTINEL.encode()), ["answered HTTP 403"]),
]  # fmt: skip


@pytest.mark.parametrize(
    "answer, fragments", [c[1:] for c in FAILURES], ids=[c[0] for c in FAILURES]
)
def test_fetch_failure_is_named_and_writes_nothing(capsys, data_dir, fake, answer, fragments):
    fake.answers[None] = answer
    code, out, err = fetch(capsys, data_dir, fake, "--app-id", SENTINEL)
    assert (code, out) == (1, "")
    for fragment in fragments:
        assert fragment in err
    assert err.endswith("error: nothing was written\n")
    assert official_files(data_dir) == []
    assert_app_id_nowhere(out, err, data_dir)


def test_unreachable_server(capsys, data_dir, fake):
    fake.server.server_close()  # nothing listens on that port any more
    code, out, err = fetch(capsys, data_dir, fake, "--app-id", SENTINEL)
    assert code == 1 and "error: e-Stat API, page 1: cannot reach 127.0.0.1:" in err
    assert_app_id_nowhere(out, err, data_dir)


def test_next_key_that_does_not_advance_stops(capsys, data_dir, fake):
    one, _ = paged(stats_data(), first=20)
    fake.answer_json(one)
    fake.answer_json(one, start="21")  # e-Stat keeps saying NEXT_KEY 21
    code, out, err = fetch(capsys, data_dir, fake, "--app-id", SENTINEL)
    assert code == 1 and "NEXT_KEY 21 does not advance" in err
    assert len(fake.requests) == 2
    assert_app_id_nowhere(out, err, data_dir)


def test_checks_run_on_fetched_data_too(capsys, data_dir, fake):
    response = stats_data()
    statistical_data(response)["TABLE_INF"]["@id"] = "0003060191"
    fake.answer_json(response)
    code, _, err = fetch(capsys, data_dir, fake, "--app-id", SENTINEL)
    assert code == 1 and "table id is '0003060191'" in err


@pytest.mark.parametrize(
    "years, message",
    [("2024-2018", "low to high"), ("1900", "years run from 1960"), ("last", "not a year")],
)
def test_bad_years_are_usage_errors(capsys, data_dir, years, message):
    code, _, err = run(capsys, "stats", "fetch", "--years", years, "--app-id", SENTINEL)
    assert code == 2 and message in err and SENTINEL not in err


def test_app_id_echoed_in_an_answer_that_fails_a_check_is_redacted(capsys, data_dir, fake):
    response = stats_data()
    table = statistical_data(response)["TABLE_INF"]
    table.update({"@id": "0003060191", "TITLE": {"@no": "", "$": f"table for {SENTINEL}"}})
    fake.answer_json(response)
    code, out, err = fetch(capsys, data_dir, fake, "--app-id", SENTINEL)
    assert code == 1 and "(table for [app id])" in err
    assert_app_id_nowhere(out, err, data_dir)


def test_app_id_echoed_in_a_good_answer_is_not_written(capsys, data_dir, fake):
    response = stats_data()
    statistical_data(response)["TABLE_INF"]["TITLE"] = {"@no": "", "$": f"echo {SENTINEL}"}
    fake.answer_json(response)
    code, out, err = fetch(capsys, data_dir, fake, "--app-id", SENTINEL)
    assert code == 0
    assert written(data_dir)["provenance"]["table_title"] == "echo [app id]"
    assert_app_id_nowhere(out, err, data_dir)
