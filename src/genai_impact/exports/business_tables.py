"""The business-type page's tables as CSV rows with provenance (pure: no streamlit).

- the table: one row per value a cell shows (summary, examples, source of revenue,
  direction of competitiveness; per impact its ★ and each of its points), each with its
  own provenance, so a ★ read from the layout carries its note;
- the business elements of the example industries: one row per industry and kind of
  business with an element, `●` where the industry carries it, with the industry's
  provenance (its row of the report's table states the elements).
"""

from __future__ import annotations

import pandas as pd

from genai_impact.exports.page_tables import PageTable, file_stem
from genai_impact.exports.table_csv import PROVENANCE_COLUMNS, provenance_columns
from genai_impact.report.model import Dataset, Provenance
from genai_impact.text.i18n import t
from genai_impact.views import business_types as bt

TABLE_COLUMNS = ("business_type", "item", "value")
ELEMENT_COLUMNS = ("industry", "archetype", "business_type", "value")


def _frame(rows: list[dict[str, str]], columns: tuple[str, ...], lang: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[*columns, *PROVENANCE_COLUMNS])
    return frame.rename(columns={c: t(f"business_types.column.{c}", lang) for c in columns})


def table_rows(ds: Dataset, lang: str) -> pd.DataFrame:
    """The table in reading order: type by type, its texts, then each impact's ★ and points."""
    rows: list[dict[str, str]] = []

    def row(type_name: str, item: str, value: str, prov: Provenance) -> None:
        rows.append(
            {"business_type": type_name, "item": item, "value": value, **provenance_columns(prov)}
        )

    for business_type in ds.business_types:
        name = business_type.name.in_lang(lang)
        for key in bt.OVERVIEW_COLUMNS:
            value = getattr(business_type, key)
            if value is not None:
                row(
                    name,
                    t(f"business_types.column.{key}", lang),
                    value.text.in_lang(lang),
                    value.prov,
                )
        for impact in bt.impacts(ds):
            cell = business_type.cell(impact.id)
            heading = bt.impact_heading(impact, lang)
            row(name, heading, bt.stars(cell.stars), cell.stars_prov)
            for point in cell.points:
                row(name, heading, point.text.in_lang(lang), point.prov)
    return _frame(rows, TABLE_COLUMNS, lang)


def element_rows(ds: Dataset, lang: str) -> pd.DataFrame:
    """Every example industry × each kind of business with an element: ● or empty."""
    rows = []
    for entry in bt.industry_elements(ds):
        for business_type, carries in zip(bt.element_types(ds), entry.carries, strict=True):
            rows.append(
                {
                    "industry": entry.industry.name.in_lang(lang),
                    "archetype": entry.industry.archetype,
                    "business_type": business_type.name.in_lang(lang),
                    "value": bt.carries_text(carries),
                    **provenance_columns(entry.industry.prov),
                }
            )
    return _frame(rows, ELEMENT_COLUMNS, lang)


def business_types_table(ds: Dataset, lang: str) -> PageTable:
    """/business_types: the table, one row per value."""
    return PageTable(
        file_stem("business_types", "table"),
        t("business_types.table.heading", lang),
        table_rows(ds, lang),
        (t("business_types.file.table", lang),),
    )


def elements_table(ds: Dataset, lang: str) -> PageTable:
    """/business_types: the example industries' business elements."""
    return PageTable(
        file_stem("business_types", "elements"),
        t("business_types.elements.heading", lang),
        element_rows(ds, lang),
        (t("business_types.file.elements", lang),),
    )
