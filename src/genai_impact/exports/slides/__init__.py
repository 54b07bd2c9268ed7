"""Decks as files: every saved view a real slide, as PowerPoint, PDF or one HTML file (pure).

- model.py        `Slide` and `Table`: title, filters in words, a chart spec and/or tables,
                  source line, link, speaker notes, numbered annotations (all plain text)
- layout.py       the 16:9 slide's geometry and type sizes; tables fitted to the slide at
                  12 pt or more, split over continuation slides ("(1/2)") rather than shrunk
- charts.py       a chart for a slide's body: the export's chart without its own title and
                  footer, sized to the body, annotation markers at their points; PNG / SVG
- pptx_writer.py  python-pptx: native text and tables, charts as pictures, notes
- pdf_writer.py   fpdf2: the same slides, charts as vector drawings, links clickable
- html_writer.py  one self-contained HTML file, charts drawn by the inlined vega-embed
"""
