"""The åtgärdsplan as the pages see it: the one-line summary, filters, and each åtgärd's
follow-up — its indicators before and after its start, read from the picture through
`queries.indicators.series`, so small numbers are hidden exactly as on every other page.

The follow-up shows development, never effect: the numbers move for many reasons, and the
wording (i18n "plan.followup.not_effect") says so next to every follow-up.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lagesbild.queries import indicators as iv
from lagesbild.dates import as_date
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators

FOLLOW_COLUMNS = ["indicator_id", "area_code", "before_period", "before_value", "before_suppressed", "after_period",
                  "after_value", "after_suppressed"]


AREA_LEVELS = ("kommun", "prioriterat", "kommundel", "regso", "valdistrikt", "deso")


def area_labels(pic, lang: str) -> dict[str, str]:
    """Code → name, with the kind of area added where two share a name (the priority area
    Flemingsberg and the kommundel Flemingsberg): a chooser tells options apart by label."""
    d = pic.table("districts")
    d = d[d["level"].isin(AREA_LEVELS)]
    twice = set(d.loc[d["name"].duplicated(keep=False), "name"])
    return {r.code: f"{r.name} ({t(f'plan.level.{r.level}', lang)})" if r.name in twice else r.name
            for r in d.itertuples()}


def indicators_of(row) -> list[str]:
    """The åtgärd's problem indicators and its effect indicator, each once."""
    ids = list(row["indicator_ids"] or [])
    if row.get("effect_indicator_id"):
        ids.append(row["effect_indicator_id"])
    return list(dict.fromkeys(i for i in ids if i in indicators()))


def _point(s: pd.DataFrame) -> iv.Point | None:
    return iv.latest(s) if not s.empty else None


def follow_up(pic, row) -> pd.DataFrame:
    """Per indicator and area (the kommun when no named area has it): the newest value whose
    period ended before the start, and the newest after it. Without a start date there is no
    before and after: the newest value is shown as "after" only."""
    start = as_date(row.get("start_date"))
    out = []
    for ind_id in indicators_of(row):
        # An indicator published only for the whole kommun is followed there (the table
        # names the area, so nobody reads a kommun figure as the area's).
        areas = [a for a in row["area_codes"] or [] if not iv.series(pic, ind_id, a).empty] or [iv.kommun_code()]
        for area in areas:
            s = iv.series(pic, ind_id, area)
            if s.empty:
                continue
            ends = s["period_end"].map(as_date)
            before = _point(s[ends < start]) if start else None
            after = _point(s[ends >= start]) if start else _point(s)
            out.append({"indicator_id": ind_id, "area_code": area,
                        "before_period": before.period if before else None,
                        "before_value": before.value if before else None,
                        "before_suppressed": bool(before and before.suppressed),
                        "after_period": after.period if after else None,
                        "after_value": after.value if after else None,
                        "after_suppressed": bool(after and after.suppressed)})
    return pd.DataFrame(out, columns=FOLLOW_COLUMNS)


def follow_up_table(pic, row, lang: str) -> tuple[pd.DataFrame, "Provenance | None"]:
    """The follow-up as the reader sees it (names, periods, values with small counts as ".."),
    and its provenance; the page and the lägesbild document print the same."""
    from lagesbild.content import Provenance

    f = follow_up(pic, row)
    if f.empty:
        return pd.DataFrame(), None
    inds = indicators()
    areas = dict(zip(pic.table("districts")["code"], pic.table("districts")["name"]))
    table = pd.DataFrame([{
        t("plan.col.indicator", lang): inds[r.indicator_id].name(lang),
        t("plan.col.area", lang): areas.get(r.area_code, r.area_code),
        t("plan.col.before_period", lang): r.before_period or "–",
        t("plan.col.before", lang): iv.value_text(r.before_value, r.before_suppressed, inds[r.indicator_id], lang)
        if r.before_period else "–",
        t("plan.col.after_period", lang): r.after_period or "–",
        t("plan.col.after", lang): iv.value_text(r.after_value, r.after_suppressed, inds[r.indicator_id], lang)
        if r.after_period else "–",
    } for r in f.itertuples()])
    tom = iv.newest([iv.data_tom(pic, r.indicator_id, r.area_code) for r in f.itertuples()])
    return table, Provenance(tuple(sorted({inds[i].source_id for i in f["indicator_id"]})), tom.text(lang) if tom else None)


def followed_up(pic, row) -> bool:
    """Has the åtgärd a linked indicator with a value (shown or hidden) after its start?"""
    f = follow_up(pic, row)
    return bool(as_date(row.get("start_date")) and not f.empty and f["after_period"].notna().any())


@dataclass(frozen=True)
class Summary:
    total: int
    followed: int
    without_indicator: int

    def text(self, lang: str) -> str:
        return t("plan.summary", lang, total=self.total, followed=self.followed, without=self.without_indicator)


def summary(pic, plan: pd.DataFrame) -> Summary:
    rows = [r for _i, r in plan.iterrows()]
    return Summary(len(rows), sum(followed_up(pic, r) for r in rows), sum(not indicators_of(r) for r in rows))


@dataclass(frozen=True)
class PlanFilter:
    focus_area: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    partner: tuple[str, ...] = ()
    status: tuple[str, ...] = ()


def apply_filter(plan: pd.DataFrame, f: PlanFilter) -> pd.DataFrame:
    keep = pd.Series(True, index=plan.index)
    if f.focus_area:
        keep &= plan["focus_area_id"].isin(f.focus_area)
    if f.area:
        keep &= plan["area_codes"].map(lambda xs: bool(set(xs or []) & set(f.area)))
    if f.partner:
        keep &= plan["partner_ids"].map(lambda xs: bool(set(xs or []) & set(f.partner)))
    if f.status:
        keep &= plan["status"].isin(f.status)
    return plan[keep]


def effect_text(row, lang: str) -> str | None:
    """"Anmälda brott ska minska till 2027" — None when no effect is stated."""
    ind_id = row.get("effect_indicator_id")
    if not ind_id or ind_id not in indicators():
        return None
    name = indicators()[ind_id].name(lang)
    return t(f"plan.effect.{row['effect_direction']}", lang, indicator=name, horizon=row["effect_horizon"])


def period_text(start, end) -> str:
    s, e = as_date(start), as_date(end)
    return f"{s.isoformat() if s else '…'} – {e.isoformat() if e else '…'}"
