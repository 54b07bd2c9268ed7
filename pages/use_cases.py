"""Use cases: seven directions of use × three phases, with each phase's tendencies.

Filters live in the URL: `phase` (the phases shown as columns) and
`direction` (the directions shown as rows).
"""

import pandas as pd
import streamlit as st

from genai_impact import ui
from genai_impact.exports import page_tables
from genai_impact.report.model import Phase
from genai_impact.text import display
from genai_impact.views import use_cases as use_case_query
from genai_impact.views.provenance_ledger import Ledger

PHASE_KEY, DIRECTION_KEY = "use_cases_phase", "use_cases_direction"


# 1. Selection: phases and directions


def filters(ctx: ui.PageContext) -> None:
    ds, lang = ctx.dataset, ctx.lang
    phases = {p.id: p.name.in_lang(lang) for p in ds.phases}
    directions = {str(d.number): f"{d.number}. {d.name.in_lang(lang)}" for d in ds.directions}
    if ctx.presenting:  # the room sees the grid; the driver chose beforehand
        return
    bar = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
    for make, name, key, options, extra in (
        (bar.pills, "phase", PHASE_KEY, phases, {"selection_mode": "multi"}),
        (
            bar.multiselect,
            "direction",
            DIRECTION_KEY,
            directions,
            {"placeholder": ctx.t("use_cases.filter.all")},
        ),
    ):
        ui.bound(
            make,
            name,
            list(getattr(ctx.view, name)),
            key=key,
            label=ctx.t(f"use_cases.filter.{name}"),
            options=list(options),
            format_func=options.get,
            help=ctx.t("use_cases.filter.help"),
            **extra,
        )


# 2. Each phase's expected effect and tendencies, and the industries that feel it most


def tendencies(ctx: ui.PageContext, phase: Phase, ledger: Ledger) -> str:
    ds, lang = ctx.dataset, ctx.lang
    expected = phase.expected_effect
    lines = [
        f"**{ctx.t('use_cases.tendencies.expected')}** {display.md_text(expected.text, lang)}"
        + ledger.mark(expected.text.in_lang(lang), expected.prov)
    ]
    lines += [
        f"- {display.md_text(item.text, lang)}{ledger.mark(item.text.in_lang(lang), item.prov)}"
        for item in phase.industry_tendencies
    ]
    strongest = use_case_query.strongest_in_phase(ds, phase.id)
    if strongest:
        size = strongest[0][1][0].size or ""
        names = ctx.t("common.list_separator").join(
            f"{display.md_text(industry.name, lang)}"
            + ledger.mark(
                f"{industry.name.in_lang(lang)}: {phase.name.in_lang(lang)}", effects[0].prov
            )
            for industry, effects in strongest
        )
        heading = ctx.t(
            "use_cases.tendencies.strongest", size=ds.effect_size(size).name.in_lang(lang)
        )
        lines.append(f"\n**{heading}** {names}")
    return "\n".join(lines)


# 3. The grid: a row per direction, a column per phase


def grid(ctx: ui.PageContext) -> None:
    ds, lang, ledger = ctx.dataset, ctx.lang, Ledger(ctx.lang)
    phases = use_case_query.shown_phases(ds, ctx.view.phase)
    rows = use_case_query.use_case_grid(ds, ctx.view.phase, ctx.view.direction)
    if ctx.presenting:
        presented_grid(ctx, phases, rows)
        return
    widths = [1.6] + [2] * len(phases)
    ui.heading(ctx.t("use_cases.tendencies.heading"))
    head = st.columns(widths, border=True)
    head[0].markdown(f"**{ctx.t('use_cases.grid.direction')}**")
    for column, phase in zip(head[1:], phases, strict=True):
        with column:
            st.markdown(f"#### {display.md_text(phase.name, lang)}", anchors=False)
            st.markdown(tendencies(ctx, phase, ledger))
    ui.heading(ctx.t("use_cases.grid.heading"))
    if not rows:
        st.info(ctx.t("use_cases.grid.none"), icon=":material/filter_alt_off:")
    else:
        ui.note(ctx.t("use_cases.grid.shown", count=use_case_query.use_case_count(rows)))
    for row in rows:
        columns = st.columns(widths, border=True)
        direction = row.direction
        columns[0].markdown(
            f"**{direction.number}. {display.md_text(direction.name, lang)}**"
            + ledger.mark(direction.name.in_lang(lang), direction.prov)
        )
        for column, cell in zip(columns[1:], row.cells, strict=True):
            items = [
                f"- {display.md_text(u.name, lang)}"
                + (f" ({display.md_text(u.detail, lang)})" if u.detail else "")
                + ledger.mark(u.name.in_lang(lang), u.prov)
                for u in cell
            ]
            column.markdown("\n".join(items) or ctx.t("use_cases.grid.empty_cell"))
    if rows:  # one row per use case in each cell, with its source
        table = page_tables.use_cases_table(ds, lang, ctx.view.phase, ctx.view.direction)
        ui.table_download(ctx, table, "use-cases-grid")
    ui.reading_legend(ctx, sizes=True)
    ui.ledger_table(ctx, ledger, "grid")


def presented_grid(
    ctx: ui.PageContext, phases: list[Phase], rows: list[use_case_query.GridRow]
) -> None:
    """Presenting: the grid as one table, a cell listing its use cases' names."""
    lang, separator = ctx.lang, ctx.t("common.list_separator")
    if not rows:
        st.info(ctx.t("use_cases.grid.none"), icon=":material/filter_alt_off:")
        return
    columns = [ctx.t("use_cases.grid.direction"), *(p.name.in_lang(lang) for p in phases)]
    table = [
        [f"**{row.direction.number}. {display.md_text(row.direction.name, lang)}**"]
        + [separator.join(display.md_text(u.name, lang) for u in cell) for cell in row.cells]
        for row in rows
    ]
    st.table(pd.DataFrame(table, columns=columns), hide_index=True)


def use_cases_section(ctx: ui.PageContext) -> None:
    """What the filters change: the filters above the grid, the grid, the phase flows."""
    filters(ctx)
    grid(ctx)
    ui.phase_flows(ctx)
    ui.annotations_block(ctx)
    ui.footer(ctx, basis_key="readings_look.footer", live=True)


# 4. The page: a filter click reruns the section only
ctx = ui.start_page("use_cases")
ui.page_heading(ctx)
ui.live_section(ctx, use_cases_section, key="use_cases")
ui.sidebar_agenda(ctx)  # outside the section: the sidebar is drawn by the page's run
