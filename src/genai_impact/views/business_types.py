"""The business-type table and the business elements of each example industry (pure).

The table: the four kinds of business × the two impacts of generative AI, each cell with
its ★ as the report prints them; a ★ count was read from the layout (the text lost which
cell each ★ string belongs to), so every ★ cell carries one quiet marker and the page a
legend line with the rule. The industries: for each of the 19 example industries, a ● under
each kind of business whose element (labour, capital, knowledge) it carries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from genai_impact.report.business_types import BusinessImpact, BusinessType
from genai_impact.report.model import Dataset, Industry, Provenance
from genai_impact.text import readings
from genai_impact.text.i18n import t
from genai_impact.views.profile import in_report_order

STAR = "★"
CARRIES = "●"
CIRCLED = {1: "①", 2: "②"}
OVERVIEW_COLUMNS = ("examples", "summary", "revenue_source", "competitiveness")


def cell_target(type_id: str, impact_id: str) -> str:
    """The annotation target of a cell of the table: 'cell:<type id>:<impact id>'."""
    return f"cell:{type_id}:{impact_id}"


def with_marks(text: str, marks: Mapping[str, str], target: str) -> str:
    """`text` then the annotation markers (①②) pinned to `target`, if any."""
    found = marks.get(target, "")
    return f"{text} {found}" if found else text


def stars(count: int) -> str:
    """'★★★': a rating as the report prints it."""
    return STAR * count


def marked_stars(count: int, prov: Provenance, lang: str) -> str:
    """The ★ with the reading mark when its placement is our reading of the layout."""
    return readings.marked(stars(count), prov, lang)


def impact_heading(impact: BusinessImpact, lang: str) -> str:
    """'① 自動化領域の拡大' (the table's upper heading; `lower_heading` gives the other)."""
    return f"{CIRCLED.get(impact.number, impact.number)} {impact.name.text.in_lang(lang)}"


def lower_heading(impact: BusinessImpact, lang: str) -> str | None:
    """The figure's lower name of the impact when it differs from the upper one."""
    lower = impact.lower_name.text.in_lang(lang)
    return lower if lower != impact.name.text.in_lang(lang) else None


def type_label(business_type: BusinessType, lang: str) -> str:
    """'労働集約型（介護、物流等）': the type and the report's examples, when it has some."""
    name = business_type.name.in_lang(lang)
    if business_type.examples is None:
        return name
    return t(
        "business_types.type_label",
        lang,
        name=name,
        examples=business_type.examples.text.in_lang(lang),
    )


def impacts(ds: Dataset) -> tuple[BusinessImpact, ...]:
    return ds.business_type_table.impacts if ds.business_type_table else ()


def overview_frame(ds: Dataset, lang: str, marks: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Rows = business types; columns = examples, summary, revenue source, direction of
    competitiveness, then one ★ column per impact (marked where read from layout, then the
    markers of the annotations pinned to the cell: `marks` maps a target to ①②)."""
    marks = marks or {}
    rows = []
    for business_type in ds.business_types:
        examples = business_type.examples.text.in_lang(lang) if business_type.examples else ""
        row = {
            "examples": examples,
            "summary": business_type.summary.text.in_lang(lang),
            "revenue_source": business_type.revenue_source.text.in_lang(lang),
            "competitiveness": business_type.competitiveness.text.in_lang(lang),
        }
        for impact in impacts(ds):
            cell = business_type.cell(impact.id)
            shown = marked_stars(cell.stars, cell.stars_prov, lang)
            row[impact.id] = with_marks(shown, marks, cell_target(business_type.id, impact.id))
        rows.append(row)
    columns = {c: t(f"business_types.column.{c}", lang) for c in OVERVIEW_COLUMNS}
    columns |= {i.id: impact_heading(i, lang) for i in impacts(ds)}
    index = pd.Index(
        [b.name.in_lang(lang) for b in ds.business_types],
        name=t("business_types.column.business_type", lang),
    )
    return pd.DataFrame(rows, index=index).rename(columns=columns)


@dataclass(frozen=True)
class IndustryElements:
    """One example industry and, per kind of business with an element, whether it carries it."""

    industry: Industry
    carries: tuple[bool, ...]  # in the order of `element_types`


def element_types(ds: Dataset) -> tuple[BusinessType, ...]:
    """The kinds of business that stand for a business element (the common work has none)."""
    return tuple(b for b in ds.business_types if b.element is not None)


def industry_elements(ds: Dataset) -> list[IndustryElements]:
    """The 19 example industries in the report's order, each with its elements as ● flags."""
    columns = element_types(ds)
    return [
        IndustryElements(i, tuple(b.element in i.business_elements for b in columns))
        for i in in_report_order(ds)
    ]


def carries_text(carries: bool) -> str:
    return CARRIES if carries else ""


def types_of_industry(ds: Dataset, industry: Industry, lang: str) -> list[str]:
    """The names of the kinds of business whose element `industry` carries."""
    return [
        b.name.in_lang(lang) for b in element_types(ds) if b.element in industry.business_elements
    ]


def cell_label(business_type: BusinessType, impact: BusinessImpact, lang: str) -> str:
    """'労働集約型 × ① 自動化領域の拡大: ★★★': a ★ cell named in a source table."""
    stars_shown = stars(business_type.cell(impact.id).stars)
    return f"{business_type.name.in_lang(lang)} × {impact_heading(impact, lang)}: {stars_shown}"
