"""sources.yaml and framework.yaml -> model records, checked rule by rule through a `Checker`."""

from __future__ import annotations

from typing import Any

from genai_impact.report.model import (
    ARCHETYPE_CODES,
    PHASE_IDS,
    Archetype,
    BusinessElement,
    Direction,
    EffectKind,
    EffectSize,
    ImpactLevel,
    ImpactType,
    MapAxis,
    MapMarker,
    Phase,
    ReadingRule,
    Source,
    Stage,
    Timing,
)
from genai_impact.report.validation import Checker

SOURCE_KINDS = ("report", "official_statistic")
FRAMEWORK_LISTS = (
    "archetypes",
    "business_elements",
    "phases",
    "stages",
    "effect_kinds",
    "effect_sizes",
    "impact_levels",
    "impact_types",
    "timings",
    "directions",
    "map_axes",
    "map_markers",
)


def parse_sources(c: Checker, doc: dict[str, Any]) -> tuple[Source, ...]:
    """The `sources:` list."""
    items = c.items(doc, "sources", "")
    c.unique_field(items, "id", "source id")
    out = []
    for node, path in items:
        rec = c.record(
            node,
            path,
            ("id", "kind", "producer", "title", "citation", "information_as_of", "prov"),
            (
                "url",
                "title_note",
                "estat_table",
                "fiscal_year_in_report",
                "seed_file",
                "seed_lines",
            ),
        )
        out.append(
            Source(
                id=c.identifier(rec, "id", path),
                kind=c.choice(rec, "kind", path, SOURCE_KINDS, "source kind"),
                producer=c.text_at(rec, "producer", path),
                title=c.text_at(rec, "title", path),
                citation=c.text_at(rec, "citation", path),
                information_as_of=c.text_at(rec, "information_as_of", path),
                prov=c.prov_at(rec, "prov", path),
                url=c.string(rec, "url", path),
                title_note=c.string(rec, "title_note", path),
                estat_table=c.string(rec, "estat_table", path),
                fiscal_year_in_report=c.integer(rec, "fiscal_year_in_report", path, lo=1900),
                seed_file=c.string(rec, "seed_file", path),
                seed_lines=c.line_pair(rec, "seed_lines", path, last=None),
            )
        )
    return tuple(out)


def _archetype(c: Checker, rec: dict[str, Any], path: str) -> Archetype:
    return Archetype(
        code=c.choice(rec, "code", path, ARCHETYPE_CODES, "archetype code"),
        name=c.text_at(rec, "name", path),
        description=c.text_at(rec, "description", path),
        business_elements=c.refs(
            rec,
            "business_elements",
            path,
            c.known.business_elements,
            "business element id",
            non_empty=True,
        ),
        prov=c.prov_at(rec, "prov", path),
    )


def _named(model: type) -> Any:
    """Builder for the records that are just `id`, `name` and `prov`."""

    def build(c: Checker, rec: dict[str, Any], path: str) -> Any:
        return model(
            id=c.identifier(rec, "id", path),
            name=c.text_at(rec, "name", path),
            prov=c.prov_at(rec, "prov", path),
        )

    return build


def _phase(c: Checker, rec: dict[str, Any], path: str) -> Phase:
    phase_id = c.identifier(rec, "id", path)
    if phase_id is not None:
        c.ref(phase_id, PHASE_IDS, f"{path}.id", "phase id")
    return Phase(
        id=phase_id,
        name=c.text_at(rec, "name", path),
        expected_effect=c.sourced_text_at(rec, "expected_effect", path),
        industry_tendencies=c.sourced_texts(rec, "industry_tendencies", path),
        prov=c.prov_at(rec, "prov", path),
    )


def _stage(c: Checker, rec: dict[str, Any], path: str) -> Stage:
    return Stage(
        id=c.identifier(rec, "id", path),
        order=c.integer(rec, "order", path, lo=1, hi=7),
        name=c.text_at(rec, "name", path),
        phase=c.choice(rec, "phase", path, c.known.phases, "phase id"),
        prov=c.prov_at(rec, "prov", path),
    )


def _effect_size(c: Checker, rec: dict[str, Any], path: str) -> EffectSize:
    return EffectSize(
        id=c.identifier(rec, "id", path),
        rank=c.integer(rec, "rank", path, lo=1),
        name=c.text_at(rec, "name", path),
        note=c.text_at(rec, "note", path),
    )


def _impact_type(c: Checker, rec: dict[str, Any], path: str) -> ImpactType:
    return ImpactType(
        number=c.integer(rec, "number", path, lo=1, hi=6),
        name=c.text_at(rec, "name", path),
        level=c.choice(rec, "level", path, c.known.impact_levels, "impact level id"),
        description=c.texts(rec, "description", path),
        applies_to=c.sourced_text_at(rec, "applies_to", path),
        prov=c.prov_at(rec, "prov", path),
    )


