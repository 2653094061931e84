"""The import framework: values, validation messages, preview, atomic idempotent apply."""
from datetime import date

import pandas as pd
import pandera.pandas as pa
import pytest

from lagesbild.domain import Actor, Role
from lagesbild.errors import PermissionDenied, ValidationError
from lagesbild.importers import base, scb
from lagesbild.picture import load_live
from tests.unit.importers.helpers import raw, refused, state

DESO = "scb_population/huddinge_deso2025_population_2025.csv"
EDITOR = Actor(name="Redaktör", role=Role.EDITOR)


@pytest.mark.parametrize("period,end", [
    ("2025", date(2025, 12, 31)), ("2025K1", date(2025, 3, 31)), ("2026K2", date(2026, 6, 30)),
    ("2024-02", date(2024, 2, 29)), ("2025-12", date(2025, 12, 31)),
])
def test_period_end(period, end):
    assert base.period_end(period) == end


@pytest.mark.parametrize("bad", ["2025K5", "25", "2025-13", "2025 K1", ""])
def test_period_end_refuses(bad):
    with pytest.raises(ValueError):
        base.period_end(bad)


@pytest.mark.parametrize("text,value", [("12", 12.0), ("3,5", 3.5), ("1 234,5", 1234.5), ("1\u00a0234", 1234.0), ("", None), ("-2", -2.0)])
def test_parse_number(text, value):
    assert base.parse_number(text) == value


def test_parse_number_refuses_text():
    with pytest.raises(ValueError):
        base.parse_number("12 st")


def test_validate_names_row_column_and_expected_value_in_swedish():
    df = pd.DataFrame({"värde": ["1", "x", "3"]})
    schema = pa.DataFrameSchema({"värde": base.text_column(base.check(lambda v: v.isdigit(), "ett heltal"))})
    (issue,) = base.validate(df, schema)
    assert (issue.row, issue.column) == (3, "värde")  # header is row 1, so index 1 is row 3
    assert str(issue) == "rad 3, kolumn ”värde”: värdet ”x” stämmer inte; förväntat ett heltal."


def test_validate_reports_missing_column():
    schema = pa.DataFrameSchema({"värde": base.text_column()})
    (issue,) = base.validate(pd.DataFrame({"annat": ["1"]}), schema)
    assert "kolumnen ”värde” saknas" in issue.message


def test_check_upload_limits():
    assert "filtypen stöds inte" in str(refused(base.check_upload, "x.exe", b"1"))
    assert "tom" in str(refused(base.check_upload, "x.csv", b""))
    assert "största tillåtna" in str(refused(base.check_upload, "x.csv", b"1" * (base.MAX_BYTES + 1)))
    base.check_upload("x.CSV", b"a")


def test_read_table_latin1_and_semicolon():
    df = base.read_table("namn;värde\nVårby;1\n".encode("cp1252"), "x.csv")
    assert list(df.columns) == ["namn", "värde"] and df.iloc[0, 0] == "Vårby"


def test_apply_is_idempotent_and_records_batch(store):
    data = raw(DESO)
    parsed = scb.parse(data, "huddinge_deso2025_population_2025.csv")
    before = state(store)
    with store.session() as s:
        assert set(base.preview(s, parsed)["change"]) == {"oförändrad"}  # the seed already has it
    result = base.apply(store, EDITOR, parsed, "deso.csv", data)
    assert (result.added, result.changed, result.unchanged) == (0, 0, 63)
    after = state(store)
    assert after["observations"] == before["observations"] and after["value_sum"] == before["value_sum"]
    assert after["batches"] == before["batches"] + 1 and after["audit"] == before["audit"] + 1


def test_apply_changes_a_value_and_preview_shows_it(store):
    data = raw(DESO).replace(b",2962,", b",2963,")
    parsed = scb.parse(data, "x_2025.csv")
    with store.session() as s:
        pic = load_live(s)
        pv = base.preview(pic, parsed)  # a Picture works as well as a Session
    changed = pv[pv["change"] == "ändrad"]
    assert len(changed) == 1 and changed.iloc[0]["value"] == 2963 and changed.iloc[0]["old_value"] == 2962
    ticks = []
    result = base.apply(store, EDITOR, parsed, "x_2025.csv", data, progress=ticks.append)
    assert (result.added, result.changed) == (0, 1)
    assert ticks[0] == 0.0 and ticks[-1] == 1.0
    with store.session() as s:
        pv = base.preview(s, parsed)
    assert set(pv["change"]) == {"oförändrad"}


def test_viewer_may_not_import(store):
    data = raw(DESO)
    parsed = scb.parse(data, "x_2025.csv")
    before = state(store)
    with pytest.raises(PermissionDenied):
        base.apply(store, Actor(name="Läsare"), parsed, "x.csv", data)
    assert state(store) == before


def test_apply_is_all_or_nothing(store):
    """A record for an unknown area stops the whole import after other rows were prepared."""
    data = raw(DESO)
    parsed = scb.parse(data, "x_2025.csv")
    parsed.records.loc[parsed.records.index[-1], "area_code"] = "0126C9999"
    parsed.districts = [d for d in parsed.districts if d["code"] != "0126C9999"]
    parsed.records.loc[0, "value"] = 1.0  # would be a change if anything were written
    before = state(store)
    err = refused(base.apply, store, EDITOR, parsed, "x.csv", data)
    assert "0126C9999" in str(err) and "rad 64" in str(err)
    assert state(store) == before


def test_check_observations_catches_inconsistent_records():
    df = base.observation_frame([
        {"row": 2, "indicator_id": "finns_inte", "area_code": "0126", "period": "2025", "period_end": date(2025, 12, 31), "value": 1.0},
        {"row": 3, "indicator_id": "bra_total_antal", "area_code": "0126", "period": "2025", "period_end": date(2025, 12, 31), "value": None},
        {"row": 4, "indicator_id": "bra_total_antal", "area_code": "0126", "period": "2025", "period_end": date(2025, 12, 31), "value": 5.0, "status": "sekretess"},
    ])
    text = "\n".join(str(i) for i in base.check_observations(df))
    assert "indikatorregistret" in text and "värdet saknas" in text and "ska vara tomt" in text and "rad 3" in text


def test_validation_error_lists_issues():
    err = ValidationError([base.Issue("fel", 2, "a")])
    assert "Inget har ändrats" in str(err) and "rad 2" in str(err)
