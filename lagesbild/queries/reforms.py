"""Reforms as the pages see them: pure functions over a Picture (live or a meeting snapshot).

A reform's status is its newest assessment (highest `seq`); with none it is "Ej bedömd".
Nothing here writes: assessments are recorded by `lagesbild.store.reforms.record_update`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

import pandas as pd

from lagesbild.dates import as_date
from lagesbild.domain import STATUS_INFO, ReformStatus
from lagesbild.i18n import t
from lagesbild.queries.indicators import memo

NOT_ASSESSED = ReformStatus.EJ_BEDOMD.value
STATUS_ORDER: list[str] = [s.value for s in sorted(STATUS_INFO, key=lambda s: STATUS_INFO[s].order)]

CURRENT_COLUMNS = [
    "id", "number", "title_sv", "title_en", "theme", "responsible", "version",
    "seq", "status", "progress", "update_date", "author", "motivation", "source_url", "focus_areas",
]
HISTORY_COLUMNS = [
    "seq", "status", "progress", "update_date", "author", "motivation", "source_url",
    "recorded_at", "recorded_by", "via_import",
]


# --- normalising the picture's tables ----------------------------------------------------


def _as_int(value) -> int | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return None
    return int(value)


def updates(picture) -> pd.DataFrame:
    """Every assessment, typed: `seq`/`progress` as int or None, `update_date` as date. Typed
    once per picture (cell by cell, and the page asks several times per run); a copy each time."""
    return memo(picture, ("reform_updates",), lambda: _updates(picture)).copy()


def _updates(picture) -> pd.DataFrame:
    raw = picture.table("reform_updates")
    cols = ["reform_id", *HISTORY_COLUMNS]
    if raw.empty:
        return pd.DataFrame(columns=cols)
    df = raw.reindex(columns=cols).copy()
    df["seq"] = [int(v) for v in df["seq"]]
    for col in ("progress", "via_import"):
        df[col] = pd.Series([_as_int(v) for v in df[col]], index=df.index, dtype=object)
    df["update_date"] = [as_date(v) for v in df["update_date"]]
    for col in ("author", "motivation", "source_url", "recorded_by"):
        df[col] = df[col].fillna("").astype(str)
    return df.sort_values(["reform_id", "seq"]).reset_index(drop=True)


def _reforms(picture) -> pd.DataFrame:
    df = picture.table("reforms").copy()
    df["number"] = df["number"].astype(int)
    df["version"] = df["version"].astype(int)
    return df.sort_values("number").reset_index(drop=True)


# --- the current picture -----------------------------------------------------------------


def current(picture) -> pd.DataFrame:
    """One row per reform (by number) with its latest assessment, or "ej_bedomd". Built once
    per picture; a copy each time."""
    return memo(picture, ("reform_current",), lambda: _current(picture)).copy()


def _current(picture) -> pd.DataFrame:
    reforms = _reforms(picture)
    ups = updates(picture)
    latest = ups.groupby("reform_id").tail(1).set_index("reform_id") if not ups.empty else ups.set_index("reform_id")
    links = picture.table("reform_focus_links")
    focus = links.groupby("reform_id")["focus_area_id"].apply(list).to_dict() if not links.empty else {}
    rows = []
    for r in reforms.itertuples(index=False):
        u = latest.loc[r.id] if r.id in latest.index else None
        rows.append({
            "id": r.id, "number": r.number, "title_sv": r.title_sv, "title_en": r.title_en,
            "theme": r.theme, "responsible": r.responsible, "version": r.version,
            "seq": int(u["seq"]) if u is not None else 0,
            "status": u["status"] if u is not None else NOT_ASSESSED,
            "progress": u["progress"] if u is not None else None,
            "update_date": u["update_date"] if u is not None else None,
            "author": u["author"] if u is not None else "",
            "motivation": u["motivation"] if u is not None else "",
            "source_url": u["source_url"] if u is not None else "",
            "focus_areas": sorted(focus.get(r.id, [])),
        })
    df = pd.DataFrame(rows, columns=CURRENT_COLUMNS)
    # Built as objects, so an unknown progress stays None and a known one stays an int.
    df["progress"] = pd.Series([r["progress"] for r in rows], index=df.index, dtype=object)
    df["update_date"] = pd.Series([r["update_date"] for r in rows], index=df.index, dtype=object)
    return df


def latest_date(picture, reform_ids: list[str] | None = None) -> date | None:
    """"Data t.o.m." of the reform follow-up: the newest assessment date (None when none)."""
    ups = updates(picture)
    if reform_ids is not None:
        ups = ups[ups["reform_id"].isin(reform_ids)]
    dates = [d for d in ups["update_date"] if d is not None]
    return max(dates) if dates else None


def history(picture, reform_id: str, *, newest_first: bool = True) -> pd.DataFrame:
    """All assessments of one reform. Newest first for the timeline."""
    ups = updates(picture)
    hist = ups[ups["reform_id"] == reform_id].drop(columns=["reform_id"])
    return hist.sort_values("seq", ascending=not newest_first).reset_index(drop=True)


# --- filtering ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """Swedish-aware case folding for search: NFC (so å typed two ways is one letter),
    then casefold. Accents are kept: "år" and "ar" are different words in Swedish."""
    return unicodedata.normalize("NFC", text or "").casefold()


@dataclass(frozen=True)
class ReformFilter:
    statuses: tuple[str, ...] = ()
    theme: str | None = None
    responsible: str | None = None
    focus_area: str | None = None
    query: str = ""

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.theme or self.responsible or self.focus_area or self.query.strip())


def apply_filter(df: pd.DataFrame, flt: ReformFilter) -> pd.DataFrame:
    """The reforms of `current(...)` that pass every given criterion (AND)."""
    keep = pd.Series(True, index=df.index)
    if flt.statuses:
        keep &= df["status"].isin(flt.statuses)
    if flt.theme:
        keep &= df["theme"] == flt.theme
    if flt.responsible:
        keep &= df["responsible"] == flt.responsible
    if flt.focus_area:
        keep &= df["focus_areas"].apply(lambda ids: flt.focus_area in ids)
    terms = fold(flt.query).split()
    if terms:
        haystack = (df["title_sv"].fillna("") + "\n" + df["title_en"].fillna("") + "\n" + df["motivation"].fillna("")).map(fold)
        keep &= haystack.map(lambda text: all(term in text for term in terms))
    return df[keep].reset_index(drop=True)


def themes(df: pd.DataFrame) -> list[str]:
    return sorted(df["theme"].dropna().unique(), key=fold)


def responsibles(df: pd.DataFrame) -> list[str]:
    return sorted(df["responsible"].dropna().unique(), key=fold)


# --- aggregates for the charts -----------------------------------------------------------


def status_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Reforms per status: all eight statuses in domain order, zeros included."""
    counts = df["status"].value_counts()
    rows = []
    for code in STATUS_ORDER:
        info = STATUS_INFO[ReformStatus(code)]
        rows.append({"status": code, "label_sv": info.label_sv, "label_en": info.label_en,
                     "kind": info.kind.value, "count": int(counts.get(code, 0))})
    return pd.DataFrame(rows)


