"""Workshop mode and exports as the pages use them (pure: no streamlit).

The export core (`export`, `export_theme`, `table_export`, `slide_pack`, `agenda`)
works on any chart; this module fits the app's own charts and views to it:

- `ChartExport`: what a download offers for one chart or table (title, filters,
  source line, link, a chart builder per size preset and theme, the rows with
  provenance), and `render` / `file_name` for each format;
- the industry map for export (`map_export`): its named datasets inlined, its own
  footer replaced by the slide footer, the marks it places in pixels kept in place
  when a slide preset resizes the plot, and the dark theme;
- `themed_map_spec`: the on-screen map in the dark (high-contrast) theme;
- presentation mode's map size; the base URL a "copy link" shows;
- `agenda_slides`: one numbered PNG per saved view for the slide pack.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import altair as alt
import pandas as pd
from altair.utils.schemapi import debug_mode

from genai_impact import navigation, state
from genai_impact.exports import render as export
from genai_impact.exports.presets import PALETTES, PRESETS
from genai_impact.exports.slide_pack import SlideFile
from genai_impact.exports.table_csv import to_csv_bytes
from genai_impact.official.stats import OfficialStats, figures_for_year
from genai_impact.report.model import Dataset
from genai_impact.text.i18n import t
from genai_impact.views.map import chart as charts
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import SIZES, ChartSize
from genai_impact.workshop import agenda

Spec = dict[str, Any]

PRESET_IDS: tuple[str, ...] = tuple(PRESETS)  # slide_16_9, slide_4_3, screen
DEFAULT_PRESET = "slide_16_9"
PNG_SCALE = 2
FORMATS: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv"}
# File-name part of each preset: map-16x9.png, map-4x3.svg, map-screen.png
PRESET_SUFFIX = {"slide_16_9": "16x9", "slide_4_3": "4x3", "screen": "screen"}
BASE_URL_ENV = "GENAI_IMPACT_BASE_URL"
DEFAULT_BASE_URL = "http://localhost:8501"
# Presentation mode: the type and marks of the largest map size readable on a 1280×720
# projector (map_layout.SIZES["1280x720"]), with a plot short enough that the chart, its
# legends and source line fit under the step buttons in a 1280×720 window.
PRESENT_MAP = replace(SIZES["1280x720"], name="present", height=340)
# The map built for a slide: plot area near what the slide leaves after title, axes,
# legends and footer, with type for the back of the room (the preset fits it exactly).
EXPORT_MAP_SIZES: dict[str, ChartSize] = {
    "slide_16_9": ChartSize("slide_16_9", 1480, 620, 22, 22, 32, 22, 560),
    "slide_4_3": ChartSize("slide_4_3", 1060, 640, 20, 20, 30, 20, 480),
}


# 1. What a download offers -------------------------------------------------------------------


ChartBuilder = Callable[[str, str], alt.Chart | alt.LayerChart]  # (preset, theme) -> chart


@dataclass(frozen=True)
class ChartExport:
    """One chart or table's downloads.

    `build(preset, theme)` gives the chart to export (None: a table only, CSV only);
    `table` is exactly what the chart or table shows, with the provenance columns
    (`table_export.PROVENANCE_COLUMNS`) as columns or in `provenance` for every row.
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

    @property
    def formats(self) -> tuple[str, ...]:
        return ("png", "svg", "csv") if self.build else ("csv",)


def file_name(stem: str, fmt: str, preset: str = DEFAULT_PRESET) -> str:
    """`map-16x9.png`, `map-4x3.svg`, `map.csv` (a CSV has no size)."""
    if fmt == "csv":
        return f"{stem}.csv"
    return f"{stem}-{PRESET_SUFFIX[preset]}.{fmt}"


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
        return to_csv_bytes(item.table, provenance=item.provenance)
    chart = slide(item, preset, theme)
    if fmt == "png":
        return export.to_png(chart, scale=PNG_SCALE)
    if fmt == "svg":
        return export.to_svg(chart).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; expected one of {tuple(FORMATS)}")


