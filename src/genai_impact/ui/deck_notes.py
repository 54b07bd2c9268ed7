"""Notes and annotations of the saved view on screen: the annotations as a numbered list for
everyone (presentation mode included), and, with the edit link, the facilitator's note
and the annotation editor in the sidebar. Everything typed is plain text."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from genai_impact.exports.slides import charts
from genai_impact.text import display
from genai_impact.ui import deck_session
from genai_impact.ui.context import PageContext
from genai_impact.workshop import agenda, annotations, links, slides


def _here(ctx: PageContext, views: tuple[agenda.SavedView, ...]) -> int | None:
    return links.position(views, ctx.page.id, ctx.view)


def annotation_lines(ctx: PageContext, view: agenda.SavedView) -> list[str]:
    """ "① <target>: <text>" for each annotation of `view`, as literal Markdown."""
    labels = annotations.targets(ctx.dataset, view.page, ctx.lang)
    return [
        ctx.t(
            "deck.view.item",
            marker=marker,
            target=display.md_literal(labels.get(note.target, note.target)),
            text=display.md_literal(note.text),
        )
        for marker, note in annotations.numbered(view.annotations)
    ]


def annotations_block(ctx: PageContext) -> None:
    """The annotations of the saved view on screen, numbered as the exports number them
    (nothing when the view is not in the open deck or has none). Never the note."""
    views = deck_session.current_agenda().views
    here = _here(ctx, views)
    if here is None or not views[here].annotations:
        return
    st.caption(ctx.t("deck.view.annotations"))
    st.markdown("\n".join(f"- {line}" for line in annotation_lines(ctx, views[here])))


def view_marks(ctx: PageContext) -> dict[str, str]:
    """The markers (①②) of the saved view on screen by target, as its slides draw them in
    their cells; empty when the view is not in the open deck or has no annotations."""
    views = deck_session.current_agenda().views
    here = _here(ctx, views)
    return slides.target_marks(views[here]) if here is not None else {}


def annotated_map(ctx: PageContext, spec: dict[str, Any]) -> dict[str, Any]:
    """The map's spec with the markers of the saved view on screen drawn at their points
    (a ring and ①② above it), as the deck's slides draw them; unchanged otherwise."""
    views = deck_session.current_agenda().views
    here = _here(ctx, views)
    if here is None or not views[here].annotations:
        return spec
    marks = slides.map_marks(ctx.dataset, slides.target_marks(views[here]))
    return charts.with_markers(spec, marks, ctx.theme)


def _save_note(ctx: PageContext, index: int, key: str) -> None:
    text = st.session_state.get(key, "")
    deck_session.change(lambda a: agenda.set_note(a, index, text), ctx.t("deck.view.note_saved"))


def _add_annotation(ctx: PageContext, index: int, target_key: str, text_key: str) -> None:
    target, text = st.session_state.get(target_key), st.session_state.get(text_key, "")
    if deck_session.change(
        lambda a: agenda.add_annotation(a, index, target, text), ctx.t("deck.view.added")
    ):
        st.session_state[text_key] = ""


def _delete_annotation(index: int, which: int) -> None:
    deck_session.change(lambda a: agenda.delete_annotation(a, index, which))


def view_editor(ctx: PageContext, views: tuple[agenda.SavedView, ...]) -> None:
    """The note and annotations of the view on screen, for whoever holds the edit link."""
    bar = st.sidebar
    bar.caption(ctx.t("deck.view.heading"))
    here = _here(ctx, views)
    if here is None:
        bar.caption(ctx.t("deck.view.not_saved"))
        return
    saved = views[here]
    note_key = f"deck_note-{here}"
    st.session_state[note_key] = saved.note
    with bar.form(f"deck_note_form-{here}", enter_to_submit=False, border=False):
        st.text_area(
            ctx.t("deck.view.note"),
            key=note_key,
            max_chars=agenda.NOTE_MAX,
            help=ctx.t("deck.view.note_help", limit=agenda.NOTE_MAX),
        )
        st.form_submit_button(
            ctx.t("deck.view.note_save"),
            key=f"deck_note_save-{here}",
            on_click=partial(_save_note, ctx, here, note_key),
        )
    for which, line in enumerate(annotation_lines(ctx, saved)):
        with bar.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(line)
            marker = annotations.marker(which + 1)
            st.button(
                "",
                icon=":material/delete:",
                key=f"deck_annotation_delete-{here}-{which}",
                help=ctx.t("deck.view.delete", marker=marker),
                on_click=_delete_annotation,
                args=(here, which),
                type="tertiary",
            )
    targets = annotations.targets(ctx.dataset, saved.page, ctx.lang)
    if not targets:
        bar.caption(ctx.t("deck.view.no_targets"))
        return
    if len(saved.annotations) >= agenda.MAX_ANNOTATIONS:
        return
    target_key, text_key = f"deck_target-{here}", f"deck_annotation-{here}"
    with bar.form(f"deck_annotation_form-{here}", enter_to_submit=False, border=False):
        st.selectbox(
            ctx.t("deck.view.target"),
            options=list(targets),
            format_func=targets.__getitem__,
            key=target_key,
        )
        st.text_input(
            ctx.t("deck.view.text"),
            key=text_key,
            max_chars=agenda.ANNOTATION_MAX,
            help=ctx.t(
                "deck.view.text_help", limit=agenda.ANNOTATION_MAX, count=agenda.MAX_ANNOTATIONS
            ),
        )
        st.form_submit_button(
            ctx.t("deck.view.add"),
            key=f"deck_annotation_add-{here}",
            on_click=partial(_add_annotation, ctx, here, target_key, text_key),
        )
