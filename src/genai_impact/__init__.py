"""genai-impact: the report's framework as data, and a bilingual dashboard on it.

Modules (dependencies point one way: data -> load -> model -> query -> charts -> ui -> pages):
- model.py  frozen dataclasses of the framework; no I/O
- load.py   YAML under data/ -> Dataset, the one place that validates
- query.py  selections over the data set (pure)
- display.py  model values -> localised, Markdown-safe display strings (pure)
- i18n.py   t(key, lang) over strings/{ja,en}/*.yaml
- state.py  URL query parameters <-> view state
- navigation.py  the pages, in order, and the URL parameters each reads
- ui.py     the only module that imports streamlit
- cli.py    `genai-impact validate | export | stats`

Profile, comparison, impact matrix, use cases (pages industries.py, impacts.py, use_cases.py):
- profile_query.py      one industry's profile; two industries compared (ids, pure)
- profile_text.py       the comparison in words, as a table with differences marked
- impact_matrix.py      industries x structural-impact types, grouped by level
- use_case_query.py     directions of use x phases; who feels each phase most
- provenance_ledger.py  compact basis markers and one source table per section
- page_tables.py        those pages' tables as CSV rows, one per value, with provenance

Exports and the workshop agenda (docs/exports.md; no streamlit):
- export.py        slide_chart, to_png, to_svg (vl-convert), prerender, the Japanese-font check
- export_theme.py  size presets and light/dark themes as Vega-Lite config
- text_fit.py      estimated text widths; wrap titles and footers to the slide
- table_export.py  what a chart or table shows -> CSV with provenance columns
- slide_pack.py    PNGs -> a numbered ZIP with index.txt
- agenda.py        saved views: capture, edit, reorder, step, link
- agenda_file.py   the agenda as YAML: write, and read an upload back, checked
- workshop.py      the app's charts and views fitted to these: downloads (ChartExport),
                   the map for export and in the dark theme, links, slides per saved view
- download_grace.py  a clicked download's file kept until the browser has fetched it
                   (Streamlit deletes it after two runs of any session: a full room)
- warm.py          the first visitor's run made ready while their browser loads (the
                   repository's serve.py starts it: make run, the image)

Official statistics (docs/official-statistics.md; no streamlit, stdlib HTTP):
- official_stats.py  the app's API: load_official_stats, figures_for_year
- official_model.py  its frozen dataclasses and the two ratios
- official_read.py   data/official/*.json -> those dataclasses, checked
- official_view.py   what the Sources page lists: imports, checks, gaps (pure)
- official_arithmetic.py  the Sources page's arithmetic of one sector-year (pure)
- stats_import.py    `stats fetch | import`: parse, check, derive, write atomically
- estat_client.py    e-Stat API getStatsData (paging, app ID kept secret)
- estat_parse.py     e-Stat JSON / CSV bytes -> rows
- stats_checks.py    the checks before anything is written; coverage and identity
- stats_structure.py the structural checks (names, units, values, duplicates)
- stats_catalogue.py the items, codes and names expected; name normalisation
- rd_import.py       `stats import-rd`: the R&D CSV layout
- stats_cli.py       the `stats` subcommands
- atomic_write.py    temp file + rename

Industry map (pages/map.py; no streamlit):
- map_query.py       filters -> the plotted rows (schematic or one fiscal year of statistics)
- map_layout.py      chart sizes, schematic positions and regions, the axes' scales
- label_placement.py labels that never overlap each other or the points
- map_text.py        every word on the chart and in the page's notes
- map_years.py       the year slider's play control: its steps, and why reruns
- charts.py          the map as a Vega-Lite dict and as an Altair chart
"""

__version__ = "0.1.0"
