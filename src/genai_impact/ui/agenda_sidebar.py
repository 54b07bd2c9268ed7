"""The workshop agenda in the sidebar: the deck open (`ui.deck_session`), its links, its
name; save the view on screen; open, reorder and delete saved views; the note and
annotations of the view on screen (`ui.deck_notes`); download the agenda file or every
view as slides (PPTX, PDF, HTML); import an agenda file. Read-only links see no edit control."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from genai_impact import navigation
from genai_impact.report.query import url_choices
from genai_impact.text import display
from genai_impact.ui import deck_notes, deck_session, url
from genai_impact.ui.context import PageContext
from genai_impact.ui.data import official_stats
from genai_impact.ui.deck_downloads import deck_downloads
from genai_impact.ui.link import base_url
from genai_impact.workshop import agenda, agenda_file, links

_PROBLEMS = "workshop_agenda_problems"  # session: problems of the last import
_IMPORT_KEY = "workshop_agenda_import"  # the text area of an agenda file's contents
SHARE_KEY = "deck_share"  # the "Share this deck" popover
IMPORT_OPEN_KEY = "workshop_import_open"  # the import popover (True in session state: open)
current_agenda = deck_session.current_agenda  # the deck now open (ui.top_bar steps through it)


def _ws_key(name: str) -> str:
    return f"workshop_{name}"


def _save_view(ctx: PageContext, first: bool) -> None:
    name = st.session_state.get(_ws_key("name"), "")
    # the view on screen now: a live section (the map's controls) may have changed it
    view = links.capture(ctx.page.id, url.view_now(ctx.page.id, ctx.view), name)
    shown = display.md_literal(agenda.clean_name(name))
    done = ctx.t("deck.panel.created" if first else "workshop.agenda.saved", name=shown)
    if deck_session.change(lambda a: agenda.add_view(a, view), done):
        st.session_state[_ws_key("name")] = ""


def _edit(operation: Callable[[agenda.Agenda, int], agenda.Agenda], index: int) -> None:
    deck_session.change(lambda a: operation(a, index))


def _rename(ctx: PageContext) -> None:
    name = st.session_state.get("deck_name", "")
    deck_session.change(lambda a: agenda.rename_deck(a, name), ctx.t("deck.panel.renamed"))


def _choices(ctx: PageContext) -> dict[str, list[str]]:
    stats, _ = official_stats()
    return url_choices(ctx.dataset, stats.years if stats else ())


def _import(ctx: PageContext) -> None:
    text = st.session_state.get(_IMPORT_KEY, "")
    source = ctx.t("deck.import.source")
    loaded, problems = agenda_file.from_yaml(
        text.encode("utf-8"),
        [p.id for p in navigation.PAGES],
        agenda_file.url_param_check(_choices(ctx)),
        lang=ctx.lang,
        file=source,
    )
    st.session_state[_PROBLEMS] = [str(p) for p in problems]
    if loaded.views or not problems:
        done = ctx.t("workshop.agenda.loaded", count=len(loaded.views), file=source)
        if deck_session.change(lambda _: loaded, done):
            st.session_state[_IMPORT_KEY] = ""


def deck_links(ctx: PageContext, opened: deck_session.OpenDeck) -> tuple[str, str | None]:
    """The deck's read link and, with the edit key, its edit link (home page, language)."""
    params = {"lang": ctx.lang, "deck": opened.deck_id or ""}
    read = agenda.view_url(base_url(), agenda.SavedView("", "home", params))
    if opened.edit_key is None:
        return read, None
    edit = agenda.view_url(
        base_url(), agenda.SavedView("", "home", {**params, "edit": opened.edit_key})
    )
    return read, edit


def _share(ctx: PageContext, opened: deck_session.OpenDeck) -> None:
    box = st.sidebar.popover(
        ctx.t("deck.panel.share"),
        icon=":material/share:",
        help=ctx.t("deck.panel.share_help"),
        key=SHARE_KEY,
        on_change="rerun",
    )
    if box.open:
        read, edit = deck_links(ctx, opened)
        with box:
            st.caption(ctx.t("deck.panel.read_link"))
            st.code(read, language=None, wrap_lines=True)
            if edit is not None:
                st.caption(ctx.t("deck.panel.edit_link"))
                st.code(edit, language=None, wrap_lines=True)


def _deck_controls(ctx: PageContext, opened: deck_session.OpenDeck) -> None:
    """Links, name, copy and close of the open deck."""
    bar = st.sidebar
    _share(ctx, opened)
    if not opened.editable:
        bar.caption(ctx.t("deck.panel.read_only"))
        bar.button(
            ctx.t("deck.panel.copy"),
            icon=":material/content_copy:",
            key="deck_copy",
            help=ctx.t("deck.panel.copy_help"),
            on_click=deck_session.copy_deck,
        )
        return
    st.session_state["deck_name"] = opened.agenda.name
    with bar.form("deck_name_form", enter_to_submit=False, border=False):
        st.text_input(
            ctx.t("deck.panel.name"),
            key="deck_name",
            max_chars=agenda.NAME_MAX,
            placeholder=ctx.t("deck.panel.name_placeholder"),
        )
        st.form_submit_button(
            ctx.t("deck.panel.rename"), key="deck_rename", on_click=partial(_rename, ctx)
        )


