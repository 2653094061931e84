"""Agenda views that belong to the meeting itself: "Sedan förra mötet", the åtgärder carried
from the previous meeting, the decisions list, and the data status (sources, data t.o.m.)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lagesbild import fmt
from lagesbild.dates import as_date
from lagesbild.i18n import t
from lagesbild.picture import Picture
from lagesbild.registry.sources import sources
from lagesbild.agenda.changes import changes
from lagesbild.content import Provenance, TableBlock, ViewContent
from lagesbild.provenance import data_tom_by_source

KIND_LABELS = {"beslut": ("Beslut", "Decision"), "atgard": ("Åtgärd", "Action")}


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
    cols = [t("views.meeting.actions_table.item", lang), t("views.meeting.type", lang), t("views.meeting.actions_table.what", lang), t("views.meeting.actions_table.who", lang),
            t("views.meeting.actions_table.by", lang), t("views.meeting.actions_table.done", lang)]
    rows = []
    for a in actions.itertuples(index=False):
        item = (f"{a.item_position}. {a.item_title}" if a.item_title else
                (t("views.meeting.actions_table.from_previous_meeting", lang) if a.carried_from else "–"))
        rows.append([item, kind_label(a.kind, lang), a.text, a.owner or "–",
                     fmt.iso(a.due_date) if a.due_date else "–",
                     ("✓ " + t("views.meeting.actions_table.done_2", lang)) if a.done else ("○ " + t("views.meeting.actions_table.open", lang)) if a.kind == "atgard" else "–"])
    df = pd.DataFrame(rows, columns=cols)
    return df if with_item else df.drop(columns=cols[0])


def decisions(ctx: MeetingContext, lang: str = "sv") -> ViewContent:
    acts = ctx.actions
    n_dec = int((acts["kind"] == "beslut").sum()) if not acts.empty else 0
    open_ = int(((acts["kind"] == "atgard") & ~acts["done"].astype(bool)).sum()) if not acts.empty else 0
    n_act = len(acts) - n_dec
    summary = (t("views.meeting.decisions.counts", lang, n_dec=n_dec, n_act=n_act,
                 decisions=t("views.meeting.decision" if n_dec == 1 else "views.meeting.decisions", lang),
                 actions=t("views.meeting.action" if n_act == 1 else "views.meeting.actions", lang))
               + (t("views.meeting.decisions.of_them_open", lang, n_open=open_,
                                 open=t("views.meeting.open" if open_ == 1 else "views.meeting.open_many", lang)) if n_act else "."))
    if acts.empty:
        summary = t("views.meeting.decisions.no_decisions_actions_are", lang)
    table = TableBlock(t("views.meeting.decisions.decisions_actions", lang), actions_table(acts, lang), None, max_rows=16)
    return ViewContent(t("views.meeting.decisions.decisions_actions", lang), summary, [], [table] if not acts.empty else [],
                       [], "mote", {"vy": "beslut"})


def carried(ctx: MeetingContext, lang: str = "sv") -> ViewContent:
    """Åtgärder from the previous meeting: those carried here, with their state now."""
    acts = ctx.actions
    mine = acts[acts["carried_from"].notna()] if not acts.empty else acts
    title = t("views.meeting.carried.actions_from_previous_meeting", lang)
    prev = (f"{ctx.previous_title} ({fmt.iso(ctx.previous_date)})" if ctx.previous_title else
            t("views.meeting.carried.no_earlier_meeting", lang))
    if mine.empty:
        summary = t("views.meeting.carried.no_open_actions_were", lang, prev=prev)
        return ViewContent(title, summary, page_slug="mote", params={"vy": "atgarder"})
    done = int(mine["done"].astype(bool).sum())
    n = len(mine)
    summary = t("views.meeting.carried.from_done_open", lang, n=n, prev=prev, done=done, n_open=n - done,
                actions=t("views.meeting.action" if n == 1 else "views.meeting.actions", lang),
                are_done=t("views.meeting.carried.is_done" if done == 1 else "views.meeting.carried.are_done", lang),
                open=t("views.meeting.open" if n - done == 1 else "views.meeting.open_many", lang))
    return ViewContent(title, summary, [], [TableBlock(title, actions_table(mine, lang, with_item=False), None, max_rows=16)],
                       [], "mote", {"vy": "atgarder"})


def since_last(picture: Picture, ctx: MeetingContext | None, lang: str = "sv") -> ViewContent:
    title = t("views.meeting.since_last.since_previous_meeting", lang)
    if ctx is None or ctx.previous_picture is None:
        why = (t("views.meeting.since_last.previous_meeting_not_frozen", lang)
               if ctx is not None and ctx.previous_title else
               t("views.meeting.since_last.there_no_earlier_frozen", lang))
        return ViewContent(title, why, notes=[why], page_slug="mote", params={"vy": "sedan"})
    ch = changes(ctx.previous_picture, picture, lang)
    span = t("views.meeting.since_last.picture_as_compared", lang, previous_date=fmt.iso(ctx.previous_picture.as_of),
             previous_title=ctx.previous_title, date=fmt.iso(picture.as_of))
    tables = []
    if not ch.reforms.empty:
        tom = picture.table("reform_updates")["update_date"].max() if not picture.table("reform_updates").empty else None
        tables.append(TableBlock(t("views.meeting.since_last.reforms_new_assessments", lang), ch.reforms,
                                 Provenance(("reformuppfoljning",), as_date(tom)), max_rows=8))
    if not ch.indicators.empty:
        ids = tuple(dict.fromkeys(_source_of(i) for i in ch.indicators["id"]))
        tables.append(TableBlock(t("views.meeting.since_last.indicators_new_changed_values", lang),
                                 ch.indicators.drop(columns=["id"]), Provenance(ids, _newest_tom(picture, ids)), max_rows=8))
    if not ch.activities.empty:
        tables.append(TableBlock(t("views.meeting.since_last.new_changed_activities", lang), ch.activities,
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
        rows.append({t("views.meeting.data_status.source", lang): src.name, t("views.meeting.data_status.publisher", lang): src.publisher,
                     t("views.meeting.type", lang): src.data_type.label_en if lang == "en" else src.data_type.label_sv,
                     t("views.meeting.data_status.data_up", lang): fmt.iso(toms[sid]) if sid in toms else
                     t("views.meeting.data_status.file_app_no_data", lang)})
    df = pd.DataFrame(rows)
    summary = t("views.meeting.data_status.registered_sources_have_data", lang, n_toms=len(toms), n_rows=len(rows),
                date=fmt.iso(picture.as_of))
    return ViewContent(t("views.meeting.data_status.data_sources", lang), summary, [],
                       [TableBlock(t("views.meeting.data_status.sources", lang), df, None, max_rows=16)], [], slug, {})
