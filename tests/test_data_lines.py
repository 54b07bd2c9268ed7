"""The data's line ranges and texts, beyond the quotes (test_quotes_match_seed.py).

- Every range of the report a value cites holds that value's quote or its key words:
  a value that is not a quote (an effect, a "－", an impact type, a row's archetype) names
  what the cited text must contain — the phase's expected effect, the "－", the type's
  or its level's name, the industry's name (`key_words`).
- No `en` text anywhere under data/ is empty or missing beside its `ja`.
- A `layout` value names a known reading rule; validation says which file, record, field.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from data_dirs import BUNDLED_DATA, MINIMAL_DATA, copy_data
from report_excerpt import SOURCE_ID, quotes, read
from test_validation import edit, industry, put

from genai_impact.report.facts import Fact, facts
from genai_impact.report.load import load_dataset, validate
from genai_impact.report.model import Dataset

DS = load_dataset()


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# 1. Every cited range holds the value's quote or key words -----------------------------------


def _record_names(ds: Dataset, table: str, record_id: str) -> list[str]:
    """The record's own name(s), which a range citing one of its values may show."""
    if table == "industries":
        return [ds.industry(record_id).name.ja]
    if table == "archetypes":
        a = ds.archetype(record_id)
        return [a.name.ja, a.description.ja]
    if table == "phases":
        return [ds.phase(record_id).name.ja]
    if table == "impact_types":
        return [ds.impact_type(int(record_id)).name.ja]
    if table == "directions":
        return [ds.direction(int(record_id)).name.ja]
    if table == "use_cases":
        return [next(u.name.ja for u in ds.use_cases if u.id == record_id)]
    if table == "sectors":
        return [next(s.name.ja for s in ds.sectors if s.id == record_id)]
    if table == "stages":
        return [next(s.name.ja for s in ds.stages if s.id == record_id)]
    if table == "map_axes":
        return [next(a.name.ja for a in ds.map_axes if a.id == record_id)]
    if table == "map_markers":
        return [next(m.name.ja for m in ds.map_markers if m.id == record_id)]
    return []


def key_words(ds: Dataset, fact: Fact) -> list[str]:
    """What the cited range must contain (any one): the value itself, and by kind of value:
    an effect → its phase's expected-effect row; a "－" → the dash; an impact type → the
    type's name or its level's; a source → the survey's name; besides, the record's own
    name."""
    words = [fact.value.ja, *_record_names(ds, fact.table, fact.record_id)]
    effect = re.fullmatch(r"phases\.(\w+)\.effects(\[\d+\])?", fact.field)
    if fact.table == "industries" and effect:
        phase = ds.phase(effect[1])
        if effect[2] is None:  # the phase has no effect: the report's "－"
            words.append("－")
        else:
            words.append(phase.expected_effect.text.ja)
    if fact.table == "industries" and fact.field.startswith("impact_types"):
        kind = ds.impact_type(int(fact.value.ja.split("/")[0]))
        words += [kind.name.ja, ds.impact_level(kind.level).name.ja]
    if fact.table == "sources":  # the report names the survey it used (its title's start)
        source = ds.source(fact.record_id)
        words += [source.title.ja.split("（")[0], source.information_as_of.ja]
    if REFERENCE.fullmatch(fact.value.ja) and fact.prov and fact.prov.lines:
        # a reference (an id: a change, a scope, an industry, a phase): the record's own texts
        # cited inside the same range, or the report's words its note names
        first, last = fact.prov.lines
        words += [
            f.value.ja
            for f in facts(ds)
            if (f.table, f.record_id) == (fact.table, fact.record_id)
            and f is not fact
            and f.prov
            and f.prov.lines
            and first <= f.prov.lines[0] <= f.prov.lines[1] <= last
        ]
        words += re.findall(r"[^\x00-\x7f（）(), ]{2,}", fact.prov.note or "")
    return [w for w in words if len(_norm(w)) >= 1]


REFERENCE = re.compile(r"[a-z][a-z0-9_]*")  # an id, not words of the report


def cited_facts() -> list[Fact]:
    """Values of the report (stated or read from its layout) with their lines; a reading rule's
    own row is our wording, its lines what it rests on, and has no basis."""
    return [
        f
        for f in facts(DS)
        if f.prov
        and f.prov.source == SOURCE_ID
        and f.prov.lines
        and f.prov.basis in ("stated", "layout")
    ]


def test_every_cited_range_holds_the_value_or_its_key_words():
    excerpt = read()
    wrong = []
    for fact in cited_facts():
        window = _norm(excerpt.window(*fact.prov.lines))
        words = key_words(DS, fact)
        if not any(_norm(w) in window for w in words):
            where = f"{fact.table} {fact.record_id} {fact.field}"
            wrong.append(f"{where}: none of {words!r} in lines {fact.prov.lines}")
    assert not wrong, "\n".join(wrong)


