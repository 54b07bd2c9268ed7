"""The business-type table (data/business_types.yaml): model and parser (pure).

Four kinds of business (labour-, capital-, knowledge-intensive and the common indirect
work) × the two impacts of generative AI, each cell with the report's points and its ★
rating. The parser checks through `validation.Checker`, so a broken file is reported
with file, record and field like every other data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from genai_impact.report.model import Provenance, SourcedText, Text
from genai_impact.report.validation import Checker

FILE = "business_types.yaml"
TOP_LEVEL = ("headline", "lead", "star_legend", "impacts", "business_types")
IMPACT_IDS: tuple[str, ...] = ("automation", "empowerment")
MAX_STARS = 3
TYPE_FIELDS = (
    "id",
    "name",
    "element",
    "summary",
    "examples",
    "revenue_source",
    "competitiveness",
    "impacts",
    "prov",
)


@dataclass(frozen=True)
class BusinessImpact:
    """One of the two impacts: its name in the table's heading and in the figure's lower one."""

    id: str  # "automation" | "empowerment"
    number: int  # ① or ②
    name: SourcedText
    lower_name: SourcedText


@dataclass(frozen=True)
class ImpactCell:
    """A business type × an impact: the report's points and the ★ rating (1-3)."""

    impact: str
    points: tuple[SourcedText, ...]
    stars: int
    stars_prov: Provenance


@dataclass(frozen=True)
class BusinessType:
    id: str
    name: Text
    element: str | None  # the business element of the industries table; None: common work
    summary: SourcedText
    examples: SourcedText | None
    revenue_source: SourcedText
    competitiveness: SourcedText
    impacts: tuple[ImpactCell, ...]
    prov: Provenance

    def cell(self, impact_id: str) -> ImpactCell:
        return next(c for c in self.impacts if c.impact == impact_id)


@dataclass(frozen=True)
class BusinessTypeTable:
    """What stands around the table's rows: headline, lead, the ★ legend, the impact columns."""

    headline: SourcedText
    lead: tuple[SourcedText, ...]
    star_legend: SourcedText
    impacts: tuple[BusinessImpact, ...]

    def impact(self, impact_id: str) -> BusinessImpact:
        return next(i for i in self.impacts if i.id == impact_id)


def parse_business_types(
    c: Checker, doc: dict[str, Any]
) -> tuple[BusinessTypeTable | None, tuple[BusinessType, ...]]:
    """The table's texts and its rows; (None, ()) when a part is broken (reported in `c`)."""
    headline = c.sourced_text_at(doc, "headline", "")
    lead = c.sourced_texts(doc, "lead", "")
    legend = c.sourced_text_at(doc, "star_legend", "")
    impacts = _impacts(c, doc)
    types = tuple(_business_type(c, node, path) for node, path in _type_items(c, doc))
    parts = (headline, legend, *lead, *impacts, *types)
    if any(part is None for part in parts) or not types:
        return None, ()
    return BusinessTypeTable(headline, lead, legend, impacts), types  # type: ignore[arg-type]


def _impacts(c: Checker, doc: dict[str, Any]) -> tuple[BusinessImpact, ...]:
    items = c.items(doc, "impacts", "")
    c.unique_field(items, "id", "impact id")
    out = []
    for node, path in items:
        rec = c.record(node, path, ("id", "number", "name", "lower_name"))
        impact_id = c.choice(rec, "id", path, IMPACT_IDS, "impact id")
        number = c.integer(rec, "number", path, 1, len(IMPACT_IDS))
        name = c.sourced_text_at(rec, "name", path)
        lower = c.sourced_text_at(rec, "lower_name", path)
        if None in (impact_id, number, name, lower):
            out.append(None)
            continue
        out.append(BusinessImpact(impact_id, number, name, lower))
    if isinstance(doc.get("impacts"), list) and len(items) != len(IMPACT_IDS):
        c.problem("impacts", f"expected {len(IMPACT_IDS)} impacts {IMPACT_IDS}, got {len(items)}")
    return tuple(out)  # type: ignore[arg-type]


def _type_items(c: Checker, doc: dict[str, Any]) -> list[tuple[Any, str]]:
    items = c.items(doc, "business_types", "")
    c.unique_field(items, "id", "id")
    elements = [(n.get("element"), f"{p}.element") for n, p in items if isinstance(n, dict)]
    c.unique(elements, "business element")
    return items


def _business_type(c: Checker, node: Any, path: str) -> BusinessType | None:
    rec = c.record(node, path, TYPE_FIELDS)
    element = None
    if rec.get("element") is not None:
        element = c.choice(rec, "element", path, c.known.business_elements, "business element id")
    examples = None
    if rec.get("examples") is not None:
        examples = c.sourced_text_at(rec, "examples", path)
    values = {
        "id": c.identifier(rec, "id", path),
        "name": c.text_at(rec, "name", path),
        "summary": c.sourced_text_at(rec, "summary", path),
        "revenue_source": c.sourced_text_at(rec, "revenue_source", path),
        "competitiveness": c.sourced_text_at(rec, "competitiveness", path),
        "impacts": _cells(c, rec, path),
        "prov": c.prov_at(rec, "prov", path),
    }
    broken = rec.get("element") is not None and element is None
    broken = broken or (rec.get("examples") is not None and examples is None)
    if broken or any(v is None for v in values.values()):
        return None
    return BusinessType(element=element, examples=examples, **values)


def _cells(c: Checker, rec: dict[str, Any], path: str) -> tuple[ImpactCell, ...] | None:
    """Exactly one cell per impact, in the impacts' order."""
    items = c.items(rec, "impacts", path)
    cells = [_cell(c, node, p) for node, p in items]
    if "impacts" not in rec or not isinstance(rec["impacts"], list):
        return None
    found = [node.get("impact") for node, _ in items if isinstance(node, dict)]
    if found != list(IMPACT_IDS):
        c.problem(f"{path}.impacts", f"expected one cell per impact in order {IMPACT_IDS}")
        return None
    if any(cell is None for cell in cells):
        return None
    return tuple(cells)  # type: ignore[arg-type]


def _cell(c: Checker, node: Any, path: str) -> ImpactCell | None:
    rec = c.record(node, path, ("impact", "points", "stars", "stars_prov"))
    impact = c.choice(rec, "impact", path, IMPACT_IDS, "impact id")
    points = c.sourced_texts(rec, "points", path)
    if isinstance(rec.get("points"), list) and not points:
        c.problem(f"{path}.points", "empty list: needs at least one point")
    stars = c.integer(rec, "stars", path, 1, MAX_STARS)
    prov = c.prov_at(rec, "stars_prov", path)
    if impact is None or stars is None or prov is None or not points or None in points:
        return None
    return ImpactCell(impact, points, stars, prov)  # type: ignore[arg-type]
