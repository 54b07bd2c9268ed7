"""Saved views, the workshop agenda: capture, edit, reorder, step through, link (pure).

A saved view is a page and the URL query parameters that reproduce it (the
language included), under a short plain-text name. The agenda is an ordered
list of them. Every operation returns a new `Agenda`; a refused edit raises
`AgendaError`, whose `key` names the catalogue message to show. Saving and
loading the agenda as a file is `agenda_file`.
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
# Control, format (bidi overrides, zero-width) and line/paragraph separator characters.
_NOT_TEXT = ("Cc", "Cf", "Zl", "Zp")

Params = dict[str, str | list[str]]


@dataclass(frozen=True)
class SavedView:
    """One agenda entry: a short name, a page id and that view's URL query parameters."""

    name: str
    page: str
    params: Params = field(default_factory=dict)


@dataclass(frozen=True)
class Agenda:
    """The saved views, in workshop order."""

    version: int = FORMAT_VERSION
    views: tuple[SavedView, ...] = ()


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
    views = list(agenda.views)
    views[index] = replace(views[index], name=name)
    return replace(agenda, views=tuple(views))


def delete_view(agenda: Agenda, index: int) -> Agenda:
    """The agenda without view `index`."""
    _check_index(agenda, index)
    return replace(agenda, views=agenda.views[:index] + agenda.views[index + 1 :])


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
