"""AppTest of /business_types in both languages: the table with the report's ★ and the
reading's legend, each type's points, the example industries' elements linking to their
profiles, and the two CSV downloads; presenting shows the table alone."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs

import pytest
from apptest_helpers import open_page
from data_dirs import BUNDLED_DATA

from genai_impact.exports.table_csv import BOM
from genai_impact.report.load import load_dataset
from genai_impact.text.i18n import t

DS = load_dataset(BUNDLED_DATA)


def page_params(lang: str, **more: str) -> dict[str, str]:
    return {**({"lang": lang} if lang != "ja" else {}), **more}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_shows_the_table_the_reading_and_the_industries(lang: str, downloads) -> None:
    at = open_page("business_types", page_params(lang))
    assert at.title[0].value == t("business_types.title", lang)
    table = DS.business_type_table
    text = "\n".join(m.value for m in at.markdown)
    assert table.headline.text.in_lang(lang)[:20] in text.replace("\\", "")
    # the table: one row per type, ★ as the report prints them, marked as read
    overview = at.table[0].value
    assert len(overview) == 4
    assert "★★★†" in overview.to_string()
    captions = [c.value for c in at.caption]
    assert any(c.startswith("†") for c in captions)  # the reading's rule
    assert any("個人のエンパワメント" in c or "Empowerment of individuals" in c for c in captions)
    # each type's points
    for business_type in DS.business_types:
        for cell in business_type.impacts:
            for point in cell.points:
                assert point.text.in_lang(lang)[:12] in text.replace("\\", "")
    # the 19 industries, each a link to its profile
    links = [link for link in at.get("page_link") if link.proto.page == "industries"]
    opened = [parse_qs(link.proto.query_string).get("industry") for link in links]
    opened = [ids for ids in opened if ids]  # the navigation's own link has none
    assert opened == [[industry.id] for industry in DS.industries]  # in the report's order
    # two CSV downloads (the table, the elements), both with the BOM and provenance
    files = [downloads[b.proto.deferred_file_id] for b in at.get("download_button")]
    assert len(files) == 2
    for name, mime, make in files:
        assert mime == "text/csv" and name.endswith(".csv")
        data = make()
        assert data.startswith(BOM)
        rows = list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"), newline="")))
        assert len(rows) > 19


def test_presenting_shows_the_table_alone() -> None:
    at = open_page("business_types", {"present": "1"})
    assert len(at.table) == 1
    assert not [link for link in at.get("page_link") if "industry=" in link.proto.query_string]
    assert not at.get("download_button")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_sources_table_opens_with_its_csv(lang):
    at = open_page("business_types", lang=lang)
    sections = ("headline", "table", "detail")
    for section in sections:
        at.session_state[f"sources-business_types-{section}"] = True
    at.run()
    assert not at.exception
    assert len(at.table) >= len(sections)  # each opened section's table is drawn


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_footer_says_where_the_lines_are_and_the_stars_carry_their_mark(lang):
    # regression: the footer still said each value shows its lines beside it and opens on
    # a click (the per-value badges are gone), and the cards' ★ stood apart from their †
    at = open_page("business_types", page_params(lang))
    captions = [c.value for c in at.caption]
    assert t("readings_look.footer", lang) in captions
    assert t("common.footer.basis", lang) not in captions
    text = "\n".join(m.value for m in at.markdown)
    assert "★★★\u2060†" in text and "★ " not in text
