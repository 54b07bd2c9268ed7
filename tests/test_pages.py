"""AppTest smoke tests of every page in both languages, URL state, and the data-error page.

AppTest runs the scripts in-process without a browser; what only a browser shows
(the URL after a page switch, fonts) is covered in tests/e2e/.
"""

from __future__ import annotations

import pytest
from apptest_helpers import PAGES, open_page
from data_dirs import BUNDLED_DATA, copy_data

from genai_impact.report import query
from genai_impact.report.load import load_dataset
from genai_impact.text import display
from genai_impact.text.i18n import t
from genai_impact.ui import INDUSTRY_KEY, LANG_KEY

DS = load_dataset(BUNDLED_DATA)


def nodes(block):
    """Every element and block under `block`, depth first."""
    for child in getattr(block, "children", {}).values():
        yield child
        yield from nodes(child)


def of_type(block, kind: str) -> list:
    return [n for n in nodes(block) if n.type == kind]


def popover_labels(block) -> list[str]:
    return [n.proto.popover.label for n in of_type(block, "popover")]


def markdown_bodies(block) -> list[str]:
    return [n.value for n in of_type(block, "markdown")]


# 1. Every page, both languages --------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page_id", list(PAGES))
def test_page_renders_in_language(page_id, lang):
    at = open_page(page_id, lang=lang)
    assert [title.value for title in at.title] == [t(f"{page_id}.title", lang)]
    assert at.radio(key=LANG_KEY).value == lang
    assert len(at.warning) == 0 and len(at.error) == 0
    # the sidebar links every page, translated, and carries the language
    links = of_type(at.sidebar, "page_link")
    assert [link.proto.label for link in links] == [t(f"{p}.nav", lang) for p in PAGES]
    expected_query = "lang=en" if lang == "en" else ""
    assert {link.proto.query_string for link in links} == {expected_query}
    # the footer names the report
    citation = display.md_text(query.report_source(DS).citation, lang)
    assert t("common.footer.source", lang, citation=citation) in [c.value for c in at.caption]


def test_home_links_to_the_other_pages():
    at = open_page("home", lang="en")
    labels = [link.proto.label for link in of_type(at.main, "page_link")]
    assert labels == [f"**{t(f'{p}.nav', 'en')}**" for p in PAGES if p != "home"]


# 2. Industries: the profile, comparison, matrix and use-case pages are tested in
# tests/test_profile_pages.py.


# 3. Language switch and bad URL parameters --------------------------------------------


def test_language_selector_switches_and_writes_the_url():
    at = open_page("industries")
    at.radio(key=LANG_KEY).set_value("en").run()
    assert at.title[0].value == t("industries.title", "en")
    assert at.query_params["lang"] == "en"
    at.radio(key=LANG_KEY).set_value("ja").run()
    assert at.title[0].value == t("industries.title", "ja")
    assert "lang" not in at.query_params  # the default is left out of the URL


@pytest.mark.parametrize("page_id", list(PAGES))
def test_unknown_language_falls_back_with_a_notice(page_id):
    at = open_page(page_id, lang="xx")
    assert at.title[0].value == t(f"{page_id}.title", "ja")
    assert [w.value for w in at.warning] == [t("common.notice.bad_lang", "ja", value="xx")]
    assert "lang" not in at.query_params


def test_script_in_industry_param_is_shown_as_text_and_falls_back():
    at = open_page("industries", industry="<script>alert(1)</script>")
    default = query.default_industry(DS)
    assert at.selectbox(key=INDUSTRY_KEY).value == default.id
    assert at.query_params["industry"] == default.id
    [warning] = at.warning
    assert warning.value == t(
        "common.notice.bad_industry", "ja", value=display.md_literal("<script>alert(1)</script>")
    )
    # nothing renders HTML, and the raw tag is nowhere in a Markdown body
    assert not any(n.proto.allow_html for n in of_type(at.main, "markdown"))
    assert not of_type(at.main, "html")
    assert not any("<script>" in body for body in markdown_bodies(at.main))
    assert "<script>" not in warning.value


# 4. Broken data: a clear error page, never a traceback ---------------------------------


@pytest.fixture
def broken_data(tmp_path, monkeypatch, fresh_cache):
    data = copy_data(BUNDLED_DATA, tmp_path)
    industries = data / "industries.yaml"
    text = industries.read_text(encoding="utf-8")
    industries.write_text(text.replace("archetype: A\n", "archetype: Z\n", 1), encoding="utf-8")
    (data / "sectors.yaml").write_text("sectors: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(data))
    return data


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page_id", list(PAGES))
def test_broken_data_shows_the_error_page(broken_data, page_id, lang):
    at = open_page(page_id, lang=lang)
    assert [title.value for title in at.title] == [t("common.error.title", lang)]
    [listing] = at.code
    assert "industries.yaml" in listing.value and "sectors.yaml" in listing.value
    assert listing.language in ("", None, "plaintext")
    assert len(at.selectbox) == 0  # the page itself did not render
    assert [link.proto.label for link in of_type(at.sidebar, "page_link")] == [
        t(f"{p}.nav", lang) for p in PAGES
    ]


def test_editing_a_data_file_reloads_it(tmp_path, monkeypatch, fresh_cache):
    # The cache is keyed on the files' mtimes, so an edit is seen without a restart.
    data = copy_data(BUNDLED_DATA, tmp_path)
    monkeypatch.setenv("GENAI_IMPACT_DATA_DIR", str(data))
    assert open_page("home").title[0].value == t("home.title", "ja")
    (data / "sectors.yaml").write_text("sectors: [unclosed\n", encoding="utf-8")
    assert open_page("home").title[0].value == t("common.error.title", "ja")


# 5. Sources & method --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sources_page_lists_every_source_axis_and_sector(lang):
    at = open_page("sources", lang=lang)
    bodies = markdown_bodies(at.main)
    text = "\n".join(bodies)
    for source in DS.sources:
        assert f"#### {display.md_text(source.title, lang)}" in text
        assert display.md_text(source.citation, lang) in text
    for part in ("capital", "software", "check", "rd"):
        assert t(f"sources.axes.{part}", lang) in text
    assert "0003060791" in text
    assert DS.map_axes and DS.map_markers
    for item in (*DS.map_axes, *DS.map_markers):
        assert display.md_text(item.definition, lang) in text
    [table] = at.dataframe
    assert len(table.value) == len(DS.sectors) == 25
    codes = table.value[t("sources.sectors.column.code", lang)].tolist()
    assert codes == [s.estat_code for s in DS.sectors]
    for basis in ("stated", "layout"):
        assert f"{display.basis_badge(basis, lang)} {t(f'sources.basis.{basis}', lang)}" in bodies
