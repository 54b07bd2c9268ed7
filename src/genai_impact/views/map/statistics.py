"""The statistics map: the survey's sectors at their measured ratios for one fiscal year.

A sector passes the filters when one of its example industries does (with no filter on,
every sector is shown, with or without examples); a sector without both ratios in the
year is named, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from genai_impact.official.model import SectorYearFigures
from genai_impact.report.model import Dataset, Industry, Sector
from genai_impact.views.map import text as map_text
from genai_impact.views.map.filters import MapFilters, industry_passes, search_matches
from genai_impact.views.map.layout import ChartSize, statistics_canvas
from genai_impact.views.map.rows import (
    NO_ARCHETYPE,
    SEVERAL_ARCHETYPES,
    STATISTICS,
    MapView,
    archetype_labels,
    complete,
    effect_columns,
    label_columns,
    place,
)


def sector_examples(ds: Dataset, sector: Sector) -> tuple[Industry, ...]:
    """The report's example industries linked to `sector`, in report order."""
    return tuple(
        i for i in ds.industries if any(link.estat_code == sector.estat_code for link in i.sectors)
    )


def _sector_archetype(examples: Sequence[Industry]) -> str:
    codes = {i.archetype for i in examples}
    if not codes:
        return NO_ARCHETYPE
    return codes.pop() if len(codes) == 1 else SEVERAL_ARCHETYPES


def plottable(figure: SectorYearFigures | None) -> bool:
    """Both ratios known and positive: a log axis cannot place zero or a missing value."""
    return (
        figure is not None
        and figure.placed
        and figure.capital_equipment_ratio > 0
        and figure.software_equipment_ratio > 0
    )


def statistics_view(
    ds: Dataset,
    figures: Sequence[SectorYearFigures],
    year: int,
    filters: MapFilters,
    lang: str,
    size: ChartSize,
) -> MapView:
    """The survey sectors that pass `filters` at their measured ratios for `year`.

    `figures` may hold several fiscal years: the axes span all of them, so moving from one
    year to the next (the slider, the play control) moves the points, not the axes.
    """
    by_code = {f.estat_code: f for f in figures if f.fiscal_year == year}
    placed = [s for s in ds.sectors if plottable(by_code.get(s.estat_code))]
    codes = {s.estat_code for s in ds.sectors}
    spanned = [f for f in figures if f.estat_code in codes and plottable(f)]
    canvas = statistics_canvas(
        size,
        [f.capital_equipment_ratio for f in spanned],
        [f.software_equipment_ratio for f in spanned],
    )
    everything = tuple(
        (
            s.id,
            by_code[s.estat_code].capital_equipment_ratio,
            by_code[s.estat_code].software_equipment_ratio,
            map_text.sector_label(s, lang),
        )
        for s in placed
    )
    placements = place(canvas, everything, filters.sized)
    labels = dict(archetype_labels(ds, lang, statistics=True))
    records, missing = [], []
    for sector in ds.sectors:
        examples = sector_examples(ds, sector)
        passing = tuple(i for i in examples if industry_passes(ds, i, filters))
        if filters.active and not passing:
            continue
        figure = by_code.get(sector.estat_code)
        if not plottable(figure):
            missing.append(sector.name.in_lang(lang))
            continue
        names = (sector.name.ja, sector.name.en, map_text.sector_label(sector, lang))
        names += tuple(n for i in examples for n in (i.name.ja, i.name.en))
        found = search_matches(filters.search, names)
        archetype = _sector_archetype(examples)
        x, y = figure.capital_equipment_ratio, figure.software_equipment_ratio
        rd = map_text.rd_status(figure.rd_at_or_above_average)
        records.append(
            {
                "id": sector.id,
                "name": sector.name.in_lang(lang),
                "name_ja": sector.name.ja,
                "name_en": sector.name.en,
                "label": map_text.sector_label(sector, lang),
                "archetype": archetype,
                "archetype_label": labels[archetype],
                "x": x,
                "y": y,
                **label_columns(canvas, x, y, placements[sector.id]),
                **effect_columns(ds, passing, filters, lang),
                "effects": "",
                "impact_types": "",
                "industries": map_text.list_line([i.name.in_lang(lang) for i in examples], lang),
                "sectors": "",
                "highlight": bool(filters.search) and found,
                "dimmed": bool(filters.search) and not found,
                "capital_equipment_ratio": x,
                "software_equipment_ratio": y,
                "rd": rd,
                "rd_label": map_text.t(f"map.rd.{rd}", lang),
                "rd_ratio_percent": figure.rd_ratio_percent,
            }
        )
    return MapView(
        mode=STATISTICS,
        canvas=canvas,
        records=complete(records),
        region_records=(),
        filters=filters,
        archetype_labels=archetype_labels(ds, lang, statistics=True),
        year=year,
        missing=tuple(missing),
        hidden_labels=tuple(i for i, p in placements.items() if not p.shown),
    )
