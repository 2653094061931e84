"""The meeting pack: PDF + PPTX pre-read, the snapshot manifest (JSON) and the decisions (CSV),
as one ZIP. Built from a Picture (the meeting's snapshot once frozen) and the meeting's facts.

`export_meeting` reports progress through a callback (fraction, text), so the page can show
a progress bar; the charts are rendered by one kaleido server for the whole export.
"""
from __future__ import annotations

import io
import json
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

import lagesbild
from lagesbild import agenda, fmt
from lagesbild.export.meeting_data import ExportData, ExportItem, figure_pixels
from lagesbild.export.cells import to_csv_bytes
from lagesbild.i18n import t
from lagesbild.picture import Picture, checks
from lagesbild.store.meta import newest_in
from lagesbild.agenda.meeting import actions_table
from lagesbild.provenance import sources_used

Progress = Callable[[float, str], None]


@dataclass
class MeetingPack:
    pdf: bytes
    pptx: bytes
    manifest: dict
    decisions_csv: bytes
    zip: bytes
    basename: str
    timings: dict[str, float] = field(default_factory=dict)


def basename(title: str, day) -> str:
    """"mote-2026-11-30-samverkansmote" (ASCII, safe as a file name everywhere)."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o", "é": "e"})
    slug = re.sub(r"[^a-z0-9]+", "-", title.translate(table).lower()).strip("-")[:40] or "mote"
    return f"mote-{fmt.iso(day)}-{slug}"


def export_data(picture: Picture, meeting, ctx: agenda.MeetingContext, partner_names: dict[str, str], *,
                lang: str = "sv", demo: bool = False) -> ExportData:
    """The content of every agenda item, built from the picture (no images yet)."""
    items = [ExportItem(i, it.title, agenda.build(picture, it.page_slug, it.params, lang, ctx))
             for i, it in enumerate(meeting.items, start=1)]
    return ExportData(
        meeting_title=meeting.title, meeting_date=meeting.meeting_date, frozen=meeting.frozen,
        # A frozen meeting keeps its snapshot's date; live data says how new the data is.
        as_of=picture.as_of if meeting.frozen else (newest_in(picture) or picture.as_of),
        frozen_at=meeting.frozen_at, participants=[partner_names.get(o, o) for o in meeting.organisations], items=items,
        decisions=agenda.meeting.decisions(ctx, lang), lang=lang, app_version=lagesbild.__version__, demo=demo,
    )


def render_images(data: ExportData, progress: Progress | None = None, *, start: float = 0.05, end: float = 0.8) -> int:
    """Every chart of every item to PNG, with one kaleido server. Returns how many."""
    from lagesbild.export.images import renderer

    todo = [(it, k) for it in data.items for k in range(len(it.content.figures))]
    with renderer() as r:
        for n, (it, k) in enumerate(todo, start=1):
            if progress:
                progress(start + (end - start) * (n - 1) / max(1, len(todo)),
                         t("pack.render_images.drawing_chart_item", data.lang, n=n, n_todo=len(todo), number=it.number))
            w, h = figure_pixels(it.content)
            if k == 0:
                it.images = []
            it.images.append(r.png(it.content.figures[k].fig, width=w, height=h))
    return len(todo)


def decisions_csv(actions: pd.DataFrame, lang: str = "sv") -> bytes:
    """Decisions and åtgärder for Excel: semicolons, UTF-8 with BOM, formulas neutralised."""
    return to_csv_bytes(actions_table(actions, lang).astype(str))


def live_manifest(picture: Picture, meeting) -> dict:
    """For a draft meeting (no snapshot): what the pack was built from, marked as not frozen."""
    tables, content_sum = checks(picture)
    return {
        "meeting": {"id": meeting.id, "title": meeting.title, "date": meeting.meeting_date.isoformat(),
                    "organisations": list(meeting.organisations)},
        "frozen": False, "as_of": picture.as_of.isoformat(), "app_version": lagesbild.__version__,
        "agenda": [{"position": it.position, "title": it.title, "page": it.page_slug, "params": it.params} for it in meeting.items],
        "sources": sources_used(picture), "tables": tables, "content_sha256": content_sum,
    }


def export_meeting(picture: Picture, meeting, ctx: agenda.MeetingContext, partner_names: dict[str, str], *,
                   manifest: dict | None = None, lang: str = "sv", demo: bool = False,
                   progress: Progress | None = None) -> MeetingPack:
    from lagesbild.export.pdf import meeting_pdf
    from lagesbild.export.pptx import meeting_pptx

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    say = progress or (lambda _f, _s: None)
    say(0.0, t("pack.export_meeting.building_views_from_picture", lang))
    data = export_data(picture, meeting, ctx, partner_names, lang=lang, demo=demo)
    timings["views"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    timings["charts_n"] = render_images(data, say)
    timings["charts"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    say(0.82, t("pack.export_meeting.writing_pdf", lang))
    pdf = meeting_pdf(data)
    timings["pdf"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    say(0.9, t("pack.export_meeting.writing_pptx", lang))
    pptx = meeting_pptx(data)
    timings["pptx"] = time.perf_counter() - t1
    say(0.96, t("pack.export_meeting.packing_zip", lang))
    man = dict(manifest) if manifest else live_manifest(picture, meeting)
    man["export"] = {"app_version": lagesbild.__version__, "lang": lang, "files": []}
    csv_bytes = decisions_csv(ctx.actions, lang)
    name = basename(meeting.title, meeting.meeting_date)
    files = {f"{name}.pdf": pdf, f"{name}.pptx": pptx, f"{name}-beslut.csv": csv_bytes}
    man["export"]["files"] = sorted([*files, f"{name}-manifest.json"])
    files[f"{name}-manifest.json"] = json.dumps(man, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, content in files.items():
            z.writestr(fname, content)
    timings["total"] = time.perf_counter() - t0
    say(1.0, t("pack.export_meeting.done", lang))
    return MeetingPack(pdf, pptx, man, csv_bytes, buf.getvalue(), name, timings)
