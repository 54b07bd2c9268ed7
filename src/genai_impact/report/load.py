"""YAML under `data/` -> `Dataset`: the one place that reads and validates the data (pure).

`load_dataset` raises `DataError` listing every problem; `validate` returns them.
The rules themselves live in `validation` (values) and `parse_framework` /
`parse_records` (records); this module reads the files and wires them together.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from genai_impact.report.business_types import FILE as BUSINESS_TYPES_FILE
from genai_impact.report.business_types import TOP_LEVEL as BUSINESS_TYPES_TOP_LEVEL
from genai_impact.report.business_types import parse_business_types
from genai_impact.report.model import Dataset
from genai_impact.report.outlook import LISTS as OUTLOOK_LISTS
from genai_impact.report.outlook import parse_outlook
from genai_impact.report.parse_framework import (
    FRAMEWORK_LISTS,
    parse_framework,
    parse_reading_rules,
    parse_sources,
)
from genai_impact.report.parse_records import parse_industries, parse_sectors, parse_use_cases
from genai_impact.report.summary_figures import parse_summary_figures
from genai_impact.report.validation import (
    DEFAULT_SEED_LAST_LINE,
    Checker,
    DataError,
    Known,
    Problem,
)

__all__ = ["DEFAULT_DATA_DIR", "DataError", "Problem", "load_dataset", "validate"]

DATA_DIR_ENV = "GENAI_IMPACT_DATA_DIR"  # the app's data directory, when not the bundled one
DEFAULT_DATA_DIR = Path(
    os.environ.get(DATA_DIR_ENV) or Path(__file__).resolve().parents[3] / "data"
)


def data_dir() -> Path:
    """The data directory, read at call time so a changed environment variable counts."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


# libyaml's safe loader when present: same safe subset, ten times faster than pure Python
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# file name -> its top-level list keys, in the order the files are checked
FILES: dict[str, tuple[str, ...]] = {
    "sources.yaml": ("sources",),
    "framework.yaml": FRAMEWORK_LISTS,
    "industries.yaml": ("industries",),
    "sectors.yaml": ("sectors",),
    "use_cases.yaml": ("use_cases",),
    "outlook.yaml": OUTLOOK_LISTS,
    BUSINESS_TYPES_FILE: BUSINESS_TYPES_TOP_LEVEL,
    "summary_figures.yaml": ("impact_examples", "change_levels", "phase_flows"),
    "reading_rules.yaml": ("reading_rules",),
}


def load_dataset(data_dir: Path | str | None = None) -> Dataset:
    """Read and validate every file; raise `DataError` listing all problems if any."""
    dataset, problems = _load(data_dir)
    if problems or dataset is None:
        raise DataError(problems)
    return dataset


def validate(data_dir: Path | str | None = None) -> list[Problem]:
    """Every problem in the data files; an empty list means the data is valid."""
    return _load(data_dir)[1]


def _load(data_dir: Path | str | None) -> tuple[Dataset | None, list[Problem]]:
    root = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    if not root.is_dir():
        return None, [Problem(str(root), "", "data directory not found")]
    problems: list[Problem] = []
    docs = {name: _read(root / name, keys, problems) for name, keys in FILES.items()}
    known = _known_ids(docs)
    checkers = {name: Checker(name, known) for name in FILES}

    def doc(name: str) -> dict[str, Any]:
        return docs[name] or {}

    sources = parse_sources(checkers["sources.yaml"], doc("sources.yaml"))
    framework = parse_framework(checkers["framework.yaml"], doc("framework.yaml"))
    industries = parse_industries(checkers["industries.yaml"], doc("industries.yaml"))
    sectors = parse_sectors(checkers["sectors.yaml"], doc("sectors.yaml"))
    use_cases = parse_use_cases(checkers["use_cases.yaml"], doc("use_cases.yaml"))
    outlook = parse_outlook(checkers["outlook.yaml"], doc("outlook.yaml"))
    bt_table, bt_rows = parse_business_types(
        checkers[BUSINESS_TYPES_FILE], doc(BUSINESS_TYPES_FILE)
    )
    summary = parse_summary_figures(
        checkers["summary_figures.yaml"], doc("summary_figures.yaml"), industries
    )
    reading_rules = parse_reading_rules(checkers["reading_rules.yaml"], doc("reading_rules.yaml"))
    for checker in checkers.values():
        problems.extend(checker.problems)
    if problems:
        return None, _in_file_order(problems)
    dataset = Dataset(
        sources=sources,
        industries=industries,
        sectors=sectors,
        use_cases=use_cases,
        data_dir=str(root),
        business_types=bt_rows,
        business_type_table=bt_table,
        **framework,
        **outlook,
        **summary,
        reading_rules=reading_rules,
    )
    return dataset, []