def prerender(item: ChartExport, preset: str = DEFAULT_PRESET, theme: str = "light") -> Future:
    """Render `item`'s PNG (and with it its SVG) in the background, when its downloads are
    about to be asked for (the Download popover opened): the click that follows is served
    from `export`'s cache. The render's CPU is spent all the same, once per view."""
    if item.build is None:
        raise ValueError(f"{item.stem}: a table has no chart to render")
    return export.prerender(lambda: render(item, "png", preset, theme))


# 2. Links -------------------------------------------------------------------------------------


def base_url(url: str | None, host: str | None, configured: str | None = None) -> str:
    """Scheme and host the app is reached at: the configured value, else the browser's URL,
    else the Host header, else localhost. Only http(s) with a plain host is accepted."""
    for candidate in (configured, url):
        if candidate:
            parts = urlsplit(candidate.strip())
            if parts.scheme in ("http", "https") and parts.netloc and "@" not in parts.netloc:
                return f"{parts.scheme}://{parts.netloc}"
    if host and all(ch.isalnum() or ch in ".-:[]" for ch in host):
        return f"http://{host}"
    return DEFAULT_BASE_URL


def view_link(base: str, page_id: str, view: state.ViewState) -> str:
    """The canonical URL of a view of page `page_id`, language always written."""
    return agenda.view_url(base, capture(page_id, view))


def capture(page_id: str, view: state.ViewState, name: str = "view") -> agenda.SavedView:
    """The view as a saved view. Display settings (presentation mode, theme) belong to
    the room, not to the view: they are left out and carried while stepping."""
    return agenda.capture_view(name, page_id, replace(view, present=None, theme="light"))


def display_params(view: state.ViewState) -> dict[str, str]:
    """The presentation-mode and theme parameters of `view` (what stepping carries)."""
    return {
        k: v
        for k, v in state.to_query_params(view, only=("present", "theme")).items()
        if isinstance(v, str)
    }


def position(views: Sequence[agenda.SavedView], page_id: str, view: state.ViewState) -> int | None:
    """The index of the saved view now on screen (same page and parameters), else None."""
    here = capture(page_id, view)
    for i, saved in enumerate(views):
        if saved.page == here.page and agenda.canonical_params(
            saved.params
        ) == agenda.canonical_params(here.params):
            return i
    return None


# 3. The industry map for export and on screen ---------------------------------------------


def map_size(present: bool) -> ChartSize:
    """The on-screen map size: larger type and marks in presentation mode."""
    return PRESENT_MAP if present else SIZES["screen"]


_DARK_COLOURS = {
    charts.TEXT_COLOUR: "#ffffff",
    charts.NOTE_COLOUR: "#d9d9d9",
    "#444444": "#d9d9d9",
    "#666666": "#bfbfbf",
    "#777777": "#bfbfbf",
    "#bbbbbb": "#4d4d4d",
}


def _recoloured(node: Any, colours: Mapping[str, str]) -> Any:
    if isinstance(node, dict):
        return {k: _recoloured(v, colours) for k, v in node.items()}
    if isinstance(node, list):
        return [_recoloured(v, colours) for v in node]
    if isinstance(node, str):
        return colours.get(node.lower(), colours.get(node, node))
    return node


def themed_map_spec(spec: Spec, theme: str) -> Spec:
    """The map spec in `theme`: light is the spec as built; dark is white text and lines on
    black (the export theme's palette), the archetype colours unchanged."""
    if theme == "light":
        return spec
    palette = PALETTES[theme]
    datasets = spec.get("datasets")
    out = _recoloured({k: v for k, v in spec.items() if k != "datasets"}, _DARK_COLOURS)
    if datasets is not None:
        out = {"datasets": datasets, **out}
    config = out.setdefault("config", {})
    config["background"] = palette.background
    for part in ("axis", "legend"):
        config.setdefault(part, {}).update(labelColor=palette.text, titleColor=palette.text)
    config["axis"].update(domainColor=palette.axis, tickColor=palette.axis, gridColor=palette.grid)
    if isinstance(out.get("title"), dict):
        out["title"].update(color=palette.text, subtitleColor=palette.subtle_text)
    return out


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


