"""/outlook's sections as CSV tables and slide tables, one row per value (pure).

A CSV row is a `views.outlook.Row`: the record's heading, what the value is (its role),
the text in the file's language, then the provenance columns (`table_csv`). A slide
table shows the same rows with the basis in words.
"""

from __future__ import annotations

import pandas as pd

from genai_impact.exports.page_tables import PageTable, file_stem
from genai_impact.exports.slides.model import Table
from genai_impact.exports.table_csv import PROVENANCE_COLUMNS, provenance_columns
from genai_impact.report.model import Dataset
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views.outlook import section_rows

COLUMNS: tuple[str, ...] = ("heading", "role", "text")


def section_frame(ds: Dataset, lang: str, section: str) -> pd.DataFrame:
    """One section's values: heading, role, text in `lang`, and their provenance."""
    rows = [
        {
            "heading": row.heading.in_lang(lang),
            "role": t(f"outlook.role.{row.role}", lang),
            "text": row.text.in_lang(lang),
            **provenance_columns(row.prov),
        }
        for row in section_rows(ds, section)
    ]
    frame = pd.DataFrame(rows, columns=[*COLUMNS, *PROVENANCE_COLUMNS])
    return frame.rename(columns={c: t(f"outlook.column.{c}", lang) for c in COLUMNS})


def section_table(ds: Dataset, lang: str, section: str) -> PageTable:
    """The download of one section of /outlook."""
    return PageTable(
        file_stem("outlook", section),
        t(f"outlook.{section}.heading", lang),
        section_frame(ds, lang, section),
        (t(f"outlook.file.{section}", lang),),
    )


def slide_table(ds: Dataset, lang: str, section: str) -> Table:
    """One section as a slide table: the section's name heads the first column; a row per
    value, its record's name on every row, so that a table split over slides still says
    what each row belongs to. A reading carries its marker (the slide's footer explains it)."""
    header = (
        t(f"outlook.slide.{section}", lang),
        t("outlook.column.role", lang),
        t("outlook.column.text", lang),
    )
    values = section_rows(ds, section)
    names = {r.record: r for r in values if r.role == "name"}
    rows = []
    for row in values:
        if row.role == "name":
            continue  # shown in the first column, with its marker
        name = names[row.record]
        rows.append(
            (
                readings.marked(row.heading.in_lang(lang), name.prov, lang),
                t(f"outlook.role.{row.role}", lang),
                readings.marked(row.text.in_lang(lang), row.prov, lang),
            )
        )
    return Table((header,), tuple(rows), (2.6, 1.4, 6.6))