def test_every_timing_and_rule_range_holds_its_words():
    excerpt = read()
    for timing in DS.timings:
        assert timing.prov is not None, timing.id
        assert _norm(timing.name.ja) in _norm(excerpt.window(*timing.prov.lines)), timing.id
    for rule in DS.reading_rules:
        window = _norm(excerpt.window(*rule.lines))
        quoted = re.findall(r"「([^「」]+)」", rule.rule.ja + rule.rule.en)
        inside = [q for q in quoted if _norm(q) in window]
        assert inside or not quoted, f"{rule.id}: no phrase it quotes is in {rule.lines}"


def test_the_line_check_catches_a_range_without_the_value():
    # the check itself: an effect of 研究開発・企画 citing a line of the 生産・流通 tendency
    fact = next(f for f in cited_facts() if f.field == "phases.rd_planning.effects[0]")
    words = key_words(DS, fact)
    assert any(_norm(w) in _norm(read().window(*fact.prov.lines)) for w in words)
    assert not any(_norm(w) in _norm(read().window(3530, 3531)) for w in words)


def test_the_excerpt_has_every_range_the_quotes_and_values_cite():
    lines = read().lines
    for _, _, prov in quotes(DS):
        first, last = prov.lines
        assert all(n in lines for n in range(first, last + 1))
    for fact in cited_facts():
        first, last = fact.prov.lines
        assert all(n in lines for n in range(first, last + 1)), fact


# 2. No empty English ----------------------------------------------------------------------------


def bilingual(node: Any, path: str = ""):
    """Every mapping with a `ja` or an `en` key, with its key path."""
    if isinstance(node, dict):
        if "ja" in node or "en" in node:
            yield path, node
        for key, value in node.items():
            yield from bilingual(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from bilingual(value, f"{path}[{i}]")


DATA_FILES = sorted(p.name for p in BUNDLED_DATA.glob("*.yaml"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_en_field_is_empty(name):
    doc = yaml.safe_load((BUNDLED_DATA / name).read_text(encoding="utf-8"))
    empty = [
        path
        for path, text in bilingual(doc)
        if not isinstance(text.get("en"), str) or not text["en"].strip()
    ]
    assert not empty, f"{name}: empty or missing en at {empty}"


def test_the_walk_finds_an_empty_en():
    doc = {"a": [{"name": {"ja": "名", "en": " "}}, {"x": {"ja": "名"}}]}
    found = [path for path, t in bilingual(doc) if not str(t.get("en") or "").strip()]
    assert found == ["a[0].name", "a[1].x"]


# 3. A layout value names a known rule ------------------------------------------------------------

EFFECT = "industries[0].phases.rd_planning.effects[0].prov"


def _effect_prov(change):
    return industry(lambda rec: change(rec["phases"]["rd_planning"]["effects"][0]["prov"]))


RULE_CASES = [
    # a layout value without its rule
    (
        _effect_prov(lambda prov: prov.pop("rule")),
        "industries.yaml",
        f"{EFFECT}.rule",
        "a 'layout' basis must name its reading rule",
    ),
    # a rule that does not exist
    (
        _effect_prov(put("rule", "guessed")),
        "industries.yaml",
        f"{EFFECT}.rule",
        "unknown reading rule id 'guessed'",
    ),
    # a stated value follows no rule
    (
        industry(lambda rec: rec["prov"].__setitem__("rule", "slide_layout")),
        "industries.yaml",
        "industries[0].prov.rule",
        "a 'stated' value follows no reading rule",
    ),
    # the rules file itself
    (
        edit("reading_rules.yaml", lambda doc: doc["reading_rules"][0].pop("lines")),
        "reading_rules.yaml",
        "reading_rules[0].lines",
        "missing required field",
    ),
    (
        edit(
            "reading_rules.yaml", lambda doc: doc["reading_rules"].append(doc["reading_rules"][0])
        ),
        "reading_rules.yaml",
        "reading_rules[1].id",
        "duplicate reading rule id",
    ),
    (
        lambda root: (root / "reading_rules.yaml").unlink(),
        "reading_rules.yaml",
        "",
        "file is missing",
    ),
]


@pytest.mark.parametrize(("mutate", "file", "path", "message"), RULE_CASES)
def test_a_broken_rule_reference_names_file_record_and_field(
    tmp_path: Path, mutate, file: str, path: str, message: str
):
    data = copy_data(MINIMAL_DATA, tmp_path)
    mutate(data)
    problems = validate(data)
    assert any((p.file, p.path) == (file, path) and message in p.message for p in problems), (
        "\n".join(str(p) for p in problems)
    )


@pytest.mark.parametrize("number", [t.number for t in DS.impact_types])
def test_every_part_of_an_impact_type_s_group_is_the_report_s_at_its_lines(number):
    # applies_to joins the figure's labels (not one quote): each part must be verbatim
    applies = DS.impact_type(number).applies_to
    window = _norm(read().window(*applies.prov.lines))
    parts = [p for p in re.split(r"[（）、。]", applies.text.ja) if len(_norm(p)) >= 2]
    missing = [p for p in parts if _norm(p) not in window]
    assert parts and not missing, f"type {number}: {missing} not in {applies.prov.lines}"
