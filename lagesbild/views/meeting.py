"""Agenda views that belong to the meeting itself: "Sedan förra mötet", the åtgärder carried
from the previous meeting, the decisions list, and the data status (sources, data t.o.m.)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lagesbild import fmt
from lagesbild.dates import as_date
from lagesbild.picture import Picture
from lagesbild.registry.sources import sources
from lagesbild.views.changes import changes
from lagesbild.views.content import Provenance, TableBlock, ViewContent
from lagesbild.views.sources import data_tom_by_source

KIND_LABELS = {"beslut": ("Beslut", "Decision"), "atgard": ("Åtgärd", "Action")}


def _t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


@dataclass
class MeetingContext:
    """What the meeting views need besides the picture (built by the store layer)."""

    title: str
    meeting_date: date
    actions: pd.DataFrame  # store.meetings.actions_frame of this meeting
    organisations: tuple[str, ...] = ()
    previous_title: str | None = None
    previous_date: date | None = None
    previous_picture: Picture | None = None
    previous_actions: pd.DataFrame = field(default_factory=pd.DataFrame)


def kind_label(kind: str, lang: str = "sv") -> str:
    sv, en = KIND_LABELS.get(kind, (kind, kind))
    return en if lang == "en" else sv


def actions_table(actions: pd.DataFrame, lang: str = "sv", *, with_item: bool = True) -> pd.DataFrame:
    """Decisions and åtgärder as shown and exported: kind, what, who, by when, done."""
    cols = [_t(lang, "Punkt", "Item"), _t(lang, "Typ", "Type"), _t(lang, "Vad", "What"), _t(lang, "Vem", "Who"),
            _t(lang, "Senast", "By"), _t(lang, "Klar", "Done")]
    rows = []
    for a in actions.itertuples(index=False):
        item = (f"{a.item_position}. {a.item_title}" if a.item_title else
                (_t(lang, "Från förra mötet", "From the previous meeting") if a.carried_from else "–"))
        rows.append([item, kind_label(a.kind, lang), a.text, a.owner or "–",
                     fmt.iso(a.due_date) if a.due_date else "–",
                     ("✓ " + _t(lang, "klar", "done")) if a.done else ("○ " + _t(lang, "öppen", "open")) if a.kind == "atgard" else "–"])
    df = pd.DataFrame(rows, columns=cols)
    return df if with_item else df.drop(columns=cols[0])


def decisions(ctx: MeetingContext, lang: str = "sv") -> ViewContent:
    acts = ctx.actions
    n_dec = int((acts["kind"] == "beslut").sum()) if not acts.empty else 0
    open_ = int(((acts["kind"] == "atgard") & ~acts["done"].astype(bool)).sum()) if not acts.empty else 0
    n_act = len(acts) - n_dec
    summary = _t(lang, f"{n_dec} beslut och {n_act} {'åtgärd' if n_act == 1 else 'åtgärder'}"
                       + (f", varav {open_} {'öppen' if open_ == 1 else 'öppna'}." if n_act else "."),
                 f"{n_dec} {'decision' if n_dec == 1 else 'decisions'} and {n_act} {'action' if n_act == 1 else 'actions'}"
                 + (f", {open_} of them open." if n_act else "."))
    if acts.empty:
        summary = _t(lang, "Inga beslut eller åtgärder är registrerade.", "No decisions or actions are recorded.")
    table = TableBlock(_t(lang, "Beslut och åtgärder", "Decisions and actions"), actions_table(acts, lang), None, max_rows=16)
    return ViewContent(_t(lang, "Beslut och åtgärder", "Decisions and actions"), summary, [], [table] if not acts.empty else [],
                       [], "mote", {"vy": "beslut"})


def carried(ctx: MeetingContext, lang: str = "sv") -> ViewContent:
    """Åtgärder from the previous meeting: those carried here, with their state now."""
    acts = ctx.actions
    mine = acts[acts["carried_from"].notna()] if not acts.empty else acts
    title = _t(lang, "Åtgärder från förra mötet", "Actions from the previous meeting")
    prev = (f"{ctx.previous_title} ({fmt.iso(ctx.previous_date)})" if ctx.previous_title else
            _t(lang, "inget tidigare möte", "no earlier meeting"))
    if mine.empty:
        summary = _t(lang, f"Inga öppna åtgärder fördes över från förra mötet ({prev}).",
                     f"No open actions were carried from the previous meeting ({prev}).")
        return ViewContent(title, summary, page_slug="mote", params={"vy": "atgarder"})
    done = int(mine["done"].astype(bool).sum())
    n = len(mine)
    summary = _t(lang, f"{n} {'åtgärd' if n == 1 else 'åtgärder'} från {prev}; {done} {'är klar' if done == 1 else 'är klara'} "
                       f"och {n - done} {'öppen' if n - done == 1 else 'öppna'}.",
                 f"{n} {'action' if n == 1 else 'actions'} from {prev}; {done} done and {n - done} open.")
    return ViewContent(title, summary, [], [TableBlock(title, actions_table(mine, lang, with_item=False), None, max_rows=16)],
                       [], "mote", {"vy": "atgarder"})


def since_last(picture: Picture, ctx: MeetingContext | None, lang: str = "sv") -> ViewContent:
    title = _t(lang, "Sedan förra mötet", "Since the previous meeting")
    if ctx is None or ctx.previous_picture is None:
        why = (_t(lang, "Förra mötet är inte fryst, så det finns ingen lägesbild att jämföra med.",
                  "The previous meeting is not frozen, so there is no picture to compare with.")
               if ctx is not None and ctx.previous_title else
               _t(lang, "Det finns inget tidigare fryst möte att jämföra med.", "There is no earlier frozen meeting to compare with."))
        return ViewContent(title, why, notes=[why], page_slug="mote", params={"vy": "sedan"})
    ch = changes(ctx.previous_picture, picture, lang)
    span = _t(lang, f"Lägesbilden per {fmt.iso(ctx.previous_picture.as_of)} ({ctx.previous_title}) jämförd med per {fmt.iso(picture.as_of)}.",
              f"The picture as of {fmt.iso(ctx.previous_picture.as_of)} ({ctx.previous_title}) compared with {fmt.iso(picture.as_of)}.")
    tables = []
    if not ch.reforms.empty:
        tom = picture.table("reform_updates")["update_date"].max() if not picture.table("reform_updates").empty else None
        tables.append(TableBlock(_t(lang, "Reformer med nya bedömningar", "Reforms with new assessments"), ch.reforms,
                                 Provenance(("reformuppfoljning",), as_date(tom)), max_rows=8))
    if not ch.indicators.empty:
        ids = tuple(dict.fromkeys(_source_of(i) for i in ch.indicators["id"]))
        tables.append(TableBlock(_t(lang, "Indikatorer med nya eller ändrade värden", "Indicators with new or changed values"),
                                 ch.indicators.drop(columns=["id"]), Provenance(ids, _newest_tom(picture, ids)), max_rows=8))
    if not ch.activities.empty:
        tables.append(TableBlock(_t(lang, "Nya och ändrade aktiviteter", "New and changed activities"), ch.activities,
                                 Provenance(("partner",), data_tom_by_source(picture).get("partner")), max_rows=8))
    return ViewContent(title, ch.summary(lang), [], tables, [span], "mote", {"vy": "sedan"})


def _source_of(indicator_id: str) -> str:
    from lagesbild.registry.indicators import indicators

    ind = indicators().get(indicator_id)
    return ind.source_id if ind else "partner"


def _newest_tom(picture, ids: tuple[str, ...]):
    toms = data_tom_by_source(picture)
    known = [toms[i] for i in ids if i in toms]
    return max(known) if known else None


def data_status(picture, lang: str = "sv", *, slug: str = "data") -> ViewContent:
    """Which sources the picture holds and how far their data reaches."""
    toms = data_tom_by_source(picture)
    rows = []
    for sid, src in sources().items():
        rows.append({_t(lang, "Källa", "Source"): src.name, _t(lang, "Utgivare", "Publisher"): src.publisher,
                     _t(lang, "Typ", "Type"): src.data_type.label_en if lang == "en" else src.data_type.label_sv,
                     _t(lang, "Data t.o.m.", "Data up to"): fmt.iso(toms[sid]) if sid in toms else
                     _t(lang, "fil i appen / uppgift saknas", "file in the app / no data")})
    df = pd.DataFrame(rows)
    summary = _t(lang, f"{len(toms)} av {len(rows)} registrerade källor har data i lägesbilden per {fmt.iso(picture.as_of)}.",
                 f"{len(toms)} of {len(rows)} registered sources have data in the picture as of {fmt.iso(picture.as_of)}.")
    return ViewContent(_t(lang, "Data och källor", "Data and sources"), summary, [],
                       [TableBlock(_t(lang, "Källor", "Sources"), df, None, max_rows=16)], [], slug, {})
