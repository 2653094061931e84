"""The partners' own local indicators: a template (CSV and XLSX) and its importer.

Columns: indikator, område, period, värde, partner, kommentar. The indicator must be a
registered partner_* indicator (data/registry/indicators.toml), the area a known area code,
the value a non-negative number (a whole number for counts). The partner may be given by id
or name; an editor tied to a partner may import only that partner's rows (checked in
`base.apply`). ImportBatch kind "partner".
"""
from __future__ import annotations

import csv
import io

import pandas as pd
import pandera.pandas as pa

from lagesbild.config import load_kommun
from lagesbild.errors import Issue
from lagesbild.importers.base import (
    PERIOD_EXPECTED, ParsedImport, check, fail, is_number, is_period, observation_frame, parse_number, period_end,
    read_table, text_column, validate,
)
from lagesbild.registry.indicators import indicators

KIND = "partner"
SOURCE_ID = "partner"
COLUMNS = ["indikator", "område", "period", "värde", "partner", "kommentar"]
PREFIX = "partner_"


def partner_indicators() -> dict:
    return {i.id: i for i in indicators().values() if i.id.startswith(PREFIX)}


def seed_partners() -> pd.DataFrame:
    with open(load_kommun().seed_dir / "partners.csv", encoding="utf-8", newline="") as fh:
        return pd.DataFrame(list(csv.DictReader(fh)))


def _partner_lookup(partners: pd.DataFrame) -> dict[str, str]:
    out = {}
    for r in partners.to_dict("records"):
        for k in ("id", "name", "short_name"):
            if r.get(k):
                out[str(r[k]).strip().casefold()] = r["id"]
    return out


def _schema(lookup: dict[str, str], known_areas: set[str] | None) -> pa.DataFrameSchema:
    registered = partner_indicators()
    k = load_kommun()
    area_check = (check(lambda v: v in known_areas, f"en områdeskod som finns i appen (t.ex. {k.example('kommun')} eller {k.example('regso')})")
                  if known_areas is not None else check(bool, f"en områdeskod (t.ex. {k.example('regso')})"))
    return pa.DataFrameSchema({
        "indikator": text_column(check(lambda v: v in registered, "en registrerad partnerindikator: " + ", ".join(registered))),
        "område": text_column(area_check),
        "period": text_column(check(is_period, PERIOD_EXPECTED)),
        "värde": text_column(check(lambda v: is_number(v, minimum=0), "ett tal ≥ 0 (decimalkomma går bra)")),
        "partner": text_column(check(lambda v: v.casefold() in lookup, "en av parterna: " + ", ".join(sorted(set(lookup.values()))))),
        "kommentar": text_column(required=False),
    })


# The areas a series may be reported on, by the indicator's level: its own partition, the
# areas made of it (priority areas are made of RegSO, RegSO of DeSO) and the kommun. Never two
# partitions that do not nest (RegSO and valdistrikt): their overlaps would let a hidden count
# be worked out by differencing, so a series lives on one partition only.
ALLOWED_LEVELS = {
    "deso": {"deso", "regso", "prioriterat", "kommun"},
    "regso": {"regso", "prioriterat", "kommun"},
    "valdistrikt": {"valdistrikt", "kommun"},
    "prioriterat": {"prioriterat", "kommun"},
    "kommun": {"kommun"},
}
LEVEL_SV = {"deso": "DeSO", "regso": "RegSO", "valdistrikt": "valdistrikt", "prioriterat": "prioriterat område",
            "kommun": "hela kommunen"}


def _level_issue(ind, area: str, area_levels: dict[str, str], row: int) -> Issue | None:
    allowed = ALLOWED_LEVELS.get(ind.level)
    level = area_levels.get(area)
    if allowed is None or level is None or level in allowed:
        return None
    names = ", ".join(LEVEL_SV.get(lv, lv) for lv in sorted(allowed))
    return Issue(f"området ”{area}” är {LEVEL_SV.get(level, level)}, men indikatorn ”{ind.id}” redovisas per "
                 f"{LEVEL_SV.get(ind.level, ind.level)}; förväntat ett område på nivån {names} (en serie finns bara "
                 "i en indelning, så att skyddade små tal inte kan räknas fram).", row, "område")


