"""What a user types, read into figures or answers; every problem names its field.

Numbers are read as typed on a form or a command line: spaces and thousands separators are
ignored and full-width digits accepted (NFKC); anything else is `not_a_number`. A problem never
half-reads an input: either every field is good and a value comes back, or the problems do.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from genai_impact.placement.model import FirmFigures, Problem
from genai_impact.placement.units import DEFAULT_UNIT, UNITS, to_million_yen

REQUIRED = ("tangible_fixed_assets_ex_land", "software_assets", "employees")
ELEMENTS = ("labour", "capital", "knowledge")  # the report's business elements, its order
CAPITAL_USES = ("plant", "assets")  # IT-automated plant and machines (E1) | held assets (E2)


@dataclass(frozen=True)
class FirmInput:
    """The figures of a firm's annual report as typed (texts), all money in one `unit`."""

    tangible_fixed_assets_ex_land: str
    software_assets: str
    employees: str
    rd_spending: str = ""
    sales: str = ""
    unit: str = DEFAULT_UNIT


@dataclass(frozen=True)
class Answers:
    """The questions instead of figures: shares of value (percent, adding to 100), two choices."""

    labour: int
    capital: int
    knowledge: int
    digital_touchpoints: bool | None = None
    capital_use: str | None = None  # one of CAPITAL_USES, or None: not answered

    def share(self, element: str) -> int:
        return int(getattr(self, element))


def read_number(field: str, text: str) -> float | Problem | None:
    """A typed number; None when the field is empty."""
    cleaned = unicodedata.normalize("NFKC", text or "").replace(",", "").replace(" ", "").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return Problem(field, "not_a_number", {"value": text.strip()})
    if not math.isfinite(value):
        return Problem(field, "not_a_number", {"value": text.strip()})
    if value < 0:
        return Problem(field, "negative", {"value": text.strip()})
    return value


def read_figures(inp: FirmInput) -> FirmFigures | tuple[Problem, ...]:
    """The firm's ratios in 百万円 per employee and its R&D intensity, or every problem found."""
    problems: list[Problem] = []
    if inp.unit not in UNITS:
        problems.append(Problem("unit", "unknown_unit", {"value": inp.unit}))
    values: dict[str, float | None] = {}
    for name in (*REQUIRED, "rd_spending", "sales"):
        got = read_number(name, getattr(inp, name))
        if isinstance(got, Problem):
            problems.append(got)
            continue
        if got is None and name in REQUIRED:
            problems.append(Problem(name, "missing"))
            continue
        values[name] = got
    if values.get("employees") == 0:
        problems.append(Problem("employees", "zero_employees"))
    for name in ("tangible_fixed_assets_ex_land", "software_assets"):
        if values.get(name) == 0:
            problems.append(Problem(name, "zero_on_log_axis"))
    rd, sales = values.get("rd_spending"), values.get("sales")
    if "rd_spending" in values and "sales" in values:
        if (rd is None) != (sales is None):
            missing = "sales" if sales is None else "rd_spending"
            problems.append(Problem(missing, "needs_pair"))
        elif sales == 0:
            problems.append(Problem("sales", "zero_sales"))
        elif rd is not None and sales is not None and rd > sales:
            problems.append(Problem("rd_spending", "rd_over_sales"))
    if problems:
        return tuple(problems)
    employees = values["employees"]
    assert employees is not None  # checked above
    capital = to_million_yen(values["tangible_fixed_assets_ex_land"] or 0.0, inp.unit)
    software = to_million_yen(values["software_assets"] or 0.0, inp.unit)
    rd_percent = None if rd is None or sales is None else 100.0 * rd / sales
    return FirmFigures(capital / employees, software / employees, rd_percent)


def check_answers(a: Answers) -> tuple[Problem, ...]:
    """Shares from 0 to 100 that add to 100, and a known capital use."""
    problems = []
    for element in ELEMENTS:
        share = a.share(element)
        if share < 0:
            problems.append(Problem(element, "negative", {"value": share}))
        elif share > 100:
            problems.append(Problem(element, "over_100", {"value": share}))
    total = sum(a.share(e) for e in ELEMENTS)
    if not problems and total != 100:
        problems.append(Problem("elements", "not_100", {"total": total}))
    if a.capital_use is not None and a.capital_use not in CAPITAL_USES:
        problems.append(Problem("capital_use", "unknown_choice", {"value": a.capital_use}))
    return tuple(problems)


def parse_elements(text: str) -> dict[str, int] | tuple[Problem, ...]:
    """`labour=50,capital=20,knowledge=30` (the command line's form) → shares, or problems."""
    shares: dict[str, int] = {}
    problems: list[Problem] = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or name not in ELEMENTS:
            problems.append(Problem("elements", "unknown_element", {"value": part}))
            continue
        try:
            shares[name] = int(unicodedata.normalize("NFKC", value).strip())
        except ValueError:
            problems.append(Problem(name, "not_a_number", {"value": value.strip()}))
    for element in ELEMENTS:
        if element not in shares and not any(p.field == element for p in problems):
            problems.append(Problem(element, "missing"))
    return tuple(problems) if problems else shares
