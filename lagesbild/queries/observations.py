"""Partners' place observations (EST) as figures: a weekly picture per category for the kommun
and the priority areas, and per district by month (weekly district counts would be almost all
hidden, so they are never shown).

Every figure comes from ONE protected table per picture (`protected`), built over every area
and period any view shows, with all their sum relations: weeks → month (a week counts in its
Thursday's month, lagesbild.dates); districts → kommun; districts → priority area; priority
areas inside the kommun. No view shows a quarter or year total (see `true_cells`). So no combination of weekly, monthly and total figures gives a hidden count back.

The counts measure reporting as much as incidence: they are called "rapporterade iakttagelser",
shown beside the number of reports filed, and never get a better/worse verdict
(`lagesbild.verdict.reporting_note`). The note of an observation is not in the picture at all.
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd

from lagesbild import dates, privacy
from lagesbild.queries import indicators as iv
from lagesbild.i18n import t
from lagesbild.registry.indicators import Indicator
from lagesbild.store.observations import categories, observation_level

PREFIX = "iakttagelse:"  # + category id: the count of observations of that category
REPORTS = "iakttagelse:rapporter"  # the number of reports filed (all categories)
SOURCE_ID = "iakttagelser"
COLUMNS = ["indicator_id", "area_code", "period", "value", "suppressed"]


def category_ids() -> list[str]:
    return list(categories())


def indicator_ids() -> list[str]:
    return [PREFIX + c for c in categories()] + [REPORTS]


def label(indicator_id: str, lang: str) -> str:
    """"Klotter" for a category, "Antal rapporter" for the reports."""
    if indicator_id == REPORTS:
        return t("obs.reports", lang)
    sv, en = categories().get(indicator_id.removeprefix(PREFIX), (indicator_id, indicator_id))
    return en if lang == "en" else sv


def as_indicator(indicator_id: str, lang: str, periodicity: str = "vecka") -> Indicator:
    """The figure as an indicator for the chart module (never registered: it has no verdict)."""
    name_sv = t("obs.counted", "sv", what=label(indicator_id, "sv").lower())
    name_en = t("obs.counted", "en", what=label(indicator_id, "en").lower())
    return Indicator(id=indicator_id, name_sv=name_sv, name_en=name_en, definition_sv=t("obs.definition", "sv"),
                     source_id=SOURCE_ID, unit="antal", level="kommun", periodicity=periodicity, direction="neutral",
                     focus_areas=())


def week_text(week: str, lang: str) -> str:
    year, w = week.split("-V")
    return t("obs.week", lang, year=year, week=int(w))


# --- the protected table ------------------------------------------------------------------------


def protected(pic) -> pd.DataFrame:
    """Every figure any observation view shows, protected together (once per picture)."""
    return iv.memo(pic, ("obs.protected",), lambda: _protected(pic))


def _areas(pic) -> tuple[str, list[str], dict[str, list[str]]]:
    """(kommun code, the districts of the observation layer, district → its priority areas)."""
    districts = pic.table("districts")
    codes = districts.loc[districts["level"] == observation_level(), "code"].tolist()
    member_of: dict[str, list[str]] = {}
    for prio, parts in iv.compositions().items():
        if set(parts) <= set(codes):  # a priority area of another layer does not add up here
            for p in parts:
                member_of.setdefault(p, []).append(prio)
    return iv.kommun_code(), codes, member_of


def _protected(pic) -> pd.DataFrame:
    cells = true_cells(pic)
    if cells.empty:
        return pd.DataFrame(columns=COLUMNS + ["suppression"])
    # No relation crosses an indicator or a month (a week counts in its Thursday's month, and no
    # quarter or year total is shown), so each block is protected on its own: the exact check of
    # lagesbild.privacy re-solves everything it is given after each cell it hides.
    # A report changes one block: the others are shared with the version before (iv.protect_once).
    block = cells["indicator_id"] + "|" + [dates.week_month(p) if "-V" in p else p for p in cells["period"]]
    parts = [iv.protect_once(pic, part, "observations", lambda part=part: _protect_block(pic, part))
             for _b, part in cells.groupby(block, sort=False)]
    return pd.concat(parts, ignore_index=True)[COLUMNS + ["suppression"]]


def _protect_block(pic, part: pd.DataFrame) -> pd.DataFrame:
    return privacy.protect(part, districts=pic.table("districts"), compositions=iv.compositions(),
                           fact_of=lambda _i: privacy.IndicatorFacts())


def true_cells(pic) -> pd.DataFrame:
    """Every cell any view shows, with its true (unprotected) count: never shown as such."""
    obs = pic.table("place_observations")
    if obs.empty:
        return pd.DataFrame(columns=["indicator_id", "area_code", "period", "value"])
    kommun, districts, member_of = _areas(pic)
    days = [dates.as_date(d) for d in obs["observed_on"]]
    first, last = min(days), max(days)
    weeks = [dates.week_of(first + timedelta(days=7 * i)) for i in range((last - first).days // 7 + 2)]
    weeks = sorted({w for w in weeks if dates.week_monday(w) <= last})
    week_of_row = [dates.week_of(d) for d in days]
    base = pd.concat([
        pd.DataFrame({"indicator_id": [PREFIX + c for c in obs["category"]], "district": obs["district_code"].tolist(),
                      "week": week_of_row, "value": obs["count"].astype(int).tolist()}),
        pd.DataFrame({"indicator_id": REPORTS, "district": obs["district_code"].tolist(), "week": week_of_row, "value": 1}),
    ], ignore_index=True)
    months = sorted({dates.week_month(w) for w in weeks})
    inds = indicator_ids()
    # Zero-filled grid: a zero is shown (it names no one) and makes the sum relations complete.
    top = [kommun] + sorted({p for ps in member_of.values() for p in ps})
    # No quarter or year totals: they tie months (and, through the priority areas, districts) into
    # relations the exact check of lagesbild.privacy searched for minutes on a 2-core machine
    # (tests/unit/test_observation_views.py's data), against 0.05 s per month without them.
    grid = [(i, a, p) for i in inds for a in top for p in weeks + months]
    grid += [(i, a, p) for i in inds for a in districts for p in months]
    cells = pd.DataFrame(grid, columns=["indicator_id", "area_code", "period"]).assign(value=0.0)
    sums = _sums(base, kommun, member_of)
    cells = cells.merge(sums, on=["indicator_id", "area_code", "period"], how="left", suffixes=("_0", ""))
    cells["value"] = cells["value"].fillna(0.0)
    return cells.drop(columns="value_0")


def _sums(base: pd.DataFrame, kommun: str, member_of: dict[str, list[str]]) -> pd.DataFrame:
    """The true sums of every cell: per district (months up), per kommun and priority area
    (weeks up)."""
    base = base.assign(month=[dates.week_month(w) for w in base["week"]])
    prio = base.assign(area=base["district"].map(lambda d: member_of.get(d, []))).explode("area").dropna(subset=["area"])
    parts = []
    for frame, area, kinds in ((base.assign(area=kommun), "area", ("week", "month")),
                               (prio, "area", ("week", "month")),
                               (base, "district", ("month",))):
        for kind in kinds:
            g = frame.groupby(["indicator_id", area, kind], as_index=False)["value"].sum()
            parts.append(g.set_axis(["indicator_id", "area_code", "period", "value"], axis=1))
    return pd.concat(parts, ignore_index=True).astype({"value": float})


# --- views -------------------------------------------------------------------------------------


def weeks(pic) -> list[str]:
    df = protected(pic)
    return sorted(p for p in df["period"].unique() if "-V" in p)


def months(pic) -> list[str]:
    """The months ("2026-03") with observations, oldest first."""
    return sorted(p for p in protected(pic)["period"].unique() if "-V" not in p)


def weekly(pic, area_code: str, last: int = 12) -> pd.DataFrame:
    """The area's last `last` weeks, every category and the reports (long: COLUMNS)."""
    df = protected(pic)
    shown = weeks(pic)[-last:]
    return df[(df["area_code"] == area_code) & df["period"].isin(shown)][COLUMNS].reset_index(drop=True)


