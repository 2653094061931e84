"""Every figure on every registered page carries source, type and "data t.o.m.", and every
chart has its table; a count below the threshold never reaches a page.

The pages are walked through AppTest from the router (app.py), each registered page with
its default address and with the addresses that open its sub-views (a focus area, an area
profile, one reform). The checker (provenance_check) is tested on small scripts first, so
it is known to fail when a caption is missing.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from sqlalchemy import insert
from streamlit.testing.v1 import AppTest

from lagesbild.registry.pages import PAGES
from lagesbild.store.db import Store
from lagesbild.store.models import Observation
from tests.apptest.helpers import open_page
from tests.apptest.provenance_check import check, frame_has_figures

# Sub-views reached through the address (the same ones a meeting agenda can save).
VIEWS = {
    "fokusomraden": [{"fokus": f} for f in ("gang", "andts", "vinr", "trygghet")],
    "omraden": [{"omrade": "0126R001"}, {"omrade": "prio-flemingsberg"}],
    "reformer": [{"reform": "R07"}],
}


def all_views():
    for spec in PAGES:
        yield pytest.param(spec.slug, None, id=spec.slug)
        for q in VIEWS.get(spec.slug, []):
            yield pytest.param(spec.slug, q, id=f"{spec.slug}?{'&'.join(f'{k}={v}' for k, v in q.items())}")


# --- the checker can fail ---------------------------------------------------------------


def _script(body: str) -> AppTest:
    code = "import streamlit as st\nimport pandas as pd\nimport plotly.graph_objects as go\n" + body
    at = AppTest.from_string(code, default_timeout=30)
    return at.run()


CAP = 'st.caption("Källa: Brå · Typ: Anmälda brott · Data t.o.m. 2025-12-31")\n'
FIG = 'fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))\n'


def test_checker_passes_a_captioned_metric_and_chart_with_table():
    rep = check(_script('st.metric("A", "1 234")\n' + CAP + FIG + 'st.plotly_chart(fig)\n'
                        'with st.expander("Visa som tabell"):\n    st.dataframe(pd.DataFrame({"x": [1]}))\n' + CAP).main)
    assert rep.figures == 3 and not rep.missing and not rep.charts_without_table


def test_checker_fails_a_metric_without_caption():
    rep = check(_script('st.metric("A", "1 234")\nst.caption("Något annat")\n').main)
    assert rep.missing == ["metric ”A”"]


def test_checker_fails_three_metrics_sharing_one_caption():
    rep = check(_script('st.metric("A", "1")\nst.metric("B", "2")\nst.metric("C", "3")\n' + CAP).main)
    assert len(rep.missing) == 2


def test_checker_fails_a_caption_in_another_column():
    rep = check(_script('a, b = st.columns(2)\na.metric("A", "1")\nb.caption("Källa: x · Typ: y · Data t.o.m. 2025")\n').main)
    assert rep.missing == ["metric ”A”"]


def test_checker_fails_a_chart_without_table():
    rep = check(_script(FIG + 'st.plotly_chart(fig)\n' + CAP).main)
    assert rep.charts_without_table and not rep.missing


def test_table_of_words_is_not_a_figure_but_dots_are():
    assert not frame_has_figures(pd.DataFrame({"Aktivitet": ["Vandring"], "Start": ["2026-03-01"]}))
    assert frame_has_figures(pd.DataFrame({"Värde": [".."]}))
    assert frame_has_figures(pd.DataFrame({"Värde": ["11\u00a0838"]}))


# --- every page ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug,query", list(all_views()))
def test_every_figure_has_source_type_and_data_tom(slug, query):
    at = open_page(slug, query)
    assert not at.exception, [e.value for e in at.exception]
    rep = check(at.main)
    assert not rep.missing, f"{slug} {query}: figurer utan bildtext med Källa, Typ och t.o.m.: {rep.missing}"


@pytest.mark.parametrize("slug,query", list(all_views()))
def test_every_chart_has_visa_som_tabell(slug, query):
    at = open_page(slug, query)
    rep = check(at.main)
    assert not rep.charts_without_table, f"{slug} {query}: diagram utan ”Visa som tabell”: {rep.charts_without_table}"


def test_the_walk_sees_figures_and_captions():
    """Guard against a vacuous pass: the focus page has many figures and as many captions."""
    rep = check(open_page("fokusomraden", {"fokus": "trygghet"}).main)
    assert rep.figures >= 10 and rep.captions >= rep.figures // 2


# --- a small count never reaches a page -----------------------------------------------------

# Distinct large values mark the tables and charts that show the test indicator.
CANARIES = {1234.0, 1250.0, 1261.0, 1301.0, 1306.0, 2562.0}
SMALL = {1.0, 2.0, 3.0, 4.0}
INDICATOR = "partner_skadegorelse_arenden"


@pytest.fixture
def small_counts_db(fresh_app_db):
    store = Store.open(fresh_app_db)
    # The newest quarter holds the small counts, so every "latest value" view meets them.
    rows = [("0126R001", "2025K1", 1234), ("0126R001", "2025K2", 1250), ("0126R001", "2025K3", 1261), ("0126R001", "2025K4", 3),
            ("0126R002", "2025K3", 1301), ("0126R002", "2025K4", 2),
            ("0126R003", "2025K4", 1301), ("0126", "2025K3", 2562), ("0126", "2025K4", 1306)]
    from lagesbild.importers.base import period_end

    with store.transaction() as s:
        s.execute(insert(Observation), [
            {"indicator_id": INDICATOR, "area_code": a, "period": p, "period_end": period_end(p), "value": float(v),
             "status": "ok", "gender": "T", "partner_id": "huge"} for a, p, v in rows])
    store.engine.dispose()
    return fresh_app_db


def _cells(df: pd.DataFrame) -> list:
    return [v for col in df.columns for v in df[col].tolist()]


def _as_number(v) -> float | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    text = str(v).replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
    return float(text) if re.fullmatch(r"\d+(\.\d+)?", text) else None


def _trace_numbers(spec: str) -> list[float]:
    out = []
    for trace in json.loads(spec).get("data", []):
        for key in ("y", "z", "values", "text", "customdata"):
            vals = trace.get(key)
            if not isinstance(vals, list):
                continue
            for v in vals:
                n = _as_number(v) if not isinstance(v, list) else None
                if n is not None:
                    out.append(n)
    return out


def _leaks(at: AppTest) -> tuple[list[str], int]:
    """Small values in any table, chart or metric that shows the test indicator."""
    leaks, seen = [], 0
    for df_el in at.dataframe:
        cells = [_as_number(v) for v in _cells(df_el.value)]
        if CANARIES & {c for c in cells if c is not None}:
            seen += 1
            bad = [c for c in cells if c in SMALL]
            if bad:
                leaks.append(f"tabell {list(df_el.value.columns)}: {bad}")
    for ch in at.get("plotly_chart"):
        nums = _trace_numbers(ch.proto.spec)
        if CANARIES & set(nums):
            seen += 1
            bad = [n for n in nums if n in SMALL]
            if bad:
                leaks.append(f"diagram: {bad}")
    for m in at.metric:
        if "kadegörelse- och klotterärenden" in m.label and _as_number(m.value) in SMALL:
            leaks.append(f"metric {m.label}: {m.value}")
    for el in [*at.markdown, *at.caption]:
        if re.search(r"klotterärenden.*\b(?:var|was) [1-4](?= |[^\d\u00a0,.])", str(el.value)):
            leaks.append(f"text: {el.value}")
    return leaks, seen


@pytest.mark.parametrize("slug,query", list(all_views()))
def test_no_small_count_on_any_page(small_counts_db, slug, query):
    at = open_page(slug, query)
    assert not at.exception, [e.value for e in at.exception]
    leaks, _seen = _leaks(at)
    assert not leaks, f"{slug} {query}: {leaks}"


def test_no_small_count_on_the_map_of_the_indicator(small_counts_db):
    """The map shows the count per 1 000 inhabitants: a rate built on 3 or 2 must be hidden too."""
    from sqlalchemy import select

    store = Store.open(small_counts_db)
    with store.session() as s:
        pops = dict(s.execute(select(Observation.area_code, Observation.value).where(
            Observation.indicator_id == "scb_befolkning", Observation.area_code.in_(["0126R001", "0126R002"]))).all())
    store.engine.dispose()
    hidden_rates = {round(3 / pops["0126R001"] * 1000, d) for d in (1, 2)} | {round(2 / pops["0126R002"] * 1000, d) for d in (1, 2)}
    at = open_page("karta")
    chooser = [sb for sb in at.selectbox if any("klotter" in str(o) for o in sb.options or [])]
    assert chooser, "the map offers the partner indicator once it has data per area"
    chooser[0].set_value(f"ind:{INDICATOR}").run()
    assert not at.exception, [e.value for e in at.exception]
    periods = [sb for sb in at.selectbox if "2025K4" in (sb.options or [])]
    if periods:
        periods[0].set_value("2025K4").run()
    numbers = [n for df in at.dataframe for n in map(_as_number, _cells(df.value)) if n is not None]
    numbers += [n for t in at.table for n in map(_as_number, _cells(t.value)) if n is not None]
    assert numbers, "the map's table is there"
    assert not hidden_rates & set(numbers), f"a rate built on a small count is shown: {hidden_rates & set(numbers)}"


def test_small_count_test_is_not_vacuous(small_counts_db):
    at = open_page("fokusomraden", {"fokus": "trygghet"})
    leaks, seen = _leaks(at)
    assert seen >= 1 and not leaks
    texts = [str(c) for df in at.dataframe for c in _cells(df.value)]
    assert ".." in texts, "the hidden counts are shown as .."


# --- … nor the lägesbild document or the meeting deck ----------------------------------------


def _small_in_rows(rows: list[list[str]]) -> tuple[list[list[str]], int]:
    """(rows about the test indicator that show a count 1–4, how many rows are about it)."""
    about = [r for r in rows if any("klotterärenden" in c for c in r)]
    return [r for r in about if SMALL & {_as_number(c) for c in r}], len(about)


def test_no_small_count_in_the_document_or_the_meeting_deck(small_counts_db, tmp_path):
    """The planted counts (3 and 2 in the newest quarter) stay hidden in the lägesbild
    document (DOCX, PDF) and in a meeting's PPTX whose agenda shows the indicator."""
    import io
    from datetime import date

    from pptx import Presentation

    from lagesbild import document
    from lagesbild.domain import SYSTEM_ACTOR as A
    from lagesbild.export.document_docx import document_docx
    from lagesbild.export.document_pdf import document_pdf
    from lagesbild.export.meeting_pack import export_meeting
    from lagesbild.picture import load_live
    from lagesbild.store import action_plan as ap
    from lagesbild.store import meetings as mt
    from tests.unit.document_text import docx_tables, pdf_text

    store = Store.open(small_counts_db)
    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput("Samverkansmöte", date(2026, 11, 30), ("huge",)))
        for n, (slug, params) in enumerate([("fokusomraden", {"fokus": "trygghet"}), ("omraden", {"omrade": "prio-flemingsberg"}),
                                            ("omraden", {"omrade": "0126R001"})], start=1):
            mt.add_item(s, A, mid, n, mt.ItemInput(f"Punkt {n}", slug, params))
    with store.transaction() as s:
        mt.freeze(s, A, mid, 4)
    with store.session() as s:
        pic, plan = load_live(s), ap.plan_frame(s)
        m, ctx, snap = mt.get_meeting(s, mid), mt.context(s, mid), mt.load_snapshot(s, mid)
    store.engine.dispose()

    doc = document.build(pic, 2025, plan=plan)
    docx, pdf = document_docx(doc, {}), document_pdf(doc, {})
    leaks, about = _small_in_rows([[str(c) for c in row] for _s, _c, df in docx_tables(docx)
                                   for row in [list(df.columns), *df.astype(str).to_numpy().tolist()]])
    assert about >= 1, "the document shows the test indicator"
    assert not leaks, f"DOCX: {leaks}"
    # a PDF table row is one line; "1 306" is one number (the thousands are spaced)
    lines = [re.sub(r"(?<=\d)[ \u00a0](?=\d{3}\b)", "", ln) for ln in pdf_text(pdf).splitlines() if "klotterärenden" in ln]
    assert lines and not [ln for ln in lines if {"1", "2", "3", "4"} & set(ln.split())], lines

    deck = Presentation(io.BytesIO(export_meeting(snap, m, ctx, {"huge": "Huge"}).pptx))
    rows = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows += [[c.text for c in r.cells] for r in shape.table.rows]
            elif shape.has_text_frame:
                rows += [[ln] for ln in shape.text_frame.text.splitlines()]
    leaks, about = _small_in_rows(rows)
    assert about >= 1, "the deck shows the test indicator"
    assert not leaks, f"PPTX: {leaks}"
