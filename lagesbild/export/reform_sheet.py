"""All reforms with their latest assessment as a sheet (CSV and XLSX) — the export format IS
the import format (`lagesbild.importers.reform_sheet`).

CSV is UTF-8 with BOM and `;` as separator, so a double-click opens it correctly in a
Swedish Excel. Any text cell that a spreadsheet would run as a formula gets a leading
apostrophe (`lagesbild.export.cells`); the import removes it.
"""
from __future__ import annotations

import io
from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from lagesbild.queries import reference as rv
from lagesbild.queries import reforms as rq
from lagesbild.domain import STATUS_INFO, ReformStatus
from lagesbild.export.cells import append_rows, csv_bytes

COLUMNS = ["id", "nummer", "titel", "status", "framsteg", "datum", "motivering", "källa", "bedömd av", "version"]
READ_ONLY = ("id", "nummer", "titel", "version")  # identify the row and the version it was read at
SHEET_NAME = "Reformer"


def status_labels() -> list[str]:
    return [STATUS_INFO[ReformStatus(c)].label_sv for c in rq.STATUS_ORDER]


def sheet_frame(picture) -> pd.DataFrame:
    """One row per reform not retired: its latest assessment in the sheet's Swedish columns.

    Values are the plain values (ints for nummer/framsteg/version, text otherwise); the
    writers guard text (`cells.safe_cell`). An unassessed reform has status "Ej bedömd" and empty cells."""
    cur = rq.current(picture)
    open_ = set(rv.choices(picture.table("reforms")))  # a retired reform takes no new assessment
    rows = []
    for r in cur.itertuples(index=False):
        if r.id not in open_:
            continue
        rows.append({
            "id": r.id,
            "nummer": int(r.number),
            "titel": r.title_sv,
            "status": STATUS_INFO[ReformStatus(r.status)].label_sv,
            "framsteg": "" if r.progress is None else int(r.progress),
            "datum": r.update_date.isoformat() if isinstance(r.update_date, date) else "",
            "motivering": r.motivation or "",
            "källa": r.source_url or "",
            "bedömd av": r.author or "",
            "version": int(r.version),
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def to_csv(df: pd.DataFrame) -> bytes:
    return csv_bytes(COLUMNS, df[COLUMNS].itertuples(index=False))


def to_xlsx(df: pd.DataFrame) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ws.append(COLUMNS)
    append_rows(ws, df[COLUMNS].itertuples(index=False))
    _style(ws, len(df))
    _instructions(wb.create_sheet("Anvisningar"))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_WIDTHS = {"id": 6, "nummer": 8, "titel": 60, "status": 18, "framsteg": 10, "datum": 12,
           "motivering": 60, "källa": 40, "bedömd av": 22, "version": 8}


def _style(ws, n_rows: int) -> None:
    grey = PatternFill("solid", fgColor="EEEEEE")
    for idx, name in enumerate(COLUMNS, start=1):
        letter = ws.cell(row=1, column=idx).column_letter
        ws.column_dimensions[letter].width = _WIDTHS[name]
        head = ws.cell(row=1, column=idx)
        head.font = Font(bold=True)
        if name in READ_ONLY:
            head.fill = grey
        for r in range(2, n_rows + 2):
            cell = ws.cell(row=r, column=idx)
            if name in ("titel", "motivering"):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if name in READ_ONLY:
                cell.fill = grey
            if name == "datum":
                cell.number_format = "@"  # keep typed dates as ÅÅÅÅ-MM-DD text
    ws.freeze_panes = "D2"
    status_col = ws.cell(row=1, column=COLUMNS.index("status") + 1).column_letter
    dv = DataValidation(type="list", formula1='"' + ",".join(status_labels()) + '"', allow_blank=False,
                        showErrorMessage=True, errorTitle="Okänd status",
                        error="Välj en av statusarna i listan.")
    if n_rows:  # a kommun without reforms yet gets the header only
        dv.add(f"{status_col}2:{status_col}{n_rows + 1}")
        ws.add_data_validation(dv)


def _instructions(ws) -> None:
    lines = [
        "Så uppdaterar du reformerna i bladet ”Reformer”",
        "1. Ändra bara de rader där läget har ändrats. Oförändrade rader ändrar ingenting.",
        "2. Kolumnerna id, nummer, titel och version ska inte ändras (titeln ändras aldrig vid import).",
        "3. En ändrad rad är en ny bedömning: ange status, datum (ÅÅÅÅ-MM-DD, inte i framtiden), "
        "motivering (minst 10 tecken), källa (webbadress som börjar med http:// eller https://) och bedömd av.",
        "4. Framsteg är valfritt: ett heltal 0–100 (andel av delarna som är klara, för reformer med flera delar).",
        "5. Ladda upp filen på sidan Reformer under ”Massuppdatering (CSV/Excel)”; du ser en förhandsvisning innan något sparas.",
        "6. Om någon annan har ändrat en reform som du också ändrat sedan du laddade ner filen avvisas hela filen: ladda ner en ny.",
        "",
        "Giltiga statusar:",
        *status_labels(),
    ]
    for line in lines:
        ws.append([line])
    ws.column_dimensions["A"].width = 120
    ws.cell(row=1, column=1).font = Font(bold=True)


def filename(suffix: str, day: date | None = None) -> str:
    return f"reformer_{(day or date.today()).isoformat()}.{suffix}"
