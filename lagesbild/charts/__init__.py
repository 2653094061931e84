"""Plotly figures (no streamlit): shared by the pages, the exports and the tests."""
