"""A saved view of /business_types as a slide (pure): the report's table of business types
× the two impacts of generative AI, each cell its ★ (marked as our reading where it is)
and the report's points, as a native table; the ★ legend and the reading rule in the
subtitle, as on screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from genai_impact.exports.slides.model import Slide, Table
from genai_impact.report.business_types import BusinessType
from genai_impact.report.model import Dataset
from genai_impact.text.i18n import t
from genai_impact.views import business_types as bt

POINT = {"ja": "・", "en": "• "}  # a point's bullet, one per line


def business_types_table(ds: Dataset, lang: str, marks: Mapping[str, str] | None = None) -> Table:
    """Rows = the four kinds of business (with examples and source of revenue); one column
    per impact: its ★ (then the markers ①② of the annotations pinned to the cell), then its
    points, one per line."""
    marks = marks or {}
    impacts = bt.impacts(ds)
    header = (
        t("business_types.column.business_type", lang),
        t("business_types.column.revenue_source", lang),
        *(bt.impact_heading(i, lang) for i in impacts),
    )
    rows = []
    for business_type in ds.business_types:
        points = {i.id: _cell_text(business_type, i.id, lang, marks) for i in impacts}
        rows.append(
            (
                bt.type_label(business_type, lang),
                business_type.revenue_source.text.in_lang(lang),
                *(points[i.id] for i in impacts),
            )
        )
    widths = (2.0, 1.4, *(3.4 for _ in impacts))
    return Table((header,), tuple(rows), widths)


def _cell_text(
    business_type: BusinessType, impact_id: str, lang: str, marks: Mapping[str, str]
) -> str:
    cell = business_type.cell(impact_id)
    points = [f"{POINT.get(lang, POINT['en'])}{p.text.in_lang(lang)}" for p in cell.points]
    stars = bt.marked_stars(cell.stars, cell.stars_prov, lang)
    stars = bt.with_marks(stars, marks, bt.cell_target(business_type.id, impact_id))
    return "\n".join([stars, *points])


def business_types_slide(base: Slide, ds: Dataset, marks: Mapping[str, str] | None = None) -> Slide:
    """`base` (title, source, link, notes of the saved view) with the table and its legend;
    `marks`: annotation target -> its markers (①②), drawn in their cells."""
    lang = base.lang
    table = ds.business_type_table
    subtitle = [t("business_types.slide.heading", lang)]
    if table is not None:
        legend = t("business_types.table.legend", lang, legend=table.star_legend.text.in_lang(lang))
        subtitle += [legend, t("business_types.slide.reading", lang)]
    return replace(base, subtitle=tuple(subtitle), tables=(business_types_table(ds, lang, marks),))
