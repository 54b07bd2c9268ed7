"""Charts -> slide-ready PNG and SVG files (pure: no streamlit).

`slide_chart` wraps a chart for export: the title and a subtitle naming the
filters applied as the Vega-Lite title; the footer (source line, link to this
view) as the labels of a bottom legend without symbols. Vega lays bottom
legends out below the x axis, so the footer never overlaps axis labels, rotated
or not, and autosize "fit" counts it in: a slide export is exactly the preset's
size. `to_png` / `to_svg` render with vl-convert in the Japanese font stack of
`genai_impact.theme`; a chart with Japanese text refuses to render when no Japanese
font reaches vl-convert (`FontMissingError`) rather than produce tofu boxes.

vl-convert's first conversion in a process takes about half a second (engine
start); `font_available()` does one and is cached, so calling it at start-up
warms the engine (`font_checked` starts it in the background and never waits: the
Download menu asks it on every run). A PNG is rasterised from the view's cached SVG, and
`prerender` renders in a background thread into the same cache (benchmarks use it; the
Download menu renders only when a button is clicked).

Size: one module because the slide wrapper, the font check and the render cache share the
vl-convert engine and its per-process state; split when a second renderer arrives.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import altair as alt
import vl_convert as vlc

from genai_impact.exports.presets import SCREEN_FALLBACK_SIZE, check_preset, theme_config
from genai_impact.report.model import LANGS
from genai_impact.text.fit import wrap
from genai_impact.text.i18n import t
from genai_impact.theme import FONT_STACK, palette

RENDER_CACHE_SIZE = 16  # rendered files kept per process, PNG and SVG each
# A directory of extra fonts (e.g. a .ttf of IPAexGothic where fonts-noto-cjk cannot be
# installed); registered with vl-convert once per process, before the first conversion.
FONT_DIR_ENV = "GENAI_IMPACT_FONT_DIR"
# Kana, CJK punctuation, kanji, full-width forms: text that needs the Japanese font.
_JAPANESE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# The field of the footer layer's data; long enough not to collide with a chart's own.
_FOOTER_FIELD = "genai_impact_footer_line"
# Share of a slide's width kept free for the y axis: the title and the footer start at the
# plot's left edge and wrap within the rest.
_Y_AXIS_SHARE = 0.15
_MIN_TEXT_WIDTH = 360  # px: a narrow screen chart's texts wrap no narrower than this
# Top-level properties a chart may carry that belong to the exported wrapper instead.
_CONFIG = {"font": FONT_STACK}
_TOP_LEVEL_ONLY = ("title", "config", "autosize", "padding", "background", "usermeta", "$schema")


class FontMissingError(RuntimeError):
    """No Japanese font reaches vl-convert: Japanese text would render as empty boxes.

    `key` is the catalogue key of the message to show users.
    """

    key = "export.error.font_missing"

    def __init__(self) -> None:
        super().__init__(
            "cannot export Japanese text: vl-convert finds no Japanese font, so kanji and "
            "kana would render as empty boxes. Install one (Debian: apt-get install "
            f"fonts-noto-cjk) or set {FONT_DIR_ENV} to a directory holding a Japanese "
            ".ttf/.otf font (e.g. IPAexGothic)."
        )


@functools.cache
def _register_font_dir() -> None:
    """Give vl-convert the fonts in $GENAI_IMPACT_FONT_DIR, once per process."""
    font_dir = os.environ.get(FONT_DIR_ENV)
    if font_dir:
        vlc.register_font_directory(font_dir)


def _probe_png(char: str) -> bytes:
    spec = {
        "data": {"values": [{"c": char}]},
        "mark": {"type": "text", "fontSize": 40},
        "encoding": {"text": {"field": "c"}},
        "width": 60,
        "height": 60,
    }
    return vlc.vegalite_to_png(spec, scale=1, config={"font": FONT_STACK})


@functools.cache
def font_available() -> bool:
    """Whether vl-convert draws Japanese text with real glyphs (cached per process).

    Checked by rendering, not by asking for a font name: two different kanji must
    give two different images, and neither may look like a private-use character
    (which no font has, so it is drawn as the missing-glyph box or not at all).
    Without a Japanese font all three images are identical.
    """
    _register_font_dir()
    kan, ji, missing = _probe_png("漢"), _probe_png("字"), _probe_png("\ue000")
    return kan != ji and missing not in (kan, ji)


def has_japanese(spec: dict[str, Any] | str) -> bool:
    """Whether any text in a chart spec (titles, labels, inline data) is Japanese."""
    text = spec if isinstance(spec, str) else json.dumps(spec, ensure_ascii=False)
    return bool(_JAPANESE.search(text))


def _spec_json(chart: alt.TopLevelMixin) -> str:
    """The chart's spec as JSON text, after the Japanese-font guard."""
    _register_font_dir()
    # Not validated against the schema here: builders' tests and slide_chart's own test
    # do that, and an export would pay ~0.1 s for it on every call.
    text = json.dumps(chart.to_dict(validate=False), ensure_ascii=False, sort_keys=True)
    if has_japanese(text) and not font_available():
        raise FontMissingError()
    return text


