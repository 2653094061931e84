"""The lägesbild document for 2025 from the shipped data (issue 13, "Done when"): its headings
are the law's parts, every section has a verdict and a figure, every figure and table carries
its source and data t.o.m., "Analys saknas" stands where no analysis is written, nothing after
31 December 2025 enters it; the DOCX has Word's headings, pictures and captions, the PDF the
same text. The files are written to test-artifacts/lagesbildsdokument/ to be looked at."""
from __future__ import annotations

import re
from datetime import date

import pytest

from lagesbild import document
from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.export import document_docx, document_images, document_pdf
from lagesbild.export.images import browser_path
from lagesbild.picture import load_live
from lagesbild.store import action_plan as ap
from lagesbild.store import analysis as an
from lagesbild.store.db import Store
from tests.unit.document_text import docx_paragraphs, docx_tables, pdf_text

PARTS = ["Kartläggning", "Annan information av betydelse", "Analys", "Åtgärdsplan", "Uppföljning av förra periodens åtgärder"]
GANG = "Gängkriminaliteten följs med ersättningsmått; skottlossningarna 2023 är det tydligaste tecknet."
# "Uppgift saknas" where the source has no dated record yet (no reform assessed, an empty plan)
PROVENANCE = re.compile(r"^Källa: .+ · Typ: .+ · Data t\.o\.m\. (\d{4}(-\d{2}-\d{2})?|\d{4}–\d{4}|Uppgift saknas)")
DATED = re.compile(r"Data t\.o\.m\. \d{4}")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('doc') / 'doc.db'}")
    with store.transaction() as s:
        ap.create_action(s, SYSTEM_ACTOR, ap.PlanActionInput(
            title="Trygghetsvandringar i Flemingsberg", focus_area_id="trygghet", area_codes=("prio-flemingsberg",),
            indicator_ids=("bra_total_per100k",), partner_ids=("huge",), start_date=date(2024, 1, 1),
            end_date=date(2026, 12, 31)))
        an.save(s, SYSTEM_ACTOR, 2025, "fokus:gang", GANG)
    with store.session() as s:
        pic = load_live(s)
        plan, analyses = ap.plan_frame(s), an.latest(s, 2025)
    store.engine.dispose()
    doc = document.build(pic, 2025, plan=plan, analyses=analyses)
    images = document_images.render(doc) if browser_path() else {}
    return pic, doc, images, document_docx.document_docx(doc, images), document_pdf.document_pdf(doc, images)


def test_the_parts_are_the_laws_and_every_focus_and_priority_area_is_mapped(built):
    pic, doc, *_ = built
    assert [p.title for p in doc.parts] == PARTS
    keys = doc.section_keys()
    assert {f"fokus:{f}" for f in pic.table("focus_areas")["id"]} <= set(keys)
    assert sum(k.startswith("omrade:prio-") for k in keys) == 4
    assert {"faktorer", "uso", "parter", "analys", "atgardsplan", "uppfoljning"} <= set(keys)
    assert len(keys) == len(set(keys))  # one analysis per section


def test_every_section_has_a_verdict_and_a_figure_with_source_and_data_tom(built):
    _pic, doc, *_ = built
    for s in doc.sections():
        assert s.verdict.lines and all(line.strip() for line in s.verdict.lines), s.key
        assert s.verdict.rule, s.key
        assert s.has_figure, f"{s.key} has no figure or table with its source"
        for block in [*s.figures, *(tb for tb in s.tables if tb.provenance is not None)]:
            line = block.provenance.line("sv")
            assert PROVENANCE.match(line), f"{s.key}: {line}"
        assert all(tb.provenance is not None for tb in s.tables), s.key
    for part in doc.parts[:1]:  # the mapping's figures are all dated
        for s in part.sections:
            assert all(DATED.search(b.provenance.line("sv")) for b in [*s.figures, *s.tables]), s.key


