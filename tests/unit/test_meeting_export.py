"""The meeting pack of a frozen five-item meeting: PDF (cover with the agenda as table of
contents, each item from the page the contents give, decisions; every title and source line in
the text, Swedish characters intact), PPTX (title, each item's slides, decisions; sources in the
footer and the notes), manifest and decisions CSV in one ZIP.

Charts are drawn by kaleido on the system chromium; without it the test is skipped. The PDF
pages are rendered to test-artifacts/mote-pdf/ (pdftoppm) to be looked at."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile

import pytest

from lagesbild.export.images import browser_path
from tests.unit.meeting_deck import FORMULA, export_meeting_pack

pytestmark = pytest.mark.slow

ITEMS = [
    ("Läget i korthet", "oversikt", {}),
    ("Försenade reformer – åtgärder?", "reformer", {"status": ["forsenad"]}),
    ("Gängkriminalitet: nyckeltal", "fokusomraden", {"fokus": "gang"}),
    ("Vårby: områdesprofil", "omraden", {"omrade": "prio-varby"}),
    ("Publicerade händelser per område", "karta", {"matt": "handelser", "period": "2025"}),
]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    if browser_path() is None:
        pytest.skip("no chromium for kaleido (scripts/setup.sh dev installs it)")
    steps: list[tuple[float, str]] = []
    result, contents, _pic = export_meeting_pack(tmp_path_factory.mktemp("export"), ITEMS, lambda f, t: steps.append((f, t)))
    print(f"\nexport of {len(ITEMS)} items: " + ", ".join(f"{k} {v:.2f}" for k, v in result.timings.items()))
    return result, contents, steps


def test_pdf_has_cover_items_and_decisions_with_titles_and_sources(pack, artifacts):
    from pypdf import PdfReader

    result, contents, _ = pack
    reader = PdfReader(io.BytesIO(result.pdf))
    pages = [norm(p.extract_text()) for p in reader.pages]
    # the bookmarks: one per agenda item and the decisions, in order, each on the page it starts on
    starts = [reader.get_destination_page_number(o) for o in reader.outline]
    assert len(starts) == len(ITEMS) + 1 and starts[0] == 1 and starts == sorted(starts)
    cover = pages[0]
    assert "Samverkansmöte om trygghet i Huddinge" in cover and "Lägesbild per" in cover and "fryst för mötet" in cover
    assert "Huddinge kommun, Polisen, Huge Bostäder AB" in cover
    for n, ((title, _slug, _p), vc) in enumerate(zip(ITEMS, contents), start=1):
        first, end = starts[n - 1], starts[n]
        text = " ".join(pages[first:end])
        assert f"{n}. {title}" in pages[first], title
        assert f"{n}. {title} sida {first + 1}" in cover  # the table of contents
        assert f"Sida {first + 1} av {len(pages)}" in pages[first]
        assert "Samverkansmöte om trygghet i Huddinge · 2026-11-30" in pages[first]  # the header
        assert all(f"{n}. {title} (forts.)" in p for p in pages[first + 1:end])
        for line in vc.source_lines("sv"):
            assert norm(line) in text, (title, line)
    assert "Lägesbilden för Vårby fastställs." in pages[-1] and "Beslut och åtgärder" in pages[-1]
    everything = " ".join(pages)
    for word in ("åtgärder", "Försenad", "Områden", "Gängkriminalitet", "Källa: Brå", "Data t.o.m."):
        assert word in everything, word
    if shutil.which("pdftoppm"):
        out = artifacts / "mote-pdf"
        out.mkdir(exist_ok=True)
        (out / "mote.pdf").write_bytes(result.pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(out / "mote.pdf"), str(out / "sida")], check=True)


def test_pptx_has_slides_per_item_with_sources_in_the_footer_and_notes(pack):
    from pptx import Presentation

    result, contents, _ = pack
    deck = Presentation(io.BytesIO(result.pptx))
    slides = list(deck.slides)
    assert deck.slide_width > deck.slide_height * 1.7  # 16:9
    first = " ".join(sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame)
    assert "Samverkansmöte om trygghet i Huddinge" in first and "Dagordning" in first
    texts = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in slides]
    assert "Beslut och åtgärder" in texts[-1]
    for n, ((title, _s, _p), vc) in enumerate(zip(ITEMS, contents), start=1):
        heads = (f"{n}. {title}", f"{n}. {title} (forts.)")  # its slide and any that go on
        group = [s for s in slides if any(sh.has_text_frame and sh.text_frame.text in heads for sh in s.shapes)]
        assert group, title
        for slide in group:
            notes = slide.notes_slide.notes_text_frame.text
            text = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
            for line in vc.source_lines("sv"):
                assert line in notes and line in text
        assert sum(1 for s in group for sh in s.shapes if sh.shape_type == 13) == len(vc.figures)  # pictures
    assert len(slides) >= len(ITEMS) + 2


def test_zip_holds_pdf_pptx_manifest_and_safe_csv(pack):
    result, _contents, steps = pack
    z = zipfile.ZipFile(io.BytesIO(result.zip))
    names = sorted(z.namelist())
    base = result.basename
    assert names == sorted([f"{base}.pdf", f"{base}.pptx", f"{base}-beslut.csv", f"{base}-manifest.json"])
    assert base.startswith("mote-2026-11-30-samverkansmote-om-trygghet")
    man = json.loads(z.read(f"{base}-manifest.json"))
    assert man["meeting"]["title"] == "Samverkansmöte om trygghet i Huddinge" and len(man["agenda"]) == len(ITEMS)
    assert {s["id"] for s in man["sources"]} >= {"bra_sol", "scb_befolkning", "reformuppfoljning"}
    assert all(len(t["sha256"]) == 64 for t in man["tables"].values()) and man["as_of_version"] >= 1
    assert len(man["content_sha256"]) == 64 and "payload_sha256" not in man
    raw = z.read(f"{base}-beslut.csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Punkt", "Typ", "Vad", "Vem", "Senast", "Klar"]
    cells = [c for r in rows for c in r]
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert "4. Vårby: områdesprofil" in cells
    fractions = [f for f, _t in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and any("diagram" in t for _f, t in steps)
