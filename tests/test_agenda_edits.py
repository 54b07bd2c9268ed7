"""The deck's edits (pure `agenda` functions): rename and delete views, move them, the deck's
name, a view's note and annotations, each accepted or refused with its catalogue key; and the
agenda file carrying notes, annotations and the deck's name through a round trip."""

from __future__ import annotations

from dataclasses import replace

import pytest

from genai_impact import navigation
from genai_impact.report.load import load_dataset
from genai_impact.workshop import agenda, agenda_file, annotations
from genai_impact.workshop.agenda import Agenda, AgendaError, Annotation, SavedView

A, B, C = (SavedView(n, "map", {"lang": "ja", "arch": n}) for n in ("A", "B", "C"))
DECK = Agenda(views=(A, B, C), name="Deck")
LONG = "x" * (agenda.NAME_MAX + 1)


def names(deck: Agenda) -> list[str]:
    return [v.name for v in deck.views]


# --- renaming, deleting, moving ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "new", "expected"),
    [
        (0, "  New\tname ", "New name"),  # spaces and tabs collapse
        (1, "B", "B"),  # its own name again
        (1, "ｂ", "ｂ"),  # its own name in full width: still its own
        (2, "Ｃ２", "Ｃ２"),
    ],
)
def test_rename_view_cleans_the_name(index, new, expected):
    assert names(agenda.rename_view(DECK, index, new))[index] == expected


@pytest.mark.parametrize(
    ("new", "key"),
    [
        ("", "export.agenda.error.name_empty"),
        ("\u200b\u202e", "export.agenda.error.name_empty"),  # only format characters
        (LONG, "export.agenda.error.name_too_long"),
        ("a", "export.agenda.error.name_taken"),  # another view's name, other case
        ("Ａ", "export.agenda.error.name_taken"),  # another view's name, full width
    ],
)
def test_rename_view_refuses_with_a_message_key(new, key):
    with pytest.raises(AgendaError) as err:
        agenda.rename_view(DECK, 1, new)
    assert err.value.key == key


@pytest.mark.parametrize(
    ("operation", "index", "expected"),
    [
        (agenda.delete_view, 0, ["B", "C"]),
        (agenda.delete_view, 1, ["A", "C"]),
        (agenda.delete_view, 2, ["A", "B"]),
        (agenda.move_up, 0, ["A", "B", "C"]),  # already first: stays
        (agenda.move_up, 2, ["A", "C", "B"]),
        (agenda.move_down, 0, ["B", "A", "C"]),
        (agenda.move_down, 2, ["A", "B", "C"]),  # already last: stays
    ],
)
def test_delete_and_move(operation, index, expected):
    changed = operation(DECK, index)
    assert names(changed) == expected
    assert changed.name == "Deck" and names(DECK) == ["A", "B", "C"]  # a new value


@pytest.mark.parametrize("offset", [-5, 5])
def test_a_move_past_the_ends_is_clamped(offset):
    assert names(agenda.move_view(DECK, 1, offset)) == (
        ["B", "A", "C"] if offset < 0 else ["A", "C", "B"]
    )


@pytest.mark.parametrize(
    "operation",
    [
        lambda d: agenda.rename_view(d, 3, "x"),
        lambda d: agenda.delete_view(d, -1),
        lambda d: agenda.move_up(d, 3),
        lambda d: agenda.set_note(d, 3, "x"),
        lambda d: agenda.add_annotation(d, 3, "industry:retail", "x"),
        lambda d: agenda.delete_annotation(d, 0, 0),  # view 0 has no annotation
    ],
    ids=["rename", "delete", "move", "note", "annotate", "delete-annotation"],
)
def test_an_index_out_of_range_is_an_index_error(operation):
    with pytest.raises(IndexError):
        operation(DECK)


# --- the deck's name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("第1回  ワークショップ", "第1回 ワークショップ"),
        ("", ""),
        ("a\x00b", "a b"),
        ("<b>x</b>", "<b>x</b>"),
    ],
)
def test_rename_deck_keeps_plain_text(raw, expected):
    assert agenda.rename_deck(DECK, raw).name == expected


