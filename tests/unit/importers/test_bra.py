"""Brå: SOL textfil export and the tidy CSV, on fixtures re-shaped from the real numbers."""
import pytest

from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.importers import base, bra
from lagesbild.importers.bra_sol import offence_key
from tests.unit.importers.helpers import fixture, refused, state

YEARLY = "bra/sol_textfil_ar_huddinge_2021-2025.txt"
QUARTERLY = "bra/sol_textfil_kvartal_huddinge_2025-2026.txt"
TIDY = "bra/bra_tidy_huddinge_2024-2025.csv"


def values(parsed):
    return {(r.indicator_id, r.period): (r.value, r.status) for r in parsed.records.itertuples()}


def test_sol_yearly_maps_count_and_rate_per_category():
    parsed = bra.parse(fixture(YEARLY), "sol.txt")
    assert parsed.kind == "bra_sol" and parsed.source_id == "bra_sol" and parsed.vintage == "2025-12-31"
    v = values(parsed)
    assert v[("bra_total_antal", "2023")] == (13479, "ok")
    assert v[("bra_total_per100k", "2025")] == (11838.0, "ok")  # decimal comma read
    assert v[("bra_burglary_antal", "2025")][0] == 349
    assert {i.split("_")[1] for i, _ in v} == {"total", "person", "theft", "burglary", "vandalism"}
    assert len(parsed.records) == 5 * 5 * 2
    assert any(".. (ej valda)" in w for w in parsed.warnings)  # the parent row of ".." is not zero


def test_sol_quarterly_preliminary_and_year_written_once():
    parsed = bra.parse(fixture(QUARTERLY), "sol_kvartal.txt")
    v = values(parsed)
    assert v[("bra_total_kvartal_antal", "2025K4")] == (3343, "ok")
    assert v[("bra_total_kvartal_antal", "2026K1")] == (3180, "preliminar")
    assert v[("bra_total_kvartal_antal", "2026K2")] == (3103, "preliminar")
    assert parsed.vintage == "2026-06-30"
    # Brå's own quarterly rate is kept as published (2 920), never recomputed (3 343 / pop = 2 915).
    assert v[("bra_total_kvartal_per100k", "2025K4")] == (2920, "ok")
    assert not any("per 100 000" in w for w in parsed.warnings)


def test_sol_quarterly_with_year_repeated_per_column():
    text = fixture(QUARTERLY).decode("iso-8859-1").splitlines()
    text[1] = ";" + ";".join(f"{y};" for y in ["2025"] * 4 + ["2026 prel."] * 2)
    parsed = bra.parse("\r\n".join(text).encode("iso-8859-1"), "x.txt")
    assert values(parsed)[("bra_total_kvartal_antal", "2026K2")] == (3103, "preliminar")


def test_sol_and_tidy_agree_with_the_seed(store):
    """The fixtures carry the real values: importing them over the seed changes nothing."""
    for rel in (YEARLY, QUARTERLY, TIDY):
        data = fixture(rel)
        result = base.apply(store, SYSTEM_ACTOR, bra.parse(data, rel), rel, data)
        assert (result.added, result.changed) == (0, 0), rel
        assert result.unchanged > 0


def test_reimport_is_idempotent(empty_store):
    from lagesbild.store.seed import seed_reference

    with empty_store.transaction() as s:
        seed_reference(s)
    data = fixture(QUARTERLY)
    first = base.apply(empty_store, SYSTEM_ACTOR, bra.parse(data, "q.txt"), "q.txt", data)
    before = state(empty_store)
    again = base.apply(empty_store, SYSTEM_ACTOR, bra.parse(data, "q.txt"), "q.txt", data)
    assert (first.added, again.added, again.changed, again.unchanged) == (12, 0, 0, 12)  # 6 counts + Brå's 6 rates
    after = state(empty_store)
    assert after["observations"] == before["observations"] and after["value_sum"] == before["value_sum"]


def test_sol_skips_other_regions():
    text = fixture(YEARLY).decode("iso-8859-1")
    extra = "Botkyrka kommun" + ";" * 10 + "\r\nTotalt antal brott" + ";..;.." * 5 + "\r\n"
    parsed = bra.parse((text.replace("Huddinge kommun;", extra + "Huddinge kommun;", 1)).encode("iso-8859-1"), "x.txt")
    assert len(parsed.records) == 50


