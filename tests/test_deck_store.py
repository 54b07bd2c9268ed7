"""The deck store against SQLite and a real PostgreSQL (a throwaway cluster, tests/pg_cluster.py):
round trips, ids and edit keys, refusals, the schema's migrations, 20 concurrent writers,
and a writer killed with SIGKILL in the middle of its writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from deck_writer import state
from pg_cluster import Cluster, running_cluster

from genai_impact.workshop import agenda, deck_store
from genai_impact.workshop.agenda import Agenda, Annotation, SavedView

TESTS = Path(__file__).resolve().parent
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with running_cluster() as pg:
        yield pg


@pytest.fixture(scope="module")
def pg_url(cluster: Cluster) -> str:
    return cluster.new_database()


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path: Path) -> str:
    """A database URL per backend: SQLite a new file, PostgreSQL the module's database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'decks.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def engine(url: str) -> Iterator[sa.Engine]:
    eng = deck_store.prepare(sa.create_engine(url))
    yield eng
    eng.dispose()


def view(name: str, page: str = "map", **more) -> SavedView:
    return SavedView(name, page, {"lang": "ja"}, **more)


FULL = Agenda(
    views=(
        view("類型A", note="最初に\n二行目", annotations=(Annotation("industry:retail", "ここ"),)),
        view("Sources", "sources"),
    ),
    name="第1回 ワークショップ",
)


def test_a_deck_reads_back_as_stored_with_notes_annotations_and_name(engine):
    deck_id, edit_key = deck_store.create(engine, FULL)
    deck = deck_store.load(engine, deck_id)
    assert (deck.agenda, deck.revision, deck.problems) == (FULL, 1, ())
    changed = deck_store.change(engine, deck_id, edit_key, lambda a: agenda.rename_deck(a, "次"))
    assert changed.revision == 2 and deck_store.load(engine, deck_id).agenda.name == "次"


def test_ids_and_keys_are_long_random_and_the_key_is_stored_hashed(engine):
    made = [deck_store.create(engine) for _ in range(5)]
    assert len({deck_id for deck_id, _ in made}) == 5
    for deck_id, edit_key in made:
        assert len(deck_id) == 22 and len(edit_key) == 43  # 128 and 256 random bits
    with engine.connect() as conn:
        stored = " ".join(str(v) for row in conn.execute(sa.select(deck_store.decks)) for v in row)
    assert not any(edit_key in stored for _, edit_key in made)


MALFORMED = [
    "",
    "short",
    "A" * 21,
    "A" * 23,
    "A" * 21 + "!",
    "A" * 21 + "é",
    "' OR 1=1 --" + "A" * 11,
    "../../etc/passwd" + "A" * 6,
]


@pytest.mark.parametrize("deck_id", MALFORMED)
def test_a_malformed_id_is_refused_before_any_query(engine, deck_id):
    queries: list[str] = []
    sa.event.listen(engine, "before_cursor_execute", lambda *a: queries.append(a[2]))
    with pytest.raises(deck_store.DeckNotFound):
        deck_store.load(engine, deck_id)
    with pytest.raises(deck_store.DeckNotFound):
        deck_store.change(engine, deck_id, "k" * 43, lambda a: a)
    assert queries == []


def test_an_unknown_id_is_not_found(engine):
    with pytest.raises(deck_store.DeckNotFound) as err:
        deck_store.load(engine, "A" * 22)
    assert err.value.key == "deck.error.not_found"


@pytest.mark.parametrize(
    "edit_key",
    [None, "", "x", "A" * 43, "A" * 42 + "!"],
    ids=["none", "empty", "short", "wrong", "malformed"],
)
def test_a_change_without_the_edit_key_is_refused_and_changes_nothing(engine, edit_key):
    deck_id, real_key = deck_store.create(engine, FULL)
    assert not deck_store.can_edit(engine, deck_id, edit_key)
    assert deck_store.can_edit(engine, deck_id, real_key)
    with pytest.raises(deck_store.EditRefused):
        deck_store.change(engine, deck_id, edit_key, lambda a: Agenda())
    assert deck_store.load(engine, deck_id).agenda == FULL


def test_a_refused_edit_leaves_the_deck_and_names_its_reason(engine):
    deck_id, edit_key = deck_store.create(engine, FULL)
    with pytest.raises(agenda.AgendaError) as err:
        deck_store.change(engine, deck_id, edit_key, lambda a: agenda.add_view(a, view("類型a")))
    assert err.value.key == "export.agenda.error.name_taken"
    assert deck_store.load(engine, deck_id).revision == 1


def test_a_deck_too_big_for_its_file_is_refused(engine):
    deck_id, edit_key = deck_store.create(engine)
    big = Agenda(views=tuple(view(f"v{i}", note="長" * 1000) for i in range(30)))
    with pytest.raises(deck_store.DeckError) as err:
        deck_store.change(engine, deck_id, edit_key, lambda a: big)
    assert (err.value.key, err.value.fmt) == ("deck.error.too_big", {"limit": 64})
    assert deck_store.load(engine, deck_id).agenda == Agenda()


# --- concurrency -----------------------------------------------------------------------------


