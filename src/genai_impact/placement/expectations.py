"""What the report says for an archetype, gathered over its example industries.

The report states its expectations per example industry; an archetype's expectations are those
of its industries, counted (e.g. "value creation, large: 3 of 5"), each count keeping the basis of
the values behind it (layout when any of them is a reading). Nothing is averaged or invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from genai_impact.report.model import Dataset, SourcedText, UseCase
from genai_impact.report.outlook import Strategy

LAYOUT, STATED = "layout", "stated"


@dataclass(frozen=True)
class EffectTally:
    """One kind and size of effect in a phase, and the example industries that carry it."""

    kind: str
    size: str | None  # None: the report does not show the size
    industries: tuple[str, ...]
    basis: str
    rules: tuple[str, ...]  # the reading rules behind the layout values, sorted


@dataclass(frozen=True)
class PhaseExpectation:
    phase: str
    expected: SourcedText  # the report's expected effect for the phase (its table's row)
    tallies: tuple[EffectTally, ...]
    no_effect: tuple[str, ...]  # industries whose cell is the report's "－"


@dataclass(frozen=True)
class ImpactTally:
    number: int
    timings: tuple[str, ...]
    industries: tuple[str, ...]
    basis: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Expectations:
    archetype: str
    industries: tuple[str, ...]  # the archetype's example industries, report order
    phases: tuple[PhaseExpectation, ...]
    impact_types: tuple[ImpactTally, ...]
    use_cases: tuple[UseCase, ...]  # the use cases of the phases where an effect is expected
    strategies: tuple[Strategy, ...]  # the directions for data, people and co-creation


def _basis(provs: list) -> tuple[str, tuple[str, ...]]:
    layout = [p for p in provs if p.basis == LAYOUT]
    return (LAYOUT if layout else STATED), tuple(sorted({p.rule for p in layout if p.rule}))


def for_archetype(ds: Dataset, code: str) -> Expectations:
    """The counted expectations of archetype `code` (KeyError-free: an unknown code has none)."""
    members = sorted((i for i in ds.industries if i.archetype == code), key=lambda i: i.order)
    phases = []
    for phase in ds.phases:
        seen: dict[tuple[str, str | None], list] = {}
        none = []
        for industry in members:
            cell = industry.phases.get(phase.id)
            if cell is None or not cell.has_effect:
                none.append(industry.id)
                continue
            for effect in cell.effects:
                seen.setdefault((effect.kind, effect.size), []).append((industry.id, effect.prov))
        tallies = []
        for (kind, size), found in seen.items():
            basis, rules = _basis([prov for _, prov in found])
            ids = tuple(dict.fromkeys(i for i, _ in found))
            tallies.append(EffectTally(kind, size, ids, basis, rules))
        tallies.sort(key=lambda t: (-len(t.industries), t.kind, _size_rank(ds, t.size)))
        phases.append(
            PhaseExpectation(phase.id, phase.expected_effect, tuple(tallies), tuple(none))
        )
    impacts: dict[int, list] = {}
    for industry in members:
        for impact in industry.impact_types:
            impacts.setdefault(impact.number, []).append((industry.id, impact))
    impact_tallies = []
    for number in sorted(impacts):
        found = impacts[number]
        basis, rules = _basis([i.prov for _, i in found])
        timings = tuple(dict.fromkeys(i.timing for _, i in found))
        ids = tuple(dict.fromkeys(i for i, _ in found))
        impact_tallies.append(ImpactTally(number, timings, ids, basis, rules))
    with_effect = {p.phase for p in phases if p.tallies}
    use_cases = tuple(u for u in ds.use_cases if with_effect.intersection(u.phases))
    strategies = tuple(
        s
        for s in ds.strategies
        if s.applies_to.scope == "all_firms" or code in s.applies_to.archetypes
    )
    return Expectations(
        code,
        tuple(i.id for i in members),
        tuple(phases),
        tuple(impact_tallies),
        use_cases,
        strategies,
    )


def _size_rank(ds: Dataset, size: str | None) -> int:
    ranks = {s.id: s.rank for s in ds.effect_sizes}
    return ranks.get(size, len(ranks) + 1) if size else len(ranks) + 1


def changes(before: Expectations, after: Expectations) -> tuple[str, ...]:
    """What differs between two archetypes' expectations: `archetype`, `effects:<phase>`,
    `impact_types`, `use_cases`, `strategies` (in that order)."""
    out = []
    if before.archetype != after.archetype:
        out.append("archetype")
    for b, a in zip(before.phases, after.phases, strict=True):
        if _shape(b) != _shape(a):
            out.append(f"effects:{b.phase}")
    if [(t.number, t.timings) for t in before.impact_types] != [
        (t.number, t.timings) for t in after.impact_types
    ]:
        out.append("impact_types")
    if before.use_cases != after.use_cases:
        out.append("use_cases")
    if before.strategies != after.strategies:
        out.append("strategies")
    return tuple(out)


def _shape(p: PhaseExpectation) -> frozenset[tuple[str, str | None]]:
    return frozenset((t.kind, t.size) for t in p.tallies)
