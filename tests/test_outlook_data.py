"""data/outlook.yaml: what the report's later chapters hold, and the rules that keep a
broken file from loading (each problem names file, record and field)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from data_dirs import DATA_SETS, copy_data, data_set_dir
from test_validation import edit, remove_file

from genai_impact.report.load import load_dataset, validate

FILE = "outlook.yaml"


@pytest.fixture(params=DATA_SETS)
def data_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return copy_data(data_set_dir(request.param), tmp_path)


def change(key: str, index: int, fn: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    return edit(FILE, lambda doc: fn(doc[key][index]))


def put(field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda rec: rec.__setitem__(field, value)


def drop(field: str) -> Callable[[dict[str, Any]], None]:
    return lambda rec: rec.pop(field)


CASES = [
    # the file and its lists
    (remove_file(FILE), "", "file is missing"),
    (edit(FILE, lambda doc: doc.pop("strategies")), "strategies", "missing required field"),
    # environment changes
    (change("environment_changes", 0, drop("name")), "environment_changes[0].name", "missing"),
    (
        change("environment_changes", 0, put("points", [])),
        "environment_changes[0].points",
        "at least one",
    ),
    (
        change("environment_changes", 0, lambda r: r["points"][0]["prov"].pop("note")),
        "environment_changes[0].points[0].prov.note",
        "layout",
    ),
    (
        change("environment_changes", 1, put("id", "faster cycles")),
        "environment_changes[1].id",
        "snake_case",
    ),
    (
        change("environment_changes", 0, lambda r: r["name"].__setitem__("en", " ")),
        "environment_changes[0].name.en",
        "empty string",
    ),
    # strategies
    (change("strategies", 0, put("id", "money")), "strategies[0].id", "unknown strategy id"),
    (
        change(
            "strategies",
            0,
            lambda r: r["responds_to"].append({"change": "weather", "prov": r["name"]["prov"]}),
        ),
        r"strategies[0].responds_to[1].change",
        "unknown environment change id",
    ),
    (
        change("strategies", 0, lambda r: r["applies_to"].__setitem__("scope", "archetypes")),
        "strategies[0].applies_to.archetypes",
        "required when the scope is 'archetypes'",
    ),
    (
        change("strategies", 0, lambda r: r["applies_to"].__setitem__("archetypes", ["A"])),
        "strategies[0].applies_to.archetypes",
        "must be left out",
    ),
    (
        change(
            "strategies", 0, lambda r: r["applies_to"].update(scope="archetypes", archetypes=["Z"])
        ),
        "strategies[0].applies_to.archetypes[0]",
        "unknown code 'Z'",
    ),
    (
        change("strategies", 0, drop("direction")),
        "strategies[0].direction",
        "missing required field",
    ),
    (
        change("strategies", 0, lambda r: r["summary"]["prov"].__setitem__("lines", [9000, 9001])),
        "strategies[0].summary.prov.lines",
        "out of range",
    ),
    # outlook
    (change("outlook", 0, put("kind", "forecast")), "outlook[0].kind", "unknown outlook kind"),
    (
        change(
            "outlook",
            0,
            put("example", {"ja": "例", "en": "e.g.", "prov": {"source": "x", "basis": "stated"}}),
        ),
        "outlook[0].example",
        "only a 'technology'",
    ),
    (change("outlook", 1, put("colour", "red")), "outlook[1].colour", "unknown key 'colour'"),
]


@pytest.mark.parametrize(("mutate", "path", "message"), CASES, ids=[c[1] or c[2] for c in CASES])
def test_a_broken_outlook_file_names_file_record_and_field(data_copy, mutate, path, message):
    mutate(data_copy)
    problems = validate(data_copy)
    matching = [p for p in problems if p.file == FILE and p.path == path and message in p.message]
    assert matching, f"expected {FILE}: {path}: {message} among:\n" + "\n".join(map(str, problems))


def test_the_bundled_file_holds_the_reports_changes_strategies_and_outlook():
    ds = load_dataset()
    assert [c.id for c in ds.environment_changes] == [
        "output_levelling",
        "faster_business_cycles",
        "hyper_personalisation",
        "mass_customisation",
        "humans_and_machines",
    ]
    assert [s.id for s in ds.strategies] == ["data", "people", "co_creation"]
    assert [s.name.text.ja for s in ds.strategies] == ["データ", "人財", "共創"]
    # the report addresses all three to firms in general (executive summary, line 68)
    assert {(s.applies_to.scope, s.applies_to.text.prov.lines) for s in ds.strategies} == {
        ("all_firms", (68, 68))
    }
    technologies = [o.name.text.ja for o in ds.outlook if o.kind == "technology"]
    assert technologies == ["メタバース", "自動運転", "ロボティクス"]
    assert all(o.example and o.prospect for o in ds.outlook if o.kind == "technology")


def test_every_reading_of_the_outlook_says_how_it_was_read_and_no_english_is_empty():
    ds = load_dataset()
    texts = [c.name for c in ds.environment_changes]
    texts += [p for c in ds.environment_changes for p in c.points]
    texts += [x for s in ds.strategies for x in (s.name, s.summary, s.direction, *s.points)]
    texts += [x for o in ds.outlook for x in (o.name, o.example, o.prospect, *o.points) if x]
    for item in texts:
        assert item.text.en.strip(), item.text.ja
        assert item.prov.basis == "stated" or item.prov.note, item.text.ja
    for s in ds.strategies:
        for link in s.responds_to:
            assert link.prov.basis == "stated" or link.prov.note, (s.id, link.change)
