"""The bare one-chart app plus the kinds and number of elements /map sends on every rerun
(sidebar: language radio, navigation, filters, agenda; main: top switches, notes, chooser,
table toggle, footer, link), with no logic and placeholder labels: Streamlit's cost per
element on a rerun (bench/element_floor.py)."""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="bare", layout="wide")
bar = st.sidebar
bar.radio("言語", ["日本語", "English"], horizontal=True, key="lang")
bar.caption("ページ")
for i in range(6):
    bar.page_link(f"https://example.org/{i}", label=f"ページ {i}", icon=":material/arrow_right:")
bar.subheader("見出し", anchor=False)
bar.text_input("検索", key="q", placeholder="例")
bar.pills("選択 1", ["A", "B", "C", "D", "E1", "E2"], selection_mode="multi", key="arch")
bar.pills("選択 2", ["項目 1", "項目 2", "項目 3"], selection_mode="multi", key="ph")
bar.segmented_control("選択 3", ["項目 1", "項目 2"], key="kind")
bar.multiselect("選択 4", ["1", "2", "3", "4", "5", "6"], key="imp")
bar.subheader("見出し 2", anchor=False)
bar.text_input("名前", key="name")
bar.button("保存", icon=":material/bookmark_add:")
bar.caption("説明")
bar.file_uploader("ファイル", type=["yaml"], key="up")
with st.container(horizontal=True):
    st.toggle("スイッチ 1", key="t1")
    st.toggle("スイッチ 2", key="t2")
series = st.radio("series", ["a", "b"], horizontal=True, key="series")
st.title(f"Bare app {series}", anchor=False)
step = 3 if series == "a" else 5
data = pd.DataFrame({"x": range(25), "y": [(i * step) % 17 for i in range(25)]})
chart = alt.Chart(data).mark_point(filled=True, size=80).encode(x="x:Q", y="y:Q")
st.altair_chart(chart, width="stretch")
st.popover("ダウンロード", icon=":material/download:")
st.caption("注 1")
st.caption("注 2")
st.selectbox("選ぶ", ["項目 1", "項目 2"], index=None, key="sel")
st.toggle("表", key="table")
st.caption("注 3")
st.divider()
st.caption("出典")
st.caption("注 4")
st.caption("リンク")
st.code("http://localhost:8501/map?lang=ja", language=None, wrap_lines=True)