# The same view exported again (a second click, the other format, the slide pack after single
# downloads) costs nothing; a few slides' PNGs at 2x are ~1 MB each. A PNG is rasterised from
# the view's SVG (byte for byte what vegalite_to_png gives, which renders that SVG too), so
# offering both formats compiles and lays the chart out once. Entries are futures: a render
# asked for while the same one runs (`prerender` in the background, then a click) waits for
# it instead of starting a second one.
_rendered: OrderedDict[tuple[Any, ...], Future] = OrderedDict()
_rendered_lock = threading.Lock()
# One background render at a time: vl-convert converts one chart at a time anyway, and a
# second thread would only take CPU from the page's own reruns.
_background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="genai-impact-export")


def _memo(key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
    with _rendered_lock:
        future = _rendered.get(key)
        owner = future is None
        if future is None:
            future = _rendered[key] = Future()
            while len(_rendered) > 2 * RENDER_CACHE_SIZE:  # PNG and SVG entries
                _rendered.popitem(last=False)
        else:
            _rendered.move_to_end(key)
    if owner:
        try:
            future.set_result(make())
        except BaseException as err:  # not kept: the next call tries again
            with _rendered_lock:
                if _rendered.get(key) is future:
                    del _rendered[key]
            future.set_exception(err)
    return future.result()


def _svg(spec_json: str) -> str:
    return _memo(("svg", spec_json), lambda: vlc.vegalite_to_svg(spec_json, config=_CONFIG))


def _png(spec_json: str, scale: float) -> bytes:
    return _memo(("png", spec_json, scale), lambda: vlc.svg_to_png(_svg(spec_json), scale=scale))


def to_png(chart: alt.TopLevelMixin, scale: float = 2) -> bytes:
    """The chart as PNG bytes; pixel size = the chart's size × `scale` (2 for sharp slides)."""
    return _png(_spec_json(chart), float(scale))


def to_svg(chart: alt.TopLevelMixin) -> str:
    """The chart as SVG text; text stays text, in the font stack (the viewer needs one)."""
    return _svg(_spec_json(chart))


def prerender(make: Callable[[], object]) -> Future:
    """Run `make` (e.g. a `to_png` of the view a download will ask for) in the background,
    one at a time; its renders land in the cache above, so the click that asks for the same
    file gets it ready, or waits only for the rest of it. Errors stay in the returned future
    (the click renders again and reports them)."""
    return _background.submit(make)


_font_check: Future | None = None


def font_checked() -> bool | None:
    """`font_available()` without waiting: its answer once known, else None, the check then
    running in the background (started by the first call; vl-convert's engine start and three
    small renders, about a second)."""
    global _font_check
    with _rendered_lock:
        if _font_check is None:
            _font_check = _background.submit(font_available)
    if not _font_check.done():
        return None
    try:
        return _font_check.result()
    except Exception:  # noqa: BLE001 (a broken engine: an export reports it when clicked)
        return None


def clear_render_cache() -> None:
    """Forget rendered files (benchmarks measure rendering, not the cache)."""
    with _rendered_lock:
        _rendered.clear()


def source_line(
    lang: str,
    citation: str,
    *,
    statistic: str | None = None,
    fiscal_year: int | None = None,
    schematic: bool = False,
) -> str:
    """The footer's source line: the report; the statistic (table, fiscal year) if shown;
    "schematic" when positions come from the report's classification, not from figures."""
    parts = [t("export.footer.report", lang, citation=citation)]
    if statistic:
        if fiscal_year is None:
            parts.append(t("export.footer.statistic", lang, statistic=statistic))
        else:
            parts.append(
                t("export.footer.statistic_year", lang, statistic=statistic, year=fiscal_year)
            )
    if schematic:
        parts.append(t("export.footer.schematic", lang))
    return t("export.footer.separator", lang).join(parts)


def _lines(text: str | Sequence[str]) -> list[str]:
    items = [text] if isinstance(text, str) else list(text)
    return [" ".join(item.split()) for item in items if item and item.strip()]


def _wrapped(lines: list[str], max_px: float, font_px: int) -> list[str]:
    return [part for line in lines for part in wrap(line, max_px, font_px)]


def _footer_layer(lines: list[str], size: str, theme: str) -> dict[str, Any]:
    # Plain dicts (data, mark, encoding) rather than alt.Legend & co.: same spec, none of
    # Altair's per-object validation on every export.
    """An invisible mark whose only trace is a symbol-less bottom legend listing `lines`."""
    sizes, colours = check_preset(size).type, palette(theme)
    legend = {
        "title": None,
        "orient": "bottom",
        "direction": "vertical",
        "symbolSize": 0,
        "symbolOpacity": 0,
        "symbolStrokeWidth": 0,
        "labelOffset": 0,
        "labelFontSize": sizes.footer,
        "labelColor": colours.subtle_text,
        "labelLimit": 0,  # no truncation: a link must stay whole
        "rowPadding": max(2, sizes.footer // 4),
        "offset": sizes.footer,
        "padding": 0,
        "aria": False,  # the footer is text, not a legend to describe
    }
    return {
        "data": {"values": [{_FOOTER_FIELD: line} for line in lines]},
        "mark": {"type": "point", "opacity": 0, "aria": False},
        "encoding": {
            "strokeDash": {
                "field": _FOOTER_FIELD,
                "type": "nominal",
                "scale": {"domain": lines},
                "legend": legend,
            }
        },
    }


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def _own_config(chart: alt.TopLevelMixin) -> dict[str, Any]:
    config = chart.config
    if config is alt.Undefined:
        return {}
    own = config.to_dict(validate=False) if hasattr(config, "to_dict") else dict(config)
    own.pop("font", None)  # the export's font stack always wins
    return own


def _screen_size(chart: alt.TopLevelMixin) -> tuple[int, int]:
    """The chart's own plot size; the fallback where it has none in pixels."""
    fallback_w, fallback_h = SCREEN_FALLBACK_SIZE
    width, height = chart.width, chart.height
    return (
        width if isinstance(width, int) else fallback_w,
        height if isinstance(height, int) else fallback_h,
    )


def _has_params(chart: Any) -> bool:
    if getattr(chart, "params", alt.Undefined) is not alt.Undefined:
        return True
    return any(_has_params(layer) for layer in getattr(chart, "layer", None) or ())


def layered(layers: Sequence[alt.Chart | alt.LayerChart], **kwargs: Any) -> alt.LayerChart:
    """alt.LayerChart(layer=layers, **kwargs), without Altair's deep copy of every layer
    (data included) when no layer has parameters to lift to the top: that copy cost more
    than the rest of a click on a slide download. Layers carrying width, height or view
    are left to Altair too, which moves them up."""
    if any(_has_params(layer) for layer in layers) or any(
        getattr(layer, prop, alt.Undefined) is not alt.Undefined
        for layer in layers
        for prop in ("width", "height", "view")
    ):
        return alt.LayerChart(layer=list(layers), **kwargs)
    chart = alt.LayerChart(**kwargs)
    chart.layer = list(layers)
    return chart


def slide_chart(
    chart: alt.Chart | alt.LayerChart,
    *,
    title: str,
    subtitle: str | Sequence[str],
    footer_source: str | Sequence[str],
    link: str,
    lang: str,
    size: str = "slide_16_9",
    theme: str = "light",
) -> alt.LayerChart:
    """`chart` ready to export: title, subtitle, footer, size and theme.

    `subtitle` names the filters applied and `footer_source` is the source line
    (see `source_line`); both are already in `lang`. `link` is the URL that
    reopens exactly this view. `size` is a preset of `presets.PRESETS`:
    the slide presets set the whole export's size ("fit"), "screen" keeps the
    chart's own plot size. The chart's own title is replaced; its own config is
    kept where the theme does not set the same key. Only single and layered
    charts can be wrapped (concatenated and faceted ones raise TypeError).
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    preset, _ = check_preset(size), palette(theme)
    if not isinstance(chart, alt.Chart | alt.LayerChart):
        raise TypeError(f"slide_chart wraps a single or layered chart, not {type(chart).__name__}")
    inner = chart.copy(deep=False)  # a new top level; layers and data are shared, unchanged
    for prop in (*_TOP_LEVEL_ONLY, "width", "height"):
        inner[prop] = alt.Undefined
    sizes = preset.type
    if preset.width is None or preset.height is None:
        width, height = _screen_size(chart)
        autosize: Any = alt.Undefined
        text_width = max(width, _MIN_TEXT_WIDTH)
    else:
        width, height = preset.width, preset.height
        autosize = {"type": "fit", "contains": "padding"}
        text_width = width * (1 - _Y_AXIS_SHARE) - 2 * sizes.padding - sizes.footer
    # Vega neither wraps a title nor a legend label, and cuts what passes the image's edge.
    title_lines = wrap(" ".join(title.split()), text_width, sizes.title)
    subtitle_lines = _wrapped(_lines(subtitle), text_width, sizes.subtitle)
    footer_lines = [*_lines(footer_source), t("export.footer.link", lang, url=link)]
    footer = list(dict.fromkeys(_wrapped(footer_lines, text_width, sizes.footer)))
    # Built from plain dicts and validated once, when the spec is written: Altair's
    # per-property validation cost more than the whole Vega-Lite compile.
    footer_layer = _footer_layer(footer, size, theme)
    footer_chart = alt.Chart(
        data=footer_layer["data"],
        mark=footer_layer["mark"],
        encoding=alt.FacetedEncoding(**footer_layer["encoding"]),
    )
    return layered(
        [inner, footer_chart],
        resolve={"scale": {"strokeDash": "independent"}},
        width=width,
        height=height,
        autosize=autosize,
        # The title starts where the footer does: at the plot's left edge ("group") plus
        # the symbol column Vega keeps in every legend, as wide as its label font size.
        title={
            "text": title_lines,
            **({"subtitle": subtitle_lines} if subtitle_lines else {}),
            "frame": "group",
            "dx": sizes.footer,
        },
        description=title,
        config=_merged(_own_config(chart), theme_config(theme, size)),
    )
