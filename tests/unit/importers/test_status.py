"""What the Data page lists: import history and data per indicator (pure functions)."""
from lagesbild.importers import status
from lagesbild.picture import load_live
from lagesbild.registry.indicators import indicators


def test_history_and_loaded(store):
    with store.session() as s:
        pic = load_live(s)
    hist = status.import_history(pic.table("import_batches"))
    assert list(hist.columns) == status.HISTORY_COLUMNS and len(hist) == 14  # incl. the comparison kommuner's Brå file and the four area-factor files
    assert hist.iloc[0]["id"] > hist.iloc[-1]["id"]  # newest first
    assert "Polisen, händelser" in set(hist["kind"])
    loaded = status.loaded_by_indicator(pic.table("observations"), pic.table("police_events")).set_index("indicator_id")
    assert set(loaded.index) == set(indicators())
    # Every stored value counts: the kommun's 30 years and the same 30 for each comparison kommun.
    from lagesbild.config import load_kommun
    n_kommuner = 1 + len(load_kommun().peers.codes)
    assert loaded.loc["bra_total_antal", "observations"] == 30 * n_kommuner and loaded.loc["bra_total_antal", "first_period"] == "1996"
    assert loaded.loc["bra_total_kvartal_antal", "data_tom"] == "2026-06-30"
    assert "preliminar 2" in loaded.loc["bra_total_kvartal_antal", "statuses"]
    assert loaded.loc["polisen_handelser_antal", "observations"] == 357
    assert loaded.loc["partner_trygghetsvandringar", "how_to_load"].startswith("Uppgift saknas – importera med mallen")
    assert loaded.loc["kolada_N07403", "how_to_load"] == "Uppgift saknas – importera med typen ”Kolada – nyckeltal”."
    assert status.newest_vintage(pic.table("import_batches")) == "2026-08-14"


def test_empty_picture():
    import pandas as pd
    assert status.import_history(pd.DataFrame()).empty
    empty_obs = pd.DataFrame(columns=["indicator_id", "period", "period_end", "status"])
    loaded = status.loaded_by_indicator(empty_obs, pd.DataFrame())
    assert (loaded["observations"] == 0).all()
