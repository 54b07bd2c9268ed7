"""The map's filters -> exactly the rows the chart plots (pure: no streamlit).

Filters (each empty = no restriction):
- archetypes: keep industries of these archetypes (A–E2);
- phases: keep industries with an expected effect in any chosen phase;
- kind: ... of this kind (efficiency / value creation), in the chosen phases or any;
- impacts: keep industries with any of these structural-impact types (1–6);
- search: not a filter: names matching it (ja or en, partial, case-insensitive)
  are highlighted and the rest dimmed.

With a phase or kind filter on, a point's size shows the largest known size of
the matched effects; when none of their sizes can be read, the point says
"size not legible" instead of guessing.

Schematic mode plots the 19 industries at `map_layout` positions. Statistics
mode plots the survey sectors at their measured ratios (百万円/人) for one
fiscal year; a sector passes the filters when one of its example industries
does (with no filter on, every sector is shown, with or without examples).
Label positions are placed once for everything the mode can show, then kept
when a filter hides points, so labels do not jump while a room watches.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import pandas as pd

from genai_impact.official.model import SectorYearFigures
from genai_impact.report.model import Dataset, Effect, Industry, Sector
from genai_impact.views.map import text as map_text
from genai_impact.views.map.labels import (
    Anchor,
    Box,
    Placement,
    place_labels,
    text_size,
    wrap_to_width,
)
from genai_impact.views.map.layout import (
    Canvas,
    ChartSize,
    Region,
    schematic_canvas,
    schematic_positions,
    schematic_regions,
    statistics_canvas,
)
from genai_impact.views.map.text import NOT_LEGIBLE

SCHEMATIC, STATISTICS = "schematic", "statistics"
NO_ARCHETYPE = "none"  # a sector without example industries
SEVERAL_ARCHETYPES = "several"  # a sector whose examples belong to several archetypes
FILTER_NAMES = ("arch", "phase", "kind", "impact")  # the URL names of the filters

# The columns of the plotted rows, in order (both modes; statistics-only ones are None
# in schematic mode).
ROW_COLUMNS = (
    "id", "name", "name_ja", "name_en", "label", "archetype", "archetype_label",
    "x", "y", "label_x", "label_y", "label_align", "label_shown", "leader", "leader_x", "leader_y",
    "effect_size", "effect_size_label", "effect_basis", "effects", "impact_types",
    "industries", "sectors", "highlight", "dimmed",
    "capital_equipment_ratio", "software_equipment_ratio", "rd", "rd_label", "rd_ratio_percent",
)  # fmt: skip
REGION_COLUMNS = (
    "code", "archetype_label", "x0", "x1", "y0", "y1", "label", "label_x", "label_y", "active",
)  # fmt: skip
REGION_LABEL_PADDING = 6.0  # px between a region's corner and its label
# Area of every marker, as a share of ChartSize.point_area, when size shows nothing.
SIZE_SHARE_UNSIZED = 0.55


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


# 1. Which industries pass -------------------------------------------------------------


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


# 2. The plotted rows --------------------------------------------------------------------


Record = dict[str, object]


@dataclass(frozen=True)
class MapView:
    """Everything the map chart draws, and what it leaves out.

    The plotted rows are kept as plain records (the chart spec is built from them in a
    millisecond); `rows` and `regions` give the same as data frames, for tables and tests.
    """

    mode: str  # SCHEMATIC | STATISTICS
    canvas: Canvas
    records: tuple[Record, ...]  # ROW_COLUMNS: one record per plotted point
    region_records: tuple[Record, ...]  # REGION_COLUMNS: schematic rectangles, else none
    filters: MapFilters
    archetype_labels: tuple[tuple[str, str], ...]  # (code, legend label) in legend order
    year: int | None = None
    missing: tuple[str, ...] = ()  # sectors that pass the filters but cannot be placed
    hidden_labels: tuple[str, ...] = field(default=())  # ids whose label found no room

    @cached_property
    def rows(self) -> pd.DataFrame:
        return pd.DataFrame.from_records(list(self.records), columns=list(ROW_COLUMNS))

    @cached_property
    def regions(self) -> pd.DataFrame:
        return pd.DataFrame.from_records(list(self.region_records), columns=list(REGION_COLUMNS))

    @property
    def ids(self) -> list[str]:
        return [str(r["id"]) for r in self.records]

    @property
    def empty(self) -> bool:
        return not self.records


def _archetype_labels(ds: Dataset, lang: str, statistics: bool) -> tuple[tuple[str, str], ...]:
    labels = [(a.code, f"{a.code} {a.name.in_lang(lang)}") for a in ds.archetypes]
    if statistics:
        labels += [
            (SEVERAL_ARCHETYPES, map_text.t("map.legend.several", lang)),
            (NO_ARCHETYPE, map_text.t("map.legend.no_example", lang)),
        ]
    return tuple(labels)


def _effect_columns(
    ds: Dataset, industries: Sequence[Industry], filters: MapFilters, lang: str
) -> dict[str, object]:
    """Size, its basis and the tooltip's effect lines for one point (its passing industries)."""
    matched = [pair for i in industries for pair in matched_effects(ds, i, filters)]
    if not filters.sized or not matched:
        return {"effect_size": "", "effect_size_label": "", "effect_basis": ""}
    size, giving = effect_size(ds, matched)
    bases = sorted({e.prov.basis for e in giving})
    return {
        "effect_size": size,
        "effect_size_label": map_text.size_label(ds, size, lang),
        "effect_basis": map_text.bases_label(bases, lang),
    }


