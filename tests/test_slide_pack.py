"""The slide pack: a ZIP of numbered PNGs plus index.txt, safe file names, same bytes for the
same input. PNG bytes here are SYNTHETIC stand-ins (the pack does not look inside them)."""

from __future__ import annotations

import io
import zipfile

import pytest

from genai_impact.exports import slide_pack
from genai_impact.exports.slide_pack import SlideFile

FAKE_PNG = b"\x89PNG\r\n\x1a\n" + b"synthetic"

# Characters Windows refuses in file names (macOS refuses ":" and "/").
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Japanese and Latin letters and digits are kept, NFKC folds full-width forms
        ("旅行の効果", "旅行の効果"),
        ("Ｅ１ 産業", "E1-産業"),
        ("Industry map 2023", "Industry-map-2023"),
        # punctuation, path separators and reserved characters become single dashes
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("類型A・B　研究開発", "類型A-B-研究開発"),
        ("../../etc/passwd", "etc-passwd"),
        ("(draft)_v2", "(draft)_v2"),
        # nothing usable left: a neutral name; control characters never survive
        ("***", "view"),
        ("", "view"),
        ("a\x00\x07b\n", "a-b"),
        # trailing dots and spaces (refused by Windows) are gone
        ("end. ", "end"),
    ],
)
def test_slug(title, expected):
    assert slide_pack.slug(title) == expected
    assert not set(slide_pack.slug(title)) & WINDOWS_FORBIDDEN


def test_slug_is_bounded():
    assert len(slide_pack.slug("長" * 200)) == slide_pack.SLUG_MAX


def test_file_names_are_numbered_in_order_and_unique():
    assert slide_pack.file_names(["B", "A", "B"]) == ["01-B.png", "02-A.png", "03-B.png"]
    assert slide_pack.file_names([str(i) for i in range(100)])[0] == "001-0.png"


def _zip(items, lang="en"):
    data = slide_pack.zip_of_pngs(items, lang=lang)
    return data, zipfile.ZipFile(io.BytesIO(data))


def test_zip_contents_names_and_order():
    items = [
        SlideFile("旅行の効果", FAKE_PNG + b"1", "http://h/industries?lang=ja&industry=travel"),
        ("Steel / 鉄鋼", FAKE_PNG + b"2", "http://h/industries?lang=en&industry=steel"),
        ("No link", FAKE_PNG + b"3"),
    ]
    data, archive = _zip(items)
    assert archive.testzip() is None
    assert archive.namelist() == [
        "01-旅行の効果.png",
        "02-Steel-鉄鋼.png",
        "03-No-link.png",
        "index.txt",
    ]
    assert archive.read("01-旅行の効果.png") == FAKE_PNG + b"1"
    assert archive.read("03-No-link.png") == FAKE_PNG + b"3"
    # Japanese names carry the UTF-8 flag, so Windows and macOS show them correctly
    assert archive.getinfo("01-旅行の効果.png").flag_bits & 0x800
    index = archive.read("index.txt").decode("utf-8")
    assert index.splitlines() == [
        "Generative AI and industries — 3 slide(s)",
        "",
        "01  旅行の効果",
        "    01-旅行の効果.png",
        "    http://h/industries?lang=ja&industry=travel",
        "",
        "02  Steel / 鉄鋼",
        "    02-Steel-鉄鋼.png",
        "    http://h/industries?lang=en&industry=steel",
        "",
        "03  No link",
        "    03-No-link.png",
    ]


def test_index_heading_in_japanese():
    _, archive = _zip([("a", FAKE_PNG)], lang="ja")
    assert archive.read("index.txt").decode("utf-8").startswith("生成AIと産業 — スライド 1 枚\n")


def test_same_input_same_bytes():
    items = [("a", FAKE_PNG), ("b", FAKE_PNG)]
    assert slide_pack.zip_of_pngs(items) == slide_pack.zip_of_pngs(items)


def test_empty_pack_has_only_the_index():
    _, archive = _zip([])
    assert archive.namelist() == ["index.txt"]
