"""The presentation view of a meeting (?mote=<id>&presentation=1&punkt=N).

One agenda item at a time, full width, in large type, with the sidebar, Streamlit's header and
toolbar hidden (CSS: `st.set_page_config` has been called by the router already). Next and
previous by buttons and by keyboard: → / PageDown and ← / PageUp (presentation clickers send
PageDown/PageUp). A few lines of inline JavaScript (st.html runs them in the page itself;
offline) press the same buttons, one run at a time. Streamlit's own `shortcut=` takes one key
per button and, like a click, merges a quick second press into the first.
"""
from __future__ import annotations

import streamlit as st

from lagesbild import fmt, views
from lagesbild.store import meetings
from lagesbild.ui import meeting_state, view_ui
from lagesbild.ui.figure_ui import md_escape, md_frame
from lagesbild.ui.state import lang, picture, store

NEXT, PREV, EXIT = "mote_nasta", "mote_foregaende", "mote_avsluta"
ITEM_PARAM = "punkt"

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
.st-key-mote_pres [data-testid="stCaptionContainer"] p { font-size: 0.85rem; }
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


def _t(sv: str, en: str) -> str:
    return en if lang() == "en" else sv


def start() -> None:
    st.query_params["presentation"] = "1"
    st.query_params[ITEM_PARAM] = "1"
    st.rerun()


def _step(delta: int, total: int) -> None:
    """Relative to the item in the address, not to the one the button was drawn on: a second
    key press that arrives before the page has redrawn still moves one item further."""
    st.query_params[ITEM_PARAM] = str(max(1, min(total, current_item(total) + delta)))


def _exit() -> None:
    for p in ("presentation", ITEM_PARAM):
        if p in st.query_params:
            del st.query_params[p]


def current_item(total: int) -> int:
    try:
        n = int(st.query_params.get(ITEM_PARAM, "1"))
    except ValueError:
        n = 1
    return max(1, min(total, n)) if total else 0


def render() -> None:
    st.html(CSS)
    st.html(KEYS_JS, unsafe_allow_javascript=True)
    mid = meeting_state.open_meeting()
    with store().session() as s:
        m = meetings.get_meeting(s, mid)
        ctx = meetings.context(s, mid)
    pic = picture()
    total = len(m.items)
    n = current_item(total)
    with st.container(key="mote_pres"):
        head(m, pic, n, total)
        if not total:
            st.info(_t("Dagordningen är tom.", "The agenda is empty."))
            return
        item = m.items[n - 1]
        st.title(f"{n}. {md_escape(item.title)}")
        vc = views.build(pic, item.page_slug, item.params, lang(), ctx)
        two = len(vc.figures) == 2
        view_ui.render(vc, key=f"pres_{item.id}", chart_height=400 if two else 470, static_tables=True,
                       font_size=17)
        decided = ctx.actions[ctx.actions["agenda_item_id"] == item.id] if not ctx.actions.empty else ctx.actions
        if not decided.empty:
            st.markdown("**" + _t("Beslut och åtgärder under punkten", "Decisions and actions under the item") + "**")
            st.table(md_frame(views.meeting.actions_table(decided, lang(), with_item=False)), hide_index=True,
                     border="horizontal")


def head(m: meetings.MeetingView, pic, n: int, total: int) -> None:
    """One line: where we are, what picture it is, and the buttons (also the keyboard's targets)."""
    if m.frozen:
        state = _t(f"Lägesbild per {fmt.iso(pic.as_of)} (fryst för mötet)", f"Situation as of {fmt.iso(pic.as_of)} (frozen for the meeting)")
    else:  # live data: the newest data date, as in the header
        from lagesbild.store.meta import newest_in

        newest = newest_in(pic)
        when = fmt.iso(newest) if newest else "–"
        state = _t(f"Lägesbild per {when} – mötet är inte fryst", f"Situation as of {when} – not frozen")
    with st.container(key="mote_pres_head"):
        c = st.columns([4.2, 1.2, 1.5, 1.4, 1.2], vertical_alignment="center")
        c[0].markdown(f"**{md_escape(m.title)}** · {fmt.iso(m.meeting_date)} · {state}")
        c[1].markdown(f"**{_t('Punkt', 'Item')} {n} {_t('av', 'of')} {total}**")
        c[2].button(_t("Föregående", "Previous"), icon=":material/arrow_back:", key=PREV, disabled=n <= 1,
                    on_click=_step, args=(-1, total), help=_t("Tangent: ← eller Page Up", "Key: ← or Page Up"), width="stretch")
        c[3].button(_t("Nästa", "Next"), icon=":material/arrow_forward:", key=NEXT, disabled=n >= total, type="primary",
                    on_click=_step, args=(1, total), help=_t("Tangent: → eller Page Down", "Key: → or Page Down"), width="stretch")
        c[4].button(_t("Avsluta", "Exit"), icon=":material/close:", key=EXIT, on_click=_exit, width="stretch")
