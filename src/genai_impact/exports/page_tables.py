"""The profile pages' tables as CSV rows with provenance (pure: no streamlit).

What a table on /impacts, /use_cases or /industries shows, one row per value, so each
row carries that value's own provenance (`table_csv.PROVENANCE_COLUMNS`):

- the impact matrix: one row per cell (industry × impact type), empty cells too;
- the use-case grid: one row per use case in a cell (direction × phase); a cell without
  a use case is one row with no use case;
- the comparison of two industries: one row per compared aspect and industry (each side
  has its own source);
- a section's source table (`provenance_ledger.Ledger`, e.g. a profile's effects per
  phase): one row per numbered value, as the table lists them.

A row whose cell holds nothing the data attributes has no source, lines or basis; its
`note` says why. Data headers are in the page's language (catalogue `tables.column.*`);
the provenance columns keep their names in every language. `file_stem` names the file
after the page, the table and the filters applied.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import pandas as pd

from genai_impact.exports.table_csv import PROVENANCE_COLUMNS, provenance_columns
from genai_impact.report.model import Dataset, Industry, Provenance
from genai_impact.text.i18n import catalogue, t
from genai_impact.views.comparison import aspect_label, marked_side
from genai_impact.views.impacts import cell_text, matrix_industries, type_heading, types_by_level
from genai_impact.views.profile import compare_industries, impact_of_type
from genai_impact.views.provenance_ledger import Ledger
from genai_impact.views.use_cases import shown_phases, use_case_grid

IMPACT_COLUMNS = ("industry", "archetype", "level", "impact_type", "timing", "cell")
USE_CASE_COLUMNS = ("direction", "phase", "use_case", "detail")
COMPARE_COLUMNS = ("aspect", "industry", "value", "differs")
LEDGER_DATA = ("number", "value")  # then the provenance columns
_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")


@dataclass(frozen=True)
class PageTable:
    """One table's download: file-name start, title, and the rows with provenance."""

    stem: str
    title: str
    frame: pd.DataFrame
    # which of the page's tables, in words, for the file's name (after the page's view)
    words: tuple[str, ...] = ()


def _missing(note: str) -> dict[str, str]:
    """The provenance columns of a cell the data attributes nothing to: nothing to cite."""
    return {name: "" for name in PROVENANCE_COLUMNS} | {"note": note}


def _prov(prov: Provenance | None, note_if_none: str) -> dict[str, str]:
    return provenance_columns(prov) if prov is not None else _missing(note_if_none)


def _frame(rows: list[dict[str, str]], columns: Sequence[str], lang: str) -> pd.DataFrame:
    """`rows` with data headers in `lang` (provenance column names unchanged)."""
    frame = pd.DataFrame(rows, columns=[*columns, *PROVENANCE_COLUMNS])
    return frame.rename(columns={c: t(f"tables.column.{c}", lang) for c in columns})


def header(columns: Sequence[str], lang: str) -> list[str]:
    """The CSV's header row for a table of `columns`: data headers in `lang`, then provenance."""
    return [*(t(f"tables.column.{c}", lang) for c in columns), *PROVENANCE_COLUMNS]


def impact_rows(ds: Dataset, lang: str, archetypes: Collection[str] = ()) -> pd.DataFrame:
    """The impact matrix as on screen (industries of `archetypes`, every type): one row per
    cell, in reading order (industry by industry, types by level as the columns)."""
    none = t("tables.note.not_attributed", lang)
    rows = []
    for industry in matrix_industries(ds, archetypes):
        for level, types in types_by_level(ds):
            for impact_type in types:
                impact = impact_of_type(industry, impact_type.number)
                rows.append(
                    {
                        "industry": industry.name.in_lang(lang),
                        "archetype": industry.archetype,
                        "level": level.name.in_lang(lang),
                        "impact_type": type_heading(impact_type, lang),
                        "timing": ds.timing(impact.timing).name.in_lang(lang) if impact else "",
                        "cell": cell_text(impact, lang),
                        **_prov(impact.prov if impact else None, none),
                    }
                )
    return _frame(rows, IMPACT_COLUMNS, lang)


def use_case_rows(
    ds: Dataset, lang: str, phases: Collection[str] = (), directions: Collection[str] = ()
) -> pd.DataFrame:
    """The use-case grid as on screen (the chosen directions × phases): one row per use case
    in each cell, row by row and column by column; an empty cell is one row without one."""
    shown = shown_phases(ds, phases)
    empty = t("tables.note.empty_cell", lang)
    rows = []
    for row in use_case_grid(ds, phases, directions):
        direction = f"{row.direction.number}. {row.direction.name.in_lang(lang)}"
        for phase, cell in zip(shown, row.cells, strict=True):
            where = {"direction": direction, "phase": phase.name.in_lang(lang)}
            if not cell:
                rows.append({**where, "use_case": "", "detail": "", **_missing(empty)})
            for use_case in cell:
                detail = use_case.detail.in_lang(lang) if use_case.detail else ""
                rows.append(
                    {
                        **where,
                        "use_case": use_case.name.in_lang(lang),
                        "detail": detail,
                        **provenance_columns(use_case.prov),
                    }
                )
    return _frame(rows, USE_CASE_COLUMNS, lang)


