"""outlook.yaml -> what changes for every firm: the report's later chapters (pure).

Three lists, each value with its provenance:

- `EnvironmentChange`: a change to the business environment the report expects once
  generative AI is common (name, points, the report's footnote defining it);
- `Strategy`: data (データ), people (人財), co-creation (共創): the report's heading, the
  executive summary's line, the slide's points, its 対応の方向性, the changes it answers,
  and whom the report says it applies to (`StrategyScope`);
- `OutlookItem`: the medium- to long-term outlook with other technologies: an overview,
  a technology with the report's example, or a direction of the report's figure.

`parse_outlook` checks a document through a `Checker`, so a broken file names file,
record and field; `fact_rows` lists every value for the data set's facts table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from genai_impact.report.model import Provenance, SourcedText, Text
from genai_impact.report.validation import Checker

if TYPE_CHECKING:
    from genai_impact.report.model import Dataset

LISTS: tuple[str, ...] = ("environment_changes", "strategies", "outlook")
STRATEGY_IDS: tuple[str, ...] = ("data", "people", "co_creation")
SCOPES: tuple[str, ...] = ("all_firms", "archetypes")
OUTLOOK_KINDS: tuple[str, ...] = ("overview", "technology", "direction")


@dataclass(frozen=True)
class EnvironmentChange:
    id: str
    name: SourcedText
    points: tuple[SourcedText, ...]
    definition: SourcedText | None = None


@dataclass(frozen=True)
class ChangeLink:
    """A strategy answers an environment change (`change` is its id)."""

    change: str
    prov: Provenance


@dataclass(frozen=True)
class StrategyScope:
    """Whom a strategy applies to: every firm, or the industries of some archetypes."""

    scope: str  # "all_firms" | "archetypes"
    text: SourcedText  # the report's words that say so
    archetypes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Strategy:
    id: str  # "data" | "people" | "co_creation"
    name: SourcedText
    summary: SourcedText
    points: tuple[SourcedText, ...]
    direction: SourcedText
    responds_to: tuple[ChangeLink, ...]
    applies_to: StrategyScope

    def applies_to_archetype(self, code: str) -> bool:
        scope = self.applies_to
        return scope.scope == "all_firms" or code in scope.archetypes


@dataclass(frozen=True)
class OutlookItem:
    id: str
    kind: str  # "overview" | "technology" | "direction"
    name: SourcedText
    points: tuple[SourcedText, ...]
    example: SourcedText | None = None  # a technology's example from the report
    prospect: SourcedText | None = None  # what the report's figure asks of it


def parse_outlook(c: Checker, doc: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """The three lists, as keyword arguments of `Dataset`."""
    changes = _changes(c, doc)
    change_ids = tuple(ch.id for ch in changes if ch.id is not None)
    return {
        "environment_changes": changes,
        "strategies": _strategies(c, doc, change_ids),
        "outlook": _outlook(c, doc),
    }


def _points(c: Checker, rec: dict[str, Any], path: str) -> tuple[SourcedText, ...]:
    items = c.items(rec, "points", path)
    if "points" in rec and isinstance(rec["points"], list) and not items:
        c.problem(f"{path}.points", "empty list: needs at least one point")
    return tuple(c.sourced_text(item, item_path) for item, item_path in items)


def _changes(c: Checker, doc: dict[str, Any]) -> tuple[EnvironmentChange, ...]:
    items = c.items(doc, "environment_changes", "")
    c.unique_field(items, "id", "id")
    out = []
    for node, path in items:
        rec = c.record(node, path, ("id", "name", "points"), ("definition",))
        out.append(
            EnvironmentChange(
                id=c.identifier(rec, "id", path),
                name=c.sourced_text_at(rec, "name", path),
                points=_points(c, rec, path),
                definition=c.sourced_text_at(rec, "definition", path),
            )
        )
    return tuple(out)


def _strategies(
    c: Checker, doc: dict[str, Any], change_ids: tuple[str, ...]
) -> tuple[Strategy, ...]:
    items = c.items(doc, "strategies", "")
    c.unique_field(items, "id", "id")
    fields = ("id", "name", "summary", "points", "direction", "responds_to", "applies_to")
    out = []
    for node, path in items:
        rec = c.record(node, path, fields)
        out.append(
            Strategy(
                id=c.choice(rec, "id", path, STRATEGY_IDS, "strategy id"),
                name=c.sourced_text_at(rec, "name", path),
                summary=c.sourced_text_at(rec, "summary", path),
                points=_points(c, rec, path),
                direction=c.sourced_text_at(rec, "direction", path),
                responds_to=_links(c, rec, path, change_ids),
                applies_to=_scope(c, rec, path),
            )
        )
    return tuple(out)


def _links(
    c: Checker, rec: dict[str, Any], path: str, change_ids: tuple[str, ...]
) -> tuple[ChangeLink, ...]:
    items = c.items(rec, "responds_to", path)
    c.unique_field(items, "change", "environment change")
    out = []
    for node, link_path in items:
        link = c.record(node, link_path, ("change", "prov"))
        out.append(
            ChangeLink(
                change=c.choice(link, "change", link_path, change_ids, "environment change id"),
                prov=c.prov_at(link, "prov", link_path),
            )
        )
    return tuple(out)


def _scope(c: Checker, rec: dict[str, Any], path: str) -> StrategyScope | None:
    if "applies_to" not in rec:
        return None
    where = f"{path}.applies_to"
    node = c.record(rec["applies_to"], where, ("scope", "text"), ("archetypes",))
    scope = c.choice(node, "scope", where, SCOPES, "scope")
    codes = c.known.archetypes
    archetypes = c.refs(node, "archetypes", where, None if codes is None else list(codes), "code")
    if scope == "archetypes" and not archetypes:
        c.problem(f"{where}.archetypes", "required when the scope is 'archetypes'")
    if scope == "all_firms" and archetypes:
        c.problem(f"{where}.archetypes", "must be left out when the scope is 'all_firms'")
    text = c.sourced_text_at(node, "text", where)
    if scope is None or text is None:
        return None
    return StrategyScope(scope=scope, text=text, archetypes=archetypes)


def _outlook(c: Checker, doc: dict[str, Any]) -> tuple[OutlookItem, ...]:
    items = c.items(doc, "outlook", "")
    c.unique_field(items, "id", "id")
    out = []
    for node, path in items:
        rec = c.record(node, path, ("id", "kind", "name", "points"), ("example", "prospect"))
        kind = c.choice(rec, "kind", path, OUTLOOK_KINDS, "outlook kind")
        if kind is not None and kind != "technology":
            for key in ("example", "prospect"):
                if key in rec:
                    c.problem(f"{path}.{key}", f"only a 'technology' has {key!r}")
        out.append(
            OutlookItem(
                id=c.identifier(rec, "id", path),
                kind=kind,
                name=c.sourced_text_at(rec, "name", path),
                points=_points(c, rec, path),
                example=c.sourced_text_at(rec, "example", path),
                prospect=c.sourced_text_at(rec, "prospect", path),
            )
        )
    return tuple(out)


FactRow = tuple[str, str, str, Text, Provenance]  # table, record id, field, value, provenance


def fact_rows(ds: Dataset) -> Iterator[FactRow]:
    """Every value of the three lists as a row of `report.facts` (same field paths as
    the YAML and the JSON export)."""

    def sourced(table: str, key: str, field: str, item: SourcedText | None) -> Iterator[FactRow]:
        if item is not None:
            yield (table, key, field, item.text, item.prov)

    def points(table: str, key: str, items: tuple[SourcedText, ...]) -> Iterator[FactRow]:
        for i, item in enumerate(items):
            yield from sourced(table, key, f"points[{i}]", item)

    for c in ds.environment_changes:
        yield from sourced("environment_changes", c.id, "name", c.name)
        yield from sourced("environment_changes", c.id, "definition", c.definition)
        yield from points("environment_changes", c.id, c.points)
    for s in ds.strategies:
        for field in ("name", "summary"):
            yield from sourced("strategies", s.id, field, getattr(s, field))
        yield from points("strategies", s.id, s.points)
        yield from sourced("strategies", s.id, "direction", s.direction)
        for i, link in enumerate(s.responds_to):
            value = Text(ja=link.change, en=link.change)
            yield ("strategies", s.id, f"responds_to[{i}]", value, link.prov)
        scope = s.applies_to
        value = Text(ja=scope.scope, en=scope.scope)
        yield ("strategies", s.id, "applies_to.scope", value, scope.text.prov)
        yield from sourced("strategies", s.id, "applies_to.text", scope.text)
    for o in ds.outlook:
        yield from sourced("outlook", o.id, "name", o.name)
        yield from sourced("outlook", o.id, "example", o.example)
        yield from points("outlook", o.id, o.points)
        yield from sourced("outlook", o.id, "prospect", o.prospect)
