"""A section's sources table downloads under a name that says the section: every section the
pages pass to `ledger_table` has its words in both catalogues, and a section without them
takes its heading (or its id) instead of stopping the page when the table is opened."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from genai_impact.exports.page_tables import section_words, sources_table
from genai_impact.report.model import LANGS, Provenance
from genai_impact.text.i18n import catalogue
from genai_impact.views.provenance_ledger import Ledger

REPO = Path(__file__).resolve().parents[1]
CALLERS = [
    *sorted((REPO / "pages").glob("*.py")),
    *sorted((REPO / "src" / "genai_impact" / "ui").glob("*.py")),
]


def _section_of(call: ast.Call) -> str:
    """The section a call passes: a literal, or `type-` for the impact pages' f-string."""
    arg = next((k.value for k in call.keywords if k.arg == "section"), None)
    if arg is None and len(call.args) >= 3:
        arg = call.args[2]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
        prefix = arg.values[0].value
        assert prefix == "type-", f"a section built as f'{prefix}…': give it a catalogue name"
        return "type"
    raise AssertionError(f"line {call.lineno}: the section is not a literal")


def sections_passed() -> dict[str, list[str]]:
    """section -> the files that pass it to `ledger_table`."""
    found: dict[str, list[str]] = {}
    for path in CALLERS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name == "ledger_table":
                found.setdefault(_section_of(node), []).append(path.name)
    return found


SECTIONS = sections_passed()


def test_the_scan_finds_the_pages_sections() -> None:
    # a scan that found nothing would let every key go missing unnoticed
    assert {"header", "effects", "matrix", "type", "grid", "table", "strategies"} <= set(SECTIONS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_section_has_its_file_name_words(section: str, lang: str) -> None:
    key = f"tables.file.section.{section}"
    assert key in catalogue(lang), f"{key} missing in {lang} (used in {SECTIONS[section]})"


@pytest.mark.parametrize(
    ("section", "heading", "words"),
    [
        ("matrix", "Anything", "Matrix"),  # the catalogue's words win
        ("type-3", None, "Type 3"),
        ("brand-new", "What changes", "What changes"),  # no key: the heading on screen
        ("brand-new", None, "brand-new"),  # no key, no heading: the id
    ],
)
def test_section_words_fall_back_to_the_heading(section, heading, words) -> None:
    assert section_words(section, "en", heading) == words


def test_a_sources_table_of_an_unnamed_section_is_made() -> None:
    ledger = Ledger("ja")
    ledger.mark("値", Provenance("mizuho_2023", "stated", (1, 1)))
    table = sources_table(ledger, "ja", "outlook", "brand-new", {}, "新しい節")
    assert table.words[0] == "新しい節" and len(table.frame) == 1
