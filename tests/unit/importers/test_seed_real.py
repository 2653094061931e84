"""A fresh store holds the real shipped data, imported through the UI importers."""
import pandas as pd

from lagesbild.importers.seed_real import seed_files
from lagesbild.picture import load_live


def test_fresh_store_has_the_real_data(store):
    with store.session() as s:
        pic = load_live(s)
    obs = pic.table("observations")
    bra = obs[obs["indicator_id"].str.startswith("bra_") & ~obs["indicator_id"].str.contains("kvartal")]
    for key in ("total", "person", "theft", "burglary", "vandalism", "drugs_weapons"):
        for unit in ("antal", "per100k"):
            periods = set(bra[bra["indicator_id"] == f"bra_{key}_{unit}"]["period"])
            assert periods == {str(y) for y in range(1996, 2026)}, (key, unit)
    q = obs[obs["indicator_id"] == "bra_total_kvartal_antal"].set_index("period")
    assert q.loc["2026K2", "status"] == "preliminar" and q.loc["2026K1", "status"] == "preliminar"
    assert q.loc["2025K4", "status"] == "ok" and len(q) == 48
    assert (obs["status"] == "preliminar").sum() == 4  # 2026K1–K2: count and Brå's rate
    r = obs[obs["indicator_id"] == "bra_total_kvartal_per100k"].set_index("period")
    assert r.loc["2025K4", "value"] == 2920  # Brå's published rate, not 3 343 / population (2 915)
    pop = obs[obs["indicator_id"] == "scb_befolkning"]
    deso = pop[pop["area_code"].str.match(r"^0126[A-C]\d{4}$")]
    regso = pop[pop["area_code"].str.match(r"^0126R\d{3}$")]
    assert len(deso) == 63 and len(regso) == 22
    assert deso["value"].sum() == regso["value"].sum() == 114683
    assert len(pic.table("police_events")) == 357
    d = pic.table("districts").set_index("code")
    assert d.loc["0126R009", "name"] == "Kungens Kurva-Kråkvik" and d.loc["0126C1490", "parent_code"] == "0126R022"


def test_every_seed_file_is_one_batch_with_source_and_vintage(store):
    with store.session() as s:
        batches = load_live(s).table("import_batches")
    seeded = batches[batches["filename"].isin([p for _k, p in seed_files()])]
    assert len(seeded) == len(seed_files())
    assert seeded["vintage"].notna().all() and (seeded["sha256"].str.len() == 64).all()
    assert (seeded["rows_added"] > 0).all()
    v = seeded.set_index("filename")["vintage"]
    assert v["data/raw/bra_sol/bra_anmalda_brott_totalt_kvartal_huddinge_0126_2014-2026.csv"] == "2026-06-30"
    assert v["data/raw/polisen_events/polisen_events_huddinge_2022-09_2026-08.json"] == "2026-08-14"  # the newest Huddinge notice in the archive
    from lagesbild.registry.sources import sources
    assert set(seeded["source_id"]) <= set(sources())


def test_no_partner_figures_are_invented(store):
    with store.session() as s:
        obs = load_live(s).table("observations")
    assert not obs["indicator_id"].str.startswith("partner_").any()
    assert pd.isna(obs[obs["status"] == "sekretess"]["value"]).all()
