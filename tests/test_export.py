"""Chart exports on bytes: PNG signature and pixel size, SVG text in the chosen language and
font, the Japanese-font guard, themes and presets. Charts here are SYNTHETIC and small."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import textwrap

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from genai_impact.exports import presets as export_theme
from genai_impact.exports import render as export
from genai_impact.text.fit import text_width
from genai_impact.theme import FONT_STACK, PALETTES

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# SYNTHETIC: four points with Japanese labels, a colour legend, a text layer.
POINTS = pd.DataFrame(
    {
        "x": [1.0, 2.0, 3.0, 4.0],
        "y": [3.0, 1.0, 2.0, 4.0],
        "name": ["旅行", "鉄鋼", "医薬品", "情報通信"],
        "group": ["A", "B", "C", "D"],
    }
)
TEXTS = {
    "ja": {
        "title": "産業マップ（テスト）",
        "subtitle": "類型：A・B",
        "source": "出典：テスト用の報告書（2023年）",
    },
    "en": {
        "title": "Industry map (test)",
        "subtitle": "Archetypes: A, B",
        "source": "Source: a test report (2023)",
    },
}
LINK = "http://localhost:8501/map?lang=en&arch=A&arch=B"


def synthetic_chart() -> alt.LayerChart:
    base = alt.Chart(POINTS).encode(x="x:Q", y="y:Q")
    points = base.mark_point(filled=True).encode(color=alt.Color("group:N", title="類型"))
    labels = base.mark_text(align="left", dx=8).encode(text="name:N")
    return (points + labels).properties(title="own title", width=400, height=250)


def slide(lang: str, size: str = "slide_16_9", theme: str = "light") -> alt.LayerChart:
    texts = TEXTS[lang]
    return export.slide_chart(
        synthetic_chart(),
        title=texts["title"],
        subtitle=texts["subtitle"],
        footer_source=texts["source"],
        link=LINK,
        lang=lang,
        size=size,
        theme=theme,
    )


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first after the signature."""
    assert png[:8] == PNG_SIGNATURE, "not a PNG"
    length, chunk = struct.unpack(">I4s", png[8:16])
    assert chunk == b"IHDR" and length == 13
    return struct.unpack(">II", png[16:24])


@pytest.fixture(scope="module")
def slide_pngs() -> dict[str, bytes]:
    """The 16:9 slide at 2× in both languages: rendered once, the slowest thing here."""
    return {lang: export.to_png(slide(lang), scale=2) for lang in ("ja", "en")}


# --- PNG: signature and exact size ----------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_16_9_slide_png_is_3840_by_2160_at_scale_2(slide_pngs, lang):
    assert png_size(slide_pngs[lang]) == (3840, 2160)


@pytest.mark.parametrize(
    ("size", "scale", "expected"),
    [
        # the 4:3 slide keeps the 16:9 height, so type sizes match across decks
        ("slide_4_3", 1, (1440, 1080)),
        # "screen" keeps the chart's own plot size: wider than 400×250 by axes, title, footer
        ("screen", 1, None),
    ],
)
def test_png_size_per_preset(size, scale, expected):
    png = export.to_png(slide("en", size=size), scale=scale)
    width, height = png_size(png)
    if expected is not None:
        assert (width, height) == expected
    else:
        assert 400 < width < 700 and 250 < height < 500


def test_the_same_view_exported_again_comes_from_the_cache():
    export.clear_render_cache()
    first = export.to_png(slide("en", size="screen"), scale=1)
    again = export.to_png(slide("en", size="screen"), scale=1)
    assert again is first  # not rendered twice
    assert export.to_png(slide("en", size="screen"), scale=2) is not first  # scale is in the key


def test_png_is_rasterised_from_the_cached_svg_of_the_same_view():
    # Offering both formats lays the chart out once; the PNG is what vegalite_to_png gives.
    export.clear_render_cache()
    chart = slide("ja", size="screen")
    svg = export.to_svg(chart)
    png = export.to_png(chart, scale=1)
    spec = chart.to_dict(validate=False)
    assert png == vlc.vegalite_to_png(spec, scale=1, config={"font": FONT_STACK})
    assert png == vlc.svg_to_png(svg, scale=1)


