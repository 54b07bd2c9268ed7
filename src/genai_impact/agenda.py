"""Saved views, the workshop agenda: edit, step through, save as YAML, load back (pure).

A saved view is a page and the URL query parameters that reproduce it (the
language included), under a short plain-text name. The agenda is an ordered
list of them. Every operation returns a new `Agenda`; a refused edit raises
`AgendaError`, whose `key` names the catalogue message to show.

Loading (`from_yaml`) takes an uploaded file: at most `MAX_FILE_BYTES`, parsed
with `yaml.safe_load` only, nothing executed, names kept as plain text. It
returns every valid view and one `Problem` per thing wrong, each naming the
view (number and name) and the field. A view with any problem is left out
whole; the others load. The file format is described in docs/exports.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import quote, urlencode

import yaml

from genai_impact import navigation, state
from genai_impact.i18n import t
from genai_impact.validate_rules import Problem

FORMAT_VERSION = 1
MAX_FILE_BYTES = 64 * 1024
MAX_VIEWS = 50
NAME_MAX = 40  # characters, after cleaning
MAX_VALUES = 30  # values of one parameter
DEFAULT_FILE = "agenda.yaml"
_VIEW_FIELDS = ("name", "page", "params")
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
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text
    )
    return " ".join(kept.split())


def _name_key(name: str) -> str:
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
    taken = {_name_key(v.name) for i, v in enumerate(agenda.views) if i != ignore}
    if _name_key(name) in taken:
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


# --- YAML -----------------------------------------------------------------------------


def to_yaml(agenda: Agenda) -> str:
    """The agenda as a small YAML document (format version, then the views in order)."""
    doc = {
        "version": agenda.version,
        "views": [
            {"name": v.name, "page": v.page, "params": canonical_params(v.params)}
            for v in agenda.views
        ],
    }
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)
    return "# genai-impact: saved views (docs/exports.md)\n" + body


IssueKind = Literal["unknown_param", "bad_value"]


@dataclass(frozen=True)
class ParamIssue:
    """A parameter of a saved view that the page would not honour."""

    param: str
    kind: IssueKind
    value: str = ""


# (page id, params as lists of strings) -> what the page would not honour
ParamCheck = Callable[[str, Mapping[str, list[str]]], list[ParamIssue]]


def _as_values(value: str | Sequence[str] | None) -> list[str]:
    if value is None or value == "" or value == ():
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def url_param_check(
    choices: Mapping[str, Collection[str]],
    pages: Sequence[navigation.PageSpec] = navigation.PAGES,
) -> ParamCheck:
    """A ParamCheck that asks `state` exactly what the page would do with the URL.

    `choices` are the data-driven values, the same mapping the pages pass to
    `state.parse_query_params`. A value is bad when parsing and writing back
    canonically does not keep it (unknown id, malformed, a second value of a
    one-value parameter, text the URL would clean); a key is unknown when the page
    does not read it.
    """
    by_id = {p.id: p for p in pages}
    multi = {p.name for p in state.PARAMS if p.multi}

    def check(page_id: str, params: Mapping[str, list[str]]) -> list[ParamIssue]:
        page_params = by_id[page_id].params if page_id in by_id else ()
        issues = [ParamIssue(k, "unknown_param") for k in params if k not in page_params]
        known = {k: v for k, v in params.items() if k in page_params}
        parsed, _ = state.parse_query_params(known, choices, only=page_params)
        kept = state.to_query_params(parsed, only=page_params)
        for key, values in known.items():
            default = _as_values(getattr(state.DEFAULTS, key, None))
            honoured = _as_values(kept.get(key)) or default
            dropped = list(values)
            if key in multi:
                dropped = [v for v in values if v not in honoured]
            elif honoured and honoured[0] in dropped:
                dropped.remove(honoured[0])  # a one-value parameter keeps one value
            issues.extend(ParamIssue(key, "bad_value", state.shown_value(v)) for v in dropped)
        return issues

    return check


def _problem(file: str, lang: str, where: str, message_key: str, **fmt: object) -> Problem:
    return Problem(file, where, t(message_key, lang, **fmt))


def _where(lang: str, number: int, name: str, field_name: str) -> str:
    shown = state.shown_value(name) if name else "—"
    return t("export.agenda.where", lang, number=number, name=shown, field=field_name)


def _decode(data: str | bytes) -> str | None:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _param_values(value: Any) -> list[str] | None:
    """A YAML value as a list of parameter values; None when it is not text (or ints)."""
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_VALUES:
        return None
    out = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int):
            return None  # `yes` is a boolean in YAML, not the text "yes"
        out.append(str(item))
    return out


def _read_view(
    raw: Any,
    number: int,
    known_pages: Collection[str],
    validate_params: ParamCheck,
    file: str,
    lang: str,
) -> tuple[SavedView | None, list[Problem]]:
    """One entry of `views`: the view if it has no problem, and its problems."""
    if not isinstance(raw, dict):
        where = _where(lang, number, "", "—")
        return None, [_problem(file, lang, where, "export.agenda.problem.view_not_mapping")]
    name = clean_name(raw["name"]) if isinstance(raw.get("name"), str) else ""
    problems: list[Problem] = []

    def report(field_name: str, key: str, **fmt: object) -> None:
        problems.append(_problem(file, lang, _where(lang, number, name, field_name), key, **fmt))

    for key in raw:
        if key not in _VIEW_FIELDS:
            report(state.shown_value(str(key)), "export.agenda.problem.unknown_field")
    if not isinstance(raw.get("name"), str) or not name:
        report("name", "export.agenda.problem.name_missing")
    elif len(name) > NAME_MAX:
        report("name", "export.agenda.problem.name_too_long", limit=NAME_MAX)
    page = raw.get("page")
    if not isinstance(page, str) or page not in known_pages:
        shown = state.shown_value(str(page)) if page is not None else "—"
        report("page", "export.agenda.problem.unknown_page", value=shown)
        page = None
    params_raw = raw.get("params", {})
    params: dict[str, list[str]] = {}
    if params_raw is None:
        params_raw = {}
    if not isinstance(params_raw, dict):
        report("params", "export.agenda.problem.params_not_mapping")
    else:
        for key, value in params_raw.items():
            values = _param_values(value)
            if not isinstance(key, str) or values is None:
                report(f"params.{state.shown_value(str(key))}", "export.agenda.problem.not_text")
            else:
                params[key] = values
    if page is not None:
        for issue in validate_params(page, params):
            where = f"params.{state.shown_value(issue.param)}"
            if issue.kind == "unknown_param":
                report(where, "export.agenda.problem.unknown_param", page=page)
            else:
                report(where, "export.agenda.problem.bad_value", value=issue.value)
    if problems or page is None:
        return None, problems
    stored: Params = {k: (v[0] if len(v) == 1 else list(v)) for k, v in params.items() if v}
    return SavedView(name, page, stored), []


def from_yaml(
    data: str | bytes,
    known_pages: Collection[str],
    validate_params: ParamCheck,
    *,
    lang: str = "ja",
    file: str = DEFAULT_FILE,
) -> tuple[Agenda, list[Problem]]:
    """Read an agenda file: every valid view, and every problem (messages in `lang`).

    `known_pages` are the page ids views may name; `validate_params` says which
    parameters a page would not honour (see `url_param_check`). File-level problems
    (too big, not UTF-8, not YAML, not an agenda, wrong version) give no views.
    """
    size = len(data.encode("utf-8") if isinstance(data, str) else data)
    if size > MAX_FILE_BYTES:
        kib = -(-size // 1024)  # rounded up: a file just over the limit must not read "64 KB"
        return Agenda(), [
            _problem(
                file,
                lang,
                "",
                "export.agenda.problem.too_big",
                size=kib,
                limit=MAX_FILE_BYTES // 1024,
            )
        ]
    text = _decode(data)
    if text is None:
        return Agenda(), [_problem(file, lang, "", "export.agenda.problem.not_utf8")]
    try:
        doc = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 0
        return Agenda(), [
            _problem(file, lang, "", "export.agenda.problem.not_yaml_line", line=line)
        ]
    except (yaml.YAMLError, RecursionError):
        return Agenda(), [_problem(file, lang, "", "export.agenda.problem.not_yaml")]
    if not isinstance(doc, dict) or "views" not in doc:
        return Agenda(), [_problem(file, lang, "", "export.agenda.problem.not_agenda")]
    version = doc.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        shown = state.shown_value(str(version)) if version is not None else "—"
        return Agenda(), [
            _problem(
                file,
                lang,
                "version",
                "export.agenda.problem.version",
                value=shown,
                expected=FORMAT_VERSION,
            )
        ]
    problems = [
        _problem(file, lang, state.shown_value(str(key)), "export.agenda.problem.unknown_key")
        for key in doc
        if key not in ("version", "views")
    ]
    raw_views = doc["views"]
    if raw_views is None:
        raw_views = []
    if not isinstance(raw_views, list):
        problems.append(_problem(file, lang, "views", "export.agenda.problem.views_not_list"))
        return Agenda(), problems
    if len(raw_views) > MAX_VIEWS:
        problems.append(
            _problem(file, lang, "views", "export.agenda.problem.too_many", limit=MAX_VIEWS)
        )
    views: list[SavedView] = []
    for number, raw in enumerate(raw_views[:MAX_VIEWS], start=1):
        view, view_problems = _read_view(raw, number, known_pages, validate_params, file, lang)
        if view is not None and _name_key(view.name) in {_name_key(v.name) for v in views}:
            where = _where(lang, number, view.name, "name")
            view_problems = [
                _problem(file, lang, where, "export.agenda.problem.name_taken", name=view.name)
            ]
            view = None
        problems.extend(view_problems)
        if view is not None:
            views.append(view)
    return Agenda(FORMAT_VERSION, tuple(views)), problems
