"""Audit: no police-notice count 1–4 can be worked out by combining what the views publish,
and the lägesbild documents (DOCX and PDF) beside them.

The attacker reads every view of the seeded data for every area — the profile's table per
year and per type, its key-figure rate with the population beside it, the Karta table
(rate and population) for every year, the count badges on the map, and the meeting-pack
table of the map — and then tries the differencing attacks: rate × population, row total
minus the shown years, a priority area minus its districts, the kommun minus its districts,
and the type table's total. A count 1–4 that is shown, pinned to one value, or part of a
hidden group whose sum is known to be 1–4 fails the test (lagesbild/privacy.py states the rule).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date

import pandas as pd
import pytest

from lagesbild import notice_counts as notice_view
from lagesbild import privacy
from lagesbild.registry.indicators import notice_counts
from lagesbild.config import load_kommun
from lagesbild.geo import areas as areas_mod
from lagesbild.geo import events, karta, measures, profile
from lagesbild.picture import load_live
from lagesbild.privacy import Group
from lagesbild.store.db import Store
from tests.unit.privacy_audit import pinned, revealed_sums

COUNT_LABEL = "Publicerade polishändelser (antal notiser)"
AREA_LEVELS = ("regso", areas_mod.PRIORITY_LEVEL)


@pytest.fixture(scope="module")
def pic(tmp_path_factory):
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('audit') / 'audit.db'}")
    with store.session() as s:
        picture = load_live(s)
    store.engine.dispose()
    return picture


def _number(text: str) -> float | None:
    text = str(text).replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return float(text) if re.fullmatch(r"-?\d+(\.\d+)?", text) else None


class Published:
    """Everything the attacker has read: exact counts, counts derived from rates, and ".."."""

    def __init__(self):
        self.known: dict[tuple, set[int]] = defaultdict(set)
        self.where: dict[tuple, list[str]] = defaultdict(list)
        self.dots: set[tuple] = set()

    def count(self, key, text, view: str) -> None:
        if str(text).strip() == privacy.SUPPRESSED:
            self.dots.add(key)
            return
        v = _number(text)
        if v is not None:
            self.known[key].add(int(round(v)))
            self.where[key].append(view)

    def rate(self, key, rate_text, pop_text, view: str, per: int = 1000) -> None:
        """rate × population: the rate is rounded to one decimal, so the count lies in an
        interval; an interval holding one whole number gives the count away."""
        if str(rate_text).strip() == privacy.SUPPRESSED:
            self.dots.add(key)
            return
        r, pop = _number(rate_text), _number(pop_text)
        if r is None or not pop:
            return
        lo, hi = max(r - 0.05, 0) * pop / per, (r + 0.05) * pop / per
        whole = list(range(math.ceil(lo - 1e-9), math.floor(hi + 1e-9) + 1))
        if len(whole) == 1:
            self.known[key].add(whole[0])
            self.where[key].append(view)


def truth(pic) -> tuple[dict[tuple, int], list[str]]:
    """The true counts: notices whose place lies wholly inside the area, per year and in all."""
    ev = pic.table("police_events")
    years = pd.to_datetime(ev["occurred_at"], errors="coerce").dt.year
    placed = events.place_parts(ev["district"])
    cat = areas_mod.catalogue()
    out: dict[tuple, int] = {}
    ylist = [str(y) for y in sorted(set(years.dropna().astype(int)))]
    for code in cat.index[cat["level"].isin(AREA_LEVELS)]:
        inside = set(cat.loc[code, "parts"])
        mask = pd.Series([bool(r) and r <= inside or (not r and p == code) for r, p in placed], index=ev.index)
        for y in ylist:
            out[("Y", code, y)] = int((mask & (years.astype("Int64").astype(str) == y)).sum())
        out[("T", code)] = int(mask.sum())
        for typ, n in ev.loc[mask, "type"].value_counts().items():
            out[("typ", code, typ)] = int(n)
    kommun = load_kommun().code
    for y in ylist:
        out[("Y", kommun, y)] = int((years.astype("Int64").astype(str) == y).sum())
    for ind in notice_counts():  # the focus areas' counts of chosen types (shootings, explosions)
        hit = ev["type"].isin(ind.notice_types)
        for y in ylist:
            out[("N", ind.id, y)] = int((hit & (years.astype("Int64").astype(str) == y)).sum())
        out[("NT", ind.id)] = int(hit.sum())
    return out, ylist


def harvest(pic) -> tuple[Published, dict[str, list[str]]]:
    seen = Published()
    type_rows: dict[str, list[str]] = {}
    kommun = load_kommun().code
    cat = areas_mod.catalogue()
    for code in cat.index:
        p = profile.build(pic, code, "sv")
        if not p.events.empty:
            row = p.events.iloc[0]
            for col in p.events.columns[1:]:
                key = ("T", code) if col == "Totalt" else ("Y", code, str(col)[:4])  # "2022 (delår)"
                seen.count(key, row[col], "profil: år")
        if not p.events_types.empty:
            labels = []
            for label, text in zip(p.events_types.iloc[:, 0], p.events_types["Antal"]):
                key = ("T", code) if label == "Totalt" else ("typ", code, label)
                if label != "Totalt":
                    labels.append(label)
                seen.count(key, text, "profil: typ")
            type_rows[code] = labels
        kf = p.key_figures.set_index("Nyckeltal")
        if COUNT_LABEL in kf.index:
            period = str(kf.loc[COUNT_LABEL, "Period"])
            seen.count(("Y", code, period), kf.loc[COUNT_LABEL, "Området"], "profil: nyckeltal")
            assert kf.loc[COUNT_LABEL, "Hela kommunen"] == "–"  # not counted by the same rule: not compared
    from lagesbild.agenda import area as area_view

    full = events.complete_year(pic)
    names = dict(zip(cat["name"], cat.index))
    for period in measures.periods(pic, measures.NOTICES):
        mv = karta.map_values(pic, measures.NOTICES, period)
        table = karta.display_table(mv, measures.NOTICES, "sv")
        count_col = [c for c in table.columns if c.startswith(measures.NOTICES.name_sv)][0]
        pops = {}
        for name, kod, shown, pop in zip(table["Område"], table["Kod"], table[count_col], table["Folkmängd"]):
            code = kod if kod != "–" else names[name]  # priority areas show no code to readers
            seen.count(("Y", code, period), shown, f"karta {period}")
            pops[code] = pop
        if period == full:  # the count badges on the map
            for r in mv.table.itertuples():
                if not r.suppressed and not (isinstance(r.count, float) and math.isnan(r.count)):
                    seen.count(("Y", r.code, period), r.count, "karta: antal")
        vc = area_view.district_map(pic, {"matt": measures.NOTICES.id, "period": period}, "sv")
        for tb in vc.tables:  # the meeting pack's table of the map
            short = tb.table
            for name, shown in zip(short.iloc[:, 0], short.iloc[:, 1]):
                code = names.get(name)
                if code in pops:
                    seen.count(("Y", code, period), shown, f"mötesunderlag {period}")
    for ind in notice_counts():  # Fokusområden's table of the notices of chosen types
        c = notice_view.count(pic, ind)
        tb = notice_view.table(c)
        for y, (label, shown) in zip([*c.years, None], zip(tb.iloc[:, 0], tb.iloc[:, 1])):
            seen.count(("NT", ind.id) if y is None else ("N", ind.id, y.year), shown, f"fokusområde: {label}")
    return seen, type_rows


def relations(true: dict[tuple, int], years: list[str], type_rows: dict[str, list[str]],
              extra: list[tuple] = ()) -> tuple[list[tuple], list[Group]]:
    """Cells and every sum relation the attacker knows; `extra`: (total, parts, complete) the
    lägesbild document adds (its totals over the years it keeps)."""
    cat = areas_mod.catalogue()
    keys = list(true)
    idx = {k: i for i, k in enumerate(keys)}
    groups: list[Group] = []

    def cell(key) -> int:
        if key not in idx:
            idx[key] = len(keys)
            keys.append(key)
        return idx[key]

    for code in cat.index[cat["level"].isin(AREA_LEVELS)]:
        groups.append(Group(cell(("T", code)), [cell(("Y", code, y)) for y in years], True, "år"))
        if code in type_rows:
            groups.append(Group(cell(("T", code)), [cell(("typ", code, t)) for t in type_rows[code]], True, "typ"))
    for code in cat.index[cat["level"] == areas_mod.PRIORITY_LEVEL]:
        parts = [c for c in cat.loc[code, "parts"] if ("T", c) in idx]
        for y in years:
            groups.append(Group(cell(("Y", code, y)), [cell(("Y", c, y)) for c in parts], False, "prio"))
        groups.append(Group(cell(("T", code)), [cell(("T", c)) for c in parts], False, "prio"))
    kommun = load_kommun().code
    regso = list(cat.index[cat["level"] == "regso"])
    for y in years:
        groups.append(Group(cell(("Y", kommun, y)), [cell(("Y", c, y)) for c in regso], False, "kommun"))
    for ind in notice_counts():
        groups.append(Group(cell(("NT", ind.id)), [cell(("N", ind.id, y)) for y in years], True, "år"))
    for total, parts, complete in extra:
        groups.append(Group(cell(total), [cell(p) for p in parts], complete, "dokument"))
    return keys, groups


def _type_truth(true, code, labels):
    listed = {("typ", code, t) for t in labels if t != "Övriga"}
    rest = true[("T", code)] - sum(true.get(k, 0) for k in listed)
    return rest


def audit(pic, documents: list[tuple[int, bytes, bytes]] = ()) -> list[str]:
    """`documents`: (year, DOCX, PDF) of lägesbild documents the attacker also reads."""
    n = privacy.threshold()
    true, years = truth(pic)
    seen, type_rows = harvest(pic)
    extra = []
    for year, docx, pdf in documents:
        extra += harvest_document(seen, true, years, year, docx, pdf)
    keys, groups = relations(true, years, type_rows, extra)
    values = []
    for k in keys:
        if k[0] == "typ" and k[2] == "Övriga":
            values.append(float(_type_truth(true, k[1], type_rows[k[1]])))
        else:
            values.append(float(true.get(k, 0)))
    problems = []
    for k, got in seen.known.items():
        if len(got) > 1:
            problems.append(f"{k}: the views disagree {sorted(got)} ({', '.join(seen.where[k])})")
        want = true.get(k)
        if want is not None and got != {want}:
            problems.append(f"{k}: shown as {sorted(got)}, but {want} notices lie in the area")
        for v in got:
            if 0 < v < n:
                problems.append(f"{k} = {v} is shown ({', '.join(seen.where[k])})")
    hidden = [k not in seen.known for k in keys]
    at_least = [1 if k in seen.dots else 0 for k in keys]
    primary = [h and 0 < v < n for h, v in zip(hidden, values)]
    for i in pinned(groups, values, hidden, primary, at_least):
        problems.append(f"{keys[i]} = {int(values[i])} follows from the shown figures")
    for gi, secret, mass in revealed_sums(groups, values, hidden, n):
        if any(primary[c] for c in secret):
            problems.append(f"{' + '.join(str(keys[c]) for c in secret)} = {mass} follows from {keys[groups[gi].total]}")
    return problems


# --- the lägesbild document (DOCX and PDF) ------------------------------------------------------


def harvest_document(seen: Published, true: dict, years: list[str], year: int, docx: bytes, pdf: bytes) -> list[tuple]:
    """What a year's document publishes about notices, read from its files as a reader reads
    them: the focus area's table of notices of chosen types (years and the total over the years
    the document keeps) from the DOCX and the PDF, and each priority area's key figure (DOCX).
    Returns the document's own sum relations (its totals) and adds their true values to `true`."""
    from lagesbild.geo import areas as areas_mod
    from tests.unit.document_text import docx_tables, pdf_text

    kept = [y for y in years if y <= str(year)]
    cat = areas_mod.catalogue()
    names = dict(zip(cat["name"], cat.index))
    extra = []
    text = pdf_text(pdf)
    for ind in notice_counts():
        total = ("NTc", ind.id, str(year))
        true[total] = sum(true.get(("N", ind.id, y), 0) for y in kept)
        extra.append((total, [("N", ind.id, y) for y in kept], True))
        for section, caption, df in docx_tables(docx):
            if caption != ind.name_sv:
                continue
            for label, shown in zip(df.iloc[:, 0], df.iloc[:, 1]):
                key = total if label.startswith("Totalt") else ("N", ind.id, label[:4])
                seen.count(key, shown, f"dokument {year} (DOCX): {label}")
        # the PDF's table: "2024   .." / "Totalt sedan 2022   12", after its caption
        at = re.search(rf"Tabell \d+\. {re.escape(ind.name_sv)}", text)
        assert at, f"the PDF has no table {ind.name_sv}"
        for label, shown in re.findall(r"^\s*((?:\d{4}|Totalt sedan \d{4})[^\n]*?)\s{2,}(\S+)\s*$", text[at.end():at.end() + 1500], re.M):
            key = total if label.startswith("Totalt") else ("N", ind.id, label[:4])
            seen.count(key, shown, f"dokument {year} (PDF): {label.strip()}")
    for section, caption, df in docx_tables(docx):
        if caption == "Nyckeltal jämfört med hela kommunen" and "Nyckeltal" in df:
            code = names.get(section.split(": ", 1)[-1])
            for _i, r in df[df["Nyckeltal"] == COUNT_LABEL].iterrows():
                seen.count(("Y", code, str(r["Period"])), r["Området"], f"dokument {year}: nyckeltal")
    return extra