def _below_plot(layer: Spec, height: float, lift: float) -> Spec:
    """Marks drawn in pixels under the plot (the R&D key) follow the plot's fitted height;
    `lift` px up where the size legend left the space under the plot for the right side."""
    name = _pixel_y(layer)
    if name is None:
        return layer
    encoding = layer["encoding"]
    y = encoding["y"]
    shifted = f"{name}_fit"
    calc = {"calculate": f"datum.{name} - {height + lift} + height", "as": shifted}
    return {
        **layer,
        "transform": [*layer.get("transform", []), calc],
        "encoding": {**encoding, "y": {**y, "field": shifted}},
    }


def _legend_right(node: Any) -> Any:
    """A legend placed in pixels under the plot (the size legend) goes to the plot's right:
    the slide's footer is a bottom legend, which Vega does not stack with placed ones."""
    if isinstance(node, dict):
        out = {k: _legend_right(v) for k, v in node.items()}
        if out.get("orient") == "none" and "legendY" in out:
            for placed in ("legendX", "legendY"):
                out.pop(placed)
            out.update(orient="right", direction="vertical")
        dash = out.get("strokeDash")
        if isinstance(dash, dict) and isinstance(dash.get("legend"), dict) and "size" in out:
            out["strokeDash"] = {**dash, "legend": None}
        return out
    if isinstance(node, list):
        return [_legend_right(v) for v in node]
    return node


def export_map_spec(spec: Spec, preset: str, font: float = 0.0) -> Spec:
    """The page's map spec made ready for `export.slide_chart`.

    Named datasets become inline data (a wrapped chart is no longer the top level),
    the selection parameter, own title and own footer go (the slide has its own),
    and for slide presets, which fit the plot to the slide, what is drawn in pixels
    under the plot moves with the plot's fitted height. The size legend goes to the
    plot's right (`font`: the chart's text size, the height of its old row), and its
    dashed-outline twin is not drawn twice: the slide's footer resolves strokeDash on its
    own, so Vega could no longer merge the two.
    """
    datasets = spec.get("datasets", {})
    out = _inline_data({k: v for k, v in spec.items() if k not in ("datasets", "params")}, datasets)
    out.pop("title", None)
    layers = list(out["layer"])
    if layers and layers[-1].get("encoding", {}).get("x") == {"value": 0}:
        layers.pop()  # the chart's own source line: the slide's footer says it
    for layer in layers:
        layer.pop("params", None)
    moved = _legend_right(layers)
    # the size legend's row under the plot is free now (charts: 2 × the text size)
    lift = 2.0 * font if moved != layers else 0.0
    if PRESETS[preset].width is not None or lift:
        height = float(out["height"])
        moved = [_below_plot(layer, height, lift) for layer in moved]
    out["layer"] = moved
    return out


# Translucent areas are what rasterising a slide costs: resvg blends every pixel of a
# see-through fill, ~0.25 s of CPU for the schematic's regions at 3840×2160, and an element
# whose `opacity` covers both fill and stroke is drawn into a whole-image layer first (as much
# again). Regions sit straight on the background, so the same colours come out opaque.
_REGION_FILL = "genai_impact_region_fill"
_REGION_STROKE_OPACITY = "genai_impact_region_stroke_opacity"


