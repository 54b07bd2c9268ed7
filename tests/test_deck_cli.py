"""`genai-impact deck export FILE.yaml --format pptx|pdf|html -o OUT`: a good file is
written whole with links on the given base; a file with problems prints them and writes
nothing; without a public base URL the command refuses."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from deck_fixtures import pptx_links
from pptx import Presentation

from genai_impact.cli import main
from genai_impact.workshop import agenda_file
from genai_impact.workshop.agenda import Agenda, Annotation, SavedView
from genai_impact.workshop.links import BASE_URL_ENV

BASE = "https://impact.example.org"
GOOD = Agenda(
    views=(
        SavedView("Retail", "industries", {"lang": "en", "industry": "retail"}, note="Start here."),
        SavedView(
            "影響",
            "impacts",
            {"lang": "ja", "arch": ["C"]},
            annotations=(Annotation("industry:retail", "小売"),),
        ),
    ),
    name="Client deck",
)
BAD = """version: 1
views:
- name: Fine
  page: industries
  params: {lang: en, industry: retail}
- name: Broken
  page: nowhere
  params: {lang: en}
"""


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.yaml"
    path.write_text(agenda_file.to_yaml(GOOD), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_base_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BASE_URL_ENV, raising=False)


def test_a_good_file_becomes_a_pptx_linking_to_the_base(good_file, tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    code = main(
        ["deck", "export", str(good_file), "--format", "pptx", "-o", str(out), "--base-url", BASE]
    )
    assert code == 0, capsys.readouterr().err
    deck = Presentation(io.BytesIO(out.read_bytes()))
    assert len(deck.slides) >= 2
    links = pptx_links(deck)
    assert links and all(link.startswith(BASE + "/") for link in links)
    assert deck.slides[0].notes_slide.notes_text_frame.text == "Start here."
    assert str(out) in capsys.readouterr().out


def test_the_base_comes_from_the_environment_when_not_given(good_file, tmp_path, monkeypatch):
    monkeypatch.setenv(BASE_URL_ENV, "https://env.example.org/")
    out = tmp_path / "deck.html"
    assert main(["deck", "export", str(good_file), "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'href="https://env.example.org/industries?' in page
    assert "localhost" not in page


@pytest.mark.parametrize("base", [None, "ftp://files.example.org", "not a url"])
def test_without_a_public_base_nothing_is_written(good_file, tmp_path, capsys, base):
    out = tmp_path / "deck.pdf"
    args = ["deck", "export", str(good_file), "--format", "pdf", "-o", str(out)]
    code = main(args + (["--base-url", base] if base else []))
    assert code == 2
    assert "--base-url" in capsys.readouterr().err
    assert not out.exists()


def test_a_file_with_problems_prints_them_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"the previous deck")
    code = main(
        ["deck", "export", str(bad), "--format", "pptx", "-o", str(out), "--base-url", BASE]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "bad.yaml: view 2 “Broken”, page:" in err and "nowhere" in err
    assert out.read_bytes() == b"the previous deck"  # untouched
    assert not list(tmp_path.glob(".deck.pptx.*"))  # no temporary file left


def test_a_missing_file_is_refused(tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    code = main(
        [
            "deck",
            "export",
            str(tmp_path / "none.yaml"),
            "--format",
            "pptx",
            "-o",
            str(out),
            "--base-url",
            BASE,
        ]
    )
    assert code == 1 and "cannot read" in capsys.readouterr().err and not out.exists()
