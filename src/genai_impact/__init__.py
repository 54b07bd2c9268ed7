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
- cli.py    `genai-impact validate | export`
"""

__version__ = "0.1.0"
