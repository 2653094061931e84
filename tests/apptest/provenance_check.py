"""Checks over a rendered page (AppTest element tree): does every figure carry its provenance
caption, and does every chart have its table?

A *figure* is a metric, a Plotly chart, or a dataframe/table that holds figures (a numeric
column, or cells that read as numbers or ".."). A *provenance caption* is a caption with
"Källa", "Typ" and "t.o.m." (lagesbild.ui.provenance.caption).

Figures are grouped the way the pages put them: a figure plus the figures in the expanders
that follow it ("Visa som tabell") in the same container form one group. Each group must
have its OWN provenance caption right after it — or right before it — in the same
container, with no other figure group in between. So three metrics sharing one caption
fail, as does a chart whose caption sits in another column.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd

NUMBER = re.compile(r"^[+\-\u2212]?\d[\d\u00a0 ]*([.,]\d+)?(\s?%)?$")


def is_provenance(text: str) -> bool:
    return "Källa" in text and "Typ" in text and "t.o.m." in text


def frame_has_figures(df: pd.DataFrame) -> bool:
    if df is None or df.empty:
        return False
    for col in df.columns:
        s = df[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            return True
        texts = s.dropna().astype(str).str.strip()
        if texts.eq("..").any() or texts.map(lambda x: bool(NUMBER.match(x))).any():
            return True
    return False


@dataclass
class Token:
    kind: str  # "F" figure | "C" provenance caption | "X" a chart's table expander
    node: object
    in_expander: bool
    label: str = ""


@dataclass
class Report:
    figures: int = 0
    captions: int = 0
    missing: list[str] = field(default_factory=list)
    charts_without_table: list[str] = field(default_factory=list)


def _describe(node) -> str:
    t = getattr(node, "type", "")
    if t == "metric":
        return f"metric ”{node.label}”"
    if t == "plotly_chart":
        try:
            title = json.loads(node.proto.spec)["layout"].get("title", {})
            return f"diagram ”{title.get('text', '') if isinstance(title, dict) else title}”"
        except (ValueError, KeyError, AttributeError):
            return "diagram"
    if t in ("dataframe", "arrow_data_frame", "table", "arrow_table"):
        cols = list(node.value.columns)[:4] if hasattr(node, "value") else []
        return f"tabell med kolumnerna {cols}"
    return str(t)


def _is_figure(node) -> bool:
    t = getattr(node, "type", "")
    if t in ("metric", "plotly_chart"):
        return True
    if t in ("dataframe", "arrow_data_frame", "table", "arrow_table"):
        try:
            return frame_has_figures(node.value)
        except Exception:  # an element AppTest cannot decode is not ours to judge
            return False
    return False


def _walk(node, home, in_expander, out: dict[int, list[Token]]) -> None:
    for child in getattr(node, "children", {}).values():
        t = getattr(child, "type", "")
        if t == "expandable" or type(child).__name__ == "Expander":
            out.setdefault(id(home), [])
            out[id(home)].append(Token("X", child, in_expander, getattr(child, "label", "")))
            _walk(child, home, True, out)
            continue
        if getattr(child, "children", None) is not None:
            _walk(child, child, False, out)
            continue
        if _is_figure(child):
            out.setdefault(id(home), []).append(Token("F", child, in_expander))
        elif t == "caption" and is_provenance(str(child.value)):
            out.setdefault(id(home), []).append(Token("C", child, in_expander))


def check(root) -> Report:
    """Walk the main area of an AppTest page."""
    blocks: dict[int, list[Token]] = {}
    _walk(root, root, False, blocks)
    rep = Report()
    for tokens in blocks.values():
        seq = [tk for tk in tokens if tk.kind in ("F", "C")]
        rep.figures += sum(tk.kind == "F" for tk in seq)
        rep.captions += sum(tk.kind == "C" for tk in seq)
        _match(seq, rep)
        _tables_for_charts(tokens, rep)
    return rep


def _groups(seq: list[Token]) -> list[tuple[int, int]]:
    """(first, last) index in `seq` of each figure group."""
    groups: list[tuple[int, int]] = []
    i = 0
    while i < len(seq):
        if seq[i].kind != "F":
            i += 1
            continue
        j = i
        if not seq[i].in_expander:
            while j + 1 < len(seq) and seq[j + 1].kind == "F" and seq[j + 1].in_expander:
                j += 1
        groups.append((i, j))
        i = j + 1
    return groups


def _match(seq: list[Token], rep: Report) -> None:
    used: set[int] = set()
    for first, last in _groups(seq):
        after, before = last + 1, first - 1
        if after < len(seq) and seq[after].kind == "C" and after not in used:
            used.add(after)
        elif before >= 0 and seq[before].kind == "C" and before not in used:
            used.add(before)
        else:
            rep.missing.append(_describe(seq[first].node))


def _tables_for_charts(tokens: list[Token], rep: Report) -> None:
    """Every chart is followed (before the next figure outside it) by a "Visa som tabell"
    expander that holds a dataframe."""
    for k, tk in enumerate(tokens):
        if tk.kind != "F" or getattr(tk.node, "type", "") != "plotly_chart":
            continue
        ok = False
        for nxt in tokens[k + 1:]:
            if nxt.kind == "X":
                if "tabell" in nxt.label.lower() or "table" in nxt.label.lower():
                    ok = any(getattr(c, "type", "") in ("dataframe", "arrow_data_frame", "table", "arrow_table")
                             for c in _descendants(nxt.node))
                break
            if nxt.kind == "F" and not nxt.in_expander:
                break
        if not ok:
            rep.charts_without_table.append(_describe(tk.node))


def _descendants(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _descendants(child)
