"""The map's fiscal-year slider and its play control (the steps are `views.map.years`).

Playing, the map's live section reruns on its own every `PLAY_PAUSE_S` seconds
(`play_interval`, the section's run_every) and each such run shows the next year
(`play_tick`); no run sleeps. Starting or stopping the play reruns the page, since
the section's timer is set when the page draws it."""

from __future__ import annotations

import time
from collections.abc import Sequence

import streamlit as st

from genai_impact.ui import live, url
from genai_impact.ui.context import PageContext
from genai_impact.views.map import years as map_years

YEAR_SLIDER_KEY, PLAY_KEY = "map_year_slider", "map_play"
PLAYING = "map_playing"  # session memory: the play control is stepping through the years
SHOWN_AT = "map_play_shown_at"  # session: when the year on screen was first shown (clock)
clock = time.monotonic  # seconds; a test steps it instead of waiting


def _year_slid() -> None:
    st.session_state[PLAYING] = False  # a hand on the slider takes over from the play control
    url.request("year", st.session_state[YEAR_SLIDER_KEY])


def _play_toggled(years: tuple[int, ...], year: int) -> None:
    playing = not st.session_state.get(PLAYING, False)
    st.session_state[PLAYING] = playing
    if playing:
        st.session_state[SHOWN_AT] = clock()
        url.request("year", map_years.play_start(years, year))


def year_player(ctx: PageContext, years: Sequence[int], year: int) -> None:
    """With several fiscal years: a play/stop button and a slider over the years (?year=)."""
    if not map_years.animated(years):
        st.session_state[PLAYING] = False
        return
    if map_years.next_year(years, year) is None:
        st.session_state[PLAYING] = False  # this run shows the last year: the play ends here
    playing = st.session_state.get(PLAYING, False)
    st.session_state[YEAR_SLIDER_KEY] = year
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.button(
            ctx.t("map.play.stop" if playing else "map.play.start"),
            key=PLAY_KEY,
            icon=":material/stop:" if playing else ":material/play_arrow:",
            help=ctx.t("map.play.help"),
            on_click=_play_toggled,
            args=(tuple(years), year),
        )
        st.select_slider(
            ctx.t("map.play.slider"),
            options=list(years),
            key=YEAR_SLIDER_KEY,
            format_func=lambda y: ctx.t("map.filter.year_option", year=y),
            on_change=_year_slid,
            width=max(240, 90 * len(years)),
        )


def play_interval(years: Sequence[int]) -> float | None:
    """The live section's timer: every `PLAY_PAUSE_S` seconds while playing, else none."""
    if st.session_state.get(PLAYING) and map_years.animated(years):
        return map_years.PLAY_PAUSE_S
    return None


def play_tick(ctx: PageContext, years: Sequence[int], timed: bool) -> PageContext:
    """At the start of the map's live section: while playing, once the year on screen has
    stayed its pause, the next year (asked for in the URL, returned in the context).
    `timed`: the section was drawn with the timer; when playing starts or stops the page
    reruns, so that the timer follows."""
    playing = bool(st.session_state.get(PLAYING)) and map_years.animated(years)
    if playing != timed:
        st.rerun(scope="app")
    if not playing or not ctx.view.year:
        return ctx
    now = clock()
    if now - st.session_state.get(SHOWN_AT, 0.0) < map_years.PLAY_PAUSE_S * 0.8:
        return ctx  # a click while playing: the year stays its time
    following = map_years.next_year(years, int(ctx.view.year))
    if following is None:
        return ctx
    st.session_state[SHOWN_AT] = now
    url.request("year", following)
    return live.refreshed(ctx)
