"""Lägesbild Huddinge: the shared safety picture and reform follow-up.

Core modules (domain, store, importers, geo, charts, export, registry) never import
streamlit; only `lagesbild.ui` and the files in `pages/` do.
"""
__version__ = "0.1.0"
