"""The deck in the sidebar (AppTest): the first saved view creates a deck and puts its links
in the URL; the read link shows no edit control; an edit without the edit key is refused;
unknown and malformed ids get a notice and an empty deck; notes and annotations stay plain
text; a PostgreSQL named in secrets.toml is used unchanged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from apptest_helpers import open_page
from deck_helpers import open_import, store, stored_agenda
from pg_cluster import Cluster
from streamlit import config
from streamlit.runtime.secrets import secrets_singleton
from streamlit.testing.v1 import AppTest

from genai_impact import navigation, state
from genai_impact.report.load import load_dataset
from genai_impact.text import display
from genai_impact.text.i18n import t
from genai_impact.ui.context import PageContext
from genai_impact.ui.deck_notes import annotation_lines
from genai_impact.workshop import deck_store
from genai_impact.workshop.agenda import Agenda, Annotation, SavedView

# Every control that changes a deck (keys; per-view ones for the first view).
EDIT_CONTROLS = (
    "workshop_save", "workshop_up-0", "workshop_down-0", "workshop_delete-0", "deck_rename",
    "workshop_import_load", "deck_note_save-0", "deck_annotation_add-0",
)  # fmt: skip
A_VIEW = SavedView("類型A", "map", {"lang": "ja", "arch": "A"})


def save(at: AppTest, name: str) -> AppTest:
    at.sidebar.text_input(key="workshop_name").set_value(name)
    at.sidebar.button(key="workshop_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def keys_on_screen(at: AppTest) -> set[str]:
    return {b.key for b in at.sidebar.button} | {i.key for i in at.sidebar.text_input}


def reopen(at: AppTest, page_id: str = "map", **more: str) -> AppTest:
    """The same URL in a new session (a reload, another browser)."""
    params = {k: at.query_params[k] for k in at.query_params}
    return open_page(page_id, {**params, **more})


def new_deck() -> tuple[str, str]:
    return deck_store.create(store(), Agenda(views=(A_VIEW,)))


def test_the_first_saved_view_creates_a_deck_whose_link_reopens_it():
    at = save(open_page("map", arch="A"), "類型A")
    deck_id, edit_key = at.query_params["deck"], at.query_params["edit"]
    assert state.DECK_ID_SHAPE.fullmatch(deck_id) and state.EDIT_KEY_SHAPE.fullmatch(edit_key)
    assert at.query_params["arch"] == "A"  # the view's own parameters stay
    assert [i.value for i in at.sidebar.info] == [t("deck.panel.created", "ja", name="類型A")]
    save(at, "二つ目")
    assert at.query_params["deck"] == deck_id  # the same deck, not a new one
    again = reopen(at)
    assert [v.name for v in stored_agenda(again).views] == ["類型A", "二つ目"]
    links = [link.proto.label for link in again.sidebar.get("page_link")]
    assert links[len(navigation.PAGES) :] == ["1. 類型A", "2. 二つ目"]
    assert set(EDIT_CONTROLS[:5]) <= keys_on_screen(again)


def test_navigation_links_carry_the_open_deck():
    deck_id, edit_key = new_deck()
    at = open_page("sources", deck=deck_id, edit=edit_key)
    for link in at.sidebar.get("page_link")[: len(navigation.PAGES)]:
        assert f"deck={deck_id}" in link.proto.query_string
        assert f"edit={edit_key}" in link.proto.query_string


def test_the_read_link_shows_the_deck_without_any_edit_control():
    deck_id, _ = new_deck()
    at = open_page("map", deck=deck_id, arch="A")
    assert not keys_on_screen(at) & set(EDIT_CONTROLS)
    assert not at.sidebar.text_area  # no note, no import box
    assert t("deck.panel.read_only", "ja") in [c.value for c in at.sidebar.caption]
    assert at.sidebar.get("page_link")[-1].proto.label == "1. 類型A"
    # an editable copy: a new deck with the same views, opened with its own edit key
    at.sidebar.button(key="deck_copy").click().run()
    assert at.query_params["deck"] != deck_id and "edit" in at.query_params
    assert stored_agenda(at).views == (A_VIEW,)
    assert set(EDIT_CONTROLS) <= keys_on_screen(at) | {"workshop_import_load"}


def test_a_wrong_edit_key_opens_the_deck_read_only_with_a_notice():
    deck_id, edit_key = new_deck()
    at = open_page("map", deck=deck_id, edit="w" * 43)
    assert [w.value for w in at.sidebar.warning] == [t("deck.notice.wrong_key", "ja")]
    assert not keys_on_screen(at) & set(EDIT_CONTROLS)
    assert "edit" in at.query_params  # the link is kept as given; it opens nothing more


def test_an_edit_without_the_edit_key_is_refused_by_the_store():
    deck_id, edit_key = new_deck()
    at = open_page("map", deck=deck_id, edit=edit_key, arch="A")
    at.query_params["edit"] = "w" * 43  # the key changed under an open page: a forged request
    at.sidebar.button(key="workshop_delete-0").click().run()
    assert t("deck.error.read_only", "ja") in [i.value for i in at.sidebar.info]
    assert deck_store.load(store(), deck_id).agenda.views == (A_VIEW,)


def test_an_unknown_deck_gets_a_notice_an_empty_deck_and_saving_starts_a_new_one():
    at = open_page("map", deck="U" * 22, lang="en")
    assert [w.value for w in at.sidebar.warning] == [t("deck.notice.not_found", "en")]
    assert len(at.sidebar.get("page_link")) == len(navigation.PAGES)  # no saved views
    save(at, "Fresh")
    assert at.query_params["deck"] != "U" * 22
    assert [v.name for v in stored_agenda(at).views] == ["Fresh"]


def test_a_malformed_deck_id_is_named_as_text_and_nothing_is_looked_up():
    hostile = "<b>x</b>' OR 1=1"
    at = open_page("map", deck=hostile, edit="short")
    warnings = [w.value for w in at.warning]
    assert t("deck.notice.bad_deck", "ja", value=display.md_literal(hostile)) in warnings
    assert t("deck.notice.bad_edit", "ja", value="short") in warnings
    assert "deck" not in at.query_params and "edit" not in at.query_params
    assert not at.exception


def test_notes_and_annotations_of_the_view_on_screen_are_plain_text():
    deck_id, edit_key = new_deck()
    at = open_page("map", deck=deck_id, edit=edit_key, arch="A")
    at.sidebar.text_area(key="deck_note-0").set_value("<script>x</script>\n**太字**")
    at.sidebar.button(key="deck_note_save-0").click().run()
    at.sidebar.selectbox(key="deck_target-0").set_value("industry:retail")
    at.sidebar.text_input(key="deck_annotation-0").set_value("[リンク](javascript:x) <b>")
    at.sidebar.button(key="deck_annotation_add-0").click().run()
    [saved] = deck_store.load(store(), deck_id).agenda.views
    assert saved.note == "<script>x</script>\n**太字**"
    assert saved.annotations == (Annotation("industry:retail", "[リンク](javascript:x) <b>"),)
    shown = [m.value for m in at.sidebar.markdown]
    assert "① 小売：" + display.md_literal("[リンク](javascript:x) <b>") in shown
    assert at.sidebar.text_area(key="deck_note-0").value == saved.note
    at.sidebar.button(key="deck_annotation_delete-0-0").click().run()
    assert deck_store.load(store(), deck_id).agenda.views[0].annotations == ()
    # the read link shows no note
    reader = open_page("map", deck=deck_id, arch="A")
    assert not reader.sidebar.text_area and not any("太字" in m.value for m in reader.markdown)


def test_the_annotation_list_numbers_and_names_targets_as_exports_do():
    ds = load_dataset()
    view = SavedView(
        "m", "impacts", {"lang": "en"},
        annotations=(Annotation("industry:retail", "a *b*"), Annotation("cell:retail:3", "c")),
    )  # fmt: skip
    ctx = PageContext(navigation.page("impacts"), state.ViewState(lang="en"), ds, ())
    lines = annotation_lines(ctx, view)
    assert lines[0] == "① Retail: a \\*b\\*"
    assert lines[1].startswith("② Retail × 3\\. ") and lines[1].endswith(": c")


def test_pasting_an_agenda_file_with_no_deck_open_starts_a_deck():
    at = open_page("home", lang="en")
    text = "version: 1\nname: Imported\nviews:\n- {name: One, page: sources, params: {lang: en}}\n"
    open_import(at)
    at.sidebar.text_area(key="workshop_agenda_import").set_value(text)
    at.sidebar.button(key="workshop_import_load").click().run()
    deck = stored_agenda(at)
    assert (deck.name, [v.name for v in deck.views]) == ("Imported", ["One"])
    assert at.sidebar.text_input(key="deck_name").value == "Imported"
    caption = t("deck.import.caption", "en", limit=64)
    assert caption in [c.value for c in at.sidebar.caption]  # the limit the reader checks
    assert not at.get("file_uploader")  # Streamlit's uploader shows its own English text


@pytest.fixture
def secrets_file(tmp_path: Path) -> Iterator[Path]:
    """A secrets.toml Streamlit reads (`secrets.files`), as an administrator would place it."""
    path = tmp_path / "secrets.toml"
    before = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(path)])
    secrets_singleton._reset()
    yield path
    config.set_option("secrets.files", before)
    secrets_singleton._reset()


def test_a_postgresql_named_in_secrets_toml_is_used_unchanged(secrets_file: Path):
    cluster = Cluster()
    try:
        url = cluster.new_database()
        secrets_file.write_text(f'[connections.decks]\nurl = "{url}"\n', encoding="utf-8")
        at = save(open_page("sources"), "On PostgreSQL")
        engine = sa.create_engine(url)
        deck = deck_store.load(engine, at.query_params["deck"])
        assert [v.name for v in deck.agenda.views] == ["On PostgreSQL"]
        engine.dispose()
        with pytest.raises(deck_store.DeckNotFound):  # and not in the SQLite file
            deck_store.load(store(), at.query_params["deck"])
    finally:
        cluster.stop()


def test_an_annotated_map_view_draws_its_markers_at_the_point_and_lists_them():
    pinned = (
        Annotation("industry:retail", "ここから"),
        Annotation("industry:construction", "比較"),
    )
    view = SavedView("小売", "map", {"lang": "ja"}, annotations=pinned)
    deck_id, _ = deck_store.create(store(), Agenda(views=(view,)))
    at = open_page("map", deck=deck_id)
    [chart] = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    layers = [*spec["layer"], *(sub for top in spec["layer"] for sub in top.get("layer", []))]
    drawn = [
        value
        for layer in layers
        for value in (layer.get("data") or {}).get("values", [])
        if "genai_impact_marker" in value
    ]
    # once per point, also where a sector shares its industry's id
    assert sorted(v["genai_impact_marker"] for v in drawn[: len(drawn) // 3]) == ["①", "②"]
    assert len(drawn) == 3 * 2  # ring, outline and marker layers
    assert any("① " in m.value and "ここから" in m.value for m in at.markdown)
    plain = open_page("map", deck=deck_id, arch="A")  # another view: no marker, no list
    assert "genai_impact_marker" not in plain.get("vega_lite_chart")[0].proto.spec
    assert not any("ここから" in m.value for m in plain.markdown)
