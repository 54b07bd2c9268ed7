"""The string catalogues: parity between languages, no gaps, and the loader's rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from genai_impact import navigation, state
from genai_impact.text import i18n

REPO = Path(__file__).resolve().parents[1]
JA, EN = i18n.load_catalogue("ja"), i18n.load_catalogue("en")
# Japanese letters (kana, kanji, ideographic punctuation, full-width brackets).
_JA_CHAR = "[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff08\uff09\u300c\u300d]"


def test_both_languages_have_the_same_files():
    names = {
        lang: sorted(p.name for p in (i18n.STRINGS_DIR / lang).glob("*.yaml"))
        for lang in ("ja", "en")
    }
    assert names["ja"] == names["en"]


def test_both_languages_have_exactly_the_same_keys():
    assert sorted(JA.keys() - EN.keys()) == [], "keys only in ja"
    assert sorted(EN.keys() - JA.keys()) == [], "keys only in en"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_empty_values(lang):
    catalogue = i18n.load_catalogue(lang)
    assert [k for k, v in catalogue.items() if not v.strip()] == []


def test_format_placeholders_match_between_languages():
    mismatched = {
        k: (i18n.placeholders(JA[k]), i18n.placeholders(EN[k]))
        for k in JA
        if i18n.placeholders(JA[k]) != i18n.placeholders(EN[k])
    }
    assert mismatched == {}


def test_japanese_has_no_space_from_folded_lines():
    # Regression: YAML `>-` folding joined Japanese lines with a space ("バリューチェーンの 段階").
    spaced = {k: v for k, v in JA.items() if re.search(f"{_JA_CHAR} {_JA_CHAR}", v)}
    assert spaced == {}


def test_t_formats_and_missing_key_raises():
    assert i18n.t("common.error.intro", "en", count=3).startswith("The YAML files")
    with pytest.raises(KeyError):
        i18n.t("no.such.key", "ja")
    with pytest.raises(ValueError):
        i18n.t("common.app_title", "fr")


def _code_files() -> list[Path]:
    return [
        REPO / "app.py",
        *sorted((REPO / "pages").glob("*.py")),
        *sorted((REPO / "src" / "genai_impact").glob("*.py")),
    ]


def test_every_literal_key_in_the_code_exists():
    used: set[str] = set()
    for path in _code_files():
        used |= set(
            re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']""", path.read_text(encoding="utf-8"))
        )
    assert used, "the scan found no t(...) calls: the regex is stale"
    assert sorted(used - JA.keys()) == []


def test_keys_built_from_the_page_registry_and_url_params_exist():
    needed = {
        f"{page.id}.{part}" for page in navigation.PAGES for part in ("nav", "title", "intro")
    }
    needed |= {f"home.pages.{page.id}" for page in navigation.PAGES if page.id != "home"}
    needed |= {param.notice_key for param in state.PARAMS}
    needed |= {f"common.lang.{lang}" for lang in i18n.LANGS}
    needed |= {
        f"common.prov.basis.{b}.{part}"
        for b in ("stated", "layout")
        for part in ("label", "meaning")
    }
    assert sorted(needed - JA.keys()) == []


# The loader's rules, on SYNTHETIC catalogues written to a temporary directory.
@pytest.mark.parametrize(
    ("files", "message"),
    [
        # a file's single top-level key must be its area (the file name)
        ({"home.yaml": "other:\n  a: x\n"}, "exactly one top-level key"),
        ({"home.yaml": "home:\n  a: x\nextra:\n  b: y\n"}, "exactly one top-level key"),
        # values are strings; nested mappings are fine
        ({"home.yaml": "home:\n  a: [1, 2]\n"}, "must be a string"),
        ({"home.yaml": "home:\n  a: 3\n"}, "must be a string"),
        # duplicate keys, within a file (via dotted nesting) and across files
        ({"home.yaml": "home:\n  a:\n    b: x\n", "zz.yaml": "zz:\n  c: y\n"}, None),
    ],
)
def test_loader_rules(tmp_path, files, message):
    (tmp_path / "ja").mkdir()
    for name, text in files.items():
        (tmp_path / "ja" / name).write_text(text, encoding="utf-8")
    if message is None:
        assert i18n.load_catalogue("ja", tmp_path) == {"home.a.b": "x", "zz.c": "y"}
    else:
        with pytest.raises(i18n.CatalogueError, match=message):
            i18n.load_catalogue("ja", tmp_path)


def test_no_catalogue_files_is_an_error(tmp_path):
    (tmp_path / "ja").mkdir()
    with pytest.raises(i18n.CatalogueError, match="no catalogue files"):
        i18n.load_catalogue("ja", tmp_path)
