"""Fetch table 0003060791 from e-Stat's API v3 (getStatsData, JSON) with stdlib urllib.

The app ID is a secret: it goes into the request URL and nowhere else. Errors
are rebuilt from scratch (no exception text that could carry the URL), every
message is passed through `redact`, and exceptions are raised `from None` so
no traceback holds the URL. The request recorded in the provenance is
`stats_data_params(...)`, which never contains the app ID.

Request (verified against code that fetches this table: the parameter names,
cdCat01/cdCat03/cdTime as comma-separated codes, time codes "YYYY0"):
all industries (no cdCat02: we keep the map's 25 and the other manufacturing
sub-industries after checking their names, and the response stays small:
6 items × about 60 industries × 1 size × the years), items 148, 012, 013, 014,
016, 072, size class 26, the requested fiscal years. Paging: while
RESULT_INF has NEXT_KEY, ask again with startPosition=NEXT_KEY.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

from genai_impact import __version__
from genai_impact.official.catalogue import ALL_SIZES_CODE, ITEMS, TABLE_ID, time_code_for
from genai_impact.official.estat_parse import EstatTable, StatsImportError, fail, parse_estat_file
from genai_impact.report.validation import Problem

DEFAULT_API_BASE = "https://api.e-stat.go.jp/rest/3.0/app"
ENDPOINT = "json/getStatsData"
MAX_PAGES = 50
TIMEOUT_SECONDS = 60
SOURCE = "e-Stat API"


def stats_data_params(years: list[int]) -> dict[str, str]:
    """The getStatsData parameters for `years`, without the app ID (safe to store and show)."""
    return {
        "statsDataId": TABLE_ID,
        "cdCat01": ",".join(item.code for item in ITEMS),
        "cdCat03": ALL_SIZES_CODE,
        "cdTime": ",".join(time_code_for(y) for y in years),
        "lang": "J",
        "metaGetFlg": "Y",
        "cntGetFlg": "N",
        "explanationGetFlg": "N",
        "annotationGetFlg": "Y",
        "replaceSpChars": "0",
    }


def endpoint_url(api_base: str) -> str:
    return f"{api_base.rstrip('/')}/{ENDPOINT}"


def redactor(app_id: str) -> Callable[[str], str]:
    """A function that removes the app ID (raw and URL-encoded) from a text."""
    forms = {app_id, urllib.parse.quote(app_id, safe=""), urllib.parse.quote_plus(app_id)}
    forms = {f for f in forms if f}

    def redact(text: str) -> str:
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "[app id]")
        return text

    return redact


def fetch_pages(
    app_id: str, params: dict[str, str], api_base: str = DEFAULT_API_BASE
) -> list[EstatTable]:
    """Every page of the answer, parsed and with RESULT STATUS checked."""
    if not app_id.strip():
        raise fail(SOURCE, "the e-Stat app ID is empty")
    redact = redactor(app_id)
    pages: list[EstatTable] = []
    start: str | None = None
    while True:
        if len(pages) >= MAX_PAGES:
            raise fail(SOURCE, f"more than {MAX_PAGES} pages; stopped (NEXT_KEY keeps coming)")
        query = dict(params, appId=app_id)
        if start is not None:
            query["startPosition"] = start
        label = f"{SOURCE}, page {len(pages) + 1}"
        body = _get(endpoint_url(api_base) + "?" + urllib.parse.urlencode(query), label, redact)
        try:
            page = parse_estat_file(body, label)
        except Exception as error:  # the body could echo the request: redact its messages
            raise redacted(error, redact) from None
        pages.append(page)
        if not page.next_key:
            return pages
        if page.next_key == start:
            raise fail(label, f"NEXT_KEY {page.next_key} does not advance; stopped")
        start = page.next_key


def _get(url: str, label: str, redact: Callable[[str], str]) -> bytes:
    request = urllib.request.Request(
        url,
        headers={"Accept": "application/json", "User-Agent": f"genai-impact/{__version__}"},
    )
    host = urllib.parse.urlsplit(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise fail(label, redact(f"{host} answered HTTP {error.code} {error.reason}")) from None
    except urllib.error.URLError as error:
        raise fail(label, redact(f"cannot reach {host}: {error.reason}")) from None
    except TimeoutError:
        raise fail(label, f"{host} did not answer within {TIMEOUT_SECONDS} s") from None
    except OSError as error:
        raise fail(label, redact(f"cannot reach {host}: {error.strerror or error}")) from None
    return body


def redacted(error: Exception, redact: Callable[[str], str]) -> Exception:
    """The error with the app ID removed from every message."""
    if isinstance(error, StatsImportError):
        return StatsImportError(
            [Problem(p.file, redact(p.path), redact(p.message)) for p in error.problems]
        )
    return fail(SOURCE, redact(f"cannot read the answer: {error}"))
