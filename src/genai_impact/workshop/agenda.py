"""Saved views, the workshop agenda (a deck): capture, edit, reorder, step through, link (pure).

A saved view is a page and the URL query parameters that reproduce it (the
language included), under a short plain-text name, with a facilitator note
(speaker notes in exports) and up to `MAX_ANNOTATIONS` annotations: short texts
pinned to a target of the page (an industry, a cell; `annotations.targets`).
The agenda is an ordered list of them under a deck name. Every operation
returns a new `Agenda`; a refused edit raises `AgendaError`, whose `key` names
the catalogue message to show. Saving and loading the agenda as a file is
`agenda_file`; storing it in a database is `deck_store`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlencode

from genai_impact import navigation, state
from genai_impact.text.i18n import t

FORMAT_VERSION = 1
MAX_VIEWS = 50
NAME_MAX = 40  # characters, after cleaning
NOTE_MAX = 1000  # characters of a facilitator note, after cleaning
ANNOTATION_MAX = 120  # characters of one annotation
MAX_ANNOTATIONS = 5  # per view
# Control, format (bidi overrides, zero-width) and line/paragraph separator characters.
_NOT_TEXT = ("Cc", "Cf", "Zl", "Zp")

Params = dict[str, str | list[str]]


@dataclass(frozen=True)
class Annotation:
    """A short plain text pinned to `target`, a key of `annotations.targets` for the page
    (e.g. "industry:retail", "cell:retail:3")."""

    target: str
    text: str


@dataclass(frozen=True)
class SavedView:
    """One agenda entry: a short name, a page id and that view's URL query parameters,
    the facilitator's note and the annotations drawn on the view."""

    name: str
    page: str
    params: Params = field(default_factory=dict)
    note: str = ""
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True)
class Agenda:
    """The saved views, in workshop order, under the deck's name ("" = not named)."""

    version: int = FORMAT_VERSION
    views: tuple[SavedView, ...] = ()
    name: str = ""


class AgendaError(ValueError):
    """A refused edit; `key` and `fmt` give the catalogue message (`message(lang)`)."""

    def __init__(self, key: str, **fmt: object) -> None:
        self.key, self.fmt = key, fmt
        super().__init__(f"{key} {fmt}")

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.fmt)


# --- names ---------------------------------------------------------------------------


def clean_name(raw: str) -> str:
    """A name as plain text: NFC, no control or format characters, spaces collapsed.

    Markup stays as the characters typed ("<b>" is four characters, never a tag);
    the UI must show names with `display.md_literal`.
    """
    text = unicodedata.normalize("NFC", raw)
    kept = "".join(" " if unicodedata.category(ch) in _NOT_TEXT else ch for ch in text)
    return " ".join(kept.split())


def clean_note(raw: str) -> str:
    """A note as plain text: like `clean_name`, but line breaks are kept (at most one blank
    line in a row) and spaces collapse within each line."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_name(line) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


def check_deck_name(raw: str) -> str:
    """The cleaned deck name ("" allowed: an unnamed deck), or AgendaError when too long."""
    name = clean_name(raw)
    if len(name) > NAME_MAX:
        raise AgendaError("export.agenda.error.name_too_long", limit=NAME_MAX)
    return name


def check_note(raw: str) -> str:
    """The cleaned note, or AgendaError when longer than NOTE_MAX."""
    note = clean_note(raw)
    if len(note) > NOTE_MAX:
        raise AgendaError("export.agenda.error.note_too_long", limit=NOTE_MAX)
    return note


def check_annotation(raw: str) -> str:
    """The cleaned annotation text, or AgendaError when empty or too long."""
    text = clean_name(raw)
    if not text:
        raise AgendaError("export.agenda.error.annotation_empty")
    if len(text) > ANNOTATION_MAX:
        raise AgendaError("export.agenda.error.annotation_too_long", limit=ANNOTATION_MAX)
    return text


def name_key(name: str) -> str:
    """What two names must not share: "Ａ" and "a" are the same name."""
    return unicodedata.normalize("NFKC", name).casefold()


def check_name(agenda: Agenda, raw: str, *, ignore: int | None = None) -> str:
    """The cleaned name, or AgendaError when empty, too long or already used
    (by a view other than the one at index `ignore`)."""
    name = clean_name(raw)
    if not name:
        raise AgendaError("export.agenda.error.name_empty")
    if len(name) > NAME_MAX:
        raise AgendaError("export.agenda.error.name_too_long", limit=NAME_MAX)
    taken = {name_key(v.name) for i, v in enumerate(agenda.views) if i != ignore}
    if name_key(name) in taken:
        raise AgendaError("export.agenda.error.name_taken", name=name)
    return name


# --- edits and stepping ---------------------------------------------------------------


def capture_view(name: str, page_id: str, view: state.ViewState) -> SavedView:
    """The current view of page `page_id` as a saved view: its canonical URL
    parameters, with the language always written so the view keeps it."""
    spec = navigation.page(page_id)
    params: Params = {"lang": view.lang}
    params.update(state.to_query_params(view, only=spec.params))
    return SavedView(clean_name(name), page_id, params)


def add_view(agenda: Agenda, view: SavedView) -> Agenda:
    """The agenda with `view` appended (name checked, at most MAX_VIEWS views)."""
    if len(agenda.views) >= MAX_VIEWS:
        raise AgendaError("export.agenda.error.full", limit=MAX_VIEWS)
    name = check_name(agenda, view.name)
    return replace(agenda, views=(*agenda.views, replace(view, name=name)))


def _check_index(agenda: Agenda, index: int) -> None:
    if not 0 <= index < len(agenda.views):
        raise IndexError(f"no view {index} in an agenda of {len(agenda.views)}")


def rename_view(agenda: Agenda, index: int, new_name: str) -> Agenda:
    """The agenda with view `index` renamed."""
    _check_index(agenda, index)
    name = check_name(agenda, new_name, ignore=index)
    return _with_view(agenda, index, replace(agenda.views[index], name=name))


def delete_view(agenda: Agenda, index: int) -> Agenda:
    """The agenda without view `index`."""
    _check_index(agenda, index)
    return replace(agenda, views=agenda.views[:index] + agenda.views[index + 1 :])


def rename_deck(agenda: Agenda, new_name: str) -> Agenda:
    """The agenda under a new deck name."""
    return replace(agenda, name=check_deck_name(new_name))


def _with_view(agenda: Agenda, index: int, view: SavedView) -> Agenda:
    views = list(agenda.views)
    views[index] = view
    return replace(agenda, views=tuple(views))


def set_note(agenda: Agenda, index: int, raw: str) -> Agenda:
    """The agenda with view `index`'s facilitator note replaced ("" removes it)."""
    _check_index(agenda, index)
    return _with_view(agenda, index, replace(agenda.views[index], note=check_note(raw)))


