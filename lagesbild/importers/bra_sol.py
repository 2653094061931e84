"""Brå Statistik On-Line (SOL) "textfil" export → `BraValue`s (see lagesbild.importers.bra).

The export is a cross-tab meant for a spreadsheet (data/raw/SOURCES.md §1):
- ISO-8859-1, `;`-separated; `&nbsp;` must be decoded BEFORE splitting (it ends in `;`);
- stacked header rows: the year ("2026 prel." when preliminary; an "År" row may sit above
  it), then "Kvartal N" in quarterly files; the last header row is the measure row
  "Antal" / "/100 000 inv";
- two columns per period: count and rate per 100 000;
- a region is a row of its own with empty cells; the offence rows follow it;
- `..` means "not selected", not zero: such a cell gives no value at all. A nested
  selection brings its parent categories along as rows of `..`; they are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lagesbild.config import load_kommun
from lagesbild.errors import Issue
from lagesbild.importers.base import decode_text, fail, parse_number

NOT_SELECTED = ".."
_PREL = re.compile(r"\s*\bprel(?:iminär|iminary)?\.?\s*", re.IGNORECASE)
_QUARTER = re.compile(r"^kvartal\s*([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")  # ASCII, 1900–2099: period_end cannot take year 0 or 10000
# SOL category codes, for exports that show them (from the source repo's fetch script)
_CODES = {"5036": "total", "11086": "person", "11095": "theft", "11462": "burglary", "11099": "vandalism",
          "11650": "narkotika", "11708": "vapen"}


@dataclass(frozen=True)
class BraValue:
    """One offence category in one period, as read from either format (the tidy CSV in
    lagesbild.importers.bra, or SOL's textfil here)."""

    row: int
    period: str
    key: str
    count: float | None
    rate: float | None
    preliminary: bool


def clean(cell: str) -> str:
    return cell.replace("\u00a0", " ").replace("\xa0", " ").strip().strip('"').strip()


def offence_key(label: str) -> str | None:
    """A SOL row label → total | person | theft | burglary | vandalism | narkotika | vapen."""
    text = re.sub(r"\s+", " ", clean(label).casefold().replace("–", "-").replace("—", "-"))
    code = re.search(r"\b(\d{4,5})\b", text)
    if code and code.group(1) in _CODES:
        return _CODES[code.group(1)]
    if text.startswith("totalt antal brott"):
        return "total"
    if "inbrottsstöld i bostad" in text or ("inbrott" in text and "bostad" in text):
        return "burglary"
    if "narkotikastrafflagen" in text:
        return "narkotika"
    if "vapenlagen" in text:
        return "vapen"
    if re.search(r"\b3\s*-\s*7 kap\b", text):
        return "person"
    if re.search(r"\b8 kap\b", text):
        return "theft"
    if re.search(r"\b12 kap\b", text):
        return "vandalism"
    return None


def _region(name: str) -> str | None:
    """"Huddinge kommun" → "Huddinge"; "Heby kommun (Uppsala län från 2007)" → "Heby"."""
    name = re.sub(r"\s*\(.*?\)\s*$", "", name)
    return name[: -len(" kommun")].strip() if name.endswith(" kommun") else None


def _periods(head: list[list[str]], ncol: int) -> tuple[list[tuple[str, bool] | None], list[Issue]]:
    """One (period, preliminary) per column pair, assembled from every header row."""
    out, issues, year_fill = [], [], [""] * len(head)
    for c in range(1, ncol, 2):
        parts = []
        for h, row in enumerate(head):
            cell = next((clean(row[x]) for x in (c, c + 1) if x < len(row) and clean(row[x])), "")
            if cell.casefold() == "år":
                continue
            if cell:
                year_fill[h] = cell
            elif year_fill[h] and _YEAR.match(_PREL.sub("", year_fill[h]).strip()):
                cell = year_fill[h]  # a year written once above its quarters (merged cell)
            if cell:
                parts.append(cell)
        year, quarter, prel = "", "", False
        for p in parts:
            if _QUARTER.match(p):
                quarter = "K" + _QUARTER.match(p).group(1)
            else:
                prel = prel or bool(_PREL.search(p))
                year = _PREL.sub("", p).strip()
        period = f"{year}{quarter}"
        if not _YEAR.match(year):
            issues.append(Issue(f"rubriken ”{' '.join(parts)}” är ingen period; förväntat ett år (t.ex. 2025 eller 2026 prel.) och för kvartal ”Kvartal N”.", None, f"kolumn {c + 1}"))
            out.append(None)
        else:
            out.append((period, prel))
    return out, issues


def parse_values(data: bytes) -> tuple[list[BraValue], list[str]]:
    """The kommun's offence values from a SOL textfil, plus notes. Raises ValidationError."""
    kommun = load_kommun()
    text = decode_text(data, ("utf-8", "iso-8859-1")).replace("&nbsp;", "\u00a0")
    lines = text.splitlines()
    cells = [line.split(";") for line in lines]
    measure = next((i for i, row in enumerate(cells) if len(row) > 2 and clean(row[1]) == "Antal"), None)
    if measure is None:
        fail([Issue("hittar ingen rubrikrad med ”Antal” och ”/100 000 inv”; förväntat Brå SOL:s textfil (ISO-8859-1, semikolon).")])
    meas = [clean(c) for c in cells[measure]]
    ncol = len(meas)
    issues = [Issue(f"förväntat ”{want}” i rubrikraden, fanns ”{meas[c]}”.", measure + 1, f"kolumn {c + 1}")
              for c in range(1, ncol) for want in [("Antal" if c % 2 else "/100 000 inv")]
              if meas[c] and (meas[c] != "Antal" if c % 2 else "100" not in meas[c].replace(" ", ""))]
    head = [row for row in cells[:measure] if any(clean(x) for x in row[1:])]
    periods, more = _periods(head, ncol)
    fail(issues + more)
    values, notes, issues, region, found, unselected = [], [], [], None, False, 0
    combined: dict[str, dict[str, tuple]] = {}
    for n in range(measure + 1, len(cells)):
        row, line_no = cells[n], n + 1
        name = clean(row[0]) if row else ""
        if not name or name.casefold() == "anmälda brott":
            continue
        raw = [clean(x) for x in row[1:ncol]]
        if all(not x for x in raw):
            region = _region(name)
            found = found or region == kommun.name
            continue
        if region != kommun.name:
            continue
        if all(x in ("", NOT_SELECTED) for x in raw):
            unselected += 1
            continue  # a parent category brought along by a nested selection: not selected
        key = offence_key(name)
        if key is None:
            issues.append(Issue(f"brottskategorin ”{name}” har ingen registrerad indikator; förväntat Totalt antal brott, 3–7 kap., 8 kap., inbrottsstöld i bostad, 12 kap., narkotikastrafflagen eller vapenlagen.", line_no, "brottskategori"))
            continue
        for p, period_info in enumerate(periods):
            if period_info is None:
                continue
            period, prel = period_info
            pair = []
            for j, unit in ((2 * p, "Antal"), (2 * p + 1, "/100 000 inv")):
                cell = raw[j] if j < len(raw) else ""
                try:
                    pair.append(None if cell in ("", NOT_SELECTED) else parse_number(cell))
                except ValueError:
                    issues.append(Issue(f"värdet ”{cell}” är inget tal; förväntat ett tal, tom cell eller .. (ej valt).", line_no, f"{period} {unit}"))
                    pair.append(None)
            count, rate = pair
            if count is None and rate is None:
                continue
            if key in ("narkotika", "vapen"):
                combined.setdefault(period, {})[key] = (line_no, count, rate, prel)
                continue
            if "K" in period and key != "total":
                notes.append(f"Rad {line_no}: kvartalsvärden för ”{name}” lästes inte in (bara totalt antal brott finns som kvartalsindikator).")
                continue
            values.append(BraValue(line_no, period, key, count, rate, prel))
    fail(issues)
    if not found:
        fail([Issue(f"filen har ingen rad ”{kommun.name} kommun”; förväntat en regionrad för kommunen följd av brottsraderna.")])
    values += _combine(combined, notes)
    if unselected:
        notes.append(f"{unselected} överordnade brottsrader med .. (ej valda) hoppades över.")
    return values, notes


def _combine(combined: dict[str, dict[str, tuple]], notes: list[str]) -> list[BraValue]:
    """Narcotics + weapons → the registered combined category, only when both are present."""
    out = []
    for period, parts in sorted(combined.items()):
        if set(parts) != {"narkotika", "vapen"}:
            notes.append(f"{period}: narkotika- och vapenbrott lästes inte in – indikatorn är summan av båda och filen har bara {', '.join(parts)}.")
            continue
        if "K" in period:
            continue
        (row, c1, r1, p1), (_row2, c2, r2, p2) = parts["narkotika"], parts["vapen"]
        count = c1 + c2 if c1 is not None and c2 is not None else None
        rate = r1 + r2 if r1 is not None and r2 is not None else None
        out.append(BraValue(row, period, "drugs_weapons", count, rate, p1 or p2))
    return out
