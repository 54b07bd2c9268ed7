"""Which archetype a firm is nearest: by its figures among the imported sectors, or by answers.

THE RULES (our reading; the report draws its six regions as shapes and states no boundary)
By figures, on the statistics map's axes for one imported fiscal year:
- capital-intensive when the capital equipment ratio is at or above the all-industries point
  (全産業（除く金融保険業）) of that year, labour-intensive below it; the same for the software
  ratio (digital above, analog below). The report divides R&D intensity at the all-industry
  average (3.06 %, stated); we divide the two axes the same way, at the all-industries point.
- R&D intensity at or above the stated 3.06 % is knowledge-intensive (the report's indicator ①).
- Then: R&D high → B if capital-intensive, else A. R&D not high: digital → E1 if capital-
  intensive, else A; analog → C if labour-intensive, else D or E2, whichever has the nearer
  imported sector (log distance). R&D not entered: read as not high, with B as the alternative
  where it would decide.
By answers (shares of value from people on site, equipment, knowledge work):
- an element counts when it brings at least ELEMENT_SHARE_MIN % of the value; at most two count
  (no archetype carries all three: the smallest is dropped, a tie keeps both readings);
- the elements give the archetype as the report's table pairs them (A labour+knowledge,
  B capital+knowledge, C labour, D labour+capital, E1/E2 capital: IT-automated plant → E1,
  turning over held assets → E2); knowledge alone → A (its knowledge is delivered by people).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from genai_impact.official.model import SectorYearFigures
from genai_impact.placement.inputs import ELEMENTS, Answers
from genai_impact.placement.model import (
    ANSWERS,
    FIGURES,
    FirmFigures,
    Neighbour,
    Placement,
    Problem,
    Reason,
)
from genai_impact.report.model import Dataset, SourcedText

REFERENCE_SECTOR = "all_industries"  # 全産業（除く金融保険業）: where our axis boundaries sit
ABSURD_FACTOR = 100.0  # a ratio this far outside every imported sector is a unit mistake
ELEMENT_SHARE_MIN = 30  # percent of value for a business element to count
NEAREST = 3  # imported sectors listed beside a figures placement
BY_ELEMENTS: dict[frozenset[str], tuple[str, ...]] = {
    frozenset({"labour", "knowledge"}): ("A",),
    frozenset({"capital", "knowledge"}): ("B",),
    frozenset({"labour"}): ("C",),
    frozenset({"labour", "capital"}): ("D",),
    frozenset({"capital"}): ("E1", "E2"),
    frozenset({"knowledge"}): ("A",),
}


@dataclass(frozen=True)
class SectorPoint:
    sector_id: str
    archetype: str | None  # None: no example industry, or examples of several archetypes
    capital: float
    software: float


@dataclass(frozen=True)
class Reference:
    """One imported fiscal year: the all-industries point and every placed sector."""

    year: int
    capital: float
    software: float
    rd_threshold: float  # percent, the report's stated all-industry average
    sectors: tuple[SectorPoint, ...]


def _sector_archetype(ds: Dataset, estat_code: str) -> str | None:
    codes = {
        i.archetype for i in ds.industries if any(s.estat_code == estat_code for s in i.sectors)
    }
    return codes.pop() if len(codes) == 1 else None


def reference(ds: Dataset, figures: Sequence[SectorYearFigures], year: int) -> Reference | None:
    """The reference for `year`, or None when that year's all-industries point is not imported."""
    by_code = {
        f.estat_code: f
        for f in figures
        if f.fiscal_year == year
        and f.capital_equipment_ratio
        and f.software_equipment_ratio
        and f.capital_equipment_ratio > 0
        and f.software_equipment_ratio > 0
    }
    points = []
    for sector in ds.sectors:
        f = by_code.get(sector.estat_code)
        if f is not None:
            archetype = _sector_archetype(ds, sector.estat_code)
            points.append(
                SectorPoint(
                    sector.id, archetype, f.capital_equipment_ratio, f.software_equipment_ratio
                )  # type: ignore[arg-type]
            )
    anchor = next((p for p in points if p.sector_id == REFERENCE_SECTOR), None)
    if anchor is None or not ds.map_markers:
        return None
    return Reference(
        year, anchor.capital, anchor.software, ds.map_markers[0].threshold_percent, tuple(points)
    )


def _distance(firm: FirmFigures, p: SectorPoint) -> float:
    return math.hypot(
        math.log10(firm.capital_per_employee / p.capital),
        math.log10(firm.software_per_employee / p.software),
    )


def absurd(ref: Reference, firm: FirmFigures) -> tuple[Problem, ...]:
    """A ratio more than ABSURD_FACTOR outside the range of every imported sector."""
    problems = []
    for ratio, value in (
        ("capital_per_employee", firm.capital_per_employee),
        ("software_per_employee", firm.software_per_employee),
    ):
        seen = [getattr(p, ratio.split("_")[0]) for p in ref.sectors]
        low, high = min(seen) / ABSURD_FACTOR, max(seen) * ABSURD_FACTOR
        if not low <= value <= high:
            params = {"ratio": ratio, "value": value, "low": low, "high": high}
            problems.append(Problem("unit", "absurd", params))
    return tuple(problems)


def _axis_quote(ds: Dataset, axis: str, high: bool) -> SourcedText | None:
    """The capital axis's end in the report's words (労働集約的 / 資本集約的); the software
    axis's ends are only 低 / 高, so its definition is quoted instead."""
    found = next((a for a in ds.map_axes if a.axis == axis), None)
    if found is None:
        return None
    if axis == "y":
        return SourcedText(found.definition, found.prov)
    return SourcedText(found.high if high else found.low, found.prov)


