"""Sections that rerun alone: a control inside one changes only that section.

A page's full run starts with `page.start_page`, which reads the URL once and writes it
once. A live section is an `st.fragment`: a click on a control inside reruns the section
only, so the section itself reads the URL with the changes its controls asked for
(`refreshed`) and writes it, through the same one writer. What sits outside the section
and needs the view on screen when it is used (saving the view to the deck) reads it
then (`url.view_now`), not from the last full run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import streamlit as st

from genai_impact import state
from genai_impact.ui import page, url
from genai_impact.ui.context import PageContext


def refreshed(ctx: PageContext) -> PageContext:
    """The page's context with the URL as it is now (the changes asked for since the last
    run applied, bad values dropped as at the page's start), the URL written once."""
    raw = url.current()
    view, _ = state.parse_query_params(raw, ctx.choices, only=ctx.page.params)
    view = page.resolve_defaults(view, ctx.page, ctx.dataset)
    url.write(raw, view, ctx.page)
    url.remember(ctx.page.id, view)
    return replace(ctx, view=view)


def section(
    ctx: PageContext,
    body: Callable[..., None],
    *,
    key: str,
    run_every: float | timedelta | None = None,
    **args: Any,
) -> None:
    """Draw `body(ctx, **args)` as a live section (`key` names it; `run_every` seconds: it
    also reruns on its own, e.g. to step through the years)."""

    def run() -> None:
        # the page's own run: its start has just read the URL (and named bad values in
        # ctx.notices); the section's own reruns read it again
        fresh = st.session_state.pop(url.FRESH, None) == ctx.page.id
        body(ctx if fresh else refreshed(ctx), **args)

    st.fragment(run, run_every=run_every, key=key)()


def rerun_page() -> None:
    """From inside a live section: rerun the whole page (what lies outside changed too)."""
    st.rerun(scope="app")
