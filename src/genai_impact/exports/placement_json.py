"""A firm's placement as JSON (pure): `genai-impact place` prints it; docs/export-format.md.

The firm's own figures are labelled as entered by the user; everything the report says comes
with its provenance (`prov_json`), our reading steps with `ours: true` and our words.
"""

from __future__ import annotations

from typing import Any

from genai_impact.exports.json_parts import prov_json, sourced_json, text_json
from genai_impact.placement.classify import REFERENCE_SECTOR, Reference
from genai_impact.placement.expectations import Expectations
from genai_impact.placement.model import Placement
from genai_impact.placement.words import reason_text
from genai_impact.report.model import Dataset, Text
from genai_impact.text.i18n import t

FORMAT_VERSION = 1


def _both(key: str, **fmt: Any) -> dict[str, str]:
    return {lang: t(key, lang, **fmt) for lang in ("ja", "en")}


def _industries(ds: Dataset, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"id": i, "name": text_json(ds.industry(i).name)} for i in ids]


def expectations_json(ds: Dataset, e: Expectations) -> dict[str, Any]:
    """An archetype's expectations, counted over its example industries."""
    return {
        "industries": _industries(ds, e.industries),
        "phases": [
            {
                "phase": p.phase,
                "expected": sourced_json(p.expected),
                "effects": [
                    {
                        "kind": tally.kind,
                        "size": tally.size,
                        "industries": list(tally.industries),
                        "count": len(tally.industries),
                        "basis": tally.basis,
                        "rules": list(tally.rules),
                    }
                    for tally in p.tallies
                ],
                "no_effect": list(p.no_effect),
            }
            for p in e.phases
        ],
        "impact_types": [
            {
                "number": i.number,
                "name": text_json(next(x.name for x in ds.impact_types if x.number == i.number)),
                "timings": list(i.timings),
                "industries": list(i.industries),
                "basis": i.basis,
                "rules": list(i.rules),
            }
            for i in e.impact_types
        ],
        "use_cases": [
            {
                "id": u.id,
                "name": text_json(u.name),
                "phases": list(u.phases),
                "directions": list(u.directions),
                "prov": prov_json(u.prov),
            }
            for u in e.use_cases
        ],
        "strategies": [
            {"id": s.id, "name": sourced_json(s.name), "summary": sourced_json(s.summary)}
            for s in e.strategies
        ],
    }


def placement_json(
    ds: Dataset,
    placement: Placement,
    expectations: Expectations,
    entered: dict[str, Any],
    ref: Reference | None = None,
) -> dict[str, Any]:
    """The whole answer: the input as entered, the archetype, the reasons, the expectations."""
    archetype = ds.archetype(placement.archetype)
    point = None
    if placement.x is not None and placement.y is not None:
        point = {
            "capital_per_employee": placement.x,
            "software_per_employee": placement.y,
            "unit": "million_yen_per_employee",
            "entered_by": "user",
        }
    reference = None
    if ref is not None:
        reference = {
            "fiscal_year": ref.year,
            "sector": REFERENCE_SECTOR,
            "capital_per_employee": ref.capital,
            "software_per_employee": ref.software,
            "rd_threshold_percent": ref.rd_threshold,
        }
    sectors = {s.id: s for s in ds.sectors}
    return {
        "format_version": FORMAT_VERSION,
        "entered_by": _both("placement.entered_by_user"),
        "input": entered,
        "method": placement.method,
        "archetype": {
            "code": archetype.code,
            "name": text_json(archetype.name),
            "description": sourced_json_of(archetype.description, archetype.prov),
        },
        "alternatives": list(placement.alternatives),
        "elements": list(placement.elements),
        "point": point,
        "reference": reference,
        "nearest_sectors": [
            {
                "sector": n.sector_id,
                "name": text_json(sectors[n.sector_id].name),
                "archetype": n.archetype,
                "log_distance": n.distance,
            }
            for n in placement.nearest
        ],
        "reasons": [
            {
                "key": r.key,
                "ours": r.ours,
                "text": {lang: reason_text(ds, r, lang) for lang in ("ja", "en")},
                "quote": sourced_json(r.quote),
            }
            for r in placement.reasons
        ],
        "expectations": expectations_json(ds, expectations),
    }


def sourced_json_of(text: Text, prov: Any) -> dict[str, Any]:
    return {**text_json(text), "prov": prov_json(prov)}
