"""The paths a person takes through the forms: open from a list, save with a mistake, see the
message with the input kept, correct it, save, and see the result — for reforms, activities
and meetings. Plus the race: another rerun arriving while a reform save is still being written.

Before the fix, a reform opened from the list kept the address /reformer; the form's submit
then reran the page without ?reform= and the user landed on the list with nothing saved and no
message (test_reform_opened_from_the_list_*). The activity and meeting forms emptied every
field on a refused submit."""
from __future__ import annotations

import re
import sqlite3

import pytest
from sqlalchemy import select

from lagesbild.store.db import Store
from lagesbild.store.models import Activity, Meeting, ReformUpdate
from tests.browser.conftest import choose_option, own_server_fixtures, wait_ready

pytestmark = pytest.mark.browser


# Its own server and database: what it saves (reform assessments, an activity, a meeting) must
# not change the seeded state the shared app's tests expect ("17 av 17 Ej bedömd").
own_app, app_url, app_db_url = own_server_fixtures("forms-app")

ready = wait_ready


def alerts(page) -> str:
    return "\n".join(page.locator('[data-testid="stAlert"]').all_inner_texts())


def updates_of(db_url: str, rid: str) -> list[ReformUpdate]:
    store = Store.open(db_url)
    try:
        with store.session() as s:
            return list(s.scalars(select(ReformUpdate).where(ReformUpdate.reform_id == rid)))
    finally:
        store.engine.dispose()


def fill_reform_form(page, *, motivation: str, source: str = "", author: str = "") -> None:
    page.get_by_text("Fält markerade med * måste fyllas i.").wait_for()
    choose_option(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="Status").first,
                  re.compile("Pågående"))
    page.get_by_role("textbox", name=re.compile("^Motivering")).fill(motivation)
    if source:
        page.get_by_role("textbox", name=re.compile("^Källänk")).fill(source)
    if author:
        page.get_by_role("textbox", name=re.compile("^Bedömd av")).fill(author)


def open_from_list(page, app_url: str, number: int) -> None:
    page.goto(app_url + "/reformer")
    ready(page)
    reform_link(page, number).click()
    ready(page)


def reform_link(page, number: int):
    """The list's link to reform `number`, by its address: the links are drawn one by one after
    the run ends, so counting them (nth) could pick a later reform."""
    return page.locator(f'.st-key-reform_list a[href$="reform=R{number:02d}"]')


def test_reform_opened_from_the_list_shows_the_error_keeps_the_input_and_saves(offline_page, app_url, app_db_url, artifacts):
    page = offline_page
    open_from_list(page, app_url, 6)
    assert page.url.endswith("/reformer?reform=R06"), page.url  # the address names the open reform
    page.get_by_text("Registrera en ny bedömning").click()
    page.get_by_text("Fält markerade med * måste fyllas i.").wait_for()
    fill_reform_form(page, motivation="Beslut fattat i nämnden, genomförs under våren.")
    page.get_by_role("button", name=re.compile("Spara bedömningen")).click()
    page.get_by_text("Bedömningen sparades inte").wait_for()
    assert "/reformer?reform=R06" in page.url
    assert "Källänk" in alerts(page)
    assert page.get_by_role("textbox", name=re.compile("^Motivering")).input_value() == "Beslut fattat i nämnden, genomförs under våren."
    page.screenshot(path=str(artifacts / "form-reform-invalid.png"))
    assert updates_of(app_db_url, "R06") == []

    page.get_by_role("textbox", name=re.compile("^Källänk")).fill("https://www.huddinge.se/")
    page.get_by_role("textbox", name=re.compile("^Bedömd av")).fill("Testperson")
    page.get_by_role("button", name=re.compile("Spara bedömningen")).click()
    page.get_by_text("Bedömningen är sparad").wait_for()
    page.get_by_role("heading", name="Historik").wait_for()
    assert page.get_by_text("Beslut fattat i nämnden, genomförs under våren.").count() >= 1  # in the history
    assert [u.motivation for u in updates_of(app_db_url, "R06")] == ["Beslut fattat i nämnden, genomförs under våren."]
    ready(page)
    assert page.locator('textarea[aria-label^="Motivering"]').input_value() == ""  # ready for the next one
    page.screenshot(path=str(artifacts / "form-reform-saved.png"))


