"""What is loaded: the import history and, per indicator, how much data there is.

Pure functions of a Picture's tables (live or frozen), shown on the Data page.
"""
from __future__ import annotations

import pandas as pd

from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators
from lagesbild.registry.sources import sources

# Which import type fills each source (for "Uppgift saknas – importera med …").
IMPORT_KIND_OF_SOURCE = {
    "bra_sol": "bra", "kolada": "kolada", "polisen_handelser": "polisen", "scb_befolkning": "scb",
    "partner": "partner", "enkater_citerade": "enkat_text", "bra_ntu": "ntu",
}
KIND_LABELS_SV = {
    "bra_csv": "Brå (CSV)", "bra_sol": "Brå (SOL-export)", "kolada": "Kolada", "polisen": "Polisen, händelser",
    "scb": "SCB, folkmängd", "partner": "Partnerindikatorer", "enkat_text": "Citerade enkätsiffror", "ntu": "Brå NTU",
}
KIND_LABELS_EN = {
    "bra_csv": "Brå (CSV)", "bra_sol": "Brå (SOL export)", "kolada": "Kolada", "polisen": "Police events",
    "scb": "SCB population", "partner": "Partner indicators", "enkat_text": "Quoted survey figures", "ntu": "Brå NTU",
}
HISTORY_COLUMNS = ["id", "imported_at", "kind", "source", "filename", "imported_by", "vintage", "rows_added", "rows_changed", "rows_unchanged"]
LOADED_COLUMNS = ["indicator_id", "name", "source", "observations", "first_period", "last_period", "data_tom", "statuses", "how_to_load"]


def import_history(batches: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """Every import, newest first: what, when, by whom, data t.o.m., what it changed."""
    if batches.empty:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    labels = KIND_LABELS_EN if lang == "en" else KIND_LABELS_SV
    srcs = sources()
    df = batches.sort_values(["imported_at", "id"], ascending=False).copy()
    df["kind"] = df["kind"].map(lambda k: labels.get(k, k))
    df["source"] = df["source_id"].map(lambda s: srcs[s].name if s in srcs else s)
    df["vintage"] = df["vintage"].fillna(t("common.missing", lang))
    return df[HISTORY_COLUMNS].reset_index(drop=True)


def how_to_load(indicator_id: str, lang: str = "sv") -> str:
    ind = indicators()[indicator_id]
    kind = IMPORT_KIND_OF_SOURCE.get(ind.source_id)
    if ind.source_id == "partner":
        return t("status.how_to_load.partner", lang)
    if kind:
        from lagesbild.importers.registry import importer

        label = importer(kind).label(lang)
        return t("status.how_to_load.kind", lang, label=label)
    return t("status.how_to_load.none", lang)


def loaded_by_indicator(observations: pd.DataFrame, events: pd.DataFrame, lang: str = "sv") -> pd.DataFrame:
    """One row per registered indicator: number of values, first and last period, data t.o.m.
    (end of the newest period), statuses, and how to load it when nothing is there."""
    rows = []
    by_ind = dict(tuple(observations.groupby("indicator_id"))) if not observations.empty else {}
    srcs = sources()
    for ind in indicators().values():
        base = {"indicator_id": ind.id, "name": ind.name(lang), "source": srcs[ind.source_id].name if ind.source_id in srcs else ind.source_id}
        if ind.derived and ind.source_id == "polisen_handelser":
            rows.append({**base, **_events_row(events, ind.id, lang)})
            continue
        df = by_ind.get(ind.id)
        if df is None or df.empty:
            rows.append({**base, "observations": 0, "first_period": "", "last_period": "", "data_tom": "",
                         "statuses": "", "how_to_load": how_to_load(ind.id, lang)})
            continue
        periods = sorted(df["period"].astype(str))
        ends = pd.to_datetime(df["period_end"])
        counts = df["status"].value_counts()
        rows.append({**base, "observations": int(len(df)), "first_period": periods[0], "last_period": periods[-1],
                     "data_tom": ends.max().date().isoformat(),
                     "statuses": ", ".join(f"{k} {v}" for k, v in counts.items()), "how_to_load": ""})
    return pd.DataFrame(rows, columns=LOADED_COLUMNS)


def _events_row(events: pd.DataFrame, indicator_id: str, lang: str) -> dict:
    if events.empty:
        return {"observations": 0, "first_period": "", "last_period": "", "data_tom": "", "statuses": "",
                "how_to_load": how_to_load(indicator_id, lang)}
    when = pd.to_datetime(events["occurred_at"])
    note = t("status.events_note", lang)
    return {"observations": int(len(events)), "first_period": when.min().strftime("%Y-%m"), "last_period": when.max().strftime("%Y-%m"),
            "data_tom": when.max().date().isoformat(), "statuses": note, "how_to_load": ""}


def newest_vintage(batches: pd.DataFrame) -> str | None:
    v = batches["vintage"].dropna() if not batches.empty else pd.Series(dtype=str)
    return max(v) if len(v) else None
