"""The presentation view of a meeting (?mote=<id>&presentation=1&punkt=N).

One agenda item at a time, full width, in large type, with the sidebar, Streamlit's header and
toolbar hidden (CSS: `st.set_page_config` has been called by the router already). Next and
previous by buttons and by keyboard: → / PageDown and ← / PageUp (presentation clickers send
PageDown/PageUp). A few lines of inline JavaScript (st.html runs them in the page itself;
offline) press the same buttons, one run at a time. Streamlit's own `shortcut=` takes one key
per button and, like a click, merges a quick second press into the first.
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lagesbild import agenda, fmt, privacy
from lagesbild.i18n import t
from lagesbild.store import meetings
from lagesbild.ui import meeting_state, presenter, provenance, view_ui
from lagesbild.ui.figure_ui import PLOTLY_CONFIG, md_escape
from lagesbild.agenda import slides as slides_mod
from lagesbild.content import TableBlock
from lagesbild.ui.state import lang, store
from lagesbild.ui.session import picture

NEXT, PREV, EXIT = "mote_nasta", "mote_foregaende", "mote_avsluta"
ITEM_PARAM = "punkt"
SLIDE_PARAM = "bild"  # the slide within the item (1, 2, …; "sista" = its last, after ← from the next item)
LAST = "sista"
CHART_HEIGHT = 420

# Root font size grows with the window: 16 px on a 1366 px laptop, 22–24 px on a 1920 px projector.
CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"], footer { display: none !important; }
html { font-size: clamp(16px, 1.15vw, 24px); }
[data-testid="stMainBlockContainer"], .block-container { max-width: 100% !important; padding: 0.8rem 2.2rem 1rem !important; }
.st-key-mote_pres_head p { margin-bottom: 0; }
.st-key-mote_pres h1 { font-size: 2.1rem; padding-top: 0.2rem; }
.st-key-mote_pres [data-testid="stMarkdownContainer"] p { font-size: 1.15rem; }
.st-key-mote_pres [data-testid="stCaptionContainer"] p { font-size: 0.9rem; }
/* The page's footer (all sources of the page) is the presenter's: each slide has its own. */
.st-key-lb_footer { display: none !important; }
.st-key-mote_slide_body table { font-size: 1.0rem; }
.st-key-mote_slide_body td, .st-key-mote_slide_body th { padding-top: 0.25rem !important; padding-bottom: 0.25rem !important; }
</style>"""

KEYS_JS = """<script>
(function () {
  if (window.__moteKeys) { return; }
  window.__moteKeys = true;
  // Presses are counted and replayed one run at a time: Streamlit merges two clicks on the same
  // button that arrive while the script is still running, which would lose a quick second press.
  var pending = 0;
  function busy() {
    var app = document.querySelector('[data-testid="stApp"]');
    var state = app ? app.getAttribute("data-test-script-state") : "";
    return state === "running" || state === "rerunRequested";
  }
  var last = 0, tries = 0;
  function flush() {
    if (pending === 0) { return; }
    var wait = 350 - (Date.now() - last);  // a click needs a moment to start its run
    if (wait > 0) { setTimeout(flush, wait); return; }
    if (busy()) { setTimeout(flush, 120); return; }
    var b = document.querySelector(".st-key-" + (pending > 0 ? "%(next)s" : "%(prev)s") + " button");
    if (!b) {  // the button is being redrawn: look again shortly
      if (++tries < 40) { setTimeout(flush, 100); } else { pending = 0; tries = 0; }
      return;
    }
    tries = 0;
    if (b.disabled) { pending = 0; return; }
    pending += pending > 0 ? -1 : 1;
    last = Date.now();
    b.click();
    setTimeout(flush, 350);
  }
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var d = (e.key === "ArrowRight" || e.key === "PageDown") ? 1 : (e.key === "ArrowLeft" || e.key === "PageUp") ? -1 : 0;
    if (!d || !document.querySelector(".st-key-%(next)s")) { return; }
    e.preventDefault();
    pending += d;
    flush();
  }, true);
})();
</script>""" % {"next": NEXT, "prev": PREV}


def start() -> None:
    st.query_params["presentation"] = "1"
    st.query_params[ITEM_PARAM] = "1"
    st.query_params[SLIDE_PARAM] = "1"
    st.rerun()


def _step(delta: int, total: int, slides_here: int) -> None:
    """One slide on or back, across items. Relative to the address, not to the page the button
    was drawn on: a second key press that arrives before the redraw still moves one further."""
    n = current_item(total)
    k = current_slide(slides_here)
    if delta > 0:
        n, k = (n, k + 1) if k < slides_here else (min(total, n + 1), 1 if n < total else k)
    else:
        n, k = (n, k - 1) if k > 1 else ((n - 1, LAST) if n > 1 else (n, 1))
    st.query_params[ITEM_PARAM] = str(n)
    st.query_params[SLIDE_PARAM] = str(k)


def _exit() -> None:
    for p in ("presentation", ITEM_PARAM, SLIDE_PARAM):
        if p in st.query_params:
            del st.query_params[p]


def current_item(total: int) -> int:
    try:
        n = int(st.query_params.get(ITEM_PARAM, "1"))
    except ValueError:
        n = 1
    return max(1, min(total, n)) if total else 0


def current_slide(count: int) -> int:
    raw = st.query_params.get(SLIDE_PARAM, "1")
    if raw == LAST:
        return count
    try:
        return max(1, min(count, int(raw)))
    except ValueError:
        return 1


