"""Exports of the picture to files (CSV, XLSX, …); no streamlit."""
