"""Bugs found by tests/unit/test_importer_fuzz.py, each pinned by a plain example."""
import pytest

from lagesbild.importers import base, bra, bra_sol, kolada, ntu, partner, polisen, reform_sheet, scb
from tests.unit.importers.helpers import fixture, refused

PARTNER_HEADER = "indikator;område;period;värde;partner;kommentar\n"


@pytest.mark.parametrize("period", ["0000", "9999", "٢٠٢٥"])
def test_years_outside_the_calendar_are_refused_not_crashing(period):
    # "0000" and "9999" passed the 4-digit checks and then broke period_end (ValueError)
    err = refused(kolada.parse, f"kpi,municipality,period,gender,value\nN01951,0126,{period},T,1\n".encode(), "k.csv")
    assert (err.issues[0].row, err.issues[0].column) == (2, "period")
    err = refused(partner.parse, f"{PARTNER_HEADER}partner_anlagda_brander;0126;{period};4;sbff;\n".encode(), "p.csv")
    assert err.issues[0].column == "period"
    err = refused(ntu.parse, f"area,year,oro_bilbrott_pct\nHuddinge,{period},5\n".encode(), "n.csv")
    assert err.issues[0].column == "year"
    assert not base.is_period(period) and not base.is_year(period)
    assert base.is_year("2025") and base.is_period("2025K1")


def test_sol_header_with_year_0000_is_refused():
    text = fixture("bra/sol_textfil_ar_huddinge_2021-2025.txt").decode("iso-8859-1").replace("2021", "0000")
    err = refused(bra_sol.parse_values, text.encode("iso-8859-1"))
    assert "ingen period" in str(err)


def test_scb_year_in_file_name_must_be_a_real_year():
    assert scb.year_from_filename("folkmangd_2025.csv") == 2025
    assert scb.year_from_filename("folkmangd_0000.csv") is None


@pytest.mark.parametrize("digit", ["²", "٣"])
def test_unicode_digits_are_not_counts(digit):
    # str.isdigit() accepts "²"; float() then failed with a ValueError
    err = refused(scb.parse, f"regso_code,regso_name,population\n0126R001,Flemingsberg,{digit}\n".encode(), "scb_2025.csv")
    assert (err.issues[0].row, err.issues[0].column) == (2, "population")
    err = refused(bra.parse, f"kommun;period;key;count;per100k;preliminary\n0126;2025;total;{digit};;\n".encode(), "b.csv")
    assert (err.issues[0].row, err.issues[0].column) == (2, "count")


def test_row_with_too_many_values_is_named_by_row():
    # pandas raised ParserError ("Expected 6 fields in line 3, saw 8")
    data = f"{PARTNER_HEADER}partner_anlagda_brander;0126;2026-03;4;sbff;\na;b;c;d;e;f;g;h\n".encode()
    err = refused(partner.parse, data, "p.csv")
    assert err.issues[0].row == 3
    assert "8 värden" in str(err) and "6" in str(err)


@pytest.mark.parametrize("data", [b"\n\n", b" ", b"\r\n"])
def test_file_without_header_is_refused(data):
    # pandas raised EmptyDataError ("No columns to parse from file")
    err = refused(partner.parse, data, "p.csv")
    assert "rubrikrad" in str(err)


@pytest.mark.parametrize("parse", [kolada.parse, polisen.parse])
def test_deeply_nested_json_is_refused(parse):
    # json.loads raised RecursionError
    err = refused(parse, b"[" * 100_000 + b"]" * 100_000, "x.json")
    assert "för djupt nästlade" in str(err)


@pytest.mark.parametrize("read", [lambda d: partner.parse(d, "p.xlsx"), lambda d: reform_sheet.read_sheet(d, "r.xlsx")])
def test_broken_workbook_message_has_no_python_class_name(read):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hej.txt", "inte en arbetsbok")
    err = refused(read, buf.getvalue())
    assert "Excel-filen kunde inte läsas" in str(err)
    assert "Error" not in str(err) and "BadZipFile" not in str(err)


def test_rows_longer_than_the_header_are_refused():
    # pandas made the surplus an index (MultiIndex), and validation crashed with a TypeError
    data = b"area,oro_bilbrott_pct\nHuddinge,5,6,7\nHELA RIKET,1,2,3\n"
    err = refused(ntu.parse, data, "n.csv")
    assert err.issues[0].row == 2 and "fler värden än rubrikraden" in str(err)


def test_nul_in_reform_sheet_names_the_row():
    data = "id;nummer;titel;status;framsteg;datum;motivering;källa;bedömd av;version\nR01;1;x;Ej bedömd;;;a\x00b;;;0\n".encode()
    err = refused(reform_sheet.read_sheet, data, "r.csv")
    assert err.issues[0].row == 2 and "binära data" in str(err)


@pytest.mark.parametrize("values", ['["N01951"]', '[{"kpi": "N01951", "values": ["T"]}]', '[{"kpi": "N01951", "values": 5}]'])
def test_kolada_values_of_the_wrong_shape_are_refused(values):
    # a string where an object belongs raised AttributeError ('str' object has no attribute 'get')
    err = refused(kolada.parse, f'{{"count": 1, "values": {values}}}'.encode(), "k.json")
    assert "sida 1, post 1" in str(err)
