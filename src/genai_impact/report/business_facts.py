"""The business-type table and the reading rules as facts of the data set's long CSV (pure).

Rows in the fields of `facts.Fact` (plain tuples, as `summary_facts` does):
- `business_type_table`, record `table`: the headline, the lead and the ★ legend;
- `business_type_impacts`, record: the impact id: its number and both its names;
- `business_types`, record: the type id: its name, element, summary, examples, source of
  revenue and direction of competitiveness, then per impact its ★ and its points
  (`impacts.<impact id>.stars`, `impacts.<impact id>.points[i]`), each with its own
  provenance, so a ★ or a point read from the layout carries its rule and note;
- `reading_rules`, record: the rule id: its name and its wording, with the report's lines
  it rests on. A rule is our wording, neither stated nor read from layout: its basis is
  empty and its `rule` is its own id.
"""

from __future__ import annotations

from collections.abc import Iterator

from genai_impact.report.model import Dataset, Provenance, SourcedText, Text

Row = tuple[str, str, str, Text, Provenance]
STAR = "★"


def _code(value: object) -> Text:
    return Text(ja=str(value), en=str(value))


def _sourced(table: str, record: str, field: str, item: SourcedText | None) -> Iterator[Row]:
    if item is not None:
        yield (table, record, field, item.text, item.prov)


def business_fact_rows(ds: Dataset) -> Iterator[Row]:
    """The table's texts, its impact columns, and its four rows × two impacts."""
    table = ds.business_type_table
    if table is None:
        return
    yield from _sourced("business_type_table", "table", "headline", table.headline)
    for i, lead in enumerate(table.lead):
        yield from _sourced("business_type_table", "table", f"lead[{i}]", lead)
    yield from _sourced("business_type_table", "table", "star_legend", table.star_legend)
    for impact in table.impacts:
        number = _code(impact.number)
        yield ("business_type_impacts", impact.id, "number", number, impact.name.prov)
        yield from _sourced("business_type_impacts", impact.id, "name", impact.name)
        yield from _sourced("business_type_impacts", impact.id, "lower_name", impact.lower_name)
    for row in ds.business_types:
        key = row.id
        yield ("business_types", key, "name", row.name, row.prov)
        if row.element is not None:
            yield ("business_types", key, "element", _code(row.element), row.prov)
        for field in ("summary", "examples", "revenue_source", "competitiveness"):
            yield from _sourced("business_types", key, field, getattr(row, field))
        for cell in row.impacts:
            path = f"impacts.{cell.impact}"
            stars = _code(STAR * cell.stars)
            yield ("business_types", key, f"{path}.stars", stars, cell.stars_prov)
            for i, point in enumerate(cell.points):
                yield from _sourced("business_types", key, f"{path}.points[{i}]", point)


def reading_rule_rows(ds: Dataset) -> Iterator[Row]:
    """Each reading rule once: its name and wording, with the report's lines it rests on."""
    report = next((s.id for s in ds.sources if s.kind == "report"), "")
    for rule in ds.reading_rules:
        prov = Provenance(source=report, basis="", lines=rule.lines, rule=rule.id)
        yield ("reading_rules", rule.id, "name", rule.name, prov)
        yield ("reading_rules", rule.id, "rule", rule.rule, prov)