def _timing(c: Checker, rec: dict[str, Any], path: str) -> Timing:
    return Timing(
        id=c.identifier(rec, "id", path),
        name=c.text_at(rec, "name", path),
        prov=c.prov_at(rec, "prov", path),
    )


def _direction(c: Checker, rec: dict[str, Any], path: str) -> Direction:
    return Direction(
        number=c.integer(rec, "number", path, lo=1, hi=7),
        name=c.text_at(rec, "name", path),
        description=c.texts(rec, "description", path),
        prov=c.prov_at(rec, "prov", path),
    )


def _map_axis(c: Checker, rec: dict[str, Any], path: str) -> MapAxis:
    return MapAxis(
        id=c.identifier(rec, "id", path),
        axis=c.choice(rec, "axis", path, ("x", "y"), "axis"),
        name=c.text_at(rec, "name", path),
        definition=c.text_at(rec, "definition", path),
        low=c.text_at(rec, "low", path),
        high=c.text_at(rec, "high", path),
        prov=c.prov_at(rec, "prov", path),
    )


def _map_marker(c: Checker, rec: dict[str, Any], path: str) -> MapMarker:
    return MapMarker(
        id=c.identifier(rec, "id", path),
        name=c.text_at(rec, "name", path),
        definition=c.text_at(rec, "definition", path),
        threshold_percent=c.number(rec, "threshold_percent", path, lo=0),
        prov=c.prov_at(rec, "prov", path),
    )


# list key -> (keys unique within the list, required fields, optional fields, builder)
FRAMEWORK_RECORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], Any]] = {
    "archetypes": (
        ("code",),
        ("code", "name", "description", "business_elements", "prov"),
        (),
        _archetype,
    ),
    "business_elements": (("id",), ("id", "name", "prov"), (), _named(BusinessElement)),
    "phases": (
        ("id",),
        ("id", "name", "expected_effect", "industry_tendencies", "prov"),
        (),
        _phase,
    ),
    "stages": (("id", "order"), ("id", "order", "name", "phase", "prov"), (), _stage),
    "effect_kinds": (("id",), ("id", "name", "prov"), (), _named(EffectKind)),
    "effect_sizes": (("id",), ("id", "rank", "name", "note"), (), _effect_size),
    "impact_levels": (("id",), ("id", "name", "prov"), (), _named(ImpactLevel)),
    "impact_types": (
        ("number",),
        ("number", "name", "level", "description", "applies_to", "prov"),
        (),
        _impact_type,
    ),
    "timings": (("id",), ("id", "name"), ("prov",), _timing),
    "directions": (("number",), ("number", "name", "description", "prov"), (), _direction),
    "map_axes": (
        ("id", "axis"),
        ("id", "axis", "name", "definition", "low", "high", "prov"),
        (),
        _map_axis,
    ),
    "map_markers": (
        ("id",),
        ("id", "name", "definition", "threshold_percent", "prov"),
        (),
        _map_marker,
    ),
}


def parse_framework(c: Checker, doc: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """Every list of framework.yaml, keyed like the file (and like `Dataset`'s fields)."""
    parsed: dict[str, tuple[Any, ...]] = {}
    for list_key, (unique_keys, required, optional, build) in FRAMEWORK_RECORDS.items():
        items = c.items(doc, list_key, "")
        for key in unique_keys:
            c.unique_field(items, key, key)
        parsed[list_key] = tuple(
            build(c, c.record(node, path, required, optional), path) for node, path in items
        )
    phase_ids = [p.id for p in parsed["phases"]]
    if "phases" in doc and isinstance(doc["phases"], list):
        for missing in (p for p in PHASE_IDS if p not in phase_ids):
            c.problem(
                "phases",
                f"missing phase {missing!r} (the app expects exactly: {', '.join(PHASE_IDS)})",
            )
    return parsed


def parse_reading_rules(c: Checker, doc: dict[str, Any]) -> tuple[ReadingRule, ...]:
    """The `reading_rules:` list: how each kind of `layout` value is read, written once."""
    items = c.items(doc, "reading_rules", "")
    c.unique_field(items, "id", "reading rule id")
    out = []
    for node, path in items:
        rec = c.record(node, path, ("id", "name", "rule", "lines"))
        out.append(
            ReadingRule(
                id=c.identifier(rec, "id", path),
                name=c.text_at(rec, "name", path),
                rule=c.text_at(rec, "rule", path),
                lines=c.line_pair(rec, "lines", path, c.known.seed_last_line),
            )
        )
    return tuple(out)
