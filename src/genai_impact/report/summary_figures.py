"""summary_figures.yaml -> the report's summary figures the other files leave out (pure).

Three pieces, each value with its provenance:

- `ImpactExample`: a 影響例 of the figure 「産業にもたらす影響（概要）」, one per example
  industry and impact type;
- `ChangeLevel`: a level of change of the executive summary with its example industries;
- `PhaseFlow`: a chain of effects in the figure after the phases' table, what a phase's use
  cases lead to, as ordered steps (efficiency first, value creation last).

`parse_summary_figures` checks the file through a `Checker` (file, record, field in every
problem) and resolves industry ids, impact types, impact levels and phase ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from genai_impact.report.model import Industry, Provenance, SourcedText, Text
from genai_impact.report.validation import Checker

FILE = "summary_figures.yaml"
LISTS = ("impact_examples", "change_levels", "phase_flows")


@dataclass(frozen=True)
class ImpactExample:
    """The 影響例 the figure gives for `industry`, in the row of impact type `impact_type`."""

    industry: str
    impact_type: int
    text: Text
    prov: Provenance


@dataclass(frozen=True)
class LevelExample:
    """An example the executive summary names for a level, and the industries it maps to
    (none when the example names a group the report's table does not resolve)."""

    name: Text
    industries: tuple[str, ...]
    prov: Provenance


@dataclass(frozen=True)
class ChangeLevel:
    """A level of change in the executive summary (`level`: the framework's impact level)."""

    level: str
    name: Text
    examples: tuple[LevelExample, ...]
    prov: Provenance


@dataclass(frozen=True)
class FlowStep:
    """One step of a chain: one phrase, or several printed side by side."""

    phrases: tuple[SourcedText, ...]


@dataclass(frozen=True)
class PhaseFlow:
    """A chain of effects in `phases`, its steps from efficiency to value creation."""

    id: str
    phases: tuple[str, ...]
    steps: tuple[FlowStep, ...]
    prov: Provenance


def parse_summary_figures(
    c: Checker, doc: dict[str, Any], industries: Sequence[Industry]
) -> dict[str, tuple[Any, ...]]:
    """The file's three lists as `Dataset` fields; `industries` resolve the references
    (an empty sequence, when industries.yaml could not be read, skips those checks)."""
    types_of = {i.id: {t.number for t in i.impact_types} for i in industries if i and i.id}
    return {
        "impact_examples": _impact_examples(c, doc, types_of or None),
        "change_levels": _change_levels(c, doc, tuple(types_of) or None),
        "phase_flows": _phase_flows(c, doc),
    }


def _impact_examples(
    c: Checker, doc: dict[str, Any], types_of: dict[str, set[int]] | None
) -> tuple[ImpactExample, ...]:
    items = c.items(doc, "impact_examples", "")
    ids = None if types_of is None else tuple(types_of)
    pairs = []
    out = []
    for node, path in items:
        rec = c.record(node, path, ("industry", "impact_type", "text", "prov"))
        industry = c.choice(rec, "industry", path, ids, "industry id")
        number = c.choice(
            rec, "impact_type", path, c.known.impact_types, "impact type", number=True
        )
        if types_of is not None and industry and number and number not in types_of[industry]:
            c.problem(
                f"{path}.impact_type",
                f"impact type {number} is not one of {industry}'s impact types "
                f"{sorted(types_of[industry])} in industries.yaml",
            )
        pairs.append(((industry, number) if industry and number else None, path))
        out.append(
            ImpactExample(
                industry=industry,
                impact_type=number,
                text=c.text_at(rec, "text", path),
                prov=c.prov_at(rec, "prov", path),
            )
        )
    c.unique(pairs, "industry and impact type")
    return tuple(out)


def _change_levels(
    c: Checker, doc: dict[str, Any], industry_ids: tuple[str, ...] | None
) -> tuple[ChangeLevel, ...]:
    items = c.items(doc, "change_levels", "")
    c.unique_field(items, "level", "impact level")
    out = []
    for node, path in items:
        rec = c.record(node, path, ("level", "name", "examples", "prov"))
        examples = []
        for ex_node, ex_path in c.items(rec, "examples", path):
            ex = c.record(ex_node, ex_path, ("name", "industries", "prov"))
            examples.append(
                LevelExample(
                    name=c.text_at(ex, "name", ex_path),
                    industries=c.refs(ex, "industries", ex_path, industry_ids, "industry id"),
                    prov=c.prov_at(ex, "prov", ex_path),
                )
            )
        if isinstance(rec.get("examples"), list) and not examples:
            c.problem(f"{path}.examples", "empty list: needs at least one example")
        out.append(
            ChangeLevel(
                level=c.choice(rec, "level", path, c.known.impact_levels, "impact level"),
                name=c.text_at(rec, "name", path),
                examples=tuple(examples),
                prov=c.prov_at(rec, "prov", path),
            )
        )
    return tuple(out)


def _phase_flows(c: Checker, doc: dict[str, Any]) -> tuple[PhaseFlow, ...]:
    items = c.items(doc, "phase_flows", "")
    c.unique_field(items, "id", "id")
    out = []
    for node, path in items:
        rec = c.record(node, path, ("id", "phases", "steps", "prov"))
        steps = []
        for step_node, step_path in c.items(rec, "steps", path):
            step = c.record(step_node, step_path, ("phrases",))
            phrases = c.sourced_texts(step, "phrases", step_path)
            if isinstance(step.get("phrases"), list) and not phrases:
                c.problem(f"{step_path}.phrases", "empty list: needs at least one phrase")
            steps.append(FlowStep(phrases=phrases))
        if isinstance(rec.get("steps"), list) and not steps:
            c.problem(f"{path}.steps", "empty list: needs at least one step")
        out.append(
            PhaseFlow(
                id=c.identifier(rec, "id", path),
                phases=c.refs(rec, "phases", path, c.known.phases, "phase id", non_empty=True),
                steps=tuple(steps),
                prov=c.prov_at(rec, "prov", path),
            )
        )
    return tuple(out)
