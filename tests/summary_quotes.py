"""The quotes of the summary figures (data/summary_figures.yaml) for the quote check:
every 影響例, every level and example of the executive summary, every phrase of the
phase flows, each with the lines it cites."""

from __future__ import annotations

from genai_impact.report.model import Dataset, Provenance, Text


def summary_quotes(ds: Dataset) -> list[tuple[str, Text, Provenance]]:
    """(label, text, provenance) of every text summary_figures.yaml quotes."""
    out: list[tuple[str, Text, Provenance]] = []
    for e in ds.impact_examples:
        out.append((f"impact example {e.industry} type {e.impact_type}", e.text, e.prov))
    for lv in ds.change_levels:
        out.append((f"change level {lv.level}", lv.name, lv.prov))
        for i, x in enumerate(lv.examples):
            out.append((f"change level {lv.level} example[{i}]", x.name, x.prov))
    for f in ds.phase_flows:
        for s, step in enumerate(f.steps):
            for p, phrase in enumerate(step.phrases):
                out.append((f"phase flow {f.id} step[{s}] phrase[{p}]", phrase.text, phrase.prov))
    return out
