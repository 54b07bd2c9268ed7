"""e-Stat's getStatsData JSON and its CSV form -> `EstatTable` (pure; bytes in, rows out).

What the parser relies on, and how we know it (2026-11, from public sources, not
from e-Stat itself: these machines cannot reach it):
- Verified in code that reads real responses and in a saved real response of
  this table: JSON top level `GET_STATS_DATA` with `RESULT` {STATUS, ERROR_MSG,
  DATE}, `PARAMETER`, `STATISTICAL_DATA` {RESULT_INF {TOTAL_NUMBER, FROM_NUMBER,
  TO_NUMBER, NEXT_KEY when more rows remain}, TABLE_INF {"@id", STAT_NAME and
  GOV_ORG as {"@code", "$"}, TITLE as a string or {"@no", "$"}, CYCLE,
  OPEN_DATE, UPDATED_DATE, ...}, CLASS_INF {CLASS_OBJ: [{"@id", "@name", CLASS:
  [{"@code", "@name", "@level", "@unit"?}]}]}, DATA_INF {NOTE: [{"@char", "$"}],
  VALUE: [{"@cat01", "@cat02", "@cat03", "@time", "@unit", "$"}]}}. A list of one
  element may come as a bare object. For 0003060791 the time codes are "YYYY0"
  ("20220" = "2022年度") and VALUE has no "@tab".
- Verified in a saved getSimpleStatsData CSV (sectionHeaderFlg=1) and in code
  that parses e-Stat's CSV download of this table (decoded as cp932): key/value
  rows ("STATUS","0" / "TABLE_INF","<id>" / "STAT_NAME","<code>","<name>" /
  "TITLE","<no>","<title>" / "TOTAL_NUMBER" / "NEXT_KEY" / "OPEN_DATE" ...),
  then a "VALUE" row, then a header row of `<dim>_code` columns each followed by
  that dimension's name column, then "unit", "value" and "annotation".
- Assumed: that the CSV saved from e-Stat's website ("ダウンロード" with codes
  shown, one value per row) has the same layout as the API's CSV; that a CSV
  without the header section cannot be checked for its table id (we refuse it).

Size: the JSON and the CSV readers are one module because they must produce the same
rows and share the header and dimension rules documented above.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from genai_impact.report.validation import Problem

DIMENSIONS = ("cat01", "cat02", "cat03", "time")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class StatsImportError(Exception):
    """The input cannot be imported; `.problems` says where and why (nothing was written)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(source: str, message: str, path: str = "") -> StatsImportError:
    return StatsImportError([Problem(source, path, message)])


@dataclass(frozen=True)
class Observation:
    """One value of the table: its class codes, unit, raw value text and where it was read."""

    codes: dict[str, str]  # dimension id ("cat01", "time", ...) -> class code
    unit: str | None
    value: str
    where: str  # "VALUE[12]" or "row 40", for messages
    annotation: str | None = None


@dataclass
class EstatTable:
    """The parts of a getStatsData result the import checks and uses."""

    source: str  # input file name or "e-Stat API", for messages
    source_format: str  # "json" | "csv"
    table_id: str | None = None
    title: str | None = None
    stat_name: str | None = None
    gov_org: str | None = None
    dates: dict[str, str] = field(default_factory=dict)  # DATE, OPEN_DATE, UPDATED_DATE, CYCLE
    class_names: dict[str, dict[str, str]] = field(default_factory=dict)  # dim -> code -> name
    class_units: dict[str, dict[str, str]] = field(default_factory=dict)  # dim -> code -> unit
    notes: dict[str, str] = field(default_factory=dict)  # special character -> its meaning
    observations: list[Observation] = field(default_factory=list)
    total_number: int | None = None
    next_key: str | None = None
    encoding: str | None = None


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Text and encoding label: UTF-8 (BOM or not) first, then Shift_JIS (cp932)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = (("utf-8-sig", "utf-8 with BOM"),)
    else:
        encodings = (("utf-8", "utf-8"), ("cp932", "shift_jis (cp932)"))
    for codec, label in encodings:
        try:
            return data.decode(codec), label
        except UnicodeDecodeError as error:
            if codec.startswith("utf-8") and error.reason == "unexpected end of data":
                raise fail(
                    source, "the file ends in the middle of a character: it is probably truncated"
                ) from None
    raise fail(source, "the file is neither UTF-8 nor Shift_JIS text")


