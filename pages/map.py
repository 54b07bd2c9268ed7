"""Industry map: industries on capital vs software intensity, filtered, searchable, shareable.

Every filter, the search, the chosen point and the fiscal year live in the URL; each
widget is set from the URL on every run and asks for the URL to follow on change.
"""

import pandas as pd
import streamlit as st

from genai_impact import ui
from genai_impact.report import query
from genai_impact.report.model import Industry, Sector
from genai_impact.text import display
from genai_impact.views.map import chart as charts
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import map_size

CHART_KEY, TABLE_KEY = "map_chart", "map_table"
# theme None: the chart keeps its own font and colours, as in an export; "content": its own
# pixel size, which the label placement was computed for.
CHART_ARGS = {"key": CHART_KEY, "selection_mode": charts.PICK, "theme": None, "width": "content"}


def key(name: str) -> str:
    return f"map_{name}"


def on_pick() -> None:
    """on_select: clicking a point chooses it (?select=<id>); clicking off clears it."""
    picked = st.session_state[CHART_KEY].selection.get(charts.PICK) or []
    ids = [p.get("id") for p in picked if isinstance(p, dict) and p.get("id")]
    ui.request("select", ids[0] if ids else None)


def widget(make, name: str, value, **kwargs):
    """A widget mirroring URL parameter `name` (`ui.bound`), keyed map_<name>."""
    return ui.bound(make, name, value, key=key(name), **kwargs)


# 1. Selection: the filters in the sidebar --------------------------------------------------


def filters(ctx: ui.PageContext, years: tuple[int, ...]) -> tuple[map_query.MapFilters, int]:
    ds, view, bar = ctx.dataset, ctx.view, st.sidebar
    labels = map_text.option_labels(ds, ctx.lang)
    bar.subheader(ctx.t("map.filter.heading"), anchor=False)
    year = int(view.year) if view.year else (years[-1] if years else 0)
    if years:
        year_label = {y: ctx.t("map.filter.year_option", year=y) for y in years}
        widget(
            bar.selectbox,
            "year",
            year,
            label=ctx.t("map.filter.year"),
            options=list(years),
            format_func=year_label.get,
        )
    widget(
        bar.text_input,
        "q",
        view.q,
        label=ctx.t("map.filter.search.label"),
        placeholder=ctx.t("map.filter.search.placeholder"),
        help=ctx.t("map.filter.search.help"),
    )
    multi = {"selection_mode": "multi"}
    for name, make, extra in (
        ("arch", bar.pills, {**multi, "help": map_text.archetype_names(ds, ctx.lang)}),
        ("phase", bar.pills, {**multi, "help": ctx.t("map.filter.phase.help")}),
        ("kind", bar.segmented_control, {}),
        ("impact", bar.multiselect, {"placeholder": ctx.t("map.filter.impact.placeholder")}),
    ):
        value = getattr(view, name)
        widget(
            make,
            name,
            value if name == "kind" else list(value),
            label=ctx.t(f"map.filter.{name}.label"),
            options=list(labels[name]),
            format_func=labels[name].get,
            **extra,
        )
    return map_query.filters_from_view(view), year


# 2. Data: the plotted rows, measured when official figures exist, else schematic ------------


def map_view(ctx: ui.PageContext) -> map_query.MapView:
    stats, problems = ui.official_stats()
    if problems:
        st.warning(ctx.t("map.mode.stats_error", count=len(problems)), icon=":material/error:")
    size = map_size(ctx.presenting)  # larger in presentation mode
    return map_query.map_view(ctx.dataset, stats, ctx.view, size)


# 3. View: chart or what to relax, notes, the chosen point's card, the table -----------------


def empty_state(ctx: ui.PageContext, chosen: map_query.MapFilters) -> None:
    parts = dict(map_text.filter_parts(ctx.dataset, chosen, ctx.lang))
    relax = " / ".join(
        ctx.t("map.empty.relax", filter=display.md_literal(parts[name]), count=count)
        for name, count in map_query.relaxations(ctx.dataset, chosen)
    )
    body = ctx.t("map.empty.body", filters=relax)
    st.info(f"**{ctx.t('map.empty.title')}**\n\n{body}", icon=":material/filter_alt_off:")


def notes(ctx: ui.PageContext, mv: map_query.MapView) -> None:
    rows, search = mv.rows, mv.filters.search
    names = dict(zip(rows["id"], rows["name"], strict=True))

    def listed(items) -> str:
        return display.md_literal(map_text.list_line(list(items), ctx.lang))

    if search and rows["highlight"].any():
        found = listed(rows.loc[rows["highlight"], "name"])
        ui.note(ctx.t("map.search.matches", value=display.md_literal(search), names=found))
    elif search and not rows.empty:
        st.info(ctx.t("map.search.no_match", value=display.md_literal(search)))
    if mv.missing:
        ui.note(ctx.t("map.missing", names=listed(mv.missing)))
    if hidden := [names[i] for i in mv.hidden_labels if i in names]:
        ui.note(ctx.t("map.hidden_labels", names=listed(hidden)))
    ui.note(ctx.t(f"map.mode.{mv.mode}", year=mv.year))


