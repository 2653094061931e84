"""Choropleth classing: classes, legend, and the two kinds of "no value"."""
from __future__ import annotations

import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from lagesbild.geo import choropleth as ch


def table(values, suppressed=None):
    codes = [f"A{i}" for i in range(len(values))]
    return pd.DataFrame({"code": codes, "value": values, "suppressed": suppressed or [False] * len(values)})


def test_quantile_breaks_span_the_values():
    edges = ch.breaks(pd.Series(range(1, 101)), 5)
    assert edges[0] == 1 and edges[-1] == 100 and len(edges) == 6
    assert edges == sorted(edges)


def test_degenerate_inputs():
    assert ch.breaks(pd.Series([], dtype=float)) == []
    assert ch.breaks(pd.Series([7.0, 7.0])) == [7.0, 7.0]
    assert len(ch.breaks(pd.Series([1.0, 2.0]), 5)) == 3  # at most one class per distinct value


def test_missing_is_grey_and_says_uppgift_saknas():
    c = ch.classify(table([10.0, None, 30.0]))
    assert c.color_of("A1") == ch.MISSING_COLOR
    assert c.state_of("A1") == ch.MISSING
    assert ch.LegendItem(ch.MISSING_COLOR, "Uppgift saknas", ch.MISSING) in c.legend


def test_suppressed_is_never_classed_even_when_its_value_is_known():
    # A hidden count of 2 must not be coloured like the lowest class (or like zero).
    c = ch.classify(table([2.0, 0.0, 50.0, 80.0], suppressed=[True, False, False, False]))
    assert c.state_of("A0") == ch.HIDDEN
    assert c.color_of("A0") == ch.SUPPRESSED_COLOR
    assert c.color_of("A0") not in ch.PALETTE
    assert c.table.loc[c.table["code"] == "A0", "klass"].iloc[0] == -1
    assert 2.0 not in c.breaks and c.breaks[0] == 0.0
    hidden = [i for i in c.legend if i.kind == ch.HIDDEN]
    assert hidden and hidden[0].label.startswith("..")


def test_zero_is_a_value_not_missing():
    c = ch.classify(table([0.0, 5.0, 9.0]))
    assert c.state_of("A0") == ch.OK and c.color_of("A0") == ch.PALETTE[0]


def test_legend_labels_are_swedish_numbers():
    c = ch.classify(table([1000.0, 2500.5, 8398.0]), decimals=0)
    labels = [i.label for i in c.legend if i.kind == ch.OK]
    assert labels[0].startswith("1\u00a0000") and "\u2013" in labels[0]


def test_two_classes_use_light_and_dark():
    assert ch.palette_for(2) == [ch.PALETTE[0], ch.PALETTE[-1]]
    assert ch.palette_for(5) == list(ch.PALETTE)


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=40))
def test_classes_are_monotone_and_in_range(values):
    edges = ch.breaks(pd.Series(values))
    classes = [ch.class_of(v, edges) for v in values]
    n = max(len(edges) - 1, 1)
    assert all(0 <= k < n for k in classes)
    pairs = sorted(zip(values, classes))
    assert all(a[1] <= b[1] for a, b in zip(pairs, pairs[1:]))


def test_class_of_missing_is_minus_one():
    assert ch.class_of(math.nan, [0.0, 1.0]) == -1
    assert ch.class_of(1.0, []) == -1