def parse_estat_file(data: bytes, source: str) -> EstatTable:
    """Detect the format (JSON or CSV) and parse; reject HTML, XML and anything else."""
    if not data.strip():
        raise fail(source, "the file is empty")
    text, encoding = decode_text(data, source)
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        table = parse_stats_data_json(_json_loads(text, source), source)
        table.encoding = encoding
        return table
    if "<html" in head or head.startswith("<!doctype html"):
        title = _TITLE.search(text)
        shown = f" (title: {' '.join(title.group(1).split())!r})" if title else ""
        raise fail(
            source,
            f"this is an HTML page{shown}, not e-Stat data: e-Stat probably answered with an "
            "error or login page; save the API's JSON response or the CSV download instead",
        )
    if head.startswith("<"):
        raise fail(
            source,
            "this is XML; request JSON (…/rest/3.0/app/json/getStatsData) or download the CSV",
        )
    table = parse_stats_data_csv(text, source)
    table.encoding = encoding
    return table


def _json_loads(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise fail(
            source,
            f"not complete JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
            "the file may be truncated",
        ) from None


def parse_stats_data_json(doc: Any, source: str) -> EstatTable:
    if not isinstance(doc, dict) or "GET_STATS_DATA" not in doc:
        keys = ", ".join(sorted(doc)) if isinstance(doc, dict) else type(doc).__name__
        raise fail(source, f"not an e-Stat getStatsData response (top level: {keys})")
    root = _mapping(doc["GET_STATS_DATA"], source, "GET_STATS_DATA")
    result = _mapping(root.get("RESULT"), source, "GET_STATS_DATA.RESULT")
    check_status(result.get("STATUS"), result.get("ERROR_MSG"), source)
    data = _mapping(root.get("STATISTICAL_DATA"), source, "GET_STATS_DATA.STATISTICAL_DATA")
    table = EstatTable(source=source, source_format="json")
    if "DATE" in result:
        table.dates["DATE"] = str(result["DATE"])
    _read_result_inf(table, data.get("RESULT_INF"))
    _read_table_inf(table, data.get("TABLE_INF"))
    _read_class_inf(table, data.get("CLASS_INF"))
    data_inf = data.get("DATA_INF")
    if not isinstance(data_inf, dict):
        raise fail(source, "the response has no DATA_INF: e-Stat returned no values")
    for note in _as_list(data_inf.get("NOTE")):
        if isinstance(note, dict) and "@char" in note:
            table.notes[str(note["@char"])] = str(note.get("$", ""))
    for index, value in enumerate(_as_list(data_inf.get("VALUE"))):
        where = f"DATA_INF.VALUE[{index}]"
        if not isinstance(value, dict) or "$" not in value:
            raise fail(source, "expected an object with a '$' value", where)
        codes = {dim: str(value[f"@{dim}"]) for dim in DIMENSIONS if f"@{dim}" in value}
        unit = value.get("@unit")
        annotation = value.get("@annotation")
        table.observations.append(
            Observation(
                codes=codes,
                unit=None if unit is None else str(unit),
                value=str(value["$"]),
                where=where,
                annotation=None if annotation is None else str(annotation),
            )
        )
    return table


def check_status(status: Any, message: Any, source: str) -> None:
    """Raise unless e-Stat's RESULT STATUS is 0 (normal end)."""
    if status is None:
        raise fail(source, "the response has no RESULT STATUS")
    if str(status).strip() != "0":
        raise fail(source, f"e-Stat returned STATUS {status}: {message or '(no ERROR_MSG)'}")


def _read_result_inf(table: EstatTable, node: Any) -> None:
    if not isinstance(node, dict):
        return
    if node.get("TOTAL_NUMBER") is not None:
        table.total_number = _int_or_none(node["TOTAL_NUMBER"])
    if node.get("NEXT_KEY") not in (None, ""):
        table.next_key = str(node["NEXT_KEY"])


def _read_table_inf(table: EstatTable, node: Any) -> None:
    if not isinstance(node, dict):
        return
    table.table_id = None if node.get("@id") is None else str(node["@id"])
    table.title = _text(node.get("TITLE"))
    table.stat_name = _text(node.get("STAT_NAME"))
    table.gov_org = _text(node.get("GOV_ORG"))
    for key in ("OPEN_DATE", "UPDATED_DATE", "SURVEY_DATE", "CYCLE"):
        if node.get(key) not in (None, ""):
            table.dates[key] = str(node[key])


def _read_class_inf(table: EstatTable, node: Any) -> None:
    if not isinstance(node, dict):
        return
    for obj in _as_list(node.get("CLASS_OBJ")):
        if not isinstance(obj, dict) or "@id" not in obj:
            continue
        dim = str(obj["@id"])
        names = table.class_names.setdefault(dim, {})
        units = table.class_units.setdefault(dim, {})
        for cls in _as_list(obj.get("CLASS")):
            if isinstance(cls, dict) and "@code" in cls:
                names[str(cls["@code"])] = str(cls.get("@name", cls.get("$", "")))
                if cls.get("@unit"):
                    units[str(cls["@code"])] = str(cls["@unit"])


def parse_stats_data_csv(text: str, source: str) -> EstatTable:
    """e-Stat's CSV (header section, then a `<dim>_code ... unit,value` table) -> EstatTable."""
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), strict=True) if row]
    except csv.Error as error:
        raise fail(source, f"the CSV is malformed ({error}); the file may be truncated") from None
    header_at = next(
        (i for i, row in enumerate(rows) if "cat01_code" in row and "value" in row), None
    )
    meta = {row[0].strip(): row[1:] for row in rows[:header_at] if row and row[0].strip()}
    if "STATUS" in meta:
        check_status(_first(meta["STATUS"]), _first(meta.get("ERROR_MSG", [])), source)
    if header_at is None:
        raise fail(
            source,
            "not e-Stat data: no JSON object and no CSV header row with cat01_code and value",
        )
    table = EstatTable(source=source, source_format="csv")
    table.table_id = _first(meta.get("TABLE_INF", []))
    table.stat_name = _last(meta.get("STAT_NAME", []))
    table.gov_org = _last(meta.get("GOV_ORG", []))
    table.title = _last(meta.get("TITLE", []))
    for key in ("DATE", "OPEN_DATE", "UPDATED_DATE", "SURVEY_DATE", "CYCLE"):
        if _first(meta.get(key, [])):
            table.dates[key] = _first(meta[key]) or ""
    table.total_number = _int_or_none(_first(meta.get("TOTAL_NUMBER", [])))
    table.next_key = _first(meta.get("NEXT_KEY", [])) or None
    _read_csv_rows(table, rows[header_at], rows[header_at + 1 :], header_at)
    return table


