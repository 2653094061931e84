"""The kommun against its comparison kommuner (lagesbild.peers): rank, band, outliers, verdict,
peers from the kommun file, and the seeded real data (peer rows never reach a kommun view)."""
import math
import re

import pandas as pd
import pytest

from lagesbild.queries import indicators as iv
from lagesbild import peers
from lagesbild.config import PROJECT_ROOT, load_kommun
from lagesbild.importers import bra
from lagesbild.picture import load_live
from tests.unit.picture_factory import picture

# Synthetic numbers below (1 … 9, 100, 300): only the rules are tested, no real figure.
RATE = "bra_total_per100k"  # lower_better
NEUTRAL = "bra_drugs_weapons_per100k"  # direction neutral
KOMMUN = load_kommun().code
PEERS = load_kommun().peers.codes


def _pic(rows):
    return picture(rows)


def _year(values_by_area: dict[str, float], year: str = "2025", ind: str = RATE) -> list[tuple]:
    return [(ind, a, year, v) for a, v in values_by_area.items()]


def test_rank_one_is_the_fewest_and_ties_share_the_better_place():
    assert peers.rank_of(1.0, [2.0, 3.0]) == 1
    assert peers.rank_of(5.0, [1.0, 2.0, 5.0, 9.0]) == 3  # the tie with 5 does not push it down
    assert peers.rank_of(10.0, [1.0, 2.0]) == 3


def test_band_is_the_peers_middle_half_and_excludes_the_kommun():
    vals = dict(zip(PEERS, [float(v) for v in range(1, 10)]))  # nine peers: 1 … 9
    pic = _pic(_year({KOMMUN: 100.0, **vals}))
    row = peers.comparison(pic, RATE).iloc[-1]
    assert (row["p25"], row["median"], row["p75"], row["min"], row["max"]) == (3.0, 5.0, 7.0, 1.0, 9.0)
    assert row["n_peers"] == 9 and row["rank"] == 10 and row["n_ranked"] == 10
    assert row["kommun_value"] == 100.0


def test_a_hidden_or_missing_peer_value_is_left_out_and_counted():
    vals = dict(zip(PEERS[:4], [10.0, 20.0, 30.0, 40.0]))
    pic = _pic(_year({KOMMUN: 25.0, **vals}) + [(RATE, PEERS[4], "2025", None, "saknas")])
    row = peers.comparison(pic, RATE).iloc[-1]
    assert row["n_peers"] == 4 and row["rank"] == 3 and row["n_ranked"] == 5


def test_too_few_peers_give_no_band_rank_or_verdict():
    pic = _pic(_year({KOMMUN: 5.0, PEERS[0]: 1.0, PEERS[1]: 2.0}))
    row = peers.comparison(pic, RATE).iloc[-1]
    assert math.isnan(row["p25"]) and row["rank"] is None
    assert peers.peer_verdict(pic, RATE) is None


def test_outlier_is_more_than_twice_the_median_of_the_neighbouring_years():
    def marked(series: list[float]) -> list[bool]:
        df = pd.DataFrame({"area_code": "x", "year": range(2000, 2000 + len(series)), "value": series})
        return peers.mark_outliers(df)["outlier"].tolist()

    assert marked([100, 100, 300, 100, 100]) == [False, False, True, False, False]
    assert marked([100, 100, 200, 100, 100]) == [False] * 5  # exactly twice is not more than twice
    assert marked([100, 100, 190, 100, 100]) == [False] * 5
    assert marked([100, 900]) == [False, False]  # one neighbouring year is too few to judge
    df = pd.DataFrame({"area_code": ["a"] * 3 + ["b"] * 3, "year": [2000, 2001, 2002] * 2, "value": [100, 100, 100, 1, 500, 1]})
    assert peers.mark_outliers(df)["outlier"].tolist() == [False] * 3 + [False, True, False]  # per kommun


def test_outliers_are_marked_and_still_counted():
    base = {KOMMUN: 50.0, **dict(zip(PEERS, [10.0, 20.0, 30.0, 40.0, 60.0, 70.0, 80.0, 90.0, 100.0]))}
    rows = []
    for y in range(2019, 2024):
        vals = dict(base)
        if y == 2021:
            vals[PEERS[-1]] = 1000.0  # ten times its neighbours
        rows += _year(vals, str(y))
    table = peers.comparison(_pic(rows), RATE).set_index("period")
    name = load_kommun().peers.names[PEERS[-1]]
    assert table.loc["2021", "outliers"] == ((name, 1000.0, 100.0),)
    assert table.loc["2021", "max"] == 1000.0 and table.loc["2021", "n_peers"] == 9  # kept, not dropped
    assert table.loc["2020", "outliers"] == ()


@pytest.mark.parametrize("value,expected", [(2.9, "lagre"), (3.0, "i_niva"), (5.0, "i_niva"), (7.0, "i_niva"), (7.1, "hogre")])
def test_position_thresholds(value, expected):
    assert peers.position(value, 3.0, 7.0) == expected


def test_reading_follows_the_registry_direction():
    assert peers.reading("lagre", "lower_better") == "battre"
    assert peers.reading("hogre", "lower_better") == "samre"
    assert peers.reading("lagre", "higher_better") == "samre"
    assert peers.reading("i_niva", "lower_better") == "i_niva"
    assert peers.reading("lagre", "neutral") is None


