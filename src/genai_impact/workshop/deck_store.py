"""Decks kept in a database: create, open and change an agenda under an unguessable id
(pure SQLAlchemy Core on an `Engine`: no streamlit).

A deck is one row: its id (`secrets.token_urlsafe`, 128 bits), the SHA-256 of its edit
key (256 bits, shown once, in the edit link), its name, its body (the agenda file,
`agenda_file.to_yaml`, read back through the checked reader), a revision counter and
two timestamps. Anyone holding the id may read the deck; a change needs the edit key
(compared in constant time). A malformed id or key is refused before any query.

Changes are read-modify-write with optimistic concurrency: read the body and its
revision, apply a pure `agenda` edit, then `UPDATE ... WHERE revision = <read>` in one
transaction; when another writer got there first, read again and retry. So concurrent
writers lose nothing, and a writer killed mid-change leaves the row as it was before
or after (one statement in one transaction). SQLite (the embedded default) runs in WAL
mode with a busy timeout, write transactions start `BEGIN IMMEDIATE`; PostgreSQL takes
an advisory lock while migrating. The schema carries its version (`deck_schema`) and
`migrate` applies the missing steps of `MIGRATIONS` in order, in one transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
import yaml

from genai_impact import navigation, state
from genai_impact.report.validation import Problem
from genai_impact.workshop import agenda_file
from genai_impact.workshop.agenda import Agenda, AgendaError

ID_BYTES, KEY_BYTES = 16, 32  # random bytes of a deck id and of an edit key
ATTEMPTS = 200  # reads and writes of one change before giving up (other writers won)
BUSY_TIMEOUT_MS = 30_000  # SQLite: how long a writer waits for another's lock
_PG_LOCK = 0x6765_6E61_6964_6B  # PostgreSQL advisory lock held while migrating
_WRITE = "deck_store_write"  # execution option: this transaction will write

# body text -> the agenda and what the checks refused in it
Reader = Callable[[str], tuple[Agenda, list[Problem]]]

_metadata = sa.MetaData()
decks = sa.Table(
    "decks",
    _metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("edit_key_sha256", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
)
deck_schema = sa.Table("deck_schema", _metadata, sa.Column("version", sa.Integer))


class DeckError(AgendaError):
    """A refused deck operation; `key` names its catalogue message (`message(lang)`)."""


class DeckNotFound(DeckError):
    def __init__(self) -> None:
        super().__init__("deck.error.not_found")


class EditRefused(DeckError):
    def __init__(self) -> None:
        super().__init__("deck.error.read_only")


@dataclass(frozen=True)
class Deck:
    """A deck as read: its id, agenda and revision, and what the checks left out of it."""

    id: str
    agenda: Agenda
    revision: int
    problems: tuple[Problem, ...] = ()


def lenient_reader(body: str) -> tuple[Agenda, list[Problem]]:
    """Reads a body checking its shape and pages, not the parameters' values (which need
    the data set): for tools and tests. The app passes the full check."""
    pages = [p.id for p in navigation.PAGES]
    return agenda_file.from_yaml(body, pages, lambda page, params: [])


# --- the schema ------------------------------------------------------------------------------


def _v1_decks(conn: sa.Connection) -> None:
    conn.execute(
        sa.text(
            "CREATE TABLE decks (id VARCHAR(32) PRIMARY KEY,"
            " edit_key_sha256 VARCHAR(64) NOT NULL, body TEXT NOT NULL,"
            " revision INTEGER NOT NULL, created_at VARCHAR(32) NOT NULL,"
            " updated_at VARCHAR(32) NOT NULL)"
        )
    )


def _v2_names(conn: sa.Connection) -> None:
    """The deck's name in its own column (read without parsing the body), from the body."""
    conn.execute(sa.text("ALTER TABLE decks ADD COLUMN name VARCHAR(200) NOT NULL DEFAULT ''"))
    for deck_id, body in conn.execute(sa.text("SELECT id, body FROM decks")).all():
        doc = yaml.safe_load(body)
        name = doc.get("name") if isinstance(doc, dict) else None
        if isinstance(name, str) and name:
            conn.execute(
                sa.text("UPDATE decks SET name = :name WHERE id = :id"),
                {"name": name[:200], "id": deck_id},
            )


# Step n brings the schema from version n - 1 to n. Never edit a released step: add one.
MIGRATIONS: tuple[Callable[[sa.Connection], None], ...] = (_v1_decks, _v2_names)
SCHEMA_VERSION = len(MIGRATIONS)


def _sqlite_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API objects)
    # SQLAlchemy starts transactions itself (`_sqlite_begin`), not the sqlite3 module.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    # A writer takes the write lock first: two transactions that read and then both
    # want to write would otherwise fail at once instead of waiting (busy timeout).
    write = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def prepare(engine: sa.Engine) -> sa.Engine:
    """Make `engine` fit for concurrent decks (SQLite: WAL, busy timeout, immediate writes)
    and bring its schema up to date. Safe to call again, and from several processes."""
    if engine.dialect.name == "sqlite" and not sa.event.contains(
        engine, "connect", _sqlite_connect
    ):
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        engine.dispose()  # connections opened before the listeners are not reused
    migrate(engine)
    return engine


