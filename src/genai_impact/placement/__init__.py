"""Place one firm on the report's map: its archetype and what the report expects for it.

Pure (no I/O, no streamlit). The report classifies industries, not firms; it defines its axes
precisely (capital and software equipment ratios per employee, log scale, and R&D intensity at the
all-industry average of 3.06 %), but draws no numeric boundary between archetypes. The boundaries
used here are our reading, named in every result (`Reason`) and documented in docs/DATA.md.

- `units`: the money units a user may type in, as factors to the survey's 百万円.
- `model`: the firm's ratios, a problem with one field, a reason, a placement.
- `inputs`: typed texts → figures or problems naming the field; the questions' answers checked.
- `classify`: the reference (the all-industries point of an imported year) and the two ways to
  place: by figures (statistics) and by answers (the report's business elements).
- `expectations`: what the report says for an archetype, over its example industries.
- `whatif`: the firm's figures moved by the what-if controls.
"""
