"""Imported official statistics -> what the Sources page lists (pure: no streamlit).

Each import (`import_summary`), the gaps (`missing_rows`), the commands to
import (`import_commands`), problems of a malformed file (`problem_lines`), and
the formatting of numbers, units and fiscal years shared with
`official_arithmetic` (the arithmetic of one sector in one fiscal year).

Two kinds of output, never mixed: Markdown (headings, lines, bullet fields,
and the cells of `st.table`, which parses them: data text escaped with
`display.md_literal`) and plain text (the cells of `st.dataframe` and code
blocks, which Streamlit never parses as Markdown).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from genai_impact.official.catalogue import ITEMS
from genai_impact.official.model import ImportRecord, OfficialStats
from genai_impact.report.model import Dataset
from genai_impact.report.validation import Problem
from genai_impact.text.display import md_literal
from genai_impact.text.i18n import t

# The repository's data/, where the CLI writes by default. Not load.DEFAULT_DATA_DIR: that one
# follows GENAI_IMPACT_DATA_DIR, which the shell a user imports from may not have set.
BUNDLED_DATA_DIR = Path(__file__).resolve().parents[3] / "data"
CORPORATE_KIND = "corporate_statistics"
MISSING = "—"  # a figure the file does not have
RATIO_DECIMALS = 3  # 百万円/人: e.g. 15.234 and 0.456
# Request parameters never shown even if a file carried one (the import already omits the ID).
_SECRET_PARAMS = {"appid"}
# Reasons the import writes into `missing` (stats_checks, rd_import) -> catalogue keys.
_REASONS = {
    "industry not in the file": "industry_absent",
    "no values for the fiscal years imported": "no_values_in_years",
    "not in the file": "items_absent",
    "marked by e-Stat": "marked",
    "no data for this fiscal year": "year_without_data",
    "not in the R&D file": "rd_absent",
}
_RD_NOT_A_NUMBER = "not a number in the R&D file: "
RD_ITEM = "rd_ratio_percent"  # the item of an R&D gap
ITEM_UNIT = {item.key: "employees" if item.code == "072" else "amount" for item in ITEMS}


# 1. Numbers, units and years ------------------------------------------------------------


def format_number(value: float | None, decimals: int | None = None) -> str:
    """'115,270' (integral), '1,234.5' (as stored), '3.509' (`decimals` given), '—' if None."""
    if value is None:
        return MISSING
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,}"


def with_unit(value: float | None, unit: str, lang: str, decimals: int | None = None) -> str:
    """A number and its unit ('115,270 百万円', '3.509 million yen per person'); '—' alone."""
    if value is None:
        return MISSING
    return t(
        "sources.stats.with_unit",
        lang,
        value=format_number(value, decimals),
        unit=unit_label(unit, lang),
    )


def unit_label(unit: str, lang: str) -> str:
    """amount | employees | ratio -> 百万円 | 人 | 百万円/人 (or the English words)."""
    return t(f"sources.stats.unit.{unit}", lang)


def percent(value: float, lang: str) -> str:
    return t("sources.stats.percent", lang, value=format_number(value, 2))


def fiscal_year(year: int, lang: str) -> str:
    return t("sources.stats.fiscal_year", lang, year=year)


def years_label(years: Iterable[int], lang: str) -> str:
    """'2021年度・2022年度' / 'FY2021, FY2022', or 'none' when empty."""
    shown = [fiscal_year(y, lang) for y in years]
    return (
        t("common.list_separator", lang).join(shown) if shown else t("sources.stats.none_yet", lang)
    )


def item_name(key: str, lang: str) -> str:
    """The survey item's name (catalogue), e.g. 有形固定資産（当期末）."""
    return t(f"sources.stats.item.{key}", lang)


# 2. The imports: what, from where, when, checked how ------------------------------------


@dataclass(frozen=True)
class ImportSummary:
    heading: str  # Markdown
    fields: tuple[str, ...]  # Markdown, one bullet each
    request: str | None  # plain text: one `name=value` per line; None for a file import
    checks: tuple[dict[str, str], ...]  # st.table rows (Markdown cells), localised columns


def statistic_title(ds: Dataset, source_id: str, lang: str) -> str:
    """The statistic's title from data/sources.yaml (plain text); the id if unknown."""
    source = next((s for s in ds.sources if s.id == source_id), None)
    return source.title.in_lang(lang) if source else source_id


def record_years(record: ImportRecord, stats: OfficialStats) -> tuple[int, ...]:
    """The fiscal years one imported file holds."""
    if record.kind == CORPORATE_KIND:
        return stats.years
    return tuple(year for year, _ in stats.rd_averages)


def request_text(record: ImportRecord) -> str | None:
    """The API request's parameters, one per line, never the app ID."""
    shown = [f"{k}={v}" for k, v in record.request if k.lower() not in _SECRET_PARAMS]
    return "\n".join(shown) if shown else None


