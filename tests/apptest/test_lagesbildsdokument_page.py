"""AppTests of the Lägesbildsdokument page: Swedish throughout, the law's parts with a verdict
per section and "Analys saknas" where nothing is written; a reader sees no form, no code and
no path; an editor saves a section's analysis, which the page then shows with its author; a
refused save names what is wrong in Swedish and keeps the text as typed, with nothing written."""
from __future__ import annotations

from sqlalchemy import func, select

from lagesbild.store import analysis as an
from lagesbild.store.db import Store
from lagesbild.store.models import AnalysisText
from tests.apptest.helpers import open_page, texts
from tests.apptest.test_swedish_ui import FORBIDDEN, _ENGLISH, _QUOTED, shown_texts

PARTS = ["Kartläggning", "Annan information av betydelse", "Analys", "Åtgärdsplan", "Uppföljning av förra periodens åtgärder"]
FORM = "doc_analys_2025_fokus_gang_0"
TEXT = "Skottlossningarna 2023 är det tydligaste tecknet; anmälda brott mot person ligger i nivå med jämförbara kommuner."


def test_the_page_shows_the_laws_parts_in_swedish_with_a_verdict_per_section(fresh_app_db):
    at = open_page("lagesbildsdokument", {"ar": "2025"})
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.header] == PARTS
    assert at.selectbox(key="_url_ar").value == "2025"
    shown = texts(at)
    assert shown.count("Läget i korthet") == len(at.subheader) >= 12
    assert shown.count("Analys saknas") == len(at.subheader)  # nothing written yet
    assert "Ta fram Word- och PDF-fil" in [b.label for b in at.button]
    english = sorted({m for s in shown_texts(at) for m in _ENGLISH.findall(_QUOTED.sub("", s))})
    assert english == [], english


def test_a_reader_sees_no_form_and_nothing_internal(fresh_app_db, monkeypatch):
    from lagesbild.config import settings

    monkeypatch.setenv("LAGESBILD_EDITING", "0")
    settings.cache_clear()
    try:
        at = open_page("lagesbildsdokument", {"ar": "2025"})
        assert not at.exception
        assert not at.get("form") and "Skriv analysen" not in [e.label for e in at.expander]
        assert [f for s in shown_texts(at) for f in FORBIDDEN + ["fokus:", "omrade:"] if f in s] == []
        assert "Analys saknas" in texts(at)  # the document itself is for everyone
    finally:
        settings.cache_clear()


def test_an_editor_saves_an_analysis_and_a_refused_save_keeps_the_text(fresh_app_db):
    at = open_page("lagesbildsdokument", {"ar": "2025"})
    assert not at.exception
    at.text_area(key=f"{FORM}_text").input("Kort.")
    at.button(key=f"{FORM}_submit").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "Analysen sparades inte" in errors and "kolumn ”analys”" in errors and "minst 10 tecken" in errors
    assert at.text_area(key=f"{FORM}_text").value == "Kort."  # nothing lost
    store = Store.open(fresh_app_db)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AnalysisText)) == 0  # nothing written
    at.text_area(key=f"{FORM}_text").input(TEXT)
    at.button(key=f"{FORM}_submit").click().run()
    assert not at.exception and not at.error
    shown = texts(at)
    assert "Analysen för ”Fokusområde: Gängkriminalitet” är sparad." in shown and TEXT in shown
    assert shown.count("Analys saknas") == len(at.subheader) - 1 and "Skriven av" in shown
    with store.session() as s:
        latest = an.latest(s, 2025)
    store.engine.dispose()
    assert list(latest) == ["fokus:gang"] and latest["fokus:gang"]["text"] == TEXT
    # a second text replaces it in the document; the first stays in the history under the form
    form = f"doc_analys_2025_fokus_gang_{latest['fokus:gang']['id']}"
    at.text_area(key=f"{form}_text").input(TEXT + " Andra versionen.")
    at.button(key=f"{form}_submit").click().run()
    assert not at.exception and not at.error
    shown = texts(at)
    assert "Andra versionen." in shown and "Tidigare versioner (1)" in shown


def test_the_files_are_made_on_request_and_offered_as_docx_and_pdf(fresh_app_db):
    import io

    import pytest

    from lagesbild.export.images import browser_path

    if browser_path() is None:
        pytest.skip("no chromium for kaleido (scripts/setup.sh dev installs it)")
    at = open_page("lagesbildsdokument", {"ar": "2024"})
    assert not at.exception and not at.get("download_button")  # drawn only when asked for
    at.button(key="doc_make").click().run()
    assert not at.exception and not at.error
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Ladda ned Word (DOCX)", "Ladda ned PDF"]
    from docx import Document

    from tests.unit.document_text import docx_paragraphs

    files = at.session_state["doc_files"]
    assert docx_paragraphs(files[1])[0] == ("Title", "Lägesbild Huddinge 2024")
    assert len(Document(io.BytesIO(files[1])).inline_shapes) > 0 and files[2].startswith(b"%PDF")
