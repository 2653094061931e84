"""Brå's old NTU kommun tables (web tables copied to CSV) → the ntu_* indicators.

One row per area (HELA RIKET, the county, the kommun), one column per measure in per cent.
"XX" is Brå's mark for a figure suppressed because too few answered: it becomes status
"sekretess" with no value, never a number. Each known column names its indicator and the
year it refers to (NTU 2009 asked about 2008); a column `år` in the file overrides the year.
"""
from __future__ import annotations

import pandera.pandas as pa

from lagesbild.errors import Issue
from lagesbild.importers import areas
from lagesbild.importers.base import ParsedImport, check, fail, is_number, is_year, observation_frame, parse_number, period_end, read_table, rename_columns, text_column, validate

KIND = "ntu"
SOURCE_ID = "bra_ntu"
SUPPRESSED = "XX"
# column → (indicator, year the figure refers to)
COLUMNS = {
    "otrygghet_utevistelse_sen_kvall_pct": ("ntu_otrygghet_sen_kvall", "2010"),
    "oro_brottsligheten_i_samhallet_pct": ("ntu_oro_brottsligheten", "2010"),
    "oro_for_narstaende_pct": ("ntu_oro_narstaende", "2010"),
    "oro_bostadsinbrott_pct": ("ntu_oro_bostadsinbrott", "2010"),
    "oro_overfall_misshandel_pct": ("ntu_oro_overfall", "2010"),
    "oro_bilbrott_pct": ("ntu_oro_bilbrott", "2010"),
    "personer_utsatta_brott_mot_enskild_person_pct": ("ntu_utsatta_person", "2008"),
    "hushall_utsatta_egendomsbrott_pct": ("ntu_hushall_egendomsbrott", "2008"),
}


def _value_ok(v: str) -> bool:
    return v == SUPPRESSED or is_number(v, minimum=0) and parse_number(v) <= 100


def parse(data: bytes, filename: str) -> ParsedImport:
    df = rename_columns(read_table(data, filename), {"area": ("område", "omrade"), "year": ("år", "ar")})
    measures = [c for c in df.columns if c in COLUMNS]
    unknown = [c for c in df.columns if c not in COLUMNS and c not in ("area", "year")]
    issues = [Issue(f"kolumnen ”{c}” känns inte igen; förväntat en av {', '.join(COLUMNS)}.", 1, c) for c in unknown]
    if not measures:
        issues.append(Issue("filen har ingen känd NTU-kolumn.", 1))
    fail(issues)
    schema = pa.DataFrameSchema({
        "area": text_column(check(lambda v: areas.by_name(v) is not None, f"HELA RIKET, {areas.county()['name']} eller kommunens namn")),
        **{c: text_column(check(_value_ok, "en andel i procent (0–100) eller XX för sekretess")) for c in measures},
        **({"year": text_column(check(is_year, "ett årtal ÅÅÅÅ (1900–2099)"))} if "year" in df.columns else {}),
    })
    fail(validate(df, schema))
    rows, districts = [], {}
    for i, r in enumerate(df.to_dict("records")):
        area = areas.by_name(r["area"])
        if area["level"] != "kommun":
            districts[area["code"]] = area
        for c in measures:
            indicator_id, year = COLUMNS[c]
            period = r.get("year") or year
            suppressed = r[c] == SUPPRESSED
            rows.append({"row": i + 2, "indicator_id": indicator_id, "area_code": area["code"], "period": period,
                         "period_end": period_end(period), "value": None if suppressed else parse_number(r[c]),
                         "status": "sekretess" if suppressed else "ok",
                         "note": "XX i Brå:s tabell: för få svar för att redovisas." if suppressed else None})
    records = observation_frame(rows)
    notes = [f"{len(records)} värden från NTU för {len(df)} områden."]
    n_secret = int((records["status"] == "sekretess").sum())
    if n_secret:
        notes.append(f"{n_secret} värden är markerade XX av Brå (sekretess) och lagras utan tal.")
    return ParsedImport(kind=KIND, source_id=SOURCE_ID, records=records, districts=list(districts.values()), warnings=notes)
