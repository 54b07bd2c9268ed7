"""The data set export's `business_types` section (docs/export-format.md), pure.

The business-type table as plain JSON-ready values: its headline, lead and ★ legend, the
two impacts with both their names, and the four kinds of business × the two impacts with
the report's points and the ★ count, each value with its provenance and basis.
"""

from __future__ import annotations

from typing import Any

from genai_impact.exports.json_parts import prov_json as _prov
from genai_impact.exports.json_parts import sourced_json as _sourced
from genai_impact.report.business_types import BusinessImpact, BusinessType, ImpactCell
from genai_impact.report.model import Dataset


def _impact(impact: BusinessImpact) -> dict[str, Any]:
    return {
        "id": impact.id,
        "number": impact.number,
        "name": _sourced(impact.name),
        "lower_name": _sourced(impact.lower_name),
    }


def _cell(cell: ImpactCell) -> dict[str, Any]:
    return {
        "impact": cell.impact,
        "stars": {"count": cell.stars, "prov": _prov(cell.stars_prov)},
        "points": [_sourced(p) for p in cell.points],
    }


def _type(business_type: BusinessType) -> dict[str, Any]:
    examples = business_type.examples
    return {
        "id": business_type.id,
        "name": {"ja": business_type.name.ja, "en": business_type.name.en},
        "element": business_type.element,
        "summary": _sourced(business_type.summary),
        "examples": _sourced(examples) if examples is not None else None,
        "revenue_source": _sourced(business_type.revenue_source),
        "competitiveness": _sourced(business_type.competitiveness),
        "impacts": [_cell(c) for c in business_type.impacts],
        "prov": _prov(business_type.prov),
    }


def business_types_json(ds: Dataset) -> dict[str, Any] | None:
    """The `business_types` section; None when the data set has no business-type table."""
    table = ds.business_type_table
    if table is None:
        return None
    return {
        "headline": _sourced(table.headline),
        "lead": [_sourced(item) for item in table.lead],
        "star_legend": _sourced(table.star_legend),
        "impacts": [_impact(i) for i in table.impacts],
        "types": [_type(b) for b in ds.business_types],
    }
