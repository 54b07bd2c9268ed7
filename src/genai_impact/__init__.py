"""genai-impact: the report's framework as data, and a bilingual dashboard on it.

Packages, bottom layer first; each imports only from the layers below it
(tests/test_layers.py checks it):

- theme.py, atomic_write.py  the look as data (palettes, fonts); writing a file whole
- report/     the report's framework: model, YAML loading, validation, selections
- text/       the ja/en catalogues and display formatting
- official/   official statistics: fetch, parse, check, import, read back
- state.py    the view <-> URL, and the one writer of the URL; navigation.py the pages
- views/      per view, pure queries and chart builders (map/, profile, impacts, ...)
- exports/    PNG/SVG/CSV files, decks as PPTX/PDF/HTML, size presets
- workshop/   the agenda of saved views, their links, slides and deck files
- ui/         the only package that imports streamlit: one module per widget group
- cli/        `genai-impact validate | export | stats | deck`; warm.py, the launcher's warm-up

The app's pages (app.py, pages/) sit above ui and only lay out.
"""

__version__ = "0.1.0"
