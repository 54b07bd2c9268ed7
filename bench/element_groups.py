"""Which of /map's element groups cost the most on a rerun: /map (or its bare copy) less one.

bench/element_floor.py showed that a bare page carrying /map's elements (no logic) costs
about as much as /map. This script splits that floor into groups (language, navigation,
filters, agenda, top switches, downloads, notes, card chooser and table switch, footer).
One warm server per variant, one browser, one click on each page per round, interleaved
in an order that rotates every round so that load on the shared machine falls on all
alike. Two modes:
- default: bench/bare_like_map.py's elements, each group behind a switch; the click is the
  bare page's radio until its 25-point chart shows the other series;
- --real: copies of this repository's app with one group's code patched out (PATCHES);
  the click is /map's archetype pill E1 until the chart shows exactly those points. A
  patch that no longer applies stops the script and names it.
Per click it prints the median wall time, the mean CPU time of the whole browser and of
the server (/proc; ticks are 0.01 s, a mean resolves what a median rounds away), and the
page's own renderer main-thread time by kind (Chrome's Performance domain: without the
other pages, the driver or the browser process), and what leaving a group out saves.

    .venv/bin/python bench/element_groups.py [--repeat 20] [--only agenda nav] [--real]

Figures (2026-11-27, load 1-4 on 2 shared cores, 20 rounds each; main at 91f1b50), two
--real runs: /map 0.345 and 0.351 s wall per click, 1.49x and 1.64x the bare page; page
main thread 0.29-0.30 s (bare 0.15 s). Saved by leaving out one group (wall / main
thread, s; run-to-run noise about +-0.015): search + phase + kind + impact filters
0.002-0.033 / 0.027-0.039; top switches 0.012-0.027 / 0.00-0.03; card chooser + table
switch 0.00-0.02 / 0.00-0.01; language 0.013-0.019 / 0.00-0.02; notes 0.00-0.016 /
0.00-0.02; footer 0.010 / 0.010; download 0.00-0.01 / 0.00-0.02; agenda 0.005 /
0.004-0.007; navigation 0.002-0.003 / 0.004-0.010. Several at once: footer + agenda ->
1.38x; agenda + footnotes + switches -> 1.40x; the main area's extras -> 1.38x; the
whole sidebar but the archetype pill -> 1.21x; every group -> 1.12x (title, pill, chart).
No group carries the gap: it is spread over every element (3-8 ms of main thread each;
widgets more than captions and links), so 1.3x needs about half of /map's elements gone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean

from playwright.sync_api import Page

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    BARE_APP,
    REPO,
    Server,
    cpu_seconds,
    load_average,
    median,
    open_settled,
    served_browser,
)
from interaction import bare_chart, map_filter  # noqa: E402

# bench/bare_like_map.py with each group behind `if "<group>" not in OFF`.
TEMPLATE = """
import altair as alt
import pandas as pd
import streamlit as st

OFF = {off!r}
st.set_page_config(page_title="bare", layout="wide")
bar = st.sidebar
if "stub" in OFF:  # listed with the sidebar's groups: a sidebar of one caption
    bar.caption("サイドバー")
if "lang" not in OFF:
    bar.radio("言語", ["日本語", "English"], horizontal=True, key="lang")
if "nav" not in OFF:
    bar.caption("ページ")
    for i in range(6):
        bar.page_link(f"https://example.org/{{i}}", label=f"ページ {{i}}",
                      icon=":material/arrow_right:")
if "filters" not in OFF:
    bar.subheader("見出し", anchor=False)
    bar.text_input("検索", key="q", placeholder="例", help="説明")
    bar.pills("選択 1", ["A", "B", "C", "D", "E1", "E2"], selection_mode="multi", key="arch",
              help="説明")
    bar.pills("選択 2", ["項目 1", "項目 2", "項目 3"], selection_mode="multi", key="ph",
              help="説明")
    bar.segmented_control("選択 3", ["項目 1", "項目 2"], key="kind")
    bar.multiselect("選択 4", ["1", "2", "3", "4", "5", "6"], key="imp", placeholder="例")
if "agenda" not in OFF:
    bar.subheader("見出し 2", anchor=False)
    bar.text_input("名前", key="name")
    bar.button("保存", icon=":material/bookmark_add:")
    bar.caption("説明")
    bar.file_uploader("ファイル", type=["yaml"], key="up", help="説明")
if "toggles" not in OFF:
    with st.container(horizontal=True):
        st.toggle("スイッチ 1", key="t1", help="説明")
        st.toggle("スイッチ 2", key="t2", help="説明")
