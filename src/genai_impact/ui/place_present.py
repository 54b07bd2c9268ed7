"""Place your company when presenting: the room sees the result, not the form. The chart
beside the form folded away ("Your figures", closed, with the values entered), the nearest
archetype, and its reasons and the what-if under two tabs, each in a box of fixed height
that scrolls inside, so the page fits a 1280×720 projector."""

from __future__ import annotations

import streamlit as st

from genai_impact.official.stats import OfficialStats
from genai_impact.placement import classify, words
from genai_impact.placement.model import FirmFigures
from genai_impact.ui import place_form, place_result, place_whatif
from genai_impact.ui.context import PageContext
from genai_impact.ui.place_form import Placed
from genai_impact.ui.presenter_keys import hero_container

TAB_HEIGHT = 380  # px: under the step buttons, the title, the folded form and the tabs


def entered_line(ctx: PageContext, good: Placed | None) -> str:
    """The folded form's label when presenting: "Your figures", and the values entered."""
    heading = ctx.t("place_present.figures")
    if good is None:
        return heading
    if good.figures is not None:
        values = ctx.t(
            "place_present.values",
            capital=words.number(good.figures.capital_per_employee),
            software=words.number(good.figures.software_per_employee),
        )
    else:
        names = [ctx.t(f"placement.element.{e}") for e in good.placement.elements]
        values = ctx.t("place_present.elements",
                       elements=ctx.t("common.list_separator").join(names) or "–")  # fmt: skip
    return f"{heading}: {values}"


def folded_form(ctx: PageContext, ref: classify.Reference | None, good: Placed | None) -> None:
    """The form in a closed expander whose label says what was entered."""
    with st.expander(entered_line(ctx, good), expanded=False):
        place_form.input_panel(ctx, ref)


def result(
    ctx: PageContext,
    stats: OfficialStats | None,
    good: Placed,
    moved: FirmFigures | None,
    ref: classify.Reference | None,
) -> None:
    """The chart (scaled to its column) and, beside it, the folded form, the archetype, why
    and what if."""
    left, right = st.columns([3, 2], gap="medium")
    with left, hero_container(False):
        place_result.chart(ctx, stats, good, moved)
    with right:
        folded_form(ctx, ref, good)
        place_result.headline(ctx, good)
        why, what_if = st.tabs([ctx.t("place.result.reasons"), ctx.t("place.whatif.heading")])
        with why, st.container(height=TAB_HEIGHT, border=False):
            place_result.reasons_block(ctx, good)
        with what_if, st.container(height=TAB_HEIGHT, border=False):
            place_whatif.panel(ctx, good, stacked=True)
