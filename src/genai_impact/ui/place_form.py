"""Place your company: the form (figures or answers), its problems by field, the last good
result kept in the session, and "include my figures in the link".

Privacy: what the user enters lives in `st.session_state` only. The link carries it when the
box is ticked (each change then asks the URL writer for the values, `url.request`); unticked,
the URL carries none of it. A link that carries values fills the form and places them once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from genai_impact import state
from genai_impact.official.stats import OfficialStats
from genai_impact.placement import classify, words
from genai_impact.placement.inputs import (
    CAPITAL_USES,
    Answers,
    FirmInput,
    check_answers,
    read_figures,
)
from genai_impact.placement.model import FirmFigures, Placement, Problem
from genai_impact.placement.units import DEFAULT_UNIT, UNITS
from genai_impact.text import display
from genai_impact.ui import live, url
from genai_impact.ui.context import PageContext
from genai_impact.views import place as views
from genai_impact.views.map.query import shown_year

METHOD_KEY = "place_method"
SHARE_KEY = "place_share"
ENTRY = "place_entry"  # session: the Entry last submitted
PENDING = "place_pending"  # session: the entry waits to be placed this run
GOOD = "place_good"  # session: the last good `Placed`
PROBLEMS = "place_problems"  # session: the problems of the last submission
FROM_LINK = "place_from_link"  # session: the link's values already placed
WHATIF_KEYS = ("place_whatif_software", "place_whatif_employees", "place_whatif_rd")
FIGURE_FIELDS = tuple(views.FIGURE_PARAMS.values())
SHARES = views.SHARE_PARAMS


@dataclass(frozen=True)
class Placed:
    """A good result: what was entered, where it landed, the firm's ratios and the reference."""

    entry: views.Entry
    placement: Placement
    figures: FirmFigures | None
    reference: classify.Reference | None


def key(name: str) -> str:
    return f"place_{name}"


def reference(ctx: PageContext, stats: OfficialStats | None) -> classify.Reference | None:
    """The reference year's all-industries point, or None (no statistics imported)."""
    year = shown_year(stats, ctx.view)
    if stats is None or year is None:
        return None
    return classify.reference(ctx.dataset, stats.figures, year)


def _fill(entry: views.Entry) -> None:
    """The form's widgets show `entry` (a link's values)."""
    if entry.figures is not None:
        st.session_state[METHOD_KEY] = "figures"
        for name in FIGURE_FIELDS:
            st.session_state[key(name)] = getattr(entry.figures, name)
        st.session_state[key("unit")] = entry.figures.unit
    elif entry.answers is not None:
        st.session_state[METHOD_KEY] = "answers"
        for name in SHARES:
            st.session_state[key(name)] = entry.answers.share(name)
        digital = entry.answers.digital_touchpoints
        st.session_state[key("digital")] = None if digital is None else ("yes" if digital else "no")
        st.session_state[key("capital_use")] = entry.answers.capital_use


def apply_link(ctx: PageContext) -> None:
    """A link that carries the firm's values: fill the form, tick the box, place them once."""
    carried = state.to_query_params(ctx.view, only=state.FIRM_PARAMS)
    if not carried or st.session_state.get(FROM_LINK) == carried:
        return
    st.session_state[FROM_LINK] = carried
    entry = views.entry_from_view(ctx.view)
    if entry is None or views.link_params(entry) == views.link_params(
        st.session_state.get(ENTRY, views.Entry())
    ):
        return  # the values this session put there itself
    _fill(entry)
    st.session_state[SHARE_KEY] = True
    st.session_state[ENTRY], st.session_state[PENDING] = entry, True


def _entry_from_form(method: str) -> views.Entry:
    ss = st.session_state
    if method == "figures":
        texts = {name: str(ss.get(key(name), "") or "") for name in FIGURE_FIELDS}
        return views.Entry(figures=FirmInput(**texts, unit=ss.get(key("unit"), DEFAULT_UNIT)))
    digital = ss.get(key("digital"))
    return views.Entry(
        answers=Answers(
            **{name: int(ss.get(key(name), 0) or 0) for name in SHARES},
            digital_touchpoints=None if digital is None else digital == "yes",
            capital_use=ss.get(key("capital_use")),
        )
    )


