"""Provenance on demand, the light way (pure: no streamlit).

A section of a page numbers each value it shows with a compact basis marker
(`記載 1`, `読取 2`) and lists the numbers once, in one table per section: source,
seed lines and the reason for a `layout` reading. One table instead of a popover
per value keeps a page with ~70 values as fast as a plain one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from genai_impact.report.model import Dataset, Provenance
from genai_impact.text.display import BASIS_COLOURS, BASIS_ICONS, md_literal
from genai_impact.text.i18n import t

LEDGER_COLUMNS = ("number", "value", "basis", "source", "lines", "note")


def basis_marker(basis: str, number: int | None, lang: str) -> str:
    """A compact coloured badge: icon, short basis name and the row number in the table."""
    colour = BASIS_COLOURS.get(basis, "gray")
    icon = BASIS_ICONS.get(basis, "")
    short = t(f"profile.prov.short.{basis}", lang)
    suffix = f" {number}" if number is not None else ""
    return f":{colour}-badge[{icon} {short}{suffix}]"


@dataclass
class Ledger:
    """The values a section shows, numbered in the order they are marked."""

    lang: str
    entries: list[tuple[str, Provenance]] = field(default_factory=list)

    def mark(self, value: str, prov: Provenance) -> str:
        """Record `value` (plain text) with its provenance; the marker to show beside it."""
        for number, (seen_value, seen_prov) in enumerate(self.entries, start=1):
            if seen_value == value and seen_prov == prov:
                return basis_marker(prov.basis, number, self.lang)
        self.entries.append((value, prov))
        return basis_marker(prov.basis, len(self.entries), self.lang)

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
                    "basis": t(f"common.prov.basis.{prov.basis}.label", self.lang),
                    "source": source.citation.in_lang(self.lang),
                    "lines": lines,
                    "note": prov.note or "",
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
