"""Files a user takes away: slide-ready PNG and SVG, CSV with provenance, decks as
PowerPoint, PDF or HTML, and the whole data set as JSON or CSV.

- render.py          charts -> PNG/SVG (vl-convert) with title, filters, source and link
- presets.py         slide and screen sizes with their type sizes; Vega-Lite config
- chart_export.py    `ChartExport`: what a Download offers for one chart or table
- map_export.py      the industry map as a download
- map_table.py       the industry map's rows as CSV: a column per phase × kind, bases
- plot_fit.py        the plot size a slide really gives a chart (measured layout)
- file_names.py      genai-impact_<view in words>_<date>.<ext>
- opaque_regions.py  translucent areas flattened for a fast, identical raster
- table_csv.py       a table -> CSV (UTF-8 BOM) with provenance columns
- page_tables.py     the profile pages' tables as CSV rows, one per value
- business_tables.py the business-type page's tables as CSV rows, one per value
- slides/            decks: the slide model, its layout, the PPTX, PDF and HTML writers
- dataset.py         the curated data set as JSON (a documented contract) or CSV
- dataset_outlook.py the JSON sections of what changes for every firm
- outlook_tables.py  /outlook's sections as CSV tables and slide tables
- dataset_business.py the data set export's business-type section
- dataset_summary.py the JSON sections of the summary figures
- summary_tables.py  the summary figures' blocks as slide tables
- strategy_tables.py the strategy directions that apply to an industry, on its slide
- placement_json.py  a firm's placement as JSON (`genai-impact place`)
- place_export.py    "place your company" as a download: the map with the user's point
- place_table.py     its CSV: the user's point, our reading steps, the report's words
"""
