"""The lines of the report that the data quotes, kept in the repository.

The bank's 2023 research report text (the source `mizuho_2023`, file
`000_0cac9ff201f85371.txt`) is not part of the repository. The quote test checks the
data's wording against an excerpt of it that is: `fixtures/report_excerpt/report-lines.txt`
holds exactly the lines the data's quotes cite, verbatim, each with its line number, under
a header that names the source file and records checksums. `scripts/refresh-report-excerpt`
writes it from the report text; this module reads, writes and checks it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from business_type_quotes import business_type_quotes
from outlook_quotes import outlook_quotes
from summary_quotes import summary_quotes

from genai_impact.report.facts import facts
from genai_impact.report.model import Dataset, Provenance, Text

EXCERPT = Path(__file__).resolve().parent / "fixtures" / "report_excerpt" / "report-lines.txt"
SOURCE_ID = "mizuho_2023"
SOURCE_FILE = "000_0cac9ff201f85371.txt"
# The quote test's check of itself reads this line (a quote of the information-services
# row of the impact table) besides the data's quotes.
MISQUOTE_LINE = 3959

HEADER = f"""\
# Verbatim lines of the bank's 2023 research report text (みずほ銀行 産業調査部,
# 生成AIが産業に及ぼす影響), file {SOURCE_FILE}: only the lines that the
# values in data/ cite, each as <line number><TAB><the line, unchanged>.
# Written by scripts/refresh-report-excerpt from the report text; do not edit by hand.
"""


def quotes(ds: Dataset) -> list[tuple[str, Text, Provenance]]:
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
    out.extend(outlook_quotes(ds))
    out.extend(business_type_quotes(ds))
    out.extend(summary_quotes(ds))
    return out


def cited_ranges(ds: Dataset) -> list[tuple[int, int]]:
    """Every range of the report that a value or a reading rule cites, quote or not (the
    line test checks each range holds its value's quote or key words)."""
    provs = [prov for _, _, prov in quotes(ds)]
    provs += [fact.prov for fact in facts(ds) if fact.prov is not None]
    provs += [timing.prov for timing in ds.timings if timing.prov is not None]
    ranges = [p.lines for p in provs if p.source == SOURCE_ID and p.lines is not None]
    return ranges + [rule.lines for rule in ds.reading_rules]


def cited_lines(ds: Dataset) -> list[int]:
    """Every line number the data cites (each range in full), and the self-check's line."""
    numbers = {MISQUOTE_LINE}
    for first, last in cited_ranges(ds):
        numbers.update(range(first, last + 1))
    return sorted(numbers)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _body(lines: dict[int, str]) -> str:
    return "".join(f"{n}\t{text}\n" for n, text in sorted(lines.items()))


@dataclass(frozen=True)
class Excerpt:
    lines: dict[int, str]  # line number -> the report's line
    numbers: list[int]  # the line numbers in file order (to check order and uniqueness)
    fields: dict[str, str]  # the header's `# name: value` fields
    body_sha256: str  # of the body as read

    def window(self, first: int, last: int) -> str:
        """Lines `first`..`last` joined; KeyError names the first line the excerpt lacks."""
        return "".join(self.lines[n] for n in range(first, last + 1))


def render(report_text: str, numbers: list[int]) -> str:
    """The excerpt file's text: `numbers` (1-based) of `report_text` under the header."""
    report_lines = report_text.splitlines()
    lines = {n: report_lines[n - 1] for n in numbers}
    body = _body(lines)
    fields = {
        "source": SOURCE_FILE,
        "source-lines": str(len(report_lines)),
        "source-sha256": _sha256(report_text),
        "lines": str(len(lines)),
        "lines-sha256": _sha256(body),
    }
    return HEADER + "".join(f"# {k}: {v}\n" for k, v in fields.items()) + body


def parse(text: str) -> Excerpt:
    fields: dict[str, str] = {}
    lines: dict[int, str] = {}
    numbers: list[int] = []
    body = []
    for raw in text.splitlines(keepends=True):
        if raw.startswith("#"):
            name, sep, value = raw[1:].strip().partition(": ")
            if sep and " " not in name:
                fields[name] = value
            continue
        body.append(raw)
        number, _, line = raw.removesuffix("\n").partition("\t")
        numbers.append(int(number))
        lines[int(number)] = line
    return Excerpt(lines, numbers, fields, _sha256("".join(body)))


def read() -> Excerpt:
    return parse(EXCERPT.read_text(encoding="utf-8"))
