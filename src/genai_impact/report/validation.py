"""The validation rules: one `Checker` per YAML file collects every `Problem` it meets.

Each helper checks one kind of value (text, provenance, reference, ...) and returns
the converted value, or None when it is broken. Callers never stop early: a broken
value is recorded and the walk goes on, so one run reports all problems.

Size: the rules are one table of small checkers sharing `Checker`'s problem list;
splitting them would scatter one vocabulary over several files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from genai_impact.report.model import BASES, Provenance, SourcedText, Text

DEFAULT_SEED_LAST_LINE = 4666
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data: which file, where in it, and what."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class DataError(Exception):
    """The data under `data/` is invalid; `.problems` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Known:
    """Ids that references may point to; None = that list could not be read, skip the check."""

    sources: dict[str, str | None] | None = None  # id -> kind ("report", ...)
    seed_last_line: int = DEFAULT_SEED_LAST_LINE  # the report source's `seed_lines` last value
    archetypes: dict[str, tuple[str, ...]] | None = None  # code -> its business elements
    business_elements: tuple[str, ...] | None = None
    phases: tuple[str, ...] | None = None
    effect_kinds: tuple[str, ...] | None = None
    effect_sizes: tuple[str, ...] | None = None
    impact_levels: tuple[str, ...] | None = None
    impact_types: tuple[int, ...] | None = None
    timings: tuple[str, ...] | None = None
    directions: tuple[int, ...] | None = None
    sector_codes: tuple[str, ...] | None = None
    reading_rules: tuple[str, ...] | None = None  # ids of data/reading_rules.yaml


def _join(path: str, key: str) -> str:
    """The key path of `key` inside `path` ("" is the top level)."""
    return f"{path}.{key}" if path else key


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return {dict: "mapping", list: "list", str: "string", int: "integer", float: "number"}.get(
        type(value), type(value).__name__
    )


def _got(value: Any) -> str:
    shown = repr(value) if isinstance(value, str | int | float) else ""
    return f"got {_type_name(value)} {shown}".rstrip()


def _one_of(options: Iterable[Any]) -> str:
    return f"(expected one of: {', '.join(str(o) for o in options)})"


