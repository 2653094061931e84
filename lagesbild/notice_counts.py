"""Indicators counted from Polisen's published notices (e.g. shootings and explosions): the
kommun per year, read from the one protected notice table (lagesbild.geo.events), so a hidden
year here is hidden on every other view too.

Counts of notices, never rates and never per area: a notice is a press text, not a crime, and
per area almost every such count is below the suppression limit. A break in the source (Polisen
filing notices under the county from February 2026) is stated on the years it touches.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from lagesbild.queries import indicators as iv
from lagesbild import privacy
from lagesbild.geo import events
from lagesbild.i18n import t
from lagesbild.registry.indicators import Indicator
from lagesbild.registry.sources import source


@dataclass(frozen=True)
class Year:
    year: str
    value: float  # NaN when hidden
    hidden: bool
    partial: bool  # the notices do not cover the whole year
    after_break: bool  # not like-for-like with the years before the source's break


@dataclass(frozen=True)
class NoticeCount:
    ind: Indicator
    years: tuple[Year, ...]
    total: float
    total_hidden: bool
    first_year: str | None
    data_tom: object  # datetime.date of the newest notice, or None
    break_note: str

    @property
    def any_shown(self) -> bool:
        return any(not y.hidden and not math.isnan(y.value) for y in self.years)


def count(picture, ind: Indicator, lang: str = "sv") -> NoticeCount | None:
    """The indicator's yearly counts, or None when there are no notices at all (built once per
    picture: the verdict line, the block and the agenda item read the same)."""
    return iv.memo(picture, ("notice_count", ind.id, lang), lambda: _count(picture, ind, lang))


def _count(picture, ind: Indicator, lang: str) -> NoticeCount | None:
    table = events.protected(picture)
    if not table.years:
        return None
    src = source(ind.source_id)
    break_year = src.break_from[:4] if src.break_from else None
    years = tuple(Year(y, v, h, y in table.partial, bool(break_year) and y >= break_year)
                  for y, v, h in table.kommun_counts(ind.id))
    total, total_hidden = table.kommun_total(ind.id)
    note = (src.break_note_en if lang == "en" else src.break_note_sv) if break_year else ""
    return NoticeCount(ind, years, total, total_hidden, table.years[0], events.newest(picture), note)


def year_label(y: Year, lang: str = "sv") -> str:
    marks = ([t("notice.partial", lang)] if y.partial else []) + ([t("notice.not_comparable", lang)] if y.after_break else [])
    return f"{y.year} ({', '.join(marks)})" if marks else y.year


def table(nc: NoticeCount, lang: str = "sv") -> pd.DataFrame:
    """One row per year and a total row: year | published notices."""
    col = t("notice.col.count", lang)
    rows = [{t("notice.col.year", lang): year_label(y, lang), col: privacy.cell_text(y.value, y.hidden, lang=lang)}
            for y in nc.years]
    rows.append({t("notice.col.year", lang): t("notice.total", lang, first=nc.first_year or "–"),
                 col: privacy.cell_text(nc.total, nc.total_hidden, lang=lang)})
    return pd.DataFrame(rows)


def summary(nc: NoticeCount, lang: str = "sv", *, named: bool = True) -> str:
    """One sentence: the total and the years shown (`named`: led by the indicator's name), no
    verdict word (a count of press notices says such events happened, not whether things got
    better)."""
    total = privacy.cell_text(nc.total, nc.total_hidden, lang=lang)
    shown = [f"{y.year}: {privacy.cell_text(y.value, False, lang=lang)}" for y in nc.years
             if not y.hidden and not math.isnan(y.value) and y.value > 0]
    hidden = [y.year for y in nc.years if y.hidden]
    parts = [t("notice.summary", lang, total=total, first=nc.first_year or "–")]
    if named:
        parts[0] = f"{nc.ind.name(lang)}: {parts[0]}"
    if shown:
        parts.append("; ".join(shown))
    if hidden:
        parts.append(t("notice.hidden_years", lang, years=", ".join(hidden)))
    return " · ".join(parts) + "."
