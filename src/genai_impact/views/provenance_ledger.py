"""Provenance on demand, the light way (pure: no streamlit).

A section of a page records each value it shows, in order, and lists them once, in one
table per section: basis, source, seed lines and how a `layout` reading was made. On the
page a reading carries the quiet marker `†` (`text.readings`), a stated value nothing;
the view's legend line says what `†` means. One table instead of a popover per value
keeps a page with ~70 values as fast as a plain one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from genai_impact.report.model import Dataset, Provenance
from genai_impact.text import readings
from genai_impact.text.display import md_literal
from genai_impact.text.i18n import t

LEDGER_COLUMNS = ("number", "value", "basis", "source", "lines", "note")


@dataclass
class Ledger:
    """The values a section shows, numbered in the order they are marked."""

    lang: str
    entries: list[tuple[str, Provenance]] = field(default_factory=list)

    def mark(self, value: str, prov: Provenance) -> str:
        """Record `value` (plain text) with its provenance (once); the marker to put right
        after it on screen: '†' glued to the value (`readings.GLUE`) for a reading, '' for
        a stated value."""
        if (value, prov) not in self.entries:
            self.entries.append((value, prov))
        marker = readings.mark(prov, self.lang)
        return f"{readings.GLUE}{marker}" if marker else ""

    def has_readings(self) -> bool:
        """True when a value the section showed carries the marker (its legend is due)."""
        return any(readings.is_reading(prov) for _, prov in self.entries)

    def frame(self, ds: Dataset) -> pd.DataFrame:
        """One row per marked value: number, value, basis, source, seed lines, note."""
        rows = []
        for number, (value, prov) in enumerate(self.entries, start=1):
            source = ds.source(prov.source)
            lines = prov.lines_label()
            if lines and source.seed_file:
                lines = f"{lines} ({source.seed_file})"
            rows.append(
                {
                    "number": number,
                    "value": value,
                    "basis": readings.marked(
                        t(f"common.prov.basis.{prov.basis}.label", self.lang), prov, self.lang
                    ),
                    "source": source.citation.in_lang(self.lang),
                    "lines": lines,
                    "note": readings.reading_note(prov, self.lang, ds),
                }
            )
        return pd.DataFrame(rows, columns=list(LEDGER_COLUMNS))


def column_labels(lang: str) -> dict[str, str]:
    """The ledger table's column headings in `lang`."""
    return {name: t(f"profile.prov.column.{name}", lang) for name in LEDGER_COLUMNS}


def md_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A table for `st.table`, which renders every cell and heading as Markdown: all text
    escaped (`md_literal`), so data text shows as itself ('1. x' is no list, '*' no emphasis)."""

    def safe(value: object) -> object:
        return md_literal(value) if isinstance(value, str) else value

    def safe_labels(labels: pd.Index) -> pd.Index:
        if isinstance(labels, pd.MultiIndex):
            tuples = [tuple(safe(part) for part in label) for label in labels]
            return pd.MultiIndex.from_tuples(tuples, names=labels.names)
        return pd.Index([safe(label) for label in labels], name=safe(labels.name))

    out = frame.map(safe)
    out.columns = safe_labels(frame.columns)
    out.index = safe_labels(frame.index)
    return out
