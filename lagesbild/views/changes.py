""""Sedan förra mötet": what changed between two Pictures (e.g. two meetings' snapshots).

Pure functions returning DataFrames of display text. Indicator values are compared *after*
small-count protection (`indicator_views.protected`), as shown: a change inside a hidden
cell (3 → 4) is not reported, so the change list reveals nothing the pages would not.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lagesbild import activity_views as av
from lagesbild import fmt, privacy, reform_views
from lagesbild import indicator_views as iv
from lagesbild.charts.reforms import status_label
from lagesbild.registry.indicators import indicators


def _t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


@dataclass
class Changes:
    reforms: pd.DataFrame  # one row per reform with a new assessment
    indicators: pd.DataFrame  # one row per indicator with values added or changed
    indicator_values: pd.DataFrame  # the changed values themselves (protected text)
    activities: pd.DataFrame  # new activities and changed ones

    @property
    def empty(self) -> bool:
        return self.reforms.empty and self.indicators.empty and self.activities.empty

    def summary(self, lang: str = "sv") -> str:
        if self.empty:
            return _t(lang, "Inget har ändrats i reformernas status, indikatorerna eller aktiviteterna.",
                      "Nothing has changed in the reforms' status, the indicators or the activities.")
        n_status = int((self.reforms.iloc[:, 2] != self.reforms.iloc[:, 3]).sum()) if not self.reforms.empty else 0
        added = int(self.indicators.iloc[:, 2].sum()) if not self.indicators.empty else 0
        changed = int(self.indicators.iloc[:, 3].sum()) if not self.indicators.empty else 0
        return _t(
            lang,
            f"{len(self.reforms)} reformer har nya bedömningar ({n_status} med ändrad status), "
            f"{len(self.indicators)} indikatorer har {added} nya och {changed} ändrade värden, "
            f"{len(self.activities)} aktiviteter är nya eller ändrade.",
            f"{len(self.reforms)} reforms have new assessments ({n_status} with a changed status), "
            f"{len(self.indicators)} indicators have {added} new and {changed} changed values, "
            f"{len(self.activities)} activities are new or changed.",
        )


def reform_changes(old, new, lang: str = "sv") -> pd.DataFrame:
    before = reform_views.current(old).set_index("id")
    after = reform_views.current(new)
    cols = [_t(lang, "Nr", "No."), "Reform", _t(lang, "Status förut", "Status before"), _t(lang, "Status nu", "Status now"),
            _t(lang, "Bedömd", "Assessed"), _t(lang, "Ändring", "Change")]
    rows = []
    for r in after.itertuples(index=False):
        prev = before.loc[r.id] if r.id in before.index else None
        prev_seq = int(prev["seq"]) if prev is not None else 0
        if int(r.seq) == prev_seq:
            continue
        prev_status = prev["status"] if prev is not None else reform_views.NOT_ASSESSED
        rows.append([int(r.number), r.title_en if lang == "en" else r.title_sv, status_label(prev_status, lang),
                     status_label(r.status, lang), fmt.iso(r.update_date) if r.update_date else fmt.number(None, lang=lang),
                     _t(lang, "Ny status", "New status") if prev_status != r.status
                     else _t(lang, "Ny bedömning, samma status", "New assessment, same status")])
    return pd.DataFrame(rows, columns=cols)


def _cells(picture, indicator_id: str) -> dict[tuple, tuple[str, bool]]:
    """(area, period, gender) → (shown text, preliminary) of a protected indicator."""
    df = iv.protected(picture, indicator_id)
    if df.empty:
        return {}
    ind = indicators().get(indicator_id)
    unit = ind.unit if ind else "antal"
    df = df[df["status"] != "saknas"]
    return {(a, str(p), g): (privacy.cell_text(v, bool(h), unit=unit, lang="sv"), bool(pr))
            for a, p, g, v, h, pr in zip(df["area_code"], df["period"], df["gender"], df["value"], df["suppressed"],
                                        df["preliminary"])}


def indicator_changes(old, new, lang: str = "sv") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per indicator: values added and changed; and the changed values (area, period, before, now)."""
    reg = indicators()
    ids = sorted(set(old.table("observations")["indicator_id"]) | set(new.table("observations")["indicator_id"]))
    names = dict(zip(new.table("districts")["code"], new.table("districts")["name"])) if not new.table("districts").empty else {}
    summary, detail = [], []
    prelim = _t(lang, " (prel.)", " (prel.)")
    for iid in ids:
        a, b = _cells(old, iid), _cells(new, iid)
        added = [k for k in b if k not in a]
        changed = [k for k in b if k in a and a[k] != b[k]]
        if not added and not changed:
            continue
        name = reg[iid].name(lang) if iid in reg else iid
        newest_a = max((k[1] for k in a), default="–")
        newest_b = max((k[1] for k in b), default="–")
        summary.append([name, iid, len(added), len(changed), newest_a, newest_b])
        for k in sorted(changed, key=lambda k: (k[1], k[0], k[2])):
            detail.append([name, names.get(k[0], k[0]), k[1], k[2], a[k][0] + (prelim if a[k][1] else ""),
                           b[k][0] + (prelim if b[k][1] else "")])
    scols = [_t(lang, "Indikator", "Indicator"), "id", _t(lang, "Nya värden", "New values"),
             _t(lang, "Ändrade värden", "Changed values"), _t(lang, "Senaste period förut", "Latest period before"),
             _t(lang, "Senaste period nu", "Latest period now")]
    dcols = [_t(lang, "Indikator", "Indicator"), _t(lang, "Område", "Area"), "Period", _t(lang, "Kön", "Sex"),
             _t(lang, "Förut", "Before"), _t(lang, "Nu", "Now")]
    return pd.DataFrame(summary, columns=scols), pd.DataFrame(detail, columns=dcols)


def activity_changes(old, new, lang: str = "sv") -> pd.DataFrame:
    before = av.activities(old, lang).set_index("id")
    after = av.activities(new, lang)
    rows = []
    for r in after.itertuples(index=False):
        if r.id not in before.index:
            kind, prev = _t(lang, "Ny", "New"), "–"
        else:
            p = before.loc[r.id]
            if int(p["version"]) == int(r.version):
                continue
            prev = p["status_label"]
            kind = _t(lang, "Status ändrad", "Status changed") if p["status"] != r.status else _t(lang, "Ändrad", "Changed")
        rows.append([r.title, r.partner, kind, prev, r.status_label])
    cols = [_t(lang, "Aktivitet", "Activity"), _t(lang, "Part", "Partner"), _t(lang, "Ändring", "Change"),
            _t(lang, "Status förut", "Status before"), _t(lang, "Status nu", "Status now")]
    return pd.DataFrame(rows, columns=cols)


def changes(old, new, lang: str = "sv") -> Changes:
    ind, detail = indicator_changes(old, new, lang)
    return Changes(reform_changes(old, new, lang), ind, detail, activity_changes(old, new, lang))