def run_writers(url: str, work: list) -> None:
    """Each (deck id, edit key, view name) added by its own thread and its own engine (like
    replicas of the app), all released at once; any exception fails the test."""
    barrier, errors = threading.Barrier(len(work)), []
    engines = [sa.create_engine(url) for _ in work]

    def write(eng: sa.Engine, deck_id: str, edit_key: str, name: str) -> None:
        try:
            barrier.wait()
            deck_store.change(eng, deck_id, edit_key, lambda a: agenda.add_view(a, view(name)))
        except Exception as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    pairs = zip(engines, work, strict=True)
    threads = [threading.Thread(target=write, args=(e, *w)) for e, w in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for eng in engines:
        eng.dispose()
    assert errors == []


def test_twenty_concurrent_writers_to_one_deck_lose_nothing(engine, url):
    deck_id, edit_key = deck_store.create(engine)
    run_writers(url, [(deck_id, edit_key, f"w{n}") for n in range(20)])
    deck = deck_store.load(engine, deck_id)
    assert sorted(v.name for v in deck.agenda.views) == sorted(f"w{n}" for n in range(20))
    assert deck.revision == 21


def test_twenty_concurrent_writers_to_different_decks_lose_nothing(engine, url):
    decks = [deck_store.create(engine) for _ in range(10)]
    run_writers(url, [(*decks[n % 10], f"w{n}") for n in range(20)])
    for n, (deck_id, _) in enumerate(decks):
        names = sorted(v.name for v in deck_store.load(engine, deck_id).agenda.views)
        assert names == sorted([f"w{n}", f"w{n + 10}"])


def test_concurrent_first_starts_migrate_once(url):
    engines = [sa.create_engine(url) for _ in range(6)]
    threads = [threading.Thread(target=deck_store.prepare, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {deck_store.schema_version(e) for e in engines} == {deck_store.SCHEMA_VERSION}
    with engines[0].connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM deck_schema")).scalar() == 1
    for eng in engines:
        eng.dispose()


# --- a writer killed mid-write ---------------------------------------------------------------


def revisions(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.sum(deck_store.decks.c.revision))).scalar() or 0


def test_a_writer_killed_mid_write_leaves_every_deck_before_or_after(engine, url):
    decks = [deck_store.create(engine, state(0)) for _ in range(4)]
    env = {**os.environ, "PYTHONPATH": str(TESTS)}
    for pause in (0.0, 0.013, 0.05):  # after the writer's progress: land at different moments
        writer = subprocess.Popen(
            [sys.executable, str(TESTS / "deck_writer.py"), url, *(f"{i}:{k}" for i, k in decks)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert writer.stdout.readline().strip() == b"ready"
        before, deadline = revisions(engine), time.monotonic() + 60
        while revisions(engine) < before + 5 and time.monotonic() < deadline:
            time.sleep(0.005)  # until the writer is in full swing
        time.sleep(pause)
        writer.send_signal(signal.SIGKILL)  # no clean-up, no rollback from the writer's side
        writer.wait(timeout=30)
        assert revisions(engine) >= before + 5, "the writer made no progress before the kill"
        for deck_id, _ in decks:
            deck = deck_store.load(engine, deck_id)
            n = int(deck.agenda.name.removeprefix("rev "))
            assert deck.problems == () and deck.agenda == state(n), deck_id
            assert deck.revision == n + 1
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


# --- the schema ------------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def empty_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.sqlite'}"
    return request.getfixturevalue("cluster").new_database()


def test_a_version_1_database_is_migrated_and_keeps_its_decks(empty_url):
    old = sa.create_engine(empty_url)
    with old.begin() as conn:  # the schema and a deck as version 1 wrote them
        conn.execute(sa.text("CREATE TABLE deck_schema (version INTEGER)"))
        conn.execute(sa.text("INSERT INTO deck_schema VALUES (1)"))
        deck_store.MIGRATIONS[0](conn)
        conn.execute(
            sa.text("INSERT INTO decks VALUES (:id, :hash, :body, 3, 't0', 't1')"),
            {"id": "B" * 22, "hash": deck_store._digest("K" * 43), "body": _yaml(FULL)},
        )
    old.dispose()
    engine = deck_store.prepare(sa.create_engine(empty_url))
    assert deck_store.schema_version(engine) == deck_store.SCHEMA_VERSION == 2
    deck = deck_store.load(engine, "B" * 22)
    assert (deck.agenda, deck.revision) == (FULL, 3)
    with engine.connect() as conn:
        assert conn.execute(sa.select(deck_store.decks.c.name)).scalar() == FULL.name
    assert deck_store.can_edit(engine, "B" * 22, "K" * 43)
    deck_store.prepare(engine)  # again: nothing to do, nothing lost
    assert deck_store.load(engine, "B" * 22).agenda == FULL
    engine.dispose()


def test_a_newer_schema_is_refused_naming_both_versions(empty_url):
    engine = deck_store.prepare(sa.create_engine(empty_url))
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE deck_schema SET version = 99"))
    with pytest.raises(RuntimeError, match="version 99, newer than this code's 2"):
        deck_store.migrate(engine)
    engine.dispose()


def _yaml(content: Agenda) -> str:
    from genai_impact.workshop import agenda_file

    return agenda_file.to_yaml(content)
