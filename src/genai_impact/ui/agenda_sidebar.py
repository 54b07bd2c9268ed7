"""The workshop agenda in the sidebar: save the view on screen; open, reorder and delete
saved views; download or load the agenda file; download every view as slides (ZIP)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from genai_impact import navigation
from genai_impact.exports.slide_pack import zip_of_pngs
from genai_impact.report.query import url_choices
from genai_impact.text import display
from genai_impact.ui.context import PageContext
from genai_impact.ui.data import official_stats
from genai_impact.ui.link import base_url
from genai_impact.workshop import agenda, agenda_file, links
from genai_impact.workshop.slides import agenda_slides

AGENDA_KEY = "workshop_agenda"  # session: the saved views (agenda.Agenda)
_AGENDA_PROBLEMS = "workshop_agenda_problems"  # session: problems of the last upload
_AGENDA_NOTICE = "workshop_agenda_notice"  # session: one line to show after an edit
_UPLOAD_KEY = "workshop_agenda_upload"


def _ws_key(name: str) -> str:
    return f"workshop_{name}"


def current_agenda() -> agenda.Agenda:
    found = st.session_state.get(AGENDA_KEY)
    return found if isinstance(found, agenda.Agenda) else agenda.Agenda()


def _set_agenda(new: agenda.Agenda) -> None:
    st.session_state[AGENDA_KEY] = new


def _notice(message: str) -> None:
    st.session_state[_AGENDA_NOTICE] = message


def _save_view(ctx: PageContext) -> None:
    name = st.session_state.get(_ws_key("name"), "")
    try:
        view = links.capture(ctx.page.id, ctx.view, name)
        _set_agenda(agenda.add_view(current_agenda(), view))
    except agenda.AgendaError as err:
        _notice(err.message(ctx.lang))
        return
    st.session_state[_ws_key("name")] = ""
    _notice(ctx.t("workshop.agenda.saved", name=display.md_literal(view.name)))


def _edit(operation: Callable[[agenda.Agenda, int], agenda.Agenda], index: int) -> None:
    _set_agenda(operation(current_agenda(), index))


def _choices(ctx: PageContext) -> dict[str, list[str]]:
    stats, _ = official_stats()
    return url_choices(ctx.dataset, stats.years if stats else ())


def _load_agenda(ctx: PageContext) -> None:
    upload = st.session_state.get(_UPLOAD_KEY)
    if upload is None:
        return
    loaded, problems = agenda_file.from_yaml(
        upload.getvalue(),
        [p.id for p in navigation.PAGES],
        agenda_file.url_param_check(_choices(ctx)),
        lang=ctx.lang,
        file=upload.name,
    )
    if loaded.views or not problems:
        _set_agenda(loaded)
    st.session_state[_AGENDA_PROBLEMS] = [str(p) for p in problems]
    _notice(
        ctx.t(
            "workshop.agenda.loaded", count=len(loaded.views), file=display.md_literal(upload.name)
        )
    )


def _pack(ctx: PageContext, views: tuple[agenda.SavedView, ...], theme: str) -> bytes:
    stats, _ = official_stats()
    slides = agenda_slides(ctx.dataset, stats, views, base_url(), _choices(ctx), theme)
    return zip_of_pngs(slides, ctx.lang)


def agenda_panel(ctx: PageContext) -> None:
    """The workshop agenda in the sidebar: save this view; open, reorder, delete saved
    views; download / load the agenda file; download every view as slides (ZIP)."""
    bar = st.sidebar
    current = current_agenda()
    views = current.views
    bar.subheader(ctx.t("workshop.agenda.heading"), anchor=False)
    bar.text_input(
        ctx.t("workshop.agenda.name"),
        key=_ws_key("name"),
        max_chars=agenda.NAME_MAX,
        placeholder=ctx.t("workshop.agenda.name_placeholder"),
    )
    bar.button(
        ctx.t("workshop.agenda.save"),
        icon=":material/bookmark_add:",
        key=_ws_key("save"),
        on_click=_save_view,
        args=(ctx,),
    )
    if notice := st.session_state.pop(_AGENDA_NOTICE, None):
        bar.info(notice, icon=":material/info:")
    for problem in st.session_state.get(_AGENDA_PROBLEMS, []):
        bar.warning(display.md_literal(problem), icon=":material/warning:")
    if not views:
        bar.caption(ctx.t("workshop.agenda.empty"))
    carried = links.display_params(ctx.view)
    for i, saved in enumerate(views):
        with bar.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.page_link(
                navigation.page(saved.page).path,
                label=f"{i + 1}. {display.md_literal(saved.name)}",
                query_params={**agenda.canonical_params(saved.params), **carried},
                help=ctx.t(f"{saved.page}.nav"),
            )
            for op, icon, disabled in (
                ("up", ":material/arrow_upward:", i == 0),
                ("down", ":material/arrow_downward:", i == len(views) - 1),
                ("delete", ":material/delete:", False),
            ):
                operation = {"up": agenda.move_up, "down": agenda.move_down}.get(
                    op, agenda.delete_view
                )
                st.button(
                    "",
                    icon=icon,
                    key=_ws_key(f"{op}-{i}"),
                    help=ctx.t(f"workshop.agenda.{op}", name=display.md_literal(saved.name)),
                    on_click=_edit,
                    args=(operation, i),
                    disabled=disabled,
                    type="tertiary",
                )
    if views:
        theme = ctx.theme
        bar.download_button(
            ctx.t("workshop.agenda.zip"),
            data=lambda: _pack(ctx, views, theme),
            file_name="agenda-slides.zip",
            mime="application/zip",
            key=_ws_key("zip"),
            icon=":material/folder_zip:",
            help=ctx.t("workshop.agenda.zip_help"),
            on_click="ignore",
        )
        bar.download_button(
            ctx.t("workshop.agenda.download"),
            data=agenda_file.to_yaml(current).encode("utf-8"),
            file_name=agenda_file.DEFAULT_FILE,
            mime="application/x-yaml",
            key=_ws_key("yaml"),
            icon=":material/download:",
            on_click="ignore",
        )
    bar.file_uploader(
        ctx.t("workshop.agenda.upload"),
        type=["yaml", "yml"],
        key=_UPLOAD_KEY,
        help=ctx.t("workshop.agenda.upload_help", limit=agenda_file.MAX_FILE_BYTES // 1024),
        on_change=_load_agenda,
        args=(ctx,),
        max_upload_size=1,
    )
