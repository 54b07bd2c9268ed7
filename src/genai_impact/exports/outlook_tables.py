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
    """One section as a slide table: heading, role, text, basis (the heading once per
    record, as the page groups the values)."""
    header = (
        *(t(f"outlook.column.{c}", lang) for c in COLUMNS),
        t("outlook.column.basis", lang),
    )
    rows, last = [], None
    for row in section_rows(ds, section):
        heading = row.heading.in_lang(lang)
        rows.append(
            (
                heading if row.record != last else "",
                t(f"outlook.role.{row.role}", lang),
                row.text.in_lang(lang),
                t(f"profile.prov.short.{row.prov.basis}", lang),
            )
        )
        last = row.record
    return Table((header,), tuple(rows), (2.4, 1.4, 6.0, 0.9))
