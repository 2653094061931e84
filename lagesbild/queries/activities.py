"""Activities as the pages see them: pure list and filter functions over a Picture.

Used by the Fokusområden page (per focus area), Översikt (recent activities) and the
district profile (`activities_for_area`). Nothing here writes; see lagesbild.store.activities.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from lagesbild import fmt
from lagesbild.queries import reference as rv
from lagesbild.dates import as_date
from lagesbild.domain import ACTIVITY_STATUS_LABELS, ActivityStatus
from lagesbild.i18n import t

COLUMNS = [
    "id", "external_id", "title", "description", "partner_id", "partner", "focus_area_id", "focus_area",
    "district_code", "district", "status", "status_label", "start_date", "end_date", "follow_up",
    "version", "updated_at", "updated_by",
]
STATUS_SYMBOLS = {"planerad": "○", "pagaende": "↻", "genomford": "✓", "avbruten": "✕"}
STATUS_ICONS = {"planerad": "radio_button_unchecked", "pagaende": "autorenew", "genomford": "check_circle", "avbruten": "cancel"}


def status_label(code: str, lang: str = "sv", *, symbol: bool = True) -> str:
    try:
        st = ActivityStatus(code)
    except ValueError:
        return str(code)
    sv, en = ACTIVITY_STATUS_LABELS[st]
    text = en if lang == "en" else sv
    return f"{STATUS_SYMBOLS[st.value]} {text}" if symbol else text


def activities(picture, lang: str = "sv") -> pd.DataFrame:
    """Every activity with readable names for partner, focus area, area and status."""
    raw = picture.table("activities")
    if raw.empty:
        return pd.DataFrame(columns=COLUMNS)
    df = raw.copy()
    partners = picture.table("partners")
    focus = picture.table("focus_areas")
    districts = picture.table("districts")
    p_names = rv.names(partners, "short_name", lang)  # a retired one stays named, marked
    f_names = rv.names(focus, "name_en" if lang == "en" else "name_sv", lang)
    d_names = dict(zip(districts["code"], districts["name"])) if not districts.empty else {}
    df["partner"] = df["partner_id"].map(lambda p: p_names.get(p, p))
    df["focus_area"] = df["focus_area_id"].map(lambda f: f_names.get(f, f))
    df["district"] = df["district_code"].map(lambda d: d_names.get(d, d) if isinstance(d, str) and d else "")
    df["status_label"] = df["status"].map(lambda s: status_label(s, lang))
    for col in ("start_date", "end_date"):
        df[col] = df[col].map(as_date)
    df["updated_at"] = pd.to_datetime(df["updated_at"], errors="coerce")
    df["external_id"] = df["external_id"].where(df["external_id"].notna(), None)
    df["district_code"] = df["district_code"].where(df["district_code"].notna(), None)
    return df[COLUMNS].sort_values(["start_date", "title"], na_position="last", kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class ActivityFilter:
    partner: tuple[str, ...] = ()
    focus_area: tuple[str, ...] = ()
    district: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    period_from: date | None = None
    period_to: date | None = None
    text: str = ""


def apply_filter(df: pd.DataFrame, flt: ActivityFilter) -> pd.DataFrame:
    """Rows matching every set criterion. The period keeps activities that overlap it (an
    activity without start or end is open on that side)."""
    out = df
    if flt.partner:
        out = out[out["partner_id"].isin(flt.partner)]
    if flt.focus_area:
        out = out[out["focus_area_id"].isin(flt.focus_area)]
    if flt.district:
        out = out[out["district_code"].isin(flt.district)]
    if flt.status:
        out = out[out["status"].isin(flt.status)]
    if flt.period_from is not None:
        out = out[out["end_date"].map(lambda d: d is None or d >= flt.period_from)]
    if flt.period_to is not None:
        out = out[out["start_date"].map(lambda d: d is None or d <= flt.period_to)]
    if flt.text.strip():
        needle = flt.text.strip().casefold()
        hay = (out["title"].fillna("") + " " + out["description"].fillna("") + " " + out["follow_up"].fillna("")).str.casefold()
        out = out[hay.str.contains(needle, regex=False)]
    return out.reset_index(drop=True)


def for_focus_area(picture, focus_area_id: str, lang: str = "sv") -> pd.DataFrame:
    return apply_filter(activities(picture, lang), ActivityFilter(focus_area=(focus_area_id,)))


def recent(picture, n: int = 5, lang: str = "sv") -> pd.DataFrame:
    """The most recently recorded or changed activities."""
    df = activities(picture, lang)
    return df.sort_values("updated_at", ascending=False, kind="stable").head(n).reset_index(drop=True)


def related_areas(picture, area_code: str) -> set[str]:
    """The area, the areas inside it (child districts, a priority area's RegSO) and the
    priority areas it lies in: an activity in any of them concerns the area."""
    from lagesbild.queries.indicators import compositions

    codes = {area_code}
    districts = picture.table("districts")
    if not districts.empty:
        children = districts.loc[districts["parent_code"] == area_code, "code"]
        if area_code != _kommun(districts):
            codes |= set(children)
    comp = compositions()
    codes |= set(comp.get(area_code, ()))
    codes |= {whole for whole, parts in comp.items() if area_code in parts}
    return codes


def _kommun(districts: pd.DataFrame) -> str | None:
    k = districts.loc[districts["level"] == "kommun", "code"]
    return k.iloc[0] if not k.empty else None


def activities_for_area(picture, area_code: str, lang: str = "sv") -> pd.DataFrame:
    """Activities in an area (for the district profile): see `related_areas`."""
    df = activities(picture, lang)
    return df[df["district_code"].isin(related_areas(picture, area_code))].reset_index(drop=True)


def display_table(df: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """The columns a person reads, with Swedish (or English) headers and ISO dates."""
    def d(v):
        return fmt.iso(v) if isinstance(v, date) else "–"

    return pd.DataFrame({
        t("akt.table.activity", lang): df["title"].tolist(),
        t("akt.table.partner", lang): df["partner"].tolist(),
        t("akt.table.focus_area", lang): df["focus_area"].tolist(),
        t("akt.table.area", lang): [x or t("akt.whole_kommun", lang) for x in df["district"]],
        "Status": df["status_label"].tolist(),
        "Start": [d(v) for v in df["start_date"]],
        t("akt.table.end", lang): [d(v) for v in df["end_date"]],
        t("akt.table.follow_up", lang): df["follow_up"].fillna("").tolist(),
    })


def last_changed(df: pd.DataFrame) -> date | None:
    """When the shown activities were last recorded or changed (their "data t.o.m.")."""
    if df.empty or df["updated_at"].isna().all():
        return None
    return df["updated_at"].max().date()


def status_counts(df: pd.DataFrame, lang: str = "sv") -> list[tuple[str, str, int]]:
    """(status, label with symbol, count) for every status, in order."""
    counts = df["status"].value_counts() if not df.empty else {}
    return [(s.value, status_label(s.value, lang), int(counts.get(s.value, 0))) for s in ActivityStatus]
