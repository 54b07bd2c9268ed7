"""The industry map as a download: its slide, its files and its table (pure).

`map_export` gives the map's `ChartExport` for a view: the page's spec made ready for
`render.slide_chart` (`export_map_spec`: named datasets inlined, its own title and footer
replaced by the slide's, what it places in pixels under the plot kept in place when a
slide preset resizes the plot), drawn in the view's theme, with the map's source line
and its data table with provenance.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

import altair as alt
import pandas as pd

from genai_impact.exports import render as export
from genai_impact.exports.chart_export import ChartExport, chart_of, slide
from genai_impact.exports.file_names import view_words
from genai_impact.exports.map_table import map_csv_frame, statistic_text
from genai_impact.exports.opaque_regions import opaque_regions
from genai_impact.exports.plot_fit import fitted_plot
from genai_impact.exports.presets import PRESETS
from genai_impact.official.stats import OfficialStats
from genai_impact.report.model import Dataset
from genai_impact.report.query import report_source
from genai_impact.state import ViewState
from genai_impact.theme import DEFAULT_THEME, palette
from genai_impact.views.map import chart as charts
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import ChartSize, map_size

Spec = dict[str, Any]

# The map built for a slide: plot area near what the slide leaves after title, axes,
# legends and footer, with type for the back of the room (the preset fits it exactly).
EXPORT_MAP_SIZES: dict[str, ChartSize] = {
    "slide_16_9": ChartSize("slide_16_9", 1480, 620, 22, 22, 32, 22, 560),
    "slide_4_3": ChartSize("slide_4_3", 1060, 640, 20, 20, 30, 20, 480),
}


def _inline_data(node: Any, datasets: Mapping[str, list]) -> Any:
    if isinstance(node, dict):
        data = node.get("data")
        out = {k: _inline_data(v, datasets) for k, v in node.items() if k != "data"}
        if isinstance(data, dict) and data.get("name") in datasets:
            out["data"] = {"values": datasets[data["name"]]}
        elif data is not None:
            out["data"] = data
        return out
    if isinstance(node, list):
        return [_inline_data(v, datasets) for v in node]
    return node


def _pixel_y(layer: Spec) -> str | None:
    y = layer.get("encoding", {}).get("y")
    if isinstance(y, dict) and y.get("scale", "") is None and "field" in y:
        return str(y["field"])
    return None


def below_axis(spec: Spec, font: float) -> float:
    """How far the marks drawn in pixels under the plot reach below the x axis's labels and
    title (about 3.4 × the text size, as `charts.industry_map_spec` lays them out)."""
    reach = 0.0
    for layer in spec.get("layer", []):
        name = _pixel_y(layer)
        values = layer.get("data", {}).get("values", []) if name else []
        for row in values:
            reach = max(reach, float(row[name]) - float(spec["height"]) + font * 0.8)
    return max(0.0, reach - font * 3.4)


def _below_plot(layer: Spec, height: float) -> Spec:
    """Marks drawn in pixels under the plot (the size and R&D keys) follow the plot's
    fitted height."""
    name = _pixel_y(layer)
    if name is None:
        return layer
    encoding = layer["encoding"]
    y = encoding["y"]
    shifted = f"{name}_fit"
    calc = {"calculate": f"datum.{name} - {height} + height", "as": shifted}
    return {
        **layer,
        "transform": [*layer.get("transform", []), calc],
        "encoding": {**encoding, "y": {**y, "field": shifted}},
    }


def export_map_spec(spec: Spec, preset: str) -> Spec:
    """The page's map spec made ready for `export.slide_chart`.

    Named datasets become inline data (a wrapped chart is no longer the top level),
    the selection parameter, own title and own footer go (the slide has its own),
    and for slide presets, which fit the plot to the slide, what is drawn in pixels
    under the plot (the keys) moves with the plot's fitted height.
    """
    datasets = spec.get("datasets", {})
    out = _inline_data({k: v for k, v in spec.items() if k not in ("datasets", "params")}, datasets)
    out.pop("title", None)
    layers = list(out["layer"])
    if layers and layers[-1].get("encoding", {}).get("x") == {"value": 0}:
        layers.pop()  # the chart's own source line: the slide's footer says it
    for layer in layers:
        layer.pop("params", None)
    if PRESETS[preset].width is not None:
        height = float(out["height"])
        layers = [_below_plot(layer, height) for layer in layers]
    out["layer"] = layers
    return out


def map_source_line(ds: Dataset, mv: map_query.MapView, lang: str) -> str:
    """The footer's source line of the map: the report; the statistic, table and fiscal
    year in statistics mode; "schematic" in the schematic."""
    citation = report_source(ds).citation.in_lang(lang)
    if mv.mode == map_query.STATISTICS:
        return export.source_line(lang, citation, statistic=statistic_text(ds), fiscal_year=mv.year)
    return export.source_line(lang, citation, schematic=True)


def map_table(ds: Dataset, mv: map_query.MapView, lang: str) -> pd.DataFrame:
    """The map's rows with provenance, as its CSV holds them (`map_table.map_csv_frame`)."""
    return map_csv_frame(ds, mv, lang)


