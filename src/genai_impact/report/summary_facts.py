"""The summary figures as facts of the data set's long CSV (pure): one row per value of
`impact_examples`, `change_levels` and `phase_flows`, with the value's own provenance, in
the fields of `facts.Fact` (which `facts.facts` makes of them; plain tuples here keep the
import one way)."""

from __future__ import annotations

from collections.abc import Iterator

from genai_impact.report.model import Dataset, Provenance, Text

Row = tuple[str, str, str, Text, Provenance]


def _code(value: object) -> Text:
    return Text(ja=str(value), en=str(value))


def summary_fact_rows(ds: Dataset) -> Iterator[Row]:
    """The three lists in the file's order; an example or a chain is its record."""
    for e in ds.impact_examples:
        record = f"{e.industry}/{e.impact_type}"
        yield ("impact_examples", record, "text", e.text, e.prov)
    for lv in ds.change_levels:
        yield ("change_levels", lv.level, "name", lv.name, lv.prov)
        for i, x in enumerate(lv.examples):
            yield ("change_levels", lv.level, f"examples[{i}].name", x.name, x.prov)
            for j, industry in enumerate(x.industries):
                field = f"examples[{i}].industries[{j}]"
                yield ("change_levels", lv.level, field, _code(industry), x.prov)
    for f in ds.phase_flows:
        for i, phase in enumerate(f.phases):
            yield ("phase_flows", f.id, f"phases[{i}]", _code(phase), f.prov)
        for i, step in enumerate(f.steps):
            for j, phrase in enumerate(step.phrases):
                field = f"steps[{i}].phrases[{j}]"
                yield ("phase_flows", f.id, field, phrase.text, phrase.prov)
