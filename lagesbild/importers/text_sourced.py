"""Survey figures quoted from published text → the enkat_* indicators, each with its quote.

Every value keeps the sentence it was taken from and the page's address (Observation.quote
and .source_url), so the Om and Fokusområden pages can show them next to the figure, also in
a frozen meeting snapshot. Measures map to indicators through
data/registry/text_sourced_measures.toml. Area levels:
- "kommun" → the kommun; "lokalpolisområde" → the kommun's code, with the level kept in
  the note (Polisen's area is not the kommun's boundary);
- "kommundel" → "kd-<slug>" (a named part of the kommun without a boundary);
- "län" → the county code (comparison values).
"""
from __future__ import annotations

import tomllib
from functools import lru_cache

import pandas as pd
import pandera.pandas as pa

from lagesbild.config import DATA_DIR, load_kommun
from lagesbild.errors import Issue
from lagesbild.importers import areas
from lagesbild.importers.base import ParsedImport, check, fail, is_number, is_year, observation_frame, parse_number, period_end, read_table, text_column, validate
from lagesbild.registry.indicators import indicators

KIND = "enkat_text"
SOURCE_ID = "enkater_citerade"
MEASURES_FILE = DATA_DIR / "registry" / "text_sourced_measures.toml"
LEVELS = ("kommun", "lokalpolisområde", "kommundel", "län")
UNITS = {"percent": "procent", "procent": "procent"}


@lru_cache(maxsize=1)
def measures() -> dict[tuple[str, str], tuple[str, str]]:
    """(measure text, survey) → (indicator, gender); survey "" matches any survey."""
    with open(MEASURES_FILE, "rb") as fh:
        raw = tomllib.load(fh)
    return {(m["text"].strip().casefold(), m.get("survey", "").strip().casefold()): (m["indicator"], m.get("gender", "T"))
            for m in raw.get("measure", [])}


def mapping_for(known: dict[tuple[str, str], tuple[str, str]], measure: str, survey: str) -> tuple[str, str] | None:
    """The entry for this measure and survey: one naming the survey first (two surveys asking
    the same question are two series, not one), else the measure's general entry."""
    text, survey = measure.strip().casefold(), str(survey).casefold()
    for (t, s), value in known.items():
        if t == text and s and s in survey:
            return value
    return known.get((text, ""))


def _schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema({
        "id": text_column(check(bool, "ett radid, t.ex. T01")),
        "measure": text_column(check(bool, "vad som mäts, som i data/registry/text_sourced_measures.toml")),
        "area": text_column(check(bool, "områdets namn")),
        "area_level": text_column(check(lambda v: v in LEVELS, "en av " + ", ".join(LEVELS))),
        "period": text_column(check(is_year, "ett årtal ÅÅÅÅ (1900–2099)")),
        "value": text_column(check(lambda v: is_number(v, minimum=0), "ett tal ≥ 0")),
        "unit": text_column(check(lambda v: v in UNITS, "percent (procent)")),
        "survey_or_source": text_column(check(bool, "undersökningens namn")),
        "publisher_of_page": text_column(check(bool, "vem som publicerat sidan")),
        "source_url": text_column(check(lambda v: v.startswith(("http://", "https://")), "en webbadress som börjar med http:// eller https://")),
        "quote": text_column(check(bool, "den citerade meningen")),
    })


def _area(r: dict, row: int) -> tuple[str, dict | None, str, Issue | None]:
    """(area code, district row to add or None, note, issue)."""
    kommun = load_kommun()
    level = r["area_level"]
    if level in ("kommun", "lokalpolisområde"):
        note = (f"Avser lokalpolisområde {kommun.local_police_area} (Polisens område), inte exakt kommungränsen."
                if level == "lokalpolisområde" else "")
        return kommun.code, None, note, None
    if level == "kommundel":
        d = areas.kommundel(r["area"])
        return d["code"], d, f"Kommundel {r['area']} (namn i källtexten, utan fastställd gräns).", None
    d = areas.by_name(r["area"])
    if d is None or d["level"] != "lan":
        return "", None, "", Issue(f"länet ”{r['area']}” känns inte igen; förväntat {areas.county()['name']}.", row, "area")
    return d["code"], d, "Jämförelsevärde för länet.", None


def parse(data: bytes, filename: str) -> ParsedImport:
    df = read_table(data, filename)
    fail(validate(df, _schema()))
    known, registered = measures(), indicators()
    rows, districts, issues, context = [], {}, [], []
    for i, r in enumerate(df.to_dict("records")):
        row = i + 2
        mapping = mapping_for(known, r["measure"], r["survey_or_source"])
        if mapping is None:
            issues.append(Issue(f"mätningen ”{r['measure']}” finns inte i data/registry/text_sourced_measures.toml; lägg till den med en registrerad indikator.", row, "measure"))
            continue
        indicator_id, gender = mapping
        if not indicator_id:
            context.append(f"{r['id']} ({r['measure']})")
            continue
        if indicator_id not in registered:
            issues.append(Issue(f"indikatorn ”{indicator_id}” finns inte i indikatorregistret.", row, "measure"))
            continue
        if registered[indicator_id].unit != UNITS[r["unit"]]:
            issues.append(Issue(f"enheten ”{r['unit']}” passar inte indikatorn {indicator_id}; förväntat {registered[indicator_id].unit}.", row, "unit"))
            continue
        code, district, note, problem = _area(r, row)
        if problem:
            issues.append(problem)
            continue
        if district:
            districts[district["code"]] = district
        source_note = f"{r['survey_or_source']}. Publicerat av {r['publisher_of_page']} (rad {r['id']} i källfilen)."
        rows.append({"row": row, "indicator_id": indicator_id, "area_code": code, "period": r["period"],
                     "period_end": period_end(r["period"]), "value": parse_number(r["value"]), "gender": gender,
                     "status": "ok", "note": " ".join(x for x in (note, source_note) if x),
                     "quote": r["quote"].strip(), "source_url": r["source_url"].strip()})
    fail(issues)
    notes = [f"{len(rows)} citerade enkätvärden, vart och ett med sin mening och adress."]
    if context:
        notes.append("Sammanhang utan indikator (finns kvar i källfilen): " + "; ".join(context) + ".")
    if districts:
        notes.append("Områden som bara finns som namn i källtexten: " + ", ".join(d["name"] for d in districts.values()) + ".")
    return ParsedImport(kind=KIND, source_id=SOURCE_ID, records=observation_frame(rows), districts=list(districts.values()), warnings=notes)


def quotes(observations: pd.DataFrame) -> pd.DataFrame:
    """Observations that carry a quoted sentence: indicator, area, period, gender, value,
    quote, source_url and note (for "Om data" and next to the figures). Works on a live or
    a frozen Picture's observations table."""
    cols = ["indicator_id", "area_code", "period", "gender", "value", "quote", "source_url", "note"]
    if observations.empty or "quote" not in observations:
        return pd.DataFrame(columns=cols)
    df = observations[observations["quote"].notna() & (observations["quote"].astype(str) != "")]
    return df[cols].sort_values(["indicator_id", "area_code", "period", "gender"]).reset_index(drop=True)
