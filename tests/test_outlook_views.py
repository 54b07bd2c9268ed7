"""What changes for every firm: the queries, the CSV of each section, the JSON sections
and the slides, on the bundled data and the synthetic minimal set."""

from __future__ import annotations

import csv
import io
import json

import pytest
from data_dirs import data_set_dir

from genai_impact.exports.dataset import to_json_dict
from genai_impact.exports.outlook_tables import section_frame, section_table, slide_table
from genai_impact.exports.table_csv import PROVENANCE_COLUMNS
from genai_impact.report.load import load_dataset
from genai_impact.report.query import url_choices
from genai_impact.text.i18n import t
from genai_impact.views import outlook as view
from genai_impact.workshop import agenda, slides


@pytest.fixture(scope="module")
def bundled():
    return load_dataset()


@pytest.fixture(scope="module")
def minimal():
    return load_dataset(data_set_dir("minimal"))


# --- the strategy directions that apply to an industry --------------------------------------


def test_every_industry_gets_the_three_directions_with_the_reports_reason(bundled):
    for industry in bundled.industries:
        applied = view.strategies_for_industry(bundled, industry.id)
        assert [a.strategy.id for a in applied] == ["data", "people", "co_creation"]
        for a in applied:
            assert "企業にとって極めて重要" in a.reason.text.ja
            assert a.reason.prov.lines == (68, 68)


def test_directions_carry_the_changes_they_answer(bundled):
    applied = {a.strategy.id: a for a in view.strategies_for_industry(bundled, "retail")}
    answered = {k: [c.id for c, _ in a.changes] for k, a in applied.items()}
    assert answered == {
        "data": ["output_levelling"],
        "people": ["faster_business_cycles", "humans_and_machines"],
        "co_creation": ["hyper_personalisation", "mass_customisation"],
    }


# the minimal set: `data` for all firms, `people` for archetype B only
@pytest.mark.parametrize(
    ("industry_archetype", "expected"), [("B", ["data", "people"]), ("A", ["data"])]
)
def test_a_direction_scoped_to_archetypes_applies_only_to_their_industries(
    minimal, industry_archetype, expected
):
    industry = next(i for i in minimal.industries if i.archetype == industry_archetype)
    applied = view.strategies_for_industry(minimal, industry.id)
    assert [a.strategy.id for a in applied] == expected
    assert [a.reason.text.en for a in applied][-1] == (
        "Important for B" if industry_archetype == "B" else "Important for firms"
    )


def test_an_unknown_industry_is_a_key_error(bundled):
    with pytest.raises(KeyError, match="nowhere"):
        view.strategies_for_industry(bundled, "nowhere")


def test_the_page_states_the_shared_reason_once(bundled, minimal):
    assert view.shared_reason(bundled).prov.lines == (68, 68)
    assert view.shared_reason(minimal) is None  # the two scopes differ


# --- the sections as rows, CSV and slides ---------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("section", view.SECTIONS)
def test_each_sections_csv_has_a_row_per_value_with_its_provenance(bundled, section, lang):
    frame = section_frame(bundled, lang, section)
    rows = view.section_rows(bundled, section)
    assert len(frame) == len(rows) > 0
    assert list(frame.columns[-len(PROVENANCE_COLUMNS) :]) == list(PROVENANCE_COLUMNS)
    assert set(frame["source"]) == {"mizuho_2023"}
    assert all(frame["lines"].str.startswith("L"))
    layout = frame[frame["basis"] == "layout"]
    assert len(layout) and all(layout["note"] != "")
    text = frame[t("outlook.column.text", lang)]
    assert list(text) == [r.text.in_lang(lang) for r in rows]


def test_the_strategy_csv_says_which_change_each_direction_answers(bundled):
    frame = section_frame(bundled, "en", "strategies")
    answers = frame[frame["Kind"] == t("outlook.role.responds_to", "en")]
    assert list(zip(answers["Item"], answers["Text"], answers["basis"], strict=True)) == [
        ("Data", "Output raised and levelled", "layout"),
        ("People (talent)", "Faster business cycles", "stated"),
        ("People (talent)", "Humans and machines working together becomes common", "stated"),
        ("Co-creation", "Hyper-personalisation advances", "stated"),
        ("Co-creation", "Mass customisation spreads", "stated"),
    ]


