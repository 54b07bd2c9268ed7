"""Builders of SYNTHETIC e-Stat responses for table 0003060791 (numbers made up; shapes real).

The shapes follow what src/genai_impact/estat_parse.py documents as verified
(getStatsData JSON, e-Stat's CSV). Names are those of the metadata copy. Every
number comes from `synthetic_values` and means nothing. `python
tests/estat_fixtures.py` rewrites the generated files under
tests/fixtures/estat/; `test_stats_import` checks they are up to date.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "estat"
TABLE_ID = "0003060791"
COMMENT = (
    "SYNTHETIC test data: shapes as e-Stat's, numbers made up (tests/fixtures/estat/README.md)"
)

ITEM_NAMES = {  # cat01 code -> (name, unit), as in the metadata copy
    "148": ("有形固定資産(当期末)", "百万円"),
    "012": ("土地(当期末固定資産)", "百万円"),
    "013": ("建設仮勘定(当期末固定資産)", "百万円"),
    "014": ("その他の有形固定資産(当期末固定資産)", "百万円"),
    "016": ("ソフトウェア(当期末固定資産)", "百万円"),
    "072": ("期中平均従業員数(当期末)", "人"),
}
SECTOR_NAMES = {  # cat02 code -> name, as in the metadata copy (note the "(集約)" marks)
    "104": "全産業（除く金融保険業）",
    "108": "製造業",
    "109": "食料品製造業",
    "110": "繊維工業",
    "112": "木材・木製品製造業",
    "113": "パルプ・紙・紙加工品製造業",
    "114": "印刷・同関連業",
    "115": "化学工業",
    "116": "石油製品・石炭製品製造業",
    "117": "窯業・土石製品製造業",
    "118": "鉄鋼業",
    "119": "非鉄金属製造業",
    "120": "金属製品製造業",
    "154": "はん用機械器具製造業",
    "121": "生産用機械器具製造業",
    "124": "業務用機械器具製造業",
    "122": "電気機械器具製造業",
    "145": "情報通信機械器具製造業",
    "123": "自動車・同附属品製造業",
    "125": "その他の輸送用機械器具製造業",
    "126": "その他の製造業",
    "144": "非製造業",
    "105": "農林水産業(集約)",
    "106": "鉱業、採石業、砂利採取業",
    "107": "建設業",
    "135": "電気業",
    "136": "ガス・熱供給・水道業",
    "142": "情報通信業",
    "134": "運輸業、郵便業(集約)",
    "129": "卸売業・小売業(集約)",
    "155": "不動産業、物品賃貸業(集約)",
    "156": "宿泊業、飲食サービス業(集約)",
    "157": "生活関連サービス業、娯楽業(集約)",
    "161": "学術研究、専門・技術サービス業(集約)",
    "153": "教育、学習支援業",
    "152": "医療、福祉業",
    "160": "職業紹介・労働者派遣業",
    "143": "その他のサービス業",
}
SIZE_NAMES = {"26": "全規模", "25": "10億円以上"}
SMALL_SECTORS = ("104", "108", "115", "107")
SMALL_YEARS = (2021, 2022)


def synthetic_values(code: str, year: int) -> dict[str, int]:
    """Made-up figures that satisfy 148 = 012 + 013 + 014 exactly."""
    base = int(code) * 100 + (year - 2000)
    land, in_progress, other = 3 * base, base, 6 * base
    return {
        "148": land + in_progress + other,
        "012": land,
        "013": in_progress,
        "014": other,
        "016": base // 2 + 1,
        "072": 2 * base + 7,
    }


def stats_data(
    sectors: Iterable[str] = SMALL_SECTORS,
    years: Iterable[int] = SMALL_YEARS,
    sizes: Iterable[str] = ("26",),
    listed_years: Iterable[int] | None = None,
) -> dict[str, Any]:
    """A getStatsData JSON response, with one VALUE per item × sector × size × year."""
    sectors, years, sizes = list(sectors), list(years), list(sizes)
    values = [
        {
            "@cat01": item,
            "@cat02": sector,
            "@cat03": size,
            "@time": f"{year}0",
            "@unit": unit,
            "$": str(synthetic_values(sector, year)[item]),
        }
        for item, (_, unit) in ITEM_NAMES.items()
        for sector in sectors
        for size in sizes
        for year in years
    ]
    time_years = sorted(set(listed_years if listed_years is not None else years))
    classes = [
        _class_obj(
            "cat01",
            "調査項目 (金融業、保険業以外の業種)",
            [
                {"@code": c, "@name": n, "@level": "1", "@unit": u}
                for c, (n, u) in ITEM_NAMES.items()
            ],
        ),
        _class_obj(
            "cat02",
            "業種 (金融業、保険業以外の業種)",
            [{"@code": c, "@name": SECTOR_NAMES[c], "@level": "1"} for c in sectors],
        ),
        _class_obj(
            "cat03",
            "規模 (金融業、保険業以外の業種)",
            [{"@code": c, "@name": SIZE_NAMES[c], "@level": "1"} for c in sizes],
        ),
        _class_obj(
            "time",
            "年  期",
            [{"@code": f"{y}0", "@name": f"{y}年度", "@level": "1"} for y in time_years],
        ),
    ]
    return {
        "_comment": COMMENT,
        "GET_STATS_DATA": {
            "RESULT": {
                "STATUS": 0,
                "ERROR_MSG": "正常に終了しました。",
                "DATE": "2026-11-26T10:00:00.000+09:00",
            },
            "PARAMETER": {"LANG": "J", "STATS_DATA_ID": TABLE_ID, "DATA_FORMAT": "J"},
            "STATISTICAL_DATA": {
                "RESULT_INF": {
                    "TOTAL_NUMBER": len(values),
                    "FROM_NUMBER": 1,
                    "TO_NUMBER": len(values),
                },
                "TABLE_INF": {
                    "@id": TABLE_ID,
                    "STAT_NAME": {"@code": "00350600", "$": "法人企業統計調査"},
                    "GOV_ORG": {"@code": "00350", "$": "財務省"},
                    "STATISTICS_NAME": "法人企業統計調査 時系列データ",
                    "TITLE": {"@no": "", "$": "金融業、保険業以外の業種（原数値）"},
                    "CYCLE": "年度次",
                    "OPEN_DATE": "2026-09-01",
                    "UPDATED_DATE": "2026-09-01",
                },
                "CLASS_INF": {"CLASS_OBJ": classes},
                "DATA_INF": {
                    "NOTE": [{"@char": "…", "$": "数値が得られないもの"}],
                    "VALUE": values,
                },
            },
        },
    }


def _class_obj(dim: str, name: str, classes: list[dict[str, str]]) -> dict[str, Any]:
    return {"@id": dim, "@name": name, "CLASS": classes}


def statistical_data(response: dict[str, Any]) -> dict[str, Any]:
    return response["GET_STATS_DATA"]["STATISTICAL_DATA"]


def values_of(response: dict[str, Any]) -> list[dict[str, str]]:
    return statistical_data(response)["DATA_INF"]["VALUE"]


def mutated(response: dict[str, Any], change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    """A deep copy of `response` changed by `change`, with TOTAL_NUMBER kept in step."""
    doc = copy.deepcopy(response)
    change(doc)
    info = statistical_data(doc).get("RESULT_INF")
    if isinstance(info, dict) and "NEXT_KEY" not in info:
        info["TOTAL_NUMBER"] = info["TO_NUMBER"] = len(values_of(doc))
    return doc


def to_json_bytes(response: dict[str, Any]) -> bytes:
    return (json.dumps(response, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_csv_text(response: dict[str, Any]) -> str:
    """The same response in e-Stat's CSV layout: header section, VALUE, one value per row."""
    root = response["GET_STATS_DATA"]
    data = root["STATISTICAL_DATA"]
    table = data["TABLE_INF"]
    names = {
        obj["@id"]: (obj["@name"], {c["@code"]: c["@name"] for c in obj["CLASS"]})
        for obj in data["CLASS_INF"]["CLASS_OBJ"]
    }
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(["_comment", COMMENT])
    writer.writerow(["RESULT"])
    for key in ("STATUS", "ERROR_MSG", "DATE"):
        writer.writerow([key, root["RESULT"][key]])
    writer.writerow(["RESULT_INF"])
    for key, value in data["RESULT_INF"].items():
        writer.writerow([key, value])
    writer.writerow(["TABLE_INF", table["@id"]])
    writer.writerow(["STAT_NAME", table["STAT_NAME"]["@code"], table["STAT_NAME"]["$"]])
    writer.writerow(["GOV_ORG", table["GOV_ORG"]["@code"], table["GOV_ORG"]["$"]])
    writer.writerow(["STATISTICS_NAME", table["STATISTICS_NAME"]])
    writer.writerow(["TITLE", table["TITLE"]["@no"], table["TITLE"]["$"]])
    for key in ("CYCLE", "OPEN_DATE", "UPDATED_DATE"):
        writer.writerow([key, table[key]])
    writer.writerow(["VALUE"])
    dims = ("cat01", "cat02", "cat03", "time")
    header = [cell for dim in dims for cell in (f"{dim}_code", names[dim][0])]
    writer.writerow([*header, "unit", "value", "annotation"])
    for value in data["DATA_INF"]["VALUE"]:
        cells = []
        for dim in dims:
            code = value[f"@{dim}"]
            cells += [code, names[dim][1].get(code, "")]
        writer.writerow([*cells, value.get("@unit", ""), value["$"], ""])
    return out.getvalue()


