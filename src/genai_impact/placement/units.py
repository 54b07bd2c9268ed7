"""The money units a user may enter, as factors to 百万円 (the survey's unit for the ratios)."""

from __future__ import annotations

# Order is the order a form lists them in; the survey's own unit is the default.
UNITS: dict[str, float] = {
    "yen": 1e-6,
    "thousand_yen": 1e-3,
    "million_yen": 1.0,
    "hundred_million_yen": 100.0,
}
DEFAULT_UNIT = "million_yen"


def to_million_yen(value: float, unit: str) -> float:
    """`value` in `unit` as 百万円; KeyError for a unit not in UNITS."""
    return value * UNITS[unit]
