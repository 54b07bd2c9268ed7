"""Validation rules, table-driven: break one thing in a copy of the data, expect one problem.

Each case edits a copy of a data set (the synthetic minimal one and the bundled
`data/`), then checks that `validate` names the right file, key path and message.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from data_dirs import DATA_SETS, MINIMAL_DATA, copy_data, data_set_dir

from genai_impact.report.load import SAFE_LOADER, DataError, Problem, load_dataset, validate
from genai_impact.report.model import PHASE_IDS, Dataset

Mutation = Callable[[Path], None]
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@pytest.fixture(params=DATA_SETS)
def data_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return copy_data(data_set_dir(request.param), tmp_path)


# --- mutations -------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def parsed(text: str) -> Any:
    """The YAML document of `text`, parsed once per test run (the cases edit copies of it)."""
    return yaml.load(text, Loader=SAFE_LOADER)


def edit(file: str, change: Callable[[dict[str, Any]], None]) -> Mutation:
    """Parse `file`, let `change` edit the document in place, write it back as YAML."""

    def apply(root: Path) -> None:
        path = root / file
        doc = copy.deepcopy(parsed(path.read_text(encoding="utf-8")))  # a copy to change
        change(doc)
        text = yaml.dump(doc, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")

    return apply


def industry(change: Callable[[dict[str, Any]], None], index: int = 0) -> Mutation:
    """Edit one industry record."""
    return edit("industries.yaml", lambda doc: change(doc["industries"][index]))


def framework(key: str, change: Callable[[dict[str, Any]], None], index: int = 0) -> Mutation:
    """Edit one record of a framework.yaml list."""
    return edit("framework.yaml", lambda doc: change(doc[key][index]))


def insert_line(file: str, line_number: int, line: str) -> Mutation:
    """Raw text edit: insert `line` so that it becomes line `line_number` (1-based)."""

    def apply(root: Path) -> None:
        path = root / file
        lines = path.read_text(encoding="utf-8").split("\n")
        lines.insert(line_number - 1, line)
        path.write_text("\n".join(lines), encoding="utf-8")

    return apply


def replace_file(file: str, text: str) -> Mutation:
    return lambda root: (root / file).write_text(text, encoding="utf-8")


def remove_file(file: str) -> Mutation:
    return lambda root: (root / file).unlink()


def put(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda rec: rec.__setitem__(key, value)


def drop(*keys: str) -> Callable[[dict[str, Any]], None]:
    """Delete a nested key: drop("name", "ja") deletes rec["name"]["ja"]."""

    def change(rec: dict[str, Any]) -> None:
        for key in keys[:-1]:
            rec = rec[key]
        del rec[keys[-1]]

    return change


def set_prov(**fields: Any) -> Callable[[dict[str, Any]], None]:
    """Change an industry's own `prov`; a value of None deletes the field."""

    def change(rec: dict[str, Any]) -> None:
        for key, value in fields.items():
            if value is None:
                rec["prov"].pop(key, None)
            else:
                rec["prov"][key] = value

    return change


def one_effect(**effect: Any) -> Callable[[dict[str, Any]], None]:
    """Make the rd_planning phase hold exactly one effect built from `effect`."""

    def change(rec: dict[str, Any]) -> None:
        prov = copy.deepcopy(rec["prov"])
        rec["phases"]["rd_planning"]["effects"] = [{**effect, "prov": prov}]

    return change


