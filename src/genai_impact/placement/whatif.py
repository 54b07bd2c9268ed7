"""The what-if controls: a firm's figures moved, the start kept as it was."""

from __future__ import annotations

from dataclasses import replace

from genai_impact.placement.model import FirmFigures

SOFTWARE_FACTORS = (0.25, 4.0)  # software assets per employee, ×
EMPLOYEE_FACTORS = (0.5, 2.0)  # employees, × (both ratios are per employee)


def moved(
    firm: FirmFigures,
    software_factor: float = 1.0,
    employee_factor: float = 1.0,
    rd_percent: float | None = None,
) -> FirmFigures:
    """`firm` with software ×`software_factor`, employees ×`employee_factor` (so both ratios
    ÷ it), and R&D intensity set to `rd_percent` when given. Factors outside the controls'
    ranges are a programming error (ValueError)."""
    for value, (low, high), name in (
        (software_factor, SOFTWARE_FACTORS, "software_factor"),
        (employee_factor, EMPLOYEE_FACTORS, "employee_factor"),
    ):
        if not low <= value <= high:
            raise ValueError(f"{name} {value} outside {low}–{high}")
    if rd_percent is not None and not 0 <= rd_percent <= 100:
        raise ValueError(f"rd_percent {rd_percent} outside 0–100")
    return replace(
        firm,
        capital_per_employee=firm.capital_per_employee / employee_factor,
        software_per_employee=firm.software_per_employee * software_factor / employee_factor,
        rd_ratio_percent=firm.rd_ratio_percent if rd_percent is None else rd_percent,
    )