@contextmanager
def _writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    with engine.connect() as conn:
        conn = conn.execution_options(**{_WRITE: True})
        with conn.begin():
            yield conn


def schema_version(engine: sa.Engine) -> int:
    """The version of the schema in the database (0: no decks table yet)."""
    if not sa.inspect(engine).has_table("deck_schema"):
        return 0
    with engine.connect() as conn:
        return conn.execute(sa.select(deck_schema.c.version)).scalar_one_or_none() or 0


def migrate(engine: sa.Engine) -> int:
    """Apply the missing steps of MIGRATIONS in one transaction; the version reached."""
    with _writing(engine) as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        conn.execute(sa.text("CREATE TABLE IF NOT EXISTS deck_schema (version INTEGER)"))
        found = conn.execute(sa.select(deck_schema.c.version)).scalar_one_or_none()
        version = found or 0
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"deck store: the database's schema is version {version}, newer than this"
                f" code's {SCHEMA_VERSION}: update the app"
            )
        for number, step in enumerate(MIGRATIONS, start=1):
            if number > version:
                step(conn)
        if found is None:
            conn.execute(sa.insert(deck_schema).values(version=SCHEMA_VERSION))
        else:
            conn.execute(sa.update(deck_schema).values(version=SCHEMA_VERSION))
    return SCHEMA_VERSION


# --- decks -----------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _digest(edit_key: str) -> str:
    return hashlib.sha256(edit_key.encode("ascii")).hexdigest()


def _body(new: Agenda) -> str:
    body = agenda_file.to_yaml(new)
    if len(body.encode("utf-8")) > agenda_file.MAX_FILE_BYTES:
        raise DeckError("deck.error.too_big", limit=agenda_file.MAX_FILE_BYTES // 1024)
    return body


def well_formed_id(deck_id: object) -> bool:
    return isinstance(deck_id, str) and state.DECK_ID_SHAPE.fullmatch(deck_id) is not None


def create(engine: sa.Engine, content: Agenda | None = None) -> tuple[str, str]:
    """Store `content` (default: an empty deck) as a new deck; its (id, edit key)."""
    body, name = _body(content or Agenda()), (content or Agenda()).name
    deck_id, edit_key = secrets.token_urlsafe(ID_BYTES), secrets.token_urlsafe(KEY_BYTES)
    now = _now()
    with _writing(engine) as conn:
        conn.execute(
            sa.insert(decks).values(
                id=deck_id,
                edit_key_sha256=_digest(edit_key),
                body=body,
                revision=1,
                created_at=now,
                updated_at=now,
                name=name,
            )
        )
    return deck_id, edit_key


def _row(engine: sa.Engine, deck_id: str) -> sa.Row:
    if not well_formed_id(deck_id):
        raise DeckNotFound()
    query = sa.select(decks.c.body, decks.c.revision, decks.c.edit_key_sha256)
    with engine.connect() as conn:
        row = conn.execute(query.where(decks.c.id == deck_id)).first()
    if row is None:
        raise DeckNotFound()
    return row


def _key_fits(row: sa.Row, edit_key: str | None) -> bool:
    if not isinstance(edit_key, str) or not state.EDIT_KEY_SHAPE.fullmatch(edit_key):
        return False
    return hmac.compare_digest(_digest(edit_key), row.edit_key_sha256)


def load(engine: sa.Engine, deck_id: str, read: Reader = lenient_reader) -> Deck:
    """The deck `deck_id`; DeckNotFound for an unknown or malformed id."""
    row = _row(engine, deck_id)
    found, problems = read(row.body)
    return Deck(deck_id, found, row.revision, tuple(problems))


def can_edit(engine: sa.Engine, deck_id: str, edit_key: str | None) -> bool:
    """Whether `edit_key` is the edit key of deck `deck_id` (DeckNotFound when none)."""
    return _key_fits(_row(engine, deck_id), edit_key)


def change(
    engine: sa.Engine,
    deck_id: str,
    edit_key: str | None,
    edit: Callable[[Agenda], Agenda],
    read: Reader = lenient_reader,
) -> Deck:
    """Apply `edit` (a pure agenda edit, which may raise AgendaError) to the deck as
    stored now, and store the result; retried when another writer changed it meanwhile.
    EditRefused without the right edit key."""
    for attempt in range(ATTEMPTS):
        row = _row(engine, deck_id)
        if not _key_fits(row, edit_key):
            raise EditRefused()
        current, _ = read(row.body)
        new = edit(current)
        body = _body(new)
        with _writing(engine) as conn:
            done = conn.execute(
                sa.update(decks)
                .where(decks.c.id == deck_id, decks.c.revision == row.revision)
                .values(body=body, revision=row.revision + 1, updated_at=_now(), name=new.name)
            )
        if done.rowcount == 1:
            return Deck(deck_id, new, row.revision + 1)
        time.sleep(random.uniform(0, 0.002 * min(attempt + 1, 20)))  # let the winner finish
    raise DeckError("deck.error.busy")
