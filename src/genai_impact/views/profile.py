"""One industry's profile and two industries side by side (pure: no streamlit).

Everything is in ids and model values; `profile_text.py` turns it into words.
"""

from __future__ import annotations

from dataclasses import dataclass

from genai_impact.report.model import (
    Dataset,
    Direction,
    Effect,
    Industry,
    IndustryImpact,
    Phase,
    Provenance,
    UseCase,
)


def in_report_order(ds: Dataset) -> list[Industry]:
    """The 19 industries in the order of the report's table."""
    return sorted(ds.industries, key=lambda i: i.order)


def neighbours(ds: Dataset, industry_id: str) -> tuple[Industry | None, Industry | None]:
    """The previous and next industry in the report's order (None at either end)."""
    ordered = in_report_order(ds)
    at = next(n for n, i in enumerate(ordered) if i.id == industry_id)
    before = ordered[at - 1] if at > 0 else None
    after = ordered[at + 1] if at + 1 < len(ordered) else None
    return before, after


def effect_of_kind(industry: Industry, phase_id: str, kind: str) -> Effect | None:
    """The industry's effect of `kind` in a phase, or None when it has none of that kind."""
    return next((e for e in industry.phases[phase_id].effects if e.kind == kind), None)


def impact_of_type(industry: Industry, number: int) -> IndustryImpact | None:
    """The industry's structural impact of type `number`, or None when it does not apply."""
    return next((i for i in industry.impact_types if i.number == number), None)


def phases_with_effect(ds: Dataset, industry: Industry) -> list[Phase]:
    """The phases in which the report expects an effect for the industry (no "－")."""
    return [p for p in ds.phases if industry.phases[p.id].has_effect]


def use_cases_in(ds: Dataset, phase_id: str) -> list[tuple[Direction, list[UseCase]]]:
    """The use cases of one phase, by direction of use (directions without any left out)."""
    out = []
    for direction in ds.directions:
        cases = [
            u for u in ds.use_cases if phase_id in u.phases and direction.number in u.directions
        ]
        if cases:
            out.append((direction, cases))
    return out


def relevant_use_cases(
    ds: Dataset, industry: Industry
) -> list[tuple[Phase, list[tuple[Direction, list[UseCase]]]]]:
    """For each phase where the industry has an effect, its use cases by direction of use."""
    return [(phase, use_cases_in(ds, phase.id)) for phase in phases_with_effect(ds, industry)]


# Comparison ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """What one industry has for one compared aspect: ids (comparable) and where they come from."""

    values: tuple[str, ...]  # ids: an archetype code, a size id, a timing id, "yes"/"no"...
    prov: Provenance | None  # None: nothing in the data (a type the report does not attribute)


@dataclass(frozen=True)
class ComparedRow:
    """One aspect of two industries. `subject` names it (a phase and kind, a type...)."""

    aspect: str  # "archetype" | "element" | "effect" | "impact" | "sector"
    subject: tuple[str, ...]  # ids naming what is compared: (element id), (phase, kind), (n,)
    a: Side
    b: Side

    @property
    def differs(self) -> bool:
        return self.a.values != self.b.values


NO_EFFECT = "none"  # the report's "－": no effect at all in the phase
NOT_OF_KIND = "absent"  # an effect in the phase, but not of this kind
SIZE_NOT_LEGIBLE = "not_legible"


def _effect_side(industry: Industry, phase_id: str, kind: str) -> Side:
    phase = industry.phases[phase_id]
    if not phase.has_effect:
        return Side((NO_EFFECT,), phase.prov)
    effect = effect_of_kind(industry, phase_id, kind)
    if effect is None:  # the kinds of a phase are read together: the present one explains both
        return Side((NOT_OF_KIND,), phase.effects[0].prov)
    return Side((effect.size or SIZE_NOT_LEGIBLE,), effect.prov)


def compare_industries(ds: Dataset, a: Industry, b: Industry) -> list[ComparedRow]:
    """Archetype, each business element, each phase × effect kind, each impact type, sectors."""
    rows = [
        ComparedRow("archetype", (), Side((a.archetype,), a.prov), Side((b.archetype,), b.prov))
    ]
    for element in ds.business_elements:
        rows.append(
            ComparedRow(
                "element",
                (element.id,),
                Side(("yes" if element.id in a.business_elements else "no",), a.prov),
                Side(("yes" if element.id in b.business_elements else "no",), b.prov),
            )
        )
    for phase in ds.phases:
        for kind in ds.effect_kinds:
            rows.append(
                ComparedRow(
                    "effect",
                    (phase.id, kind.id),
                    _effect_side(a, phase.id, kind.id),
                    _effect_side(b, phase.id, kind.id),
                )
            )
    for impact_type in ds.impact_types:
        sides = []
        for industry in (a, b):
            impact = impact_of_type(industry, impact_type.number)
            if impact is None:  # the data attributes nothing, so there is no source to cite
                sides.append(Side(("no",), None))
            else:
                sides.append(Side((impact.timing,), impact.prov))
        rows.append(ComparedRow("impact", (str(impact_type.number),), *sides))
    rows.append(
        ComparedRow(
            "sector",
            (),
            Side(
                tuple(s.estat_code for s in a.sectors), a.sectors[0].prov if a.sectors else a.prov
            ),
            Side(
                tuple(s.estat_code for s in b.sectors), b.sectors[0].prov if b.sectors else b.prov
            ),
        )
    )
    return rows
