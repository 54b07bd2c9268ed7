"""`genai-impact stats import-rd FILE`: the R&D CSV layout v1, the marker rule, every refusal.

Numbers are SYNTHETIC except the FY2022 average 3.06 (the report's own, seed
lines 3217-3219): tests/fixtures/estat/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from estat_fixtures import FIXTURES
from stats_helpers import bundled_copy, official_files, run, written

RD = FIXTURES / "rd_small.csv"
RD_TEXT = RD.read_text(encoding="utf-8")
HEADER = RD_TEXT.splitlines()[0]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return bundled_copy(tmp_path)


def import_rd(capsys, data_dir: Path, path: Path) -> tuple[int, str, str]:
    return run(capsys, "stats", "import-rd", path, "--data-dir", data_dir)


def save(tmp_path: Path, data: bytes, name: str = "rd.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def flags(doc: dict) -> dict[tuple[str, int], bool | None]:
    return {(f["estat_code"], f["fiscal_year"]): f["at_or_above_average"] for f in doc["figures"]}


@pytest.mark.parametrize(
    "data",
    [RD_TEXT.encode("utf-8"), b"\xef\xbb\xbf" + RD_TEXT.encode("utf-8"), RD_TEXT.encode("cp932")],
    ids=["utf8", "utf8-bom", "shift-jis"],
)
def test_sectors_at_or_above_the_average_are_marked(capsys, tmp_path, data_dir, data):
    code, out, err = import_rd(capsys, data_dir, save(tmp_path, data))
    assert (code, err) == (0, "")
    assert (
        out
        == f"wrote {data_dir / 'official' / 'rd_intensity.json'}: R&D intensity for FY2021–2022\n"
    )
    doc = written(data_dir, "rd_intensity.json")
    assert doc["averages"] == [
        {"fiscal_year": 2021, "estat_code": "104", "rd_ratio_percent": 2.5},
        {"fiscal_year": 2022, "estat_code": "104", "rd_ratio_percent": 3.06},
    ]
    assert flags(doc) == {
        ("108", 2022): True,
        ("115", 2022): True,
        ("107", 2022): False,
        ("142", 2022): True,  # exactly the average counts as "at or above"
        ("152", 2022): None,  # '…' in the file: unknown, not False
        ("115", 2021): False,
    }
    assert ("104", 2022) not in flags(doc)  # the average is not a sector to mark
    assert doc["warnings"] == []
    prov = doc["provenance"]
    assert (
        prov["source_id"] == "mic_rd_survey" and prov["layout"] == "genai-impact R&D CSV layout v1"
    )
    assert prov["input_file"]["name"] == "rd.csv"


def test_on_map_sectors_absent_from_the_file_are_listed(capsys, data_dir):
    assert import_rd(capsys, data_dir, RD)[0] == 0
    missing = written(data_dir, "rd_intensity.json")["missing"]
    assert {
        "estat_code": "118",
        "sector_id": "iron_steel",
        "fiscal_year": 2022,
        "items": ["rd_ratio_percent"],
        "reason": "not in the R&D file",
    } in missing
    marked = [m for m in missing if m["estat_code"] == "152" and m["fiscal_year"] == 2022]
    assert marked[0]["reason"].startswith("not a number in the R&D file")


def test_an_average_unlike_the_reports_is_a_warning(capsys, tmp_path, data_dir):
    text = RD_TEXT.replace("2022,3.06,", "2022,3.60,", 1)
    code, _, err = import_rd(capsys, data_dir, save(tmp_path, text.encode()))
    assert code == 0
    expected = (
        "FY2022: the file's all-industry average is 3.6%, the report uses 3.06% for that "
        "survey; check the year and the rows"
    )
    assert written(data_dir, "rd_intensity.json")["warnings"] == [expected]
    assert f"warning: {expected}" in err


def _rows(*rows: str) -> bytes:
    return "\n".join((HEADER, "104,全産業（除く金融保険業）,2022,3.06,,", *rows)).encode()


REFUSALS = [
    # the layout
    ("missing-column", b"estat_code,sector_name,fiscal_year\n104,x,2022\n",
     ["row 1", "missing column(s): rd_ratio_percent"]),
    ("unknown-column", (HEADER + ",extra\n").encode(), ["unknown column(s): extra"]),
    ("wrong-field-count", _rows("115,化学工業,2022"), ["row 3: has 3 fields, the header has 6"]),
    ("header-only", HEADER.encode(), ["no data rows"]),
    ("empty", b"", ["the file is empty"]),
    ("not-text", bytes(range(128, 256)), ["neither UTF-8 nor Shift_JIS"]),
    # the rows
    ("unknown-code", _rows("999,金融業,2022,1.0,,"), ["row 3: estat_code '999' is not a sector"]),
    ("name-differs", _rows("115,化学,2022,1.0,,"),
     ["row 3: sector_name differs for 115: file '化学', expected '化学工業'"]),
    ("bad-year", _rows("115,化学工業,令和4,1.0,,"), ["fiscal_year '令和4' is not a year"]),
    ("not-a-number", _rows("115,化学工業,2022,abc,,"), ["rd_ratio_percent 'abc' is not a number"]),
    ("negative", _rows("115,化学工業,2022,-1,,"), ["rd_ratio_percent '-1' is not a number >= 0"]),
    ("above-100", _rows("115,化学工業,2022,120,,"), ["rd_ratio_percent 120 is above 100"]),
    ("duplicate", _rows("115,化学工業,2022,1.0,,", "115,化学工業,2022,2.0,,"),
     ["row 4: duplicate row for 115 FY2022 (also row 3)"]),
    ("no-average-for-a-year", _rows("115,化学工業,2021,1.0,,"),
     ["FY2021: no all-industry average: a row with estat_code 104"]),
    ("average-not-a-number", "\n".join((HEADER, "104,全産業（除く金融保険業）,2022,…,,")).encode(),
     ["FY2022: no all-industry average"]),
]  # fmt: skip


@pytest.mark.parametrize("data, fragments", [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS])
def test_refused_rd_file_names_the_row_and_writes_nothing(
    capsys, tmp_path, data_dir, data, fragments
):
    code, out, err = import_rd(capsys, data_dir, save(tmp_path, data))
    assert (code, out) == (1, "")
    for fragment in fragments:
        assert fragment in err
    assert err.startswith("error: rd.csv") and err.endswith("error: nothing was written\n")
    assert official_files(data_dir) == []


def test_failing_rd_import_leaves_the_good_file_untouched(capsys, tmp_path, data_dir):
    assert import_rd(capsys, data_dir, RD)[0] == 0
    target = data_dir / "official" / "rd_intensity.json"
    before = target.read_bytes()
    assert import_rd(capsys, data_dir, save(tmp_path, _rows("999,x,2022,1,,")))[0] == 1
    assert target.read_bytes() == before
    assert official_files(data_dir) == ["rd_intensity.json"]
