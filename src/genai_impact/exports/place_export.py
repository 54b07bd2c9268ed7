""" "Place your company" as a download: its slide, its files and its table (pure).

The chart is the page's (`views.place.place_spec`: the map with the firm's point labelled
"entered by the user" and, measured, our dashed dividing lines), placed for the plot a
slide really leaves it as `map_export` places the map, with its helpers. The table
(`place_table.place_csv_frame`) holds what the page says, each row with its provenance;
the firm's figures are in the file only because the user downloads it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt

from genai_impact.exports.chart_export import ChartExport, chart_of, slide
from genai_impact.exports.file_names import view_words
from genai_impact.exports.map_export import (
    EXPORT_MAP_SIZES,
    below_axis,
    export_map_spec,
    fitted_size,
    map_source_line,
)
from genai_impact.exports.opaque_regions import opaque_regions
from genai_impact.exports.place_table import place_csv_frame
from genai_impact.official.stats import OfficialStats
from genai_impact.placement import words
from genai_impact.placement.classify import Reference
from genai_impact.placement.model import FIGURES, FirmFigures, Placement
from genai_impact.report.model import Dataset
from genai_impact.state import ViewState
from genai_impact.text.i18n import t
from genai_impact.theme import DEFAULT_THEME, palette
from genai_impact.views import place as views
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import ChartSize, map_size

Spec = dict[str, Any]
STEM = "place"


def _source_line(layer: Spec) -> bool:
    """The map's own source line: text at x = 0 px (the slide's footer says it)."""
    mark = layer.get("mark")
    kind = mark.get("type") if isinstance(mark, dict) else mark
    return kind == "text" and layer.get("encoding", {}).get("x") == {"value": 0}


def export_place_spec(spec: Spec, preset: str) -> Spec:
    """`views.place.place_spec`'s chart made ready for `render.slide_chart`, as
    `map_export.export_map_spec` makes the map's: the map's source line, under the firm's
    layers, is moved last so that it goes too."""
    layers = spec["layer"]
    footer = [layer for layer in layers if _source_line(layer)]
    rest = [layer for layer in layers if not _source_line(layer)]
    return export_map_spec({**spec, "layer": [*rest, *footer]}, preset)


def title_lines(
    ds: Dataset, placement: Placement, figures: FirmFigures | None, lang: str
) -> tuple[str, tuple[str, ...]]:
    """The slide's title (the nearest archetype) and subtitle (the point as the user's,
    how it is placed)."""
    archetype = ds.archetype(placement.archetype)
    title = t("place_export.title", lang, code=archetype.code, name=archetype.name.in_lang(lang))
    user = t("placement.entered_by_user", lang)
    if figures is not None:
        ratios = t("place_present.values", lang,
                   capital=words.number(figures.capital_per_employee),
                   software=words.number(figures.software_per_employee))  # fmt: skip
        point = f"{user}: {ratios}"
    else:
        point = t("place_export.answers_point", lang, user=user)
    how = (
        t("place_export.measured", lang, year=placement.year)
        if placement.method == FIGURES and placement.year is not None
        else t("place_export.schematic", lang)
    )
    return title, (point, how)


def place_export(
    ds: Dataset,
    stats: OfficialStats | None,
    view: ViewState,
    link: str,
    placement: Placement,
    figures: FirmFigures | None,
    ref: Reference | None,
    moved: FirmFigures | None = None,
) -> ChartExport:
    """The downloads of the firm placed: its chart at each preset and its table.

    A slide preset's chart is placed for the plot the slide leaves it: measured once on the
    chart built at `EXPORT_MAP_SIZES` without our dividing lines (drawn in pixels to the
    plot's height, they would count as overflow), then built at that size.
    """
    lang = view.lang
    measured = placement.method == FIGURES and ref is not None
    shown_stats = stats if measured else None
    screen_mv = map_query.map_view(ds, shown_stats, view, map_size(False))
    title, subtitle = title_lines(ds, placement, figures, lang)
    source = (map_source_line(ds, screen_mv, lang), t("place_export.source_user", lang))
    built: dict[tuple[ChartSize | None, str, bool], tuple[Spec, float]] = {}

    def spec_at(size: ChartSize | None, theme: str, dividers: bool) -> tuple[Spec, float]:
        if (size, theme, dividers) not in built:
            mv = screen_mv if size is None else map_query.map_view(ds, shown_stats, view, size)
            rows, _ = views.firm_rows(ds, mv, placement, moved, lang)
            texts = map_text.chart_texts(ds, mv, lang)
            shown_ref = ref if measured and dividers else None
            spec = views.place_spec(mv, texts, rows, shown_ref, lang, theme=theme)
            built[size, theme, dividers] = spec, mv.canvas.size.text_font
        return built[size, theme, dividers]

    def item(size_at: Callable[[str], ChartSize | None], dividers: bool) -> ChartExport:
        def build(preset: str, theme: str) -> alt.LayerChart:
            spec, _ = spec_at(size_at(preset), theme, dividers)
            exported = export_place_spec(spec, preset)
            return chart_of(opaque_regions(exported, palette(theme).background))

        def under_axis(preset: str) -> float:
            spec, font = spec_at(size_at(preset), DEFAULT_THEME, dividers)
            return below_axis(spec, font)

        return ChartExport(
            stem=STEM,
            title=title,
            subtitle=subtitle,
            source=t("export.footer.separator", lang).join(source),
            link=link,
            lang=lang,
            table=place_csv_frame(ds, placement, figures, ref, moved, lang),
            build=build,
            below_axis=under_axis,
            words=(*view_words(ds, view, STEM), placement.archetype),
        )

    planned = item(EXPORT_MAP_SIZES.get, dividers=False)
    fitted: dict[str, ChartSize] = {}

    def size_at(preset: str) -> ChartSize | None:
        if preset not in EXPORT_MAP_SIZES:
            return None
        if preset not in fitted:
            frame = slide(planned, preset, DEFAULT_THEME).to_dict()
            fitted[preset] = fitted_size(frame, preset)
        return fitted[preset]

    return item(size_at, dividers=True)