def _save_form(ctx: PageContext, first: bool) -> None:
    with st.sidebar.form("workshop_save_form", enter_to_submit=False, border=False):
        st.text_input(
            ctx.t("workshop.agenda.name"),
            key=_ws_key("name"),
            max_chars=agenda.NAME_MAX,
            placeholder=ctx.t("workshop.agenda.name_placeholder"),
        )
        st.form_submit_button(
            ctx.t("workshop.agenda.save"),
            icon=":material/bookmark_add:",
            key=_ws_key("save"),
            on_click=partial(_save_view, ctx, first),
        )


def _view_list(ctx: PageContext, views: tuple[agenda.SavedView, ...], editable: bool) -> None:
    carried = links.display_params(ctx.view)
    for i, saved in enumerate(views):
        with st.sidebar.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.page_link(
                navigation.page(saved.page).path,
                label=f"{i + 1}. {display.md_literal(saved.name)}",
                query_params={**agenda.canonical_params(saved.params), **carried},
                help=ctx.t(f"{saved.page}.nav"),
            )
            if not editable:
                continue
            for op, icon, operation, disabled in (
                ("up", ":material/arrow_upward:", agenda.move_up, i == 0),
                ("down", ":material/arrow_downward:", agenda.move_down, i == len(views) - 1),
                ("delete", ":material/delete:", agenda.delete_view, False),
            ):
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


def _downloads(ctx: PageContext, current: agenda.Agenda) -> None:
    bar = st.sidebar
    with bar:
        deck_downloads(ctx, current, key=_ws_key("deck"))
    bar.download_button(
        ctx.t("workshop.agenda.download"),
        data=agenda_file.to_yaml(current).encode("utf-8"),
        file_name=agenda_file.DEFAULT_FILE,
        mime="application/x-yaml",
        key=_ws_key("yaml"),
        icon=":material/download:",
        on_click="ignore",
    )


def _import_form(ctx: PageContext) -> None:
    """An agenda file pasted as text: every word on screen is ours, in the page's language,
    and the limit stated is the one `agenda_file` checks (a file uploader would show
    Streamlit's own English text and its 1 MB upload limit). Built when opened."""
    box = st.sidebar.popover(
        ctx.t("deck.import.heading"),
        icon=":material/upload_file:",
        key=IMPORT_OPEN_KEY,
        on_change="rerun",
    )
    if not box.open:
        return
    limit = agenda_file.MAX_FILE_BYTES // 1024
    with box, st.form("workshop_import_form", enter_to_submit=False, border=False):
        st.text_area(ctx.t("deck.import.text"), key=_IMPORT_KEY, help=ctx.t("deck.import.help"))
        st.caption(ctx.t("deck.import.caption", limit=limit))
        st.form_submit_button(
            ctx.t("deck.import.load"), key="workshop_import_load", on_click=partial(_import, ctx)
        )


def agenda_panel(ctx: PageContext) -> None:
    """The workshop agenda in the sidebar (see the module's docstring)."""
    bar = st.sidebar
    opened = deck_session.open_deck()
    views = opened.agenda.views
    bar.subheader(ctx.t("workshop.agenda.heading"), anchor=False)
    if notice := st.session_state.pop(deck_session.NOTICE, None):
        bar.info(notice, icon=":material/info:")
    if opened.notice:
        bar.warning(ctx.t(opened.notice), icon=":material/link_off:")
    for problem in [*st.session_state.get(_PROBLEMS, []), *map(str, opened.problems)]:
        bar.warning(display.md_literal(problem), icon=":material/warning:")
    if opened.deck_id is not None:
        _deck_controls(ctx, opened)
    if opened.editable:
        _save_form(ctx, first=opened.deck_id is None)
    if not views:
        bar.caption(ctx.t("workshop.agenda.empty"))
    _view_list(ctx, views, opened.editable)
    if opened.editable and opened.deck_id is not None:
        deck_notes.view_editor(ctx, views)
    if views:
        _downloads(ctx, opened.agenda)
    if opened.editable:
        _import_form(ctx)
    if opened.deck_id is not None:
        bar.button(
            ctx.t("deck.panel.close"),
            icon=":material/close:",
            key="deck_close",
            help=ctx.t("deck.panel.close_help"),
            on_click=deck_session.close_deck,
            type="tertiary",
        )