def item_slides(pic, item, ctx) -> list[slides_mod.Slide]:
    """The item's slides, with the decisions and actions recorded under it on a slide of their own."""
    vc = agenda.build(pic, item.page_slug, item.params, lang(), ctx)
    out = slides_mod.slides(vc, notes=tuple(vc.source_lines(lang())))
    from lagesbild import verdict
    from lagesbild.ui.verdict_ui import today

    verdict_line = verdict.headline(pic, item.page_slug, item.params, today(pic), lang())
    if verdict_line:  # a focus area's or an area's slide opens with its first verdict line
        out[0] = replace(out[0], headline=verdict_line, notes=(vc.summary, *out[0].notes))
    decided = ctx.actions[ctx.actions["agenda_item_id"] == item.id] if not ctx.actions.empty else ctx.actions
    if not decided.empty:
        table = TableBlock("", agenda.meeting.actions_table(decided, lang(), with_item=False))
        title = t("presentation.item_slides.decisions_actions_under_item", lang())
        out += [slides_mod.Slide(title, table=part, continued=k > 0) for k, part in enumerate(slides_mod.table_parts(table))]
    return out


def render() -> None:
    st.html(CSS)
    st.html(KEYS_JS, unsafe_allow_javascript=True)
    mid = meeting_state.open_meeting()
    with store().session() as s:
        m = meetings.get_meeting(s, mid)
        ctx = meetings.context(s, mid, snapshot=meeting_state.snapshot_of)
    pic = picture()
    total = len(m.items)
    n = current_item(total)
    with st.container(key="mote_pres"):
        if not total:
            head(m, pic, n, total, 0, 0)
            st.info(t("presentation.render.agenda_empty", lang()))
            return
        item = m.items[n - 1]
        deck = item_slides(pic, item, ctx)
        k = current_slide(len(deck))
        if st.query_params.get(SLIDE_PARAM) != str(k):
            st.query_params[SLIDE_PARAM] = str(k)  # "sista" and out-of-range numbers become the real one
        head(m, pic, n, total, k, len(deck))
        slide = deck[k - 1]
        forts = f" ({t('presentation.render.cont', lang())})" if slide.continued else ""
        st.title(f"{n}. {md_escape(item.title)}{forts}")
        show(slide, key=f"pres_{item.id}_{k}")
        presenter.publish(mid, n, k, item.title, slide)


def show(slide: slides_mod.Slide, *, key: str) -> None:
    """One slide: headline, then the chart (a short table beside it) or the table, sources last."""
    st.markdown(md_escape(slide.headline))
    with st.container(key="mote_slide_body"):
        if slide.figure is not None and slide.table is not None:
            left, right = st.columns([3, 2])
            with left:
                _chart(slide.figure, key)
            with right:
                view_ui.table(slide.table, key=f"{key}_t", show_source=False, static=True)
        elif slide.figure is not None:
            _chart(slide.figure, key)
        elif slide.table is not None:
            view_ui.table(slide.table, key=f"{key}_t", show_source=False, static=True)
    for p in slide.provenances:
        provenance.caption(list(p.source_ids), p.data_tom, note=p.note)
    if slide.has_suppressed:
        st.caption(privacy.explanation(lang()))


def _chart(block, key: str) -> None:
    import plotly.graph_objects as go

    fig = go.Figure(block.fig)  # a copy: the view's figure is not changed
    # Fixed height: it fits under the head, title and a two-line headline at 1366×768; text at
    # 16–18 px is readable from the back of the room (the root font grows with the screen).
    fig.update_layout(height=CHART_HEIGHT, font_size=18, legend_font_size=18)
    fig.update_xaxes(tickfont_size=18, title_font_size=18)
    fig.update_yaxes(tickfont_size=18, title_font_size=18)
    for trace in fig.data:  # value labels and the map's place names
        if "textfont" in trace:
            trace.textfont.size = 18
    for note in fig.layout.annotations or ():
        note.font.size = 18
    st.plotly_chart(fig, key=key, config={**PLOTLY_CONFIG, "displayModeBar": False})


def head(m: meetings.MeetingView, pic, n: int, total: int, k: int, count: int) -> None:
    """One line: where we are, what picture it is, and the buttons (also the keyboard's targets)."""
    if m.frozen:
        state = t("presentation.head.situation_as_frozen_meeting", lang(), date=fmt.iso(pic.as_of))
    else:  # live data: the newest data date, as in the header
        from lagesbild.store.meta import newest_in

        newest = newest_in(pic)
        when = fmt.iso(newest) if newest else "–"
        state = t("presentation.head.situation_as_not_frozen", lang(), when=when)
    with st.container(key="mote_pres_head"):
        c = st.columns([3.6, 1.4, 1.3, 1.5, 1.4, 1.2], vertical_alignment="center")
        c[0].markdown(f"**{md_escape(m.title)}** · {fmt.iso(m.meeting_date)} · {state}")
        where = f"**{t('presentation.head.item', lang())} {n} {t('presentation.head.of', lang())} {total}**"
        if count > 1:
            where += f" · {t('presentation.head.slide', lang())} {k}/{count}"
        c[1].markdown(where)
        c[3].button(t("presentation.head.previous", lang()), icon=":material/arrow_back:", key=PREV, disabled=n <= 1 and k <= 1,
                    on_click=_step, args=(-1, total, count), help=t("presentation.head.key_page_up", lang()), width="stretch")
        c[4].button(t("presentation.head.next", lang()), icon=":material/arrow_forward:", key=NEXT, disabled=n >= total and k >= count, type="primary",
                    on_click=_step, args=(1, total, count), help=t("presentation.head.key_page_down", lang()), width="stretch")
        presenter.open_button(c[2])
        c[5].button(t("presentation.head.exit", lang()), icon=":material/close:", key=EXIT, on_click=_exit, width="stretch")
