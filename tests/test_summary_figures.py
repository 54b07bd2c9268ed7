"""The report's summary figures (data/summary_figures.yaml): the parser's problems, the
reading rules of docs/DATA.md, the views, and what the JSON export and the slides carry.
The pages and their CSVs are tested in test_summary_pages.py."""

from __future__ import annotations

import copy
import csv
import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from data_dirs import DATA_SETS, copy_data, data_set_dir

from genai_impact.exports.dataset import to_csv, to_json_dict
from genai_impact.report.load import load_dataset, validate
from genai_impact.report.query import url_choices
from genai_impact.views import summary_figures as query
from genai_impact.workshop.agenda import SavedView
from genai_impact.workshop.slides import view_slides

DS = load_dataset()
FILE = "summary_figures.yaml"
Change = Callable[[dict[str, Any]], None]


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# 1. The parser: one broken thing, one problem naming file, record and field -------------


def _set(path: tuple[Any, ...], value: Any) -> Change:
    def change(doc: dict[str, Any]) -> None:
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _duplicate_first_example(doc: dict[str, Any]) -> None:
    doc["impact_examples"].append(copy.deepcopy(doc["impact_examples"][0]))


PROBLEMS = [
    # references to other files
    (_set(("impact_examples", 0, "industry"), "bakery"), "impact_examples[0].industry",
     "unknown industry id 'bakery'"),
    (_set(("impact_examples", 0, "impact_type"), 2), "impact_examples[0].impact_type",
     "is not one of"),
    (_set(("impact_examples", 0, "impact_type"), 9), "impact_examples[0].impact_type",
     "unknown impact type 9"),
    (_set(("change_levels", 0, "level"), "mood"), "change_levels[0].level",
     "unknown impact level 'mood'"),
    (_set(("change_levels", 0, "examples", 0, "industries"), ["bakery"]),
     "change_levels[0].examples[0].industries[0]", "unknown industry id 'bakery'"),
    (_set(("phase_flows", 0, "phases"), ["sales"]), "phase_flows[0].phases[0]",
     "unknown phase id 'sales'"),
    # structure
    (_duplicate_first_example, "impact_examples[", "duplicate industry and impact type"),
    (_set(("change_levels", 0, "examples"), []), "change_levels[0].examples", "empty list"),
    (_set(("phase_flows", 0, "phases"), []), "phase_flows[0].phases", "empty list"),
    (_set(("phase_flows", 0, "steps"), []), "phase_flows[0].steps", "empty list"),
    (_set(("phase_flows", 0, "steps", 0, "phrases"), []), "phase_flows[0].steps[0].phrases",
     "empty list"),
    (_set(("phase_flows", 0, "id"), "Flow One"), "phase_flows[0].id", "snake_case"),
    # texts and provenance
    (_set(("impact_examples", 0, "text"), {"ja": "影響例"}), "impact_examples[0].text.en",
     "missing 'en'"),
    (lambda doc: doc["impact_examples"][0]["prov"].pop("lines"),
     "impact_examples[0].prov.lines", "required when the source is the report"),
    (_set(("phase_flows", 0, "prov", "note"), None), "phase_flows[0].prov.note",
     "expected a string"),
    (_set(("change_levels", 0, "examples", 0, "prov", "basis"), "guessed"),
     "change_levels[0].examples[0].prov.basis", "unknown basis 'guessed'"),
]  # fmt: skip


@pytest.mark.parametrize("data_set", DATA_SETS)
@pytest.mark.parametrize(("change", "where", "message"), PROBLEMS)
def test_a_broken_summary_file_names_file_record_and_field(
    tmp_path: Path, data_set: str, change: Change, where: str, message: str
) -> None:
    root = copy_data(data_set_dir(data_set), tmp_path)
    path = root / FILE
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = validate(root)
    assert [p.file for p in problems] == [FILE], [str(p) for p in problems]
    (problem,) = problems
    assert problem.path.startswith(where) and message in problem.message, str(problem)


