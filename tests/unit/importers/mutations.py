"""Hypothesis strategies that spoil real import files: text tables (CSV/TXT), JSON and XLSX.

Each strategy draws a list of small edits (with integer parameters taken modulo the size of
the file, so examples shrink to the simplest edit) and applies them to a valid file. The
edits are the ways real uploads go wrong: truncation, the wrong encoding or separator, a BOM,
columns deleted, duplicated or renamed, cells with wrong types, huge or negative numbers,
bad dates, JSON of the wrong shape, and workbooks that are not workbooks.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import zipfile

from hypothesis import strategies as st

GARBAGE_CELLS = (
    "", " ", "abc", "-1", "-0", "0", "1e308", "1e999", "99999999999999999999999999", "-99999999999", "NaN", "inf",
    "1,5,5", "1.2.3", "0x1F", "½", "٣", "2025-13-45", "2025-02-30", "0000-00-00", "31/12/2025", "2025K9", "20250",
    "9999", "0126", "0127", "T", "X", "..", "XX", "null", "None", "true", "=1+1", "'", '"', ";", ",", "\t",
    "ÅÄÖ åäö", "\u00a0", "\u200b", "\ufeff", "\x00", "\\N", "https://", "http://exempel.invalid/x", "x" * 5000,
    "²", "٢٠٢٥", "1899", "2100", "R99", "r01", "Pågående", "Ej bedömd", "Genomförd", "12 st", "3,5", "1 234", "-5,5",
)
GARBAGE_JSON = (
    None, "", "abc", 0, -1, 1.5, 10**30, -10**30, 1e308, True, False, [], {}, [None], {"": None}, [[[]]],
    {"values": None}, {"values": [None]}, "2025-13-45 25:61:61 +99:99", "2026-02-30 10:00:00 +01:00", "🙂",
)
HEADER_NAMES = ("", "värde", "Värde", "VALUE", "område", "id", "kolumn", "Unnamed: 0", "år", "period", "ÅÄÖ", "indikator ", "kpi")
ENCODINGS = ("utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32", "ascii")
SEPARATORS = (";", ",", "\t", "|", " ")
NEWLINES = ("\n", "\r\n", "\r")

TABLE_OPS = ("drop_col", "dup_col", "rename_col", "set_cell", "drop_row", "dup_row", "add_cell", "clear_row",
             "header_only", "empty_table", "swap_cols", "blank_header")
BYTE_OPS = ("truncate", "insert_bytes", "flip_byte", "prepend_bom", "prepend_bytes", "append_bytes", "zero_bytes")

_idx = st.integers(0, 10**6)
_table_op = st.tuples(st.sampled_from(TABLE_OPS), _idx, _idx, st.sampled_from(GARBAGE_CELLS), st.sampled_from(HEADER_NAMES))
_byte_op = st.tuples(st.sampled_from(BYTE_OPS), _idx, st.binary(max_size=24))


# --- text tables ---------------------------------------------------------------------------


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_rows(data: bytes) -> tuple[list[list[str]], str]:
    text = decode(data)
    first = text.split("\n", 1)[0]
    sep = max(";,\t", key=first.count)
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep)], sep


def write_rows(rows: list[list[str]], sep: str, newline: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator=newline)
    writer.writerows(rows)
    return buf.getvalue()


def edit_table(rows: list[list[str]], op: tuple) -> list[list[str]]:
    """One edit of a table (row 0 is the header). Indices are taken modulo the table's size."""
    name, a, b, cell, header = op
    rows = [list(r) for r in rows]
    if not rows:
        return rows
    width = max(len(r) for r in rows) or 1
    c, r = a % width, (b % len(rows))
    if name == "drop_col":
        return [row[:c] + row[c + 1:] for row in rows]
    if name == "dup_col":
        return [row[:c + 1] + row[c:c + 1] + row[c + 1:] for row in rows]
    if name == "swap_cols":
        d = b % width
        for row in rows:
            if c < len(row) and d < len(row):
                row[c], row[d] = row[d], row[c]
        return rows
    if name == "rename_col":
        if c < len(rows[0]):
            rows[0][c] = header
        return rows
    if name == "blank_header":
        rows[0] = ["" for _ in rows[0]]
        return rows
    if name == "set_cell":
        r = 1 + b % max(len(rows) - 1, 1) if len(rows) > 1 else 0
        if c < len(rows[r]):
            rows[r][c] = cell
        return rows
    if name == "drop_row":
        return rows[:r] + rows[r + 1:]
    if name == "dup_row":
        return rows[:r + 1] + [rows[r]] + rows[r + 1:]
    if name == "add_cell":
        rows[r].insert(c, cell)
        return rows
    if name == "clear_row":
        rows[r] = [""] * len(rows[r])
        return rows
    if name == "header_only":
        return rows[:1]
    if name == "empty_table":
        return []
    raise AssertionError(name)


