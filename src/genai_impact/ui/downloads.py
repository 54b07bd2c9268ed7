"""Downloads under charts and tables: a chart's "Download" popover (size; PNG, SVG, CSV),
a table's CSV button. Files are made when clicked, never on a rerun."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from genai_impact.exports import render as export
from genai_impact.exports.chart_export import (
    DEFAULT_PRESET,
    FORMATS,
    PRESET_IDS,
    ChartExport,
    download_name,
    prerender,
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
    """The widget key of a chart's "Download" popover (True in session state: open)."""
    return f"{key}-downloads"


def chart_downloads(
    ctx: PageContext,
    item: ChartExport | Callable[[], ChartExport | None] | None,
    key: str,
) -> None:
    """The downloads of one chart or table, in one line of the page.

    A chart: a "Download" popover with the size (16:9, 4:3, on-screen) and PNG (2×),
    SVG and CSV buttons; a table (no `build`): one CSV button. Files are made when
    clicked (st.download_button with a callable), so a rerun renders nothing.
    A chart's popover is filled only while it is open; `item` may then be a function that
    makes the export. Hidden in presentation mode.
    """
    if item is None or ctx.presenting:
        return
    if isinstance(item, ChartExport) and item.build is None:
        _download_button(ctx, item, "csv", DEFAULT_PRESET, key)
        return
    # Built when opened: a closed popover sends nothing on a rerun, and a chart's export
    # (its table with provenance) is only prepared once someone opens it.
    box = st.popover(
        ctx.t("workshop.download.button"),
        icon=":material/download:",
        key=downloads_key(key),
        on_change="rerun",
    )
    if not box.open:
        return
    if not isinstance(item, ChartExport):
        item = item()
        if item is None:
            return
    with box:
        preset = st.segmented_control(
            ctx.t("workshop.download.size"),
            options=list(PRESET_IDS),
            format_func=lambda p: ctx.t(f"export.size.{p}"),
            default=DEFAULT_PRESET,
            required=True,
            key=f"{key}-size",
        )
        _prerender(item, key, preset or DEFAULT_PRESET, ctx.theme)
        if export.has_japanese(item.title + "".join(item.subtitle)) and not export.font_available():
            st.warning(ctx.t(export.FontMissingError.key), icon=":material/font_download_off:")
            formats: tuple[str, ...] = ("csv",)
        else:
            formats = item.formats
        st.caption(ctx.t("workshop.download.theme", theme=ctx.t(f"export.theme.{ctx.theme}")))
        for fmt in formats:
            _download_button(ctx, item, fmt, preset or DEFAULT_PRESET, key)


def _prerender(item: ChartExport, key: str, preset: str, theme: str) -> None:
    """While the Download popover is open, render the chosen size's files in the background
    (chart_export.prerender), so the click usually finds them ready: once per view, size
    and theme, not on every rerun of an open popover."""
    wanted = (item.link, item.title, preset, theme)
    seen = f"{key}-prerendered"
    if st.session_state.get(seen) != wanted:
        st.session_state[seen] = wanted
        prerender(item, preset, theme)


def _download_button(ctx: PageContext, item: ChartExport, fmt: str, preset: str, key: str) -> None:
    theme = ctx.theme
    st.download_button(
        ctx.t(f"workshop.download.{fmt}"),
        data=lambda: render(item, fmt, preset, theme),
        file_name=download_name(item, fmt, preset),
        mime=FORMATS[fmt],
        key=f"{key}-{fmt}",
        icon=":material/download:",
        on_click="ignore",
    )


def map_downloads(ctx: PageContext, mv: MapView, selected: str | None) -> None:
    """The map's downloads (chart and data table) for the view on screen."""
    stats, _ = official_stats()

    def item() -> ChartExport | None:
        return map_export(ctx.dataset, stats, ctx.view, view_link(ctx), selected, mv)

    chart_downloads(ctx, item, "map")


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