def test_layered_writes_the_spec_altair_writes():
    # Without Altair's deep copy when nothing needs lifting; with a selection it lifts it.
    df = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    points = alt.Chart(df).mark_point().encode(x="x:Q", y="y:Q")
    text = alt.Chart(df).mark_text().encode(x="x:Q", y="y:Q", text="y:Q")
    picked = points.add_params(alt.selection_point(name="pick"))
    for layers in ([points, text], [picked, text], [points.properties(height=300), text]):
        kwargs = {"title": "t", "width": 400}
        fast = export.layered(layers, **kwargs).to_dict()
        assert fast == alt.LayerChart(layer=layers, **kwargs).to_dict()
    assert "params" in export.layered([picked, text]).to_dict()


def test_a_background_render_serves_the_click():
    export.clear_render_cache()
    chart = slide("en", size="screen")
    ahead = export.prerender(lambda: export.to_png(chart, scale=1)).result(timeout=120)
    assert export.to_png(chart, scale=1) is ahead  # the click gets the same bytes, not a render


def test_a_failed_render_is_not_kept():
    export.clear_render_cache()
    calls = []

    def fail():
        calls.append(1)
        raise RuntimeError("boom")

    for _ in range(2):
        with pytest.raises(RuntimeError, match="boom"):
            export._memo(("test", "failing"), fail)
    assert len(calls) == 2


# --- SVG: the title, filters and footer in the chosen language, in the Japanese font --------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_svg_contains_title_subtitle_footer_and_link(lang):
    svg = export.to_svg(slide(lang))
    texts = TEXTS[lang]
    for text in (texts["title"], texts["subtitle"], texts["source"]):
        assert f">{text}</text>" in svg, text
    link_line = {"ja": "このビューを開く：", "en": "Open this view: "}[lang]
    assert f">{link_line}{LINK.replace('&', '&amp;')}</text>" in svg
    # the chart's own title gives way to the export's
    assert "own title" not in svg
    other = TEXTS["en" if lang == "ja" else "ja"]
    assert other["title"] not in svg


def test_svg_text_is_set_in_the_japanese_font_stack():
    svg = export.to_svg(slide("ja"))
    family = f'font-family="{FONT_STACK}"'
    assert family in svg
    assert FONT_STACK.startswith("Noto Sans CJK JP, ")
    # every text element names it: none is left to a default serif face
    assert svg.count("<text") == svg.count(family)


def test_title_text_from_data_is_escaped_not_markup():
    chart = export.slide_chart(
        synthetic_chart(),
        title="<script>alert(1)</script>",
        subtitle="",
        footer_source="x",
        link="http://x/?a=1&b=2",
        lang="en",
        size="screen",
    )
    svg = export.to_svg(chart)
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg


# --- the Japanese font: rendered glyphs, not tofu ----------------------------------------


def test_japanese_font_renders_real_glyphs():
    # Fails on a machine without a Japanese font: that is the point of the test.
    assert export.font_available(), (
        "vl-convert draws kanji as empty boxes: install fonts-noto-cjk "
        f"or set {export.FONT_DIR_ENV} to a directory with a Japanese font"
    )


def test_the_font_check_never_waits_and_answers_once_done(monkeypatch):
    """font_checked: None while the check runs in the background (the Download menu asks on
    every run and must not wait for vl-convert's engine), then font_available()'s answer."""
    import threading

    release = threading.Event()
    monkeypatch.setattr(export, "font_available", lambda: release.wait(60) and False)
    monkeypatch.setattr(export, "_font_check", None)
    assert export.font_checked() is None  # started, not waited for
    assert export.font_checked() is None
    release.set()
    export._font_check.result(timeout=60)
    assert export.font_checked() is False


