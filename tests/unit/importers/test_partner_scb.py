"""The partner template (CSV and XLSX) and SCB population."""
import io

import pandas as pd
import pytest

from lagesbild.domain import Actor, Role, SYSTEM_ACTOR
from lagesbild.errors import PermissionDenied
from lagesbild.importers import base, partner, scb
from tests.unit.importers.helpers import fixture, raw, refused, state

PARTNER = "partner/partner_lokala_indikatorer_TESTDATA.csv"


def test_template_csv_and_xlsx_have_the_columns():
    assert partner.template_csv().decode("utf-8-sig").strip() == "indikator;område;period;värde;partner;kommentar"
    book = pd.read_excel(io.BytesIO(partner.template_xlsx()), sheet_name=None)
    assert list(book["Mall"].columns) == partner.COLUMNS and "Instruktioner" in book
    assert "partner_trygghetsvandringar" in book["Instruktioner"].to_string()


def test_empty_template_is_refused_with_a_clear_message():
    assert "inga rader" in str(refused(partner.parse, partner.template_csv(), "mall.csv"))
    assert "inga rader" in str(refused(partner.parse, partner.template_xlsx(), "mall.xlsx"))


def test_partner_csv_parsed_with_partner_by_id_or_name():
    parsed = partner.parse(fixture(PARTNER), "p.csv")
    assert parsed.kind == "partner" and parsed.source_id == "partner"
    assert list(parsed.records["partner_id"]) == ["huge", "huge", "sbff"]
    assert parsed.records.iloc[2]["period"] == "2026-03" and str(parsed.records.iloc[2]["period_end"]) == "2026-03-31"
    assert parsed.partner_ids == {"huge", "sbff"}


def test_partner_xlsx_round_trip(store):
    df = pd.read_csv(io.BytesIO(fixture(PARTNER)), sep=";", dtype=str)
    buf = io.BytesIO()
    df.to_excel(buf, index=False, sheet_name="Mall")
    data = buf.getvalue()
    parsed = partner.parse(data, "p.xlsx")
    result = base.apply(store, SYSTEM_ACTOR, parsed, "p.xlsx", data)
    assert (result.added, result.changed) == (3, 0)
    again = base.apply(store, SYSTEM_ACTOR, partner.parse(data, "p.xlsx"), "p.xlsx", data)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)


@pytest.mark.parametrize("edit,expected", [
    (lambda t: t.replace("partner_anlagda_brander", "bra_total_antal"), "rad 4, kolumn ”indikator”"),
    (lambda t: t.replace(";4;sbff", ";-4;sbff"), "rad 4, kolumn ”värde”"),
    (lambda t: t.replace(";2;huge", ";2,5;huge"), "inget heltal"),
    (lambda t: t.replace("2026-03", "mars 2026"), "rad 4, kolumn ”period”"),
    (lambda t: t.replace(";sbff;", ";Okänd AB;"), "rad 4, kolumn ”partner”"),
    (lambda t: t.replace("0126R014", "0126R099"), "rad 3, kolumn ”område”"),
])
def test_broken_partner_files_refused(store, edit, expected):
    data = edit(fixture(PARTNER).decode()).encode()
    before = state(store)
    with store.session() as s:
        from lagesbild.store.models import District
        known = {d.code for d in s.query(District)}
    err = refused(lambda: base.apply(store, SYSTEM_ACTOR, partner.parse(data, "p.csv", known_areas=known), "p.csv", data))
    assert expected in str(err)
    assert state(store) == before


def test_editor_of_one_partner_cannot_import_anothers_rows(store):
    data = fixture(PARTNER)
    parsed = partner.parse(data, "p.csv")
    before = state(store)
    with pytest.raises(PermissionDenied):
        base.apply(store, Actor(name="Huge", role=Role.EDITOR, partner_id="huge"), parsed, "p.csv", data)
    assert state(store) == before


def test_scb_both_files():
    deso = scb.parse(raw("scb_population/huddinge_deso2025_population_2025.csv"), "huddinge_deso2025_population_2025.csv")
    regso = scb.parse(raw("scb_population/huddinge_regso2025_population_2025.csv"), "huddinge_regso2025_population_2025.csv")
    assert len(deso.records) == 63 and len(regso.records) == 22
    assert deso.records["value"].sum() == regso.records["value"].sum() == 114683
    assert set(deso.records["period"]) == {"2025"} and deso.vintage == "2025-12-31"
    levels = {d["level"] for d in deso.districts}
    assert levels == {"deso", "regso"}
    names = {d["code"]: d["name"] for d in regso.districts}
    assert names["0126R009"] == "Kungens Kurva-Kråkvik"
    parents = {d["code"]: d["parent_code"] for d in deso.districts}
    assert parents["0126C1490"] == "0126R022" and parents["0126R022"] == "0126"


def test_scb_suffix_stripped_and_year_column():
    text = "regso_code;regso_name;population;år\n0126R001_RegSO2025;Flemingsberg västra;6695;2025\n"
    parsed = scb.parse(text.encode(), "utan_ar.csv")
    assert parsed.records.iloc[0]["area_code"] == "0126R001" and parsed.records.iloc[0]["period"] == "2025"


def test_scb_refuses_missing_year_and_bad_codes():
    text = "regso_code;regso_name;population\n0126R001;Flemingsberg västra;6695\n"
    assert "året saknas" in str(refused(scb.parse, text.encode(), "utan_ar.csv"))
    bad = "regso_code;regso_name;population\n0126X001;Flemingsberg västra;6695\n"
    assert "rad 2, kolumn ”regso_code”" in str(refused(scb.parse, bad.encode(), "x_2025.csv"))
    name_clash = "deso_code;regso_code;regso_name;population\n0126C1081;0126R001;A;1\n0126C1082;0126R001;B;2\n"
    assert "två olika namn" in str(refused(scb.parse, name_clash.encode(), "x_2025.csv"))


def test_downloaded_xlsx_template_filled_in_imports():
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(partner.template_xlsx()))
    wb["Mall"].append(["partner_trygghetsvandringar", "0126R020", "2026K2", 6, "Huge", "TESTDATA"])
    buf = io.BytesIO()
    wb.save(buf)
    parsed = partner.parse(buf.getvalue(), "ifylld.xlsx")
    (rec,) = parsed.records.itertuples()
    assert (rec.indicator_id, rec.area_code, rec.period, rec.value, rec.partner_id) == ("partner_trygghetsvandringar", "0126R020", "2026K2", 6.0, "huge")