series = st.radio("series", ["a", "b"], horizontal=True, key="series")
st.title(f"Bare app {{series}}", anchor=False)
step = 3 if series == "a" else 5
data = pd.DataFrame({{"x": range(25), "y": [(i * step) % 17 for i in range(25)]}})
chart = alt.Chart(data).mark_point(filled=True, size=80).encode(x="x:Q", y="y:Q")
st.altair_chart(chart, width="stretch")
if "download" not in OFF:
    st.popover("ダウンロード", icon=":material/download:")
if "notes" not in OFF:
    st.caption("注 1")
    st.caption("注 2")
if "card" not in OFF:
    st.selectbox("選ぶ", ["項目 1", "項目 2"], index=None, key="sel")
    st.toggle("表", key="table")
if "notes" not in OFF:
    st.caption("注 3")
if "footer" not in OFF:
    st.divider()
    st.caption("出典")
    st.caption("注 4")
    st.caption("リンク", help="説明")
    st.code("http://localhost:8501/map?lang=ja", language=None, wrap_lines=True)
"""
GROUPS = ("lang", "nav", "filters", "agenda", "toggles", "download", "notes", "card", "footer")


def variant_script(folder: Path, name: str, off: tuple[str, ...]) -> Path:
    """The like-map page without the groups in `off`, beside a copy of our config."""
    home = folder / name
    shutil.copytree(REPO / ".streamlit", home / ".streamlit")
    script = home / "app.py"
    script.write_text(TEMPLATE.format(off=set(off)), encoding="utf-8")
    return script


METRICS = ("TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration")


def main_thread(session) -> dict[str, float]:
    """The page's renderer main-thread time so far (s), by kind (Chrome's Performance domain):
    this page's own work, without the other pages, the driver or the browser process."""
    found = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    return {name: found.get(name, 0.0) for name in METRICS}


@dataclass
class Figures:
    """Per click: wall time, the server's CPU, the whole browser's CPU (/proc), and the
    page's own renderer main-thread time by kind (CDP)."""

    wall: list[float] = field(default_factory=list)
    server_cpu: list[float] = field(default_factory=list)
    browser_cpu: list[float] = field(default_factory=list)
    renderer: dict[str, list[float]] = field(default_factory=dict)


Case = tuple[Path, str, Callable[[Page, int], None]]  # script, path to open, click n


def measure(cases: dict[str, Case], repeat: int, limit_s: float = 900) -> dict[str, Figures]:
    """One warm server per case, one browser; a click on each page per round, interleaved."""
    servers = {name: Server(script) for name, (script, _, _) in cases.items()}
    names = list(servers)
    figures = {name: Figures() for name in names}
    started = time.monotonic()
    with served_browser(servers) as (browser, browser_pids):
        pages, cdp = {}, {}
        for name, (_, path, act) in cases.items():
            page = open_settled(browser, servers[name].url + path)
            for n in range(2):  # warm-up
                act(page, n)
            pages[name] = page
            cdp[name] = page.context.new_cdp_session(page)
            cdp[name].send("Performance.enable")
        for n in range(2, 2 + repeat):
            if time.monotonic() - started > limit_s:  # bounded in time as well as in count
                print(f"stopped after {limit_s:.0f} s")
                break
            shift = n % len(names)  # a rotating order: no case always goes first
            for name in names[shift:] + names[:shift]:
                fig, act = figures[name], cases[name][2]
                pid = servers[name].proc.pid
                cpu0, bcpu0 = cpu_seconds([pid]), cpu_seconds(browser_pids)
                m0 = main_thread(cdp[name])
                t0 = time.perf_counter()
                act(pages[name], n)
                fig.wall.append(time.perf_counter() - t0)
                m1 = main_thread(cdp[name])
                fig.server_cpu.append(cpu_seconds([pid]) - cpu0)
                fig.browser_cpu.append(cpu_seconds(browser_pids) - bcpu0)
                for metric, value in m1.items():
                    fig.renderer.setdefault(metric, []).append(value - m0[metric])
    return figures


def report(figures: dict[str, Figures], base: str, full: str) -> None:
    """Medians of wall time and means of CPU times (ticks are 0.01 s), against `base` (the
    bare page) and what each case saves against `full`."""
    print(f"\n{'case':<12}{'median s':>9}{'vs ' + base:>11}{'saves s':>9}{'browser CPU s':>15}"
          f"{'page main s':>13}{'script':>8}{'style':>7}{'layout':>8}{'saves':>7}"
          f"{'server CPU s':>14}")  # fmt: skip
    full_wall, full_task = median(figures[full].wall), fmean(figures[full].renderer[METRICS[0]])
    for name, fig in figures.items():
        wall = median(fig.wall)
        task, script, style, layout = (fmean(fig.renderer[m]) for m in METRICS)
        print(f"{name:<12}{wall:>9.3f}{wall / median(figures[base].wall):>10.2f}x"
              f"{full_wall - wall:>9.3f}{fmean(fig.browser_cpu):>15.3f}{task:>13.3f}"
              f"{script:>8.3f}{style:>7.3f}{layout:>8.3f}{full_task - task:>7.3f}"
              f"{fmean(fig.server_cpu):>14.3f}")  # fmt: skip