def _document_files(pic, year: int) -> tuple[int, bytes, bytes]:
    from lagesbild import document
    from lagesbild.export.document_docx import document_docx
    from lagesbild.export.document_pdf import document_pdf

    doc = document.build(pic, year)
    return year, document_docx(doc, {}), document_pdf(doc, {})


def test_no_notice_count_below_the_limit_can_be_worked_out_from_the_views_and_the_documents(pic):
    """The attacker reads every view and the lägesbild documents for 2024 and 2025 (DOCX and
    PDF): their notices up to 31 December beside the pages' notices up to today."""
    docs = [_document_files(pic, y) for y in (2024, 2025)]
    problems = audit(pic, docs)
    assert not problems, "\n".join(problems)


def test_the_audit_catches_a_document_that_protects_its_year_afresh(pic):
    """The planted leak: a document cut to 2025 whose small numbers are worked out again on what
    remains (not read from the pages' protection) shows its own "Totalt sedan 2022"; beside the
    pages' total it gives the hidden 2026 count away. The audit must find it."""
    from lagesbild.picture import Picture, cut_to

    cut = cut_to(pic, date(2025, 12, 31))
    naive = Picture(tables=cut.tables, as_of=cut.as_of)  # the same rows, protected afresh
    year, docx, pdf = _document_files(naive, 2025)
    problems = audit(pic, [(year, docx, pdf)])
    assert any("follows from the shown figures" in p and "'N'" in p for p in problems), problems


