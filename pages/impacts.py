"""Six structural-impact types: the industries × types matrix, grouped by level.

Filters live in the URL: `arch` (archetypes shown) and `impact` (the
types whose explanation and industries are shown).
"""

import streamlit as st

from genai_impact import ui
from genai_impact.exports import page_tables
from genai_impact.report.model import ImpactType
from genai_impact.text import display
from genai_impact.views import impacts as impact_matrix
from genai_impact.views.provenance_ledger import Ledger

ARCH_KEY, IMPACT_KEY = "impacts_arch", "impacts_type"


# 1. Selection: archetypes shown, types explained


def filters(ctx: ui.PageContext) -> tuple[tuple[str, ...], tuple[int, ...]]:
    ds, lang = ctx.dataset, ctx.lang
    archetypes = {a.code: f"{a.code} {a.name.in_lang(lang)}" for a in ds.archetypes}
    types = {str(t.number): impact_matrix.type_heading(t, lang) for t in ds.impact_types}
    if ctx.presenting:  # the room sees the matrix; the driver chose beforehand
        return ctx.view.arch, tuple(int(n) for n in ctx.view.impact)
    bar = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
    ui.bound(
        bar.pills,
        "arch",
        list(ctx.view.arch),
        key=ARCH_KEY,
        label=ctx.t("impacts.filter.arch"),
        options=list(archetypes),
        selection_mode="multi",
        help=ctx.t("impacts.filter.arch_help")
        + "\n\n"
        + "\n".join(f"- {display.md_literal(name)}" for name in archetypes.values()),
    )
    ui.bound(
        bar.multiselect,
        "impact",
        list(ctx.view.impact),
        key=IMPACT_KEY,
        label=ctx.t("impacts.filter.impact"),
        options=list(types),
        format_func=types.get,
        help=ctx.t("impacts.filter.impact_help"),
        placeholder=ctx.t("impacts.filter.placeholder"),
    )
    return ctx.view.arch, tuple(int(n) for n in ctx.view.impact)


# 2. The matrix


def matrix(ctx: ui.PageContext, archetypes: tuple[str, ...], picked: tuple[int, ...]) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    shown = impact_matrix.matrix_industries(ds, archetypes)
    if not shown:
        st.info(ctx.t("impacts.matrix.empty"), icon=":material/filter_alt_off:")
        return
    now, later = (ds.timing(t).name.in_lang(lang) for t in ("now", "medium_long_term"))
    legend = ctx.t("impacts.matrix.legend", now=now, later=later)
    ui.note(f"{ctx.t('impacts.matrix.shown', count=len(shown))} {legend}")
    st.table(impact_matrix.matrix_table(ds, lang, archetypes, picked, ctx.theme))
    ui.reading_legend(ctx)
    ui.table_download(ctx, page_tables.impacts_table(ds, lang, archetypes), "impacts-matrix")
    for industry in shown:
        for impact in industry.impact_types:
            ledger.mark(
                f"{industry.name.in_lang(lang)} × {impact.number}. "
                f"{ds.impact_type(impact.number).name.in_lang(lang)}",
                impact.prov,
            )
    ui.ledger_table(ctx, ledger, "matrix")


# 3. The chosen types: explanation and the industries they apply to


def type_detail(ctx: ui.PageContext, impact_type: ImpactType, archetypes: tuple[str, ...]) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    heading = ctx.t("impacts.type.heading", number=impact_type.number, name="")
    with st.container(border=True):
        st.markdown(f"#### {heading}{display.md_text(impact_type.name, lang)}", anchors=False)
        level = display.md_text(ds.impact_level(impact_type.level).name, lang)
        st.caption(ctx.t("impacts.type.level", level=level))
        points = [display.md_text(p, lang) for p in impact_type.description]
        points[-1] += ledger.mark(impact_type.name.in_lang(lang), impact_type.prov)
        st.markdown("\n".join(f"- {p}" for p in points))
        applies = impact_type.applies_to
        st.markdown(
            f"{ctx.t('impacts.type.applies_to')} {display.md_text(applies.text, lang)}"
            + ledger.mark(applies.text.in_lang(lang), applies.prov)
        )
        rows = impact_matrix.industries_with_type(ds, impact_type.number, archetypes)
        if not rows:
            ui.note(ctx.t("impacts.type.none"))
        else:
            counts = impact_matrix.type_counts(ds, archetypes)[impact_type.number]
            st.markdown(
                f"**{ctx.t('impacts.type.industries', count=len(rows))}** "
                + ctx.t("impacts.type.counts", now=counts["now"], later=counts["medium_long_term"])
            )
            lines = []
            for industry, impact in rows:
                name, summary = industry.name.in_lang(lang), industry.impact_summary
                timing = ds.timing(impact.timing).name.in_lang(lang)
                lines.append(
                    f"- **{display.md_literal(name)}** ({display.md_literal(industry.archetype)})"
                    f" — {display.md_literal(timing)}{ledger.mark(name, impact.prov)}: "
                    f"{display.md_text(summary.text, lang)}"
                    f"{ledger.mark(summary.text.in_lang(lang), summary.prov)}"
                )
            st.markdown("\n".join(lines))
            with st.container(horizontal=True):
                for industry, _ in rows:
                    st.page_link(
                        "pages/industries.py",
                        label=display.md_text(industry.name, lang),
                        icon=":material/arrow_right:",
                        query_params={**ctx.carried, "industry": industry.id},
                    )
        ui.ledger_table(ctx, ledger, f"type-{impact_type.number}")


def impacts_section(ctx: ui.PageContext) -> None:
    """What the filters change: the filters above the matrix, the matrix, the types."""
    archetypes, picked = filters(ctx)
    matrix(ctx, archetypes, picked)
    for number in picked if not ctx.presenting else ():  # presenting: the matrix marks them
        type_detail(ctx, ctx.dataset.impact_type(number), archetypes)
    ui.annotations_block(ctx)
    ui.footer(ctx, basis_key="readings_look.footer", live=True)


# 4. The page: a filter click reruns the section only
ctx = ui.start_page("impacts")
ui.page_heading(ctx)
ui.live_section(ctx, impacts_section, key="impacts")
ui.sidebar_agenda(ctx)  # outside the section: the sidebar is drawn by the page's run
