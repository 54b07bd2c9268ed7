"""The report's wording in data/outlook.yaml, for the quote test (`report_excerpt.quotes`)."""

from __future__ import annotations

from genai_impact.report.model import Dataset, Provenance, SourcedText, Text


def outlook_quotes(ds: Dataset) -> list[tuple[str, Text, Provenance]]:
    """(label, text, provenance) for every quoted text of the three outlook lists."""
    out: list[tuple[str, Text, Provenance]] = []

    def add(label: str, item: SourcedText | None) -> None:
        if item is not None:
            out.append((label, item.text, item.prov))

    for change in ds.environment_changes:
        add(f"environment change {change.id} name", change.name)
        add(f"environment change {change.id} definition", change.definition)
        for i, point in enumerate(change.points):
            add(f"environment change {change.id} point[{i}]", point)
    for strategy in ds.strategies:
        label = f"strategy {strategy.id}"
        add(f"{label} name", strategy.name)
        add(f"{label} summary", strategy.summary)
        add(f"{label} direction", strategy.direction)
        add(f"{label} applies_to", strategy.applies_to.text)
        for i, point in enumerate(strategy.points):
            add(f"{label} point[{i}]", point)
    for item in ds.outlook:
        add(f"outlook {item.id} name", item.name)
        add(f"outlook {item.id} example", item.example)
        add(f"outlook {item.id} prospect", item.prospect)
        for i, point in enumerate(item.points):
            add(f"outlook {item.id} point[{i}]", point)
    return out