def test_rename_deck_refuses_a_long_name():
    with pytest.raises(AgendaError) as err:
        agenda.rename_deck(DECK, LONG)
    assert (err.value.key, err.value.fmt) == ("export.agenda.error.name_too_long", {"limit": 40})


# --- notes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ask the room first.", "Ask the room first."),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),  # line breaks of every system
        ("a\n\n\n\nb", "a\n\nb"),  # at most one blank line
        ("\n\n  lead  \n\n", "lead"),  # no blank line at either end
        ("x\u202ey\u200bz", "x y z"),  # bidi override, zero width: gone
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # kept as characters
        ("", ""),  # removes the note
    ],
)
def test_set_note_cleans_and_keeps_line_breaks(raw, expected):
    assert agenda.set_note(DECK, 1, raw).views[1].note == expected


def test_set_note_refuses_a_long_note():
    with pytest.raises(AgendaError) as err:
        agenda.set_note(DECK, 0, "x" * (agenda.NOTE_MAX + 1))
    assert err.value.key == "export.agenda.error.note_too_long"
    assert agenda.set_note(DECK, 0, "x" * agenda.NOTE_MAX).views[0].note == "x" * 1000


# --- annotations -------------------------------------------------------------------------------


def annotated(count: int) -> Agenda:
    deck = DECK
    for n in range(count):
        deck = agenda.add_annotation(deck, 0, "industry:retail", f"note {n}")
    return deck


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "export.agenda.error.annotation_empty"),
        (" \t\u200b", "export.agenda.error.annotation_empty"),
        ("x" * (agenda.ANNOTATION_MAX + 1), "export.agenda.error.annotation_too_long"),
    ],
)
def test_add_annotation_refuses_bad_text(text, key):
    with pytest.raises(AgendaError) as err:
        agenda.add_annotation(DECK, 0, "industry:retail", text)
    assert err.value.key == key


def test_annotations_keep_their_order_up_to_the_limit():
    deck = annotated(agenda.MAX_ANNOTATIONS)
    assert [a.text for a in deck.views[0].annotations] == [f"note {n}" for n in range(5)]
    with pytest.raises(AgendaError) as err:
        agenda.add_annotation(deck, 0, "industry:retail", "one more")
    assert (err.value.key, err.value.fmt) == ("export.agenda.error.annotations_full", {"limit": 5})


def test_add_annotation_cleans_the_text():
    deck = agenda.add_annotation(DECK, 2, "industry:retail", "  **x**\n<i>y</i> ")
    assert deck.views[2].annotations == (Annotation("industry:retail", "**x** <i>y</i>"),)


@pytest.mark.parametrize(("which", "kept"), [(0, ["note 1", "note 2"]), (2, ["note 0", "note 1"])])
def test_delete_annotation(which, kept):
    deck = agenda.delete_annotation(annotated(3), 0, which)
    assert [a.text for a in deck.views[0].annotations] == kept
    with pytest.raises(IndexError):
        agenda.delete_annotation(deck, 0, 2)


# --- the file carries notes, annotations and the deck's name ----------------------------------


def test_the_agenda_file_round_trips_notes_annotations_and_the_deck_name():
    ds = load_dataset()
    deck = agenda.set_note(annotated(2), 0, "最初に\n\n議論する")
    deck = agenda.add_annotation(deck, 1, "industry:construction", "ここが要点")
    deck = replace(deck, name="第1回")
    text = agenda_file.to_yaml(deck)
    pages = [p.id for p in navigation.PAGES]

    def targets(page: str):
        return annotations.targets(ds, page, "ja")

    loaded, problems = agenda_file.from_yaml(
        text, pages, lambda page, params: [], annotation_targets=targets
    )
    assert problems == []
    # one-value lists come back as the value alone: the same view (links.position)
    assert loaded == deck
    assert loaded.views[0].note == "最初に\n\n議論する"
    # an annotation pinned to something the page does not have is named, the view left out
    bad = text.replace("industry:construction", "cell:retail:3")  # a matrix cell, not the map's
    loaded, problems = agenda_file.from_yaml(
        bad, pages, lambda page, params: [], lang="en", annotation_targets=targets
    )
    assert names(loaded) == ["A", "C"]
    assert [p.path for p in problems] == ["view 2 “B”, annotations.1.target"]
