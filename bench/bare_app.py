"""The baseline: a bare one-chart Streamlit app (a title, a radio that reruns, one Altair
chart of 25 points: as many as the statistics map's sectors)."""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="bare", layout="wide")
series = st.radio("series", ["a", "b"], horizontal=True, key="series")
st.title(f"Bare app {series}", anchor=False)
step = 3 if series == "a" else 5
data = pd.DataFrame({"x": range(25), "y": [(i * step) % 17 for i in range(25)]})
chart = alt.Chart(data).mark_point(filled=True, size=80).encode(x="x:Q", y="y:Q")
st.altair_chart(chart, width="stretch")
