"""What a chart or table shows -> CSV bytes with provenance columns (pure).

The CSV holds exactly the rows and columns given, in that order, followed by the
provenance columns `PROVENANCE_COLUMNS`. It is UTF-8 with a byte-order mark so
that Excel opens Japanese text correctly, has CRLF line ends (RFC 4180) and no
index column. Text cells and headers that a spreadsheet would read as a formula
(starting with = + - @, a tab, CR or LF, also after leading spaces) get a leading
apostrophe, so opening the file runs nothing, whoever typed the text.

Given the file's language (`lang`), the provenance columns are headed in it and
their `basis` says it in words (`basis_text`), a reading from the report's layout
followed by the app's marker † (`text.readings`).

For the whole curated data set, see `exports.dataset` instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from genai_impact.report.model import Provenance
from genai_impact.text import readings
from genai_impact.text.i18n import t

# source: a source id from data/sources.yaml (or the statistic's producer);
# lines: the line range of the report's text ("L12–20"), when the value is curated;
# statistic: the official statistic behind a figure (table, item, fiscal year);
# basis: stated | layout for curated values, "statistic" for official figures;
# note: why a layout reading was made.
PROVENANCE_COLUMNS: tuple[str, ...] = ("source", "lines", "statistic", "basis", "note")
REQUIRED_PROVENANCE: tuple[str, ...] = ("source", "basis")
BOM = b"\xef\xbb\xbf"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
BASIS_CODES = ("stated", "layout", "statistic", "not_stated")


def provenance_columns(prov: Provenance) -> dict[str, str]:
    """The provenance columns of one curated value."""
    return {
        "source": prov.source,
        "lines": prov.lines_label(),
        "statistic": "",
        "basis": prov.basis,
        "note": prov.note or "",
    }


def defuse(value: object) -> object:
    """`value`, with a leading apostrophe when it is text a spreadsheet would run as a
    formula (it starts with = + - @, tab, CR or LF, possibly after spaces)."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def basis_text(basis: str, lang: str) -> str:
    """A basis code (`BASIS_CODES`) as the app words it in `lang` ('レイアウトから読取†':
    a reading carries the app's marker); other text unchanged."""
    if basis in ("stated", "layout"):
        return readings.marked(t(f"common.prov.basis.{basis}.label", lang), basis, lang)
    if basis in BASIS_CODES:
        return t(f"tables.basis.{basis}", lang)
    return basis


def provenance_header(name: str, lang: str) -> str:
    """The header of provenance column `name` in `lang`."""
    return t(f"tables.provenance.{name}", lang)


def to_csv_bytes(
    df: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    provenance: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> bytes:
    """`df` as CSV bytes: `columns` (default: all but the provenance ones) in order,
    then the provenance columns.

    Each provenance column comes from `df` (one value per row) or, when `df` has
    no such column, from `provenance` (one value for every row). `source` and
    `basis` must come from one of them (ValueError otherwise); the others may be
    left out and are then empty. With `lang`, the provenance columns are headed in that
    language and `basis` codes are written in its words.
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
    if lang is not None:
        out["basis"] = [basis_text(str(b), lang) if isinstance(b, str) else b for b in out["basis"]]
        out = out.rename(
            columns={name: provenance_header(name, lang) for name in PROVENANCE_COLUMNS}
        )
    out = out.map(defuse)
    out.columns = [str(defuse(str(c))) for c in out.columns]
    text = out.to_csv(index=False, lineterminator="\r\n")
    return BOM + text.encode("utf-8")