@dataclass
class Checker:
    """Collects the problems of one file; `file` is its name relative to the data dir."""

    file: str
    known: Known
    problems: list[Problem] = field(default_factory=list)

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, path, message))

    # --- structure -------------------------------------------------------------------

    def record(
        self, node: Any, path: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any]:
        """Check a mapping's keys: required ones present, no unknown ones (typo protection)."""
        if not isinstance(node, dict):
            self.problem(path, f"expected a mapping, {_got(node)}")
            return {}
        for key in required:
            if key not in node:
                self.problem(_join(path, key), "missing required field")
        for key in node:
            if key not in required and key not in optional:
                allowed = [*required, *optional]
                self.problem(_join(path, key), f"unknown key {key!r} {_one_of(allowed)}")
        return node

    def items(self, rec: dict[str, Any], key: str, path: str) -> list[tuple[Any, str]]:
        """The elements of list `rec[key]` with their paths; [] if absent or not a list."""
        if key not in rec:
            return []
        value = rec[key]
        if not isinstance(value, list):
            self.problem(_join(path, key), f"expected a list, {_got(value)}")
            return []
        return [(item, f"{_join(path, key)}[{i}]") for i, item in enumerate(value)]

    def unique(self, values: Iterable[tuple[Any, str]], what: str) -> None:
        """Report every repeat of a value (id, code, number) after its first occurrence."""
        first_at: dict[Any, str] = {}
        for value, path in values:
            if value is None:
                continue
            if value in first_at:
                self.problem(path, f"duplicate {what} {value!r} (first at {first_at[value]})")
            else:
                first_at[value] = path

    def unique_field(self, items: Sequence[tuple[Any, str]], key: str, what: str) -> None:
        """No two records of a list share the value of `key` (id, code, number)."""
        self.unique(
            (
                (node[key], _join(path, key))
                for node, path in items
                if isinstance(node, dict) and isinstance(node.get(key), str | int)
            ),
            what,
        )

    # --- scalars ---------------------------------------------------------------------

    def string(self, rec: dict[str, Any], key: str, path: str) -> str | None:
        """A non-empty string at `rec[key]`; None if absent (already reported) or broken."""
        if key not in rec:
            return None
        value = rec[key]
        if not isinstance(value, str):
            self.problem(_join(path, key), f"expected a string, {_got(value)}")
            return None
        if not value.strip():
            self.problem(_join(path, key), "empty string")
            return None
        return value

    def identifier(self, rec: dict[str, Any], key: str, path: str) -> str | None:
        """A lower-case snake_case id."""
        value = self.string(rec, key, path)
        if value is not None and not SNAKE_CASE.match(value):
            self.problem(_join(path, key), f"id {value!r} is not lower-case snake_case")
        return value

    def integer(
        self, rec: dict[str, Any], key: str, path: str, lo: int | None = None, hi: int | None = None
    ) -> int | None:
        """An int (a YAML boolean is not one), optionally within [lo, hi]."""
        return self._numeric(rec, key, path, int, "an integer", lo, hi)

    def number(
        self, rec: dict[str, Any], key: str, path: str, lo: float | None = None
    ) -> float | None:
        """An int or float (not a boolean), optionally at least `lo`."""
        value = self._numeric(rec, key, path, int | float, "a number", lo, None)
        return None if value is None else float(value)

    def _numeric(
        self,
        rec: dict[str, Any],
        key: str,
        path: str,
        kind: Any,
        what: str,
        lo: float | None,
        hi: float | None,
    ) -> Any:
        if key not in rec:
            return None
        value = rec[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            self.problem(_join(path, key), f"expected {what}, {_got(value)}")
            return None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = f"out of range {lo}..{hi}" if hi is not None else f"below {lo}"
            self.problem(_join(path, key), f"{value} is {bounds}")
            return None
        return value

    def choice(
        self,
        rec: dict[str, Any],
        key: str,
        path: str,
        options: Sequence[Any] | None,
        what: str,
        number: bool = False,
    ) -> Any:
        """A reference: the value must be one of `options` (skipped if options are unknown)."""
        if key not in rec:
            return None
        return self.ref(rec[key], options, _join(path, key), what, number)

    def ref(
        self, value: Any, options: Sequence[Any] | None, path: str, what: str, number: bool = False
    ) -> Any:
        """Check that `value` names something in `options`; options None = cannot check."""
        if number and (not isinstance(value, int) or isinstance(value, bool)):
            self.problem(path, f"expected an integer ({what}), {_got(value)}")
            return None
        if not number and not isinstance(value, str):
            self.problem(path, f"expected a string ({what}), {_got(value)}")
            return None
        if options is not None and value not in options:
            self.problem(path, f"unknown {what} {value!r} {_one_of(options)}")
            return None
        return value

    def refs(
        self,
        rec: dict[str, Any],
        key: str,
        path: str,
        options: Sequence[Any] | None,
        what: str,
        number: bool = False,
        non_empty: bool = False,
    ) -> tuple[Any, ...]:
        """A list of references without repeats (and, if `non_empty`, at least one)."""
        items = self.items(rec, key, path)
        if non_empty and isinstance(rec.get(key), list) and not items:
            self.problem(_join(path, key), f"empty list: needs at least one {what}")
        values = [(self.ref(item, options, p, what, number), p) for item, p in items]
        self.unique(values, what)
        return tuple(v for v, _ in values)

    def line_pair(
        self, rec: dict[str, Any], key: str, path: str, last: int | None
    ) -> tuple[int, int] | None:
        """`[first, last]` line numbers with 1 <= first <= last (<= `last` if given)."""
        if key not in rec:
            return None
        value = rec[key]
        where = _join(path, key)
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in value)
        ):
            self.problem(where, f"expected [first, last] line numbers, got {value!r}")
            return None
        first, final = value
        if not 1 <= first <= final <= (last if last is not None else final):
            bound = f" <= {last}" if last is not None else ""
            self.problem(where, f"lines {value} out of range: need 1 <= first <= last{bound}")
            return None
        return (first, final)

    # --- composite values ------------------------------------------------------------

    def text(self, node: Any, path: str, extra: Sequence[str] = ()) -> Text | None:
        """A bilingual `{ja, en}` mapping, both non-empty strings."""
        if not isinstance(node, dict):
            self.problem(path, f"expected bilingual text {{ja, en}}, {_got(node)}")
            return None
        for lang in ("ja", "en"):
            if lang not in node:
                self.problem(_join(path, lang), f"bilingual text is missing {lang!r}")
        self.record(node, path, (), ("ja", "en", *extra))
        ja, en = self.string(node, "ja", path), self.string(node, "en", path)
        return Text(ja=ja, en=en) if ja is not None and en is not None else None

    def text_at(self, rec: dict[str, Any], key: str, path: str) -> Text | None:
        return self.text(rec[key], _join(path, key)) if key in rec else None

    def texts(self, rec: dict[str, Any], key: str, path: str) -> tuple[Text | None, ...]:
        return tuple(self.text(item, p) for item, p in self.items(rec, key, path))

    def sourced_text(self, node: Any, path: str) -> SourcedText | None:
        """A bilingual text carrying its own `prov`: `{ja, en, prov}`."""
        text = self.text(node, path, extra=("prov",))
        if isinstance(node, dict) and "prov" not in node:
            self.problem(_join(path, "prov"), "missing required field")
        prov = self.prov_at(node, "prov", path) if isinstance(node, dict) else None
        return SourcedText(text=text, prov=prov) if text and prov else None

    def sourced_text_at(self, rec: dict[str, Any], key: str, path: str) -> SourcedText | None:
        return self.sourced_text(rec[key], _join(path, key)) if key in rec else None

    def sourced_texts(self, rec: dict[str, Any], key: str, path: str) -> tuple[SourcedText, ...]:
        return tuple(self.sourced_text(item, p) for item, p in self.items(rec, key, path))

    def prov_at(self, rec: dict[str, Any], key: str, path: str) -> Provenance | None:
        return self.prov(rec[key], _join(path, key)) if key in rec else None

    def prov(self, node: Any, path: str) -> Provenance | None:
        """A provenance `{source, lines, basis, note}` with the rules of data/README.md."""
        rec = self.record(node, path, ("source", "basis"), ("lines", "note", "rule"))
        if not rec:
            return None
        sources = self.known.sources
        source_ids = None if sources is None else list(sources)
        source = self.choice(rec, "source", path, source_ids, "source id")
        lines = self.line_pair(rec, "lines", path, self.known.seed_last_line)
        if sources and source and sources.get(source) == "report" and "lines" not in rec:
            self.problem(
                _join(path, "lines"), f"required when the source is the report ({source!r})"
            )
        basis = self.choice(rec, "basis", path, BASES, "basis")
        note = self.string(rec, "note", path)
        if basis == "layout" and note is None and "note" not in rec:
            self.problem(
                _join(path, "note"), "a 'layout' basis must carry a note explaining the reading"
            )
        rule = self._reading_rule(rec, path, basis)
        if None in (source, basis) or ("lines" in rec and lines is None):
            return None
        return Provenance(source=source, basis=basis, lines=lines, note=note, rule=rule)

    def _reading_rule(self, rec: dict[str, Any], path: str, basis: str | None) -> str | None:
        """A `layout` reading names the reading rule it follows; a `stated` value names none."""
        if "rule" not in rec:
            if basis == "layout":
                self.problem(
                    _join(path, "rule"),
                    "a 'layout' basis must name its reading rule (an id of reading_rules.yaml)",
                )
            return None
        if basis == "stated":
            self.problem(_join(path, "rule"), "a 'stated' value follows no reading rule")
            return None
        return self.choice(rec, "rule", path, self.known.reading_rules, "reading rule id")
