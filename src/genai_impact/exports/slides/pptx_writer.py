"""Slides -> a PowerPoint file with python-pptx (pure).

16:9 (13.333 × 7.5 in), one PowerPoint slide per `Slide` (tables already split by
`layout.paginate`): the title, the filters, the source line and the link as text
(the link clickable), a chart as a picture at slide resolution (PNG: PowerPoint
needs one even beside an SVG), tables as native tables at 12 pt or more, the
annotations as a numbered list, the facilitator's note as speaker notes. Colours
follow the theme's palette; Japanese text is set in the export font (`a:ea`), which
PowerPoint replaces with Yu Gothic or Meiryo where it is missing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from genai_impact.exports.slides import charts, layout
from genai_impact.exports.slides.layout import Box
from genai_impact.exports.slides.model import Slide, Table
from genai_impact.theme import PRIMARY_FONT, Palette, palette

_BLANK_LAYOUT = 6


def _emu(points: float) -> Emu:
    return Emu(round(points * layout.EMU_PER_PT))


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper()[:6])


def _font(run, size: float, colour: str, *, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = PRIMARY_FONT
    run.font.color.rgb = _rgb(colour)
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):  # East Asian and complex-script typefaces too
        found = rpr.find(qn(tag))
        if found is None:
            found = rpr.makeelement(qn(tag), {})
            rpr.append(found)
        found.set("typeface", PRIMARY_FONT)


def _text_box(slide, box: Box, lines: Sequence[str], size: float, colour: str, **kw) -> None:
    link = kw.pop("link", None)
    shape = slide.shapes.add_textbox(_emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    for n, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(size * layout.LINE)  # as laid out, not the font's 1.45
        run = paragraph.add_run()
        run.text = line
        _font(run, size, colour, **kw)
        if link:
            run.hyperlink.address = link


def _border(cell, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    for at, side in enumerate(("a:lnL", "a:lnR", "a:lnT", "a:lnB")):  # before the fill
        line = props.makeelement(qn(side), {"w": str(_emu(0.75)), "cmpd": "sng"})
        fill = line.makeelement(qn("a:solidFill"), {})
        fill.append(fill.makeelement(qn("a:srgbClr"), {"val": colour.lstrip("#").upper()}))
        line.append(fill)
        props.insert(at, line)


def _table(slide, table: Table, box: Box, size: float, pal: Palette) -> float:
    """Draw `table` at the top of `box`; return its estimated height."""
    widths = layout.column_widths(table, box.w)
    rows = (*table.header, *table.rows)
    heights = [layout.row_height(r, widths, size) for r in rows]
    shape = slide.shapes.add_table(
        len(rows), len(widths), _emu(box.x), _emu(box.y), _emu(box.w), _emu(sum(heights))
    )
    grid = shape.table
    grid.first_row = bool(table.header)
    grid.horz_banding = False
    for col, width in zip(grid.columns, widths, strict=True):
        col.width = _emu(width)
    for r, (row, height) in enumerate(zip(rows, heights, strict=True)):
        grid.rows[r].height = _emu(height)
        head = r < len(table.header)
        tinted = not head and table.emphasised(r - len(table.header))
        for c, text in enumerate(row):
            cell = grid.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(
                pal.surface if head else pal.diff_tint if tinted else pal.background
            )
            cell.margin_left = cell.margin_right = _emu(layout.CELL_PAD_X)
            # no vertical inset: the row's height holds the padding (LibreOffice adds an
            # inset to the height set, PowerPoint does not)
            cell.margin_top = cell.margin_bottom = 0
            frame = cell.text_frame
            frame.word_wrap = True
            for n, line in enumerate(text.split("\n")):
                paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
                # an empty cell's height follows its paragraph end's size (18 pt by default)
                paragraph.font.size = Pt(size)
                paragraph._p.get_or_add_endParaRPr().set("sz", str(round(size * 100)))
                run = paragraph.add_run()
                run.text = line
                _font(run, size, pal.text, bold=head or tinted)
            _border(cell, pal.frame)
    return sum(heights)


def _slide(prs, item: Slide, pal: Palette) -> None:
    page = prs.slides.add_slide(prs.slide_layouts[_BLANK_LAYOUT])
    page.background.fill.solid()
    page.background.fill.fore_color.rgb = _rgb(pal.background)
    f = layout.frame(item)
    _text_box(page, f.title, f.title_lines, f.title_pt, pal.text, bold=True)
    if f.subtitle_lines:
        _text_box(page, f.subtitle, f.subtitle_lines, layout.SUBTITLE_PT, pal.subtle_text)
    body = f.body
    if item.chart is not None:
        picture = page.shapes.add_picture(
            io.BytesIO(charts.png(item.chart)),
            _emu(body.x),
            _emu(body.y),
            _emu(body.w),
            _emu(body.h),
        )
        picture._element.nvPicPr.cNvPr.set("descr", item.chart_alt or item.title)
    elif item.tables:
        size = layout.table_size(item)
        y = body.y
        for table in item.tables:
            y += _table(page, table, Box(body.x, y, body.w, body.h), size, pal) + layout.GAP
    elif item.paragraphs:
        lines = [
            p for text in item.paragraphs for p in layout.wrapped(text, body.w, layout.PARAGRAPH_PT)
        ]
        _text_box(page, body, lines, layout.PARAGRAPH_PT, pal.text)
    if f.annotation_lines:
        _text_box(page, f.annotations, f.annotation_lines, layout.ANNOTATION_PT, pal.text)
    footer = f.footer
    source_h = layout.lines_height(len(f.source_lines), layout.FOOTER_PT)
    _text_box(
        page,
        Box(footer.x, footer.y, footer.w, source_h),
        f.source_lines,
        layout.FOOTER_PT,
        pal.note,
    )
    link_box = Box(footer.x, footer.y + source_h, footer.w, footer.h - source_h)
    _text_box(page, link_box, f.link_lines, layout.FOOTER_PT, pal.note, link=item.link)
    if item.notes:
        page.notes_slide.notes_text_frame.text = item.notes


_HLINK = re.compile(rb"<a:(hlink|folHlink)>.*?</a:(?:hlink|folHlink)>", re.S)


def _link_colour(prs, colour: str) -> None:
    """Links in the theme's note colour: PowerPoint and LibreOffice draw a link in the
    presentation theme's link colour (blue, unreadable on the dark themes), not its run's."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    value = colour.lstrip("#").upper().encode()
    theme._blob = _HLINK.sub(
        lambda m: b'<a:%s><a:srgbClr val="%s"/></a:%s>' % (m[1], value, m[1]), theme.blob
    )


def write_pptx(slides: Sequence[Slide], theme: str, title: str = "") -> bytes:
    """The slides (already paginated) as a .pptx file's bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = _emu(layout.WIDTH), _emu(layout.HEIGHT)
    prs.core_properties.title = title
    pal = palette(theme)
    _link_colour(prs, pal.note)
    for item in slides:
        _slide(prs, item, pal)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