def test_verdict_sentence_for_the_newest_year():
    vals = dict(zip(PEERS, [float(v) for v in range(1, 10)]))
    rows = _year({KOMMUN: 2.0, **vals}, "2024") + _year({KOMMUN: 8.0, **vals}, "2025")
    v = peers.peer_verdict(_pic(rows), RATE)
    assert (v.period, v.value, v.rank, v.n_ranked, v.position, v.reading) == ("2025", 8.0, 8, 10, "hogre", "samre")
    text = v.sentence("sv")
    assert text.startswith(f"{load_kommun().name} 2025: 8 per 100 000 inv.") and "plats 8 av 10 (1 = lägst)" in text
    assert "högre än jämförbara kommuner" in text
    assert "sämre" in v.reading_text("sv") and "rank 8 of 10 (1 = lowest)" in v.sentence("en")
    low = peers.peer_verdict(_pic(_year({KOMMUN: 2.0, **vals})), RATE)
    assert (low.position, low.reading, low.rank) == ("lagre", "battre", 2)


def test_neutral_indicator_gets_no_better_or_worse():
    vals = dict(zip(PEERS, [float(v) for v in range(1, 10)]))
    v = peers.peer_verdict(_pic(_year({KOMMUN: 1.0, **vals}, ind=NEUTRAL)), NEUTRAL)
    assert v.position == "lagre" and v.reading is None
    assert "ligger bättre" not in v.reading_text("sv") and "ligger sämre" not in v.reading_text("sv")
    assert "ingen bedömning" in v.reading_text("sv")


def test_peers_come_from_the_kommun_file(tmp_path, monkeypatch):
    text = (PROJECT_ROOT / "data" / "kommun.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[peers\].*", '[peers]\ncodes = ["9901", "9902", "9903"]\nnames = ["A", "B", "C"]\nreason_sv = "test"\n', text)
    path = tmp_path / "kommun.toml"
    path.write_text(text, encoding="utf-8")
    cfg = load_kommun(path)
    monkeypatch.setattr(peers, "load_kommun", lambda: cfg)
    assert peers.config().codes == ("9901", "9902", "9903") and peers.config().reason("sv") == "test"
    rows = _year({cfg.code: 5.0, "9901": 1.0, "9902": 2.0, "9903": 9.0, PEERS[0]: 0.5})
    vals = peers.values(_pic(rows), RATE)
    assert set(vals["name"]) == {cfg.name, "A", "B", "C"}  # the default peer is not one any more
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('names = ["A", "B", "C"]', 'names = ["A"]'), encoding="utf-8")
    with pytest.raises(ValueError):
        load_kommun(bad).peers  # noqa: B018


def test_no_kommun_is_named_in_the_code():
    """Peers are configuration: neither their codes nor their names appear in the package."""
    cfg = load_kommun()
    needles = [f'"{c}"' for c in (cfg.code, *cfg.peers.codes)] + list(cfg.peers.names.values())
    for py in (PROJECT_ROOT / "lagesbild").rglob("*.py"):
        if py.name in ("peers.py", "peers_ui.py") or "bra" in py.name:
            text = py.read_text(encoding="utf-8")
            assert not [n for n in needles if n in text], py


def test_categories_reuse_the_importers_mapping():
    ids = [i.id for i in peers.categories()]
    assert ids == [bra.indicator_id(k, "per100k") for k in bra.KEYS]
    assert [i.id for i in peers.categories("andts")] == ["bra_drugs_weapons_per100k"]


# --- the seeded real data -----------------------------------------------------------------------


def test_seeded_peers_are_separate_from_the_kommun_series(store):
    with store.session() as s:
        pic = load_live(s)
    obs = pic.table("observations")
    kommun, codes = load_kommun().code, load_kommun().peers.codes
    peer_obs = obs[obs["area_code"].isin(codes)]
    assert set(peer_obs["area_code"]) == set(codes)
    assert len(peer_obs) == len(codes) * 30 * 12  # 30 years × 6 categories × (count, rate)
    d = pic.table("districts").set_index("code")
    assert (d.loc[list(codes), "level"] == bra.PEER_LEVEL).all()
    assert (d["level"] == "kommun").sum() == 1  # the kommun stays the only "kommun"
    # The Huddinge rows of the comparison file are identical to the kommun's own series.
    from tests.unit.importers.helpers import raw

    parsed = bra.parse(raw("bra_jmf/bra_anmalda_brott_jmf_kommuner_1996_2025.csv"), "jmf.csv")
    own = parsed.records[parsed.records["area_code"] == kommun]
    for iid, g in own.groupby("indicator_id"):
        s = iv.series(pic, iid)
        assert s["period"].tolist() == sorted(g["period"]) and s["value"].tolist() == g.sort_values("period")["value"].tolist(), iid
    # Views filter on the kommun's code: no peer value in the kommun's series.
    for ind in peers.categories():
        assert len(iv.series(pic, ind.id)) == 30


def test_seeded_outliers_and_verdicts(store):
    with store.session() as s:
        pic = load_live(s)
    names = load_kommun().peers.names
    marked = {(n, p) for ind in peers.categories() for n, p, o in
              zip(peers.values(pic, ind.id)["name"], peers.values(pic, ind.id)["period"], peers.values(pic, ind.id)["outlier"]) if o}
    person = peers.values(pic, "bra_person_per100k")
    drugs = peers.values(pic, "bra_drugs_weapons_per100k")
    assert person[(person["name"] == names["0123"]) & (person["period"] == "2004")]["outlier"].all()
    assert drugs[(drugs["name"] == names["0191"]) & (drugs["period"] == "2024")]["outlier"].all()
    assert (names["0191"], "2024") in marked
    for ind in peers.categories():
        v = peers.peer_verdict(pic, ind.id)
        assert v is not None and v.period == "2025" and v.n_ranked == 10, ind.id
