"""The 16:9 slide's geometry, in points (13.333 × 7.5 in = 960 × 540 pt), and tables
fitted to it (pure).

Every writer places the same boxes: title, the filters line(s), the body (chart, tables
or paragraphs), the numbered annotations, and the footer (source line, link). Text
widths are estimated with `text.fit` (the bold widths of the export font, so estimates
err on the wide side). A table takes the largest type size from `TABLE_SIZES` at which
it fits the body; when it does not fit even at `MIN_TABLE_PT` (12 pt), its rows are
split over continuation slides, the header repeated, never set smaller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from genai_impact.exports.slides.model import Slide, Table
from genai_impact.text.fit import wrap

WIDTH, HEIGHT = 960.0, 540.0  # pt: 13.333 × 7.5 in
EMU_PER_PT = 12700
MARGIN = 36.0  # left and right
TOP = 22.0
BOTTOM = 18.0
TITLE_PT = 26.0
SUBTITLE_PT = 14.0
ANNOTATION_PT = 14.0
FOOTER_PT = 12.0
PARAGRAPH_PT = 18.0
LINE = 1.25  # line height as a share of the type size (text boxes set it exactly)
# A table cell's line: the Japanese font's own line height (ascent + descent of Noto Sans
# CJK), which PowerPoint and LibreOffice use in table cells whatever spacing is set.
TABLE_LINE = 1.45
TABLE_SIZES = (16.0, 14.0, 13.0, 12.0)
MIN_TABLE_PT = TABLE_SIZES[-1]
CELL_PAD_X = 5.0  # pt inside a cell, each side
CELL_PAD_Y = 2.0
GAP = 8.0  # between boxes
MAX_SUBTITLE_LINES = 4


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Frame:
    """Where a slide's parts go (points), and their text already wrapped."""

    title: Box
    title_lines: tuple[str, ...]
    title_pt: float
    subtitle: Box
    subtitle_lines: tuple[str, ...]
    body: Box
    annotations: Box
    annotation_lines: tuple[str, ...]
    footer: Box
    source_lines: tuple[str, ...]
    link_lines: tuple[str, ...]


def lines_height(count: int, size: float) -> float:
    return count * size * LINE


# Kept free at the end of every line: PowerPoint and LibreOffice add space between Japanese
# and Latin text ("autospace"), which the width table does not know.
SLACK_EM = 1.0


def wrapped(text: str, width: float, size: float) -> list[str]:
    """`text` as lines that fit `width` at `size` in every format (its own line breaks kept)."""
    room = max(width - SLACK_EM * size, size)
    return [part for line in text.split("\n") for part in (wrap(line, room, size) or [""])]


def frame(slide: Slide) -> Frame:
    """The boxes of `slide`, top to bottom; the body takes what the others leave."""
    inner = WIDTH - 2 * MARGIN
    title_pt = TITLE_PT
    title_lines = wrapped(slide.title, inner, title_pt)
    if len(title_lines) > 1:
        title_pt = 22.0
        title_lines = wrapped(slide.title, inner, title_pt)[:2]
    title = Box(MARGIN, TOP, inner, lines_height(len(title_lines), title_pt))
    subtitle_lines = [p for line in slide.subtitle for p in wrapped(line, inner, SUBTITLE_PT)]
    subtitle_lines = subtitle_lines[:MAX_SUBTITLE_LINES]
    subtitle = Box(
        MARGIN, title.y + title.h + 2, inner, lines_height(len(subtitle_lines), SUBTITLE_PT)
    )
    source_lines = wrapped(slide.source, inner, FOOTER_PT)
    link_lines = wrapped(slide.link_text, inner, FOOTER_PT)
    footer_h = lines_height(len(source_lines) + len(link_lines), FOOTER_PT)
    footer = Box(MARGIN, HEIGHT - BOTTOM - footer_h, inner, footer_h)
    annotation_lines = [
        p
        for marker, text in slide.annotations
        for p in wrapped(f"{marker} {text}", inner, ANNOTATION_PT)
    ]
    notes_h = lines_height(len(annotation_lines), ANNOTATION_PT)
    annotations = Box(MARGIN, footer.y - GAP - notes_h, inner, notes_h)
    body_top = subtitle.y + subtitle.h + GAP
    body_bottom = (annotations.y if annotation_lines else footer.y) - GAP
    body = Box(MARGIN, body_top, inner, max(body_bottom - body_top, 60.0))
    return Frame(
        title,
        tuple(title_lines),
        title_pt,
        subtitle,
        tuple(subtitle_lines),
        body,
        annotations,
        tuple(annotation_lines),
        footer,
        tuple(source_lines),
        tuple(link_lines),
    )