# --real: (file, text, replacement) per group, applied to a copy of the repository
UI, MAP = "src/genai_impact/ui", "pages/map.py"
PAGE, BLOCKS, BAR = f"{UI}/page.py", f"{UI}/blocks.py", f"{UI}/top_bar.py"
PATCHES: dict[str, list[tuple[str, str, str]]] = {
    "lang": [(PAGE, "        _language_selector(lang)\n", "        pass\n")],
    "nav": [(PAGE, "the current language, carrying the language.\"\"\"\n",
             "the current language, carrying the language.\"\"\"\n    return\n")],
    "filters": [  # the search, phase, kind and impact filters (the archetype pill is clicked)
        (MAP, '        ("phase", bar.pills', '        # ("phase", bar.pills'),
        (MAP, '        ("kind", bar.segmented_control, {}),', ""),
        (MAP, '        ("impact", bar.multiselect', '        # ("impact", bar.multiselect'),
        (MAP, "    widget(\n        bar.text_input,", "    0 and widget(\n        bar.text_input,"),
    ],
    "agenda": [(BLOCKS, "    copy_link(ctx)\n    agenda_panel(ctx)\n", "    copy_link(ctx)\n")],
    "toggles": [(BAR, "    views = current_agenda().views\n    with st.container(",
                 "    views = current_agenda().views\n    return\n    with st.container(")],
    "download": [(MAP, "    ui.map_downloads(ctx, mv, selected)", "    pass  #")],
    "notes": [(MAP, "    notes(ctx, mv)\n", ""), (MAP, '    st.caption(ctx.t("map.intro"))\n', "")],
    "card": [(MAP, "        card(ctx, mv, selected)\n", "        pass\n"),
             (MAP, "        data_table(ctx, mv)\n", "")],
    "footer": [(BLOCKS, "    st.divider()\n", ""),
               (BLOCKS, "    st.caption(ctx.t(basis_key))\n", ""),
               (BLOCKS, "    copy_link(ctx)\n", "")],
}  # fmt: skip


def patched_app(folder: Path, name: str, groups: set[str]) -> Path:
    """A copy of the app without `groups`; its package found before the installed one."""
    home = folder / name
    home.mkdir()
    for part in ("app.py", "pages", "data", ".streamlit"):
        copy = shutil.copytree if (REPO / part).is_dir() else shutil.copy
        copy(REPO / part, home / part)
    shutil.copytree(REPO / "src" / "genai_impact", home / "src" / "genai_impact")
    (home / "genai_impact").symlink_to(home / "src" / "genai_impact")  # the script's folder
    for group in sorted(groups):
        for rel, old, new in PATCHES[group]:
            text = (home / rel).read_text(encoding="utf-8")
            if old not in text:
                raise SystemExit(f"{rel}: patch for group {group!r} no longer applies: {old!r}")
            (home / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
    return home / "app.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed rounds (1..60)")
    parser.add_argument("--only", nargs="*", choices=GROUPS, help="groups to leave out")
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAME=G1,G2",
        help="a further variant that leaves out several groups (repeatable)",
    )
    parser.add_argument("--real", action="store_true", help="patched copies of /map")
    args = parser.parse_args()
    if not 1 <= args.repeat <= 60:
        parser.error("--repeat must be 1..60")
    groups = GROUPS if args.only is None else args.only
    mode = "/map patched" if args.real else "bare_like_map"
    print(f"element groups ({mode}), {args.repeat} interleaved rounds after 2 warm-up; "
          f"{load_average()}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="element-groups-") as tmp:
        folder = Path(tmp)
        full = "map" if args.real else "like-map"
        off = {full: set()} | {f"-{g}": {g} for g in groups}
        for spec in args.variant:
            name, _, listed = spec.partition("=")
            off[name] = {g for g in listed.split(",") if g in GROUPS or g == "stub"}
        cases: dict[str, Case] = {"bare": (BARE_APP, "/", bare_chart)}
        for name, groups_off in off.items():
            if args.real:
                cases[name] = (patched_app(folder, name, groups_off - {"stub"}), "/map", map_filter)
            else:
                cases[name] = (variant_script(folder, name, tuple(groups_off)), "/", bare_chart)
        report(measure(cases, args.repeat), "bare", full)
    print(f"after: {load_average()}  (CPU clock ticks are {1 / os.sysconf('SC_CLK_TCK'):.2f} s)")


if __name__ == "__main__":
    main()
