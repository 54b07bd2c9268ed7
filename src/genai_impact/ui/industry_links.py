"""Links to industry profiles: one industry's, the previous and next in the report's
order, and every industry by archetype (the profile page's directory); and to "Place your
company" (from the map and from each profile)."""

from __future__ import annotations

import streamlit as st

from genai_impact.report import query
from genai_impact.report.model import Industry
from genai_impact.text import display
from genai_impact.ui.context import PageContext
from genai_impact.views.profile import neighbours

PROFILE_PAGE = "pages/industries.py"
PLACE_PAGE = "pages/place.py"


def place_link(ctx: PageContext) -> None:
    """ "Place your company": to the page that sets the user's firm on the map."""
    st.page_link(
        PLACE_PAGE,
        label=ctx.t("place.link"),
        icon=":material/my_location:",
        query_params=ctx.carried,
        width="content",
    )


def industry_link(ctx: PageContext, shown: Industry, icon: str, **params: str) -> None:
    """A link to the profile page for `params`, labelled with the industry `shown`."""
    st.page_link(
        PROFILE_PAGE,
        label=display.md_text(shown.name, ctx.lang),
        icon=icon,
        query_params={**ctx.carried, **params},
    )


def industry_directory(ctx: PageContext, compare_with: str | None = None) -> None:
    """Every industry by archetype, as links to its profile (or to a comparison with one)."""
    groups = query.industries_by_archetype(ctx.dataset)
    columns = [c for _ in range(0, len(groups), 3) for c in st.columns(3)]  # long names fit
    for column, (archetype, industries) in zip(columns, groups, strict=False):
        with column:
            st.markdown(f"**{display.md_literal(archetype.code)}**")
            for industry in (i for i in industries if i.id != compare_with):
                if compare_with is None:
                    industry_link(ctx, industry, ":material/arrow_right:", industry=industry.id)
                else:
                    params = {"industry": compare_with, "compare": industry.id}
                    industry_link(ctx, industry, ":material/compare_arrows:", **params)


def neighbour_links(ctx: PageContext, industry: Industry) -> None:
    """The previous and next industry in the report's order (not when presenting)."""
    if ctx.presenting:
        return
    before, after = neighbours(ctx.dataset, industry.id)
    with st.container(horizontal=True, horizontal_alignment="distribute"):
        for item, icon in ((before, ":material/arrow_back:"), (after, ":material/arrow_forward:")):
            if item is None:
                st.caption(ctx.t("industries.neighbours.end"), width="content")
            else:
                industry_link(ctx, item, icon, industry=item.id)
            if item is before:  # between the previous and the next
                place_link(ctx)
