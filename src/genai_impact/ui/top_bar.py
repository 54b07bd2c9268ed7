"""The top of every page: presentation mode, the theme, and, when presenting, the agenda's
previous / next buttons (keyboard: ← →)."""

from __future__ import annotations

import streamlit as st

from genai_impact import navigation, state
from genai_impact.text import display
from genai_impact.theme import THEMES
from genai_impact.ui import url
from genai_impact.ui.agenda_sidebar import current_agenda
from genai_impact.ui.context import PageContext
from genai_impact.workshop import agenda, links

PRESENT_KEY, THEME_KEY = "workshop_present", "workshop_theme"
THEME_ICONS = {
    "light": ":material/light_mode:",
    "dark": ":material/dark_mode:",
    "contrast": ":material/contrast:",
}


def _switch_to(saved: agenda.SavedView, view: state.ViewState) -> None:
    params = {**agenda.canonical_params(saved.params), **links.display_params(view)}
    st.switch_page(navigation.page(saved.page).path, query_params=params)


def _theme_label(ctx: PageContext, theme: str) -> str:
    """A theme's option: its icon and name; the icon alone when presenting (one row above
    the chart at 1280×720; the control's help names the three)."""
    name = ctx.t(f"export.theme.{theme}")
    return THEME_ICONS[theme] if ctx.presenting else f"{THEME_ICONS[theme]} {name}"


def _display_controls(ctx: PageContext) -> None:
    url.bound(
        st.toggle,
        "present",
        ctx.presenting,
        key=PRESENT_KEY,
        encode=lambda on: "1" if on else None,
        label=ctx.t("workshop.bar.present"),
        help=ctx.t("workshop.bar.present_help"),
    )
    url.bound(
        st.segmented_control,
        "theme",
        ctx.theme,
        key=THEME_KEY,
        label=ctx.t("workshop.bar.theme"),
        label_visibility="collapsed",
        options=list(THEMES),
        format_func=lambda theme: _theme_label(ctx, theme),
        help=ctx.t("workshop.bar.theme_help"),
        required=True,
    )


def workshop_bar(ctx: PageContext) -> None:
    """Presentation mode and theme; when presenting with saved views, step through them."""
    views = current_agenda().views
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        _display_controls(ctx)
        if not (ctx.presenting and views):
            return
        here = links.position(views, ctx.page.id, ctx.view)
        back = agenda.prev_index(here, len(views))
        ahead = agenda.next_index(here, len(views))
        if st.button(
            ctx.t("workshop.step.prev"),
            icon=":material/arrow_back:",
            key="workshop_prev",
            shortcut="Left",
            disabled=here is not None and back == here,
        ):
            _switch_to(views[back], ctx.view)
        if here is None:
            st.caption(ctx.t("workshop.step.none", count=len(views)))
        else:
            name = display.md_literal(views[here].name)
            st.caption(
                ctx.t("workshop.step.position", number=here + 1, count=len(views), name=name)
            )
        if st.button(
            ctx.t("workshop.step.next"),
            icon=":material/arrow_forward:",
            icon_position="right",
            key="workshop_next",
            shortcut="Right",
            disabled=here is not None and ahead == here,
        ):
            _switch_to(views[ahead], ctx.view)
