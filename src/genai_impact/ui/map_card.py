"""The map's card: the chosen point (an industry, or a sector with official figures) with
what the report says for it, each value with its source; and the chooser that is in
step with clicks on the chart (`?select=`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from genai_impact.report.model import Industry, Sector
from genai_impact.text import display
from genai_impact.ui import url
from genai_impact.ui.blocks import note, sourced_value
from genai_impact.ui.context import PageContext
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text


def industry_card(ctx: PageContext, industry: Industry) -> None:
    ds, lang, k = ctx.dataset, ctx.lang, f"card-{industry.id}"
    archetype = ds.archetype(industry.archetype)
    st.markdown(f"#### {display.md_text(industry.name, lang)}", anchors=False)
    code, name = display.md_literal(archetype.code), display.md_text(archetype.name, lang)
    sourced_value(ctx, ctx.t("map.card.archetype", code=code, name=name), industry.prov, k)
    st.caption(ctx.t("map.card.effects"))
    for column, phase in zip(st.columns(len(ds.phases)), ds.phases, strict=True):
        with column:
            st.markdown(f"**{display.md_text(phase.name, lang)}**")
            effects = industry.phases[phase.id]
            lines = [(display.effect_label(ds, e, lang), e.prov) for e in effects.effects]
            for n, (line, prov) in enumerate(
                lines or [(ctx.t("industries.phases.none"), effects.prov)]
            ):
                sourced_value(ctx, line, prov, f"{k}-{phase.id}-{n}")
    st.caption(ctx.t("map.card.impacts"))
    for impact in industry.impact_types:
        line = display.impact_label(ds, impact, lang)
        sourced_value(ctx, line, impact.prov, f"{k}-impact-{impact.number}")
    if not industry.impact_types:
        note(ctx.t("map.card.impacts_none"))
    st.page_link(
        "pages/industries.py",
        label=ctx.t("map.card.profile"),
        icon=":material/arrow_forward:",
        query_params={**ctx.carried, "industry": industry.id},
    )


def sector_card(ctx: PageContext, sector: Sector, mv: map_query.MapView) -> None:
    row = mv.rows.set_index("id").loc[sector.id]
    st.markdown(f"#### {display.md_text(sector.name, ctx.lang)}", anchors=False)
    ratios = {n: map_text.significant(row[f"{n}_equipment_ratio"]) for n in ("capital", "software")}
    st.markdown(ctx.t("map.card.ratios", **ratios, year=mv.year))
    percent, status = row["rd_ratio_percent"], display.md_literal(row["rd_label"])
    if pd.notna(percent):
        st.markdown(ctx.t("map.card.rd_value", status=status, percent=f"{percent:.2f}"))
    else:
        st.markdown(ctx.t("map.card.rd", status=status))
    st.caption(ctx.t("map.card.examples"))
    examples = map_query.sector_examples(ctx.dataset, sector)
    if not examples:
        note(ctx.t("map.card.no_examples"))
        return
    for tab, industry in zip(
        st.tabs([i.name.in_lang(ctx.lang) for i in examples]), examples, strict=True
    ):
        with tab:
            industry_card(ctx, industry)


def card(ctx: PageContext, mv: map_query.MapView, chosen: str | None) -> None:
    """The point chooser (in step with clicks on the chart) and the chosen point's card."""
    names = dict(zip(mv.rows["id"], mv.rows["name"], strict=True))
    url.bound(
        st.selectbox,
        "select",
        chosen,
        label=ctx.t("map.card.select"),
        options=list(names),
        index=None,
        placeholder=ctx.t("map.card.placeholder"),
        format_func=names.get,
        key="map_select",
    )
    if chosen is None:
        return
    with st.container(border=True):
        if mv.mode == map_query.STATISTICS:
            sector_card(ctx, next(s for s in ctx.dataset.sectors if s.id == chosen), mv)
        else:
            industry_card(ctx, ctx.dataset.industry(chosen))
