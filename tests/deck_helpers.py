"""The deck a page's URL opens, read straight from the store the app writes to (the
`GENAI_IMPACT_DECK_DIR` of tests/conftest.py): what was saved, not what is on screen."""

from __future__ import annotations

import os
from functools import cache

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from genai_impact.ui.agenda_sidebar import IMPORT_OPEN_KEY
from genai_impact.ui.deck_connection import deck_dir, sqlite_url
from genai_impact.workshop import agenda_file, deck_store
from genai_impact.workshop.agenda import Agenda


@cache
def _engine(url: str) -> sa.Engine:
    return deck_store.prepare(sa.create_engine(url))


def store() -> sa.Engine:
    """The engine of the test process's deck store."""
    folder = deck_dir(os.environ)
    folder.mkdir(parents=True, exist_ok=True)
    return _engine(sqlite_url(folder))


def stored_agenda(at: AppTest) -> Agenda:
    """The stored agenda of the deck in `at`'s URL (empty when no deck is open)."""
    if "deck" not in at.query_params:
        return Agenda()
    return deck_store.load(store(), at.query_params["deck"]).agenda


def store_deck(deck_id: str, edit_key: str, content: Agenda | None = None) -> None:
    """A deck under a given id and edit key (the README's example links), unless stored."""
    engine = store()
    with engine.begin() as conn:
        if conn.execute(
            sa.select(deck_store.decks.c.id).where(deck_store.decks.c.id == deck_id)
        ).first():
            return
        conn.execute(
            sa.insert(deck_store.decks).values(
                id=deck_id,
                edit_key_sha256=deck_store._digest(edit_key),
                body=agenda_file.to_yaml(content or Agenda()),
                revision=1,
                created_at="",
                updated_at="",
                name=(content or Agenda()).name,
            )
        )


def open_import(at: AppTest) -> None:
    """Open the sidebar's import popover, whose form is built only when it is open."""
    at.session_state[IMPORT_OPEN_KEY] = True
    at.run()
