"""The Data page (what is loaded, for everyone) and the Administration page: import history
from the seed, import with preview, refusal of a bad file."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.apptest.helpers import APP, TIMEOUT, open_page, texts

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def _history(at):
    return next(df.value for df in at.dataframe if "Fil" in df.value.columns and "Data t.o.m." in df.value.columns)


def test_data_page_shows_what_is_loaded_without_ids_or_uploads(fresh_app_db):
    at = open_page("data")
    assert not at.exception, [e.value for e in at.exception]
    loaded = next(df.value for df in at.dataframe if "Indikator" in df.value.columns)
    assert not {"Id", "Status", "Om uppgift saknas"} & set(loaded.columns)
    assert "Uppgift saknas" in set(loaded["Data t.o.m."])
    assert not at.get("file_uploader") and not at.get("download_button")
    assert not [b for b in at.button if b.label == "Importera"]
    assert "importera med mallen" not in texts(at)


def test_admin_page_shows_seeded_history_and_missing_data(fresh_app_db):
    at = open_page("administration")
    assert not at.exception, [e.value for e in at.exception]
    hist = _history(at)
    assert len(hist) == 14  # the nine shipped files, the comparison kommuner's Brå file and four area-factor files
    assert "data/raw/bra_sol/bra_anmalda_brott_huddinge_0126_1996_2025.csv" in set(hist["Fil"])
    assert "data/raw/bra_jmf/bra_anmalda_brott_jmf_kommuner_1996_2025.csv" in set(hist["Fil"])
    assert set(hist["Av"]) == {"system (grunddata)"}
    assert "2026-06-30" in set(hist["Data t.o.m."])
    text = texts(at)
    assert "Uppgift saknas – importera med mallen" in text
    assert "Data t.o.m." in text  # provenance captions under the tables
    assert [b.label for b in at.get("download_button")] == ["Ladda ner mallen (Excel)", "Ladda ner mallen (CSV)"]


def test_import_with_preview_then_apply(fresh_app_db):
    at = open_page("administration")
    at.selectbox(key="data_kind").set_value("bra").run()
    data = (FIX / "bra" / "sol_textfil_kvartal_huddinge_2025-2026.txt").read_bytes()
    at.file_uploader[0].set_value(("sol_kvartal.txt", data, "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Nya rader"] == "0" and metrics["Oförändrade"] == "12" and metrics["Data t.o.m."] == "2026-06-30"
    at.button(key=next(b.key for b in at.button if b.label == "Importera")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Importerat: sol_kvartal.txt" in s.value for s in at.success)
    hist = _history(at)
    assert len(hist) == 15 and hist.iloc[0]["Fil"] == "sol_kvartal.txt" and hist.iloc[0]["Av"] == "Lokal användare"


def test_bad_file_is_refused_with_row_and_column(fresh_app_db):
    at = open_page("administration")
    at.selectbox(key="data_kind").set_value("kolada").run()
    bad = (FIX / "kolada" / "kolada_five_columns_huddinge_2025.csv").read_text().replace("114686.0", "många")
    at.file_uploader[0].set_value(("kolada.csv", bad.encode(), "text/csv")).run()
    assert not at.exception
    assert at.error and "inte lästs in" in at.error[0].value
    issues = next(df.value for df in at.dataframe if "fel" in df.value.columns)
    assert issues.iloc[0]["rad"] == 2 and issues.iloc[0]["kolumn"] == "value" and "många" in issues.iloc[0]["fel"]
    assert not [b for b in at.button if b.label == "Importera"]
    assert len(_history(at)) == 14


def test_data_page_in_english(fresh_app_db):
    # The language is set in session state: a query parameter does not survive switch_page.
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("pages/administration.py").run()
    assert not at.exception
    assert "Import history" in [h.value for h in at.header]
