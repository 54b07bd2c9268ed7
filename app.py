"""Entry point and home page: `streamlit run app.py`.

The other pages are files in `pages/` (served at /industries, /sources); see
`genai_impact.navigation` for how navigation works.
"""

import streamlit as st

from genai_impact import navigation, ui


def page_directory(ctx: ui.PageContext) -> None:
    """A link to each other page with one line saying what it holds."""
    if not ctx.presenting:  # presenting: the cards speak for themselves, and fit one screen
        ui.heading(ctx.t("home.pages_heading"))
    others = [page for page in navigation.PAGES if page.id != ctx.page.id]
    # presenting: a grid of cards, so the page fits one screen
    grid = st.columns(4) if ctx.presenting else [st.container()]
    for n, page in enumerate(others):
        with grid[n % len(grid)], st.container(border=True):
            st.page_link(
                page.path,
                label=f"**{ctx.t(f'{page.id}.nav')}**",
                icon=page.icon,
                query_params=ctx.carried,
            )
            st.markdown(ctx.t(f"home.pages.{page.id}"))


# 1. Page set-up: language, data, URL state, navigation
ctx = ui.start_page("home")

# 2. What the dashboard is
ui.page_heading(ctx)
ui.paragraph(ctx.t("home.provenance"))

# 3. Where to go next
page_directory(ctx)
ui.footer(ctx)
