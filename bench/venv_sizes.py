"""Disk use of a venv by installed distribution, largest first (files listed in each RECORD).

    .venv/bin/python bench/venv_sizes.py [--venv .venv] [--top 10]

Counts allocated blocks, as `du` does, of the files each distribution installed and that
are still there (the Makefile removes some after installing), plus the bytecode written
next to them since. Hard links into uv's cache count in full, as `du -sh .venv` counts them.
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path


def sizes(site: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for record in site.glob("*.dist-info/RECORD"):
        name = record.parent.name.removesuffix(".dist-info").rsplit("-", 1)[0]
        files = {os.path.normpath(site / row[0]) for row in csv.reader(record.open()) if row}
        # bytecode is written after the install, beside the sources RECORD lists
        for path in list(files):
            if path.endswith(".py"):
                cache = Path(path).parent / "__pycache__"
                files.update(str(p) for p in cache.glob(Path(path).stem + ".*.pyc"))
        total = 0
        for path in files:
            try:
                total += os.lstat(path).st_blocks * 512
            except FileNotFoundError:
                pass
        found[name] = total
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", default=".venv")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    [site] = Path(args.venv).glob("lib/python3.*/site-packages")
    found = sizes(site)
    for name, size in sorted(found.items(), key=lambda item: -item[1])[: args.top]:
        print(f"{size / 2**20:7.1f} MB  {name}")
    print(f"{sum(found.values()) / 2**20:7.1f} MB  all {len(found)} distributions")


if __name__ == "__main__":
    main()
