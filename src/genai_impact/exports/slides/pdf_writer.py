"""Slides -> a PDF with fpdf2 (pure): the same slides as the PowerPoint file.

One 960 × 540 pt page per slide. Text is text (searchable, in the Japanese font embedded
as a subset), the link is clickable, a chart is a vector drawing made from its SVG
(falling back to its PNG if fpdf2 cannot read a drawing), tables are drawn cell by cell
at the size `layout` chose. Speaker notes stay in the PowerPoint file: a PDF is what
participants get.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from fpdf import FPDF

from genai_impact.exports.render import FONT_DIR_ENV, FontMissingError
from genai_impact.exports.slides import charts, layout
from genai_impact.exports.slides.layout import Box
from genai_impact.exports.slides.model import Slide, Table
from genai_impact.theme import Palette, palette

FAMILY = "genai-impact-jp"
# Debian's fonts-noto-cjk; the first face of each collection is Japanese.
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
NOTO = {"": "NotoSansCJK-Regular.ttc", "B": "NotoSansCJK-Bold.ttc"}


@cache
def font_files() -> dict[str, Path]:
    """Regular and bold Japanese font files: Noto Sans CJK JP, else a .ttf/.otf in
    $GENAI_IMPACT_FONT_DIR (used for both); FontMissingError when there is none."""
    found = {style: NOTO_DIR / name for style, name in NOTO.items()}
    if all(path.is_file() for path in found.values()):
        return found
    extra = os.environ.get(FONT_DIR_ENV)
    if extra:
        for path in sorted(Path(extra).glob("*")):
            if path.suffix.lower() in (".ttf", ".otf"):
                return {"": path, "B": path}
    raise FontMissingError()


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class _Deck(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="L", unit="pt", format=(layout.HEIGHT, layout.WIDTH))
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.c_margin = 0
        for style, path in font_files().items():
            number = 0 if path.suffix.lower() == ".ttc" else None
            kw = {"collection_font_number": number} if number is not None else {}
            self.add_font(FAMILY, style, str(path), **kw)

    def lines(
        self,
        box: Box,
        lines: Sequence[str],
        size: float,
        colour: str,
        *,
        bold: bool = False,
        link: str = "",
        spacing: float = layout.LINE,
    ) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*_rgb(colour))
        step = size * spacing
        for n, text in enumerate(lines):
            self.set_xy(box.x, box.y + n * step)
            self.cell(box.w, step, text, link=link or "")


def _table(pdf: _Deck, table: Table, box: Box, size: float, pal: Palette) -> float:
    widths = layout.column_widths(table, box.w)
    y = box.y
    pdf.set_draw_color(*_rgb(pal.frame))
    pdf.set_line_width(0.75)
    for r, row in enumerate((*table.header, *table.rows)):
        head = r < len(table.header)
        tinted = not head and table.emphasised(r - len(table.header))
        height = layout.row_height(row, widths, size)
        x = box.x
        for text, width in zip(row, widths, strict=True):
            pdf.set_fill_color(
                *_rgb(pal.surface if head else pal.diff_tint if tinted else pal.background)
            )
            pdf.rect(x, y, width, height, style="DF")
            inner = Box(
                x + layout.CELL_PAD_X, y + layout.CELL_PAD_Y, width - 2 * layout.CELL_PAD_X, height
            )
            pdf.lines(
                inner, layout.cell_lines(text, width, size), size, pal.text, bold=head or tinted
            )
            x += width
        y += height
    return y - box.y


def _chart(pdf: _Deck, slide: Slide, box: Box) -> None:
    assert slide.chart is not None
    try:
        drawing = charts.svg_for_pdf(charts.svg(slide.chart), FAMILY)
        pdf.image(
            io.BytesIO(drawing.encode("utf-8")),
            box.x,
            box.y,
            box.w,
            box.h,
            alt_text=slide.chart_alt,
        )
    except (ValueError, KeyError, TypeError, NotImplementedError):  # a drawing fpdf2 cannot read
        pdf.image(
            io.BytesIO(charts.png(slide.chart)),
            box.x,
            box.y,
            box.w,
            box.h,
            alt_text=slide.chart_alt,
        )


def _page(pdf: _Deck, slide: Slide, pal: Palette) -> None:
    pdf.add_page()
    pdf.set_fill_color(*_rgb(pal.background))
    pdf.rect(0, 0, layout.WIDTH, layout.HEIGHT, style="F")
    f = layout.frame(slide)
    pdf.lines(f.title, f.title_lines, f.title_pt, pal.text, bold=True)
    pdf.lines(f.subtitle, f.subtitle_lines, layout.SUBTITLE_PT, pal.subtle_text)
    body = f.body
    if slide.chart is not None:
        _chart(pdf, slide, body)
    elif slide.tables:
        size, y = layout.table_size(slide), body.y
        for table in slide.tables:
            y += _table(pdf, table, Box(body.x, y, body.w, body.h), size, pal) + layout.GAP
    else:
        lines = [
            p
            for text in slide.paragraphs
            for p in layout.wrapped(text, body.w, layout.PARAGRAPH_PT)
        ]
        pdf.lines(body, lines, layout.PARAGRAPH_PT, pal.text)
    pdf.lines(f.annotations, f.annotation_lines, layout.ANNOTATION_PT, pal.text)
    footer = f.footer
    pdf.lines(footer, f.source_lines, layout.FOOTER_PT, pal.note)
    source_h = layout.lines_height(len(f.source_lines), layout.FOOTER_PT)
    link_box = Box(footer.x, footer.y + source_h, footer.w, footer.h - source_h)
    pdf.lines(link_box, f.link_lines, layout.FOOTER_PT, pal.note, link=slide.link)


def write_pdf(slides: Sequence[Slide], theme: str, title: str = "") -> bytes:
    """The slides (already paginated) as a PDF file's bytes."""
    pdf = _Deck()
    pdf.set_title(title)
    pdf.set_creator("genai-impact")
    if slides:
        pdf.set_lang(slides[0].lang)
    pal = palette(theme)
    for slide in slides:
        _page(pdf, slide, pal)
    return bytes(pdf.output())
