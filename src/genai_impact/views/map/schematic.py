"""The schematic map: the report's 19 industries at positions read from its classification.

Positions and regions come from `layout` (a documented rule, no numbers); each label is
kept inside its point's archetype region.
"""

from __future__ import annotations

from genai_impact.report.model import Dataset
from genai_impact.views.map import text as map_text
from genai_impact.views.map.filters import MapFilters, matching_industries, search_matches
from genai_impact.views.map.labels import Box, text_size, wrap_to_width
from genai_impact.views.map.layout import (
    Canvas,
    ChartSize,
    Region,
    schematic_canvas,
    schematic_positions,
    schematic_regions,
)
from genai_impact.views.map.rows import (
    SCHEMATIC,
    MapView,
    Record,
    archetype_labels,
    complete,
    effect_columns,
    label_columns,
    place,
)

REGION_LABEL_PADDING = 6.0  # px between a region's corner and its label


def region_records(
    ds: Dataset, canvas: Canvas, lang: str
) -> tuple[tuple[Record, ...], tuple[Box, ...]]:
    """The schematic rectangles with their wrapped labels, and the labels' pixel boxes."""
    size = canvas.size
    labels = dict(archetype_labels(ds, lang, statistics=False))
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
    placements = place(canvas, everything, filters.sized, region_boxes, homes)
    labels = dict(archetype_labels(ds, lang, statistics=False))
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
                **label_columns(canvas, x, y, placements[industry.id]),
                **effect_columns(ds, [industry], filters, lang),
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
        records=complete(records),
        region_records=regions,
        filters=filters,
        archetype_labels=archetype_labels(ds, lang, statistics=False),
        hidden_labels=tuple(i for i, p in placements.items() if not p.shown),
    )
