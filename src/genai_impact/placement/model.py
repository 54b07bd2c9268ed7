"""The values of a placement: a firm's ratios, a problem, a reason, the result (frozen)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from genai_impact.report.model import SourcedText

FIGURES = "figures"
ANSWERS = "answers"


@dataclass(frozen=True)
class FirmFigures:
    """A firm's two ratios (百万円 per employee) and its R&D intensity (% of sales, or None)."""

    capital_per_employee: float
    software_per_employee: float
    rd_ratio_percent: float | None = None


@dataclass(frozen=True)
class Problem:
    """What is wrong with one input field: a catalogue code (`place.problem.<code>`) and values."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reason:
    """One step of the classification.

    `key` names our words (`place.reason.<key>`, formatted with `params`); `quote`, when set, is
    the report's own words the step rests on, with their provenance.
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    quote: SourcedText | None = None

    @property
    def ours(self) -> bool:
        """True when the step is our reading with no words of the report behind it."""
        return self.quote is None


@dataclass(frozen=True)
class Neighbour:
    """An imported sector near the firm: its archetype (None: no or several) and log distance."""

    sector_id: str
    archetype: str | None
    distance: float


@dataclass(frozen=True)
class Placement:
    """Where a firm lands.

    `archetype` is the nearest archetype, `alternatives` others as near (a tie, or an input that
    would decide between them is missing). By figures, `x`/`y` are the firm's ratios on the
    statistics map's log axes; by answers they are None: the schematic map has no measured
    positions, and the chart puts the point in its archetype's region by the schematic rule.
    """

    method: str  # FIGURES | ANSWERS
    archetype: str
    alternatives: tuple[str, ...]
    reasons: tuple[Reason, ...]
    elements: tuple[str, ...]  # business elements read from the input, report order
    x: float | None = None
    y: float | None = None
    year: int | None = None  # the reference's fiscal year (figures)
    nearest: tuple[Neighbour, ...] = ()

    @property
    def candidates(self) -> tuple[str, ...]:
        """The archetype, then its alternatives."""
        return (self.archetype, *self.alternatives)
