"""The map's controls, in one compact bar directly above the chart: the search box, the
archetypes, the phases, the kind of effect and the fiscal year; the structural-impact
types, used less, behind one "more filters" button. Each widget mirrors its URL
parameter (`url.bound`), keyed map_<name>; inside the map's live section, a change
reruns the section only."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from genai_impact.ui import url
from genai_impact.ui.context import PageContext
from genai_impact.ui.industry_links import place_link
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text

MORE_KEY = "map_more_filters"


def key(name: str) -> str:
    return f"map_{name}"


def _widget(make, name: str, value, **kwargs):  # noqa: ANN001, ANN202 (Streamlit widgets)
    return url.bound(make, name, value, key=key(name), **kwargs)


def _chosen(ctx: PageContext, labels: dict, name: str) -> dict:
    """The arguments shared by the option widgets of parameter `name`."""
    return {
        "label": ctx.t(f"map.filter.{name}.label"),
        "options": list(labels[name]),
        "format_func": labels[name].get,
    }


def control_bar(ctx: PageContext, years: Sequence[int]) -> tuple[map_query.MapFilters, int]:
    """The bar of controls above the chart; the filters chosen and the fiscal year shown.
    Presenting: no bar (the room sees the chart; the driver changes the view beforehand)."""
    view = ctx.view
    year = int(view.year) if view.year else (years[-1] if years else 0)
    if ctx.presenting:
        return map_query.filters_from_view(view), year
    ds = ctx.dataset
    labels = map_text.option_labels(ds, ctx.lang)
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium", key="map-bar"):
        _widget(
            st.text_input,
            "q",
            view.q,
            label=ctx.t("map.filter.search.label"),
            placeholder=ctx.t("map.filter.search.placeholder"),
            help=ctx.t("map.filter.search.help"),
            width=220,
        )
        _widget(
            st.pills,
            "arch",
            list(view.arch),
            selection_mode="multi",
            help=map_text.archetype_names(ds, ctx.lang),
            **_chosen(ctx, labels, "arch"),
        )
        _widget(
            st.pills,
            "phase",
            list(view.phase),
            selection_mode="multi",
            help=ctx.t("map.filter.phase.help"),
            **_chosen(ctx, labels, "phase"),
        )
        _widget(st.segmented_control, "kind", view.kind, **_chosen(ctx, labels, "kind"))
        if years:
            _widget(
                st.selectbox,
                "year",
                year,
                label=ctx.t("map.filter.year"),
                options=list(years),
                format_func=lambda y: ctx.t("map.filter.year_option", year=y),
                width=140,
            )
        _more_filters(ctx, labels)
        place_link(ctx)
    return map_query.filters_from_view(view), year


def _more_filters(ctx: PageContext, labels: dict) -> None:
    """The filters used less: one button, its label counting those chosen."""
    chosen = len(ctx.view.impact)
    label = ctx.t("map.filter.more", count=chosen) if chosen else ctx.t("map.filter.more_none")
    with st.popover(label, icon=":material/tune:", key=MORE_KEY):
        _widget(
            st.multiselect,
            "impact",
            list(ctx.view.impact),
            placeholder=ctx.t("map.filter.impact.placeholder"),
            **_chosen(ctx, labels, "impact"),
        )
