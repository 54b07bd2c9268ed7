"""What a download offers for one chart or table, and its files (pure: no streamlit).

A `ChartExport` carries the chart's title, the filters applied, the source line, the
link that reopens the view, a builder of the chart per size preset and theme, and the
rows it shows with their provenance; `render` makes its PNG (2×), SVG or CSV, and
`file_name` names the file after the view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
from altair.utils.schemapi import debug_mode

from genai_impact.exports import file_names
from genai_impact.exports import render as export
from genai_impact.exports.presets import PRESETS
from genai_impact.exports.table_csv import to_csv_bytes

Spec = dict[str, Any]

PRESET_IDS: tuple[str, ...] = tuple(PRESETS)  # slide_16_9, slide_4_3, screen
DEFAULT_PRESET = "slide_16_9"
PNG_SCALE = 2
FORMATS: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv"}
# File-name part of each preset: map-16x9.png, map-4x3.svg, map-screen.png
PRESET_SUFFIX = {"slide_16_9": "16x9", "slide_4_3": "4x3", "screen": "screen"}


ChartBuilder = Callable[[str, str], alt.Chart | alt.LayerChart]  # (preset, theme) -> chart


@dataclass(frozen=True)
class ChartExport:
    """One chart or table's downloads.

    `build(preset, theme)` gives the chart to export (None: a table only, CSV only);
    `table` is exactly what the chart or table shows, with the provenance columns
    (`table_csv.PROVENANCE_COLUMNS`) as columns or in `provenance` for every row.
    """

    stem: str  # file-name start, e.g. "map"
    title: str
    subtitle: tuple[str, ...]
    source: str  # the footer's source line (export.source_line)
    link: str  # the URL that reopens exactly this view
    lang: str
    table: pd.DataFrame
    build: ChartBuilder | None = None
    provenance: Mapping[str, str] = field(default_factory=dict)
    # px the chart draws under its x axis as marks (the map's R&D key): the slide's footer,
    # a bottom legend, is moved down by as much, since Vega only makes room for axes.
    below_axis: Callable[[str], float] = lambda _preset: 0.0
    # the view in words for the file's name (`file_names.view_words`); empty: the stem
    words: tuple[str, ...] = ()

    @property
    def formats(self) -> tuple[str, ...]:
        return ("png", "svg", "csv") if self.build else ("csv",)


def file_name(stem: str, fmt: str, preset: str = DEFAULT_PRESET) -> str:
    """`map-16x9.png`, `map-4x3.svg`, `map.csv` (a CSV has no size): the short, id-only
    name; downloads are named by `download_name`."""
    if fmt == "csv":
        return f"{stem}.csv"
    return f"{stem}-{PRESET_SUFFIX[preset]}.{fmt}"


def download_name(
    item: ChartExport, fmt: str, preset: str = DEFAULT_PRESET, today: dt.date | None = None
) -> str:
    """The name a download gets: `genai-impact_<view in words>[-16x9]_<YYYY-MM-DD>.<fmt>`
    (`file_names.download_name`; a CSV has no size)."""
    size = None if fmt == "csv" else PRESET_SUFFIX[preset]
    return file_names.download_name(item.words or (item.stem,), fmt, size, today)


def slide(item: ChartExport, preset: str, theme: str) -> alt.LayerChart:
    """The chart of `item` wrapped for export: title, filters, source line, link."""
    if item.build is None:
        raise ValueError(f"{item.stem}: a table has no chart to export")
    with debug_mode(False):  # Altair's check of every object: seconds for the map's spec
        chart = export.slide_chart(
            item.build(preset, theme),
            title=item.title,
            subtitle=list(item.subtitle),
            footer_source=item.source,
            link=item.link,
            lang=item.lang,
            size=preset,
            theme=theme,
        )
    extra = item.below_axis(preset)
    if extra <= 0:
        return chart
    spec = chart.to_dict(validate=False)
    legend = spec["layer"][-1]["encoding"]["strokeDash"]["legend"]  # export's footer layer
    legend["offset"] = legend.get("offset", 0) + round(extra)
    return chart_of(spec)


def chart_of(spec: Spec) -> alt.LayerChart:
    """A layered Vega-Lite dict as an Altair chart, as is: no schema lookups. (Altair's
    from_dict picks a class for every nested object by validating it: over a second for
    the map; the spec is checked once, by vl-convert, when it is rendered.)"""

    def unit(layer: Spec) -> alt.Chart | alt.LayerChart:
        if "layer" in layer:
            return chart_of(layer)
        if "encoding" in layer:  # Altair looks into it for facets
            layer = {**layer, "encoding": alt.FacetedEncoding(**layer["encoding"])}
        return alt.Chart(**layer)

    with debug_mode(False):
        top = {k: v for k, v in spec.items() if k not in ("$schema", "layer")}
        if "encoding" in top:
            top["encoding"] = alt.SharedEncoding(**top["encoding"])
        return export.layered([unit(layer) for layer in spec["layer"]], **top)


def render(
    item: ChartExport, fmt: str, preset: str = DEFAULT_PRESET, theme: str = "light"
) -> bytes:
    """The file's bytes: PNG at 2× scale, SVG text, or CSV with provenance (UTF-8 BOM)."""
    if fmt == "csv":
        return to_csv_bytes(item.table, provenance=item.provenance, lang=item.lang)
    chart = slide(item, preset, theme)
    if fmt == "png":
        return export.to_png(chart, scale=PNG_SCALE)
    if fmt == "svg":
        return export.to_svg(chart).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; expected one of {tuple(FORMATS)}")


def prerender(item: ChartExport, preset: str = DEFAULT_PRESET, theme: str = "light") -> Future:
    """Render `item`'s PNG (and with it its SVG) in the background: a click that follows on
    the same view is served from `export`'s cache. The render's CPU is spent all the same.
    (The app's Download menu does not call it: it makes a file only when one is clicked.)"""
    if item.build is None:
        raise ValueError(f"{item.stem}: a table has no chart to render")
    return export.prerender(lambda: render(item, "png", preset, theme))
