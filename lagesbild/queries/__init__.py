"""Queries: what the pages, the agenda builders and the document read from a Picture.

One module per subject (indicators, reforms, activities, the plan, observations, reference
tables). Every figure they return is already protected (small counts hidden); nothing here
writes or imports streamlit.
"""