def add_annotation(agenda: Agenda, index: int, target: str, raw: str) -> Agenda:
    """The agenda with an annotation added to view `index` (at most MAX_ANNOTATIONS).

    `target` is not checked here: the caller offers only `annotations.targets` keys, and
    a file's targets are checked when it is read."""
    _check_index(agenda, index)
    view = agenda.views[index]
    if len(view.annotations) >= MAX_ANNOTATIONS:
        raise AgendaError("export.agenda.error.annotations_full", limit=MAX_ANNOTATIONS)
    added = Annotation(target, check_annotation(raw))
    return _with_view(agenda, index, replace(view, annotations=(*view.annotations, added)))


def delete_annotation(agenda: Agenda, index: int, which: int) -> Agenda:
    """The agenda without annotation `which` of view `index`."""
    _check_index(agenda, index)
    view = agenda.views[index]
    if not 0 <= which < len(view.annotations):
        raise IndexError(f"no annotation {which} on view {index}")
    kept = view.annotations[:which] + view.annotations[which + 1 :]
    return _with_view(agenda, index, replace(view, annotations=kept))


def move_view(agenda: Agenda, index: int, offset: int) -> Agenda:
    """The agenda with view `index` moved by `offset` places (-1 = up), clamped to the ends."""
    _check_index(agenda, index)
    target = min(max(index + offset, 0), len(agenda.views) - 1)
    views = list(agenda.views)
    views.insert(target, views.pop(index))
    return replace(agenda, views=tuple(views))


def move_up(agenda: Agenda, index: int) -> Agenda:
    return move_view(agenda, index, -1)


def move_down(agenda: Agenda, index: int) -> Agenda:
    return move_view(agenda, index, +1)


def step(current: int | None, count: int, delta: int) -> int | None:
    """The view to show after moving `delta` from `current` (None = not started).

    Stops at the ends rather than wrapping, so a presenter never jumps from the last
    view to the first by accident. None when the agenda is empty.
    """
    if count <= 0:
        return None
    if current is None:
        return 0 if delta >= 0 else count - 1
    return min(max(current + delta, 0), count - 1)


def next_index(current: int | None, count: int) -> int | None:
    return step(current, count, +1)


def prev_index(current: int | None, count: int) -> int | None:
    return step(current, count, -1)


# --- URLs -----------------------------------------------------------------------------


def page_url_path(page_id: str) -> str:
    """The URL path of a page: "" for the home page (app.py), else the file's stem."""
    path = navigation.page(page_id).path
    return "" if path == "app.py" else path.rsplit("/", 1)[-1].removesuffix(".py")


def canonical_params(params: Mapping[str, str | Sequence[str]]) -> Params:
    """`params` in the order of `state.PARAMS`, then any others by name; lists copied."""
    rank = {name: i for i, name in enumerate(state.PARAM_NAMES)}
    ordered = sorted(params, key=lambda k: (rank.get(k, len(rank)), k))
    return {k: params[k] if isinstance(params[k], str) else list(params[k]) for k in ordered}


def _query_pairs(params: Mapping[str, str | Sequence[str]]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in canonical_params(params).items():
        pairs.extend((key, v) for v in ([value] if isinstance(value, str) else value))
    return pairs


def view_url(base: str, view: SavedView) -> str:
    """The URL that reopens `view`, under `base` (e.g. "http://localhost:8501")."""
    query = urlencode(_query_pairs(view.params), quote_via=quote, safe="")
    url = f"{base.rstrip('/')}/{page_url_path(view.page)}"
    return f"{url}?{query}" if query else url
