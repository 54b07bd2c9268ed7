"""What changes for every firm: the queries of /outlook and of a profile's strategy
directions (pure: no streamlit).

The page has three sections (`SECTIONS`): the changes to the business environment, the
strategy directions (data, 人財, 共創) and the outlook with other technologies. Each
section is also a flat list of `Row`s, one per value with its provenance, in the order
the page shows them: the CSV, the slide and the tests read the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from genai_impact.report.model import Dataset, Provenance, SourcedText, Text
from genai_impact.report.outlook import EnvironmentChange, OutlookItem, Strategy

SECTIONS: tuple[str, ...] = ("environment", "strategies", "outlook")
# What a row's value is, in the order a record shows them (catalogue `outlook.role.*`)
ROLES: tuple[str, ...] = (
    "name",
    "definition",
    "summary",
    "example",
    "point",
    "prospect",
    "direction",
    "responds_to",
    "applies_to",
)


@dataclass(frozen=True)
class Row:
    """One value of a section: the record it belongs to, what it is, the text, its source."""

    record: str  # the record's id
    heading: Text  # the record's name
    role: str  # one of ROLES
    text: Text
    prov: Provenance


@dataclass(frozen=True)
class AppliedStrategy:
    """A strategy direction that applies to an industry, and the report's reason."""

    strategy: Strategy
    reason: SourcedText  # the report's words on whom the direction matters to
    changes: tuple[tuple[EnvironmentChange, Provenance], ...]  # the changes it answers


def change(ds: Dataset, change_id: str) -> EnvironmentChange:
    return next(c for c in ds.environment_changes if c.id == change_id)


def changes_answered(
    ds: Dataset, strategy: Strategy
) -> tuple[tuple[EnvironmentChange, Provenance], ...]:
    """The environment changes `strategy` answers, each with the link's provenance."""
    return tuple((change(ds, link.change), link.prov) for link in strategy.responds_to)


def shared_reason(ds: Dataset) -> SourcedText | None:
    """The report's words on whom the strategies apply to, when all of them share them
    (the page then says it once, above the three)."""
    reasons = {s.applies_to.text for s in ds.strategies}
    return next(iter(reasons)) if len(reasons) == 1 else None


def strategies_for_industry(ds: Dataset, industry_id: str) -> list[AppliedStrategy]:
    """The strategy directions that apply to an industry, in the report's order, each
    with the report's reason: every direction the report addresses to all firms, and
    those it addresses to the industry's archetype."""
    industry = next((i for i in ds.industries if i.id == industry_id), None)
    if industry is None:
        raise KeyError(f"no industry {industry_id!r}")
    archetype = industry.archetype
    return [
        AppliedStrategy(s, s.applies_to.text, changes_answered(ds, s))
        for s in ds.strategies
        if s.applies_to_archetype(archetype)
    ]


def outlook_items(ds: Dataset, kind: str) -> list[OutlookItem]:
    """The outlook's records of one kind (overview, technology, direction)."""
    return [item for item in ds.outlook if item.kind == kind]


# --- the sections as rows ----------------------------------------------------------------


def _row(record: str, heading: Text, role: str, item: SourcedText) -> Row:
    return Row(record, heading, role, item.text, item.prov)


def environment_rows(ds: Dataset) -> list[Row]:
    rows = []
    for ch in ds.environment_changes:
        rows.append(_row(ch.id, ch.name.text, "name", ch.name))
        if ch.definition is not None:
            rows.append(_row(ch.id, ch.name.text, "definition", ch.definition))
        rows += [_row(ch.id, ch.name.text, "point", p) for p in ch.points]
    return rows


def strategy_rows(ds: Dataset) -> list[Row]:
    rows = []
    for s in ds.strategies:
        heading = s.name.text
        rows.append(_row(s.id, heading, "name", s.name))
        rows.append(_row(s.id, heading, "summary", s.summary))
        rows += [_row(s.id, heading, "point", p) for p in s.points]
        rows.append(_row(s.id, heading, "direction", s.direction))
        rows += [
            Row(s.id, heading, "responds_to", ch.name.text, prov)
            for ch, prov in changes_answered(ds, s)
        ]
        rows.append(_row(s.id, heading, "applies_to", s.applies_to.text))
    return rows


def outlook_rows(ds: Dataset) -> list[Row]:
    rows = []
    for item in ds.outlook:
        heading = item.name.text
        rows.append(_row(item.id, heading, "name", item.name))
        if item.example is not None:
            rows.append(_row(item.id, heading, "example", item.example))
        rows += [_row(item.id, heading, "point", p) for p in item.points]
        if item.prospect is not None:
            rows.append(_row(item.id, heading, "prospect", item.prospect))
    return rows


SECTION_ROWS: dict[str, Callable[[Dataset], list[Row]]] = {
    "environment": environment_rows,
    "strategies": strategy_rows,
    "outlook": outlook_rows,
}


def section_rows(ds: Dataset, section: str) -> list[Row]:
    """The rows of one of `SECTIONS`."""
    return SECTION_ROWS[section](ds)
