"""Every URL parameter is documented in the README, and every documented example round-trips.

The README's `## URL parameters` table is the users' reference: one row per parameter
(`state.PARAMS`), the pages that read it, its values and an example link. Each example is
opened as a shared link would be; the page must keep exactly the example's parameters in
its URL (canonical form) and show no warning that something was dropped.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from apptest_helpers import open_page
from deck_helpers import store_deck
from map_stats import statistics_data_dir

from genai_impact import navigation, state

README = Path(__file__).resolve().parents[1] / "README.md"
HEADER = ["parameter", "pages", "values", "example"]


def url_parameter_rows() -> list[dict[str, str]]:
    """The rows of the README's `## URL parameters` table, cells without backticks."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## URL parameters\n", 1)[1].split("\n## ", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    assert cells and cells[0] == HEADER, cells[:1]
    rows = [dict(zip(HEADER, row, strict=True)) for row in cells[2:]]  # after the --- row
    return [{k: v.replace("`", "") for k, v in row.items()} for row in rows]


ROWS = url_parameter_rows()


def test_the_table_has_one_row_per_parameter_in_the_code():
    documented = [row["parameter"] for row in ROWS]
    assert sorted(documented) == sorted(state.PARAM_NAMES)
    assert len(documented) == len(set(documented))


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["parameter"])
def test_the_pages_column_names_the_pages_that_read_the_parameter(row):
    readers = {page.url_path for page in navigation.PAGES if row["parameter"] in page.params}
    named = set(re.findall(r"/[a-z_]*", row["pages"]))
    if row["parameter"] in navigation.GLOBAL_PARAMS:
        assert named <= readers and named, row  # "every page" may be said in words
    else:
        assert named == readers, row


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["parameter"])
def test_the_example_link_round_trips(row, tmp_path, capsys, monkeypatch):
    parts = urlsplit(row["example"])
    page = next(p for p in navigation.PAGES if p.url_path == parts.path)
    query = parse_qs(parts.query, keep_blank_values=True)
    assert row["parameter"] in query, f"the example does not use {row['parameter']}"
    if "year" in query:  # a fiscal year needs imported figures: SYNTHETIC ones here
        monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(statistics_data_dir(tmp_path, capsys)))
    if "deck" in query:  # a deck's link needs the deck: stored under the example's id and key
        store_deck(query["deck"][0], query.get("edit", ["k" * 43])[0])
    at = open_page(page.id, {k: v if len(v) > 1 else v[0] for k, v in query.items()})
    assert not at.warning, [w.value for w in at.warning]  # nothing dropped
    kept = {key: at.query_params.get(key) for key in query}
    assert {k: v if isinstance(v, list) else [v] for k, v in kept.items()} == query