def test_exporting_japanese_without_the_font_raises(monkeypatch):
    monkeypatch.setattr(export, "font_available", lambda: False)
    with pytest.raises(export.FontMissingError, match="fonts-noto-cjk"):
        export.to_png(slide("ja", size="screen"), scale=1)
    with pytest.raises(export.FontMissingError):
        export.to_svg(slide("ja", size="screen"))
    # English-only charts need no Japanese font
    latin_only = pd.DataFrame({"x": [1, 2], "y": [2, 1]})
    english = alt.Chart(latin_only).mark_point().encode(x="x:Q", y="y:Q").properties(title="en")
    assert export.to_png(english, scale=1)[:8] == PNG_SIGNATURE


_HIDE_CJK_FONTS = textwrap.dedent(
    """\
    <?xml version="1.0"?>
    <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
    <fontconfig><dir>{dirs}</dir><cachedir>{cache}</cachedir></fontconfig>
    """
)


def test_the_font_check_detects_a_missing_japanese_font(tmp_path):
    """The check itself, proven: with fontconfig showing vl-convert no system font at all
    (an empty font directory; vl-convert still draws Latin text with its own font),
    `font_available()` is False and a Japanese export refuses to render tofu."""
    conf = tmp_path / "fonts.conf"
    (tmp_path / "no-fonts").mkdir()
    conf.write_text(
        _HIDE_CJK_FONTS.format(dirs=tmp_path / "no-fonts", cache=tmp_path / "cache"),
        encoding="utf-8",
    )
    script = textwrap.dedent(
        """\
        import altair as alt
        from genai_impact.exports import render as export
        chart = alt.Chart(alt.Data(values=[{"t": "漢字"}])).mark_text().encode(text="t:N")
        try:
            export.to_png(chart, scale=1)
            rendered = True
        except export.FontMissingError:
            rendered = False
        print(export.font_available(), rendered)
        """
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    env.pop(export.FONT_DIR_ENV, None)
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"title": "Industry map"}, False),
        ({"title": "産業マップ"}, True),
        ({"data": {"values": [{"name": "ソフトウェア"}]}}, True),
        ({"title": "full-width ＡＢ"}, True),
    ],
)
def test_has_japanese(spec, expected):
    assert export.has_japanese(spec) is expected


# --- the wrapper: what it sets, what it refuses ---------------------------------------------


def test_slide_chart_spec_title_size_and_theme():
    spec = slide("ja", theme="dark").to_dict()
    assert spec["title"]["text"] == [TEXTS["ja"]["title"]]
    assert spec["title"]["subtitle"] == [TEXTS["ja"]["subtitle"]]
    assert (spec["width"], spec["height"]) == (1920, 1080)
    assert spec["autosize"] == {"type": "fit", "contains": "padding"}
    assert spec["config"]["background"] == PALETTES["dark"].background
    assert spec["config"]["font"] == FONT_STACK
    assert spec["config"]["axis"]["labelFontSize"] == export_theme.SLIDE_TYPE.label
    # the footer is the last layer: a bottom legend listing the lines, no marks to see
    footer = spec["layer"][-1]
    legend = footer["encoding"]["strokeDash"]["legend"]
    assert legend["orient"] == "bottom" and legend["labelLimit"] == 0
    assert footer["encoding"]["strokeDash"]["scale"]["domain"] == [
        TEXTS["ja"]["source"],
        f"このビューを開く：{LINK}",
    ]
    assert footer["mark"]["opacity"] == 0


def test_slide_chart_leaves_the_original_chart_unchanged():
    chart = synthetic_chart()
    before = chart.to_dict()
    slide_spec = export.slide_chart(
        chart, title="t", subtitle="", footer_source="s", link="l", lang="en"
    ).to_dict()
    assert chart.to_dict() == before  # still its own title, size and no config
    assert slide_spec["layer"][0]["layer"] == before["layer"]  # the marks, as built


