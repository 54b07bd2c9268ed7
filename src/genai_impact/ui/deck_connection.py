"""Where decks are stored: Streamlit's SQL connection `decks`, prepared once per process.

With a `[connections.decks]` section in `.streamlit/secrets.toml` (e.g. `url =
"postgresql+psycopg://user:password@host/db"`), that database, shared by every replica.
Otherwise a SQLite file, `decks.sqlite`, in the deck folder: `$GENAI_IMPACT_DECK_DIR`,
else `$XDG_DATA_HOME/genai-impact`, else `~/.local/share/genai-impact` (made when missing).
Either way `workshop.deck_store.prepare` sets the engine up and migrates the schema once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import sqlalchemy as sa
import streamlit as st

from genai_impact.workshop import deck_store

CONNECTION = "decks"  # the name of the section [connections.decks] in secrets.toml
DECK_DIR_ENV = "GENAI_IMPACT_DECK_DIR"
DB_FILE = "decks.sqlite"


def deck_dir(environ: Mapping[str, str]) -> Path:
    """The folder of the embedded SQLite store: outside the code, so it survives restarts
    and new versions of the app."""
    if environ.get(DECK_DIR_ENV):
        return Path(environ[DECK_DIR_ENV]).expanduser()
    data_home = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "genai-impact"


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder.resolve() / DB_FILE}"


def configured() -> bool:
    """Whether secrets.toml names the deck database (`[connections.decks]`)."""
    if not st.secrets.load_if_toml_exists():
        return False
    connections = st.secrets.get("connections", {})
    return CONNECTION in connections


@st.cache_resource(show_spinner=False)
def _prepared(url: str | None, section: str = "") -> sa.Engine:
    """`section`: the secrets' text, so that changed secrets make a new engine."""
    if url is None:
        conn = st.connection(CONNECTION, type="sql", ttl=None)
    else:
        conn = st.connection(CONNECTION, type="sql", url=url, ttl=None)
    return deck_store.prepare(conn.engine)


def deck_engine() -> sa.Engine:
    """The engine of the deck store, ready (schema migrated); raises when unreachable."""
    if configured():
        return _prepared(None, repr(st.secrets["connections"][CONNECTION].to_dict()))
    folder = deck_dir(os.environ)
    folder.mkdir(parents=True, exist_ok=True)
    return _prepared(sqlite_url(folder))