def status_on(ups: pd.DataFrame, reform_ids: list[str], day: date) -> dict[str, str]:
    """Each reform's status as it stood on `day`: the assessment with the highest `seq` among
    those dated on or before the day. (Highest seq, not latest date, so a backdated
    correction wins, as it does for the current status.)"""
    known = ups[ups["update_date"].map(lambda d: d is not None and d <= day)]
    latest = known.sort_values("seq").groupby("reform_id").tail(1).set_index("reform_id")["status"].to_dict()
    return {rid: latest.get(rid, NOT_ASSESSED) for rid in reform_ids}


def progress_over_time(picture, reform_ids: list[str] | None = None) -> pd.DataFrame:
    """Reforms per status at each date when an assessment was made (a step function: the
    counts hold until the next date). Long format: date, status, label_sv, label_en, count.
    Empty when nothing has been assessed.

    One sweep over the assessments in date order, keeping each reform's highest-seq
    assessment so far (the same rule as `status_on`), so it stays linear in their number."""
    ids = list(reform_ids) if reform_ids is not None else _reforms(picture)["id"].tolist()
    ups = updates(picture)
    ups = ups[ups["reform_id"].isin(ids) & ups["update_date"].notna()].sort_values(["update_date", "seq"])
    best: dict[str, tuple[int, str]] = {}
    counts = dict.fromkeys(STATUS_ORDER, 0)
    counts[NOT_ASSESSED] = len(ids)
    rows = []
    for day, group in ups.groupby("update_date", sort=True):
        for rid, seq, status in zip(group["reform_id"], group["seq"], group["status"]):
            old = best.get(rid)
            if old is None or seq > old[0]:
                counts[old[1] if old else NOT_ASSESSED] -= 1
                counts[status] += 1
                best[rid] = (seq, status)
        for code in STATUS_ORDER:
            info = STATUS_INFO[ReformStatus(code)]
            rows.append({"date": day, "status": code, "label_sv": info.label_sv, "label_en": info.label_en,
                         "count": counts[code]})
    return pd.DataFrame(rows, columns=["date", "status", "label_sv", "label_en", "count"])


