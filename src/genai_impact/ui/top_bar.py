"""The top of every page: presentation mode, the theme, and, when presenting, the agenda's
previous / next buttons and the presenter's keys (`presenter_keys`).

The step buttons come first, so they stand in the same place on every view whatever the
name of the view shown beside them."""

from __future__ import annotations

import streamlit as st

from genai_impact import navigation, state
from genai_impact.text import display
from genai_impact.theme import THEMES
from genai_impact.ui import url
from genai_impact.ui.agenda_sidebar import current_agenda
from genai_impact.ui.context import PageContext
from genai_impact.ui.presenter_keys import Step, presenter_keys
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


def target_index(step: Step, here: int | None, count: int) -> int | None:
    """The saved view a step leads to (clamped at the ends; None with no views)."""
    if count <= 0:
        return None
    if step == "first":
        return 0
    if step == "last":
        return count - 1
    return agenda.next_index(here, count) if step == "next" else agenda.prev_index(here, count)


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


def _step_controls(ctx: PageContext, views: tuple[agenda.SavedView, ...]) -> int | None:
    """Previous / next and where the agenda stands; the index of the view now on screen."""
    here = links.position(views, ctx.page.id, ctx.view)
    for step, icon, position in (
        ("prev", ":material/arrow_back:", "left"),
        ("next", ":material/arrow_forward:", "right"),
    ):
        target = target_index(step, here, len(views))
        if st.button(
            ctx.t(f"workshop.step.{step}"),
            icon=icon,
            icon_position=position,
            key=f"workshop_{step}",  # no tooltip over the view: the switch's help names the keys
            disabled=here is not None and target == here,
        ):
            _go(ctx, views, here, step)
    if here is None:
        st.caption(ctx.t("workshop.step.none", count=len(views)), width="content")
    else:
        name = display.md_literal(views[here].name)
        where = ctx.t("workshop.step.position", number=here + 1, count=len(views), name=name)
        st.caption(where, width="content")
    return here


def _go(
    ctx: PageContext, views: tuple[agenda.SavedView, ...], here: int | None, step: Step
) -> None:
    wanted = target_index(step, here, len(views))
    if wanted is not None and wanted != here:
        _switch_to(views[wanted], ctx.view)


def workshop_bar(ctx: PageContext) -> None:
    """Presentation mode and theme; when presenting, step through the saved views (buttons
    first, so they keep their place; the keys' listener last, where it takes no room)."""
    views = current_agenda().views if ctx.presenting else ()
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        here = _step_controls(ctx, views) if views else None
        _display_controls(ctx)
        if ctx.presenting:
            step = presenter_keys(ctx.t("workshop.step.blank"))
            if step is not None and views:
                _go(ctx, views, here, step)
