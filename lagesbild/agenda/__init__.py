"""View builders for meeting agenda items (no streamlit).

`build(picture, slug, params, lang, ctx)` turns a saved view (a page of the registry plus its
query parameters) into a `ViewContent`, from whatever Picture it is given: the live one, or
a meeting's frozen snapshot. The meeting screen, the presentation view and the PDF/PPTX
pre-read all render the same `ViewContent`.

Supported saved views:
- oversikt: reforms' status and the headline indicators;
- reformer: ?status=…&tema=…&ansvarig=…&fokus=…&sok=… (filtered overview) or ?reform=R07;
- fokusomraden: ?fokus=gang (headline trends) or ?indikator=<id>[&omrade=<code>] (one trend);
- karta: ?matt=<measure>&period=<period> (static district map);
- omraden: ?omrade=<code> (profile in brief) or nothing (the priority areas);
- data, om: the sources and their data t.o.m.;
- mote: ?vy=sedan (Sedan förra mötet), ?vy=atgarder (åtgärder from the previous meeting),
  ?vy=beslut (this meeting's decisions).
"""
from __future__ import annotations

from lagesbild.i18n import t
from lagesbild.agenda import area, indicator, meeting, reform
from lagesbild.content import FigureBlock, Provenance, TableBlock, ViewContent
from lagesbild.agenda.meeting import MeetingContext
from lagesbild.agenda.params import one

__all__ = ["FigureBlock", "MeetingContext", "Provenance", "TableBlock", "ViewContent", "build", "describe", "MEETING_VIEWS"]

MEETING_VIEWS = {  # view → its title's key in lagesbild.i18n
    "sedan": "views.mote.sedan",
    "atgarder": "views.mote.atgarder",
    "beslut": "views.mote.beslut",
}


def build(picture, slug: str, params: dict | None = None, lang: str = "sv", ctx: MeetingContext | None = None) -> ViewContent:
    params = dict(params or {})
    if slug == "oversikt":
        vc = indicator.overview(picture, lang)
    elif slug == "reformer":
        vc = reform.build(picture, params, lang)
    elif slug == "fokusomraden":
        vc = indicator.build_focus(picture, params, lang)
    elif slug == "karta":
        vc = area.district_map(picture, params, lang)
    elif slug == "omraden":
        vc = area.profile(picture, params, lang)
    elif slug in ("data", "om"):
        vc = meeting.data_status(picture, lang, slug=slug)
    elif slug == "mote":
        vc = _meeting_view(picture, params, lang, ctx)
    else:
        text = t("views.build.view_cannot_be_shown", lang, slug=slug)
        vc = ViewContent(slug, text, notes=[text], page_slug=slug, params=params)
    vc.figures = vc.figures[:2]
    return vc


def _meeting_view(picture, params: dict, lang: str, ctx: MeetingContext | None) -> ViewContent:
    vy = one(params, "vy") or "sedan"
    if vy == "sedan":
        return meeting.since_last(picture, ctx, lang)
    if ctx is None:
        text = t("views.meeting_view.view_belongs_meeting_shown", lang)
        return ViewContent(t(MEETING_VIEWS.get(vy, "views.mote.default"), lang), text, notes=[text], page_slug="mote", params=params)
    if vy == "atgarder":
        return meeting.carried(ctx, lang)
    return meeting.decisions(ctx, lang)


def describe(picture, slug: str, params: dict | None = None, lang: str = "sv") -> str:
    """A default title for a saved view, e.g. "Reformer: Försenad" or "Karta: Folkmängd 2025"."""
    from lagesbild.registry.pages import page

    params = dict(params or {})
    if slug == "reformer":
        return reform.describe(picture, params, lang)
    if slug == "fokusomraden":
        return indicator.describe_focus(picture, params, lang)
    if slug == "karta":
        return area.describe_map(picture, params, lang)
    if slug == "omraden":
        return area.describe_area(params, lang)
    if slug == "mote":
        return t(MEETING_VIEWS.get(one(params, "vy") or "sedan", MEETING_VIEWS["sedan"]), lang)
    try:
        return page(slug).title(lang)
    except KeyError:
        return slug
