"""A process that changes decks until it is killed (tests/test_deck_store.py kills it with
SIGKILL in the middle of its writes): `python deck_writer.py URL DECK_ID:EDIT_KEY ...`.

The n-th state of a deck is `state(n)`: named "rev <n>", with n % 30 views whose notes
carry n. A write moves a deck from state(n) to state(n + 1), so a deck left whole is
exactly `state(n)` for the n in its name, at revision n + 1. Long notes make every write
long enough for a kill to land inside one.
"""

from __future__ import annotations

import sys

import sqlalchemy as sa

from genai_impact.workshop import agenda, deck_store

NOTE = "x" * 900


def state(n: int) -> agenda.Agenda:
    views = tuple(
        agenda.SavedView(f"v{i}", "map", {"lang": "ja"}, note=f"{NOTE} {n}") for i in range(n % 30)
    )
    return agenda.Agenda(views=views, name=f"rev {n}")


def number(deck: agenda.Agenda) -> int:
    return int(deck.name.removeprefix("rev "))


def main(url: str, decks: list[str]) -> None:
    engine = deck_store.prepare(sa.create_engine(url))
    pairs = [d.split(":", 1) for d in decks]
    print("ready", flush=True)
    while True:
        for deck_id, edit_key in pairs:
            deck_store.change(engine, deck_id, edit_key, lambda now: state(number(now) + 1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
