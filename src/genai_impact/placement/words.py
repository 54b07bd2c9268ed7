"""A placement's reasons and problems in words (catalogue `placement.*`), for screen and CLI."""

from __future__ import annotations

from typing import Any

from genai_impact.placement.model import Problem, Reason
from genai_impact.report.model import Dataset
from genai_impact.text.i18n import t


def number(value: float | None) -> str:
    """Three significant figures, no exponent for the ranges a ratio takes; '–' for None."""
    if value is None:
        return "–"
    text = f"{value:.3g}"
    if "e" in text:
        text = f"{value:,.0f}" if abs(value) >= 1 else f"{value:.6f}".rstrip("0")
    return text


def _joined(items: tuple[str, ...], lang: str) -> str:
    return ("・" if lang == "ja" else ", ").join(items)


def _param(ds: Dataset, name: str, value: Any, lang: str) -> str:
    if name in ("counted",):
        if not value:
            return t("placement.element.none", lang)
        return _joined(tuple(t(f"placement.element.{e}", lang) for e in value), lang)
    if name == "codes":
        return _joined(tuple(value), lang)
    if name == "sector":
        sector = next((s for s in ds.sectors if s.id == value), None)
        return sector.name.in_lang(lang) if sector else str(value)
    if name == "year":
        return str(value)
    if name == "ratio":
        return t(f"placement.ratio.{value}", lang)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return number(float(value))
    return str(value)


def reason_text(ds: Dataset, reason: Reason, lang: str) -> str:
    """Our words for one step (the report's own words, if any, are `reason.quote`)."""
    params = {k: _param(ds, k, v, lang) for k, v in reason.params.items() if k != "shares"}
    return t(f"placement.reason.{reason.key}", lang, **params)


def problem_text(ds: Dataset, problem: Problem, lang: str) -> str:
    """One problem, naming its field by the label the form shows."""
    params = {k: _param(ds, k, v, lang) for k, v in problem.params.items()}
    field = t(f"placement.field.{problem.field}", lang)
    return t(f"placement.problem.{problem.code}", lang, field=field, **params)
