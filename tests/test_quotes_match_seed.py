"""Every phrase we quote from the report appears in the seed at the lines we cite.

This guards the data-honesty rule: a `ja` text attributed to the report must be
the report's own wording, found (ignoring line breaks, spaces and half-/full-width
differences) within the cited seed line range. The seed lives beside the project
in ../shared/seed/ (CI has it); GENAI_IMPACT_SEED may point elsewhere.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

from genai_impact.report.load import load_dataset
from genai_impact.report.model import Dataset, Provenance, Text

REPO = Path(__file__).resolve().parents[1]
SEED = Path(
    os.environ.get(
        "GENAI_IMPACT_SEED", REPO.parent / "shared" / "seed" / "000_0cac9ff201f85371.txt"
    )
)

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed text not found at {SEED}")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def _quotes(ds: Dataset) -> list[tuple[str, Text, Provenance]]:
    """(label, text, provenance) for every text the data presents as the report's wording."""
    out: list[tuple[str, Text, Provenance]] = []
    for ind in ds.industries:
        out.append((f"industry {ind.id} name", ind.name, ind.prov))
        out.append((f"industry {ind.id} summary", ind.impact_summary.text, ind.impact_summary.prov))
        for phase_id, pe in ind.phases.items():
            for i, w in enumerate(pe.wording):
                out.append((f"industry {ind.id} {phase_id} wording[{i}]", w.text, w.prov))
    for a in ds.archetypes:
        if a.prov.basis == "stated":
            out.append((f"archetype {a.code} description", a.description, a.prov))
    for p in ds.phases:
        out.append(
            (f"phase {p.id} expected effect", p.expected_effect.text, p.expected_effect.prov)
        )
        for i, tend in enumerate(p.industry_tendencies):
            out.append((f"phase {p.id} tendency[{i}]", tend.text, tend.prov))
    for s in ds.stages:
        out.append((f"stage {s.id}", s.name, s.prov))
    for e in ds.business_elements:
        out.append((f"element {e.id}", e.name, e.prov))
    for k in ds.effect_kinds:
        out.append((f"effect kind {k.id}", k.name, k.prov))
    for lv in ds.impact_levels:
        out.append((f"impact level {lv.id}", lv.name, lv.prov))
    for t in ds.impact_types:
        out.append((f"impact type {t.number} name", t.name, t.prov))
        for i, d in enumerate(t.description):
            out.append((f"impact type {t.number} description[{i}]", d, t.prov))
    for d in ds.directions:
        out.append((f"direction {d.number} name", d.name, d.prov))
        for i, text in enumerate(d.description):
            out.append((f"direction {d.number} description[{i}]", text, d.prov))
    for axis in ds.map_axes:
        out.append((f"map axis {axis.id} name", axis.name, axis.prov))
        out.append((f"map axis {axis.id} definition", axis.definition, axis.prov))
    for marker in ds.map_markers:
        out.append((f"map marker {marker.id} name", marker.name, marker.prov))
        out.append((f"map marker {marker.id} definition", marker.definition, marker.prov))
    for sec in ds.sectors:
        out.append((f"sector {sec.id}", sec.name, sec.prov))
    for uc in ds.use_cases:
        out.append((f"use case {uc.id}", uc.name, uc.prov))
        if uc.detail is not None:
            out.append((f"use case {uc.id} detail", uc.detail, uc.prov))
    return out


def test_every_quoted_phrase_is_in_the_seed_at_the_cited_lines(seed_lines: list[str]) -> None:
    ds = load_dataset()
    missing = []
    for label, text, prov in _quotes(ds):
        assert prov.source == "mizuho_2023", label
        assert prov.lines is not None, label
        first, last = prov.lines
        window = _norm("".join(seed_lines[first - 1 : last]))
        if _norm(text.ja) not in window:
            missing.append(f"{label}: {text.ja!r} not in seed lines {first}-{last}")
    assert not missing, "\n".join(missing)


def test_the_check_catches_a_misquote(seed_lines: list[str]) -> None:
    # Regression guard for the check itself: a changed word must not be found.
    window = _norm("".join(seed_lines[3958:3959]))
    assert _norm("開発効率化による人月型ビジネスの限界") in window
    assert _norm("開発効率化による人月型ビジネスの終焉") not in window