def _marker_quote(ds: Dataset) -> SourcedText | None:
    if not ds.map_markers:
        return None
    marker = ds.map_markers[0]
    return SourcedText(marker.definition, marker.prov)


def _archetype_quote(ds: Dataset, code: str) -> Reason:
    archetype = ds.archetype(code)
    return Reason("archetype", {"code": code}, SourcedText(archetype.description, archetype.prov))


def place_by_figures(
    ds: Dataset, ref: Reference, firm: FirmFigures
) -> Placement | tuple[Problem, ...]:
    """The firm among the reference year's sectors, by the rules in the module docstring."""
    problems = absurd(ref, firm)
    if problems:
        return problems
    capital_high = firm.capital_per_employee >= ref.capital
    digital = firm.software_per_employee >= ref.software
    rd = firm.rd_ratio_percent
    rd_high = rd is not None and rd >= ref.rd_threshold
    nearest = tuple(
        sorted(
            (
                Neighbour(p.sector_id, p.archetype, round(_distance(firm, p), 4))
                for p in ref.sectors
            ),
            key=lambda n: n.distance,
        )
    )
    reasons = [
        Reason("boundary", {"year": ref.year}),
        Reason(
            "capital_high" if capital_high else "capital_low",
            {"firm": firm.capital_per_employee, "reference": ref.capital, "year": ref.year},
            _axis_quote(ds, "x", capital_high),
        ),
        Reason(
            "software_high" if digital else "software_low",
            {"firm": firm.software_per_employee, "reference": ref.software, "year": ref.year},
            _axis_quote(ds, "y", digital),
        ),
        Reason(
            "rd_unknown" if rd is None else ("rd_high" if rd_high else "rd_low"),
            {"firm": rd, "threshold": ref.rd_threshold},
            _marker_quote(ds),
        ),
    ]
    alternatives: tuple[str, ...] = ()
    if rd_high:
        code = "B" if capital_high else "A"
    elif digital:
        code = "E1" if capital_high else "A"
        if capital_high and rd is None:
            alternatives = ("B",)
    elif not capital_high:
        code = "C"
    else:
        code, alternatives, why = _nearer_of(nearest, ("D", "E2"))
        reasons.append(why)
    reasons.append(_archetype_quote(ds, code))
    elements = _elements_of(ds, code)
    return Placement(
        FIGURES,
        code,
        alternatives,
        tuple(reasons),
        elements,
        x=firm.capital_per_employee,
        y=firm.software_per_employee,
        year=ref.year,
        nearest=nearest[:NEAREST],
    )


def _nearer_of(
    nearest: Sequence[Neighbour], codes: tuple[str, ...]
) -> tuple[str, tuple[str, ...], Reason]:
    """Of `codes`, the archetype with the nearest imported sector; without one, a tie."""
    for n in nearest:
        if n.archetype in codes:
            params = {"sector": n.sector_id, "code": n.archetype, "codes": codes}
            return n.archetype, (), Reason("nearer_sector", params)
    return codes[0], codes[1:], Reason("no_sector_of", {"codes": codes})


def _elements_of(ds: Dataset, code: str) -> tuple[str, ...]:
    return ds.archetype(code).business_elements


def counted_elements(a: Answers) -> tuple[tuple[str, ...], ...]:
    """The element sets the answers support (one, or two when a tie decides which is dropped)."""
    counted = [e for e in ELEMENTS if a.share(e) >= ELEMENT_SHARE_MIN]
    if len(counted) <= 2:
        return (tuple(counted),)
    smallest = min(a.share(e) for e in counted)
    dropped = [e for e in counted if a.share(e) == smallest]
    if len(dropped) == 1:
        return (tuple(e for e in counted if e != dropped[0]),)
    return tuple(tuple(e for e in counted if e != d) for d in dropped)


def place_by_answers(ds: Dataset, answers: Answers) -> Placement:
    """The firm's archetype from its shares of value (answers already checked)."""
    readings = counted_elements(answers)
    codes: list[str] = []
    for elements in readings:
        for code in BY_ELEMENTS[frozenset(elements)]:
            if code not in codes:
                codes.append(code)
    reasons = [
        Reason(
            "elements",
            {
                "shares": {e: answers.share(e) for e in ELEMENTS},
                "counted": readings[0],
                "minimum": ELEMENT_SHARE_MIN,
            },
        )
    ]
    if len(readings) > 1:
        reasons.append(Reason("element_tie", {"readings": readings}))
    if readings[0] == ("knowledge",):
        reasons.append(Reason("knowledge_alone"))
    if codes[:2] == ["E1", "E2"]:
        if answers.capital_use == "plant":
            codes = ["E1"]
        elif answers.capital_use == "assets":
            codes = ["E2"]
        reasons.append(Reason(f"capital_use_{answers.capital_use or 'unknown'}"))
    if answers.digital_touchpoints is not None:
        reasons.append(
            Reason(
                "digital_touchpoints_yes"
                if answers.digital_touchpoints
                else "digital_touchpoints_no",
                {},
                digital_touchpoint_tendency(ds) if answers.digital_touchpoints else None,
            )
        )
    reasons.append(_archetype_quote(ds, codes[0]))
    return Placement(ANSWERS, codes[0], tuple(codes[1:]), tuple(reasons), readings[0])


# The customer-touchpoint phase's tendency on digital touchpoints (the second of its three).
DIGITAL_TOUCHPOINT_TENDENCY = ("customer_touchpoint", 1)


def digital_touchpoint_tendency(ds: Dataset) -> SourcedText | None:
    phase_id, index = DIGITAL_TOUCHPOINT_TENDENCY
    phase = next((p for p in ds.phases if p.id == phase_id), None)
    if phase is None or len(phase.industry_tendencies) <= index:
        return None
    return phase.industry_tendencies[index]
