"""Brå reported offences (Statistik On-Line) → the registered bra_* indicators.

Two formats:
- the tidy CSV (`kommun;period;key;count;per100k;preliminary`, data/raw/bra_sol/*.csv);
- SOL's own "textfil" export (see `lagesbild.importers.bra_sol`).
Both end in `records()`: a count goes to `bra_<key>_antal`, Brå's rate to `bra_<key>_per100k`
(`indicator_id`, the one mapping); a quarterly total to `bra_total_kvartal_antal` and its rate, as
Brå published it, to `bra_total_kvartal_per100k`. Preliminary
periods get status "preliminar". The tidy CSV may also hold the comparison kommuner named in
the kommun file's [peers] table: their rows are kept under their own kommun code (area level
"jamforelsekommun"), so every view that filters on the kommun's code is unaffected.
"""
from __future__ import annotations

import pandera.pandas as pa

from lagesbild.config import load_kommun
from lagesbild.errors import Issue
from lagesbild.importers.base import ParsedImport, check, fail, is_count, is_number, observation_frame, parse_number, period_end, read_table, text_column, validate
from lagesbild.importers.bra_sol import BraValue, parse_values

SOURCE_ID = "bra_sol"
KEYS = ("total", "person", "theft", "burglary", "vandalism", "drugs_weapons")
KEY_LABELS = {
    "total": "Totalt antal brott",
    "person": "3–7 kap. Brott mot person",
    "theft": "8 kap. Stöld, rån m.m.",
    "burglary": "Inbrottsstöld i bostad",
    "vandalism": "12 kap. Skadegörelsebrott",
    "drugs_weapons": "Narkotikastrafflagen + vapenlagen",
}
QUARTERLY_KEYS = {"total": "bra_total_kvartal_antal"}
# Brå's own quarterly rate: shown as published, never recomputed from a population.
QUARTERLY_RATE_KEYS = {"total": "bra_total_kvartal_per100k"}
PEER_LEVEL = "jamforelsekommun"  # district level of a comparison kommun (not "kommun": that is ours)


def indicator_id(key: str, unit: str) -> str:
    """A SOL category key and "antal" | "per100k" → the registered indicator id."""
    return f"bra_{key}_{unit}"


def records(values: list[BraValue], kommun_code: str) -> tuple[list[dict], list[str]]:
    """Observations for the registered indicators, and notes on what had no indicator."""
    out, skipped_rates = [], 0
    for v in values:
        status = "preliminar" if v.preliminary else "ok"
        base = {"row": v.row, "area_code": kommun_code, "period": v.period, "period_end": period_end(v.period), "status": status}
        if "K" in v.period:
            if v.count is not None:
                out.append({**base, "indicator_id": QUARTERLY_KEYS[v.key], "value": v.count})
            if v.rate is not None and v.key in QUARTERLY_RATE_KEYS:
                out.append({**base, "indicator_id": QUARTERLY_RATE_KEYS[v.key], "value": v.rate})
            else:
                skipped_rates += v.rate is not None
            continue
        if v.count is not None:
            out.append({**base, "indicator_id": indicator_id(v.key, "antal"), "value": v.count})
        if v.rate is not None:
            out.append({**base, "indicator_id": indicator_id(v.key, "per100k"), "value": v.rate})
    notes = []
    if skipped_rates:
        notes.append(f"{skipped_rates} kvartalsvärden per 100 000 invånare lästes inte in: det finns ingen registrerad kvartalsindikator per 100 000.")
    return out, notes


def period_ok(text: str) -> bool:
    try:
        period_end(text)
    except ValueError:
        return False
    return "-" not in text  # Brå publishes years and quarters, not months


def _schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema({
        "kommun": text_column(check(lambda v: v.isdigit() and len(v) == 4, f"en kommunkod med fyra siffror, t.ex. {load_kommun().code}")),
        "period": text_column(check(period_ok, "ett år ÅÅÅÅ eller ett kvartal ÅÅÅÅKn, t.ex. 2025 eller 2026K1")),
        "key": text_column(check(lambda v: v in KEYS, "en av " + ", ".join(KEYS))),
        "count": text_column(check(lambda v: v == "" or is_count(v), "ett heltal ≥ 0 (antal anmälda brott) eller tom cell")),
        "per100k": text_column(check(lambda v: is_number(v, minimum=0, allow_empty=True), "ett tal ≥ 0 (per 100 000 invånare) eller tom cell")),
        "preliminary": text_column(check(lambda v: v in ("", "0", "1"), "1 för preliminär period, annars tom")),
    })


def parse_csv(data: bytes, filename: str) -> ParsedImport:
    """The tidy CSV: the kommun's rows, and those of its comparison kommuner ([peers] in the
    kommun file). Rows for any other kommun are skipped and counted in a warning."""
    kommun = load_kommun()
    peers = kommun.peers.names
    df = read_table(data, filename)
    fail(validate(df, _schema()))
    by_area: dict[str, list[BraValue]] = {}
    issues, other = [], 0
    for i, r in enumerate(df.to_dict("records")):
        row = i + 2
        if r["kommun"] != kommun.code and r["kommun"] not in peers:
            other += 1
            continue
        if "K" in r["period"] and r["key"] not in QUARTERLY_KEYS:
            issues.append(Issue(f"kvartalsvärden finns bara för ”total”; förväntat key = total för perioden {r['period']}.", row, "key"))
            continue
        by_area.setdefault(r["kommun"], []).append(
            BraValue(row, r["period"], r["key"], parse_number(r["count"]), parse_number(r["per100k"]), r["preliminary"] == "1"))
    fail(issues)
    if kommun.code not in by_area:
        fail([Issue(f"filen har inga rader för {kommun.name} (kommunkod {kommun.code}); förväntat minst en sådan rad.", column="kommun")])
    rows, notes = [], []
    for code, values in by_area.items():
        more_rows, more_notes = records(values, code)
        rows += more_rows
        notes += [n for n in more_notes if n not in notes]
    found_peers = [c for c in peers if c in by_area]
    if found_peers:
        notes.append(f"Jämförelsekommuner: {len(found_peers)} ({', '.join(peers[c] for c in found_peers)}).")
    if other:
        notes.append(f"{other} rader för andra kommuner än {kommun.name} och dess jämförelsekommuner hoppades över.")
    districts = [{"code": c, "name": peers[c], "level": PEER_LEVEL, "parent_code": None, "is_priority": False} for c in found_peers]
    return ParsedImport(kind="bra_csv", source_id=SOURCE_ID, records=observation_frame(rows), warnings=notes, districts=districts)


def parse_sol(data: bytes, filename: str) -> ParsedImport:
    """SOL's own "textfil" export (lagesbild.importers.bra_sol)."""

    values, notes = parse_values(data)
    if not values:
        fail([Issue("filen har inga värden för de registrerade brottskategorierna.")])
    rows, more = records(values, load_kommun().code)
    return ParsedImport(kind="bra_sol", source_id=SOURCE_ID, records=observation_frame(rows), warnings=notes + more)


def is_tidy(data: bytes) -> bool:
    head = data[:200].decode("utf-8", "replace").lstrip("\ufeff").strip().casefold()
    return head.startswith("kommun;period;key") or head.startswith("kommun,period,key")


def parse(data: bytes, filename: str) -> ParsedImport:
    """Either Brå format, told apart by the first line."""
    return parse_csv(data, filename) if is_tidy(data) else parse_sol(data, filename)
