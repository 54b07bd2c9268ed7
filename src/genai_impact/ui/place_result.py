"""Place your company: the result on screen. The map with the firm's point ("entered by the
user") and, measured, our dividing lines; the nearest archetype with its reasons (ours said
as ours, the report's words with their source); what the report expects for the archetype."""

from __future__ import annotations

import streamlit as st

from genai_impact.exports.chart_export import ChartExport
from genai_impact.exports.file_names import view_words
from genai_impact.exports.place_export import place_export
from genai_impact.official.stats import OfficialStats
from genai_impact.placement import expectations, words
from genai_impact.placement.model import FIGURES, FirmFigures
from genai_impact.text import display
from genai_impact.ui.blocks import ledger_table, note, sourced_text, sourced_value
from genai_impact.ui.context import PageContext
from genai_impact.ui.downloads import chart_downloads
from genai_impact.ui.link import view_link
from genai_impact.ui.outlook_blocks import strategy_card
from genai_impact.ui.place_form import Placed
from genai_impact.views import place as views
from genai_impact.views import place_expect
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import map_size
from genai_impact.views.provenance_ledger import Ledger

CHART_KEY = "place_chart"
DOWNLOADS_KEY = "place"  # the popover: st-key-place-downloads
WORDS_WIDTH = 420  # px: beside the chart on a wide screen, under it on a narrow one


def chart(
    ctx: PageContext, stats: OfficialStats | None, good: Placed, moved: FirmFigures | None
) -> None:
    """The map (measured for figures, schematic for answers) with the firm's point(s)."""
    placement = good.placement
    measured = placement.method == FIGURES and good.reference is not None
    view = ctx.view
    mv = map_query.map_view(ctx.dataset, stats if measured else None, view, map_size(False))
    rows, outside = views.firm_rows(ctx.dataset, mv, placement, moved, ctx.lang)
    texts = map_text.chart_texts(ctx.dataset, mv, ctx.lang)
    spec = views.place_spec(mv, texts, rows, good.reference, ctx.lang, theme=ctx.theme)
    st.vega_lite_chart(spec, key=CHART_KEY, theme=None, width="content")
    if outside:
        note(ctx.t("place.chart.outside"))
    downloads(ctx, stats, good, moved)


def downloads(
    ctx: PageContext, stats: OfficialStats | None, good: Placed, moved: FirmFigures | None
) -> None:
    """The "Download" popover under the chart (none when presenting): the chart at the slide
    presets and the table, made on the first click."""

    def item() -> ChartExport:
        return place_export(ctx.dataset, stats, ctx.view, view_link(ctx), good.placement,
                            good.figures, good.reference, moved)  # fmt: skip

    words = (*view_words(ctx.dataset, ctx.view, "place"), good.placement.archetype)
    chart_downloads(ctx, item, DOWNLOADS_KEY, words)


def _numbers(ctx: PageContext, good: Placed) -> None:
    figures = good.figures
    if figures is None:
        return
    sig = map_text.significant
    st.markdown(
        ctx.t("place.result.figures", capital=sig(figures.capital_per_employee),
              software=sig(figures.software_per_employee))
    )  # fmt: skip
    if figures.rd_ratio_percent is None:
        st.markdown(ctx.t("place.result.rd_none"))
    else:
        st.markdown(ctx.t("place.result.rd", percent=f"{figures.rd_ratio_percent:.2f}"))
    if good.placement.year is not None:
        note(ctx.t("place.result.year", year=good.placement.year))


def headline(ctx: PageContext, good: Placed) -> None:
    """The nearest archetype and the alternatives as near."""
    ds, lang, placement = ctx.dataset, ctx.lang, good.placement
    archetype = ds.archetype(placement.archetype)
    name = display.md_text(archetype.name, lang)
    st.markdown(ctx.t("place.result.archetype", code=archetype.code, name=name))
    if placement.alternatives:
        names = [f"{c} {ds.archetype(c).name.in_lang(lang)}" for c in placement.alternatives]
        st.markdown(
            ctx.t("place.result.alternatives",
                  archetypes=display.md_literal(map_text.list_line(names, lang)))
        )  # fmt: skip


