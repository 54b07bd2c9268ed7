"""Every value the app shows as one long table of facts, each with its provenance (pure).

One `Fact` per value: which table and record it belongs to, the field's key path
(`phases.rd_planning.effects[0]`), the value in Japanese and English and where it
comes from. Language-neutral values (ids, codes, numbers) repeat in both columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from genai_impact.report.business_facts import business_fact_rows, reading_rule_rows
from genai_impact.report.model import Dataset, Industry, Provenance, SourcedText, Text
from genai_impact.report.outlook import fact_rows as outlook_fact_rows
from genai_impact.report.summary_facts import summary_fact_rows

NO_EFFECT = Text(ja="－", en="none")  # the report's dash: no expected effect in this phase
NULL_SIZE = "null"  # an effect whose size the text does not show


class Fact(NamedTuple):
    table: str
    record_id: str
    field: str
    value: Text
    prov: Provenance | None


def _code(value: object) -> Text:
    """A language-neutral value, the same in both columns."""
    return Text(ja=str(value), en=str(value))


def _sourced(table: str, record_id: str, field: str, item: SourcedText) -> Fact:
    return Fact(table, record_id, field, item.text, item.prov)


def _texts(
    table: str, record_id: str, field: str, texts: tuple[Text, ...], prov: Provenance | None
) -> Iterator[Fact]:
    for i, text in enumerate(texts):
        yield Fact(table, record_id, f"{field}[{i}]", text, prov)


def framework_facts(ds: Dataset) -> Iterator[Fact]:
    """Archetypes, elements, phases and stages, effect kinds and sizes, impacts, directions."""
    for a in ds.archetypes:
        yield Fact("archetypes", a.code, "name", a.name, a.prov)
        yield Fact("archetypes", a.code, "description", a.description, a.prov)
        for i, element in enumerate(a.business_elements):
            yield Fact("archetypes", a.code, f"business_elements[{i}]", _code(element), a.prov)
    for e in ds.business_elements:
        yield Fact("business_elements", e.id, "name", e.name, e.prov)
    for p in ds.phases:
        yield Fact("phases", p.id, "name", p.name, p.prov)
        yield _sourced("phases", p.id, "expected_effect", p.expected_effect)
        for i, tendency in enumerate(p.industry_tendencies):
            yield _sourced("phases", p.id, f"industry_tendencies[{i}]", tendency)
    for s in ds.stages:
        yield Fact("stages", s.id, "name", s.name, s.prov)
        yield Fact("stages", s.id, "order", _code(s.order), s.prov)
        yield Fact("stages", s.id, "phase", _code(s.phase), s.prov)
    for k in ds.effect_kinds:
        yield Fact("effect_kinds", k.id, "name", k.name, k.prov)
    for size in ds.effect_sizes:
        yield Fact("effect_sizes", size.id, "name", size.name, None)
        yield Fact("effect_sizes", size.id, "note", size.note, None)
    for lv in ds.impact_levels:
        yield Fact("impact_levels", lv.id, "name", lv.name, lv.prov)
    for t in ds.impact_types:
        number = str(t.number)
        yield Fact("impact_types", number, "name", t.name, t.prov)
        yield Fact("impact_types", number, "level", _code(t.level), t.prov)
        yield from _texts("impact_types", number, "description", t.description, t.prov)
        yield _sourced("impact_types", number, "applies_to", t.applies_to)
    for timing in ds.timings:
        yield Fact("timings", timing.id, "name", timing.name, None)
    for d in ds.directions:
        yield Fact("directions", str(d.number), "name", d.name, d.prov)
        yield from _texts("directions", str(d.number), "description", d.description, d.prov)
    for a in ds.map_axes:
        for field_name in ("name", "definition", "low", "high"):
            yield Fact("map_axes", a.id, field_name, getattr(a, field_name), a.prov)
    for m in ds.map_markers:
        yield Fact("map_markers", m.id, "name", m.name, m.prov)
        yield Fact("map_markers", m.id, "definition", m.definition, m.prov)


def industry_facts(industry: Industry, phase_ids: list[str]) -> Iterator[Fact]:
    """One industry's row of the report's table, its impacts, summary and sectors."""
    key = industry.id
    yield Fact("industries", key, "name", industry.name, industry.prov)
    yield Fact("industries", key, "archetype", _code(industry.archetype), industry.prov)
    for i, element in enumerate(industry.business_elements):
        yield Fact("industries", key, f"business_elements[{i}]", _code(element), industry.prov)
    for phase_id in phase_ids:
        phase = industry.phases.get(phase_id)
        if phase is None:
            continue
        field = f"phases.{phase_id}"
        if not phase.effects:
            yield Fact("industries", key, f"{field}.effects", NO_EFFECT, phase.prov)
        for i, effect in enumerate(phase.effects):
            value = _code(f"{effect.kind}/{effect.size or NULL_SIZE}")
            yield Fact("industries", key, f"{field}.effects[{i}]", value, effect.prov)
        for i, wording in enumerate(phase.wording):
            yield _sourced("industries", key, f"{field}.wording[{i}]", wording)
    for i, impact in enumerate(industry.impact_types):
        value = _code(f"{impact.number}/{impact.timing}")
        yield Fact("industries", key, f"impact_types[{i}]", value, impact.prov)
    yield _sourced("industries", key, "impact_summary", industry.impact_summary)
    for i, link in enumerate(industry.sectors):
        yield Fact("industries", key, f"sectors[{i}]", _code(link.estat_code), link.prov)


def facts(ds: Dataset) -> Iterator[Fact]:
    """Every fact of the data set, table by table in the data's own order."""
    yield from framework_facts(ds)
    phase_ids = [p.id for p in ds.phases]
    for industry in ds.industries:
        yield from industry_facts(industry, phase_ids)
    for s in ds.sectors:
        yield Fact("sectors", s.id, "name", s.name, s.prov)
        yield Fact("sectors", s.id, "kind", _code(s.kind), s.prov)
        yield Fact("sectors", s.id, "estat_code", _code(s.estat_code), s.estat_code_prov)
    for u in ds.use_cases:
        yield Fact("use_cases", u.id, "name", u.name, u.prov)
        if u.detail is not None:
            yield Fact("use_cases", u.id, "detail", u.detail, u.prov)
        for i, number in enumerate(u.directions):
            yield Fact("use_cases", u.id, f"directions[{i}]", _code(number), u.prov)
        for i, phase_id in enumerate(u.phases):
            yield Fact("use_cases", u.id, f"phases[{i}]", _code(phase_id), u.prov)
    for src in ds.sources:
        for field in ("producer", "title", "citation", "information_as_of"):
            yield Fact("sources", src.id, field, getattr(src, field), src.prov)
        if src.url:
            yield Fact("sources", src.id, "url", _code(src.url), src.prov)
    yield from (Fact(*row) for row in outlook_fact_rows(ds))
    yield from (Fact(*row) for row in summary_fact_rows(ds))  # impact examples, levels, flows
    yield from (Fact(*row) for row in business_fact_rows(ds))  # the business-type table
    yield from (Fact(*row) for row in reading_rule_rows(ds))  # how layout values are read
