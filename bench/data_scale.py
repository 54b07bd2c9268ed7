"""Data scale: the loaders (and chart builders, when present) on 1x, 2x, 5x, 10x the data.

The larger data sets are SYNTHETIC: the bundled YAML with industries, sectors and use
cases copied under new ids, written to a temporary directory (never into data/).

    .venv/bin/python bench/data_scale.py [--factors 1 2 5 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import copy
import importlib
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
from genai_impact.report import query
from genai_impact.report.load import load_dataset, validate  # noqa: E402

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
    """Chart builders to time, when they can be found (`genai_impact.views.map.chart`).

    To time a builder the pages call, add it here, e.g. "map chart":
    lambda: charts.industry_map_spec(view, texts).
    """
    try:
        charts = importlib.import_module("genai_impact.views.map.chart")
    except ImportError:
        return {}
    steps = {}
    for name in dir(charts):
        builder = getattr(charts, name)
        if callable(builder) and getattr(builder, "__module__", "") == charts.__name__:
            try:
                builder(ds).to_dict()  # builders that take only the data set
            except Exception:  # noqa: BLE001 (a builder that needs more arguments)
                continue
            steps[f"chart {name}"] = lambda b=builder: b(ds).to_dict()
    return steps


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
    if not any(name.startswith("chart") for name in rows):
        print("charts: genai_impact.charts is not on this branch yet (lands with /map)")


if __name__ == "__main__":
    main()