def _hex_rgb(colour: str) -> tuple[int, int, int] | None:
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6 or any(ch not in "0123456789abcdefABCDEF" for ch in text):
        return None
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def blend(colour: str, background: str, alpha: float) -> str | None:
    """`colour` at opacity `alpha` over `background` as one opaque hex colour (None when
    either is not a hex colour)."""
    fg, bg = _hex_rgb(colour), _hex_rgb(background)
    if fg is None or bg is None:
        return None
    mixed = (round(b + (f - b) * alpha) for f, b in zip(fg, bg, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _opaque_rect_layer(layer: Spec, background: str) -> Spec:
    """A rect layer with a conditional opacity (`datum.<field>`) and a fill and stroke from
    the same explicit colour scale (the schematic's regions), drawn with opaque fills that
    look the same over `background`; any other layer as it is."""
    mark, encoding = layer.get("mark"), layer.get("encoding", {})
    opacity, fill = encoding.get("opacity"), encoding.get("fill")
    data = layer.get("data")
    if not (
        isinstance(mark, dict)
        and mark.get("type") == "rect"
        and isinstance(opacity, dict)
        and isinstance(opacity.get("condition"), dict)
        and isinstance(fill, dict)
        and encoding.get("stroke", {}).get("field") == fill.get("field")
        and isinstance(data, dict)
        and "values" in data
    ):
        return layer
    test, scale = opacity["condition"].get("test"), fill.get("scale") or {}
    domain, colours = scale.get("domain"), scale.get("range")
    if not (isinstance(test, str) and test.startswith("datum.") and domain and colours):
        return layer
    flag, by = test.removeprefix("datum."), dict(zip(domain, colours, strict=False))
    on, off = float(opacity["condition"]["value"]), float(opacity["value"])
    stroke = float(mark.get("strokeOpacity", 1.0))
    rows = []
    for row in data["values"]:
        alpha = on if row.get(flag) else off
        colour = blend(str(by.get(row.get(fill["field"]), "")), background, alpha)
        if colour is None:
            return layer
        rows.append({**row, _REGION_FILL: colour, _REGION_STROKE_OPACITY: stroke * alpha})
    rest = {k: v for k, v in encoding.items() if k not in ("opacity", "fill")}
    return {
        **layer,
        "data": {"values": rows},
        "encoding": {
            **rest,
            "fill": {"field": _REGION_FILL, "type": "nominal", "scale": None, "legend": None},
            "fillOpacity": {"value": 1},
            "strokeOpacity": {"field": _REGION_STROKE_OPACITY, "type": "quantitative",
                              "scale": None, "legend": None},
        },
    }  # fmt: skip


def opaque_regions(spec: Spec, background: str) -> Spec:
    """`spec` (an export's map, data inline) with its translucent regions drawn opaque in
    the colours they have over `background`: the same picture, rasterised far faster."""
    return {**spec, "layer": [_opaque_rect_layer(layer, background) for layer in spec["layer"]]}


def map_view_for(
    ds: Dataset,
    stats: OfficialStats | None,
    view: state.ViewState,
    lang: str,
    size: ChartSize,
) -> map_query.MapView:
    """The map's rows for `view` at `size`: measured when official figures exist."""
    filters = map_query.filters_from_view(view)
    if stats and stats.has_corporate_figures and stats.years:
        year = int(view.year) if view.year else stats.years[-1]
        figures = figures_for_year(stats, year)
        return map_query.statistics_view(ds, figures, year, filters, lang, size)
    return map_query.schematic_view(ds, filters, lang, size)


def _statistic(ds: Dataset) -> str:
    official = [s for s in ds.sources if s.kind == "official_statistic"]
    return "; ".join(
        f"{s.producer.in_lang('ja')} {s.title.in_lang('ja')}"
        + (f" ({s.estat_table})" if s.estat_table else "")
        for s in official
    )


def map_source_line(ds: Dataset, mv: map_query.MapView, lang: str) -> str:
    """The footer's source line of the map: the report; the statistic, table and fiscal
    year in statistics mode; "schematic" in the schematic."""
    report = next(s for s in ds.sources if s.kind == "report")
    citation = report.citation.in_lang(lang)
    if mv.mode == map_query.STATISTICS:
        return export.source_line(lang, citation, statistic=_statistic(ds), fiscal_year=mv.year)
    return export.source_line(lang, citation, schematic=True)


def map_table(ds: Dataset, mv: map_query.MapView, lang: str) -> pd.DataFrame:
    """Exactly the map's data table (its columns, translated headers) with provenance."""
    columns = map_query.table_columns(mv)
    table = mv.rows[columns].rename(columns={c: t(f"map.column.{c}", lang) for c in columns})
    if mv.mode == map_query.STATISTICS:
        official = [s.id for s in ds.sources if s.kind == "official_statistic"]
        table["source"] = " ".join(official)
        table["lines"] = ""
        table["statistic"] = f"{_statistic(ds)} FY{mv.year}"
        table["basis"] = "statistic"
        table["note"] = ""
        return table
    provs = [ds.industry(str(i)).prov for i in mv.rows["id"]]
    table["source"] = [p.source for p in provs]
    table["lines"] = [p.lines_label() for p in provs]
    table["statistic"] = ""
    table["basis"] = [p.basis for p in provs]
    table["note"] = [p.note or "" for p in provs]
    return table


def map_export(
    ds: Dataset,
    stats: OfficialStats | None,
    view: state.ViewState,
    link: str,
    selected: str | None = None,
    mv: map_query.MapView | None = None,
) -> ChartExport | None:
    """The map's downloads for `view` (`mv`: its rows as on screen, if already built);
    None when the filters leave nothing to plot."""
    lang = view.lang
    if mv is None:
        mv = map_view_for(ds, stats, view, lang, map_size(view.present == "1"))
    if mv.empty:
        return None
    texts = map_text.chart_texts(ds, mv, lang)

    built: dict[str, tuple[Spec, float]] = {}  # preset -> (spec, text size), made once

    def spec_at(preset: str) -> tuple[Spec, float]:
        if preset not in built:
            size = EXPORT_MAP_SIZES.get(preset)
            shown = mv if size is None else map_view_for(ds, stats, view, lang, size)
            texts_at = map_text.chart_texts(ds, shown, lang)
            spec = charts.industry_map_spec(shown, texts_at, selected)
            built[preset] = (spec, shown.canvas.size.text_font)
        return built[preset]

    def build(preset: str, theme: str) -> alt.LayerChart:
        spec, font = spec_at(preset)
        exported = export_map_spec(themed_map_spec(spec, theme), preset, font)
        return chart_of(opaque_regions(exported, PALETTES[theme].background))

    def under_axis(preset: str) -> float:
        spec, font = spec_at(preset)
        lift = 2.0 * font if mv.filters.sized else 0.0  # the size legend's row, now free
        return max(0.0, below_axis(spec, font) - lift)

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
    )


# 4. The agenda as a slide pack ----------------------------------------------------------------


def title_card(title: str, lines: Sequence[str]) -> alt.Chart:
    """A page without a chart as a slide: its lines of text at the top left, large."""
    rows = [{"line": line, "py": 40 + 56 * i} for i, line in enumerate(lines or [""])]
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_text(align="left", baseline="top", fontSize=34)
        .encode(x=alt.value(0), y=alt.Y("py:Q", scale=None, axis=None), text=alt.Text("line:N"))
        .properties(title=title)
        .configure_view(stroke=None)
    )


