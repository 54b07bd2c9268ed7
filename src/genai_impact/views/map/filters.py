"""The map's filters and which industries pass them (pure).

Filters (each empty = no restriction):
- archetypes: keep industries of these archetypes (A–E2);
- phases: keep industries with an expected effect in any chosen phase;
- kind: ... of this kind (efficiency / value creation), in the chosen phases or any;
- impacts: keep industries with any of these structural-impact types (1–6);
- search: not a filter: names matching it (ja or en, partial, case-insensitive)
  are highlighted and the rest dimmed.

With a phase or kind filter on, a point's size shows the largest known size of
the matched effects; when none of their sizes can be read, the point says
"size not stated" instead of guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from genai_impact.report.model import Dataset, Effect, Industry
from genai_impact.state import ViewState
from genai_impact.views.map.text import NOT_LEGIBLE

FILTER_NAMES = ("arch", "phase", "kind", "impact")  # the URL names of the filters


@dataclass(frozen=True)
class MapFilters:
    archetypes: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    kind: str | None = None
    impacts: tuple[int, ...] = ()
    search: str = ""

    @property
    def active(self) -> tuple[str, ...]:
        """The URL names of the filters that restrict the set (search does not)."""
        values = {
            "arch": self.archetypes,
            "phase": self.phases,
            "kind": self.kind,
            "impact": self.impacts,
        }
        return tuple(name for name in FILTER_NAMES if values[name])

    @property
    def sized(self) -> bool:
        """Whether point size shows an effect's size (a phase or kind is chosen)."""
        return bool(self.phases or self.kind)

    def without(self, name: str) -> MapFilters:
        cleared = {"arch": "archetypes", "phase": "phases", "kind": "kind", "impact": "impacts"}
        return replace(self, **{cleared[name]: None if name == "kind" else ()})


def matched_effects(
    ds: Dataset, industry: Industry, filters: MapFilters
) -> tuple[tuple[str, Effect], ...]:
    """(phase id, effect) pairs in the chosen phases (all when none) of the chosen kind."""
    phases = filters.phases or tuple(p.id for p in ds.phases)
    return tuple(
        (phase, effect)
        for phase in phases
        if phase in industry.phases
        for effect in industry.phases[phase].effects
        if filters.kind is None or effect.kind == filters.kind
    )


def industry_passes(ds: Dataset, industry: Industry, filters: MapFilters) -> bool:
    if filters.archetypes and industry.archetype not in filters.archetypes:
        return False
    if filters.sized and not matched_effects(ds, industry, filters):
        return False
    numbers = {impact.number for impact in industry.impact_types}
    return not (filters.impacts and not numbers & set(filters.impacts))


def matching_industries(ds: Dataset, filters: MapFilters) -> tuple[Industry, ...]:
    return tuple(i for i in ds.industries if industry_passes(ds, i, filters))


def relaxations(ds: Dataset, filters: MapFilters) -> tuple[tuple[str, int], ...]:
    """For each active filter, how many industries would pass with that filter cleared."""
    return tuple(
        (name, len(matching_industries(ds, filters.without(name)))) for name in filters.active
    )


def search_matches(search: str, names: Sequence[str]) -> bool:
    """Partial, case-insensitive match of `search` in any of `names`; empty search matches."""
    needle = search.casefold().strip()
    return not needle or any(needle in name.casefold() for name in names)


def effect_size(
    ds: Dataset, matched: Sequence[tuple[str, Effect]]
) -> tuple[str, tuple[Effect, ...]]:
    """The largest known size among `matched` effects and the effects giving it;
    NOT_LEGIBLE with all of them when no size can be read."""
    known = [e for _, e in matched if e.size is not None]
    if not known:
        return NOT_LEGIBLE, tuple(e for _, e in matched)
    best = max(ds.effect_size(e.size).rank for e in known)
    size_id = next(s.id for s in ds.effect_sizes if s.rank == best)
    return size_id, tuple(e for e in known if e.size == size_id)


def filters_from_view(view: ViewState) -> MapFilters:
    """The filters a `state.ViewState` carries (its values are already validated)."""
    return MapFilters(
        archetypes=view.arch,
        phases=view.phase,
        kind=view.kind,
        impacts=tuple(int(n) for n in view.impact),
        search=view.q,
    )
