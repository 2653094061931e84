"""Kolada values (v3 API JSON, or a CSV with the same five fields) → indicators by `kolada_kpi`.

The API nests genders inside each (kpi, municipality, period): `values[].values[]`. It is
flattened to kpi, municipality, period, gender, value. A null value becomes status
"saknas" (Kolada publishes the cell without a number). A KPI that is not in the indicator
registry is an error: the user is told to register it first, so no figure enters the app
without a definition, unit and source.
"""
from __future__ import annotations

import json

import pandas as pd
import pandera.pandas as pa

from lagesbild.config import load_kommun
from lagesbild.errors import Issue
from lagesbild.importers.base import (
    ParsedImport, check, fail, is_year, load_json, is_number, observation_frame, parse_number, period_end, read_table,
    rename_columns, text_column, validate,
)
from lagesbild.registry.indicators import indicators

KIND = "kolada"
SOURCE_ID = "kolada"
COLUMNS = ("kpi", "municipality", "period", "gender", "value")
_ALIASES = {
    "municipality": ("municipality_id", "kommun", "kommunkod", "kommun_id"),
    "period": ("year", "år", "ar"),
    "gender": ("kön", "kon"),
    "value": ("värde", "varde"),
}


def kpi_map() -> dict[str, str]:
    """Kolada KPI id → registered indicator id."""
    return {i.kolada_kpi: i.id for i in indicators().values() if i.kolada_kpi}


def _schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema({
        "kpi": text_column(check(lambda v: bool(v), "ett Kolada-id, t.ex. N07403")),
        "municipality": text_column(check(lambda v: v.isdigit() and len(v) == 4, f"en kommunkod med fyra siffror, t.ex. {load_kommun().code}")),
        "period": text_column(check(is_year, "ett årtal ÅÅÅÅ (1900–2099)")),
        "gender": text_column(check(lambda v: v in ("T", "K", "M"), "T (totalt), K (kvinnor) eller M (män)")),
        "value": text_column(check(lambda v: v.casefold() in ("", "null", "none") or is_number(v), "ett tal eller tom cell (saknas)")),
    })


def _flatten(data: bytes) -> tuple[pd.DataFrame, list[str]]:
    """The v3 response (one page, or a list of pages) as a five-column frame of text."""
    doc = load_json(data, "ett svar från Koladas API v3")
    pages = doc if isinstance(doc, list) else [doc]
    rows, notes = [], []
    for p, page in enumerate(pages, start=1):
        if not isinstance(page, dict) or not isinstance(page.get("values"), list):
            fail([Issue(f"sida {p} saknar listan ”values”; förväntat {{\"count\": …, \"values\": [{{\"kpi\": …, \"municipality\": …, \"period\": …, \"values\": [{{\"gender\": …, \"value\": …}}]}}]}}.")])
        if page.get("next_page"):
            notes.append(f"Sida {p} hänvisar till en nästa sida ({page['next_page']}); bara det som finns i filen har lästs in.")
        for n, item in enumerate(page["values"], start=1):
            genders = (item.get("values") or []) if isinstance(item, dict) else None
            if not isinstance(genders, list) or not all(isinstance(g, dict) for g in genders):
                fail([Issue(f"sida {p}, post {n} i ”values”: förväntat ett objekt med kpi, municipality, period och en lista "
                            "”values” med {\"gender\": …, \"value\": …}.")])
            for g in genders:
                rows.append({
                    "kpi": str(item.get("kpi", "")), "municipality": str(item.get("municipality", "")),
                    "period": str(item.get("period", "")), "gender": str(g.get("gender", "")),
                    "value": "" if g.get("value") is None else str(g.get("value")),
                })
    return pd.DataFrame(rows, columns=list(COLUMNS)), notes


def parse(data: bytes, filename: str) -> ParsedImport:
    """A Kolada JSON (.json) or CSV (.csv / .xlsx)."""
    if filename.lower().endswith(".json"):
        df, notes = _flatten(data)
        where = "post"  # JSON has no rows; we count the flattened values 1, 2, …
        first = 1
    else:
        df = rename_columns(read_table(data, filename), _ALIASES)
        notes, where, first = [], "rad", 2
    return _records(df, notes, where=where, first=first)


def _records(df: pd.DataFrame, notes: list[str], *, where: str, first: int) -> ParsedImport:
    kommun = load_kommun()
    issues = validate(df, _schema(), first_row=first)
    if where == "post":
        issues = [Issue(f"post {i.row}: {i.message}", None, i.column) for i in issues]
    fail(issues)
    kpis = kpi_map()
    rows, issues, other = [], [], 0
    for i, r in enumerate(df.to_dict("records")):
        row = i + first
        if r["municipality"] != kommun.code:
            other += 1
            continue
        indicator_id = kpis.get(r["kpi"])
        if indicator_id is None:
            msg = (f"KPI ”{r['kpi']}” finns inte i indikatorregistret; lägg till den i data/registry/indicators.toml "
                   f"med kolada_kpi = \"{r['kpi']}\" (namn, definition, enhet) och importera igen.")
            issues.append(Issue(msg if where == "rad" else f"post {row}: {msg}", row if where == "rad" else None, "kpi"))
            continue
        value = parse_number(None if r["value"].casefold() in ("null", "none") else r["value"])
        rows.append({"row": row, "indicator_id": indicator_id, "area_code": kommun.code, "period": r["period"],
                     "period_end": period_end(r["period"]), "value": value, "gender": r["gender"],
                     "status": "ok" if value is not None else "saknas"})
    fail(issues)
    if not rows:
        fail([Issue(f"filen har inga värden för {kommun.name} (kommunkod {kommun.code}).", column="municipality")])
    if other:
        notes.append(f"{other} värden för andra kommuner än {kommun.name} hoppades över.")
    missing = sum(r["value"] is None for r in rows)
    if missing:
        notes.append(f"{missing} värden saknas i Kolada och visas som ”Uppgift saknas”.")
    return ParsedImport(kind=KIND, source_id=SOURCE_ID, records=observation_frame(rows), warnings=notes)


def parse_pages(pages: list[dict]) -> ParsedImport:
    """Pages fetched online (`kolada_online`) through the same checks as a file."""
    return parse(json.dumps(pages).encode(), "kolada.json")
