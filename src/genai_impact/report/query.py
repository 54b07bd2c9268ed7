"""Selections and derived views over the data set (pure: no streamlit)."""

from __future__ import annotations

from collections.abc import Sequence

from genai_impact.report.model import Archetype, Dataset, Industry, Source


def industries_by_archetype(ds: Dataset) -> list[tuple[Archetype, tuple[Industry, ...]]]:
    """Each archetype (A, B, C, D, E1, E2) with its industries, both in the report's order."""
    return [
        (archetype, tuple(i for i in ds.industries if i.archetype == archetype.code))
        for archetype in ds.archetypes
    ]


def url_choices(ds: Dataset, years: Sequence[int] = ()) -> dict[str, list[str]]:
    """The valid values of the URL parameters that come from the data (`state.parse_query_params`).

    One entry per data-driven `state.Param`; the tests build shared links and hostile
    ones from it, so a new parameter is covered once it is listed here. `years` are the
    fiscal years with imported official figures (none: every `year` value is dropped).
    """
    return {
        "industry": [i.id for i in ds.industries],
        "arch": [a.code for a in ds.archetypes],
        "phase": [p.id for p in ds.phases],
        "kind": [k.id for k in ds.effect_kinds],
        "impact": [str(t.number) for t in ds.impact_types],
        "select": [i.id for i in ds.industries] + [s.id for s in ds.sectors],
        "year": [str(y) for y in years],
        # Profile and use cases
        "compare": [i.id for i in ds.industries],
        "direction": [str(d.number) for d in ds.directions],
    }


def default_industry(ds: Dataset) -> Industry:
    """The industry shown when none is chosen: the report's first row."""
    return min(ds.industries, key=lambda i: i.order)


def report_source(ds: Dataset) -> Source:
    """The report itself (the source every page's footer names)."""
    return next(s for s in ds.sources if s.kind == "report")


def official_sources(ds: Dataset) -> tuple[Source, ...]:
    """The official statistics the map's numbers come from."""
    return tuple(s for s in ds.sources if s.kind == "official_statistic")
