"""Industry map: industries on capital vs software intensity, filtered, searchable, shareable.

Every filter, the search, the chosen point and the fiscal year live in the URL. The
controls, the chart, its card and notes are one live section: a click there reruns that
section only, which reads and writes the URL itself (`ui.live_section`).
"""

import streamlit as st

from genai_impact import ui
from genai_impact.report import query
from genai_impact.text import display
from genai_impact.views.map import chart as charts
from genai_impact.views.map import query as map_query
from genai_impact.views.map import text as map_text
from genai_impact.views.map.layout import map_size

CHART_KEY, TABLE_KEY = "map_chart", "map_table"
# theme None: the chart keeps its own font and colours, as in an export; "content": its own
# pixel size, which the label placement was computed for (the browser then scales it).
CHART_ARGS = {"key": CHART_KEY, "selection_mode": charts.PICK, "theme": None, "width": "content"}
CARD_WIDTH = 420  # px: beside the chart on a wide screen, under it on a narrow one


def on_pick() -> None:
    """on_select: clicking a point chooses it (?select=<id>); clicking off clears it."""
    picked = st.session_state[CHART_KEY].selection.get(charts.PICK) or []
    ids = [p.get("id") for p in picked if isinstance(p, dict) and p.get("id")]
    ui.request("select", ids[0] if ids else None)


def map_view(ctx: ui.PageContext) -> map_query.MapView:
    stats, problems = ui.official_stats()
    if problems:
        st.warning(ctx.t("map.mode.stats_error", count=len(problems)), icon=":material/error:")
    size = map_size(ctx.presenting)  # larger in presentation mode
    return map_query.map_view(ctx.dataset, stats, ctx.view, size)


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


def data_table(ctx: ui.PageContext, mv: map_query.MapView) -> None:
    """Exactly what the chart shows, as a table (accessible, copyable), behind a toggle."""
    if not st.toggle(ctx.t("map.table.toggle"), key=TABLE_KEY):
        return
    table = map_query.table_frame(mv, ctx.lang)
    st.dataframe(table, hide_index=True, width="stretch", height="content")


def chart_and_card(ctx: ui.PageContext, mv: map_query.MapView) -> None:
    """The chart as large as the screen allows and, beside it (under it when narrow), the
    chosen point's card."""
    selected = map_query.resolve_selection(ctx.dataset, mv, ctx.view.select)
    texts = map_text.chart_texts(ctx.dataset, mv, ctx.lang)
    # the spec as a dict (Altair's objects: about a second per rerun); live: the filters line
    # is data, so a filter change keeps the spec and the browser updates the chart in place
    spec = charts.industry_map_spec(mv, texts, selected, live=True, theme=ctx.theme)
    spec = ui.annotated_map(ctx, spec)  # the open deck's annotations on this view
    with st.container(horizontal=True, gap="medium"):
        with ui.hero_container(ctx.presenting):
            st.vega_lite_chart(spec, on_select=on_pick, **CHART_ARGS)
            ui.map_downloads(ctx, mv, selected)  # PNG / SVG / CSV (not when presenting)
        if not ctx.presenting:  # presentation mode: the chart and its legends only
            with st.container(width=CARD_WIDTH):
                ui.map_card(ctx, mv, selected)


def map_section(ctx: ui.PageContext, years: tuple[int, ...], timed: bool) -> None:
    """What a control changes: the controls, the chart and card, the notes, the footer."""
    ctx = ui.play_tick(ctx, years, timed)  # while playing: the next year when it is due
    chosen_filters, year = ui.map_controls(ctx, years)
    ui.year_player(ctx, years, year)  # several fiscal years: a slider and a play control
    mv = map_view(ctx)
    if mv.empty:
        empty_state(ctx, chosen_filters)
    else:
        chart_and_card(ctx, mv)
    if not ctx.presenting:
        notes(ctx, mv)
        if not mv.empty:
            data_table(ctx, mv)
        st.caption(ctx.t("map.intro"))
    ui.annotations_block(ctx)
    ui.footer(
        ctx, chart_has_source=not mv.empty, live=True
    )  # presenting: the chart's footer is the source


stats, _ = ui.official_stats()
years = stats.years if stats else ()
ctx = ui.start_page("map", choices=lambda ds: query.url_choices(ds, years))
ui.chart_page_title(ctx, ctx.t("map.title"))  # presenting: the chart has its title
interval = ui.play_interval(years)  # playing: the section also reruns on its own
ui.live_section(
    ctx, map_section, key="map", run_every=interval, years=years, timed=interval is not None
)
ui.sidebar_agenda(ctx)  # outside the section: the sidebar is drawn by the page's run
