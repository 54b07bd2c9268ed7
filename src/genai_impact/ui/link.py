"""'Link to this view': the full address of the view on screen, to copy or share."""

from __future__ import annotations

import os

import streamlit as st

from genai_impact.ui.context import PageContext
from genai_impact.workshop import links

LINK_KEY = "view-link"  # the "Link to this view" popover (True in session state: open)


def base_url() -> str:
    """Where this app is reached: $GENAI_IMPACT_BASE_URL, else the browser's URL, else Host."""
    try:
        address, host = st.context.url, st.context.headers.get("Host")
    except Exception:  # no browser session (AppTest, bare mode)
        address, host = None, None
    return links.base_url(address, host, os.environ.get(links.BASE_URL_ENV))


def view_link(ctx: PageContext) -> str:
    """The full canonical URL of the view on screen."""
    return links.view_link(base_url(), ctx.page.id, ctx.view)


def copy_link(ctx: PageContext) -> None:
    """'Link to this view': a popover with the URL in a code block, which has a copy button.

    Built when opened, like the downloads: a code block loads the browser's syntax
    highlighter, about 0.7 s of the first page load's main thread
    (bench/first_load_profile.py), and is one element more on every rerun."""
    box = st.popover(
        ctx.t("workshop.link.label"),
        icon=":material/link:",
        help=ctx.t("workshop.link.help"),
        key=LINK_KEY,
        on_change="rerun",
    )
    if box.open:
        with box:
            st.code(view_link(ctx), language=None, wrap_lines=True)
