"""Quoted survey figures (with quote and address per value), NTU tables, utsatta områden history."""
from lagesbild.importers import ntu, text_sourced
from lagesbild.importers.uso_history import uso_history
from lagesbild.picture import load_live
from tests.unit.importers.helpers import raw, refused

SURVEY = "text_sourced/huddinge_survey_figures_from_text.csv"


def _by_key(parsed):
    return {(r.indicator_id, r.area_code, r.period, r.gender): r for r in parsed.records.itertuples()}


def test_survey_figures_mapped_with_gender_area_and_quote():
    parsed = text_sourced.parse(raw(SURVEY), "s.csv")
    recs = _by_key(parsed)
    assert len(recs) == 22  # 23 rows, the response rate is context only
    lpo = recs[("enkat_trygg_sen_kvall", "0126", "2022", "T")]
    assert lpo.value == 77 and "lokalpolisområde" in lpo.note
    assert lpo.quote.startswith("Från 2020 har andelen") and lpo.source_url.startswith("https://polisen.se/")
    assert recs[("enkat_mycket_trygg", "0126", "2018", "K")].value == 13
    assert recs[("enkat_mycket_trygg", "kd-glomsta", "2018", "T")].value == 36
    assert recs[("enkat_trygg_kvall_omrade", "kd-flemingsberg", "2012", "T")].value == 46
    assert recs[("enkat_gy2_dricker_ej", "01", "2022", "M")].value == 40  # the county, for comparison
    # Stockholmsenkäten 2012 and the kommun's youth survey 2018 are two series, not one.
    assert recs[("enkat_ak9_aldrig_druckit", "0126", "2018", "T")].value == 57
    assert ("enkat_ak9_aldrig_druckit", "0126", "2012", "T") not in recs
    assert recs[("enkat_se_ak9_aldrig_druckit", "0126", "2012", "T")].value == 47
    assert recs[("enkat_se_ak9_testat_narkotika", "0126", "2012", "T")].value == 7
    kd = {d["code"]: d for d in parsed.districts}
    assert kd["kd-varby"]["level"] == "kommundel" and kd["kd-varby"]["is_priority"] is False
    assert kd["01"]["level"] == "lan"
    assert any("Svarsfrekvens" in w for w in parsed.warnings)


def test_unknown_measure_and_bad_url_refused():
    text = raw(SURVEY).decode().replace("Andel som undviker specifika platser", "Andel som undviker vissa platser", 1)
    assert "finns inte i data/registry/text_sourced_measures.toml" in str(refused(text_sourced.parse, text.encode(), "s.csv"))
    text = raw(SURVEY).decode().replace(",https://www.huddinge.se/", ",www.huddinge.se/", 1)
    err = str(refused(text_sourced.parse, text.encode(), "s.csv"))
    assert "rad 7, kolumn ”source_url”" in err


def test_quotes_survive_into_the_picture(store):
    with store.session() as s:
        q = text_sourced.quotes(load_live(s).table("observations"))
    assert len(q) == 22 and q["source_url"].str.startswith("http").all()
    assert set(q["indicator_id"]) == {i for i in q["indicator_id"] if i.startswith("enkat_")}


def test_ntu_xx_is_sekretess_without_value():
    parsed = ntu.parse(raw("bra_ntu/bra_ntu2010_otrygghet_oro_huddinge.csv"), "n.csv")
    recs = _by_key(parsed)
    bil = recs[("ntu_oro_bilbrott", "0126", "2010", "T")]
    assert bil.status == "sekretess" and bil.value != bil.value
    assert recs[("ntu_otrygghet_sen_kvall", "0126", "2010", "T")].value == 18
    assert recs[("ntu_otrygghet_sen_kvall", "00", "2010", "T")].value == 15
    old = _by_key(ntu.parse(raw("bra_ntu/bra_ntu2009_utsatthet_2008_huddinge.csv"), "n.csv"))
    assert old[("ntu_utsatta_person", "0126", "2008", "T")].value == 7.6


def test_ntu_refuses_unknown_area_and_values():
    text = raw("bra_ntu/bra_ntu2010_otrygghet_oro_huddinge.csv").decode().replace("Huddinge,18", "Botkyrka,18")
    assert "rad 4, kolumn ”area”" in str(refused(ntu.parse, text.encode(), "n.csv"))
    text = raw("bra_ntu/bra_ntu2010_otrygghet_oro_huddinge.csv").decode().replace("Huddinge,18", "Huddinge,118")
    assert "rad 4, kolumn ”otrygghet_utevistelse_sen_kvall_pct”" in str(refused(ntu.parse, text.encode(), "n.csv"))


def test_uso_history():
    df = uso_history()
    assert list(df.columns[:6]) == ["year", "area", "area_code", "classification", "classification_source", "confidence"]
    assert set(df["year"]) == {2015, 2017, 2019, 2021, 2023, 2025}
    y2015 = df[df["year"] == 2015].iloc[0]
    assert y2015["area_code"] == "prio-skogas" and y2015["confidence"] == "låg"
    assert set(df[df["year"] == 2025]["area_code"]) == {"prio-flemingsberg", "prio-skogas", "prio-varby"}
    assert df["source"].str.len().gt(0).all() and df["basis"].str.len().gt(0).all()
    assert not df["classification"].str.contains("probable|implied|new").any()
