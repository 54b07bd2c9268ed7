"""The agenda as a YAML file: write it, and read an uploaded one back, checked (pure).

Reading (`from_yaml`) treats the file as untrusted: at most `MAX_FILE_BYTES`,
UTF-8, parsed with `yaml.safe_load` only (no tags that build objects, nothing
executed), names kept as plain text. It returns every valid view and one
`Problem` per thing wrong ("file: where: message", in the user's language),
naming the view by number and name and the field. A view with any problem is
left out whole; the others load. Problems with the file itself (too big, not
text, not YAML, not an agenda, wrong version) load nothing. The format is
described in docs/exports.md.

Size: one reader class for the whole file, so that every problem is phrased and
located the same way; each method reads one field.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from genai_impact import navigation, state
from genai_impact.report.validation import Problem
from genai_impact.text.i18n import t
from genai_impact.workshop.agenda import (
    ANNOTATION_MAX,
    FORMAT_VERSION,
    MAX_ANNOTATIONS,
    MAX_VIEWS,
    NAME_MAX,
    NOTE_MAX,
    Agenda,
    Annotation,
    Params,
    SavedView,
    canonical_params,
    clean_name,
    clean_note,
    name_key,
)

MAX_FILE_BYTES = 64 * 1024
MAX_VALUES = 30  # values of one parameter
DEFAULT_FILE = "agenda.yaml"
HEADER = "# genai-impact: saved views (docs/exports.md)\n"
_TOP_KEYS = ("version", "name", "views")
_VIEW_FIELDS = ("name", "page", "params", "note", "annotations")
_ANNOTATION_FIELDS = ("target", "text")

# page id -> the annotation targets it takes (`annotations.targets`); None: not checked
TargetCheck = Callable[[str], Collection[str]]


def _view_doc(view: SavedView) -> dict[str, Any]:
    doc: dict[str, Any] = {"name": view.name, "page": view.page}
    doc["params"] = canonical_params(view.params)
    if view.note:
        doc["note"] = view.note
    if view.annotations:
        doc["annotations"] = [{"target": a.target, "text": a.text} for a in view.annotations]
    return doc


def to_yaml(agenda: Agenda) -> str:
    """The agenda as a small YAML document: a comment, the format version, the deck's name
    (when it has one), the views with their notes and annotations (when they have any)."""
    doc: dict[str, Any] = {"version": agenda.version}
    if agenda.name:
        doc["name"] = agenda.name
    doc["views"] = [_view_doc(v) for v in agenda.views]
    return HEADER + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)


# --- what a page would do with a view's parameters -------------------------------------------

IssueKind = Literal["unknown_param", "bad_value"]


@dataclass(frozen=True)
class ParamIssue:
    """A parameter of a saved view that its page would not honour."""

    param: str
    kind: IssueKind
    value: str = ""  # the dropped value, made safe to show (bad_value only)


# (page id, parameters as lists of text) -> what that page would not honour
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
    `state.parse_query_params`. A value is bad when parsing it and writing the
    state back does not keep it (unknown id, malformed, the extra values of a
    one-value parameter, free text the URL would clean); a key is unknown when the
    page does not read it. New parameters in `state.PARAMS` are covered unchanged.
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


# --- reading ---------------------------------------------------------------------------------


def _param_values(value: Any) -> list[str] | None:
    """A YAML value as a list of parameter values; None when it is not text (or integers)."""
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_VALUES:
        return None
    out = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int):
            return None  # YAML reads `yes` as a boolean, not as the text "yes"
        out.append(str(item))
    return out


def _shown(value: object) -> str:
    return "—" if value is None or value == "" else state.shown_value(str(value))


class _Reader:
    """Reads one file; collects its problems in `problems`."""

    def __init__(
        self,
        known_pages: Collection[str],
        check: ParamCheck,
        file: str,
        lang: str,
        targets: TargetCheck | None = None,
    ) -> None:
        self.known_pages, self.check, self.file, self.lang = known_pages, check, file, lang
        self.targets = targets
        self.problems: list[Problem] = []

    def report(self, where: str, key: str, **fmt: object) -> None:
        self.problems.append(Problem(self.file, where, t(key, self.lang, **fmt)))

    def where(self, number: int, name: str, field_name: str) -> str:
        return t(
            "export.agenda.where", self.lang, number=number, name=_shown(name), field=field_name
        )

    def document(self, data: str | bytes) -> dict[str, Any] | None:
        """The parsed top-level mapping, or None after reporting why there is none."""
        size = len(data.encode("utf-8") if isinstance(data, str) else data)
        if size > MAX_FILE_BYTES:
            # rounded up: a file just over the limit must not read "64 KB (limit 64 KB)"
            kib, limit = -(-size // 1024), MAX_FILE_BYTES // 1024
            self.report("", "export.agenda.problem.too_big", size=kib, limit=limit)
            return None
        try:
            text = data if isinstance(data, str) else data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.report("", "export.agenda.problem.not_utf8")
            return None
        try:
            doc = yaml.safe_load(text)
        except yaml.MarkedYAMLError as err:
            line = err.problem_mark.line + 1 if err.problem_mark else 0
            self.report("", "export.agenda.problem.not_yaml_line", line=line)
            return None
        except (yaml.YAMLError, RecursionError):  # deep nesting exhausts the parser's stack
            self.report("", "export.agenda.problem.not_yaml")
            return None
        if not isinstance(doc, dict) or "views" not in doc:
            self.report("", "export.agenda.problem.not_agenda")
            return None
        version = doc.get("version")
        if type(version) is not int or version != FORMAT_VERSION:  # True is not 1 here
            self.report(
                "version",
                "export.agenda.problem.version",
                value=_shown(version),
                expected=FORMAT_VERSION,
            )
            return None
        for key in doc:
            if key not in _TOP_KEYS:
                self.report(_shown(key), "export.agenda.problem.unknown_key")
        return doc

    def views(self, raw_views: Any) -> list[SavedView]:
        """Every valid view of the `views` list, in order."""
        if raw_views is None:
            return []
        if not isinstance(raw_views, list):
            self.report("views", "export.agenda.problem.views_not_list")
            return []
        if len(raw_views) > MAX_VIEWS:
            self.report("views", "export.agenda.problem.too_many", limit=MAX_VIEWS)
        views: list[SavedView] = []
        taken: set[str] = set()
        for number, raw in enumerate(raw_views[:MAX_VIEWS], start=1):
            view = self.view(raw, number)
            if view is not None and name_key(view.name) in taken:
                where = self.where(number, view.name, "name")
                self.report(where, "export.agenda.problem.name_taken", name=view.name)
                view = None
            if view is not None:
                taken.add(name_key(view.name))
                views.append(view)
        return views

    def view(self, raw: Any, number: int) -> SavedView | None:
        """One entry of `views`: the view if it has no problem (all of them reported)."""
        if not isinstance(raw, dict):
            self.report(self.where(number, "", "—"), "export.agenda.problem.view_not_mapping")
            return None
        name = clean_name(raw["name"]) if isinstance(raw.get("name"), str) else ""
        before = len(self.problems)

        def report(field_name: str, key: str, **fmt: object) -> None:
            self.report(self.where(number, name, field_name), key, **fmt)

        for key in raw:
            if key not in _VIEW_FIELDS:
                report(_shown(key), "export.agenda.problem.unknown_field")
        if not name:
            report("name", "export.agenda.problem.name_missing")
        elif len(name) > NAME_MAX:
            report("name", "export.agenda.problem.name_too_long", limit=NAME_MAX)
        page = raw.get("page")
        if not isinstance(page, str) or page not in self.known_pages:
            report("page", "export.agenda.problem.unknown_page", value=_shown(page))
            page = None
        params = self.params(raw.get("params"), report)
        if page is not None and params is not None:
            for issue in self.check(page, params):
                where = f"params.{_shown(issue.param)}"
                if issue.kind == "unknown_param":
                    report(where, "export.agenda.problem.unknown_param", page=page)
                else:
                    report(where, "export.agenda.problem.bad_value", value=issue.value)
        note = self.note(raw.get("note"), report)
        annotations = self.annotations(raw.get("annotations"), page, report)
        if len(self.problems) > before or page is None or params is None:
            return None
        stored: Params = {k: v[0] if len(v) == 1 else v for k, v in params.items() if v}
        return SavedView(name, page, stored, note, annotations)

    @staticmethod
    def note(raw: Any, report: Callable[..., None]) -> str:
        if raw is None:
            return ""
        if not isinstance(raw, str):
            report("note", "export.agenda.problem.not_text")
            return ""
        note = clean_note(raw)
        if len(note) > NOTE_MAX:
            report("note", "export.agenda.problem.note_too_long", limit=NOTE_MAX)
        return note

    def annotations(
        self, raw: Any, page: str | None, report: Callable[..., None]
    ) -> tuple[Annotation, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            report("annotations", "export.agenda.problem.annotations_not_list")
            return ()
        if len(raw) > MAX_ANNOTATIONS:
            report(
                "annotations", "export.agenda.problem.too_many_annotations", limit=MAX_ANNOTATIONS
            )
            return ()
        known = self.targets(page) if self.targets is not None and page is not None else None
        found: list[Annotation] = []
        for n, item in enumerate(raw, start=1):
            where = f"annotations.{n}"
            if not isinstance(item, dict) or any(k not in _ANNOTATION_FIELDS for k in item):
                report(where, "export.agenda.problem.annotation_shape")
                continue
            target, text = item.get("target"), item.get("text")
            if not isinstance(target, str) or not isinstance(text, str):
                report(where, "export.agenda.problem.annotation_shape")
                continue
            text = clean_name(text)
            if not text or len(text) > ANNOTATION_MAX:
                report(
                    f"{where}.text", "export.agenda.problem.annotation_text", limit=ANNOTATION_MAX
                )
            elif known is not None and target not in known:
                report(
                    f"{where}.target",
                    "export.agenda.problem.annotation_target",
                    value=_shown(target),
                )
            else:
                found.append(Annotation(target, text))
        return tuple(found)

    @staticmethod
    def params(raw: Any, report: Callable[..., None]) -> dict[str, list[str]] | None:
        """A view's `params` as lists of text; None when it is not a mapping at all."""
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            report("params", "export.agenda.problem.params_not_mapping")
            return None
        params: dict[str, list[str]] = {}
        for key, value in raw.items():
            values = _param_values(value)
            if not isinstance(key, str) or values is None:
                report(f"params.{_shown(key)}", "export.agenda.problem.not_text")
            else:
                params[key] = values
        return params


def from_yaml(
    data: str | bytes,
    known_pages: Collection[str],
    validate_params: ParamCheck,
    *,
    lang: str = "ja",
    file: str = DEFAULT_FILE,
    annotation_targets: TargetCheck | None = None,
) -> tuple[Agenda, list[Problem]]:
    """Read an agenda file: every valid view, and every problem (messages in `lang`).

    `known_pages` are the page ids views may name; `validate_params` says which
    parameters a page would not honour (see `url_param_check`); `file` is the
    name the problems start with (the uploaded file's name); `annotation_targets` gives
    the targets each page takes (annotations pinned elsewhere are problems).
    """
    reader = _Reader(known_pages, validate_params, file, lang, annotation_targets)
    doc = reader.document(data)
    views = reader.views(doc["views"]) if doc is not None else []
    name = ""
    if doc is not None and doc.get("name") is not None:
        raw = doc["name"]
        name = clean_name(raw) if isinstance(raw, str) else ""
        if not isinstance(raw, str) or len(name) > NAME_MAX:
            reader.report("name", "export.agenda.problem.deck_name", limit=NAME_MAX)
            name = ""
    return Agenda(FORMAT_VERSION, tuple(views), name), reader.problems
