"""A deck's slides as plain values: what each writer (PPTX, PDF, HTML) draws (pure).

Every text is plain text: a writer escapes it for its format and never interprets it
(a note or an annotation holding `<script>` shows those characters).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Spec = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """A table as text: header rows, body rows, and relative column widths.

    `emphasis` marks body rows to tint (a comparison's differing rows); every row has as
    many cells as `widths`.
    """

    header: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    emphasis: tuple[bool, ...] = ()

    def __post_init__(self) -> None:
        for row in (*self.header, *self.rows):
            if len(row) != len(self.widths):
                raise ValueError(f"a row of {len(row)} cells in a table of {len(self.widths)}")

    def emphasised(self, index: int) -> bool:
        return index < len(self.emphasis) and self.emphasis[index]


@dataclass(frozen=True)
class Slide:
    """One slide. `chart` is a Vega-Lite spec already sized for the slide's body (or None);
    `paragraphs` are lines of text for a slide without chart or table (home, sources)."""

    title: str
    subtitle: tuple[str, ...]  # the filters in words, one line each
    source: str  # the source line: the report's lines, or statistic, table and fiscal year
    link: str  # the URL that reopens exactly this view
    link_text: str  # "Open this view: <URL>" in the slide's language
    lang: str
    chart: Spec | None = None
    chart_alt: str = ""  # what the chart shows, for screen readers and the picture's description
    tables: tuple[Table, ...] = ()
    paragraphs: tuple[str, ...] = ()
    annotations: tuple[tuple[str, str], ...] = ()  # (marker ①, text)
    notes: str = ""  # the facilitator's note: speaker notes in the PPTX

    @property
    def kind(self) -> str:
        """ "chart", "table" or "text": what the body holds."""
        if self.chart is not None:
            return "chart"
        return "table" if self.tables else "text"