def test_sol_narcotics_and_weapons_summed_only_when_both_present():
    # Synthetic numbers (10 + 5): only the summing rule is tested here, no real figure.
    text = fixture(YEARLY).decode("iso-8859-1")
    both = text + "Narkotikastrafflagen;10;9,0" + ";..;.." * 4 + "\r\nVapenlagen;5;4,0" + ";..;.." * 4 + "\r\n"
    v = values(bra.parse(both.encode("iso-8859-1"), "x.txt"))
    assert v[("bra_drugs_weapons_antal", "2021")] == (15, "ok") and v[("bra_drugs_weapons_per100k", "2021")] == (13.0, "ok")
    one = text + "Narkotikastrafflagen;10;9,0" + ";..;.." * 4 + "\r\n"
    parsed = bra.parse(one.encode("iso-8859-1"), "x.txt")
    assert ("bra_drugs_weapons_antal", "2021") not in values(parsed)
    assert any("summan av båda" in w for w in parsed.warnings)


def test_nbsp_entity_is_decoded_before_splitting():
    # If "&nbsp;" were split on, the measure row would have twice the columns and fail.
    assert "&nbsp;" in fixture(YEARLY).decode("iso-8859-1")
    assert len(bra.parse(fixture(YEARLY), "x.txt").records) == 50


@pytest.mark.parametrize("label,key", [
    ("Totalt antal brott", "total"), ("3-7 kap. Brott mot person", "person"), ("3–7 kap. Brott mot person", "person"),
    ("8 kap. Stöld, rån m.m.", "theft"), ("Stöld genom inbrott, inbrottsstöld i bostad", "burglary"),
    ("12 kap. Skadegörelsebrott", "vandalism"), ("Narkotikabrott (narkotikastrafflagen)", "narkotika"),
    ("Brott mot vapenlagen", "vapen"), ("Misshandel", None), ("Stöld genom inbrott", None),
])
def test_offence_labels(label, key):
    assert offence_key(label) == key


# --- broken files: refused with row/column, nothing written -------------------------------


def _broken(store, data: bytes, name: str = "x.txt"):
    before = state(store)
    err = refused(lambda: base.apply(store, SYSTEM_ACTOR, bra.parse(data, name), name, data))
    assert state(store) == before
    return str(err)


def test_sol_bad_number_names_line_and_period(store):
    data = fixture(YEARLY).decode("iso-8859-1").replace(";13479;", ";13 4x9;").encode("iso-8859-1")
    msg = _broken(store, data)
    assert "rad 7" in msg and "kolumn ”2023 Antal”" in msg and "13 4x9" in msg and "förväntat ett tal" in msg


def test_sol_unknown_category(store):
    data = (fixture(YEARLY).decode("iso-8859-1") + "Misshandel;1;1,0" + ";..;.." * 4 + "\r\n").encode("iso-8859-1")
    msg = _broken(store, data)
    assert "rad 13" in msg and "Misshandel" in msg and "ingen registrerad indikator" in msg


def test_sol_without_measure_row(store):
    data = fixture(YEARLY).decode("iso-8859-1").replace("Antal", "Summa").encode("iso-8859-1")
    assert "Antal" in _broken(store, data)


def test_sol_without_the_kommun(store):
    data = fixture(YEARLY).decode("iso-8859-1").replace("Huddinge kommun;", "Botkyrka kommun;").encode("iso-8859-1")
    assert "Huddinge kommun" in _broken(store, data)


def test_sol_bad_period_header(store):
    data = fixture(YEARLY).decode("iso-8859-1").replace(";2022;", ";tjugotjugotvå;").encode("iso-8859-1")
    msg = _broken(store, data)
    assert "tjugotjugotvå" in msg and "kolumn 4" in msg


def test_tidy_bad_cells_listed_all_at_once(store):
    text = fixture(TIDY).decode()
    lines = text.splitlines()
    lines[1] = lines[1].replace(";472;", ";-472;")
    lines[3] = lines[3].replace(";2024;", ";2024Q1;")
    lines[4] = lines[4].replace(";theft;", ";stöld;")
    msg = _broken(store, ("\n".join(lines) + "\n").encode(), "x.csv")
    assert "rad 2, kolumn ”count”" in msg and "-472" in msg
    assert "rad 4, kolumn ”period”" in msg and "rad 5, kolumn ”key”" in msg and "3 fel" in msg


def test_tidy_missing_column(store):
    data = fixture(TIDY).decode().replace("per100k", "rate").encode()
    assert "kolumnen ”per100k” saknas" in _broken(store, data, "x.csv")


def test_tidy_quarter_only_for_total(store):
    data = (fixture(TIDY).decode() + "0126;2025K1;theft;1;;\n").encode()
    assert "kvartalsvärden finns bara för ”total”" in _broken(store, data, "x.csv")


def test_tidy_preliminary_flag():
    v = values(bra.parse(fixture(TIDY), "x.csv"))
    assert v[("bra_total_kvartal_antal", "2026K2")][1] == "preliminar"
    assert v[("bra_total_kvartal_antal", "2025K4")][1] == "ok"
