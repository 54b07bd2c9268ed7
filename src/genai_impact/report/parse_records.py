"""industries.yaml, sectors.yaml, use_cases.yaml -> model records, checked through a `Checker`."""

from __future__ import annotations

from typing import Any

from genai_impact.report.model import (
    Effect,
    Industry,
    IndustryImpact,
    PhaseEffects,
    Sector,
    SectorLink,
    UseCase,
)
from genai_impact.report.validation import Checker

SECTOR_KINDS = ("aggregate", "industry", "manufacturing_subindustry")
INDUSTRY_FIELDS = (
    "id",
    "name",
    "archetype",
    "business_elements",
    "prov",
    "phases",
    "impact_types",
    "impact_summary",
    "sectors",
)


def parse_industries(c: Checker, doc: dict[str, Any]) -> tuple[Industry, ...]:
    """The `industries:` list, in the report's row order."""
    items = c.items(doc, "industries", "")
    c.unique_field(items, "id", "id")
    out = []
    for order, (node, path) in enumerate(items, start=1):
        rec = c.record(node, path, INDUSTRY_FIELDS)
        archetype = c.choice(rec, "archetype", path, _codes(c), "archetype code")
        elements = c.refs(
            rec, "business_elements", path, c.known.business_elements, "business element id"
        )
        _check_elements_match_archetype(c, rec, path, archetype, elements)
        out.append(
            Industry(
                id=c.identifier(rec, "id", path),
                order=order,
                name=c.text_at(rec, "name", path),
                archetype=archetype,
                business_elements=elements,
                prov=c.prov_at(rec, "prov", path),
                phases=_phases(c, rec, path),
                impact_types=_impacts(c, rec, path),
                impact_summary=c.sourced_text_at(rec, "impact_summary", path),
                sectors=_sector_links(c, rec, path),
            )
        )
    return tuple(out)


def _codes(c: Checker) -> tuple[str, ...] | None:
    archetypes = c.known.archetypes
    return None if archetypes is None else tuple(archetypes)


def _check_elements_match_archetype(
    c: Checker, rec: dict[str, Any], path: str, archetype: str | None, elements: tuple[Any, ...]
) -> None:
    """An industry has exactly its archetype's business elements (the table states both)."""
    archetypes = c.known.archetypes
    if archetype is None or archetypes is None or "business_elements" not in rec:
        return
    if None in elements or not isinstance(rec["business_elements"], list):
        return  # already reported
    expected = archetypes[archetype]
    if set(elements) != set(expected):
        c.problem(
            f"{path}.business_elements",
            f"{list(elements)} differ from archetype {archetype}'s business elements "
            f"{list(expected)}",
        )


def _phases(c: Checker, rec: dict[str, Any], path: str) -> dict[str, PhaseEffects]:
    """`phases:` must hold exactly the framework's phase ids, each with its effects."""
    if "phases" not in rec:
        return {}
    where = f"{path}.phases"
    node = rec["phases"]
    phase_ids = c.known.phases
    if phase_ids is not None and isinstance(node, dict):
        for phase_id in phase_ids:
            if phase_id not in node:
                c.problem(f"{where}.{phase_id}", "missing phase (every industry has all three)")
    if not isinstance(node, dict):
        c.record(node, where, ())  # reports the wrong type
        return {}
    out = {}
    for phase_id, phase_node in node.items():
        phase_path = f"{where}.{phase_id}"
        if c.ref(phase_id, phase_ids, phase_path, "phase id") is None:
            continue
        phase = c.record(phase_node, phase_path, ("effects", "prov"), ("wording",))
        out[phase_id] = PhaseEffects(
            effects=_effects(c, phase, phase_path),
            prov=c.prov_at(phase, "prov", phase_path),
            wording=c.sourced_texts(phase, "wording", phase_path),
        )
    if phase_ids is None:
        return out
    return {pid: out[pid] for pid in phase_ids if pid in out}  # the framework's order


def _effects(c: Checker, phase: dict[str, Any], path: str) -> tuple[Effect, ...]:
    items = c.items(phase, "effects", path)
    c.unique_field(items, "kind", "effect kind")
    out = []
    for node, effect_path in items:
        rec = c.record(node, effect_path, ("kind", "size", "prov"))
        size = rec.get("size")
        if size is not None:  # null is allowed: the size is not legible in the text
            size = c.choice(rec, "size", effect_path, c.known.effect_sizes, "effect size")
        out.append(
            Effect(
                kind=c.choice(rec, "kind", effect_path, c.known.effect_kinds, "effect kind"),
                size=size,
                prov=c.prov_at(rec, "prov", effect_path),
            )
        )
    return tuple(out)


def _impacts(c: Checker, rec: dict[str, Any], path: str) -> tuple[IndustryImpact, ...]:
    items = c.items(rec, "impact_types", path)
    c.unique_field(items, "number", "impact type number")
    out = []
    for node, item_path in items:
        impact = c.record(node, item_path, ("number", "timing", "prov"))
        out.append(
            IndustryImpact(
                number=c.choice(
                    impact, "number", item_path, c.known.impact_types, "impact type", number=True
                ),
                timing=c.choice(impact, "timing", item_path, c.known.timings, "timing id"),
                prov=c.prov_at(impact, "prov", item_path),
            )
        )
    return tuple(out)


def _sector_links(c: Checker, rec: dict[str, Any], path: str) -> tuple[SectorLink, ...]:
    items = c.items(rec, "sectors", path)
    c.unique_field(items, "estat_code", "sector estat_code")
    out = []
    for node, item_path in items:
        link = c.record(node, item_path, ("estat_code", "prov"))
        out.append(
            SectorLink(
                estat_code=c.choice(
                    link, "estat_code", item_path, c.known.sector_codes, "sector estat_code"
                ),
                prov=c.prov_at(link, "prov", item_path),
            )
        )
    return tuple(out)


def parse_sectors(c: Checker, doc: dict[str, Any]) -> tuple[Sector, ...]:
    """The `sectors:` list: the points of the report's map, in its order."""
    items = c.items(doc, "sectors", "")
    c.unique_field(items, "id", "id")
    c.unique_field(items, "estat_code", "estat_code")
    out = []
    for order, (node, path) in enumerate(items, start=1):
        rec = c.record(node, path, ("id", "name", "estat_code", "kind", "prov", "estat_code_prov"))
        out.append(
            Sector(
                id=c.identifier(rec, "id", path),
                order=order,
                name=c.text_at(rec, "name", path),
                estat_code=c.string(rec, "estat_code", path),
                kind=c.choice(rec, "kind", path, SECTOR_KINDS, "sector kind"),
                prov=c.prov_at(rec, "prov", path),
                estat_code_prov=c.prov_at(rec, "estat_code_prov", path),
            )
        )
    return tuple(out)


def parse_use_cases(c: Checker, doc: dict[str, Any]) -> tuple[UseCase, ...]:
    """The `use_cases:` list."""
    items = c.items(doc, "use_cases", "")
    c.unique_field(items, "id", "id")
    out = []
    for node, path in items:
        rec = c.record(node, path, ("id", "name", "directions", "phases", "prov"), ("detail",))
        out.append(
            UseCase(
                id=c.identifier(rec, "id", path),
                name=c.text_at(rec, "name", path),
                directions=c.refs(
                    rec, "directions", path, c.known.directions, "direction", True, non_empty=True
                ),
                phases=c.refs(rec, "phases", path, c.known.phases, "phase id", non_empty=True),
                prov=c.prov_at(rec, "prov", path),
                detail=c.text_at(rec, "detail", path),
            )
        )
    return tuple(out)