def industry_card(ctx: ui.PageContext, industry: Industry) -> None:
    ds, lang, k = ctx.dataset, ctx.lang, f"card-{industry.id}"
    archetype = ds.archetype(industry.archetype)
    st.markdown(f"#### {display.md_text(industry.name, lang)}", anchors=False)
    code, name = display.md_literal(archetype.code), display.md_text(archetype.name, lang)
    ui.sourced_value(ctx, ctx.t("map.card.archetype", code=code, name=name), industry.prov, k)
    st.caption(ctx.t("map.card.effects"))
    for column, phase in zip(st.columns(len(ds.phases)), ds.phases, strict=True):
        with column:
            st.markdown(f"**{display.md_text(phase.name, lang)}**")
            effects = industry.phases[phase.id]
            lines = [(display.effect_label(ds, e, lang), e.prov) for e in effects.effects]
            for n, (line, prov) in enumerate(
                lines or [(ctx.t("industries.phases.none"), effects.prov)]
            ):
                ui.sourced_value(ctx, line, prov, f"{k}-{phase.id}-{n}")
    st.caption(ctx.t("map.card.impacts"))
    for impact in industry.impact_types:
        line = display.impact_label(ds, impact, lang)
        ui.sourced_value(ctx, line, impact.prov, f"{k}-impact-{impact.number}")
    if not industry.impact_types:
        ui.note(ctx.t("map.card.impacts_none"))
    st.page_link(
        "pages/industries.py",
        label=ctx.t("map.card.profile"),
        icon=":material/arrow_forward:",
        query_params={**ctx.carried, "industry": industry.id},
    )


def sector_card(ctx: ui.PageContext, sector: Sector, mv: map_query.MapView) -> None:
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
        ui.note(ctx.t("map.card.no_examples"))
        return
    for tab, industry in zip(
        st.tabs([i.name.in_lang(ctx.lang) for i in examples]), examples, strict=True
    ):
        with tab:
            industry_card(ctx, industry)


def card(ctx: ui.PageContext, mv: map_query.MapView, chosen: str | None) -> None:
    """The point chooser (in step with clicks on the chart) and the chosen point's card."""
    names = dict(zip(mv.rows["id"], mv.rows["name"], strict=True))
    widget(
        st.selectbox,
        "select",
        chosen,
        label=ctx.t("map.card.select"),
        options=list(names),
        index=None,
        placeholder=ctx.t("map.card.placeholder"),
        format_func=names.get,
    )
    if chosen is None:
        return
    with st.container(border=True):
        if mv.mode == map_query.STATISTICS:
            sector_card(ctx, next(s for s in ctx.dataset.sectors if s.id == chosen), mv)
        else:
            industry_card(ctx, ctx.dataset.industry(chosen))


def data_table(ctx: ui.PageContext, mv: map_query.MapView) -> None:
    """Exactly what the chart shows, as a table (accessible, copyable), behind a toggle."""
    if not st.toggle(ctx.t("map.table.toggle"), key=TABLE_KEY):
        return
    table = map_query.table_frame(mv, ctx.lang)
    st.dataframe(table, hide_index=True, width="stretch", height="content")


# 1. Page set-up: language, data, every map parameter from the URL
stats, _ = ui.official_stats()
years = stats.years if stats else ()
ctx = ui.start_page("map", choices=lambda ds: query.url_choices(ds, years))
ui.chart_page_title(ctx, ctx.t("map.title"))  # presenting: the chart has its title
chosen_filters, year = filters(ctx, years)
ui.year_player(ctx, years, year)  # several fiscal years: a slider and a play control

# 2. The plotted rows
mv = map_view(ctx)

# 3. The chart (or what to relax), notes, the chosen point's card, the table
if mv.empty:
    empty_state(ctx, chosen_filters)
else:
    selected = map_query.resolve_selection(ctx.dataset, mv, ctx.view.select)
    texts = map_text.chart_texts(ctx.dataset, mv, ctx.lang)
    # the spec as a dict (Altair's objects: about a second per rerun); live: the filters line
    # is data, so a filter change keeps the spec and the browser updates the chart in place
    spec = charts.industry_map_spec(mv, texts, selected, live=True, theme=ctx.theme)
    spec = ui.annotated_map(ctx, spec)  # the open deck's annotations on this view
    st.vega_lite_chart(spec, on_select=on_pick, **CHART_ARGS)
    ui.map_downloads(ctx, mv, selected)  # PNG / SVG / CSV of this view (not when presenting)
if not ctx.presenting:  # presentation mode: the chart and its legends only
    notes(ctx, mv)
    if not mv.empty:
        card(ctx, mv, selected)
        data_table(ctx, mv)
    st.caption(ctx.t("map.intro"))
ui.annotations_block(ctx)
ui.footer(ctx, chart_has_source=not mv.empty)  # presenting: the chart's footer is the source
ui.play_step(years, year)  # while playing: pause, then the next year