def _share_request(entry: views.Entry | None) -> None:
    """Ask the URL writer for the entry's values (box ticked) or for none of them."""
    params = views.link_params(entry) if entry and st.session_state.get(SHARE_KEY) else {}
    for name in state.FIRM_PARAMS:
        url.request(name, params.get(name))
    st.session_state[FROM_LINK] = {k: v for k, v in params.items()} or None


def _submitted(method: str) -> None:
    entry = _entry_from_form(method)
    st.session_state[ENTRY], st.session_state[PENDING] = entry, True
    for name in WHATIF_KEYS:  # a new start: the what-if starts from it
        st.session_state.pop(name, None)


def _shared() -> None:
    good: Placed | None = st.session_state.get(GOOD)
    _share_request(good.entry if good else None)


def place_pending(ctx: PageContext, ref: classify.Reference | None) -> PageContext:
    """Place the entry submitted since the last run; keep the last good result on a problem.
    The context returned has the URL as written after it (the box ticked: with the values)."""
    if not st.session_state.pop(PENDING, False):
        return ctx
    entry: views.Entry = st.session_state[ENTRY]
    problems: tuple[Problem, ...] = ()
    if entry.figures is not None:
        figures = read_figures(entry.figures)
        if isinstance(figures, tuple):
            problems = figures
        elif ref is not None:
            placed = classify.place_by_figures(ctx.dataset, ref, figures)
            if isinstance(placed, tuple):
                problems = placed
            else:
                st.session_state[GOOD] = Placed(entry, placed, figures, ref)
    else:
        assert entry.answers is not None
        problems = check_answers(entry.answers)
        if not problems:
            placed = classify.place_by_answers(ctx.dataset, entry.answers)
            st.session_state[GOOD] = Placed(entry, placed, None, None)
    st.session_state[PROBLEMS] = problems
    return _drop_bad_link(ctx, entry) if problems else _follow_link(ctx)


def _drop_bad_link(ctx: PageContext, entry: views.Entry) -> PageContext:
    """A link whose values cannot be placed (an absurd unit...): they leave the URL, the
    box is unticked, and the problems say why (the last good result, if any, stays)."""
    carried = state.to_query_params(ctx.view, only=state.FIRM_PARAMS)
    if carried and carried == views.link_params(entry):
        st.session_state[SHARE_KEY] = False
        _share_request(None)
        return live.refreshed(ctx)
    return ctx


def _follow_link(ctx: PageContext) -> PageContext:
    """Box ticked: the link carries the last good entry, written at once."""
    good: Placed | None = st.session_state.get(GOOD)
    if good is None or not st.session_state.get(SHARE_KEY):
        return ctx
    wanted = views.link_params(good.entry)
    if state.to_query_params(ctx.view, only=state.FIRM_PARAMS) != wanted:
        _share_request(good.entry)
        return live.refreshed(ctx)  # the URL written now, with the values
    return ctx


def field_label(ctx: PageContext, field: str) -> str:
    return ctx.t(f"place.field.{field}")


def show_problems(ctx: PageContext) -> None:
    """Each problem of the last submission, naming its field."""
    problems: tuple[Problem, ...] = st.session_state.get(PROBLEMS, ())
    if not problems:
        return
    lines = [display.md_literal(words.problem_text(ctx.dataset, p, ctx.lang)) for p in problems]
    body = "\n".join(f"- {line}" for line in lines)
    # "the result below is unchanged" only when there is a result below
    heading = ctx.t("place.problem.heading" if placed() else "place.problem.heading_first")
    st.error(f"{heading}\n\n{body}", icon=":material/error:")


