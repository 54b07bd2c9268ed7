"""The map's fiscal-year slider and its play control (the steps are `views.map.years`)."""

from __future__ import annotations

import time
from collections.abc import Sequence

import streamlit as st

from genai_impact.ui import url
from genai_impact.ui.context import PageContext
from genai_impact.views.map import years as map_years

YEAR_SLIDER_KEY, PLAY_KEY = "map_year_slider", "map_play"
PLAYING = "map_playing"  # session memory: the play control is stepping through the years


def _year_slid() -> None:
    st.session_state[PLAYING] = False  # a hand on the slider takes over from the play control
    url.request("year", st.session_state[YEAR_SLIDER_KEY])


def _play_toggled(years: tuple[int, ...], year: int) -> None:
    playing = not st.session_state.get(PLAYING, False)
    st.session_state[PLAYING] = playing
    if playing:
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


def _pause() -> None:
    time.sleep(map_years.PLAY_PAUSE_S)


def play_step(years: Sequence[int], year: int) -> None:
    """At the end of the map page: while playing, keep this year on screen, then show the next."""
    following = map_years.next_year(years, year)
    if not st.session_state.get(PLAYING) or following is None:
        return
    _pause()
    url.request("year", following)
    st.rerun()
