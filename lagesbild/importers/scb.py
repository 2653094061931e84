"""SCB population per DeSO or RegSO (TAB6574, 31 December) → indicator `scb_befolkning`.

Two shapes are accepted, told apart by their columns:
- DeSO: deso_code, regso_code, regso_name, population (one row per DeSO);
- RegSO: regso_code, regso_name, population (one row per RegSO).
Codes may carry SCB's suffix ("0126R001_RegSO2025"); it is stripped. The file also defines
the areas: DeSO rows (level deso, parent RegSO) and RegSO rows (level regso, SCB's name,
parent the kommun) are added when missing. No kommun total is computed here: the parts do
not add up to the official total (SCB's small-area protection); the kommun figure is
Kolada N01951.
"""
from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from lagesbild import fmt
from lagesbild.config import load_kommun
from lagesbild.errors import Issue
from lagesbild.importers.base import ParsedImport, check, fail, is_count, is_year, observation_frame, period_end, read_table, rename_columns, text_column, validate

KIND = "scb"
SOURCE_ID = "scb_befolkning"
INDICATOR = "scb_befolkning"
DESO = re.compile(r"^\d{4}[A-C]\d{4}$")
REGSO = re.compile(r"^\d{4}R\d{3}$")
_ALIASES = {
    "deso_code": ("deso", "desokod", "deso_kod"),
    "regso_code": ("regso", "regsokod", "regso_kod"),
    "regso_name": ("regso_namn", "regsonamn", "namn"),
    "population": ("folkmängd", "folkmangd", "antal", "befolkning"),
    "year": ("år", "ar", "period"),
}


def strip_suffix(code: str) -> str:
    """"0126R001_RegSO2025" → "0126R001"."""
    return code.split("_", 1)[0].strip()


def year_from_filename(filename: str) -> int | None:
    years = re.findall(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", filename or "")
    return int(years[-1]) if years else None


def _schema(kommun_code: str, deso: bool, with_year: bool) -> pa.DataFrameSchema:
    in_kommun = f"en kod som börjar med kommunkoden {kommun_code}"
    cols = {
        "regso_code": text_column(check(lambda v: bool(REGSO.match(strip_suffix(v))), f"en RegSO-kod som {kommun_code}R001"),
                                  check(lambda v: v.startswith(kommun_code), in_kommun)),
        "regso_name": text_column(check(lambda v: bool(v.strip()), "RegSO-områdets namn")),
        "population": text_column(check(is_count, "ett heltal ≥ 0 (antal personer)")),
    }
    if deso:
        cols["deso_code"] = text_column(check(lambda v: bool(DESO.match(strip_suffix(v))), f"en DeSO-kod som {kommun_code}C1010"),
                                        check(lambda v: v.startswith(kommun_code), in_kommun))
    if with_year:
        cols["year"] = text_column(check(is_year, "ett årtal ÅÅÅÅ (1900–2099)"))
    return pa.DataFrameSchema(cols)


def parse(data: bytes, filename: str, *, year: int | None = None) -> ParsedImport:
    """Parse an SCB population file. `year` defaults to a column `år` or the year in the file name."""
    kommun = load_kommun()
    df = rename_columns(read_table(data, filename), _ALIASES)
    deso = "deso_code" in df.columns
    with_year = "year" in df.columns
    fail(validate(df, _schema(kommun.code, deso, with_year)))
    if not with_year:
        year = year or year_from_filename(filename)
        if year is None:
            fail([Issue("året saknas; förväntat en kolumn ”år” eller ett årtal i filnamnet (t.ex. …_2025.csv).", column="år")])
    level_code = "deso_code" if deso else "regso_code"
    rows, districts, seen_regso = [], [], {}
    for i, r in enumerate(df.to_dict("records")):
        period = r["year"] if with_year else str(year)
        regso = strip_suffix(r["regso_code"])
        code = strip_suffix(r[level_code])
        rows.append({"row": i + 2, "indicator_id": INDICATOR, "area_code": code, "period": period,
                     "period_end": period_end(period), "value": float(r["population"]), "status": "ok"})
        if regso not in seen_regso:
            seen_regso[regso] = r["regso_name"]
            districts.append({"code": regso, "name": r["regso_name"], "level": "regso", "parent_code": kommun.code})
        elif seen_regso[regso] != r["regso_name"]:
            fail([Issue(f"RegSO {regso} har två olika namn i filen (”{seen_regso[regso]}” och ”{r['regso_name']}”); förväntat samma namn.", i + 2, "regso_name")])
        if deso:
            districts.append({"code": code, "name": code, "level": "deso", "parent_code": regso})
    records = observation_frame(rows)
    total = int(records["value"].sum())
    label = "DeSO" if deso else "RegSO"
    return ParsedImport(
        kind=KIND, source_id=SOURCE_ID, records=records, districts=districts,
        warnings=[f"{len(records)} {label}-områden, sammanlagt {fmt.number(total)} personer (summan av delarna "
                  "kan avvika något från kommunens officiella folkmängd, Kolada N01951)."],
        meta={"level": label.lower(), "total": total},
    )


def population(observations: pd.DataFrame, level_codes: set[str] | None = None) -> pd.DataFrame:
    """Latest population per area (area_code, period, value) from the observations table."""
    df = observations[observations["indicator_id"] == INDICATOR]
    if level_codes is not None:
        df = df[df["area_code"].isin(level_codes)]
    df = df.sort_values("period").groupby("area_code", as_index=False).last()
    return df[["area_code", "period", "value"]]
