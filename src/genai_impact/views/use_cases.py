"""The use-case table: seven directions of use × three phases (pure: no streamlit)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from genai_impact.report.model import Dataset, Direction, Effect, Industry, Phase, UseCase
from genai_impact.views.profile import in_report_order


@dataclass(frozen=True)
class GridRow:
    """One direction of use and its use cases in each shown phase (same order as the phases)."""

    direction: Direction
    cells: tuple[tuple[UseCase, ...], ...]

    @property
    def count(self) -> int:
        return sum(len(cell) for cell in self.cells)


def shown_phases(ds: Dataset, phases: Collection[str] = ()) -> list[Phase]:
    """The chosen phases (all when none), in the report's order."""
    return [p for p in ds.phases if not phases or p.id in phases]


def use_case_grid(
    ds: Dataset, phases: Collection[str] = (), directions: Collection[str] = ()
) -> list[GridRow]:
    """Each chosen direction (all when none, by number) × each chosen phase: its use cases."""
    columns = shown_phases(ds, phases)
    rows = []
    for direction in ds.directions:
        if directions and str(direction.number) not in directions:
            continue
        cells = tuple(
            tuple(u for u in ds.use_cases if direction.number in u.directions and p.id in u.phases)
            for p in columns
        )
        rows.append(GridRow(direction, cells))
    return rows


def strongest_in_phase(ds: Dataset, phase_id: str) -> list[tuple[Industry, tuple[Effect, ...]]]:
    """The industries whose effect in a phase is of the largest size the data shows there.

    Sizes are read from the report's layout (every size has basis `layout`); the effects
    are returned so the page can show that basis with them.
    """
    sized = [
        (industry, effect)
        for industry in in_report_order(ds)
        for effect in industry.phases[phase_id].effects
        if effect.size is not None
    ]
    if not sized:
        return []
    top = max(ds.effect_size(e.size).rank for _, e in sized if e.size)
    out: dict[str, tuple[Industry, list[Effect]]] = {}
    for industry, effect in sized:
        if effect.size and ds.effect_size(effect.size).rank == top:
            out.setdefault(industry.id, (industry, []))[1].append(effect)
    return [(industry, tuple(effects)) for industry, effects in out.values()]


def use_case_count(rows: list[GridRow]) -> int:
    """Distinct use cases in the grid (one spanning several cells counts once)."""
    return len({u.id for row in rows for cell in row.cells for u in cell})
