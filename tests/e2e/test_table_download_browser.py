"""A table's CSV in a real browser: /impacts, an archetype added with its pill, then the
matrix's CSV button. The file Chromium saves is named after the page and its filters,
is UTF-8 with a BOM, has Japanese headers and one row per cell of the matrix on screen,
with provenance.

The file and a screenshot of the button under the matrix land in $E2E_ARTIFACTS
(table-impacts.csv, table-impacts.png).
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from browser_helpers import wait_for_query, wait_until_rendered
from playwright.sync_api import Page, expect

from genai_impact.exports import page_tables
from genai_impact.exports.table_csv import BOM, PROVENANCE_COLUMNS, basis_text, provenance_header
from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t

pytestmark = pytest.mark.e2e


def test_impact_matrix_csv_download_follows_the_filters(page: Page, streamlit_url, artifacts):
    ds = load_dataset()
    page.goto(f"{streamlit_url}/impacts?arch=A")
    wait_until_rendered(page, t("impacts.title", "ja"))
    # archetype C added above the matrix: the URL, the matrix and the download follow
    page.get_by_test_id("stMain").get_by_role("button", name="C", exact=True).first.click()
    wait_for_query(page, "arch", ["A", "C"], timeout=60_000)
    wait_until_rendered(page, t("impacts.title", "ja"))
    shown = [i for i in ds.industries if i.archetype in ("A", "C")]
    note = t("impacts.matrix.shown", "ja", count=len(shown))
    expect(page.get_by_text(note, exact=False)).to_be_visible(timeout=60_000)
    button = page.get_by_role("button", name=t("workshop.download.csv", "ja"))
    button.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "table-impacts.png"))
    with page.expect_download(timeout=120_000) as download:
        button.click()
    # named after the page and its filters in Japanese, and the date
    name = download.value.suggested_filename
    assert re.fullmatch(r"genai-impact_構造的影響-類型-A-C_\d{4}-\d{2}-\d{2}\.csv", name), name
    data = open(download.value.path(), "rb").read()
    (artifacts / "table-impacts.csv").write_bytes(data)
    assert data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8")
    header = next(csv.reader(io.StringIO(text, newline="")))
    provenance = [provenance_header(c, "ja") for c in PROVENANCE_COLUMNS]
    assert header == [*page_tables.header(page_tables.IMPACT_COLUMNS, "ja")[:-5], *provenance]
    assert header[0] == t("tables.column.industry", "ja")
    codes = dict(zip(provenance, PROVENANCE_COLUMNS, strict=True))
    rows = [
        {codes.get(k, k): v for k, v in row.items()}
        for row in csv.DictReader(io.StringIO(text, newline=""))
    ]
    assert len(rows) == len(shown) * len(ds.impact_types)
    assert {r[header[0]] for r in rows} == {i.name.ja for i in shown}
    attributed = [r for r in rows if r["basis"]]
    assert len(attributed) == sum(len(i.impact_types) for i in shown) > 0
    assert all(r["source"] and r["lines"].startswith("L") for r in attributed)
    assert all(
        r["basis"] in (basis_text("stated", "ja"), basis_text("layout", "ja")) for r in attributed
    )
    assert all(r["note"] for r in rows if not r["basis"])  # an empty cell says why
