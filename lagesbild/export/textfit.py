"""Text measured before it is drawn, with the exports' font (DejaVu Sans, embedded in the PDF,
named in the PPTX): how wide a string is, how it wraps, how a table's width is shared by its
columns. PowerPoint and LibreOffice lay text out only when the deck is opened, so the PPTX
writer sizes its rows and boxes from these measures; a viewer that substitutes a narrower
font (Arial, Calibri) only gets more room.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lagesbild.config import PROJECT_ROOT

FONT_DIRS = (PROJECT_ROOT / "static" / "fonts", Path("/usr/share/fonts/truetype/dejavu"))
FONT_NAME = "DejaVu Sans"
_REF = 100  # measure at 100 pt, scale linearly


def font_file(name: str) -> Path:
    for d in FONT_DIRS:
        if (d / name).exists():
            return d / name
    raise FileNotFoundError(f"Typsnittet {name} saknas (static/fonts/ eller paketet fonts-dejavu-core).")


@lru_cache(maxsize=2)
def _font(bold: bool):
    from PIL import ImageFont

    # BASIC layout: widths of the glyphs as they come, no shaping library (raqm fails on some
    # hostile input, e.g. long runs of combining marks)
    return ImageFont.truetype(str(font_file("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), _REF,
                              layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=4096)
def _advance(char: str, bold: bool) -> float:
    try:
        return _font(bold).getlength(char)
    except (ValueError, RuntimeError, OSError):  # a character the font cannot lay out: a wide guess
        return _REF * 0.7


def text_width(text: str, pt: float, bold: bool = False) -> float:
    """Width of one line of `text` at `pt` points, in points: the glyphs' advances summed (no
    kerning, which would only make it a little narrower)."""
    return sum(_advance(c, bold) for c in text) * pt / _REF if text else 0.0


def wrap(text: str, width: float, pt: float, bold: bool = False, limit: int | None = None) -> list[str]:
    """Greedy word wrap to `width` points, as PowerPoint does it; a word longer than the line is
    broken between characters. Paragraphs (newlines) are kept; a no-break space (12\u00a0%)
    holds its words together. With `limit`, stops after limit + 1 lines (enough to know the
    text is cut)."""
    out: list[str] = []
    for para in str(text).split("\n"):
        line = ""
        for word in words(para):
            if limit is not None and len(out) > limit:
                return out
            cand = f"{line} {word}" if line else word
            if text_width(cand, pt, bold) <= width:
                line = cand
                continue
            if line:
                out.append(line)
            line = ""
            while len(word) > 1 and text_width(word, pt, bold) > width:
                k, used = 1, _advance(word[0], bold) * pt / _REF  # the longest head that fits (at least one character)
                while k < len(word) and used + _advance(word[k], bold) * pt / _REF <= width:
                    used += _advance(word[k], bold) * pt / _REF
                    k += 1
                out.append(word[:k])
                word = word[k:]
                if limit is not None and len(out) > limit:
                    return out
            line = word
        out.append(line)
    return out or [""]


def words(text: str) -> list[str]:
    """Split at spaces, tabs and line breaks, not at no-break spaces."""
    return re.split(r"[ \t\r\n]+", text.strip(" \t\r\n")) if text.strip(" \t\r\n") else []


def clamp_lines(lines: list[str], max_lines: int, width: float, pt: float, bold: bool = False) -> list[str]:
    """At most `max_lines` lines, the last ending with "…" when text was left out."""
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1] + " …"
    while text_width(last, pt, bold) > width and len(last) > 2:
        last = last[:-3].rstrip() + " …"
    return [*lines[: max_lines - 1], last]


def share_widths(natural: list[float], width: float, minimum: list[float] | None = None) -> list[float]:
    """Column widths summing to `width`: if every column's natural width fits, each grows in
    proportion; otherwise columns narrower than an equal share of what is left keep their
    natural width (numbers, dates, statuses) and the wide text columns share the rest and wrap.
    A column is then widened to its `minimum` (its longest word) where the others can give
    the room, in proportion to what each has above its own minimum."""
    if not natural:
        return []
    if sum(natural) <= width:
        return [w * width / sum(natural) for w in natural]
    widths = [0.0] * len(natural)
    todo = list(range(len(natural)))
    room = width
    while todo:  # water-filling
        share = room / len(todo)
        small = [i for i in todo if natural[i] <= share]
        if not small:
            for i in todo:
                widths[i] = share
            break
        for i in small:
            widths[i] = natural[i]
            room -= natural[i]
            todo.remove(i)
    if minimum and sum(minimum) <= width:
        short = [i for i, w in enumerate(widths) if w < minimum[i]]
        need = sum(minimum[i] - widths[i] for i in short)
        spare = {i: w - minimum[i] for i, w in enumerate(widths) if w > minimum[i]}
        if need > 0 and spare:
            total = sum(spare.values())
            for i in short:
                widths[i] = minimum[i]
            for i, s in spare.items():
                widths[i] -= need * s / total
    return widths
