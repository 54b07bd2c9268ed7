"""The summary figures' sections of the JSON data set export (pure).

`impact_examples`, `change_levels` and `phase_flows`, in the shape documented in
docs/export-format.md; every value carries its provenance (`prov`: source, lines, basis,
note), as the rest of the export does.
"""

from __future__ import annotations

from typing import Any

from genai_impact.exports.json_parts import prov_json as _prov
from genai_impact.exports.json_parts import sourced_json as _sourced
from genai_impact.exports.json_parts import text_json as _text
from genai_impact.report.model import Dataset


def summary_sections(ds: Dataset) -> dict[str, list[dict[str, Any]]]:
    """The three sections, each a list in the report's order."""
    return {
        "impact_examples": [
            {
                "industry": e.industry,
                "impact_type": e.impact_type,
                "text": _text(e.text),
                "prov": _prov(e.prov),
            }
            for e in ds.impact_examples
        ],
        "change_levels": [
            {
                "level": lv.level,
                "name": _text(lv.name),
                "examples": [
                    {
                        "name": _text(x.name),
                        "industries": list(x.industries),
                        "prov": _prov(x.prov),
                    }
                    for x in lv.examples
                ],
                "prov": _prov(lv.prov),
            }
            for lv in ds.change_levels
        ],
        "phase_flows": [
            {
                "id": f.id,
                "phases": list(f.phases),
                "steps": [[_sourced(p) for p in step.phrases] for step in f.steps],
                "prov": _prov(f.prov),
            }
            for f in ds.phase_flows
        ],
    }
