"""The business-type table's quotes, for `report_excerpt.quotes` (label, text, provenance)."""

from __future__ import annotations

from genai_impact.report.model import Dataset, Provenance, Text


def business_type_quotes(ds: Dataset) -> list[tuple[str, Text, Provenance]]:
    """Every text of data/business_types.yaml that is the report's wording, and each ★
    string at the line its reading cites."""
    out: list[tuple[str, Text, Provenance]] = []
    table = ds.business_type_table
    if table is None:
        return out
    out.append(("business types headline", table.headline.text, table.headline.prov))
    for i, lead in enumerate(table.lead):
        out.append((f"business types lead[{i}]", lead.text, lead.prov))
    out.append(("business types star legend", table.star_legend.text, table.star_legend.prov))
    for impact in table.impacts:
        out.append((f"business impact {impact.id} name", impact.name.text, impact.name.prov))
        lower = impact.lower_name
        out.append((f"business impact {impact.id} lower name", lower.text, lower.prov))
    for bt in ds.business_types:
        out.append((f"business type {bt.id} name", bt.name, bt.prov))
        for key in ("summary", "examples", "revenue_source", "competitiveness"):
            value = getattr(bt, key)
            if value is not None:
                out.append((f"business type {bt.id} {key}", value.text, value.prov))
        for cell in bt.impacts:
            stars = Text(ja="★" * cell.stars, en="★" * cell.stars)
            out.append((f"business type {bt.id} {cell.impact} stars", stars, cell.stars_prov))
            for i, point in enumerate(cell.points):
                label = f"business type {bt.id} {cell.impact} point[{i}]"
                out.append((label, point.text, point.prov))
    return out
