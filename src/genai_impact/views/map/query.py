"""The map's public queries: a view's filters -> exactly the rows the chart plots (pure).

`map_view` is the one entry: measured sectors for a fiscal year once official figures
are imported (`statistics`), else the report's industries at schematic positions
(`schematic`). The filters live in `filters`, the rows and their labels in `rows`; this
module gathers what pages, exports and decks use.
"""

from __future__ import annotations

from genai_impact.official.stats import OfficialStats
from genai_impact.report.model import Dataset
from genai_impact.state import ViewState
from genai_impact.views.map.filters import (
    FILTER_NAMES,
    MapFilters,
    filters_from_view,
    matching_industries,
    relaxations,
)
from genai_impact.views.map.layout import ChartSize
from genai_impact.views.map.rows import (
    NO_ARCHETYPE,
    ROW_COLUMNS,
    SCHEMATIC,
    SEVERAL_ARCHETYPES,
    SIZE_AREAS,
    SIZE_SHARE_UNSIZED,
    STATISTICS,
    MapView,
    resolve_selection,
    table_columns,
    table_frame,
)
from genai_impact.views.map.schematic import region_px, region_records, schematic_view
from genai_impact.views.map.statistics import plottable, sector_examples, statistics_view

__all__ = [
    "FILTER_NAMES",
    "NO_ARCHETYPE",
    "ROW_COLUMNS",
    "SCHEMATIC",
    "SEVERAL_ARCHETYPES",
    "SIZE_AREAS",
    "SIZE_SHARE_UNSIZED",
    "STATISTICS",
    "MapFilters",
    "MapView",
    "filters_from_view",
    "map_view",
    "matching_industries",
    "plottable",
    "region_px",
    "region_records",
    "relaxations",
    "resolve_selection",
    "schematic_view",
    "sector_examples",
    "shown_year",
    "statistics_view",
    "table_columns",
    "table_frame",
]


def shown_year(stats: OfficialStats | None, view: ViewState) -> int | None:
    """The fiscal year the map shows: the URL's, else the latest imported (None: none)."""
    if not (stats and stats.has_corporate_figures and stats.years):
        return None
    return int(view.year) if view.year else stats.years[-1]


def map_view(ds: Dataset, stats: OfficialStats | None, view: ViewState, size: ChartSize) -> MapView:
    """The map's rows for `view` at `size`: measured when official figures exist, else
    schematic. In statistics mode the axes span every imported year, so the points move
    and the axes stay when the year changes (the screen and its exports alike)."""
    filters = filters_from_view(view)
    year = shown_year(stats, view)
    if stats is not None and year is not None:
        return statistics_view(ds, stats.figures, year, filters, view.lang, size)
    return schematic_view(ds, filters, view.lang, size)
