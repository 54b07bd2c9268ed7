"""Words: the ja/en string catalogues, and the model's values as safe display text.

- i18n.py     `t(key, lang)` over strings/{ja,en}/<area>.yaml (both languages, same keys)
- display.py  model values -> localised, Markdown-safe strings; basis badges
- readings.py the one marker of a layout reading (†), its legend line, the size scale as ours
- fit.py      estimated text widths, and titles and footers wrapped to a width

Every user-facing string lives in the catalogues; data text goes through `display`.
"""