def test_reform_draft_survives_going_back_to_the_list(offline_page, app_url):
    page = offline_page
    open_from_list(page, app_url, 8)
    page.get_by_text("Registrera en ny bedömning").click()
    fill_reform_form(page, motivation="Ett utkast som inte får försvinna.", author="Testperson")
    page.get_by_role("button", name=re.compile("Spara bedömningen")).click()  # refused: no source link
    page.get_by_text("Bedömningen sparades inte").wait_for()
    page.get_by_role("link", name=re.compile("Alla reformer|Tillbaka")).first.click()
    ready(page)
    page.get_by_text("reformer visas").first.wait_for()
    reform_link(page, 8).click()
    ready(page)
    assert page.get_by_role("textbox", name=re.compile("^Motivering")).input_value() == "Ett utkast som inte får försvinna."
    assert page.get_by_role("textbox", name=re.compile("^Bedömd av")).input_value() == "Testperson"


def test_reform_save_survives_a_rerun_racing_it(offline_page, app_url, app_db_url):
    """Forces the race instead of waiting longer: the database is held locked so the save blocks,
    and while it waits the user switches the language (a second rerun request). The save must
    land once, the confirmation must show, and the page must stay on the reform."""
    page = offline_page
    page.goto(app_url + "/reformer?reform=R10")
    ready(page)
    page.get_by_text("Registrera en ny bedömning").click()
    fill_reform_form(page, motivation="Sparad medan en annan omkörning kom.", source="https://www.huddinge.se/", author="Testperson")
    path = app_db_url.removeprefix("sqlite:///")
    lock = sqlite3.connect(path, timeout=30, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        page.get_by_role("button", name=re.compile("Spara bedömningen")).click()
        page.wait_for_timeout(800)  # the save is now waiting for the lock
        page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
        page.get_by_role("option", name="English").click()  # a second rerun request, while the save waits
        page.wait_for_timeout(1500)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    ready(page)
    page.get_by_text("The assessment is saved").wait_for(timeout=60_000)
    assert "reform=R10" in page.url
    assert [u.motivation for u in updates_of(app_db_url, "R10")] == ["Sparad medan en annan omkörning kom."]


def test_activity_refused_then_saved_keeps_the_input(offline_page, app_url, app_db_url):
    page = offline_page
    page.goto(app_url + "/fokusomraden?fokus=andts")
    ready(page)
    page.get_by_text("Lägg till eller ändra en aktivitet").click()
    page.get_by_role("textbox", name="Beskrivning", exact=True).fill("Kvällsvandringar i centrum, varannan fredag.")
    page.get_by_role("button", name="Spara").first.click()  # no title: refused
    page.get_by_text("titeln saknas").wait_for()
    assert page.get_by_role("textbox", name="Beskrivning", exact=True).input_value() == "Kvällsvandringar i centrum, varannan fredag."
    page.get_by_role("textbox", name="Titel", exact=True).fill("Kvällsvandringar formulärtest")
    page.get_by_role("button", name="Spara").first.click()
    page.get_by_text("Aktiviteten är sparad").wait_for()
    store = Store.open(app_db_url)
    with store.session() as s:
        row = s.scalars(select(Activity).where(Activity.title == "Kvällsvandringar formulärtest")).first()
    store.engine.dispose()
    assert row is not None and row.description == "Kvällsvandringar i centrum, varannan fredag."


def test_meeting_refused_then_created_keeps_the_input(offline_page, app_url, app_db_url):
    page = offline_page
    page.goto(app_url + "/mote")
    ready(page)
    form = page.locator('[data-testid="stForm"]').first
    form.locator('[data-testid="stMultiSelect"]').click()
    page.get_by_role("option", name="Kriminalvården").click()
    page.keyboard.press("Escape")
    form.get_by_role("button", name=re.compile("Skapa mötet")).click()  # no title: refused
    page.get_by_text("Mötet skapades inte").wait_for()
    ready(page)
    assert "Kriminalvården" in form.locator('[data-testid="stMultiSelect"]').inner_text(), "the chosen organisation was emptied"
    form.get_by_role("textbox", name="Titel").fill("Formulärtest samverkansmöte")
    form.get_by_role("button", name=re.compile("Skapa mötet")).click()
    page.get_by_text("Mötet är skapat").wait_for()
    store = Store.open(app_db_url)
    with store.session() as s:
        row = s.scalars(select(Meeting).where(Meeting.title == "Formulärtest samverkansmöte")).first()
    store.engine.dispose()
    assert row is not None and row.organisations == ["kriminalvarden"]
