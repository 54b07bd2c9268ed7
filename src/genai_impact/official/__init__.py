"""Official statistics behind the map's axes: fetched or imported by the user, checked,
stored with their provenance, and read back for the map and the Sources page.

- catalogue.py         the e-Stat table, items and sectors expected, name normalisation
- estat_client.py      e-Stat's getStatsData API (paging; the app ID never stored)
- estat_parse.py       e-Stat JSON / CSV bytes -> rows
- structure_checks.py  names, units, values, duplicates: before anything is derived
- checks.py            coverage and the 148 = 012 + 013 + 014 identity, per sector and year
- importer.py          `stats fetch | import`: parse, check, derive the ratios, write
- rd_import.py         `stats import-rd`: R&D intensity from the documented CSV layout
- store.py             an import's file read back, then written whole
- model.py, read.py    the stored files' dataclasses, and reading them back, checked
- stats.py             what the app asks: `load_official_stats`, `figures_for_year`
- summary.py, arithmetic.py  what the Sources page lists, and one figure's arithmetic

No figure is bundled or estimated: a value not imported is shown as missing.
"""