def test_nothing_after_the_year_enters_the_document(built):
    pic, doc, *_ = built
    assert pic.table("observations")["period"].astype(str).str.startswith("2026").any()  # the live picture has 2026
    # The åtgärdsplan is the plan as it stands when the document is made (it looks ahead); the
    # follow-up reads its figures from the year's picture.
    judged = [s for p in doc.parts if p.key in ("kartlaggning", "annan", "analys", "uppfoljning") for s in p.sections]
    for s in judged:
        for block in [*s.figures, *s.tables]:
            tom = str(block.provenance.data_tom) if block.provenance else ""
            assert "2026" not in tom, f"{s.key}: data t.o.m. {tom}"
            text = block.table.drop(columns=["Åtgärd"], errors="ignore").astype(str).to_string()
            assert not re.search(r"\b2026(K\d|-\d\d)?\b", text), f"{s.key}: a 2026 figure in {getattr(block, 'title', 'figure')}"
    assert doc.data_end == date(2025, 12, 31)


def test_analysis_is_printed_or_marked_missing(built):
    _pic, doc, _images, docx, pdf = built
    missing = [s.key for s in doc.sections() if s.analysis.missing]
    assert "fokus:gang" not in missing and len(missing) == len(doc.sections()) - 1
    paragraphs = [text for _style, text in docx_paragraphs(docx)]
    assert paragraphs.count("Analys saknas") == len(missing)
    assert GANG in paragraphs and any("Skriven av system" in p for p in paragraphs)
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    assert text.count("Analys saknas") == len(missing) and "skottlossningarna 2023" in text


def test_docx_has_word_headings_pictures_and_captions_with_sources(built):
    _pic, doc, images, docx, _pdf = built
    paragraphs = docx_paragraphs(docx)
    assert [t for s, t in paragraphs if s == "Title"] == ["Lägesbild Huddinge 2025"]
    assert [t for s, t in paragraphs if s == "Heading 1"] == PARTS
    assert [t for s, t in paragraphs if s == "Heading 2"] == [s.title for s in doc.sections()]
    captions = [(i, t) for i, (s, t) in enumerate(paragraphs) if s == "Caption"]
    figures = [t for _i, t in captions if t.startswith("Figur ")]
    assert len(figures) == sum(len(s.figures) for s in doc.sections())
    for i, text in captions:
        if text.startswith("Figur "):  # the source line right under the figure's caption
            assert PROVENANCE.match(paragraphs[i + 1][1]), text
    tables = docx_tables(docx)
    model = [tb for s in doc.sections() for tb in s.tables]
    assert len(tables) == len(model)
    for (_sec, caption, df), tb in zip(tables, model):  # cell for cell the pages' text: ".." stays ".."
        assert caption == tb.title
        want = tb.table.astype(str).replace({"nan": "", "None": "", "<NA>": ""})
        assert df.values.tolist() == want.values.tolist() and list(df.columns) == [str(c) for c in want.columns]
    assert any((df == "..").any().any() for _s, _c, df in tables)  # the shipped data has hidden counts
    follow = [df for _sec, cap, df in tables if cap == "Indikatorer före och efter start"]
    assert follow and follow[0]["Åtgärd"].tolist()[0] == "Trygghetsvandringar i Flemingsberg"
    if images:
        from docx import Document
        import io

        assert len(Document(io.BytesIO(docx)).inline_shapes) == len(figures) == len(images)


def test_pdf_has_the_parts_as_bookmarks_and_every_source_line(built, artifacts):
    import io

    from pypdf import PdfReader

    _pic, doc, _images, docx, pdf = built
    out = artifacts / "lagesbildsdokument"
    out.mkdir(parents=True, exist_ok=True)
    (out / "lagesbild_2025.docx").write_bytes(docx)
    (out / "lagesbild_2025.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert [o.title for o in reader.outline if not isinstance(o, list)] == PARTS
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    for s in doc.sections():
        assert s.title in text
    assert text.count("Data t.o.m.") >= sum(len(s.figures) + len(s.tables) for s in doc.sections())


def test_years_offered_are_those_with_data_and_the_default_is_the_last_complete_one(built):
    pic, *_ = built
    ys = document.years(pic)
    assert ys[0] >= 2026 and 2025 in ys and ys == sorted(ys, reverse=True)
    assert document.default_year(pic) == pic.as_of.year - 1
