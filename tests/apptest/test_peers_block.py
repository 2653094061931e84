"""Fokusområden: "Jämfört med liknande kommuner" on the real seeded data (AppTest)."""
from __future__ import annotations

import json

import pytest

from lagesbild import peers
from lagesbild.config import load_kommun
from tests.apptest.helpers import open_page, texts

FOCUS = ("gang", "andts", "vinr", "trygghet")


def _specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def _title(spec: dict) -> str:
    title = spec["layout"].get("title", {})
    return title.get("text", "") if isinstance(title, dict) else str(title)


@pytest.mark.parametrize("fid", FOCUS)
def test_each_focus_area_shows_a_peer_block_per_bra_category(fresh_app_db, fid):
    at = open_page("fokusomraden", {"fokus": fid})
    assert not at.exception
    kommun = load_kommun().name
    cats = peers.categories(fid)
    assert cats, fid  # every focus area has at least one Brå category
    assert "Jämfört med liknande kommuner" in [s.value for s in at.subheader]
    titles = [_title(s) for s in _specs(at)]
    text = texts(at)
    for ind in cats:
        assert f"{ind.name_sv} – {kommun} och jämförbara kommuner" in titles, ind.id
        assert f"**{ind.name_sv}**" in text
    # verdict sentence first, with the rank and the band
    assert text.count(f"**{kommun} 2025") == len(cats)
    assert "(1 = lägst)" in text and "mittenhalva" in text
    assert "Anmälningsbenägenheten skiljer sig mellan kommuner" in text
    for name in load_kommun().peers.names.values():
        assert name in text  # the peer list, with the reason, in the expander
    assert "SKR\\:s kommungruppsindelning fanns inte tillgänglig som fil" in text


def test_the_chart_has_band_median_kommun_and_marked_outliers(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "andts"})
    kommun = load_kommun().name
    spec = next(s for s in _specs(at) if _title(s).endswith("jämförbara kommuner"))
    names = [t.get("name") for t in spec["data"]]
    assert "Jämförelsekommuner, mittenhalvan (25:e–75:e percentilen)" in names
    assert "Jämförelsekommuner, median" in names and kommun in names
    outliers = [t for t in spec["data"] if t.get("name") == "Avvikande värde (markerat, medräknat)"]
    hover = " ".join(" ".join(t["customdata"]) for t in outliers)
    assert "Sigtuna 2024: 12\u00a0419" in hover  # kept and marked, not dropped
    text = texts(at)
    assert "Ersättningsmått för ANDTS" in text  # the combined category is named a proxy
    assert "för detta mått anges inte om högre eller lägre är bättre" in text.casefold()


def test_peer_rows_do_not_reach_the_kommun_views(fresh_app_db):
    """The indicator blocks show the kommun only: no "Alla värden" table of peer rows."""
    at = open_page("fokusomraden", {"fokus": "trygghet"})
    names = set(load_kommun().peers.names.values())
    for df in at.dataframe:
        cols = list(df.value.columns)
        if "Område" in cols:
            assert not names & set(df.value["Område"]), cols
    # The kommun's own trend is still only the kommun (30 years, one line).
    spec = next(s for s in _specs(at) if _title(s) == f"Anmälda brott totalt per 100 000 invånare – {load_kommun().name}")
    assert len(spec["data"][0]["x"]) == 30