def test_slide_chart_keeps_the_charts_own_config_under_the_theme():
    own = synthetic_chart().configure_axis(labelAngle=-30, labelFontSize=9)
    spec = export.slide_chart(
        own, title="t", subtitle="", footer_source="s", link="l", lang="en"
    ).to_dict()
    assert spec["config"]["axis"]["labelAngle"] == -30  # kept
    assert spec["config"]["axis"]["labelFontSize"] == export_theme.SLIDE_TYPE.label  # theme wins


def test_empty_subtitle_and_footer_lines_are_left_out():
    spec = export.slide_chart(
        synthetic_chart(),
        title="t",
        subtitle=["", "  "],
        footer_source=["a  b", ""],
        link="l",
        lang="en",
    ).to_dict()
    assert "subtitle" not in spec["title"]
    assert spec["layer"][-1]["encoding"]["strokeDash"]["scale"]["domain"] == [
        "a b",
        "Open this view: l",
    ]


def test_long_titles_and_footers_wrap_within_the_slide_and_the_link_stays_whole():
    long_source = "Source: " + "a very long citation of the report " * 8
    link = "http://localhost:8501/industries?lang=en&industry=travel&" + "x=" + "y" * 120
    spec = export.slide_chart(
        synthetic_chart(),
        title="A title that is far too long for one line of a slide " * 2,
        subtitle="Filters: " + "archetype A, " * 20,
        footer_source=long_source,
        link=link,
        lang="en",
    ).to_dict()
    sizes = export_theme.SLIDE_TYPE
    room = 1920 - 2 * sizes.padding  # the whole slide but its margins: nothing may pass it
    title = spec["title"]
    footer = spec["layer"][-1]["encoding"]["strokeDash"]["scale"]["domain"]
    assert (len(title["text"]), len(title["subtitle"]), len(footer)) == (2, 3, 4)
    for lines, font_px in ((title["text"], sizes.title), (title["subtitle"], sizes.subtitle)):
        assert all(text_width(line, font_px) < room for line in lines)
    assert footer[-1] == link  # on a line of its own, whole
    assert " ".join(footer[:-1]) == f"{' '.join(long_source.split())} Open this view:"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"size": "a4"}, ValueError),
        ({"theme": "sepia"}, ValueError),
        ({"lang": "fr"}, ValueError),
    ],
)
def test_slide_chart_rejects_unknown_options(kwargs, error):
    args = {
        "title": "t",
        "subtitle": "",
        "footer_source": "s",
        "link": "l",
        "lang": "en",
        **kwargs,
    }
    with pytest.raises(error):
        export.slide_chart(synthetic_chart(), **args)


def test_slide_chart_refuses_concatenated_charts():
    chart = alt.hconcat(synthetic_chart(), synthetic_chart())
    with pytest.raises(TypeError, match="single or layered"):
        export.slide_chart(chart, title="t", subtitle="", footer_source="s", link="l", lang="en")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"ja": "出典：R", "en": "Source: R"}),
        (
            {"statistic": "法人企業統計調査 0003060791", "fiscal_year": 2022},
            {
                "ja": "出典：R　／　統計：法人企業統計調査 0003060791（2022年度）",
                "en": "Source: R / Statistics: 法人企業統計調査 0003060791 (fiscal year 2022)",
            },
        ),
        (
            {"schematic": True},
            {
                "ja": "出典：R　／　配置は模式図"
                "（レポートの分類による位置で、統計値ではありません）",
                "en": "Source: R / Schematic placement (positions follow the report's "
                "classification, not figures)",
            },
        ),
    ],
)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_source_line(kwargs, expected, lang):
    assert export.source_line(lang, "R", **kwargs) == expected[lang]


def test_dark_theme_draws_points_opaque():
    for theme in ("dark", "contrast"):
        assert export_theme.theme_config(theme, "slide_16_9")["point"]["opacity"] == 1
    assert "opacity" not in export_theme.theme_config("light", "slide_16_9")["point"]