def _read_csv_rows(
    table: EstatTable, header: list[str], body: list[list[str]], header_at: int
) -> None:
    columns = {name.strip(): i for i, name in enumerate(header)}
    name_columns = {}
    for dim in DIMENSIONS:
        at = columns.get(f"{dim}_code")
        following = header[at + 1].strip() if at is not None and at + 1 < len(header) else ""
        if following and not following.endswith("_code") and following not in ("unit", "value"):
            name_columns[dim] = at + 1  # e-Stat puts each dimension's names after its codes
    for offset, row in enumerate(body):
        line = header_at + offset + 2  # 1-based, counting the header row
        if len(row) != len(header):
            raise fail(
                table.source,
                f"has {len(row)} fields, the header has {len(header)}; the file may be truncated",
                f"row {line}",
            )
        codes = {
            dim: row[columns[f"{dim}_code"]].strip()
            for dim in DIMENSIONS
            if f"{dim}_code" in columns
        }
        for dim, at in name_columns.items():
            table.class_names.setdefault(dim, {}).setdefault(codes[dim], row[at].strip())
        unit = row[columns["unit"]].strip() if "unit" in columns else None
        annotation = row[columns["annotation"]].strip() if "annotation" in columns else None
        table.observations.append(
            Observation(
                codes=codes,
                unit=unit or None,
                value=row[columns["value"]].strip(),
                where=f"row {line}",
                annotation=annotation or None,
            )
        )


def check_complete(table: EstatTable) -> None:
    """Raise if the file holds only part of e-Stat's answer (NEXT_KEY, or fewer rows)."""
    if table.next_key:
        raise fail(
            table.source,
            f"holds only part of e-Stat's answer (NEXT_KEY {table.next_key} of "
            f"{table.total_number} values): download the rest, or use `genai-impact stats fetch`",
        )
    found = len(table.observations)
    if table.total_number is not None and found != table.total_number:
        raise fail(
            table.source,
            f"has {found} values but e-Stat reported TOTAL_NUMBER {table.total_number}; "
            "the download may be incomplete",
        )


def merge_pages(pages: list[EstatTable]) -> EstatTable:
    """The API's pages as one table: metadata of the first page, values of all."""
    merged = pages[0]
    for page in pages[1:]:
        merged.observations.extend(page.observations)
        merged.notes.update(page.notes)
        for dim, names in page.class_names.items():
            for code, name in names.items():
                merged.class_names.setdefault(dim, {}).setdefault(code, name)
    merged.next_key = None
    return merged


def _mapping(node: Any, source: str, path: str) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise fail(source, "missing or not an object", path)
    return node


def _as_list(node: Any) -> list[Any]:
    if node is None:
        return []
    return node if isinstance(node, list) else [node]


def _text(node: Any) -> str | None:
    if isinstance(node, dict):
        return None if node.get("$") is None else str(node["$"])
    return None if node is None else str(node)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _first(cells: list[str]) -> str | None:
    return cells[0].strip() if cells else None


def _last(cells: list[str]) -> str | None:
    filled = [c.strip() for c in cells if c.strip()]
    return filled[-1] if filled else None
