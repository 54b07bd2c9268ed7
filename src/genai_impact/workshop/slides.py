"""The agenda as slides: one picture per saved view (pure: no streamlit).

The map becomes its own export; a page without a chart becomes a title card that
names the view and links to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import altair as alt
import pandas as pd

from genai_impact import navigation, state
from genai_impact.exports import render as export
from genai_impact.exports.chart_export import DEFAULT_PRESET, ChartExport, render
from genai_impact.exports.map_export import map_export
from genai_impact.exports.slide_pack import SlideFile
from genai_impact.official.stats import OfficialStats
from genai_impact.report.model import Dataset
from genai_impact.report.query import report_source
from genai_impact.text.i18n import t
from genai_impact.workshop import agenda


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
        report = report_source(ds)
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