def view_state_of(saved: agenda.SavedView, choices: Mapping[str, Sequence[str]]) -> state.ViewState:
    spec = navigation.page(saved.page)
    parsed, _ = state.parse_query_params(saved.params, choices, only=spec.params)
    return parsed


def view_slide(
    ds: Dataset,
    stats: OfficialStats | None,
    saved: agenda.SavedView,
    base: str,
    choices: Mapping[str, Sequence[str]],
    theme: str = "light",
    preset: str = DEFAULT_PRESET,
) -> SlideFile:
    """One saved view as a slide PNG: the map with its filters, or a page's title card."""
    view = view_state_of(saved, choices)
    link = agenda.view_url(base, saved)
    lang = view.lang
    page_name = t(f"{saved.page}.nav", lang)
    item = map_export(ds, stats, view, link) if saved.page == "map" else None
    if item is None:
        report = next(s for s in ds.sources if s.kind == "report")
        lines = [t("workshop.pack.open_link", lang)]
        if saved.page == "map":
            lines = [t("workshop.pack.map_empty", lang)]
        item = ChartExport(
            stem=saved.page,
            title=page_name,
            subtitle=(saved.name,),
            source=export.source_line(lang, report.citation.in_lang(lang)),
            link=link,
            lang=lang,
            table=pd.DataFrame(),
            build=lambda _p, _t: title_card(page_name, lines),
        )
    else:
        item = replace(item, subtitle=(saved.name, *item.subtitle))
    return SlideFile(saved.name, render(item, "png", preset, theme), link)


def agenda_slides(
    ds: Dataset,
    stats: OfficialStats | None,
    views: Sequence[agenda.SavedView],
    base: str,
    choices: Mapping[str, Sequence[str]],
    theme: str = "light",
) -> list[SlideFile]:
    """Every saved view as a slide, in agenda order."""
    return [view_slide(ds, stats, v, base, choices, theme) for v in views]


def copy_spec(spec: Spec) -> Spec:
    """A deep copy (the page's spec is reused after export edits)."""
    return copy.deepcopy(spec)