@lru_cache(maxsize=64)
def _place(
    canvas: Canvas,
    points: tuple[tuple[str, float, float, str], ...],
    sized: bool,
    obstacles: tuple[Box, ...] = (),
    regions: tuple[Box, ...] = (),
) -> dict[str, Placement]:
    """Label placements by id for (id, x, y, label) points in data units (memoised: the
    same points in the same language and size are placed once per process).

    The points' reach is that of the largest marker drawn: the full size when point size
    shows an effect's size (`sized`), the one middle size otherwise. `regions` (pixels,
    one per point, or none): the region each point lies in, which its label keeps inside.
    """
    size = canvas.size
    radius = size.point_radius if sized else size.point_radius * math.sqrt(SIZE_SHARE_UNSIZED)
    anchors = [Anchor(canvas.x.to_px(x), canvas.y.to_px(y), radius) for _, x, y, _ in points]
    # measured in bold: a search match's label is drawn bold, and bold is the wider
    sizes = [text_size([label], size.label_font, bold=True) for *_, label in points]
    bounds = Box(0.0, 0.0, float(size.width), float(size.height))
    placements = place_labels(anchors, sizes, bounds, obstacles, regions or None)
    return {point[0]: placement for point, placement in zip(points, placements, strict=True)}


def _label_columns(canvas: Canvas, x: float, y: float, placement: Placement) -> dict[str, object]:
    cy = placement.centre[1]
    lx, ly = placement.box.nearest_point(canvas.x.to_px(x), canvas.y.to_px(y))
    return {
        "label_x": canvas.x.from_px(placement.text_x),
        "label_y": canvas.y.from_px(cy),
        "label_align": placement.align,
        "label_shown": placement.shown,
        "leader": placement.leader and placement.shown,
        "leader_x": canvas.x.from_px(lx),
        "leader_y": canvas.y.from_px(ly),
    }


def _complete(records: list[Record]) -> tuple[Record, ...]:
    """Every record with every ROW_COLUMNS key (None where the mode has no value), in order.

    A search that matches none of the plotted points dims nothing: a map all in grey
    helps nobody (the page says that nothing matched).
    """
    if not any(record["highlight"] for record in records):
        records = [{**record, "dimmed": False} for record in records]
    return tuple({name: record.get(name) for name in ROW_COLUMNS} for record in records)


def region_records(
    ds: Dataset, canvas: Canvas, lang: str
) -> tuple[tuple[Record, ...], tuple[Box, ...]]:
    """The schematic rectangles with their wrapped labels, and the labels' pixel boxes."""
    size = canvas.size
    labels = dict(_archetype_labels(ds, lang, statistics=False))
    rows, boxes = [], []
    for region in schematic_regions(ds):
        area = region_px(canvas, region)
        left, top = area.x0, area.y0
        room = area.x1 - left - 2 * REGION_LABEL_PADDING
        lines = wrap_to_width(labels[region.code], room, size.region_font, bold=True)
        width, height = text_size(lines, size.region_font, bold=True)
        x0, y0 = left + REGION_LABEL_PADDING, top + REGION_LABEL_PADDING
        boxes.append(Box(x0, y0, x0 + width, y0 + height))
        rows.append(
            {
                "code": region.code,
                "archetype_label": labels[region.code],
                "x0": region.x0,
                "x1": region.x1,
                "y0": region.y0,
                "y1": region.y1,
                "label": "\n".join(lines),
                "label_x": canvas.x.from_px(x0),
                "label_y": canvas.y.from_px(y0),
            }
        )
    return tuple(rows), tuple(boxes)


