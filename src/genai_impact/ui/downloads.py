"""Downloads under charts and tables: a chart's "Download" popover (size; PNG, SVG, CSV),
a table's CSV button. The popover opens without a rerun; files are made when clicked,
never on a run."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from genai_impact.exports import file_names
from genai_impact.exports import render as export
from genai_impact.exports.chart_export import (
    DEFAULT_PRESET,
    FORMATS,
    PRESET_IDS,
    PRESET_SUFFIX,
    ChartExport,
    download_name,
    render,
)
from genai_impact.exports.file_names import view_words
from genai_impact.exports.map_export import map_export
from genai_impact.exports.page_tables import PageTable
from genai_impact.ui.context import PageContext
from genai_impact.ui.data import official_stats
from genai_impact.ui.link import view_link
from genai_impact.views.map.query import MapView


def downloads_key(key: str) -> str:
    """The key of a chart's "Download" popover (its CSS class: `st-key-<key>-downloads`)."""
    return f"{key}-downloads"


Export = ChartExport | Callable[[], ChartExport | None]


def chart_downloads(
    ctx: PageContext, item: Export | None, key: str, words: tuple[str, ...] = ()
) -> None:
    """The downloads of one chart or table, in one line of the page.

    A chart: a "Download" popover with the size (16:9, 4:3, on-screen; the theme in its
    help) and PNG (2×), SVG and CSV buttons; a table (no `build`): one CSV button. The
    popover opens in the browser alone (no rerun) and its four widgets are sent on every
    run, so its buttons show at once; files are made when clicked (st.download_button
    with a callable), never on a run. `item` may be a function that makes the export: it
    is then called on the first click only, and `words` (the view in words,
    `file_names.view_words`) name the files. Hidden in presentation mode.
    """
    if item is None or ctx.presenting:
        return
    if isinstance(item, ChartExport) and item.build is None:
        _download_button(ctx, item, download_name(item, "csv"), "csv", DEFAULT_PRESET, key)
        return
    if isinstance(item, ChartExport):
        names, made = item.words or (item.stem,), item
    else:
        names, made = words or (key,), _once(item)
    with st.popover(
        ctx.t("workshop.download.button"), icon=":material/download:", key=downloads_key(key)
    ):
        preset = st.segmented_control(
            ctx.t("workshop.download.size"),
            options=list(PRESET_IDS),
            format_func=lambda p: ctx.t(f"export.size.{p}"),
            default=DEFAULT_PRESET,
            required=True,
            key=f"{key}-size",
            help=ctx.t("workshop.download.theme", theme=ctx.t(f"export.theme.{ctx.theme}")),
        )
        preset = preset or DEFAULT_PRESET
        formats: tuple[str, ...] = CHART_FORMATS
        if _font_missing(made):
            st.warning(ctx.t(export.FontMissingError.key), icon=":material/font_download_off:")
            formats = ("csv",)
        for fmt in formats:
            size = None if fmt == "csv" else PRESET_SUFFIX[preset]
            name = file_names.download_name(names, fmt, size)
            _download_button(ctx, made, name, fmt, preset, key)


CHART_FORMATS = ("png", "svg", "csv")


def _once(make: Callable[[], ChartExport | None]) -> Callable[[], ChartExport | None]:
    """`make`, called on the first click only: the run's other buttons reuse its export."""
    made: list[ChartExport | None] = []
    lock = threading.Lock()  # clicks are served on worker threads, possibly two at once

    def once() -> ChartExport | None:
        with lock:
            if not made:
                made.append(make())
            return made[0]

    return once


def _font_missing(item: Export) -> bool:
    """Whether the chart's Japanese title would be drawn without a Japanese font. Only once
    the per-process check (`font_checked`, in the background) has found the font missing is
    the export made to read its title; while it runs (the first seconds), no."""
    if export.font_checked() is not False:
        return False
    made = item if isinstance(item, ChartExport) else item()
    return made is not None and export.has_japanese(made.title + "".join(made.subtitle))


def _download_button(
    ctx: PageContext, item: Export, name: str, fmt: str, preset: str, key: str
) -> None:
    theme = ctx.theme

    def data() -> bytes:
        made = item if isinstance(item, ChartExport) else item()
        if made is None:  # callers offer a function only for a view with something to plot
            raise ValueError(f"{key}: nothing to export")
        return render(made, fmt, preset, theme)

    st.download_button(
        ctx.t(f"workshop.download.{fmt}"),
        data=data,
        file_name=name,
        mime=FORMATS[fmt],
        key=f"{key}-{fmt}",
        icon=":material/download:",
        on_click="ignore",
    )


def map_downloads(ctx: PageContext, mv: MapView, selected: str | None) -> None:
    """The map's downloads (chart and data table) for the view on screen; none when the
    filters leave nothing to plot. The export is made on the first click."""
    if mv.empty:
        return
    stats, _ = official_stats()  # cached; read in the run, not on the click's worker thread

    def item() -> ChartExport | None:
        return map_export(ctx.dataset, stats, ctx.view, view_link(ctx), selected, mv)

    chart_downloads(ctx, item, "map", view_words(ctx.dataset, ctx.view, "map"))


def table_export(
    ctx: PageContext,
    stem: str,
    title: str,
    table: pd.DataFrame,
    provenance: Mapping[str, str] | None = None,
    words: tuple[str, ...] = (),
) -> ChartExport:
    """A table's CSV download (no chart): exactly `table`, with provenance columns, named
    after the page's view and `words` (which of its tables)."""
    return ChartExport(
        stem=stem,
        title=title,
        subtitle=(),
        source="",
        link=view_link(ctx),
        lang=ctx.lang,
        table=table,
        provenance=dict(provenance or {}),
        words=(*view_words(ctx.dataset, ctx.view, ctx.page.id), *words),
    )


def table_download(ctx: PageContext, table: PageTable, key: str) -> None:
    """The CSV button of a page's table (`page_tables`): its rows with provenance."""
    chart_downloads(
        ctx, table_export(ctx, table.stem, table.title, table.frame, words=table.words), key
    )
