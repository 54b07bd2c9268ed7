"""The deck open in this session: the one the URL names (`?deck=<id>`), whether this link
may change it (`&edit=<key>`), and changes made through the deck store.

The URL is the only memory: reload, a restart or another browser with the same link
open the same deck. A change is a pure `agenda` edit handed to `deck_store.change`,
which checks the edit key again; the first change with no deck open creates one and
asks for its id and edit key in the URL (`ui.url.request`), so the next run opens it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
import streamlit as st

from genai_impact import navigation, state
from genai_impact.report.query import url_choices
from genai_impact.report.validation import Problem
from genai_impact.text import i18n
from genai_impact.ui import url
from genai_impact.ui.data import load, official_stats
from genai_impact.ui.deck_connection import deck_engine
from genai_impact.workshop import agenda_file, annotations, deck_store
from genai_impact.workshop.agenda import Agenda, AgendaError

NOTICE = "deck_notice"  # session: one line to show after a change (already in the language)
_MEMO = "deck_memo"  # session: the last deck body read, and what it read as
_UNREACHABLE = (sa.exc.SQLAlchemyError, OSError)


@dataclass(frozen=True)
class OpenDeck:
    """What the sidebar shows. `deck_id` is None when no deck is open (or the one the URL
    names does not exist); `editable` when the edit controls are shown (no deck yet: the
    first change creates one; or the URL's edit key fits); `notice` a catalogue key."""

    deck_id: str | None
    edit_key: str | None
    agenda: Agenda
    editable: bool
    notice: str | None = None
    problems: tuple[Problem, ...] = ()


def _url_value(name: str, shape: re.Pattern[str]) -> str | None:
    value = st.query_params.get(name)
    return value if isinstance(value, str) and shape.fullmatch(value) else None


def _lang() -> str:
    lang = st.query_params.get("lang")
    return lang if lang in i18n.LANGS else state.DEFAULT_LANG


def reader(lang: str) -> deck_store.Reader:
    """Reads a stored body with every check an uploaded file gets (pages, parameters on
    today's data, annotation targets); remembers the last body read in the session."""
    ds = load()
    stats, _ = official_stats()
    check = agenda_file.url_param_check(url_choices(ds, stats.years if stats else ()))
    pages = [p.id for p in navigation.PAGES]

    def read(body: str) -> tuple[Agenda, list[Problem]]:
        memo = st.session_state.get(_MEMO)
        if memo is not None and memo[0] == (lang, body):
            return memo[1]
        found = agenda_file.from_yaml(
            body,
            pages,
            check,
            lang=lang,
            file=i18n.t("deck.panel.stored", lang),
            annotation_targets=lambda page: annotations.targets(ds, page, lang),
        )
        st.session_state[_MEMO] = ((lang, body), found)
        return found

    return read


def open_deck() -> OpenDeck:
    """The deck the URL names, read from the store now."""
    deck_id = _url_value("deck", state.DECK_ID_SHAPE)
    edit_key = _url_value("edit", state.EDIT_KEY_SHAPE)
    if deck_id is None:
        return OpenDeck(None, None, Agenda(), editable=True)
    try:
        engine = deck_engine()
        deck = deck_store.load(engine, deck_id, reader(_lang()))
        editable = edit_key is not None and deck_store.can_edit(engine, deck_id, edit_key)
    except deck_store.DeckNotFound:
        return OpenDeck(None, None, Agenda(), editable=True, notice="deck.notice.not_found")
    except _UNREACHABLE:
        return OpenDeck(None, None, Agenda(), editable=False, notice="deck.notice.unavailable")
    wrong_key = "deck.notice.wrong_key" if edit_key is not None and not editable else None
    return OpenDeck(
        deck_id, edit_key if editable else None, deck.agenda, editable, wrong_key, deck.problems
    )


def current_agenda() -> Agenda:
    """The agenda of the deck now open (empty when none is)."""
    return open_deck().agenda


def tell(message: str) -> None:
    """Show `message` (in the page's language) once, at the top of the panel."""
    st.session_state[NOTICE] = message


def _open_in_url(deck_id: str | None, edit_key: str | None) -> None:
    url.request("deck", deck_id)
    url.request("edit", edit_key)


def change(edit: Callable[[Agenda], Agenda], done: str | None = None) -> bool:
    """Apply `edit` to the open deck (a new deck when none is open); on success show
    `done`, else the reason. For callbacks: the next run shows the result."""
    lang, opened = _lang(), open_deck()
    try:
        engine = deck_engine()
        if opened.deck_id is None:
            _open_in_url(*deck_store.create(engine, edit(Agenda())))
        else:
            deck_store.change(engine, opened.deck_id, opened.edit_key, edit, reader(lang))
    except AgendaError as err:
        tell(err.message(lang))
        return False
    except _UNREACHABLE:
        tell(i18n.t("deck.notice.unavailable", lang))
        return False
    if done:
        tell(done)
    return True


def copy_deck() -> None:
    """A new deck holding the open deck's agenda, opened for editing."""
    try:
        _open_in_url(*deck_store.create(deck_engine(), open_deck().agenda))
    except _UNREACHABLE:
        tell(i18n.t("deck.notice.unavailable", _lang()))
        return
    tell(i18n.t("deck.panel.copied", _lang()))


def close_deck() -> None:
    _open_in_url(None, None)