def region_px(canvas: Canvas, region: Region) -> Box:
    """An archetype's rectangle in pixels (y down)."""
    return Box(
        canvas.x.to_px(region.x0),
        canvas.y.to_px(region.y1),
        canvas.x.to_px(region.x1),
        canvas.y.to_px(region.y0),
    )


def schematic_view(ds: Dataset, filters: MapFilters, lang: str, size: ChartSize) -> MapView:
    """The 19 industries that pass `filters` at their schematic positions."""
    canvas = schematic_canvas(size)
    regions, region_boxes = region_records(ds, canvas, lang)
    # a region whose archetype the filter leaves out stays, faded, for orientation
    regions = tuple(
        {**r, "active": not filters.archetypes or r["code"] in filters.archetypes} for r in regions
    )
    positions = schematic_positions(ds)
    everything = tuple((i.id, *positions[i.id], i.name.in_lang(lang)) for i in ds.industries)
    areas = {r.code: region_px(canvas, r) for r in schematic_regions(ds)}
    homes = tuple(areas[i.archetype] for i in ds.industries)
    placements = _place(canvas, everything, filters.sized, region_boxes, homes)
    labels = dict(_archetype_labels(ds, lang, statistics=False))
    records = []
    for industry in matching_industries(ds, filters):
        x, y = positions[industry.id]
        names = (industry.name.ja, industry.name.en)
        found = search_matches(filters.search, names)
        records.append(
            {
                "id": industry.id,
                "name": industry.name.in_lang(lang),
                "name_ja": industry.name.ja,
                "name_en": industry.name.en,
                "label": industry.name.in_lang(lang),
                "archetype": industry.archetype,
                "archetype_label": labels[industry.archetype],
                "x": x,
                "y": y,
                **_label_columns(canvas, x, y, placements[industry.id]),
                **_effect_columns(ds, [industry], filters, lang),
                "effects": map_text.effects_line(ds, industry, lang),
                "impact_types": map_text.impacts_line(ds, industry, lang),
                "industries": "",
                "sectors": map_text.sectors_line(ds, industry, lang),
                "highlight": bool(filters.search) and found,
                "dimmed": bool(filters.search) and not found,
            }
        )
    return MapView(
        mode=SCHEMATIC,
        canvas=canvas,
        records=_complete(records),
        region_records=regions,
        filters=filters,
        archetype_labels=_archetype_labels(ds, lang, statistics=False),
        hidden_labels=tuple(i for i, p in placements.items() if not p.shown),
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
    placements = _place(canvas, everything, filters.sized)
    labels = dict(_archetype_labels(ds, lang, statistics=True))
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
                **_label_columns(canvas, x, y, placements[sector.id]),
                **_effect_columns(ds, passing, filters, lang),
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
        records=_complete(records),
        region_records=(),
        filters=filters,
        archetype_labels=_archetype_labels(ds, lang, statistics=True),
        year=year,
        missing=tuple(missing),
        hidden_labels=tuple(i for i, p in placements.items() if not p.shown),
    )


def table_columns(view: MapView) -> list[str]:
    """The columns of the data table under the chart: what the chart shows, no more.

    Schematic positions are not numbers about an industry, so they are left out.
    """
    if view.mode == SCHEMATIC:
        columns = ["name", "archetype_label", "effects", "impact_types", "sectors"]
    else:
        columns = [
            "name",
            "archetype_label",
            "capital_equipment_ratio",
            "software_equipment_ratio",
            "rd_label",
            "industries",
        ]
    if view.filters.sized:
        columns += ["effect_size_label", "effect_basis"]
    return columns


# 3. The page's glue: URL values, filters from the view, the chosen point ----------------


def filters_from_view(view) -> MapFilters:
    """The filters a `state.ViewState` carries (its values are already validated)."""
    return MapFilters(
        archetypes=view.arch,
        phases=view.phase,
        kind=view.kind,
        impacts=tuple(int(n) for n in view.impact),
        search=view.q,
    )


def resolve_selection(ds: Dataset, view: MapView, chosen: str | None) -> str | None:
    """The chosen id if it is plotted; in statistics mode an industry id picks its sector."""
    ids = set(view.ids)
    if chosen and view.mode == STATISTICS and chosen not in ids:
        industry = next((i for i in ds.industries if i.id == chosen), None)
        sectors = [ds.sector(link.estat_code).id for link in industry.sectors] if industry else []
        chosen = next((s for s in sectors if s in ids), None)
    return chosen if chosen in ids else None
