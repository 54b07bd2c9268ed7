"""The report's summary figures on two pages: a profile's 影響例 and level of change, and
the use-case page's phase flows. Each value with its basis marker; each block's sources in
one table, with its CSV, as every section of these pages."""

from __future__ import annotations

import streamlit as st

from genai_impact.report.model import Industry
from genai_impact.text import display
from genai_impact.ui.blocks import heading, ledger_table, note
from genai_impact.ui.context import PageContext
from genai_impact.views import summary_figures as query
from genai_impact.views.provenance_ledger import Ledger


def profile_summary(ctx: PageContext, industry: Industry) -> None:
    """The industry's 影響例 (with the impact type whose row it sits in) and the levels of
    change the executive summary names it under; saying so where the report names nothing."""
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    heading(ctx.t("summary.profile.heading"))
    note(ctx.t("summary.profile.intro"))
    examples, levels = (
        query.impact_examples_of(ds, industry.id),
        query.change_levels_of(ds, industry.id),
    )
    left, right = st.columns(2, border=True)
    with left:
        st.markdown(f"**{ctx.t('summary.profile.examples')}**")
        note(ctx.t("summary.profile.examples_source"))
        lines = []
        for example in examples:
            impact_type = ds.impact_type(example.impact_type)
            where = ctx.t(
                "summary.profile.example_type",
                number=impact_type.number,
                name=display.md_text(impact_type.name, lang),
                level=display.md_text(ds.impact_level(impact_type.level).name, lang),
            )
            text = display.md_text(example.text, lang)
            marker = ledger.mark(example.text.in_lang(lang), example.prov)
            lines.append(f"- {text}{marker}  \n  {where}")
        st.markdown("\n".join(lines) or ctx.t("summary.profile.examples_none"))
    with right:
        st.markdown(f"**{ctx.t('summary.profile.levels')}**")
        note(ctx.t("summary.profile.levels_source"))
        lines = [
            "- "
            + ctx.t(
                "summary.profile.level_line",
                level=f"**{display.md_text(level.name, lang)}**",
                example=display.md_text(example.name, lang),
            )
            + ledger.mark(f"{level.name.in_lang(lang)}: {example.name.in_lang(lang)}", example.prov)
            for level, example in levels
        ]
        st.markdown("\n".join(lines) or ctx.t("summary.profile.levels_none"))
        unmapped = query.unmapped_examples(ds)
        if not levels and unmapped:
            names = ctx.t("common.list_separator").join(
                ctx.t(
                    "summary.profile.level_line",
                    level=display.md_text(level.name, lang),
                    example=display.md_text(example.name, lang),
                )
                + ledger.mark(example.name.in_lang(lang), example.prov)
                for level, example in unmapped
            )
            note(ctx.t("summary.profile.unmapped", examples=names))
    ledger_table(ctx, ledger, "summary")


def phase_flows(ctx: PageContext) -> None:
    """The chains of the chosen phases (the page's phase filter), phase by phase: steps from
    efficiency to value creation; one marker per chain (its phase is the reading). Not when
    presenting: the grid fills the screen (the saved view's slide carries the chains)."""
    if ctx.presenting:
        return
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    heading(ctx.t("summary.flow.heading"))
    note(ctx.t("summary.flow.intro"))
    groups = query.flow_groups(ds, ctx.view.phase)
    if not groups:
        st.info(ctx.t("summary.flow.none"), icon=":material/filter_alt_off:")
        return
    arrow, parallel = ctx.t("summary.flow.arrow"), ctx.t("summary.flow.parallel")
    for group in groups:
        lines = []
        for flow in group.flows:
            steps = [
                parallel.join(display.md_text(p.text, lang) for p in step.phrases)
                for step in flow.steps
            ]
            marker = ledger.mark(query.flow_text(flow, lang), flow.prov)
            # a step a line, the later ones led by the arrow: long chains stay readable
            later = "".join(f"  \n  {arrow.strip()} {step}" for step in steps[1:])
            lines.append(f"- {steps[0]}{later}{marker}")
        with st.container(border=True):
            st.markdown(f"**{display.md_literal(query.group_name(ds, group, lang))}**")
            st.markdown("\n".join(lines))
    ledger_table(ctx, ledger, "flows")
