"""The baseline: a bare one-chart Streamlit app (a title, a radio that reruns, one chart)."""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="bare", layout="wide")
series = st.radio("series", ["a", "b"], horizontal=True, key="series")
st.title(f"Bare app {series}", anchor=False)
step = 3 if series == "a" else 5
data = pd.DataFrame({"x": range(20), "y": [(i * step) % 17 for i in range(20)]})
st.altair_chart(alt.Chart(data).mark_bar().encode(x="x:O", y="y:Q"), width="stretch")
