"""Place your company: "what if". Sliders move the firm's figures (software per employee,
employees, R&D intensity); the moved point shows on the map, and the start and the moved
firm stand side by side with what the report expects that changes.

The sliders' values are read before the map is drawn (`moved_figures`, from the session)
and drawn after it (`sliders`): a slide reruns the page's section, which draws both."""

from __future__ import annotations

import streamlit as st

from genai_impact.placement import classify, expectations, whatif, words
from genai_impact.placement.model import FIGURES, FirmFigures, Placement
from genai_impact.text import display
from genai_impact.ui.blocks import note
from genai_impact.ui.context import PageContext
from genai_impact.ui.place_form import WHATIF_KEYS, Placed
from genai_impact.views import place_expect

SOFTWARE_KEY, EMPLOYEES_KEY, RD_KEY = WHATIF_KEYS
SOFTWARE_STEPS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0)
EMPLOYEE_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
RD_RANGE = (0.0, 15.0)  # percent of sales; the report's average 3.06 % sits low in it


def _rd_start(figures: FirmFigures) -> float:
    rd = figures.rd_ratio_percent
    return round(min(max(rd, RD_RANGE[0]), RD_RANGE[1]), 2) if rd is not None else 0.0


def moved_figures(good: Placed | None) -> FirmFigures | None:
    """The firm's figures as the sliders move them; None when nothing moved (or no figures)."""
    if good is None or good.figures is None or good.placement.method != FIGURES:
        return None
    ss = st.session_state
    software = float(ss.get(SOFTWARE_KEY, 1.0))
    employees = float(ss.get(EMPLOYEES_KEY, 1.0))
    rd = ss.get(RD_KEY)
    rd_moved = rd is not None and float(rd) != _rd_start(good.figures)
    if software == 1.0 and employees == 1.0 and not rd_moved:
        return None
    return whatif.moved(good.figures, software, employees, float(rd) if rd_moved else None)


def _times(value: float) -> str:
    return f"×{value:g}"


def sliders(ctx: PageContext, good: Placed) -> FirmFigures | None:
    """The three sliders; the figures they give (None: not moved)."""
    st.select_slider(ctx.t("place.whatif.software"), options=SOFTWARE_STEPS, value=1.0,
                     format_func=_times, key=SOFTWARE_KEY)  # fmt: skip
    st.select_slider(ctx.t("place.whatif.employees"), options=EMPLOYEE_STEPS, value=1.0,
                     format_func=_times, key=EMPLOYEES_KEY)  # fmt: skip
    assert good.figures is not None
    st.slider(ctx.t("place.whatif.rd"), min_value=RD_RANGE[0], max_value=RD_RANGE[1],
              value=_rd_start(good.figures), step=0.01, format="%.2f",
              help=ctx.t("place.whatif.rd_help"), key=RD_KEY)  # fmt: skip
    return moved_figures(good)


def _side(ctx: PageContext, heading: str, placement: Placement, figures: FirmFigures) -> None:
    archetype = ctx.dataset.archetype(placement.archetype)
    st.markdown(f"**{heading}**")
    st.markdown(
        ctx.t("place.result.archetype", code=archetype.code,
              name=display.md_text(archetype.name, ctx.lang))
    )  # fmt: skip
    ratios = {"capital": words.number(figures.capital_per_employee),
              "software": words.number(figures.software_per_employee)}  # fmt: skip
    st.caption(ctx.t("place.result.figures", **ratios))


def panel(ctx: PageContext, good: Placed | None, stacked: bool = False) -> None:
    """What if: sliders and the start and moved firm side by side (`stacked`: the start and
    moved firm above the sliders, in a narrow column under a tab that names it)."""
    if not stacked:
        st.subheader(ctx.t("place.whatif.heading"), anchor=False)
    if good is None or good.figures is None or good.reference is None:
        note(ctx.t("place.whatif.needs_figures"))
        return
    if stacked:  # the room sees what changed first; the sliders under it
        comparison, controls = st.container(), st.container()
    else:
        st.caption(ctx.t("place.whatif.lead"))
        controls, comparison = st.columns([2, 3], gap="large")
    with controls:
        moved = sliders(ctx, good)
    moved = moved or good.figures
    after = classify.place_by_figures(ctx.dataset, good.reference, moved)
    with comparison:
        start_column, moved_column = st.columns(2, border=True)
        with start_column:
            _side(ctx, ctx.t("place.whatif.start"), good.placement, good.figures)
        with moved_column:
            if isinstance(after, tuple):  # moved past every imported sector by far
                st.markdown(f"**{ctx.t('place.whatif.moved')}**")
                note(ctx.t("place.whatif.outside"))
                return
            _side(ctx, ctx.t("place.whatif.moved"), after, moved)
        before_exp = expectations.for_archetype(ctx.dataset, good.placement.archetype)
        after_exp = expectations.for_archetype(ctx.dataset, after.archetype)
        changed = expectations.changes(before_exp, after_exp)
        if changed:
            words = place_expect.change_words(ctx.dataset, changed, ctx.lang)
            st.markdown(ctx.t("place.whatif.changed", items=display.md_literal(words)))
        else:
            note(ctx.t("place.whatif.unchanged"))