def weekly_table(pic, area_code: str, lang: str, last: int = 12) -> pd.DataFrame:
    """The weekly picture as shown: one row per category, then the reports; one column per week;
    hidden cells as ".."."""
    long = weekly(pic, area_code, last)
    shown = sorted(long["period"].unique())
    rows = []
    for ind in indicator_ids():
        mine = long[long["indicator_id"] == ind].set_index("period")
        row = {t("obs.col.category", lang): label(ind, lang)}
        for w in shown:
            r = mine.loc[w]
            row[week_text(w, lang)] = privacy.cell_text(r["value"], bool(r["suppressed"]), lang=lang)
        rows.append(row)
    return pd.DataFrame(rows)


def series(pic, indicator_id: str, area_code: str, kind: str = "vecka") -> pd.DataFrame:
    """One figure over time for the chart module (iv.SERIES_COLUMNS): weeks or months ("manad")."""
    df = protected(pic)
    wanted = weeks(pic) if kind == "vecka" else months(pic)
    s = df[(df["indicator_id"] == indicator_id) & (df["area_code"] == area_code) & df["period"].isin(wanted)]
    s = s.sort_values("period")
    return pd.DataFrame({"period": [week_text(p, "sv") if kind == "vecka" else p for p in s["period"]],
                         "period_end": None, "value": s["value"].to_numpy(), "status": "ok",
                         "suppressed": s["suppressed"].astype(bool).to_numpy(), "preliminary": False})


def district_values(pic, indicator_id: str, period: str) -> pd.DataFrame:
    """code, name, value, suppressed for every district of the observation layer (the map)."""
    df = protected(pic)
    _k, codes, _m = _areas(pic)
    rows = df[(df["indicator_id"] == indicator_id) & (df["period"] == period) & df["area_code"].isin(codes)]
    names = dict(zip(pic.table("districts")["code"], pic.table("districts")["name"]))
    return pd.DataFrame({"code": rows["area_code"].to_numpy(), "name": [names.get(c, c) for c in rows["area_code"]],
                         "value": rows["value"].to_numpy(), "suppressed": rows["suppressed"].astype(bool).to_numpy()})


def brief(pic, area_code: str, lang: str) -> list[str]:
    """The newest week for the area in words: observations beside reports, and no verdict."""
    from lagesbild.verdict import reporting_note

    ws = weeks(pic)
    if not ws:
        return []
    df = protected(pic)
    wk = df[(df["area_code"] == area_code) & (df["period"] == ws[-1])]
    cats = wk[wk["indicator_id"] != REPORTS]
    # The sum over categories is shown only when every part is: then it reveals nothing new.
    n_obs = privacy.SUPPRESSED if cats["suppressed"].any() else privacy.cell_text(cats["value"].sum(), lang=lang)
    rep = wk[wk["indicator_id"] == REPORTS].iloc[0]
    n_rep = privacy.cell_text(rep["value"], bool(rep["suppressed"]), lang=lang)
    return [t("obs.brief", lang, week=week_text(ws[-1], lang), n=n_obs, reports=n_rep), reporting_note(lang)]
