"""The report's framework as frozen dataclasses.

Pure: no I/O, no streamlit. `load.py` builds a `Dataset` from the YAML under
`data/` and is the one place that validates; everything downstream can trust
the invariants documented here (ids resolve, every value has provenance).

Size: every dataclass of the framework in one place, so that the invariants can be read
at once; each class is small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # outlook.py builds on this module's classes
    from genai_impact.report.outlook import EnvironmentChange, OutlookItem, Strategy
if TYPE_CHECKING:  # defined beside their parser; imported here for the annotations only
    from genai_impact.report.business_types import BusinessType, BusinessTypeTable
if TYPE_CHECKING:  # the summary figures' records live in their own module, which imports this
    from genai_impact.report.summary_figures import ChangeLevel, ImpactExample, PhaseFlow

Basis = Literal["stated", "layout"]
BASES: tuple[str, ...] = ("stated", "layout")
PHASE_IDS: tuple[str, ...] = ("rd_planning", "production_distribution", "customer_touchpoint")
ARCHETYPE_CODES: tuple[str, ...] = ("A", "B", "C", "D", "E1", "E2")
LANGS: tuple[str, ...] = ("ja", "en")


@dataclass(frozen=True)
class Text:
    """A bilingual text: `ja` is the report's wording where it has one, `en` is ours."""

    ja: str
    en: str

    def in_lang(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


@dataclass(frozen=True)
class Provenance:
    """Where a value comes from and how we know it."""

    source: str
    basis: str  # "stated" | "layout"
    lines: tuple[int, int] | None = None
    note: str | None = None
    rule: str | None = None  # a ReadingRule id; every `layout` value names the rule it follows

    def lines_label(self) -> str:
        if self.lines is None:
            return ""
        first, last = self.lines
        return f"L{first}" if first == last else f"L{first}–{last}"


@dataclass(frozen=True)
class SourcedText:
    text: Text
    prov: Provenance


@dataclass(frozen=True)
class Source:
    id: str
    kind: str  # "report" | "official_statistic"
    producer: Text
    title: Text
    citation: Text
    information_as_of: Text
    prov: Provenance
    url: str | None = None
    title_note: str | None = None
    estat_table: str | None = None
    fiscal_year_in_report: int | None = None
    seed_file: str | None = None
    seed_lines: tuple[int, int] | None = None


@dataclass(frozen=True)
class BusinessElement:
    id: str
    name: Text
    prov: Provenance


@dataclass(frozen=True)
class Archetype:
    code: str
    name: Text
    description: Text
    business_elements: tuple[str, ...]
    prov: Provenance


@dataclass(frozen=True)
class Phase:
    id: str
    name: Text
    expected_effect: SourcedText
    industry_tendencies: tuple[SourcedText, ...]
    prov: Provenance


@dataclass(frozen=True)
class Stage:
    id: str
    order: int
    name: Text
    phase: str
    prov: Provenance


@dataclass(frozen=True)
class EffectKind:
    id: str
    name: Text
    prov: Provenance


@dataclass(frozen=True)
class EffectSize:
    id: str
    rank: int
    name: Text
    note: Text


@dataclass(frozen=True)
class ImpactLevel:
    id: str
    name: Text
    prov: Provenance


@dataclass(frozen=True)
class ImpactType:
    number: int
    name: Text
    level: str
    description: tuple[Text, ...]
    applies_to: SourcedText
    prov: Provenance


@dataclass(frozen=True)
class Timing:
    id: str
    name: Text
    prov: Provenance | None = None


@dataclass(frozen=True)
class ReadingRule:
    """How we read values the text lost (a circle, a position): written once, applied alike."""

    id: str
    name: Text
    rule: Text  # our words: how a value is read
    lines: tuple[int, int]  # the report's lines the rule rests on


@dataclass(frozen=True)
class Direction:
    number: int
    name: Text
    description: tuple[Text, ...]
    prov: Provenance


@dataclass(frozen=True)
class MapAxis:
    """An axis of the report's industry map: what it measures and how it is computed."""

    id: str
    axis: str  # "x" | "y"
    name: Text
    definition: Text
    low: Text
    high: Text
    prov: Provenance


@dataclass(frozen=True)
class MapMarker:
    """A marker of the map, e.g. R&D intensity at or above the all-industry average."""

    id: str
    name: Text
    definition: Text
    threshold_percent: float
    prov: Provenance


@dataclass(frozen=True)
class Effect:
    kind: str
    size: str | None  # an EffectSize id, or None when the text does not show it
    prov: Provenance


@dataclass(frozen=True)
class PhaseEffects:
    """An industry's expected effects in one phase; no effects = the report's "－"."""

    effects: tuple[Effect, ...]
    prov: Provenance
    wording: tuple[SourcedText, ...] = ()

    @property
    def has_effect(self) -> bool:
        return bool(self.effects)


@dataclass(frozen=True)
class IndustryImpact:
    number: int
    timing: str
    prov: Provenance


@dataclass(frozen=True)
class SectorLink:
    estat_code: str
    prov: Provenance


@dataclass(frozen=True)
class Industry:
    id: str
    order: int  # position in the report's table, 1-based
    name: Text
    archetype: str
    business_elements: tuple[str, ...]
    prov: Provenance
    phases: dict[str, PhaseEffects]
    impact_types: tuple[IndustryImpact, ...]
    impact_summary: SourcedText
    sectors: tuple[SectorLink, ...]

    def __hash__(self) -> int:  # dict field: hash on the id, which is unique
        return hash(self.id)


@dataclass(frozen=True)
class Sector:
    id: str
    order: int
    name: Text
    estat_code: str
    kind: str  # "aggregate" | "industry" | "manufacturing_subindustry"
    prov: Provenance
    estat_code_prov: Provenance


@dataclass(frozen=True)
class UseCase:
    id: str
    name: Text
    directions: tuple[int, ...]
    phases: tuple[str, ...]
    prov: Provenance
    detail: Text | None = None


@dataclass(frozen=True)
class Dataset:
    """The whole curated data set. Lists keep the report's order."""

    sources: tuple[Source, ...]
    archetypes: tuple[Archetype, ...]
    business_elements: tuple[BusinessElement, ...]
    phases: tuple[Phase, ...]
    stages: tuple[Stage, ...]
    effect_kinds: tuple[EffectKind, ...]
    effect_sizes: tuple[EffectSize, ...]
    impact_levels: tuple[ImpactLevel, ...]
    impact_types: tuple[ImpactType, ...]
    timings: tuple[Timing, ...]
    directions: tuple[Direction, ...]
    industries: tuple[Industry, ...]
    sectors: tuple[Sector, ...]
    use_cases: tuple[UseCase, ...]
    map_axes: tuple[MapAxis, ...] = ()
    map_markers: tuple[MapMarker, ...] = ()
    data_dir: str = field(default="", compare=False)
    environment_changes: tuple[EnvironmentChange, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    outlook: tuple[OutlookItem, ...] = ()
    # the business-type table (business_types.yaml): its rows, and the texts around them
    business_types: tuple[BusinessType, ...] = ()
    business_type_table: BusinessTypeTable | None = None
    impact_examples: tuple[ImpactExample, ...] = ()
    change_levels: tuple[ChangeLevel, ...] = ()
    phase_flows: tuple[PhaseFlow, ...] = ()
    reading_rules: tuple[ReadingRule, ...] = ()

    # Lookups by id: small lists, so a linear scan keeps the model free of caches.
    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def archetype(self, code: str) -> Archetype:
        return next(a for a in self.archetypes if a.code == code)

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)

    def industry(self, industry_id: str) -> Industry:
        return next(i for i in self.industries if i.id == industry_id)

    def impact_type(self, number: int) -> ImpactType:
        return next(t for t in self.impact_types if t.number == number)

    def sector(self, estat_code: str) -> Sector:
        return next(s for s in self.sectors if s.estat_code == estat_code)

    def element(self, element_id: str) -> BusinessElement:
        return next(e for e in self.business_elements if e.id == element_id)

    def effect_kind(self, kind_id: str) -> EffectKind:
        return next(k for k in self.effect_kinds if k.id == kind_id)

    def effect_size(self, size_id: str) -> EffectSize:
        return next(s for s in self.effect_sizes if s.id == size_id)

    def timing(self, timing_id: str) -> Timing:
        return next(t for t in self.timings if t.id == timing_id)

    def impact_level(self, level_id: str) -> ImpactLevel:
        return next(lv for lv in self.impact_levels if lv.id == level_id)

    def map_axis(self, axis: str) -> MapAxis:
        return next(a for a in self.map_axes if a.axis == axis)

    def direction(self, number: int) -> Direction:
        return next(d for d in self.directions if d.number == number)

    def reading_rule(self, rule_id: str) -> ReadingRule:
        return next(r for r in self.reading_rules if r.id == rule_id)