def _figures_form(ctx: PageContext) -> None:
    with st.form("place_figures", border=True, enter_to_submit=True):
        # row by row, so the tab order is the reading order: the three the map needs, then
        # the optional R&D pair and the unit
        for column, name in zip(st.columns(3), FIGURE_FIELDS[:3], strict=True):
            help_text = ctx.t("place.help.employees") if name == "employees" else None
            column.text_input(field_label(ctx, name), key=key(name), help=help_text)
        rd, sales, unit = st.columns(3)
        for column, name in ((rd, FIGURE_FIELDS[3]), (sales, FIGURE_FIELDS[4])):
            column.text_input(field_label(ctx, name), key=key(name))
        unit.selectbox(
            field_label(ctx, "unit"),
            options=list(UNITS),
            format_func=lambda u: ctx.t(f"place.unit.{u}"),
            key=key("unit"),
        )
        st.form_submit_button(
            ctx.t("place.submit"), type="primary", on_click=_submitted, args=("figures",)
        )


def _answers_form(ctx: PageContext) -> None:
    yes_no = {None: ctx.t("place.choice.unanswered"), "yes": ctx.t("place.choice.yes"),
              "no": ctx.t("place.choice.no")}  # fmt: skip
    uses = {None: ctx.t("place.choice.unanswered"),
            **{u: ctx.t(f"place.choice.{u}") for u in CAPITAL_USES}}  # fmt: skip
    with st.form("place_answers", border=True, enter_to_submit=True):
        st.caption(ctx.t("place.help.shares"))
        for column, name in zip(st.columns(3), SHARES, strict=True):
            with column:
                st.number_input(field_label(ctx, name), min_value=0, max_value=100, step=5,
                                key=key(name))  # fmt: skip
        left, right = st.columns(2)
        with left:
            st.radio(field_label(ctx, "digital_touchpoints"), options=list(yes_no),
                     format_func=yes_no.get, horizontal=True, key=key("digital"))  # fmt: skip
        with right:
            st.radio(field_label(ctx, "capital_use"), options=list(uses),
                     format_func=uses.get, key=key("capital_use"))  # fmt: skip
        st.form_submit_button(
            ctx.t("place.submit"), type="primary", on_click=_submitted, args=("answers",)
        )


def _keep_form_values() -> None:
    """The form's values survive while the other method's form is shown (Streamlit drops a
    widget's value once a run does not draw it; a value set here is kept)."""
    ss = st.session_state
    ss.setdefault(key("unit"), DEFAULT_UNIT)
    for name in (*FIGURE_FIELDS, *SHARES, "unit", "digital", "capital_use"):
        ss.setdefault(key(name), None if name in (*SHARES, "digital", "capital_use") else "")
        ss[key(name)] = ss[key(name)]


def input_panel(ctx: PageContext, ref: classify.Reference | None) -> None:
    """The method, its form, the problems of the last submission, the link's box."""
    _keep_form_values()
    labels = {m: ctx.t(f"place.method.{m}") for m in ("figures", "answers")}
    if METHOD_KEY not in st.session_state:
        st.session_state[METHOD_KEY] = "figures" if ref is not None else "answers"
    method = st.segmented_control(
        ctx.t("place.method.label"), options=list(labels), format_func=labels.get,
        key=METHOD_KEY, required=True,
    )  # fmt: skip
    if method == "figures":
        if ref is None:
            st.info(ctx.t("place.no_stats"), icon=":material/info:")
        _figures_form(ctx)
    else:
        _answers_form(ctx)
    show_problems(ctx)
    st.checkbox(ctx.t("place.share.label"), key=SHARE_KEY, help=ctx.t("place.share.help"),
                on_change=_shared)  # fmt: skip
    st.caption(ctx.t("place.privacy"))


def remember(ctx: PageContext, good: Placed | None) -> None:
    """The view on screen with the firm's values: what a deck keeps when the user adds this
    view to it (the user's choice); the URL itself carries them only when the box is ticked."""
    if good is not None:
        url.remember(ctx.page.id, replace(ctx.view, **views.link_params(good.entry)))


def placed() -> Placed | None:
    """The last good result of this session."""
    return st.session_state.get(GOOD)
