"""The report's summary figures for the profile and the use-case page (pure: no streamlit).

- an industry's 影響例 (the figure 「産業にもたらす影響（概要）」) and the executive
  summary's levels of change that name it;
- the phase flows (what each phase's use cases lead to), grouped by phase and filtered
  like the use-case page.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from genai_impact.report.model import Dataset, Phase
from genai_impact.report.summary_figures import ChangeLevel, ImpactExample, LevelExample, PhaseFlow
from genai_impact.text.i18n import t


def impact_examples_of(ds: Dataset, industry_id: str) -> list[ImpactExample]:
    """The 影響例 the figure gives for one industry, in the figure's order."""
    return [e for e in ds.impact_examples if e.industry == industry_id]


def change_levels_of(ds: Dataset, industry_id: str) -> list[tuple[ChangeLevel, LevelExample]]:
    """Each level of change whose examples name the industry, with that example."""
    return [
        (level, example)
        for level in ds.change_levels
        for example in level.examples
        if industry_id in example.industries
    ]


def unmapped_examples(ds: Dataset) -> list[tuple[ChangeLevel, LevelExample]]:
    """The summary's examples that name no industry of the table (e.g. 各種製造業)."""
    return [
        (level, example)
        for level in ds.change_levels
        for example in level.examples
        if not example.industries
    ]


@dataclass(frozen=True)
class FlowGroup:
    """The flows of one phase, or (`phase` None) the flows common to several phases."""

    phase: Phase | None
    flows: tuple[PhaseFlow, ...]


def flow_groups(ds: Dataset, phases: Collection[str] = ()) -> list[FlowGroup]:
    """The chains of the chosen phases (all when none), phase by phase in the report's
    order; then the chains that span several phases, when one of their phases is chosen."""
    shown = [p for p in ds.phases if not phases or p.id in phases]
    shown_ids = {p.id for p in shown}
    groups = []
    for phase in shown:
        own = tuple(f for f in ds.phase_flows if f.phases == (phase.id,))
        if own:
            groups.append(FlowGroup(phase, own))
    common = tuple(f for f in ds.phase_flows if len(f.phases) > 1 and shown_ids & set(f.phases))
    if common:
        groups.append(FlowGroup(None, common))
    return groups


def step_text(step_phrases: Collection[str], lang: str) -> str:
    """The phrases of one step, side by side."""
    return t("summary.flow.parallel", lang).join(step_phrases)


def flow_text(flow: PhaseFlow, lang: str) -> str:
    """A chain as one line of plain text: its steps joined by arrows."""
    steps = [step_text([p.text.in_lang(lang) for p in s.phrases], lang) for s in flow.steps]
    return t("summary.flow.arrow", lang).join(steps)


def group_name(ds: Dataset, group: FlowGroup, lang: str) -> str:
    """A group's heading: the phase's name, or the phases a common chain spans."""
    if group.phase is not None:
        return group.phase.name.in_lang(lang)
    return t("summary.flow.common", lang)
