"""Annotations pinned to a cell of the business-type table (`cell:<type id>:<impact id>`):
offered on the page, checked when an agenda file is read, drawn as a numbered marker in the
cell on the page and in the view's slide table."""

from __future__ import annotations

import pytest
from apptest_helpers import open_page
from deck_helpers import store

from genai_impact import navigation
from genai_impact.report.load import load_dataset
from genai_impact.report.query import url_choices
from genai_impact.views import business_types as bt
from genai_impact.workshop import agenda_file, annotations, deck_store
from genai_impact.workshop.agenda import Agenda, Annotation, SavedView
from genai_impact.workshop.slides import view_slides

DS = load_dataset()
PINNED = (
    Annotation("cell:knowledge_intensive:automation", "ここが論点"),
    Annotation("cell:indirect_work:empowerment", "間接業務"),
)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_offers_each_type_times_each_impact(lang) -> None:
    targets = annotations.targets(DS, "business_types", lang)
    assert list(targets) == [
        f"cell:{b}:{i}"
        for b in ("labour_intensive", "capital_intensive", "knowledge_intensive", "indirect_work")
        for i in ("automation", "empowerment")
    ]
    label = targets["cell:labour_intensive:empowerment"]
    name = "労働集約型" if lang == "ja" else "Labour-intensive"
    impact = DS.business_type_table.impact("empowerment").name.text.in_lang(lang)
    # no ②: it would read as the second annotation's marker
    assert label == f"{name} × {impact}"


@pytest.mark.parametrize(
    ("target", "industry"),
    [
        # a business-type cell points at no industry (no marker on the map's points)
        ("cell:labour_intensive:automation", None),
        ("cell:retail:3", "retail"),  # a matrix cell still does
        ("cell:1:rd_planning", None),  # a use-case cell does not
        ("industry:steel", "steel"),
    ],
)
def test_only_industry_targets_name_an_industry(target, industry) -> None:
    assert annotations.industry_of(target) == industry


def agenda_text(target: str) -> str:
    view = SavedView(
        "類型", "business_types", {"lang": "ja"}, annotations=(Annotation(target, "x"),)
    )
    return agenda_file.to_yaml(Agenda(views=(view,)))


def read(text: str):
    pages = [p.id for p in navigation.PAGES]
    return agenda_file.from_yaml(
        text,
        pages,
        lambda page, params: [],
        lang="en",
        annotation_targets=lambda page: annotations.targets(DS, page, "ja"),
    )


@pytest.mark.parametrize(
    ("target", "ok"),
    [
        ("cell:capital_intensive:empowerment", True),
        ("cell:capital_intensive:other", False),  # no such impact
        ("cell:bakery:automation", False),  # no such type
        ("cell:retail:3", False),  # a matrix cell: not on this page
        ("industry:retail", False),  # the page has no industry targets
    ],
)
def test_an_agenda_file_pinning_a_cell_is_checked(target, ok) -> None:
    loaded, problems = read(agenda_text(target))
    if ok:
        assert problems == [] and loaded.views[0].annotations[0].target == target
    else:
        assert loaded.views == ()
        assert [p.path for p in problems] == ["view 1 “類型”, annotations.1.target"]


def test_the_slide_table_draws_the_markers_in_their_cells() -> None:
    view = SavedView("類型", "business_types", {"lang": "ja"}, annotations=PINNED)
    slides = view_slides(DS, None, view, "https://x.test", url_choices(DS))
    rows = {
        row[0].split("（")[0]: row
        for slide in slides
        for table in slide.tables
        for row in table.rows
    }
    first_line = {name: [cell.split("\n")[0] for cell in row[2:]] for name, row in rows.items()}
    assert first_line["知識集約型"] == ["★★★† ①", "★★★†"]
    assert first_line["共通"][1] == "★† ②"
    assert first_line["労働集約型"] == ["★★★†", "★★†"]
    assert all(s.annotations == (("①", "ここが論点"), ("②", "間接業務")) for s in slides)


def test_the_overview_frame_takes_the_markers() -> None:
    frame = bt.overview_frame(DS, "en", {"cell:capital_intensive:empowerment": "①"})
    cells = [v for v in frame.to_numpy().ravel() if isinstance(v, str) and "①" in v]
    assert cells == ["★★★† ①"]


def test_the_page_draws_the_markers_in_the_table_and_lists_them() -> None:
    view = SavedView("類型", "business_types", {"lang": "ja"}, annotations=PINNED)
    deck_id, _ = deck_store.create(store(), Agenda(views=(view,)))
    at = open_page("business_types", deck=deck_id)
    frame = at.table[0].value
    knowledge = next(i for i, name in enumerate(frame.index) if name.startswith("知識集約型"))
    assert list(frame.iloc[knowledge, -2:]) == ["★★★† ①", "★★★†"]
    assert any("① " in m.value and "ここが論点" in m.value for m in at.markdown)
    plain = open_page("business_types", deck=deck_id, lang="en")  # another view: no marker
    assert not any("①" in str(v) for v in plain.table[0].value.to_numpy().ravel())
