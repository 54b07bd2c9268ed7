"""Shared fixtures. Test data: the bundled `data/`, or the SYNTHETIC `fixtures/minimal_data`."""

from __future__ import annotations

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def _bundled_data_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts on the bundled data unless it points GENAI_IMPACT_DATA_DIR elsewhere."""
    monkeypatch.delenv("GENAI_IMPACT_DATA_DIR", raising=False)


@pytest.fixture
def fresh_cache():
    """Clear st.cache_data, which is global to the process (AppTest runs in-process)."""
    st.cache_data.clear()
    yield
    st.cache_data.clear()
