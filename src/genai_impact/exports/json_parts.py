"""The pieces every section of the JSON data set export is made of (pure).

One provenance shape for the whole export (`prov_json`), so that a value's source, lines,
basis, reading rule and note read the same in every section (docs/export-format.md).
"""

from __future__ import annotations

from typing import Any

from genai_impact.report.model import Provenance, SourcedText, Text


def prov_json(prov: Provenance) -> dict[str, Any]:
    """A provenance as `{source, lines: [a, b] | null, basis, rule, note}`; `rule` is the
    reading rule a `layout` value follows (an id of `reading_rules`), null when stated."""
    lines = list(prov.lines) if prov.lines is not None else None
    return {
        "source": prov.source,
        "lines": lines,
        "basis": prov.basis,
        "rule": prov.rule,
        "note": prov.note,
    }


def text_json(text: Text) -> dict[str, str]:
    return {"ja": text.ja, "en": text.en}


def sourced_json(item: SourcedText | None) -> dict[str, Any] | None:
    """A quoted or rendered text with its provenance; None stays None."""
    if item is None:
        return None
    return {**text_json(item.text), "prov": prov_json(item.prov)}
