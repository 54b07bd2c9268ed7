"""Place your company: the firm's figures or answers, its point on the map, its nearest
archetype with the reasons, what the report expects for it, and "what if".

What the user enters stays in the session; the link carries it only when the user ticks
the box (`ui.place_form`). The form, the result and the what-if are one live section: a
click there reruns that section only.
"""

import streamlit as st

from genai_impact import ui
from genai_impact.report import query
from genai_impact.ui import place_form, place_present, place_result, place_whatif


def place_section(ctx: ui.PageContext) -> None:
    """The form, the result (map, archetype, expectations) and the what-if."""
    # 1. Selection: a link's values, the reference year, the form
    stats, _ = ui.official_stats()
    place_form.apply_link(ctx)
    ref = place_form.reference(ctx, stats)
    # 2. Data: the entry submitted, placed (the last good result stays on a problem)
    ctx = place_form.place_pending(ctx, ref)
    good = place_form.placed()
    if not ctx.presenting:  # presenting: the form folds away beside the result, closed
        place_form.input_panel(ctx, ref)
    place_form.remember(ctx, good)  # a deck the view is added to keeps the figures
    # 3. View (presenting: the result alone, fitted to the projector)
    moved = place_whatif.moved_figures(good)
    if good is None:
        if ctx.presenting:
            place_present.folded_form(ctx, ref, good)
        ui.heading(ctx.t("place.result.heading"))
        ui.note(ctx.t("place.result.empty"))
    elif ctx.presenting:
        place_present.result(ctx, stats, good, moved, ref)
    else:
        ui.heading(ctx.t("place.result.heading"))
        with st.container(horizontal=True, gap="medium"):
            with ui.hero_container(False):
                place_result.chart(ctx, stats, good, moved)
            with st.container(width=place_result.WORDS_WIDTH):
                place_result.archetype_block(ctx, good)
        place_whatif.panel(ctx, good)
        place_result.expectations_block(ctx, good.placement.archetype)
    ui.annotations_block(ctx)
    ui.footer(ctx, live=True)


stats, _ = ui.official_stats()
years = stats.years if stats else ()
ctx = ui.start_page("place", choices=lambda ds: query.url_choices(ds, years))
ui.page_heading(ctx)
ui.live_section(ctx, place_section, key="place")
ui.sidebar_agenda(ctx)  # outside the section: the sidebar is drawn by the page's run
