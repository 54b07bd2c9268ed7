"""What a chart or table shows -> CSV bytes with provenance columns (pure).

The CSV holds exactly the rows and columns given, in that order, followed by the
provenance columns `PROVENANCE_COLUMNS`. It is UTF-8 with a byte-order mark so
that Excel opens Japanese text correctly, has CRLF line ends (RFC 4180) and no
index column. Text cells that a spreadsheet would read as a formula (starting
with = + - @, tab or CR) get a leading apostrophe, so opening the file runs
nothing.

For the whole curated data set, see `exports.dataset` instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from genai_impact.report.model import Provenance

# source: a source id from data/sources.yaml (or the statistic's producer);
# lines: the line range of the report's text ("L12–20"), when the value is curated;
# statistic: the official statistic behind a figure (table, item, fiscal year);
# basis: stated | layout for curated values, "statistic" for official figures;
# note: why a layout reading was made.
PROVENANCE_COLUMNS: tuple[str, ...] = ("source", "lines", "statistic", "basis", "note")
REQUIRED_PROVENANCE: tuple[str, ...] = ("source", "basis")
BOM = b"\xef\xbb\xbf"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def provenance_columns(prov: Provenance) -> dict[str, str]:
    """The provenance columns of one curated value."""
    return {
        "source": prov.source,
        "lines": prov.lines_label(),
        "statistic": "",
        "basis": prov.basis,
        "note": prov.note or "",
    }


def _defuse(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv_bytes(
    df: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    provenance: Mapping[str, str] | None = None,
) -> bytes:
    """`df` as CSV bytes: `columns` (default: all but the provenance ones) in order,
    then the provenance columns.

    Each provenance column comes from `df` (one value per row) or, when `df` has
    no such column, from `provenance` (one value for every row). `source` and
    `basis` must come from one of them (ValueError otherwise); the others may be
    left out and are then empty.
    """
    provenance = dict(provenance or {})
    unknown = set(provenance) - set(PROVENANCE_COLUMNS)
    if unknown:
        raise ValueError(f"not provenance columns: {sorted(unknown)}; use {PROVENANCE_COLUMNS}")
    missing = [c for c in REQUIRED_PROVENANCE if c not in df.columns and c not in provenance]
    if missing:
        raise ValueError(f"no provenance for {missing}: give a column or a value for every row")
    data_columns = (
        list(columns)
        if columns is not None
        else [c for c in df.columns if c not in PROVENANCE_COLUMNS]
    )
    clash = [c for c in data_columns if c in PROVENANCE_COLUMNS]
    if clash:
        raise ValueError(f"provenance columns come last, not among the data columns: {clash}")
    absent = [c for c in data_columns if c not in df.columns]
    if absent:
        raise ValueError(f"columns not in the data: {absent}")
    out = df.loc[:, data_columns].copy()
    for name in PROVENANCE_COLUMNS:
        out[name] = df[name] if name in df.columns else provenance.get(name, "")
    out = out.map(_defuse)
    text = out.to_csv(index=False, lineterminator="\r\n")
    return BOM + text.encode("utf-8")
