"""What a reader of the lägesbild document's files can read: the DOCX's paragraphs (with their
Word style), its tables under their captions, and the PDF's text (poppler's pdftotext)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess

import pandas as pd

CAPTION_NUMBER = re.compile(r"^(Tabell|Figur|Table|Figure) \d+\. ")


def docx_blocks(data: bytes) -> list[tuple[str, object]]:
    """The body in order: ("p", (style, text)) and ("table", rows as lists of cell texts)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = Document(io.BytesIO(data))
    out = []
    for el in d.element.body.iterchildren():
        if el.tag == qn("w:p"):
            p = Paragraph(el, d)
            out.append(("p", (p.style.name, p.text)))
        elif el.tag == qn("w:tbl"):
            out.append(("table", [[c.text for c in r.cells] for r in Table(el, d).rows]))
    return out


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [b for kind, b in docx_blocks(data) if kind == "p"]


def docx_tables(data: bytes) -> list[tuple[str, str, pd.DataFrame]]:
    """(the Heading 2 it stands under, its caption without "Tabell N. ", the table)."""
    out, section, caption = [], "", ""
    for kind, b in docx_blocks(data):
        if kind == "p":
            style, text = b
            if style == "Heading 2":
                section = text
            elif style == "Caption":
                caption = CAPTION_NUMBER.sub("", text)
        else:
            out.append((section, caption, pd.DataFrame(b[1:], columns=b[0])))
    return out


def docx_text(data: bytes) -> str:
    parts = []
    for kind, b in docx_blocks(data):
        parts.append(b[1] if kind == "p" else "\n".join(" | ".join(r) for r in b))
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    """The PDF's text laid out as on the page (pdftotext -layout), pypdf without poppler."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
