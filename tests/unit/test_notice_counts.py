"""Counts of published notices of chosen types (shootings, explosions) for a focus area: read
from the one protected notice table, per year for the kommun, hidden years as "..", the source's
break marked, no verdict word; and the registry keeps them apart from observation indicators."""
from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest

from lagesbild import notice_counts as nc
from lagesbild.geo import events
from lagesbild.picture import load_live
from lagesbild.registry.indicators import for_focus_area, indicator, notice_counts

IND = "polisen_skott_explosion"


@pytest.fixture
def pic(store):
    with store.session() as s:
        return load_live(s)


def test_registry_keeps_notice_counts_apart():
    assert [i.id for i in notice_counts("gang")] == [IND]
    assert IND not in {i.id for i in for_focus_area("gang")}
    assert indicator(IND).unit == "antal" and indicator(IND).direction == "neutral"


def test_yearly_counts_come_from_the_protected_table(pic):
    c = nc.count(pic, indicator(IND))
    table = events.protected(pic)
    assert [(y.year, y.hidden) for y in c.years] == [(y, h) for y, _v, h in table.kommun_counts(IND)]
    ev = pic.table("police_events")
    hit = ev[ev["type"].isin(indicator(IND).notice_types)]
    years = pd.to_datetime(hit["occurred_at"]).dt.year.astype(str)
    for y in c.years:  # every shown value is the true count, every hidden one a NaN
        true = int((years == y.year).sum())
        assert (math.isnan(y.value) and y.hidden) if 0 < true < 5 else y.value == true
    assert c.total == len(hit) and not c.total_hidden


def test_hidden_years_cannot_be_recovered_from_the_total(pic):
    c = nc.count(pic, indicator(IND))
    hidden = [y for y in c.years if y.hidden]
    shown = sum(y.value for y in c.years if not y.hidden)
    assert len(hidden) != 1, "one hidden year = total minus the shown years"
    if hidden:
        assert c.total - shown >= 5


def test_the_source_break_and_partial_years_are_marked(pic):
    c = nc.count(pic, indicator(IND))
    labels = [nc.year_label(y) for y in c.years]
    assert "2026 (delår, ej jämförbart)" in labels and "2025" in labels
    assert "Stockholms län" in c.break_note
    text = nc.summary(c)
    assert text.startswith("Publicerade händelser om skottlossning, explosion eller detonation: ")
    for word in ("bättre", "sämre", "oförändrat", "per 100 000", "per 1 000"):
        assert word not in text
    t = nc.table(c)
    assert list(t.columns) == ["År", "Publicerade notiser"] and t.iloc[-1, 0].startswith("Totalt sedan")


def test_no_notices_gives_no_count(pic):
    none = replace(pic, tables={**pic.tables, "police_events": pic.table("police_events").iloc[0:0]})
    assert nc.count(none, indicator(IND)) is None