def import_summary(
    record: ImportRecord, stats: OfficialStats, ds: Dataset, lang: str
) -> ImportSummary:
    """One import: the statistic, how and when, table, request, input file, tool, years, checks."""
    key = "sources.stats.record"
    heading = t(
        f"{key}.heading",
        lang,
        statistic=md_literal(statistic_title(ds, record.source_id, lang)),
        file=md_literal(record.file),
    )
    method_key = record.method if record.method in ("fetch", "import") else "other"
    fields = [
        t(f"{key}.method", lang, method=t(f"{key}.method_{method_key}", lang)),
        t(f"{key}.retrieved_at", lang, value=md_literal(record.retrieved_at or MISSING)),
    ]
    if record.table_id:
        title = md_literal(record.table_title or MISSING)
        fields.append(t(f"{key}.table", lang, id=md_literal(record.table_id), title=title))
    if record.input_file:
        fields.append(t(f"{key}.input_file", lang, name=md_literal(record.input_file)))
        sha = md_literal(record.input_sha256 or MISSING)
        fields.append(t(f"{key}.sha256", lang, value=sha))
    fields.append(t(f"{key}.tool", lang, version=md_literal(record.tool_version or MISSING)))
    fields.append(t(f"{key}.years", lang, years=years_label(record_years(record, stats), lang)))
    column = {c: t(f"{key}.column.{c}", lang) for c in ("check", "result", "detail")}
    checks = tuple(
        {
            column["check"]: md_literal(check.name),
            column["result"]: md_literal(check_status(check.status, lang)),
            column["detail"]: md_literal(check.detail),
        }
        for check in record.checks
    )
    return ImportSummary(heading, tuple(fields), request_text(record), checks)


def check_status(status: str, lang: str) -> str:
    """pass | warn -> a localised word with a sign, so colour is not the only cue."""
    if status in ("pass", "warn"):
        return t(f"sources.stats.record.status_{status}", lang)
    return status


def import_commands(data_dir: Path) -> str:
    """The three import commands as a shell snippet; `--data-dir` unless it is the repo's data/."""
    bundled = Path(data_dir).resolve() == BUNDLED_DATA_DIR
    extra = "" if bundled else f" --data-dir {shlex.quote(str(data_dir))}"
    return "\n".join(
        [
            "export ESTAT_APP_ID=YOUR_APP_ID  # your e-Stat application ID; never stored",
            f"genai-impact stats fetch --years 2018-2024{extra}",
            f"genai-impact stats import FILE{extra}",
            f"genai-impact stats import-rd FILE{extra}",
        ]
    )


def problem_lines(problems: Sequence[Problem]) -> str:
    """One Markdown bullet per problem (file, field, what), escaped."""
    return "\n".join(f"- {md_literal(str(p))}" for p in problems)


# 3. Gaps ----------------------------------------------------------------------------------


def reason_label(reason: str, lang: str) -> str:
    """The import's reason for a gap, in `lang` when it is one we know (plain text)."""
    if reason in _REASONS:
        return t(f"sources.stats.reason.{_REASONS[reason]}", lang)
    if reason.startswith(_RD_NOT_A_NUMBER):
        return t("sources.stats.reason.rd_not_a_number", lang, note=reason[len(_RD_NOT_A_NUMBER) :])
    return reason


def missing_item(code: str, lang: str) -> str:
    """An item code of a gap as shown: the survey's code, or the R&D ratio by name."""
    return t("sources.stats.missing.rd_item", lang) if code == RD_ITEM else code


def sector_names(stats: OfficialStats, ds: Dataset, lang: str) -> dict[str, str]:
    """e-Stat code -> sector name in `lang`: the file's names, else data/sectors.yaml."""
    names = {s.estat_code: s.name.in_lang(lang) for s in ds.sectors}
    for sector in stats.sectors:
        names[sector.estat_code] = sector.name_ja if lang == "ja" else sector.name_en
    return names


def missing_rows(stats: OfficialStats, ds: Dataset, lang: str) -> list[dict[str, str]]:
    """Every gap the imports listed, as plain-text table rows with localised column names.

    No file column: the items say which import it is (codes of 法人企業統計調査, or the
    R&D ratio), which leaves the reason room to be read at 1280 px.
    """
    column = {
        c: t(f"sources.stats.missing.column.{c}", lang)
        for c in ("sector", "year", "items", "reason")
    }
    names = sector_names(stats, ds, lang)
    rows = []
    for gap in stats.missing:
        if gap.estat_code is None:
            sector = t("sources.stats.missing.all_sectors", lang)
        else:
            sector = f"{gap.estat_code} {names.get(gap.estat_code, '')}".strip()
        if gap.fiscal_year is None:
            year = t("sources.stats.missing.every_year", lang)
        else:
            year = fiscal_year(gap.fiscal_year, lang)
        rows.append(
            {
                column["sector"]: sector,
                column["year"]: year,
                column["items"]: ", ".join(missing_item(str(i), lang) for i in gap.items),
                column["reason"]: reason_label(gap.reason, lang),
            }
        )
    return rows