def reasons_block(ctx: PageContext, good: Placed) -> None:
    """The firm's ratios, the reasons (ours said as ours, the report's words with their
    source), the nearest industries and the boundary as ours."""
    ds, lang, placement = ctx.dataset, ctx.lang, good.placement
    _numbers(ctx, good)
    st.markdown(f"**{ctx.t('place.result.reasons')}**")
    for n, reason in enumerate(placement.reasons):
        # our words for the step; under it, the report's own words with their source
        text = words.reason_text(ds, reason, lang)
        st.markdown(f"- {display.md_literal(text)}")
        if reason.quote is not None:
            quote = display.md_text(reason.quote.text, lang)
            if not text.rstrip().endswith((":", "：")):  # a step that does not introduce it
                quote = f"{ctx.t('place.result.quote')} {quote}"
            sourced_value(ctx, quote, reason.quote.prov, f"place-reason-{n}")
    if placement.nearest:
        names = [views.sector_name(ds, n.sector_id, lang) for n in placement.nearest]
        note(ctx.t("place.result.nearest",
                   names=display.md_literal(map_text.list_line(names, lang))))  # fmt: skip
    if placement.method == FIGURES:
        note(ctx.t("place.result.boundary"))
    else:
        note(ctx.t("place.result.schematic"))


def archetype_block(ctx: PageContext, good: Placed) -> None:
    """The nearest archetype, the alternatives, the reasons and the boundary as ours."""
    headline(ctx, good)
    reasons_block(ctx, good)


def expectations_block(ctx: PageContext, code: str) -> None:
    """What the report expects for archetype `code`, each value with its basis."""
    ds, lang = ctx.dataset, ctx.lang
    exp = expectations.for_archetype(ds, code)
    st.subheader(ctx.t("place.expect.heading"), anchor=False)
    st.caption(
        ctx.t("place.expect.lead",
              industries=display.md_literal(place_expect.industries_line(ds, exp, lang)))
    )  # fmt: skip
    st.markdown(f"**{ctx.t('place.expect.effects')}**")
    for column, phase in zip(st.columns(len(exp.phases)), exp.phases, strict=True):
        with column:
            st.markdown(f"**{display.md_text(ds.phase(phase.phase).name, lang)}**")
            sourced_text(ctx, phase.expected, f"place-phase-{phase.phase}")
            for tally in phase.tallies:
                st.markdown(
                    f"- {display.md_literal(place_expect.effect_line(ds, exp, tally, lang))}"
                )
            if not phase.tallies:
                note(ctx.t("place.expect.none"))
    st.markdown(f"**{ctx.t('place.expect.impacts')}**")
    for tally in exp.impact_types:
        st.markdown(f"- {display.md_literal(place_expect.impact_line(ds, exp, tally, lang))}")
    if not exp.impact_types:
        note(ctx.t("place.expect.none"))
    st.markdown(f"**{ctx.t('place.expect.use_cases')}**")
    uses = Ledger(lang)
    for phase in exp.phases:
        names = [
            f"{display.md_text(u.name, lang)}{uses.mark(u.name.in_lang(lang), u.prov)}"
            for u in exp.use_cases
            if phase.phase in u.phases
        ]
        if names:
            phase_name = display.md_text(ds.phase(phase.phase).name, lang)
            st.markdown(f"- **{phase_name}**: {ctx.t('common.list_separator').join(names)}")
    ledger_table(ctx, uses, "place-use-cases")
    st.markdown(f"**{ctx.t('place.expect.strategies')}**")
    ledger = Ledger(lang)
    if exp.strategies:
        columns = st.columns(len(exp.strategies), border=True)
        for column, strategy in zip(columns, exp.strategies, strict=True):
            column.markdown(strategy_card(ds, strategy, lang, ledger, points=False))
    else:
        note(ctx.t("place.expect.none"))
    ledger_table(ctx, ledger, "place-strategies")