def test_no_police_notice_count_below_the_limit_can_be_worked_out_across_views(pic):
    assert not pic.table("police_events").empty, "the audit needs the seeded notices"
    problems = audit(pic)
    assert not problems, "\n".join(problems)


def test_one_protected_table_feeds_the_profile_the_key_figure_and_the_map():
    """The Länna pattern in miniature: 1, 8, 7 and 2 notices in four years with the total shown.
    Hiding 1 and 2 alone would give 3 away (18 − 8 − 7), so a third year goes too — and the
    map and the key figure for that year read the same hidden cell."""
    from tests.unit.test_geo_views import POP, event, make_picture, obs_rows

    years = {"2023": 1, "2024": 8, "2025": 7, "2026": 2}
    evs = [event(f"{y}-{i}", "Länna", f"{y}-{(i % 11) + 1:02d}-10 12:00:00") for y, k in years.items() for i in range(k)]
    evs.append(event("first", "Segeltorp", "2023-01-02 12:00:00"))
    evs.append(event("last", "Segeltorp", "2026-12-20 12:00:00"))
    p = make_picture(obs_rows("scb_befolkning", {**POP, "0126R010": 2962.0}) + obs_rows("kolada_N01951", {"0126": 114686.0}),
                     events_rows=evs)
    table = events.protected(p)
    hidden_years = {y for y in years if table.is_hidden(("Y", "0126R010", y))}
    assert {"2023", "2026"} <= hidden_years and len(hidden_years) >= 3 or table.is_hidden(("T", "0126R010"))
    mv = karta.map_values(p, measures.NOTICES, "2025")
    row = mv.table.set_index("code").loc["0126R010"]
    assert bool(row["suppressed"]) is table.is_hidden(("Y", "0126R010", "2025"))
    figure = profile.build(p, "0126R010").key_figures.set_index("Nyckeltal").loc[COUNT_LABEL, "Området"]
    assert (figure == privacy.SUPPRESSED) is table.is_hidden(("Y", "0126R010", "2025"))
    # A valdistrikt cannot be placed: its profile says so instead of "no notice names a place here".
    p_vd = profile.build(p, "01260130")
    assert p_vd.events.empty and "valdistrikt" in p_vd.events_summary