def test_a_missing_summary_file_is_named(tmp_path: Path) -> None:
    root = copy_data(data_set_dir("minimal"), tmp_path)
    (root / FILE).unlink()
    assert [str(p) for p in validate(root)] == [f"{FILE}: file is missing"]


# 2. The reading rules (docs/DATA.md, "The summary figures: readings") -------------------


def _longest_common_run(a: str, b: str) -> int:
    """The length of the longest run of characters `a` and `b` share."""
    best, previous = 0, [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else 0)
        best = max(best, *current)
        previous = current
    return best


@pytest.mark.parametrize(
    "example", DS.impact_examples, ids=lambda e: f"{e.industry}-{e.impact_type}"
)
def test_an_impact_example_is_stated_exactly_when_its_words_match_the_industrys_summary(
    example,
) -> None:
    summary = DS.industry(example.industry).impact_summary.text.ja
    shared = _longest_common_run(_norm(example.text.ja), _norm(summary))
    # ten characters in a row: a phrase, not a shared word such as 設計
    assert (example.prov.basis == "stated") == (shared >= 10), (shared, example.text.ja)
    if example.prov.basis == "layout":
        assert example.prov.note


def test_every_example_industry_of_the_figure_has_its_examples() -> None:
    by_industry = {e.industry: [] for e in DS.impact_examples}
    for e in DS.impact_examples:
        by_industry[e.industry].append(e.impact_type)
    assert by_industry == {
        "information_services": [1],
        "pharmaceuticals": [2],
        "electronics": [3, 4],
        "retail": [5],
        "construction": [6],
    }


LEVEL_EXAMPLES = [(lv, x) for lv in DS.change_levels for x in lv.examples]


@pytest.mark.parametrize(
    ("level", "example"), LEVEL_EXAMPLES, ids=lambda v: getattr(v, "level", None) or v.name.en
)
def test_a_level_example_maps_by_the_rule(level, example) -> None:
    names = [DS.industry(i).name.ja for i in example.industries]
    verbatim = bool(names) and all(n in example.name.ja for n in names)
    if not example.industries:  # a group the table does not resolve: said, not guessed
        assert example.prov.note and "unmapped" in example.prov.note
    else:
        assert (example.prov.basis == "stated") == verbatim, example.name.ja
    if example.prov.basis == "layout":
        assert example.prov.note


@pytest.mark.parametrize("level", DS.change_levels, ids=lambda lv: lv.level)
def test_a_level_of_change_is_the_framework_level_of_the_same_words(level) -> None:
    assert DS.impact_level(level.level).name.ja in level.name.ja


@pytest.mark.parametrize("flow", DS.phase_flows, ids=lambda f: f.id)
def test_a_phase_flow_is_a_reading_and_its_phrases_lie_in_its_lines(flow) -> None:
    assert flow.prov.basis == "layout" and flow.prov.note
    first, last = flow.prov.lines
    for step in flow.steps:
        for phrase in step.phrases:
            assert phrase.prov.basis == "layout" and phrase.prov.note
            assert first <= phrase.prov.lines[0] <= phrase.prov.lines[1] <= last


def test_the_flows_cover_the_figure_once_each_phase_at_least_once() -> None:
    lines = [p.prov.lines for f in DS.phase_flows for s in f.steps for p in s.phrases]
    assert len({pair for pair in lines if pair != (3574, 3574)}) == len(lines) - 2  # 3574 twice
    covered = {p for f in DS.phase_flows for p in f.phases}
    assert covered == {p.id for p in DS.phases}


# 3. Views ----------------------------------------------------------------------------------


def test_an_industry_named_by_the_summary_gets_its_level() -> None:
    assert [(lv.level, x.name.ja) for lv, x in query.change_levels_of(DS, "food")] == [
        ("player_structure", "小売・食品")
    ]
    assert query.change_levels_of(DS, "chemicals") == []  # 各種製造業 is not mapped
    assert [x.name.ja for _, x in query.unmapped_examples(DS)] == ["各種製造業"]


