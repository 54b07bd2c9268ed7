"""The map's plotted rows: `MapView`, and the parts both modes build them from (pure).

A row is a plain record (`ROW_COLUMNS`): where the point sits, where its label goes
(placed once for everything the mode can show, then kept when a filter hides points,
so labels do not jump while a room watches), its effect size and tooltip lines, and
whether the search highlights or dims it. `schematic` and `statistics` build the rows
of each mode.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pandas as pd

from genai_impact.report.model import Dataset, Industry
from genai_impact.text.i18n import t
from genai_impact.views.map import text as map_text
from genai_impact.views.map.filters import MapFilters, effect_size, matched_effects
from genai_impact.views.map.labels import Anchor, Box, Placement, place_labels, text_size
from genai_impact.views.map.layout import Canvas

SCHEMATIC, STATISTICS = "schematic", "statistics"
NO_ARCHETYPE = "none"  # a sector without example industries
SEVERAL_ARCHETYPES = "several"  # a sector whose examples belong to several archetypes
# The columns of the plotted rows, in order (both modes; statistics-only ones are None
# in schematic mode).
# The statistics mode's table under the chart and its CSV: what a sector's row shows.
STATISTICS_TABLE_COLUMNS = (
    "name", "archetype_label", "capital_equipment_ratio", "software_equipment_ratio",
    "rd_label", "industries",
)  # fmt: skip
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
# Area of every marker, as a share of ChartSize.point_area, when size shows nothing.
SIZE_SHARE_UNSIZED = 0.55
# ... and when size shows the expected effect's size: each size at least twice the area of
# the next, so a room tells them apart at a glance. A size the report's text does not give
# (NOT_LEGIBLE) is drawn hollow at the middle area: no size is claimed for it.
SIZE_AREAS = {"large": 1.0, "moderate": 0.4, "small": 0.15, map_text.NOT_LEGIBLE: 0.4}


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


def archetype_labels(ds: Dataset, lang: str, statistics: bool) -> tuple[tuple[str, str], ...]:
    labels = [(a.code, f"{a.code} {a.name.in_lang(lang)}") for a in ds.archetypes]
    if statistics:
        labels += [
            (SEVERAL_ARCHETYPES, t("map.legend.several", lang)),
            (NO_ARCHETYPE, t("map.legend.no_example", lang)),
        ]
    return tuple(labels)


def effect_columns(
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
def place(
    canvas: Canvas,
    points: tuple[tuple[str, float, float, str], ...],
    sized: bool,
    obstacles: tuple[Box, ...] = (),
    regions: tuple[Box, ...] = (),
) -> dict[str, Placement]:
    """Label placements by id for (id, x, y, label) points in data units (memoised: the
    same points in the same language and size are placed once per process).

    The points' reach is that of the largest marker drawn: the largest of `SIZE_AREAS`
    when point size shows an effect's size (`sized`), the one middle size otherwise.
    `regions` (pixels, one per point, or none): the region each point lies in, which its
    label keeps inside.
    """
    size = canvas.size
    share = max(SIZE_AREAS.values()) if sized else SIZE_SHARE_UNSIZED
    radius = size.point_radius * math.sqrt(share)
    anchors = [Anchor(canvas.x.to_px(x), canvas.y.to_px(y), radius) for _, x, y, _ in points]
    # measured in bold: a search match's label is drawn bold, and bold is the wider
    sizes = [text_size([label], size.label_font, bold=True) for *_, label in points]
    bounds = Box(0.0, 0.0, float(size.width), float(size.height))
    placements = place_labels(anchors, sizes, bounds, obstacles, regions or None)
    return {point[0]: placement for point, placement in zip(points, placements, strict=True)}


def label_columns(canvas: Canvas, x: float, y: float, placement: Placement) -> dict[str, object]:
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


def complete(records: list[Record]) -> tuple[Record, ...]:
    """Every record with every ROW_COLUMNS key (None where the mode has no value), in order.

    A search that matches none of the plotted points dims nothing: a map all in grey
    helps nobody (the page says that nothing matched).
    """
    if not any(record["highlight"] for record in records):
        records = [{**record, "dimmed": False} for record in records]
    return tuple({name: record.get(name) for name in ROW_COLUMNS} for record in records)


def table_columns(view: MapView) -> list[str]:
    """The columns of the data table under the chart: what the chart shows, no more.

    Schematic positions are not numbers about an industry, so they are left out.
    """
    if view.mode == SCHEMATIC:
        columns = ["name", "archetype_label", "effects", "impact_types", "sectors"]
    else:
        columns = list(STATISTICS_TABLE_COLUMNS)
    if view.filters.sized:
        columns += ["effect_size_label", "effect_basis"]
    return columns


def resolve_selection(ds: Dataset, view: MapView, chosen: str | None) -> str | None:
    """The chosen id if it is plotted; in statistics mode an industry id picks its sector."""
    ids = set(view.ids)
    if chosen and view.mode == STATISTICS and chosen not in ids:
        industry = next((i for i in ds.industries if i.id == chosen), None)
        sectors = [ds.sector(link.estat_code).id for link in industry.sectors] if industry else []
        chosen = next((s for s in sectors if s in ids), None)
    return chosen if chosen in ids else None


def table_frame(view: MapView, lang: str) -> pd.DataFrame:
    """The data table under the chart, headers in `lang`: exactly what the chart shows."""
    columns = table_columns(view)
    return view.rows[columns].rename(columns={c: t(f"map.column.{c}", lang) for c in columns})
