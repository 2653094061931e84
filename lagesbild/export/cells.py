"""Spreadsheet cells safe to open: the one place that guards CSV and XLSX exports against
formula injection (OWASP "CSV injection").

A text cell that begins with = + - @ tab or CR would be run by Excel/LibreOffice as a
formula (`=HYPERLINK(...)` can leak data or start a program), so it gets a leading
apostrophe; `unsafe_cell` removes exactly that apostrophe again when the file comes back.
Numbers stay numbers: only text (`str`) is touched, so -5 written as a number is still -5.

CSV here is what a Swedish Excel opens with a double-click: `;`, CRLF, UTF-8 with BOM.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def safe_cell(value):
    """Text a spreadsheet would treat as a formula gets a leading apostrophe; anything else
    (numbers, None, ordinary text) is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return GUARD + value
    return value


def unsafe_cell(value):
    """Undo `safe_cell` on imported text: only an apostrophe that guards a formula character
    is removed, so "'ordinary quote" stays as it is."""
    if isinstance(value, str) and len(value) > 1 and value[0] == GUARD and value[1] in "".join(FORMULA_START):
        return value[1:]
    return value


def safe_row(values: Iterable) -> list:
    return [safe_cell(v) for v in values]


def csv_bytes(header: Sequence, rows: Iterable[Sequence]) -> bytes:
    """`;`-separated, CRLF, UTF-8 with BOM (Excel opens å, ä, ö correctly); every cell guarded."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))
    return buf.getvalue().encode("utf-8-sig")


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """A frame as a guarded CSV (its column names as the header row, no index)."""
    return csv_bytes(list(df.columns), df.itertuples(index=False))


def append_rows(ws, rows: Iterable[Sequence]) -> None:
    """Rows onto an openpyxl worksheet, guarded (openpyxl stores "=…" text as a formula)."""
    for row in rows:
        ws.append(safe_row(row))
