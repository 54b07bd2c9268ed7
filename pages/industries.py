"""Industries: the 19 example industries by archetype, and one industry in detail."""

import streamlit as st

from genai_impact import display, query, state, ui
from genai_impact.model import Industry


def archetype_groups(ctx: ui.PageContext) -> None:
    """The six archetypes as cards: name, the report's description, elements, industries."""
    ds, lang = ctx.dataset, ctx.lang
    ui.heading(ctx.t("industries.groups.heading"))
    groups = query.industries_by_archetype(ds)
    per_row = 2  # wide enough for an industry and its badge on one line at 1280 px
    for row_start in range(0, len(groups), per_row):
        for column, (archetype, industries) in zip(
            st.columns(per_row, border=True), groups[row_start : row_start + per_row], strict=False
        ):
            with column:
                name = display.md_text(archetype.name, lang)
                st.markdown(f"#### {display.md_literal(archetype.code)} · {name}", anchors=False)
                key = f"archetype-{archetype.code}"
                ui.sourced_value(
                    ctx,
                    display.md_text(archetype.description, lang),
                    archetype.prov,
                    f"{key}-description",
                )
                elements = display.elements_label(ds, archetype.business_elements, lang)
                ui.sourced_value(
                    ctx,
                    ctx.t("industries.groups.elements", elements=elements),
                    archetype.prov,
                    f"{key}-elements",
                )
                for industry in industries:
                    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                        st.page_link(
                            ctx.page.path,
                            label=display.md_text(industry.name, lang),
                            icon=":material/arrow_right:",
                            query_params={
                                **state.to_query_params(ctx.view, only=("lang",)),
                                "industry": industry.id,
                            },
                        )
                        ui.provenance_badge(ctx, industry.prov, f"{key}-{industry.id}")


def _on_industry_change() -> None:
    ui.set_query_param("industry", st.session_state.get(ui.INDUSTRY_KEY), None)


def industry_selector(ctx: ui.PageContext) -> Industry:
    """The industry picker, kept in `?industry=`; returns the chosen industry."""
    ds = ctx.dataset
    st.session_state[ui.INDUSTRY_KEY] = ctx.view.industry
    st.selectbox(
        ctx.t("industries.select.label"),
        options=[i.id for i in ds.industries],
        format_func=lambda industry_id: ds.industry(industry_id).name.in_lang(ctx.lang),
        key=ui.INDUSTRY_KEY,
        on_change=_on_industry_change,
    )
    return ds.industry(ctx.view.industry)


def industry_detail(ctx: ui.PageContext, industry: Industry) -> None:
    """Everything the report says about one industry, each value with its provenance."""
    ds, lang, key = ctx.dataset, ctx.lang, f"industry-{industry.id}"
    archetype = ds.archetype(industry.archetype)
    ui.heading(display.md_text(industry.name, lang))
    ui.sourced_value(
        ctx,
        ctx.t(
            "industries.detail.archetype",
            code=display.md_literal(archetype.code),
            name=display.md_text(archetype.name, lang),
        ),
        industry.prov,
        f"{key}-archetype",
    )
    elements = display.elements_label(ds, industry.business_elements, lang)
    ui.sourced_value(
        ctx,
        ctx.t("industries.detail.elements", elements=elements),
        industry.prov,
        f"{key}-elements",
    )

    ui.heading(ctx.t("industries.phases.heading"))
    for column, phase in zip(st.columns(len(ds.phases), border=True), ds.phases, strict=True):
        with column:
            _phase_effects(ctx, industry, phase.id, f"{key}-{phase.id}")

    ui.heading(ctx.t("industries.impacts.heading"))
    if not industry.impact_types:
        ui.note(ctx.t("industries.impacts.none"))
    for impact in industry.impact_types:
        ui.sourced_value(
            ctx,
            display.impact_label(ds, impact, lang),
            impact.prov,
            f"{key}-impact-{impact.number}",
        )

    ui.heading(ctx.t("industries.summary.heading"))
    ui.sourced_text(ctx, industry.impact_summary, f"{key}-summary")

    ui.heading(ctx.t("industries.sectors.heading"))
    for link in industry.sectors:
        ui.sourced_value(
            ctx, display.sector_label(ds, link, lang), link.prov, f"{key}-sector-{link.estat_code}"
        )


def _phase_effects(ctx: ui.PageContext, industry: Industry, phase_id: str, key: str) -> None:
    ds, lang = ctx.dataset, ctx.lang
    effects = industry.phases[phase_id]
    st.markdown(f"#### {display.md_text(ds.phase(phase_id).name, lang)}", anchors=False)
    if effects.has_effect:
        for n, effect in enumerate(effects.effects):
            ui.sourced_value(ctx, display.effect_label(ds, effect, lang), effect.prov, f"{key}-{n}")
    else:
        ui.sourced_value(ctx, ctx.t("industries.phases.none"), effects.prov, f"{key}-none")
    st.caption(ctx.t("industries.phases.wording"))
    if not effects.wording:
        ui.note(ctx.t("industries.phases.no_wording"))
    for n, phrase in enumerate(effects.wording):
        ui.sourced_text(ctx, phrase, f"{key}-wording-{n}")


# 1. Page set-up: language, data, `?industry=` from the URL
ctx = ui.start_page("industries")
ui.page_heading(ctx)

# 2. The six archetypes and their industries
archetype_groups(ctx)

# 3. The chosen industry: effects per phase, structural impacts, summary, sectors
industry = industry_selector(ctx)
industry_detail(ctx, industry)
ui.footer(ctx)
