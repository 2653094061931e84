""""Sedan förra mötet": what changed between two Pictures (e.g. two meetings' snapshots).

Pure functions returning DataFrames of display text. Indicator values are compared *after*
small-count protection (`queries.indicators.protected`), as shown: a change inside a hidden
cell (3 → 4) is not reported, so the change list reveals nothing the pages would not.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lagesbild.queries import activities as av
from lagesbild import fmt, privacy
from lagesbild.queries import reforms as rq
from lagesbild.queries import indicators as iv
from lagesbild.charts.reforms import status_label
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators


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
            return t("views.changes.summary.nothing_has_changed_reforms", lang)
        n_status = int((self.reforms.iloc[:, 2] != self.reforms.iloc[:, 3]).sum()) if not self.reforms.empty else 0
        added = int(self.indicators.iloc[:, 2].sum()) if not self.indicators.empty else 0
        changed = int(self.indicators.iloc[:, 3].sum()) if not self.indicators.empty else 0
        return t("views.changes.summary.reforms_have_new_assessments", lang, n_reforms=len(self.reforms),
                 n_status=n_status, n_indicators=len(self.indicators), added=added, changed=changed,
                 n_activities=len(self.activities))


def reform_changes(old, new, lang: str = "sv") -> pd.DataFrame:
    before = rq.current(old).set_index("id")
    after = rq.current(new)
    cols = [t("views.changes.reform_changes.no", lang), "Reform", t("views.changes.status_before", lang), t("views.changes.status_now", lang),
            t("views.changes.reform_changes.assessed", lang), t("views.changes.change", lang)]
    rows = []
    for r in after.itertuples(index=False):
        prev = before.loc[r.id] if r.id in before.index else None
        prev_seq = int(prev["seq"]) if prev is not None else 0
        if int(r.seq) == prev_seq:
            continue
        prev_status = prev["status"] if prev is not None else rq.NOT_ASSESSED
        rows.append([int(r.number), r.title_en if lang == "en" else r.title_sv, status_label(prev_status, lang),
                     status_label(r.status, lang), fmt.iso(r.update_date) if r.update_date else fmt.number(None, lang=lang),
                     t("views.changes.reform_changes.new_status", lang) if prev_status != r.status
                     else t("views.changes.reform_changes.new_assessment_same_status", lang)])
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
    ids = sorted(set(old.table("observations")["indicator_id"].unique()) | set(new.table("observations")["indicator_id"].unique()))
    names = dict(zip(new.table("districts")["code"], new.table("districts")["name"])) if not new.table("districts").empty else {}
    summary, detail = [], []
    prelim = t("views.changes.indicator_changes.prel", lang)
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
    scols = [t("views.changes.indicator_changes.indicator", lang), "id", t("views.changes.indicator_changes.new_values", lang),
             t("views.changes.indicator_changes.changed_values", lang), t("views.changes.indicator_changes.latest_period_before", lang),
             t("views.changes.indicator_changes.latest_period_now", lang)]
    dcols = [t("views.changes.indicator_changes.indicator", lang), t("views.changes.indicator_changes.area", lang), "Period", t("views.changes.indicator_changes.sex", lang),
             t("views.changes.indicator_changes.before", lang), t("views.changes.indicator_changes.now", lang)]
    return pd.DataFrame(summary, columns=scols), pd.DataFrame(detail, columns=dcols)


def activity_changes(old, new, lang: str = "sv") -> pd.DataFrame:
    before = av.activities(old, lang).set_index("id")
    after = av.activities(new, lang)
    rows = []
    for r in after.itertuples(index=False):
        if r.id not in before.index:
            kind, prev = t("views.changes.activity_changes.new", lang), "–"
        else:
            p = before.loc[r.id]
            if int(p["version"]) == int(r.version):
                continue
            prev = p["status_label"]
            kind = t("views.changes.activity_changes.status_changed", lang) if p["status"] != r.status else t("views.changes.activity_changes.changed", lang)
        rows.append([r.title, r.partner, kind, prev, r.status_label])
    cols = [t("views.changes.activity_changes.activity", lang), t("views.changes.activity_changes.partner", lang), t("views.changes.change", lang),
            t("views.changes.status_before", lang), t("views.changes.status_now", lang)]
    return pd.DataFrame(rows, columns=cols)


def changes(old, new, lang: str = "sv") -> Changes:
    ind, detail = indicator_changes(old, new, lang)
    return Changes(reform_changes(old, new, lang), ind, detail, activity_changes(old, new, lang))