def parse(data: bytes, filename: str, *, known_areas: set[str] | None = None, partners: pd.DataFrame | None = None,
          area_levels: dict[str, str] | None = None) -> ParsedImport:
    df = read_table(data, filename)
    df = df[[c for c in df.columns if not c.startswith("Unnamed")]]
    df = df[(df != "").any(axis=1)].reset_index(drop=True) if not df.empty else df
    lookup = _partner_lookup(partners if partners is not None else seed_partners())
    fail(validate(df, _schema(lookup, known_areas)))
    if df.empty:
        fail([Issue("mallen har inga rader; förväntat minst en rad under rubrikraden.", 2)])
    registered = partner_indicators()
    rows, issues = [], []
    for i, r in enumerate(df.to_dict("records")):
        value = parse_number(r["värde"])
        if area_levels and (issue := _level_issue(registered[r["indikator"]], r["område"], area_levels, i + 2)):
            issues.append(issue)
            continue
        if registered[r["indikator"]].is_count and not float(value).is_integer():
            issues.append(Issue(f"värdet ”{r['värde']}” är inget heltal; förväntat ett antal (heltal ≥ 0).", i + 2, "värde"))
            continue
        rows.append({"row": i + 2, "indicator_id": r["indikator"], "area_code": r["område"], "period": r["period"],
                     "period_end": period_end(r["period"]), "value": value, "status": "ok",
                     "note": (r.get("kommentar") or "").strip() or None, "partner_id": lookup[r["partner"].casefold()]})
    fail(issues)
    return ParsedImport(kind=KIND, source_id=SOURCE_ID, records=observation_frame(rows),
                        warnings=[f"{len(rows)} värden från {', '.join(sorted({r['partner_id'] for r in rows}))}."])


# --- the template ------------------------------------------------------------------------

INSTRUCTIONS_SV = [
    "Fyll i en rad per värde. Rubrikraden ska stå kvar oförändrad.",
    "indikator: en av partnerindikatorerna nedan (id).",
    "område: områdeskod, t.ex. {kommun} (hela kommunen) eller {regso} (RegSO). Se sidan Områden.",
    "period: ÅÅÅÅ (år), ÅÅÅÅKn (kvartal, t.ex. 2026K1) eller ÅÅÅÅ-MM (månad).",
    "värde: ett tal ≥ 0; antal anges som heltal. Lämna inte gissningar – saknas uppgiften, lämna raden.",
    "partner: er organisations id eller namn (se nedan).",
    "kommentar: frivillig; t.ex. hur uppgiften tagits fram.",
    "Att importera samma fil igen ändrar ingenting; en ändrad siffra för samma indikator, område och period ersätter den gamla.",
]


def template_csv() -> bytes:
    """Header only, `;`-separated, UTF-8 with BOM so Excel opens it with å, ä, ö intact."""
    return ("\ufeff" + ";".join(COLUMNS) + "\r\n").encode("utf-8")


def template_xlsx(partners: pd.DataFrame | None = None) -> bytes:
    """A workbook: sheet "Mall" (the columns) and "Instruktioner" (the allowed values)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    partners = partners if partners is not None else seed_partners()
    wb = Workbook()
    ws = wb.active
    ws.title = "Mall"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEF", (32, 14, 10, 10, 18, 40)):
        ws.column_dimensions[col].width = width
    info = wb.create_sheet("Instruktioner")
    k = load_kommun()
    for line in INSTRUCTIONS_SV:
        line = line.format(kommun=k.example("kommun"), regso=k.example("regso")) if "{" in line else line
        info.append([line])
    info.append([])
    info.append(["Partnerindikatorer", "Namn", "Enhet", "Periodicitet"])
    for ind in partner_indicators().values():
        info.append([ind.id, ind.name_sv, ind.unit_label("sv"), ind.periodicity])
    info.append([])
    info.append(["Partner (id)", "Namn"])
    for r in partners.to_dict("records"):
        info.append([r["id"], r["name"]])
    info.column_dimensions["A"].width = 40
    info.column_dimensions["B"].width = 60
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
