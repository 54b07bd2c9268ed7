"""The data set export's sections for what changes for every firm (pure): the
environment changes, the strategy directions and the outlook with other technologies,
every text with its provenance and basis (docs/export-format.md)."""

from __future__ import annotations

from typing import Any

from genai_impact.exports.json_parts import prov_json as _prov
from genai_impact.exports.json_parts import sourced_json as _sourced
from genai_impact.report.model import Dataset


def outlook_sections(ds: Dataset) -> dict[str, list[dict[str, Any]]]:
    """`environment_changes`, `strategies` and `outlook` as JSON-ready lists."""
    return {
        "environment_changes": [
            {
                "id": c.id,
                "name": _sourced(c.name),
                "definition": _sourced(c.definition),
                "points": [_sourced(p) for p in c.points],
            }
            for c in ds.environment_changes
        ],
        "strategies": [
            {
                "id": s.id,
                "name": _sourced(s.name),
                "summary": _sourced(s.summary),
                "points": [_sourced(p) for p in s.points],
                "direction": _sourced(s.direction),
                "responds_to": [
                    {"change": link.change, "prov": _prov(link.prov)} for link in s.responds_to
                ],
                "applies_to": {
                    "scope": s.applies_to.scope,
                    "archetypes": list(s.applies_to.archetypes),
                    "text": _sourced(s.applies_to.text),
                },
            }
            for s in ds.strategies
        ],
        "outlook": [
            {
                "id": o.id,
                "kind": o.kind,
                "name": _sourced(o.name),
                "example": _sourced(o.example),
                "points": [_sourced(p) for p in o.points],
                "prospect": _sourced(o.prospect),
            }
            for o in ds.outlook
        ],
    }