def test_a_sections_download_is_named_after_the_page_and_section(bundled):
    table = section_table(bundled, "ja", "outlook")
    assert table.stem == "outlook-outlook"
    assert table.title == "他のテクノロジーも踏まえた中長期展開"


def test_the_page_as_slides_keeps_every_value_with_its_basis(bundled):
    saved = agenda.SavedView(name="Firms", page="outlook", params={"lang": "en"})
    out = slides.view_slides(bundled, None, saved, "https://example.org", url_choices(bundled))
    assert len(out) > 1 and all(s.title.startswith("Firms (") for s in out)
    assert {s.subtitle for s in out} == {("What changes for every firm",)}
    headers = {s.tables[0].header[0][0] for s in out}
    assert headers == {t(f"outlook.slide.{s}", "en") for s in view.SECTIONS}
    shown = [row for s in out for row in s.tables[0].rows]
    values = [r for s in view.SECTIONS for r in view.section_rows(bundled, s) if r.role != "name"]
    marked = [r.text.en + ("†" if r.prov.basis == "layout" else "") for r in values]
    assert [row[2] for row in shown] == marked
    # a record's name stands on each of its rows (a split table still says it)
    assert shown[0][0] == "Output raised and levelled"
    assert any(row[2].endswith("†") for row in shown) and not all(r[2].endswith("†") for r in shown)


def test_a_slide_table_in_japanese_uses_the_reports_words(bundled):
    table = slide_table(bundled, "ja", "strategies")
    assert table.header[0][0] == "戦略の方向性（データ・人財・共創）"
    assert ("人財", "対応の方向性") in {row[:2] for row in table.rows}


# --- the JSON export -------------------------------------------------------------------------


def test_the_json_export_carries_the_three_sections_with_provenance(bundled):
    doc = json.loads(json.dumps(to_json_dict(bundled), ensure_ascii=False))
    keys = list(doc)
    assert keys[keys.index("sources") + 1 : keys.index("meta")] == [
        "environment_changes",
        "strategies",
        "outlook",
    ]
    change = doc["environment_changes"][2]
    assert change["id"] == "hyper_personalisation"
    assert change["definition"]["prov"] == {
        "source": "mizuho_2023",
        "lines": [4124, 4124],
        "basis": "stated",
        "rule": None,
        "note": None,
    }
    assert all(p["prov"]["basis"] == "layout" and p["prov"]["note"] for p in change["points"])
    people = doc["strategies"][1]
    assert people["applies_to"]["scope"] == "all_firms"
    assert people["applies_to"]["text"]["prov"]["lines"] == [68, 68]
    assert [r["change"] for r in people["responds_to"]] == [
        "faster_business_cycles",
        "humans_and_machines",
    ]
    robotics = next(o for o in doc["outlook"] if o["id"] == "robotics")
    assert robotics["kind"] == "technology"
    assert robotics["example"]["ja"].startswith("自律ロボット「PaLM-SayCan」")
    overview = doc["outlook"][0]
    assert overview["example"] is None and overview["prospect"] is None


def test_the_facts_csv_lists_every_outlook_value_with_its_lines(bundled):
    from genai_impact.exports.dataset import to_csv

    rows = list(csv.DictReader(io.StringIO(to_csv(bundled))))
    ours = [r for r in rows if r["table"] in ("environment_changes", "strategies", "outlook")]
    texts = sum(len(view.section_rows(bundled, s)) for s in view.SECTIONS)
    # every text of the page, plus each strategy's scope as a code
    assert len(ours) == texts + len(bundled.strategies)
    assert all(r["lines"] and r["basis"] in ("stated", "layout") for r in ours)
    scope = next(r for r in ours if r["record_id"] == "data" and r["field"] == "applies_to.scope")
    assert (scope["value_en"], scope["lines"]) == ("all_firms", "68-68")
