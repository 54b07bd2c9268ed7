"""The whole `Dataset` as JSON (a documented contract) or as one long CSV of facts (pure).

The JSON shape is specified in docs/export-format.md; change both together and bump
`FORMAT_VERSION` when a key changes meaning or disappears. Output is deterministic:
the same data gives the same bytes (no timestamps, the data's own order).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from genai_impact import __version__
from genai_impact.exports.dataset_business import business_types_json
from genai_impact.exports.dataset_outlook import outlook_sections
from genai_impact.exports.dataset_summary import summary_sections
from genai_impact.exports.json_parts import prov_json, text_json
from genai_impact.exports.table_csv import defuse
from genai_impact.report.facts import facts
from genai_impact.report.model import (
    Dataset,
    Effect,
    Industry,
    IndustryImpact,
    Provenance,
    SectorLink,
    Source,
    SourcedText,
    Text,
)

FORMAT_VERSION = 1
CSV_COLUMNS = (
    "table",
    "record_id",
    "field",
    "value_ja",
    "value_en",
    "source",
    "lines",
    "basis",
    "rule",
    "note",
)


# --- JSON ------------------------------------------------------------------------------


def _text(text: Text) -> dict[str, str]:
    return text_json(text)


def _sourced(item: SourcedText) -> dict[str, Any]:
    return {**_text(item.text), "prov": prov_json(item.prov)}


def _flat(prov: Provenance) -> dict[str, Any]:
    """Provenance keys inlined into a small record (effects, impacts, sector links)."""
    as_json = prov_json(prov)
    return {
        "basis": as_json["basis"],
        "source": as_json["source"],
        "lines": as_json["lines"],
        "rule": as_json["rule"],
        "note": as_json["note"],
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "kind": source.kind,
        "producer": _text(source.producer),
        "title": _text(source.title),
        "title_note": source.title_note,
        "citation": _text(source.citation),
        "url": source.url,
        "information_as_of": _text(source.information_as_of),
        "estat_table": source.estat_table,
        "fiscal_year_in_report": source.fiscal_year_in_report,
        "seed_file": source.seed_file,
        "seed_lines": list(source.seed_lines) if source.seed_lines else None,
        "prov": prov_json(source.prov),
    }


def _effect(effect: Effect) -> dict[str, Any]:
    return {"kind": effect.kind, "size": effect.size, **_flat(effect.prov)}


def _impact(impact: IndustryImpact) -> dict[str, Any]:
    return {"number": impact.number, "timing": impact.timing, **_flat(impact.prov)}


def _sector_link(link: SectorLink) -> dict[str, Any]:
    return {"estat_code": link.estat_code, **_flat(link.prov)}


def _industry(industry: Industry, phase_ids: list[str]) -> dict[str, Any]:
    phases = [(pid, industry.phases[pid]) for pid in phase_ids if pid in industry.phases]
    return {
        "id": industry.id,
        "order": industry.order,
        "name": _text(industry.name),
        "archetype": industry.archetype,
        "business_elements": list(industry.business_elements),
        "phases": {pid: [_effect(e) for e in phase.effects] for pid, phase in phases},
        "phase_details": {
            pid: {"prov": prov_json(phase.prov), "wording": [_sourced(w) for w in phase.wording]}
            for pid, phase in phases
        },
        "impact_types": [_impact(i) for i in industry.impact_types],
        "impact_summary": {
            **_text(industry.impact_summary.text),
            **_flat(industry.impact_summary.prov),
        },
        "sectors": [_sector_link(s) for s in industry.sectors],
        "prov": prov_json(industry.prov),
    }


def to_json_dict(ds: Dataset) -> dict[str, Any]:
    """The data set as plain JSON-ready values, in the shape of docs/export-format.md."""
    phase_ids = [p.id for p in ds.phases]
    return {
        "archetypes": [
            {
                "code": a.code,
                "name": _text(a.name),
                "description": _text(a.description),
                "business_elements": list(a.business_elements),
                "prov": prov_json(a.prov),
            }
            for a in ds.archetypes
        ],
        "business_elements": [
            {"id": e.id, "name": _text(e.name), "prov": prov_json(e.prov)}
            for e in ds.business_elements
        ],
        "phases": [
            {
                "id": p.id,
                "name": _text(p.name),
                "expected_effect": _sourced(p.expected_effect),
                "industry_tendencies": [_sourced(t) for t in p.industry_tendencies],
                "stages": [
                    {"id": s.id, "order": s.order, "name": _text(s.name), "prov": prov_json(s.prov)}
                    for s in sorted(ds.stages, key=lambda s: s.order)
                    if s.phase == p.id
                ],
                "prov": prov_json(p.prov),
            }
            for p in ds.phases
        ],
        "effect_kinds": [
            {"id": k.id, "name": _text(k.name), "prov": prov_json(k.prov)} for k in ds.effect_kinds
        ],
        "effect_sizes": [
            {"id": s.id, "rank": s.rank, "name": _text(s.name), "note": _text(s.note)}
            for s in ds.effect_sizes
        ],
        "impact_levels": [
            {"id": lv.id, "name": _text(lv.name), "prov": prov_json(lv.prov)}
            for lv in ds.impact_levels
        ],
        "impact_types": [
            {
                "number": t.number,
                "name": _text(t.name),
                "level": t.level,
                "description": [_text(d) for d in t.description],
                "applies_to": _sourced(t.applies_to),
                "prov": prov_json(t.prov),
            }
            for t in ds.impact_types
        ],
        "timings": [
            {"id": t.id, "name": _text(t.name), "prov": prov_json(t.prov) if t.prov else None}
            for t in ds.timings
        ],
        "directions": [
            {
                "number": d.number,
                "name": _text(d.name),
                "description": [_text(x) for x in d.description],
                "prov": prov_json(d.prov),
            }
            for d in ds.directions
        ],
        "map_axes": [
            {
                "id": a.id,
                "axis": a.axis,
                "name": _text(a.name),
                "definition": _text(a.definition),
                "low": _text(a.low),
                "high": _text(a.high),
                "prov": prov_json(a.prov),
            }
            for a in ds.map_axes
        ],
        "map_markers": [
            {
                "id": m.id,
                "name": _text(m.name),
                "definition": _text(m.definition),
                "threshold_percent": m.threshold_percent,
                "prov": prov_json(m.prov),
            }
            for m in ds.map_markers
        ],
        "industries": [_industry(i, phase_ids) for i in ds.industries],
        "sectors": [
            {
                "id": s.id,
                "order": s.order,
                "name": _text(s.name),
                "estat_code": s.estat_code,
                "kind": s.kind,
                "prov": prov_json(s.prov),
                "estat_code_prov": prov_json(s.estat_code_prov),
            }
            for s in ds.sectors
        ],
        "use_cases": [
            {
                "id": u.id,
                "name": _text(u.name),
                "detail": _text(u.detail) if u.detail else None,
                "directions": list(u.directions),
                "phases": list(u.phases),
                "prov": prov_json(u.prov),
            }
            for u in ds.use_cases
        ],
        "business_types": business_types_json(ds),
        "reading_rules": [
            {"id": r.id, "name": _text(r.name), "rule": _text(r.rule), "lines": list(r.lines)}
            for r in ds.reading_rules
        ],
        "sources": [_source(s) for s in ds.sources],
        **outlook_sections(ds),
        "meta": {
            "tool": "genai-impact",
            "version": __version__,
            "format_version": FORMAT_VERSION,
            "generated_from": Path(ds.data_dir).name if ds.data_dir else "",
        },
        **summary_sections(ds),  # after meta: impact_examples, change_levels, phase_flows
    }


# --- CSV -------------------------------------------------------------------------------


def lines_label(prov: Provenance | None) -> str:
    """Seed lines as "3599-3605" (a single line as "42-42"), "" when there are none."""
    if prov is None or prov.lines is None:
        return ""
    return f"{prov.lines[0]}-{prov.lines[1]}"


def to_csv(ds: Dataset) -> str:
    """Every value the app shows as one long facts table (columns: `CSV_COLUMNS`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for fact in facts(ds):
        prov = fact.prov
        writer.writerow(
            defuse(cell)
            for cell in (
                fact.table,
                fact.record_id,
                fact.field,
                fact.value.ja,
                fact.value.en,
                prov.source if prov else "",
                lines_label(prov),
                prov.basis if prov else "",
                (prov.rule or "") if prov else "",
                (prov.note or "") if prov else "",
            )
        )
    return buffer.getvalue()
