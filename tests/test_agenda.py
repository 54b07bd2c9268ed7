"""Saved views (the workshop agenda): edits, stepping, URLs, and the YAML file — round trip,
and every bad file or bad view named while the valid views survive. Files are SYNTHETIC."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from genai_impact import navigation
from genai_impact.exports import presets as export_theme
from genai_impact.exports import table_csv as table_export
from genai_impact.report.load import load_dataset
from genai_impact.state import ViewState
from genai_impact.text import i18n
from genai_impact.workshop import agenda, agenda_file
from genai_impact.workshop.agenda import Agenda, AgendaError, SavedView

REPO = Path(__file__).resolve().parents[1]
PAGES = [p.id for p in navigation.PAGES]  # home, industries, sources (more to come)
CHOICES = {"industry": ["travel", "steel"]}  # SYNTHETIC ids
CHECK = agenda_file.url_param_check(CHOICES)

TRAVEL = SavedView("旅行", "industries", {"lang": "ja", "industry": "travel"})
STEEL = SavedView("Steel", "industries", {"lang": "en", "industry": "steel"})
SOURCES = SavedView("出典", "sources", {"lang": "ja"})


def load(text: str | bytes, lang: str = "en") -> tuple[Agenda, list]:
    return agenda_file.from_yaml(text, PAGES, CHECK, lang=lang)


# --- round trip ----------------------------------------------------------------------------


def test_yaml_round_trip_keeps_names_pages_params_and_order():
    original = Agenda(views=(TRAVEL, STEEL, SOURCES))
    text = agenda_file.to_yaml(original)
    assert "name: 旅行" in text  # readable, not \u escapes
    assert text.startswith("# genai-impact")
    loaded, problems = load(text)
    assert problems == []
    assert loaded == original


def test_round_trip_of_list_values_and_odd_text():
    # a permissive check: the file format itself must carry lists and any text unchanged
    views = (
        SavedView("a: b # c", "home", {"lang": "en", "arch": ["A", "E1"], "q": "yes"}),
        SavedView("'quoted' \"twice\"", "home", {"q": "1.0"}),
    )
    text = agenda_file.to_yaml(Agenda(views=views))
    loaded, problems = agenda_file.from_yaml(text, PAGES, lambda page, params: [])
    assert problems == []
    assert loaded.views == views


def test_written_params_follow_the_url_parameter_order():
    view = SavedView("x", "industries", {"industry": "travel", "lang": "en"})
    doc = yaml.safe_load(agenda_file.to_yaml(Agenda(views=(view,))))
    assert list(doc["views"][0]["params"]) == ["lang", "industry"]


# --- bad files: one problem, no views -------------------------------------------------------

_GOOD = "version: 1\nviews:\n  - {name: a, page: home, params: {lang: en}}\n"


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        # too big: refused before parsing
        (b"#" * (agenda_file.MAX_FILE_BYTES + 1), "", "too large (65 KB; the limit is 64 KB)"),
        # not UTF-8 text
        (b"version: 1\nviews: []\n\xff\xfe", "", "not UTF-8"),
        # not YAML (with the line), or YAML a safe loader refuses (no object construction)
        ("version: 1\nviews: [unclosed\n", "", "cannot be read as YAML (near line 3)"),
        ("!!python/object/apply:os.system ['touch /tmp/pwned']\n", "", "cannot be read as YAML"),
        # nesting deep enough to exhaust the parser's recursion, within the size limit
        ("[" * 20000 + "]" * 20000, "", "cannot be read as YAML"),
        # YAML, but not an agenda
        ("- a\n- b\n", "", "not a saved-views file"),
        ("just text\n", "", "not a saved-views file"),
        ("version: 1\n", "", "not a saved-views file"),
        ("", "", "not a saved-views file"),
        # wrong format version; "1" and true are not 1
        (_GOOD.replace("version: 1", "version: 2"), "version", "version 2 is not supported"),
        (_GOOD.replace("version: 1", "version: '1'"), "version", "version 1 is not supported"),
        (_GOOD.replace("version: 1", "version: true"), "version", "version True is not"),
        (_GOOD.replace("version: 1\n", ""), "version", "version — is not supported"),
        # views must be a list
        ("version: 1\nviews: {a: 1}\n", "views", "must be a list"),
    ],
)
def test_bad_file_gives_one_problem_and_no_views(data, where, message):
    loaded, problems = load(data)
    assert loaded.views == ()
    assert len(problems) == 1, problems
    assert problems[0].file == "agenda.yaml"
    assert problems[0].path == where
    assert message in problems[0].message


def test_nothing_in_the_file_is_executed(tmp_path):
    marker = tmp_path / "pwned"
    load(f"!!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()


def test_empty_views_list_is_an_empty_agenda():
    assert load("version: 1\nviews: []\n") == (Agenda(), [])
    assert load("version: 1\nviews:\n") == (Agenda(), [])


def test_a_bom_is_accepted():
    loaded, problems = load(b"\xef\xbb\xbf" + _GOOD.encode("utf-8"))
    assert problems == [] and [v.name for v in loaded.views] == ["a"]


# --- bad views: named by number, name and field; the valid views survive ----------------------


def _file_with(bad_view: str) -> str:
    """Two valid views with `bad_view` (YAML flow mapping or scalar) between them."""
    return (
        "version: 1\nviews:\n"
        "  - {name: first, page: industries, params: {lang: ja, industry: travel}}\n"
        f"  - {bad_view}\n"
        "  - {name: last, page: sources, params: {lang: en}}\n"
    )


@pytest.mark.parametrize(
    ("bad_view", "where", "message"),
    [
        # the page must exist
        ("{name: v, page: nowhere}", "view 2 “v”, page", "no page “nowhere”"),
        ("{name: v}", "view 2 “v”, page", "no page “—”"),
        ("{name: v, page: [home]}", "view 2 “v”, page", "no page “['home']”"),
        # a filter value the page would not honour: unknown id, malformed, wrong language
        (
            "{name: v, page: industries, params: {industry: steel_x}}",
            "view 2 “v”, params.industry",
            "value “steel_x” cannot be used",
        ),
        (
            "{name: v, page: industries, params: {industry: '<script>'}}",
            "view 2 “v”, params.industry",
            "value “<script>” cannot be used",
        ),
        ("{name: v, page: home, params: {lang: fr}}", "view 2 “v”, params.lang", "“fr”"),
        # a one-value parameter given twice: the first is not used
        ("{name: v, page: home, params: {lang: [ja, en]}}", "view 2 “v”, params.lang", "“ja”"),
        # a parameter the page does not read
        (
            "{name: v, page: sources, params: {industry: travel}}",
            "view 2 “v”, params.industry",
            "page “sources” does not use this setting",
        ),
        # values must be text: no mappings, no booleans (YAML reads `yes` as true)
        (
            "{name: v, page: home, params: {lang: {a: 1}}}",
            "view 2 “v”, params.lang",
            "text or a list of texts",
        ),
        ("{name: v, page: home, params: {lang: yes}}", "view 2 “v”, params.lang", "text or"),
        ("{name: v, page: home, params: [lang]}", "view 2 “v”, params", "pairs of name: value"),
        # names: present, not too long, unique (ignoring case and full/half width)
        ("{page: home}", "view 2 “—”, name", "name is missing"),
        ("{name: '  ', page: home}", "view 2 “—”, name", "name is missing"),
        ("{name: 42, page: home}", "view 2 “—”, name", "name is missing"),
        (
            "{name: '" + "あ" * 41 + "', page: home}",
            "view 2 “" + "あ" * 39 + "…”, name",
            "longer than 40 characters",
        ),
        ("{name: FIRST, page: home}", "view 2 “FIRST”, name", "“FIRST” is used by an earlier"),
        ("{name: ｆｉｒｓｔ, page: home}", "view 2 “ｆｉｒｓｔ”, name", "is used by an earlier"),
        # the shape of a view
        ("{name: v, page: home, notes: hi}", "view 2 “v”, notes", "field is not allowed"),
        ("just a string", "view 2 “—”, —", "entry with name, page and params"),
    ],
)
def test_bad_view_is_named_and_the_valid_views_survive(bad_view, where, message):
    loaded, problems = load(_file_with(bad_view))
    assert [v.name for v in loaded.views] == ["first", "last"]
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].path == where
    assert message in problems[0].message
    assert str(problems[0]).startswith(f"agenda.yaml: {where}: ")


def test_every_problem_of_a_view_is_reported():
    loaded, problems = load(_file_with("{name: '', page: industries, params: {industry: x_y}}"))
    assert [p.path for p in problems] == ["view 2 “—”, name", "view 2 “—”, params.industry"]
    assert len(loaded.views) == 2


def test_markup_in_a_name_is_kept_as_plain_text():
    name = "<script>alert(1)</script>"
    loaded, problems = load(_file_with(f"{{name: '{name}', page: home, params: {{lang: en}}}}"))
    assert problems == []
    assert loaded.views[1] == SavedView(name, "home", {"lang": "en"})


def test_control_and_bidi_characters_are_removed_from_names():
    loaded, _ = load(_file_with('{name: "a\\x07b\\u202ec\\n d", page: home}'))
    assert loaded.views[1].name == "a b c d"


def test_problems_are_in_the_chosen_language():
    _, problems = load(_file_with("{name: v, page: nowhere}"), lang="ja")
    assert str(problems[0]) == (
        "agenda.yaml: ビュー 2「v」の page: ページ「nowhere」はありません。"
        "このビューは読み込んでいません。"
    )


def test_unknown_top_level_keys_are_reported_but_views_load():
    loaded, problems = load(_GOOD + "author: me\n")
    assert [v.name for v in loaded.views] == ["a"]
    assert [(p.path, p.message) for p in problems] == [
        ("author", "This entry is not used and was ignored.")
    ]


def test_too_many_views_loads_the_first_fifty():
    views = "".join(f"  - {{name: v{i}, page: home}}\n" for i in range(agenda.MAX_VIEWS + 5))
    loaded, problems = load("version: 1\nviews:\n" + views)
    assert len(loaded.views) == agenda.MAX_VIEWS
    assert [p.path for p in problems] == ["views"]


def test_alias_bomb_stays_small_and_fast():
    # a "billion laughs" document: safe_load shares the aliased lists, and the reader
    # never walks more than MAX_VIEWS views nor more than MAX_VALUES values each
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "\n".join(levels) + "\nversion: 1\nviews: *a8\n"
    started = time.perf_counter()
    loaded, problems = load(text)
    assert time.perf_counter() - started < 2
    assert loaded.views == ()
    assert len(problems) <= agenda.MAX_VIEWS + 12


# --- edits -----------------------------------------------------------------------------------


def test_add_rename_delete_and_move():
    a = agenda.add_view(Agenda(), TRAVEL)
    a = agenda.add_view(a, STEEL)
    a = agenda.add_view(a, SOURCES)
    assert [v.name for v in a.views] == ["旅行", "Steel", "出典"]
    a = agenda.move_up(a, 2)
    assert [v.name for v in a.views] == ["旅行", "出典", "Steel"]
    a = agenda.move_down(a, 0)
    assert [v.name for v in a.views] == ["出典", "旅行", "Steel"]
    assert agenda.move_up(a, 0) == a and agenda.move_down(a, 2) == a  # clamped at the ends
    a = agenda.rename_view(a, 2, "  鉄鋼 \n ")
    assert a.views[2] == SavedView("鉄鋼", "industries", STEEL.params)
    assert agenda.rename_view(a, 2, "鉄鋼") == a  # its own name is not a clash
    a = agenda.delete_view(a, 0)
    assert [v.name for v in a.views] == ["旅行", "鉄鋼"]
    with pytest.raises(IndexError):
        agenda.delete_view(a, 5)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("", "export.agenda.error.name_empty"),
        ("\x00\u200b ", "export.agenda.error.name_empty"),
        ("x" * 41, "export.agenda.error.name_too_long"),
        ("旅行", "export.agenda.error.name_taken"),
        ("STEEL", "export.agenda.error.name_taken"),
    ],
)
def test_add_refuses_bad_names_with_a_message_key(name, key):
    a = Agenda(views=(TRAVEL, STEEL))
    with pytest.raises(AgendaError) as caught:
        agenda.add_view(a, SavedView(name, "home"))
    assert caught.value.key == key
    assert caught.value.message("ja") and caught.value.message("en")


def test_add_refuses_beyond_the_limit():
    full = Agenda(views=tuple(SavedView(f"v{i}", "home") for i in range(agenda.MAX_VIEWS)))
    with pytest.raises(AgendaError) as caught:
        agenda.add_view(full, SavedView("one more", "home"))
    assert caught.value.message("en") == "At most 50 views can be saved."


@pytest.mark.parametrize(
    ("current", "count", "delta", "expected"),
    [
        (None, 0, +1, None),  # empty agenda: nowhere to go
        (None, 3, +1, 0),  # not started: forward starts at the first
        (None, 3, -1, 2),  # ... backward at the last
        (0, 3, +1, 1),
        (2, 3, +1, 2),  # stops at the last, no wrap
        (0, 3, -1, 0),  # stops at the first
        (1, 3, -1, 0),
        (5, 3, -1, 2),  # a stale index (views deleted) comes back in range
    ],
)
def test_step(current, count, delta, expected):
    assert agenda.step(current, count, delta) == expected


def test_next_and_prev():
    assert agenda.next_index(0, 2) == 1 and agenda.prev_index(1, 2) == 0


# --- capture and URLs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "view", "params"),
    [
        # the language is always written, so the view keeps it even in a session in English
        (
            "industries",
            ViewState(lang="ja", industry="travel"),
            {"lang": "ja", "industry": "travel"},
        ),
        ("industries", ViewState(lang="en"), {"lang": "en"}),
        # a page keeps only the parameters it reads
        ("sources", ViewState(lang="en", industry="travel"), {"lang": "en"}),
    ],
)
def test_capture_view(page, view, params):
    saved = agenda.capture_view(" name\t", page, view)
    assert saved == SavedView("name", page, params)
    assert CHECK(page, {k: [v] for k, v in params.items()}) == []  # it loads back


@pytest.mark.parametrize(
    ("view", "url"),
    [
        (SavedView("h", "home", {"lang": "en"}), "http://host:8501/?lang=en"),
        (SavedView("h", "home", {}), "http://host:8501/"),
        (TRAVEL, "http://host:8501/industries?lang=ja&industry=travel"),
        # parameter order follows state.PARAMS whatever the dict order; lists repeat the key
        (
            SavedView("x", "industries", {"industry": "steel", "arch": ["A", "E1"], "lang": "en"}),
            "http://host:8501/industries?lang=en&industry=steel&arch=A&arch=E1",
        ),
        # anything else is percent-encoded
        (
            SavedView("x", "sources", {"q": "産業 & AI"}),
            "http://host:8501/sources?q=%E7%94%A3%E6%A5%AD%20%26%20AI",
        ),
    ],
)
def test_view_url(view, url):
    assert agenda.view_url("http://host:8501", view) == url
    assert agenda.view_url("http://host:8501/", view) == url


# --- every message key the modules use exists ---------------------------------------------


def test_every_export_message_key_exists_in_both_languages():
    used: set[str] = set()
    for name in (
        "workshop/agenda.py",
        "workshop/agenda_file.py",
        "exports/render.py",
        "workshop/slides.py",
    ):
        text = (REPO / "src" / "genai_impact" / name).read_text(encoding="utf-8")
        used |= set(re.findall(r"""["'](export\.[a-z0-9_.]+)["']""", text))
    assert len(used) > 20, "the scan found too few keys: the regex is stale"
    for lang in ("ja", "en"):
        assert sorted(used - i18n.load_catalogue(lang).keys()) == [], lang


# --- docs as tests: docs/exports.md says what the code does ------------------------------------

DOCS = REPO / "docs" / "exports.md"


def _docs_text() -> str:
    return " ".join(DOCS.read_text(encoding="utf-8").split())


def test_the_documented_agenda_file_is_what_to_yaml_writes_and_it_loads():
    text = DOCS.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
    choices = {"industry": [i.id for i in load_dataset().industries]}  # the bundled data
    loaded, problems = agenda_file.from_yaml(example, PAGES, agenda_file.url_param_check(choices))
    assert problems == []
    assert len(loaded.views) == 3
    assert agenda_file.to_yaml(loaded) == example


def test_the_documented_limits_and_example_problem_are_the_codes():
    docs = _docs_text()
    for fragment in (
        f"at most {agenda_file.MAX_FILE_BYTES // 1024} KB per file",
        f"{agenda.MAX_VIEWS} views (only the first {agenda.MAX_VIEWS} are read)",
        f"{agenda.NAME_MAX} characters per name",
        f"{agenda_file.MAX_VALUES} values per parameter",
        f"at most {agenda.NAME_MAX} characters and unique",
    ):
        assert fragment in docs, fragment
    _, problems = load(_file_with("{name: v, page: nowhere}"))
    assert f"`{problems[0]}`" in docs


def test_the_documented_presets_fonts_and_csv_columns_are_the_codes():
    docs = _docs_text()
    for preset in export_theme.PRESETS.values():
        if preset.width is not None:
            assert f"| `{preset.id}` | {preset.width} × {preset.height}, whole image" in docs
            assert f"{2 * preset.width} × {2 * preset.height}" in docs
        sizes = preset.type
        assert f"{sizes.title} / {sizes.label} / {sizes.footer} px" in docs
    assert "{} × {}".format(*export_theme.SCREEN_FALLBACK_SIZE) in docs
    assert export_theme.FONT_STACK in docs
    for column in table_export.PROVENANCE_COLUMNS:
        assert f"| `{column}` |" in docs