def _read(path: Path, keys: tuple[str, ...], problems: list[Problem]) -> dict[str, Any] | None:
    """Parse one file; record missing file, syntax error or a wrong top level, return None."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(name, "", "file is missing"))
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, "", f"cannot read file: {error}"))
        return None
    try:
        doc = _parse(text)
    except yaml.YAMLError as error:
        problems.append(Problem(name, "", _yaml_error_message(error)))
        return None
    if not isinstance(doc, dict):
        kind = "empty" if doc is None else type(doc).__name__
        problems.append(Problem(name, "", f"expected a mapping at the top level, got {kind}"))
        return None
    checker = Checker(name, Known())
    checker.record(doc, "", keys)  # missing list keys and unknown top-level keys
    problems.extend(checker.problems)
    return doc


@lru_cache(maxsize=16)
def _parse(text: str) -> Any:
    """The YAML document of `text`, memoised by content: the same text is parsed once per
    process (building the Python objects is most of a load; the test suite loads the same
    files hundreds of times). Callers only read the document, never change it. A syntax
    error is raised every time (exceptions are not memoised)."""
    return yaml.load(text, Loader=SAFE_LOADER)


def _yaml_error_message(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    what = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    detail = f"{context}, {what}" if context else what
    if mark is None:
        return f"YAML syntax error: {detail}"
    # yaml marks are 0-based; editors count from 1
    return f"YAML syntax error at line {mark.line + 1}, column {mark.column + 1}: {detail}"


def _list(doc: dict[str, Any] | None, key: str) -> list[dict[str, Any]] | None:
    """The mappings of a top-level list, or None if the list cannot be read."""
    if doc is None or not isinstance(doc.get(key), list):
        return None
    return [item for item in doc[key] if isinstance(item, dict)]


def _ids(doc: dict[str, Any] | None, key: str, field: str, kind: type) -> tuple[Any, ...] | None:
    items = _list(doc, key)
    if items is None:
        return None
    values = (item.get(field) for item in items)
    return tuple(v for v in values if isinstance(v, kind) and not isinstance(v, bool))


def _known_ids(docs: dict[str, dict[str, Any] | None]) -> Known:
    """What references may point to, read leniently before the strict pass."""
    framework = docs["framework.yaml"]
    sources = _list(docs["sources.yaml"], "sources")
    archetypes = _list(framework, "archetypes")
    return Known(
        sources=None
        if sources is None
        else {s["id"]: s.get("kind") for s in sources if isinstance(s.get("id"), str)},
        seed_last_line=_seed_last_line(sources or []),
        archetypes=None
        if archetypes is None
        else {
            a["code"]: _str_tuple(a.get("business_elements"))
            for a in archetypes
            if isinstance(a.get("code"), str)
        },
        business_elements=_ids(framework, "business_elements", "id", str),
        phases=_ids(framework, "phases", "id", str),
        effect_kinds=_ids(framework, "effect_kinds", "id", str),
        effect_sizes=_ids(framework, "effect_sizes", "id", str),
        impact_levels=_ids(framework, "impact_levels", "id", str),
        impact_types=_ids(framework, "impact_types", "number", int),
        timings=_ids(framework, "timings", "id", str),
        directions=_ids(framework, "directions", "number", int),
        sector_codes=_ids(docs["sectors.yaml"], "sectors", "estat_code", str),
        reading_rules=_ids(docs["reading_rules.yaml"], "reading_rules", "id", str),
    )


def _seed_last_line(sources: list[dict[str, Any]]) -> int:
    """The last line a `lines` may cite: the report source's `seed_lines` last value."""
    for source in sources:
        seed_lines = source.get("seed_lines")
        if source.get("kind") == "report" and isinstance(seed_lines, list) and seed_lines:
            last = seed_lines[-1]
            if isinstance(last, int) and not isinstance(last, bool) and last >= 1:
                return last
    return DEFAULT_SEED_LAST_LINE


def _str_tuple(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems grouped by file in `FILES` order (stable inside a file)."""
    rank = {name: i for i, name in enumerate(FILES)}
    return sorted(problems, key=lambda p: rank.get(p.file, -1))