def fitted_size(slide_spec: Spec, preset: str) -> ChartSize:
    """The map's size at slide `preset`: its type and markers (`EXPORT_MAP_SIZES`) and the
    plot Vega gives it on the slide `slide_spec` (an exported map, as a dict)."""
    width, height = fitted_plot(slide_spec)
    return replace(EXPORT_MAP_SIZES[preset], width=int(width), height=int(height))


def map_export(
    ds: Dataset,
    stats: OfficialStats | None,
    view: ViewState,
    link: str,
    selected: str | None = None,
    mv: map_query.MapView | None = None,
) -> ChartExport | None:
    """The map's downloads for `view` (`mv`: its rows as on screen, if already built);
    None when the filters leave nothing to plot.

    A slide preset's map is placed for the plot size the slide really leaves it
    (`plot_fit.fitted_plot` of the map built at `EXPORT_MAP_SIZES` first), so its labels
    keep the room they were placed with.
    """
    if mv is None:
        mv = map_query.map_view(ds, stats, view, map_size(view.present == "1"))
    if mv.empty:
        return None
    planned = _map_item(ds, stats, view, link, selected, mv, EXPORT_MAP_SIZES.get)
    fitted: dict[str, ChartSize] = {}

    def size_at(preset: str) -> ChartSize | None:
        size = EXPORT_MAP_SIZES.get(preset)
        if size is None:
            return None
        if preset not in fitted:
            fitted[preset] = fitted_size(slide(planned, preset, DEFAULT_THEME).to_dict(), preset)
        return fitted[preset]

    return _map_item(ds, stats, view, link, selected, mv, size_at)


def _map_item(
    ds: Dataset,
    stats: OfficialStats | None,
    view: ViewState,
    link: str,
    selected: str | None,
    mv: map_query.MapView,
    size_at: Callable[[str], ChartSize | None],
) -> ChartExport:
    """The map's `ChartExport`, its slides placed at `size_at(preset)` (None: as on screen)."""
    lang = view.lang
    texts = map_text.chart_texts(ds, mv, lang)
    views: dict[str, map_query.MapView] = {}  # preset -> its rows, placed once
    built: dict[tuple[str, str], Spec] = {}  # (preset, theme) -> spec, made once

    def view_at(preset: str) -> map_query.MapView:
        if preset not in views:
            size = size_at(preset)
            views[preset] = mv if size is None else map_query.map_view(ds, stats, view, size)
        return views[preset]

    def spec_at(preset: str, theme: str = DEFAULT_THEME) -> tuple[Spec, float]:
        shown = view_at(preset)
        if (preset, theme) not in built:
            texts_at = map_text.chart_texts(ds, shown, lang)
            built[preset, theme] = charts.industry_map_spec(shown, texts_at, selected, theme=theme)
        return built[preset, theme], shown.canvas.size.text_font

    def build(preset: str, theme: str) -> alt.LayerChart:
        spec, _ = spec_at(preset, theme)
        exported = export_map_spec(spec, preset)
        return chart_of(opaque_regions(exported, palette(theme).background))

    def under_axis(preset: str) -> float:
        spec, font = spec_at(preset)
        return below_axis(spec, font)

    return ChartExport(
        stem="map",
        title=texts.title,
        subtitle=tuple(texts.subtitle),
        source=map_source_line(ds, mv, lang),
        link=link,
        lang=lang,
        table=map_table(ds, mv, lang),
        build=build,
        below_axis=under_axis,
        words=view_words(ds, view, "map"),
    )