# Tables ---------------------------------------------------------------------------------


def column_widths(table: Table, width: float) -> list[float]:
    total = sum(table.widths)
    return [width * w / total for w in table.widths]


def cell_lines(text: str, width: float, size: float) -> list[str]:
    return wrapped(text, max(width - 2 * CELL_PAD_X, size), size)


def row_height(row: Sequence[str], widths: Sequence[float], size: float) -> float:
    most = max((len(cell_lines(c, w, size)) for c, w in zip(row, widths, strict=True)), default=1)
    return most * size * TABLE_LINE + 2 * CELL_PAD_Y


def table_height(table: Table, width: float, size: float) -> float:
    widths = column_widths(table, width)
    return sum(row_height(r, widths, size) for r in (*table.header, *table.rows))


def fitting_size(tables: Sequence[Table], box: Box) -> float | None:
    """The largest type size at which `tables` fit `box` one above the other, or None."""
    for size in TABLE_SIZES:
        need = sum(table_height(t, box.w, size) for t in tables) + GAP * (len(tables) - 1)
        if need <= box.h:
            return size
    return None


def split_rows(table: Table, box: Box, size: float = MIN_TABLE_PT) -> list[Table]:
    """`table` as consecutive parts, each fitting `box` at `size` with its header repeated,
    as few as fit and about even (not a full slide and a last one of two rows)."""
    widths = column_widths(table, box.w)
    head = sum(row_height(r, widths, size) for r in table.header)
    heights = [row_height(r, widths, size) for r in table.rows]
    room = box.h - head
    parts = len(_greedy(heights, room))
    low, high = sum(heights) / parts, room  # the least room per part that keeps `parts`
    for _ in range(24):
        middle = (low + high) / 2
        low, high = (low, middle) if len(_greedy(heights, middle)) <= parts else (middle, high)
    return [_part(table, start, stop) for start, stop in _greedy(heights, high)]


def _greedy(heights: Sequence[float], room: float) -> list[tuple[int, int]]:
    """Consecutive (start, stop) runs of rows, each as many as fit `room` (at least one)."""
    cuts: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for i, h in enumerate(heights):
        if used + h > room and i > start:
            cuts.append((start, i))
            start, used = i, 0.0
        used += h
    cuts.append((start, len(heights)))
    return cuts


def _part(table: Table, start: int, stop: int) -> Table:
    return replace(table, rows=table.rows[start:stop], emphasis=table.emphasis[start:stop])


def paginate(slide: Slide) -> list[Slide]:
    """`slide` as one or more slides: tables that do not fit at 12 pt are split over
    continuation slides, titled "<title> (1/2)", "(2/2)"."""
    if not slide.tables:
        return [slide]
    if fitting_size(slide.tables, frame(slide).body) is not None:
        return [slide]
    box = frame(replace(slide, title=f"{slide.title} (99/99)")).body  # the longer title
    parts = [part for table in slide.tables for part in split_rows(table, box)]
    if len(parts) == 1:
        return [slide]
    return [
        replace(slide, title=f"{slide.title} ({n}/{len(parts)})", tables=(part,))
        for n, part in enumerate(parts, start=1)
    ]


def table_size(slide: Slide) -> float:
    """The type size of `slide`'s tables (after `paginate`): the largest that fits, at
    least `MIN_TABLE_PT` (a single row taller than the body stays at the minimum)."""
    return fitting_size(slide.tables, frame(slide).body) or MIN_TABLE_PT