def with_prov(key: str, item: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """Set list `key` to one item carrying a copy of the record's own prov."""
    return lambda rec: rec.__setitem__(key, [{**item, "prov": copy.deepcopy(rec["prov"])}])


def duplicate_first(list_key: str, field: str, file: str) -> Mutation:
    """Give the second record of a list the first one's `field`."""

    def change(doc: dict[str, Any]) -> None:
        doc[list_key][1][field] = doc[list_key][0][field]

    return edit(file, change)


def extra_phase(rec: dict[str, Any]) -> None:
    rec["phases"]["marketing"] = copy.deepcopy(rec["phases"]["rd_planning"])


def all_elements(rec: dict[str, Any]) -> None:
    rec["business_elements"] = ["labour", "capital", "knowledge"]


# --- the table: (mutation, file, key path, message pattern) -----------------------------

CASES = [
    # Files: missing, unreadable YAML, wrong top level
    (remove_file("use_cases.yaml"), "use_cases.yaml", "", "file is missing"),
    (
        insert_line("industries.yaml", 2, "\tindustries: []"),
        "industries.yaml",
        "",
        r"YAML syntax error at line 2, column 1: \w",
    ),
    (replace_file("sectors.yaml", "- a list\n"), "sectors.yaml", "", "top level, got list"),
    (replace_file("sectors.yaml", ""), "sectors.yaml", "", "top level, got empty"),
    (
        edit("use_cases.yaml", lambda doc: doc.__setitem__("usecases", doc.pop("use_cases"))),
        "use_cases.yaml",
        "use_cases",
        "missing required field",
    ),
    # Required fields, types, empty strings
    (industry(drop("archetype")), "industries.yaml", "industries[0].archetype", "missing required"),
    (industry(drop("prov")), "industries.yaml", "industries[0].prov", "missing required field"),
    (
        framework("impact_types", put("number", "1")),
        "framework.yaml",
        "impact_types[0].number",
        "expected an integer, got string '1'",
    ),
    (
        framework("stages", put("order", True)),
        "framework.yaml",
        "stages[0].order",
        "expected an integer, got boolean",
    ),
    (
        framework("directions", put("number", 8)),
        "framework.yaml",
        "directions[0].number",
        "8 is out of range 1..7",
    ),
    (
        industry(put("business_elements", "labour")),
        "industries.yaml",
        "industries[0].business_elements",
        "expected a list, got string",
    ),
    (industry(put("phases", "all")), "industries.yaml", "industries[0].phases", "expected a map"),
    (
        edit("sectors.yaml", lambda doc: doc["sectors"][0].__setitem__("estat_code", 100)),
        "sectors.yaml",
        "sectors[0].estat_code",
        "expected a string, got integer 100",
    ),
    (
        industry(put("id", "Alpha-1")),
        "industries.yaml",
        "industries[0].id",
        "not lower-case snake_case",
    ),
    # Bilingual text: both languages, non-empty
    (
        industry(drop("name", "ja")),
        "industries.yaml",
        "industries[0].name.ja",
        "bilingual text is missing 'ja'",
    ),
    (
        framework("archetypes", drop("description", "en")),
        "framework.yaml",
        "archetypes[0].description.en",
        "bilingual text is missing 'en'",
    ),
    (
        industry(lambda rec: rec["name"].__setitem__("en", "  ")),
        "industries.yaml",
        "industries[0].name.en",
        "empty string",
    ),
    (industry(put("name", "Alpha")), "industries.yaml", "industries[0].name", "expected bilingual"),
    # Duplicates within a list
    (
        duplicate_first("industries", "id", "industries.yaml"),
        "industries.yaml",
        "industries[1].id",
        r"duplicate id '.+' \(first at industries\[0\]\.id\)",
    ),
    (
        duplicate_first("archetypes", "code", "framework.yaml"),
        "framework.yaml",
        "archetypes[1].code",
        "duplicate code",
    ),
    (
        duplicate_first("impact_types", "number", "framework.yaml"),
        "framework.yaml",
        "impact_types[1].number",
        "duplicate number 1",
    ),
    (
        duplicate_first("sectors", "estat_code", "sectors.yaml"),
        "sectors.yaml",
        "sectors[1].estat_code",
        "duplicate estat_code",
    ),
    # Unknown references
    (
        industry(put("archetype", "Z")),
        "industries.yaml",
        "industries[0].archetype",
        r"unknown archetype code 'Z' \(expected one of: A, B",
    ),
    (
        framework("archetypes", lambda rec: rec["business_elements"].append("land")),
        "framework.yaml",
        "archetypes[0].business_elements[2]",
        "unknown business element id 'land'",
    ),
    (
        industry(extra_phase),
        "industries.yaml",
        "industries[0].phases.marketing",
        "unknown phase id 'marketing' \\(expected one of: rd_planning, production_distribution",
    ),
    (
        industry(drop("phases", "customer_touchpoint")),
        "industries.yaml",
        "industries[0].phases.customer_touchpoint",
        "missing phase",
    ),
    (
        industry(one_effect(kind="speed", size="large")),
        "industries.yaml",
        "industries[0].phases.rd_planning.effects[0].kind",
        r"unknown effect kind 'speed' \(expected one of: efficiency, value_creation\)",
    ),
    (
        industry(one_effect(kind="efficiency", size="huge")),
        "industries.yaml",
        "industries[0].phases.rd_planning.effects[0].size",
        "unknown effect size 'huge'",
    ),
    (
        industry(with_prov("impact_types", {"number": 9, "timing": "now"})),
        "industries.yaml",
        "industries[0].impact_types[0].number",
        "unknown impact type 9",
    ),
    (
        industry(with_prov("impact_types", {"number": 1, "timing": "soon"})),
        "industries.yaml",
        "industries[0].impact_types[0].timing",
        "unknown timing id 'soon'",
    ),
    (
        framework("impact_types", put("level", "galaxy")),
        "framework.yaml",
        "impact_types[0].level",
        "unknown impact level id 'galaxy'",
    ),
    (
        edit("use_cases.yaml", lambda doc: doc["use_cases"][0].__setitem__("directions", [99])),
        "use_cases.yaml",
        "use_cases[0].directions[0]",
        "unknown direction 99",
    ),
    (
        industry(with_prov("sectors", {"estat_code": "zzz"})),
        "industries.yaml",
        "industries[0].sectors[0].estat_code",
        "unknown sector estat_code 'zzz'",
    ),
    (
        edit("use_cases.yaml", lambda doc: doc["use_cases"][0].__setitem__("phases", [])),
        "use_cases.yaml",
        "use_cases[0].phases",
        "empty list: needs at least one phase id",
    ),
    (
        framework("stages", put("phase", "marketing")),
        "framework.yaml",
        "stages[0].phase",
        "unknown phase id 'marketing'",
    ),
    # Provenance
    (
        industry(set_prov(source="wikipedia")),
        "industries.yaml",
        "industries[0].prov.source",
        "unknown source id 'wikipedia'",
    ),
    (
        industry(set_prov(basis="guess")),
        "industries.yaml",
        "industries[0].prov.basis",
        r"unknown basis 'guess' \(expected one of: stated, layout\)",
    ),
    (
        industry(set_prov(lines=None)),
        "industries.yaml",
        "industries[0].prov.lines",
        "required when the source is the report",
    ),
    (
        industry(set_prov(lines=[1, 99999])),
        "industries.yaml",
        "industries[0].prov.lines",
        r"out of range: need 1 <= first <= last <= 4666",
    ),
    (
        industry(set_prov(lines=[20, 10])),
        "industries.yaml",
        "industries[0].prov.lines",
        "out of range",
    ),
    (
        industry(set_prov(lines=[5])),
        "industries.yaml",
        "industries[0].prov.lines",
        r"expected \[first, last\]",
    ),
    (
        industry(set_prov(basis="layout", note=None)),
        "industries.yaml",
        "industries[0].prov.note",
        "'layout' basis must carry a note",
    ),
    # Typo protection: unknown keys
    (
        industry(put("archtype", "A")),
        "industries.yaml",
        "industries[0].archtype",
        r"unknown key 'archtype' \(expected one of: id, name, archetype",
    ),
    (industry(set_prov(page=3)), "industries.yaml", "industries[0].prov.page", "unknown key"),
    (
        edit("sectors.yaml", put("sector_list", [])),
        "sectors.yaml",
        "sector_list",
        "unknown key 'sector_list'",
    ),
    (
        edit("framework.yaml", lambda doc: doc["phases"].pop()),
        "framework.yaml",
        "phases",
        "missing phase 'customer_touchpoint'",
    ),
    # Consistency between records
    (
        industry(all_elements),
        "industries.yaml",
        "industries[0].business_elements",
        r"differ from archetype \w+'s business elements",
    ),
]


def _case_id(case: tuple[Mutation, str, str, str]) -> str:
    _, file, path, message = case
    return f"{file}:{path or '(file)'}:{message[:24]}"


@pytest.mark.parametrize(("mutate", "file", "path", "message"), CASES, ids=map(_case_id, CASES))
def test_validate_reports_the_broken_value(
    data_copy: Path, mutate: Mutation, file: str, path: str, message: str
) -> None:
    mutate(data_copy)
    problems = validate(data_copy)
    matching = [
        p for p in problems if (p.file, p.path) == (file, path) and re.search(message, p.message)
    ]
    assert matching, f"expected {file}: {path}: /{message}/ among:\n" + "\n".join(
        str(p) for p in problems
    )


def test_several_problems_are_all_reported_at_once(data_copy: Path) -> None:
    industry(put("archetype", "Z"))(data_copy)
    framework("stages", put("order", "first"))(data_copy)
    remove_file("use_cases.yaml")(data_copy)
    with pytest.raises(DataError) as raised:
        load_dataset(data_copy)
    wheres = {(p.file, p.path) for p in raised.value.problems}
    assert {
        ("industries.yaml", "industries[0].archetype"),
        ("framework.yaml", "stages[0].order"),
        ("use_cases.yaml", ""),
    } <= wheres
    assert len(str(raised.value).splitlines()) == len(raised.value.problems)


def test_a_null_effect_size_is_allowed(data_copy: Path) -> None:
    industry(one_effect(kind="efficiency", size=None))(data_copy)
    assert validate(data_copy) == []


def test_a_missing_data_directory_is_one_problem(tmp_path: Path) -> None:
    problems = validate(tmp_path / "nowhere")
    assert [p.message for p in problems] == ["data directory not found"]


def test_problem_reads_file_path_message() -> None:
    problem = Problem(
        "industries.yaml",
        "industries[3].phases.rd_planning.effects[0].kind",
        "unknown effect kind 'speed' (expected one of: efficiency, value_creation)",
    )
    assert str(problem) == (
        "industries.yaml: industries[3].phases.rd_planning.effects[0].kind: "
        "unknown effect kind 'speed' (expected one of: efficiency, value_creation)"
    )
    assert (
        str(Problem("use_cases.yaml", "", "file is missing")) == "use_cases.yaml: file is missing"
    )


# --- valid data loads into the model ---------------------------------------------------


@pytest.mark.parametrize("name", DATA_SETS)
def test_data_set_is_valid_and_loads(name: str) -> None:
    directory = data_set_dir(name)
    assert [str(p) for p in validate(directory)] == []
    ds = load_dataset(directory)
    assert isinstance(ds, Dataset) and ds.data_dir == str(directory)
    assert [i.order for i in ds.industries] == list(range(1, len(ds.industries) + 1))
    assert [s.order for s in ds.sectors] == list(range(1, len(ds.sectors) + 1))
    assert all(tuple(i.phases) == PHASE_IDS for i in ds.industries)
    assert all(isinstance(i.business_elements, tuple) for i in ds.industries)


def test_minimal_data_keeps_file_order() -> None:
    ds = load_dataset(MINIMAL_DATA)
    assert [i.id for i in ds.industries] == ["alpha", "beta"]
    assert ds.industry("beta").order == 2
    assert ds.industry("alpha").phases["production_distribution"].effects[0].size is None
    assert not ds.industry("alpha").phases["customer_touchpoint"].has_effect
    assert ds.industry("beta").impact_types[0].number == 2
    assert ds.source("report").seed_lines == (1, 4666)


def test_memoised_yaml_documents_are_never_changed_by_the_parsers():
    # load._parse hands the same document to every load of the same text (a speed-up):
    # that is only sound while the parsers read the documents and never write to them.
    from genai_impact.report import load

    bundled = data_set_dir("bundled")
    load.load_dataset(bundled)
    for name in load.FILES:
        text = (bundled / name).read_text(encoding="utf-8")
        assert load._parse(text) == yaml.load(text, Loader=load.SAFE_LOADER), name