def generated_files() -> dict[str, bytes]:
    """The fixture files built by this module (the others are written by hand)."""
    small = stats_data()
    wrong_table = mutated(
        small, lambda d: statistical_data(d)["TABLE_INF"].update({"@id": "0003060191"})
    )
    year_gap = stats_data(years=SMALL_YEARS, listed_years=(2020, *SMALL_YEARS))
    duplicate = mutated(small, lambda d: values_of(d).append({**values_of(d)[0], "$": "999"}))
    error_status = {
        "_comment": COMMENT,
        "GET_STATS_DATA": {
            "RESULT": {
                "STATUS": 100,
                "ERROR_MSG": "認証に失敗しました。(synthetic message)",
                "DATE": "2026-11-26T10:00:00.000+09:00",
            },
            "PARAMETER": {"LANG": "J", "STATS_DATA_ID": TABLE_ID, "DATA_FORMAT": "J"},
        },
    }
    return {
        "small.json": to_json_bytes(small),
        "small_utf8.csv": to_csv_text(small).encode("utf-8"),
        "small_shift_jis.csv": to_csv_text(small).encode("cp932"),
        "wrong_table.json": to_json_bytes(wrong_table),
        "year_without_data.json": to_json_bytes(year_gap),
        "duplicate_rows.csv": to_csv_text(duplicate).encode("utf-8"),
        "estat_error_status.json": to_json_bytes(error_status),
        "truncated.json": to_json_bytes(small).decode("utf-8")[:1500].encode("utf-8"),
    }


if __name__ == "__main__":
    for name, data in generated_files().items():
        (FIXTURES / name).write_bytes(data)
        print(f"wrote {FIXTURES / name}")
