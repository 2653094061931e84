"""Provenance without streamlit: the source line under every figure, and "data t.o.m." per
source of a Picture (for the snapshot manifest and the exports)."""
from __future__ import annotations

from datetime import date

import pandas as pd

from lagesbild import fmt
from lagesbild.dates import as_date
from lagesbild.geo import events as notice_events
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators
from lagesbild.registry.sources import known, source, sources


def source_line(source_ids: list[str] | str, data_tom: date | str | None, *, lang: str = "sv", note: str = "") -> str:
    """"Källa: Brå · Typ: Anmälda brott · Data t.o.m. 2025-12-31" (as on screen)."""
    ids = [source_ids] if isinstance(source_ids, str) else list(source_ids)
    srcs = [source(i) for i in ids if known(i)]  # a caption naming a source this kommun lacks names the rest
    # "Källa: SCB, Kolada" rather than "Källa: SCB · Källa: Kolada"
    who = list(dict.fromkeys(s.short_publisher for s in srcs))
    attributions = f"{t('common.source', lang)}: {', '.join(who)}"
    types = ", ".join(dict.fromkeys((s.data_type.label_en if lang == "en" else s.data_type.label_sv) for s in srcs))
    tom = fmt.iso(data_tom) if isinstance(data_tom, date) else (data_tom or t("common.missing", lang))
    text = f"{attributions} · {t('common.type', lang)}: {types} · {t('common.data_tom', lang)} {tom}"
    return f"{text} · {note}" if note else text


def _newest(values: pd.Series) -> date | None:
    # Distinct values first: 460 800 observations hold some hundred period ends.
    days = [d for d in (as_date(v) for v in values.unique()) if d is not None]
    return max(days) if days else None


def data_tom_by_source(picture) -> dict[str, date]:
    """Source id → the newest date its data in the picture refers to (only sources with data)."""
    out: dict[str, date] = {}

    def put(sid: str, d: date | None) -> None:
        sid = sid.split(":", 1)[0]  # "partner:huge" is listed as the partners' own figures
        if d is not None and sid in sources():
            out[sid] = max(d, out.get(sid, d))

    obs = picture.table("observations")
    if not obs.empty:
        reg = indicators()
        known = obs.loc[obs["status"] != "saknas", ["indicator_id", "period_end"]].drop_duplicates()
        for iid, group in known.groupby("indicator_id"):
            if iid in reg:
                put(reg[iid].source_id, _newest(group["period_end"]))
    if not picture.table("police_events").empty:
        put("polisen_handelser", notice_events.newest(picture))  # the notice times, parsed once per picture
    ups = picture.table("reform_updates")
    if not ups.empty:
        put("reformuppfoljning", _newest(ups["update_date"]))
    acts = picture.table("activities")
    if not acts.empty:
        put("partner", _newest(acts["updated_at"]))
    return out


def sources_used(picture) -> list[dict]:
    """The registry's sources that have data in the picture, with their data t.o.m."""
    toms = data_tom_by_source(picture)
    rows = []
    for sid, src in sources().items():
        if sid not in toms:
            continue
        rows.append({"id": sid, "name": src.name, "publisher": src.publisher, "data_type": src.data_type.value,
                     "attribution": src.attribution, "licence": src.licence, "url": src.url,
                     "data_tom": toms[sid].isoformat()})
    return rows
