"""Decks as files: every saved view a real slide in PowerPoint, PDF and HTML.

The PPTX is reopened with python-pptx and the PDF with pypdf: slides per view, a picture
or a table on each, titles, source lines, notes, links on the configured base URL, no
table type below 12 pt, every shape inside the slide. The HTML is checked as text here
(escaping, self-contained) and drawn in Chromium in tests/e2e/test_deck_html_browser.py.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from deck_fixtures import BASE, DECK, HOSTILE, VIEWS, dataset, pptx_links, rendered
from pptx import Presentation
from pptx.util import Pt
from pypdf import PdfReader

from genai_impact.exports.slides import charts, layout
from genai_impact.exports.slides.model import Slide, Table
from genai_impact.report.query import url_choices
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.workshop import agenda
from genai_impact.workshop.agenda import Agenda
from genai_impact.workshop.deck_export import file_name, file_safe
from genai_impact.workshop.slides import deck_slides, view_slides


@pytest.fixture(scope="module")
def slides() -> list[Slide]:
    ds = dataset()
    return deck_slides(ds, None, VIEWS, BASE, url_choices(ds))


@pytest.fixture(scope="module")
def pptx():
    return Presentation(io.BytesIO(rendered("pptx")))


def _texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def _pdf_text(page) -> str:
    # pypdf reads fpdf2's two-byte CID text with a NUL before each character (poppler's
    # pdftotext does not): the NULs are pypdf's, not the file's
    return page.extract_text().replace("\x00", "")


def _owner(title: str) -> str:
    """The saved view a slide title belongs to ("<name>" or "<name> (1/2)")."""
    return re.sub(r" \(\d+/\d+\)$", "", title)


# The slide model ------------------------------------------------------------------------


def test_every_view_gives_slides_in_agenda_order_each_with_a_chart_or_a_table(slides):
    assert [v.name for v in VIEWS] == list(dict.fromkeys(_owner(s.title) for s in slides))
    assert all(s.kind in ("chart", "table") for s in slides), [s.title for s in slides]
    assert [s.kind for s in slides if _owner(s.title) in ("マップ全体", "Archetypes A and C")] == [
        "chart",
        "chart",
    ]


def test_links_are_the_views_urls_on_the_base(slides):
    for slide in slides:
        view = next(v for v in VIEWS if v.name == _owner(slide.title))
        assert slide.link == agenda.view_url(BASE, view)
        assert slide.link_text == t("export.footer.link", slide.lang, url=slide.link)


def test_the_language_of_each_slide_is_its_views(slides):
    langs = {_owner(s.title): s.lang for s in slides}
    assert langs == {v.name: v.params["lang"] for v in VIEWS}


def test_annotations_are_numbered_on_the_slide_and_marked_at_their_targets(slides):
    by_title = {s.title: s for s in slides}
    assert by_title["マップ全体"].annotations == (("①", f"小売はここ {HOSTILE}"),)
    layers = by_title["マップ全体"].chart["layer"][0]["layer"]
    drawn = [
        layer["data"]["values"]
        for layer in layers
        if layer.get("mark", {}).get("type") == "text" and "values" in layer.get("data", {})
    ]
    assert drawn and all([r[charts.MARKER_FIELD] for r in v] == ["①"] for v in drawn)
    profile = next(s for s in slides if s.title.startswith("小売の概要")).tables[0]
    assert any(row[0].endswith("①") for row in profile.rows)  # the customer-touchpoint rows
    matrix_rows = [
        r for s in slides if s.title.startswith("影響マトリクス") for r in s.tables[0].rows
    ]
    retail = next(r for r in matrix_rows if r[0].startswith("小売"))
    assert retail[3].endswith("①")  # type 3's column, after the industry's


def test_values_keep_their_basis(slides):
    profile = next(s for s in slides if s.title.startswith("小売の概要"))
    rows = profile.tables[0].rows
    # as on screen: a reading ends in the one marker, a stated value carries none
    assert any(row[1].endswith("†") for row in rows)
    assert any(not row[1].endswith("†") for row in rows)
    no_lines = t("readings_look.no_lines", "ja")  # the sector: our mapping, no lines to cite
    assert all(re.fullmatch(r"L\d+(–\d+)?", r[2]) or r[2] == no_lines for r in rows)
    # the footer explains the marker, and the sizes as our scale with the rule
    assert readings.legend("ja", export=True) in profile.source
    assert readings.size_scale(dataset(), "ja") in profile.source


def test_the_statistics_year_is_in_the_map_source_line(stats):
    ds = dataset()
    year = str(max(stats.years))
    view = agenda.SavedView("FY", "map", {"lang": "en", "year": year})
    (slide,) = view_slides(ds, stats, view, BASE, url_choices(ds, stats.years))
    assert year in slide.source and slide.chart is not None


def test_a_map_that_shows_nothing_is_a_slide_that_says_so():
    ds = dataset()
    view = agenda.SavedView("None", "map", {"lang": "en", "arch": ["A"], "impact": ["2"]})
    (slide,) = view_slides(ds, None, view, BASE, url_choices(ds))
    assert slide.paragraphs == (t("slides.map_empty", "en"),)


# Tables fit the slide at 12 pt or more ---------------------------------------------------


def test_a_table_too_long_for_one_slide_is_split_not_shrunk(slides):
    parts = [s for s in slides if _owner(s.title) == "影響マトリクス"]
    assert [s.title for s in parts] == ["影響マトリクス (1/2)", "影響マトリクス (2/2)"]
    assert sum(len(s.tables[0].rows) for s in parts) == 19
    assert all(s.tables[0].header == parts[0].tables[0].header for s in parts)
    for slide in slides:
        if slide.tables:
            size = layout.table_size(slide)
            assert size >= layout.MIN_TABLE_PT
            need = sum(
                layout.table_height(tb, layout.frame(slide).body.w, size) for tb in slide.tables
            )
            assert need <= layout.frame(slide).body.h, slide.title


def test_a_short_table_takes_a_larger_size():
    table = Table((("a", "b"),), (("1", "2"),), (1.0, 1.0))
    slide = Slide("t", (), "s", BASE, "l", "en", tables=(table,))
    assert layout.paginate(slide) == [slide]
    assert layout.table_size(slide) == layout.TABLE_SIZES[0]


# PowerPoint -------------------------------------------------------------------------------


def test_pptx_is_16_9_with_slides_per_view(pptx, slides):
    assert (pptx.slide_width, pptx.slide_height) == (Pt(960), Pt(540))
    assert len(pptx.slides) == len(slides) >= len(VIEWS)


def test_pptx_slides_have_a_picture_or_a_native_table_title_source_and_link(pptx, slides):
    for page, slide in zip(pptx.slides, slides, strict=True):
        kinds = {s.shape_type for s in page.shapes}
        assert any(s.shape_type == 13 for s in page.shapes) or any(s.has_table for s in page.shapes)
        texts = _texts(page)
        assert texts[0] == slide.title
        joined = "\n".join(texts)
        assert slide.source.split()[0] in joined
        assert slide.link in joined, kinds


def test_pptx_every_link_starts_with_the_base(pptx):
    addresses = pptx_links(pptx)
    assert len(addresses) >= len(pptx.slides)
    assert all(a.startswith(BASE + "/") for a in addresses), addresses


def test_pptx_notes_are_the_facilitators(pptx, slides):
    for page, slide in zip(pptx.slides, slides, strict=True):
        view = next(v for v in VIEWS if v.name == _owner(slide.title))
        if view.note:
            assert page.notes_slide.notes_text_frame.text == view.note


def test_pptx_tables_are_12_pt_or_more_and_every_shape_is_inside_the_slide(pptx):
    sizes = []
    for page in pptx.slides:
        for shape in page.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= pptx.slide_width
            assert shape.top + shape.height <= pptx.slide_height, shape.name
            if shape.has_table:
                sizes += [
                    run.font.size
                    for row in shape.table.rows
                    for cell in row.cells
                    for paragraph in cell.text_frame.paragraphs
                    for run in paragraph.runs
                ]
    assert sizes and min(sizes) >= Pt(12)


def test_pptx_text_is_plain(pptx):
    texts = "\n".join(t for page in pptx.slides for t in _texts(page))
    assert HOSTILE in texts  # the characters typed, never markup


def test_pptx_in_the_dark_theme_has_the_dark_background():
    page = Presentation(io.BytesIO(rendered("pptx", "dark"))).slides[0]
    assert str(page.background.fill.fore_color.rgb) == "0E1117"


# PDF ----------------------------------------------------------------------------------------


def test_pdf_has_a_page_per_slide_with_its_title_and_clickable_links(slides):
    reader = PdfReader(io.BytesIO(rendered("pdf")))
    assert len(reader.pages) == len(slides)
    for page, slide in zip(reader.pages, slides, strict=True):
        text = _pdf_text(page)
        assert slide.title in text
        uris = [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])]
        assert slide.link in uris
        assert all(u.startswith(BASE + "/") for u in uris)


def test_pdf_chart_is_drawn_as_vector_text(slides):
    reader = PdfReader(io.BytesIO(rendered("pdf")))
    first = _pdf_text(reader.pages[0])
    assert "小売" in first  # a point's label, from the chart's SVG


# HTML ---------------------------------------------------------------------------------------


def test_html_is_one_file_with_every_slide_and_nothing_fetched(slides):
    page = rendered("html").decode("utf-8")
    assert page.count('<section class="slide"') == len(slides)
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=["\']?https?:', page)
    assert "window.vegaEmbed" in page


def test_html_escapes_every_text():
    page = rendered("html").decode("utf-8")
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;" not in page  # notes stay out of participants' files


# File names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Strategy workshop", "genai-impact_Strategy-workshop_2026-12-03.pptx"),
        ("戦略WS 12/3", "genai-impact_戦略WS-12-3_2026-12-03.pptx"),
        ("", "genai-impact_deck_2026-12-03.pptx"),
        ("../../etc/passwd", "genai-impact_etc-passwd_2026-12-03.pptx"),
        ('<a>:"|?*', "genai-impact_a_2026-12-03.pptx"),
    ],
)
def test_file_names_say_what_they_are(name, expected):
    assert file_name(Agenda(name=name), "pptx", date(2026, 12, 3)) == expected


def test_file_name_parts_are_safe_everywhere():
    part = file_safe('ａｂ/\\:*?"<>|. x' * 10)
    assert len(part) <= 40 and not re.search(r'[/\\:*?"<>|\s.]', part)
    assert file_name(DECK, "html", date(2026, 1, 2)).endswith("_2026-01-02.html")


# Docs as tests -------------------------------------------------------------------------------


def test_the_documented_deck_rules_are_the_codes():
    from pathlib import Path

    from genai_impact.workshop import deck_export

    docs = " ".join((Path(__file__).parents[1] / "docs" / "exports.md").read_text("utf-8").split())
    sizes = [f"{s:g}" for s in layout.TABLE_SIZES]
    assert f"the largest of {', '.join(sizes[:-1])} and {sizes[-1]} pt" in docs
    assert f"at most {deck_export.NAME_PART_MAX} characters, and `{deck_export.UNNAMED}`" in docs
    assert "`genai-impact_<deck name>_<YYYY-MM-DD>.<pptx|pdf|html>`" in docs
    assert f"{layout.WIDTH:g} × {layout.HEIGHT:g} pt" in docs