def edit_bytes(data: bytes, op: tuple) -> bytes:
    name, a, blob = op
    n = len(data)
    pos = a % (n + 1)
    if name == "truncate":
        return data[:pos]
    if name == "insert_bytes":
        return data[:pos] + blob + data[pos:]
    if name == "flip_byte":
        return data[:pos] + bytes([data[pos] ^ 0x80]) + data[pos + 1:] if pos < n else data
    if name == "prepend_bom":
        return (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf")[a % 4] + data
    if name == "prepend_bytes":
        return blob + data
    if name == "append_bytes":
        return data + blob
    if name == "zero_bytes":
        return data[:pos] + b"\x00" * (1 + a % 8) + data[pos:]
    raise AssertionError(name)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def spoiled_text(draw, valid: bytes) -> bytes:
    """A valid CSV/TXT with table edits, then re-encoded (maybe badly) and byte edits."""
    rows, sep = read_rows(valid)
    for op in draw(st.lists(_table_op, max_size=3)):
        rows = edit_table(rows, op)
    text = write_rows(rows, draw(st.sampled_from((sep, sep, *SEPARATORS))), draw(st.sampled_from(NEWLINES)))
    data = encode(text, draw(st.sampled_from(("utf-8", "utf-8", *ENCODINGS))))
    for op in draw(st.lists(_byte_op, max_size=2)):
        data = edit_bytes(data, op)
    return data


@st.composite
def one_bad_cell(draw, valid: bytes) -> tuple[bytes, int, int]:
    """A valid table with exactly one body cell replaced by garbage: (file, row, column)."""
    rows, sep = read_rows(valid)
    r = 1 + draw(_idx) % (len(rows) - 1)
    c = draw(_idx) % len(rows[r])
    rows[r][c] = draw(st.sampled_from(GARBAGE_CELLS))
    return write_rows(rows, sep, "\r\n").encode("utf-8"), r + 1, c


# --- JSON -----------------------------------------------------------------------------------


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, (*prefix, i))


def _get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def edit_json(doc, op: tuple):
    name, a, value = op
    paths = list(_paths(doc))
    path = paths[a % len(paths)]
    if name == "wrap_list":
        return [doc]
    if name == "wrap_dict":
        return {"events": doc, "values": doc}
    if not path:
        return copy.deepcopy(value) if name == "set" else doc
    parent, key = _get(doc, path[:-1]), path[-1]
    if name == "set":
        parent[key] = copy.deepcopy(value)  # never the shared constant: a later edit would make a cycle
    elif name == "delete":
        del parent[key]
    elif name == "duplicate" and isinstance(parent, list):
        parent.insert(key, json.loads(json.dumps(parent[key])))
    elif name == "rename" and isinstance(parent, dict):
        parent[str(value)] = parent.pop(key)
    return doc


JSON_OPS = ("set", "set", "set", "delete", "delete", "duplicate", "rename", "wrap_list", "wrap_dict", "deep")


@st.composite
def spoiled_json(draw, valid: bytes) -> bytes:
    doc = json.loads(valid.decode("utf-8-sig"))
    ops = draw(st.lists(st.tuples(st.sampled_from(JSON_OPS), _idx, st.sampled_from(GARBAGE_JSON)), min_size=1, max_size=3))
    for op in ops:
        doc = edit_json(doc, op)
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from((None, 1))))
    if any(op[0] == "deep" for op in ops):  # nesting too deep for json.loads (built as text: json.dumps cannot either)
        depth = 50_000 + ops[0][1] % 100_000
        deep = "[" * depth + "]" * depth
        text = {"]": text[:-1] + ", " + deep + "]", "}": text[:-1] + ', "x": ' + deep + "}"}.get(text[-1], deep)
    data = encode(text, draw(st.sampled_from(("utf-8", "utf-8", *ENCODINGS))))
    for op in draw(st.lists(_byte_op, max_size=2)):
        data = edit_bytes(data, op)
    return data


# --- XLSX -----------------------------------------------------------------------------------


def _cell(value: str, typed: bool):
    """Excel would store numbers as numbers: try that when `typed`."""
    if typed:
        try:
            return int(value) if value.isdigit() and len(value) < 16 else float(value)
        except ValueError:
            pass
    return value.replace("\x00", "")


def workbook(rows: list[list[str]], *, typed: bool, sheet_before: str | None, title: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if sheet_before is not None:
        ws.title = sheet_before
        ws.append(["Instruktioner"])
        ws = wb.create_sheet(title)
    else:
        ws.title = title
    for row in rows:
        try:
            ws.append([_cell(v, typed) for v in row])
        except Exception:  # openpyxl refuses control characters in cells: leave them out
            ws.append([_cell("".join(ch for ch in v if ch.isprintable()), typed) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def broken_zip(kind: int, data: bytes) -> bytes:
    """Files named .xlsx that are not workbooks."""
    if kind == 0:
        return data  # a CSV with the wrong suffix
    if kind == 1:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("hej.txt", "inte en arbetsbok")
        return buf.getvalue()
    if kind == 2:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/workbook.xml", "<workbook><sheets></sheets></workbook>")
        return buf.getvalue()
    return b"PK\x03\x04" + data[:200]


@st.composite
def spoiled_xlsx(draw, valid: bytes) -> bytes:
    """A workbook made from the (edited) table, on the first or second sheet, or a broken zip."""
    rows, _sep = read_rows(valid)
    for op in draw(st.lists(_table_op, max_size=3)):
        rows = edit_table(rows, op)
    mode = draw(st.sampled_from(("book", "book", "book", "truncated", "not_zip")))
    book = workbook(rows, typed=draw(st.booleans()), sheet_before=draw(st.sampled_from((None, None, "Instruktioner"))),
                    title=draw(st.sampled_from(("Mall", "Blad1", "Reformer", "Aktiviteter"))))
    if mode == "truncated":
        return book[: draw(_idx) % len(book)]
    if mode == "not_zip":
        return broken_zip(draw(_idx) % 4, valid)
    return book