def progress_table(long: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The progress data as a table: one row per date, one column per status (domain order)."""
    label = "label_en" if lang == "en" else "label_sv"
    if long.empty:
        return pd.DataFrame()
    wide = long.pivot(index="date", columns=label, values="count")
    order = [STATUS_INFO[ReformStatus(c)].label_en if lang == "en" else STATUS_INFO[ReformStatus(c)].label_sv for c in STATUS_ORDER]
    wide = wide.reindex(columns=order).reset_index()
    wide["date"] = wide["date"].map(lambda d: d.isoformat())
    return wide.rename(columns={"date": t("reform.chart.date", lang)})


# --- one reform's links ------------------------------------------------------------------


def focus_links(picture, reform_id: str, lang: str = "sv") -> pd.DataFrame:
    """Linked focus areas with the written reasoning (sorted as the focus areas are)."""
    links = picture.table("reform_focus_links")
    areas = picture.table("focus_areas")
    hit = links[links["reform_id"] == reform_id]
    if hit.empty:
        return pd.DataFrame(columns=["focus_area_id", "name", "strength", "reasoning_sv", "sort"])
    merged = hit.merge(areas, left_on="focus_area_id", right_on="id", how="left")
    merged["name"] = merged["name_en" if lang == "en" else "name_sv"].fillna(merged["focus_area_id"])
    return merged[["focus_area_id", "name", "strength", "reasoning_sv", "sort"]].sort_values("sort").reset_index(drop=True)


def district_links(picture, reform_id: str) -> pd.DataFrame:
    links = picture.table("reform_district_links")
    hit = links[links["reform_id"] == reform_id]
    if hit.empty:
        return pd.DataFrame(columns=["district_code", "name", "strength", "reasoning_sv"])
    districts = picture.table("districts")[["code", "name"]]
    merged = hit.merge(districts, left_on="district_code", right_on="code", how="left")
    merged["name"] = merged["name"].fillna(merged["district_code"])
    return merged[["district_code", "name", "strength", "reasoning_sv"]].reset_index(drop=True)


def evidence(picture, reform_id: str) -> pd.DataFrame:
    """The distinct source links behind a reform's assessments, newest first."""
    hist = history(picture, reform_id)
    if hist.empty:
        return pd.DataFrame(columns=["source_url", "update_date"])
    return hist.drop_duplicates("source_url")[["source_url", "update_date"]].reset_index(drop=True)


def focus_area_names(picture, lang: str = "sv") -> dict[str, str]:
    areas = picture.table("focus_areas").sort_values("sort")
    return dict(zip(areas["id"], areas["name_en" if lang == "en" else "name_sv"]))
