"""Data scale: the loaders (and chart builders, when present) on 1x, 2x, 5x, 10x the data.

The larger data sets are SYNTHETIC: the bundled YAML with industries, sectors and use
cases copied under new ids, written to a temporary directory (never into data/).

    .venv/bin/python bench/data_scale.py [--factors 1 2 5 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, load_average, median  # noqa: E402

from genai_impact.exports import dataset as dataset_export  # noqa: E402
from genai_impact.report import query  # noqa: E402
from genai_impact.report.load import load_dataset, validate  # noqa: E402
from genai_impact.state import ViewState  # noqa: E402
from genai_impact.views.map import chart as charts  # noqa: E402
from genai_impact.views.map import query as map_query  # noqa: E402
from genai_impact.views.map import rows as map_rows  # noqa: E402
from genai_impact.views.map import text as map_text  # noqa: E402
from genai_impact.views.map.layout import map_size  # noqa: E402

DATA = REPO / "data"


def _renamed(item: dict, n: int, code_base: int | None = None) -> dict:
    out = copy.deepcopy(item)
    out["id"] = f"{item['id']}_x{n}"
    out["name"] = {lang: f"{text} ({n})" for lang, text in item["name"].items()}
    if code_base is not None:
        out["estat_code"] = str(code_base + n)
    return out


def synthetic_data(factor: int, into: Path) -> Path:
    """The bundled data with every industry, sector and use case `factor` times (SYNTHETIC)."""
    shutil.copytree(DATA, into, dirs_exist_ok=True)
    for name, key in (("industries", "industries"), ("sectors", "sectors"),
                      ("use_cases", "use_cases")):  # fmt: skip
        path = into / f"{name}.yaml"
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = doc[key]
        extra = []
        for n in range(1, factor):
            for i, item in enumerate(items):
                code = 10_000 * n + i * 10 if key == "sectors" else None
                extra.append(_renamed(item, n, code))
        doc[key] = items + extra
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return into


def timed(step: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        runs.append(time.perf_counter() - start)
    return median(runs)


def chart_steps(ds) -> dict[str, Callable[[], object]]:
    """The map a page draws by default: its rows with every label placed, then its spec."""
    view, size = ViewState(), map_size(False)

    def rows() -> object:
        map_rows.place.cache_clear()  # placement is memoised per process: time the work
        return map_query.map_view(ds, None, view, size)

    def spec() -> object:
        mv = map_query.map_view(ds, None, view, size)
        return charts.industry_map_spec(mv, map_text.chart_texts(ds, mv, "ja"))

    return {"map rows": rows, "map spec": spec}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 2, 5, 10])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if max(args.factors) > 50:
        parser.error("factors above 50 are not a workshop data set")
    print(f"data scale: median of {args.repeat} runs; {load_average()}")
    rows: dict[str, dict[int, float]] = {}
    sizes: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="genai-scale-") as tmp:
        for factor in args.factors:
            data = synthetic_data(factor, Path(tmp) / f"x{factor}")
            ds = load_dataset(data)
            kb = sum(p.stat().st_size for p in data.glob("*.yaml")) / 1024
            sizes[factor] = f"{len(ds.industries)} ind., {len(ds.sectors)} sect., {kb:.0f} kB"
            steps = {
                "load_dataset": lambda d=data: load_dataset(d),
                "validate": lambda d=data: validate(d),
                "export json": lambda d=ds: dataset_export.to_json_dict(d),
                "export csv": lambda d=ds: dataset_export.to_csv(d),
                "industries_by_archetype": lambda d=ds: query.industries_by_archetype(d),
                **chart_steps(ds),
            }
            for name, step in steps.items():
                rows.setdefault(name, {})[factor] = timed(step, args.repeat)
    print("\n" + " | ".join(f"{f}x: {sizes[f]}" for f in args.factors))
    header = f"{'step':<26}" + "".join(f"{f'{f}x ms':>11}" for f in args.factors)
    print(header + f"{'growth ' + str(args.factors[-1]) + 'x/1x':>16}")
    for name, by_factor in rows.items():
        cells = "".join(f"{by_factor[f] * 1000:>11.1f}" for f in args.factors)
        growth = by_factor[args.factors[-1]] / by_factor[args.factors[0]]
        print(f"{name:<26}{cells}{growth:>15.1f}x")


if __name__ == "__main__":
    main()