def comparison_rows(ds: Dataset, a: Industry, b: Industry, lang: str) -> pd.DataFrame:
    """The comparison table as on screen: one row per compared aspect and industry (a, then
    b), each with the source of that industry's value."""
    none = t("tables.note.not_attributed", lang)
    rows = []
    for compared in compare_industries(ds, a, b):
        aspect = aspect_label(ds, compared, lang)
        differs = t(f"profile.compare.{'differs' if compared.differs else 'same'}", lang)
        for industry, side in ((a, compared.a), (b, compared.b)):
            rows.append(
                {
                    "aspect": aspect,
                    "industry": industry.name.in_lang(lang),
                    "value": marked_side(ds, compared, side, lang),  # as on screen: † if read
                    "differs": differs,
                    **_prov(side.prov, none),
                }
            )
    return _frame(rows, COMPARE_COLUMNS, lang)


def ledger_rows(ledger: Ledger, lang: str) -> pd.DataFrame:
    """A section's source table: the number of each basis marker, the value it stands
    beside, and that value's provenance (the source id, where the table shows its name)."""
    rows = [
        {"number": number, "value": value, **provenance_columns(prov)}
        for number, (value, prov) in enumerate(ledger.entries, start=1)
    ]
    frame = pd.DataFrame(rows, columns=["number", "value", *PROVENANCE_COLUMNS])
    return frame.rename(columns={c: t(f"profile.prov.column.{c}", lang) for c in LEDGER_DATA})


def file_stem(page_id: str, *parts: str, **filters: Collection[str]) -> str:
    """The file name's start: page, table, then each filter applied with its values, e.g.
    `impacts-matrix-arch-A-C` or `use_cases-grid-direction-6`. Only letters, digits and
    `_` survive in each part (URL values are ids already; this keeps names safe anyway)."""
    words = [page_id, *parts]
    for name, values in filters.items():
        if values:
            words += [name, *values]
    return "-".join(w for w in (_UNSAFE.sub("_", str(word)).strip("_") for word in words) if w)


# What a page offers for download -------------------------------------------------------------


def impacts_table(ds: Dataset, lang: str, archetypes: Collection[str] = ()) -> PageTable:
    """/impacts: the matrix of the industries of `archetypes` (?arch=)."""
    return PageTable(
        file_stem("impacts", "matrix", arch=archetypes),
        t("impacts.matrix.heading", lang),
        impact_rows(ds, lang, archetypes),
    )


def use_cases_table(
    ds: Dataset, lang: str, phases: Collection[str] = (), directions: Collection[str] = ()
) -> PageTable:
    """/use_cases: the grid of the chosen phases (?phase=) and directions (?direction=)."""
    return PageTable(
        file_stem("use_cases", "grid", phase=phases, direction=directions),
        t("use_cases.grid.heading", lang),
        use_case_rows(ds, lang, phases, directions),
    )


def comparison_table(ds: Dataset, a: Industry, b: Industry, lang: str) -> PageTable:
    """/industries?industry=a&compare=b: the comparison table."""
    names = {"a": a.name.in_lang(lang), "b": b.name.in_lang(lang)}
    return PageTable(
        file_stem("industries", a.id, "vs", b.id),
        t("industries.compare.heading", lang, **names),
        comparison_rows(ds, a, b, lang),
    )


def sources_table(
    ledger: Ledger,
    lang: str,
    page_id: str,
    section: str,
    filters: dict[str, Collection[str]],
    heading: str | None = None,
) -> PageTable:
    """A section's source table (the page's `filters`: the URL parameters it reads;
    `heading`: the section's heading on screen, the file name's words when the catalogue
    has none for `section`)."""
    return PageTable(
        file_stem(page_id, "sources", section, **filters),
        t("profile.prov.expander", lang, count=len(ledger.entries)),
        ledger_rows(ledger, lang),
        (section_words(section, lang, heading), t("tables.file.sources", lang)),
    )


def section_words(section: str, lang: str, heading: str | None = None) -> str:
    """A page section's name for a file name (`type-3`: the impact type's number). A
    section the catalogue does not name (`tables.file.section.<section>`) takes its
    heading, else its id: a missing name must not stop the download."""
    if section.startswith("type-"):
        return t("tables.file.section.type", lang, number=section.removeprefix("type-"))
    key = f"tables.file.section.{section}"
    if key in catalogue(lang):
        return t(key, lang)
    return heading or section