@pytest.mark.parametrize(
    ("phases", "expected"),
    [
        ((), ["rd_planning", "production_distribution", "customer_touchpoint", None]),
        (("customer_touchpoint",), ["customer_touchpoint", None]),
        (
            ("production_distribution", "rd_planning"),
            ["rd_planning", "production_distribution", None],
        ),
    ],
)
def test_flow_groups_follow_the_phase_filter(phases, expected) -> None:
    groups = query.flow_groups(DS, phases)
    assert [g.phase.id if g.phase else None for g in groups] == expected
    assert groups[-1].flows == tuple(f for f in DS.phase_flows if len(f.phases) > 1)


def test_a_flow_reads_from_efficiency_to_value_creation() -> None:
    flow = next(f for f in DS.phase_flows if f.id == "digital_products")
    assert query.flow_text(flow, "ja") == (
        "デジタルプロダクト生産の効率化・スピード化 → 大量生産による収益機会／コスト競争力向上"
    )
    rd = next(f for f in DS.phase_flows if f.id == "rd_quality_and_speed")
    assert query.flow_text(rd, "en").endswith(
        "Better quality of results | A faster value-creation cycle"
    )


# 4. JSON, slides --------------------------------------------------------------------------


def test_the_json_export_carries_the_three_sections_with_provenance() -> None:
    doc = to_json_dict(DS)
    assert [e["industry"] for e in doc["impact_examples"]][:2] == [
        "information_services",
        "pharmaceuticals",
    ]
    assert all(e["prov"]["lines"] and e["text"]["en"] for e in doc["impact_examples"])
    player = next(lv for lv in doc["change_levels"] if lv["level"] == "player_structure")
    assert player["examples"][1]["industries"] == ["retail", "food"]
    assert player["examples"][1]["prov"]["lines"] == [62, 64]
    flow = next(f for f in doc["phase_flows"] if f["id"] == "peripheral_office_work")
    assert flow["phases"] == ["rd_planning", "production_distribution", "customer_touchpoint"]
    assert flow["prov"]["basis"] == "layout" and flow["prov"]["note"]
    assert flow["steps"][0][0]["ja"] == "記録・報告作成など周辺事務作業の軽減・効率化"


def _slide_tables(page: str, params: dict[str, Any]) -> list:
    slides = view_slides(DS, None, SavedView("v", page, params), "https://x.test", url_choices(DS))
    return [table for s in slides for table in s.tables]


def test_the_profile_slide_carries_the_example_and_the_level() -> None:
    tables = _slide_tables("industries", {"lang": "ja", "industry": "retail"})
    texts = [cell for table in tables for row in table.rows for cell in row]
    assert any("顧客接点と企画力を強化" in c and "影響類型5" in c for c in texts)
    assert "プレイヤー構造（例：小売・食品）" in texts


def test_the_use_case_slide_carries_the_flows_of_the_chosen_phases() -> None:
    flows = _slide_tables("use_cases", {"lang": "en", "phase": ["customer_touchpoint"]})[-1]
    assert [row[0] for row in flows.rows] == ["Customer touchpoint"] * 2 + ["Common to every phase"]
    assert (
        flows.rows[0][1]
        == "Understanding customers more efficiently → Understanding customers more deeply†"
    )
    assert flows.rows[0][2].startswith("L35")  # where the chain is in the report's text


def test_the_data_set_csv_carries_every_summary_value_with_its_lines() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(DS))))
    ours = [r for r in rows if r["table"] in ("impact_examples", "change_levels", "phase_flows")]
    phrases = [p for f in DS.phase_flows for s in f.steps for p in s.phrases]
    assert sum(r["table"] == "impact_examples" for r in ours) == len(DS.impact_examples)
    assert [r["value_ja"] for r in ours if ".phrases[" in r["field"]] == [
        p.text.ja for p in phrases
    ]
    assert all(r["source"] == "mizuho_2023" and r["lines"] and r["basis"] for r in ours)
    food = next(r for r in ours if r["value_en"] == "food")
    assert (food["record_id"], food["lines"]) == ("player_structure", "62-64")
