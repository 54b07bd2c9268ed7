"""Slides -> one self-contained HTML file (pure): open it from a USB stick, no server,
no network.

Each slide is a 16:9 section sized to the window (type scales with the slide's width),
in the theme's colours; charts are drawn in the browser by vega-embed, whose script is
inlined (`charts.vega_bundle`), from specs kept in JSON blocks; tables are HTML tables.
Every text is escaped (`html.escape`): a name, note or annotation holding markup shows
its characters and is never interpreted. Speaker notes stay in the PowerPoint file.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from genai_impact.exports.slides import charts, layout
from genai_impact.exports.slides.model import Slide, Table
from genai_impact.theme import FONT_STACK, Palette, palette


def _cqw(points: float) -> str:
    """A size in points on the 960-pt slide as a share of the slide's width."""
    return f"{points / layout.WIDTH * 100:.3f}cqw"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _style(pal: Palette) -> str:
    return f"""
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: {pal.surface}; color: {pal.text};
  font-family: {FONT_STACK}; }}
main {{ display: flex; flex-direction: column; align-items: center; gap: 24px; padding: 24px 0; }}
.slide {{ container-type: inline-size; width: min(96vw, 170vh, 1600px); aspect-ratio: 16 / 9;
  background: {pal.background}; display: flex; flex-direction: column; overflow: hidden;
  padding: {_cqw(layout.TOP)} {_cqw(layout.MARGIN)} {_cqw(layout.BOTTOM)}; }}
.slide h2 {{ font-size: {_cqw(layout.TITLE_PT)}; margin: 0; line-height: {layout.LINE}; }}
.subtitle {{ font-size: {_cqw(layout.SUBTITLE_PT)}; color: {pal.subtle_text}; margin: 0;
  line-height: {layout.LINE}; }}
.body {{ flex: 1 1 auto; min-height: 0; margin: {_cqw(layout.GAP)} 0; overflow: hidden; }}
.chart {{ width: 100%; height: 100%; }}
.chart svg, .chart canvas {{ width: 100% !important; height: auto !important; }}
.body p {{ font-size: {_cqw(layout.PARAGRAPH_PT)}; margin: 0 0 0.6em; line-height: {layout.LINE}; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th, td {{ border: 1px solid {pal.frame}; text-align: left; vertical-align: top;
  padding: {_cqw(layout.CELL_PAD_Y)} {_cqw(layout.CELL_PAD_X)}; white-space: pre-line;
  line-height: {layout.TABLE_LINE}; }}
th {{ background: {pal.surface}; }}
tr.differs td {{ background: {pal.diff_tint}; font-weight: bold; }}
ol.annotations {{ list-style: none; margin: 0 0 {_cqw(layout.GAP)}; padding: 0;
  font-size: {_cqw(layout.ANNOTATION_PT)}; }}
footer {{ font-size: {_cqw(layout.FOOTER_PT)}; color: {pal.note}; line-height: {layout.LINE}; }}
footer p {{ margin: 0; }}
footer a {{ color: {pal.note}; overflow-wrap: anywhere; }}
@media print {{ main {{ padding: 0; gap: 0; }} .slide {{ width: 100vw; break-after: page; }} }}
"""


def _table(table: Table, size: float) -> str:
    widths = layout.column_widths(table, 100.0)
    cols = "".join(f'<col style="width:{w:.2f}%">' for w in widths)
    head = "".join(
        "<tr>" + "".join(f"<th>{_e(c)}</th>" for c in row) + "</tr>" for row in table.header
    )
    body = "".join(
        (' <tr class="differs">' if table.emphasised(i) else "<tr>")
        + "".join(f"<td>{_e(c)}</td>" for c in row)
        + "</tr>"
        for i, row in enumerate(table.rows)
    )
    return (
        f'<table style="font-size:{_cqw(size)}"><colgroup>{cols}</colgroup>'
        f"<thead>{head}</thead><tbody>{body}</tbody></table>"
    )


def _section(slide: Slide, number: int) -> tuple[str, str]:
    """The slide's section, and its chart's JSON block ("" without a chart)."""
    parts = [f"<h2>{_e(slide.title)}</h2>"]
    parts += [f'<p class="subtitle">{_e(line)}</p>' for line in slide.subtitle]
    spec = ""
    if slide.chart is not None:
        parts.append(
            f'<div class="body"><div class="chart" data-spec="spec-{number}" role="img" '
            f'aria-label="{_e(slide.chart_alt or slide.title)}"></div></div>'
        )
        data = charts.html_spec(slide.chart)
        spec = f'<script type="application/json" id="spec-{number}">{data}</script>'
    elif slide.tables:
        size = layout.table_size(slide)
        parts.append(
            '<div class="body">' + "".join(_table(t, size) for t in slide.tables) + "</div>"
        )
    else:
        parts.append(
            '<div class="body">' + "".join(f"<p>{_e(p)}</p>" for p in slide.paragraphs) + "</div>"
        )
    if slide.annotations:
        items = "".join(f"<li>{_e(marker)} {_e(text)}</li>" for marker, text in slide.annotations)
        parts.append(f'<ol class="annotations">{items}</ol>')
    link = f'<a href="{_e(slide.link)}">{_e(slide.link_text)}</a>'
    parts.append(f"<footer><p>{_e(slide.source)}</p><p>{link}</p></footer>")
    section = (
        f'<section class="slide" id="slide-{number}" lang="{_e(slide.lang)}" '
        f'aria-label="{_e(slide.title)}">' + "".join(parts) + "</section>"
    )
    return section, spec


_DRAW = """
for (const el of document.querySelectorAll(".chart")) {
  const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
  window.vegaEmbed(el, spec, {renderer: "svg", actions: false})
    .then(() => el.setAttribute("data-drawn", "1"))
    .catch((err) => { el.textContent = String(err); el.setAttribute("data-drawn", "error"); });
}
"""


def write_html(slides: Sequence[Slide], theme: str, title: str = "") -> bytes:
    """The slides (already paginated) as one HTML file's bytes (UTF-8)."""
    pal = palette(theme)
    sections, specs = (
        zip(*(_section(s, n) for n, s in enumerate(slides, start=1)), strict=True)
        if slides
        else ((), ())
    )
    lang = slides[0].lang if slides else "ja"
    has_chart = any(s.chart is not None for s in slides)
    scripts = ""
    if has_chart:
        bundle = charts.vega_bundle().replace("</script", "<\\/script")
        scripts = f'<script type="module">{bundle}</script><script type="module">{_DRAW}</script>'
    page = (
        f'<!doctype html><html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title or (slides[0].title if slides else ''))}</title>"
        f"<style>{_style(pal)}</style></head><body><main>"
        + "".join(sections)
        + "</main>"
        + "".join(specs)
        + scripts
        + "</body></html>\n"
    )
    return page.encode("utf-8")
