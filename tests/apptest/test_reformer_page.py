"""AppTests of the Reformer page: the list, filters restored from the URL, one page per reform,
the update form with optimistic concurrency, and the bulk upload."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from lagesbild.domain import SYSTEM_ACTOR, ReformStatus
from lagesbild.store import reforms
from lagesbild.store.db import Store
from lagesbild.ui.reform_form import field_key, gen_key
from tests.apptest.helpers import open_page, texts
from tests.unit.test_seed_reforms import agreement_bullets

OTHER = reforms.UpdateInput(ReformStatus.FORSENAD, date(2026, 5, 2), "Kollegans bedömning: remissen är försenad.",
                            "https://www.huddinge.se/protokoll/kollega", "Kollega Karlsson")


def record(url: str, rid: str, version: int, data: reforms.UpdateInput = OTHER) -> None:
    """Another user saving through the store (another session, same database)."""
    store = Store.open(url)
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, rid, version, data)
    store.engine.dispose()


def history(url: str, rid: str):
    store = Store.open(url)
    with store.session() as s:
        hist = reforms.history(s, rid)
    store.engine.dispose()
    return hist


def list_links(at):
    return [p for p in at.get("page_link") if p.proto.query_string.startswith("reform=")]


def list_titles(at) -> list[str]:
    return [p.value for p in list_links(at)]


def list_ids(at) -> list[str]:
    return [p.proto.query_string.removeprefix("reform=") for p in list_links(at)]


def shown_line(at) -> str:
    return next(m.value for m in at.markdown if "reformer visas" in m.value or "reforms shown" in m.value)


def open_en(query: dict | None = None):
    """The page in English, asked for in the URL as a shared link would."""
    from streamlit.testing.v1 import AppTest

    from lagesbild.registry.pages import page
    from tests.apptest.helpers import APP, TIMEOUT

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    return at.switch_page(page("reformer").path).run()


def no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


# --- the list ----------------------------------------------------------------------------


def test_fresh_db_lists_17_reforms_not_assessed_with_the_agreements_wording(fresh_app_db):
    at = open_page("reformer")
    no_exception(at)
    assert list_titles(at) == agreement_bullets()  # letter for letter, in the agreement's order
    statuses = [m.value for m in at.markdown if m.value.startswith(":material/")]
    assert statuses == [":material/help: Ej bedömd"] * 17
    assert shown_line(at) == "**17 av 17 reformer visas**"
    assert len(at.get("plotly_chart")) == 1  # status distribution; no progress chart without assessments
    assert "Ingen bedömning är registrerad ännu" in texts(at)
    assert "Källa: registrerade bedömningar · Typ: Partnerrapport · Data t.o.m. Uppgift saknas" in texts(at)
    assert any(e.label == "Metod och statuskriterier" for e in at.expander)
    assert any(e.label == "Massuppdatering (CSV/Excel)" for e in at.expander)


def test_charts_and_table_alternatives_carry_the_same_numbers(fresh_app_db):
    record(fresh_app_db, "R09", 0)
    at = open_page("reformer")
    no_exception(at)
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    import json

    bar = json.loads(charts[0].proto.spec)["data"][0]
    assert dict(zip(bar["y"], bar["x"]))["◷ Försenad"] == 1
    table = next(df.value for df in at.dataframe if "Antal reformer" in df.value.columns)
    assert dict(zip(table["Status"], table["Antal reformer"]))["◷ Försenad"] == 1
    assert "Av de 17 reformer som visas: 16 Ej bedömd och 1 Försenad." in texts(at)
    assert "Data t.o.m. 2026-05-02" in texts(at)


@pytest.mark.parametrize("query,expected", [
    ({"status": "Försenad"}, ["R09"]),
    ({"status": ["forsenad", "Ej bedömd"], "tema": "Bostad"}, ["R04", "R05", "R06"]),
    ({"tema": "Fritid och idrott"}, ["R13", "R14"]),
    ({"ansvarig": "Huge Bostäder AB"}, ["R04", "R05", "R06"]),
    ({"fokus": "vinr"}, ["R07", "R08"]),
    ({"sok": "huge"}, ["R04", "R05", "R06"]),
    ({"sok": "remissen"}, ["R09"]),  # the motivation is searched too
    ({"status": "genomford"}, []),
])
def test_filters_are_restored_from_the_url(fresh_app_db, query, expected):
    record(fresh_app_db, "R09", 0)
    at = open_page("reformer", query)
    no_exception(at)
    assert list_ids(at) == expected
    assert shown_line(at) == f"**{len(expected)} av 17 reformer visas**"
    if not expected:
        assert "Ingen reform motsvarar filtren." in texts(at)


def test_changing_a_filter_updates_the_list(fresh_app_db):
    at = open_page("reformer")
    at.multiselect(key="status").set_value(["ej_bedomd"]).run()
    assert shown_line(at) == "**17 av 17 reformer visas**"
    at.selectbox(key="tema").set_value("Skola").run()
    assert shown_line(at) == "**3 av 17 reformer visas**"
    at.text_input(key="sok").input("frukost").run()
    assert shown_line(at) == "**1 av 17 reformer visas**"
    assert list_titles(at) == ["Inför gratis frukost i alla kommunens skolor."]


def test_english_list_and_filters(fresh_app_db):
    at = open_en({"status": "ej_bedomd"})
    no_exception(at)
    assert shown_line(at) == "**17 of 17 reforms shown**"
    assert list_titles(at)[0] == "Strengthen equity in compulsory school by gradually increasing socio-economic resource allocation."


# --- one reform --------------------------------------------------------------------------


def test_reform_page_from_the_url(fresh_app_db):
    at = open_page("reformer", {"reform": "R08"})
    no_exception(at)
    assert at.header[0].value == ("8. Stärk det förvaltningsövergripande och samordnande arbetet mot mäns våld mot "
                                  "kvinnor och hedersrelaterat våld och förtryck.")
    page = texts(at)
    assert "Våld i nära relationer" in page and "Mäns våld mot kvinnor och hedersrelaterat våld" in page
    assert "Avtalet anger inga områden för denna reform." in page
    assert "Ingen bedömning är registrerad. Status: Ej bedömd." in page
    assert at.selectbox(key="reform_pick").value == "R08"


def test_choosing_a_reform_in_the_selectbox_opens_its_page(fresh_app_db):
    at = open_page("reformer")
    at.selectbox(key="reform_pick").set_value("R14").run()
    no_exception(at)
    assert at.query_params["reform"] == "R14"
    assert at.header[0].value == "14. Inrätta ett sportotek eller fritidsbank."


def test_a_title_in_the_list_links_to_the_reform_page(fresh_app_db):
    at = open_page("reformer")
    link = next(p for p in list_links(at) if p.value.startswith("Stötta idrottsföreningar"))
    assert link.proto.page.endswith("reformer") and link.proto.query_string == "reform=R13"
    at = open_page("reformer", {"reform": "R13"})  # where the link leads (AppTest cannot click links)
    no_exception(at)
    assert at.header[0].value.startswith("13. Stötta idrottsföreningar")
    assert "en meningsfull och avgiftsfri fritid är en skyddsfaktor" in texts(at)  # the focus link's reasoning


def test_unknown_reform_in_url_falls_back_to_the_list(fresh_app_db):
    at = open_page("reformer", {"reform": "R99"})
    no_exception(at)
    assert "Okänd reform i adressen" in texts(at)
    assert len(list_titles(at)) == 17


def test_english_reform_page_keeps_the_swedish_wording(fresh_app_db):
    at = open_en({"reform": "R09"})
    no_exception(at)
    assert at.header[0].value.startswith("9. Introduce free menstrual products")
    assert "Inför gratis mensskydd i kommunens skolor, idrottshallar och på fritidsgårdar." in texts(at)


# --- the update form ---------------------------------------------------------------------


def key(at, rid: str, name: str) -> str:
    """A field's key in the form as drawn now (each save gives the form new keys)."""
    gen = gen_key(rid)
    return field_key(rid, name, at.session_state[gen] if gen in at.session_state else 0)


def fill(at, rid: str, *, status="pagaende", day=date(2026, 3, 1), progress=40,
         motivation="Handlingsplanen är på remiss i nämnden.", source="https://www.huddinge.se/beslut/1", author="Anna"):
    at.selectbox(key=key(at, rid, "status")).set_value(status)
    at.date_input(key=key(at, rid, "date")).set_value(day)
    at.number_input(key=key(at, rid, "progress")).set_value(progress)
    at.text_area(key=key(at, rid, "motivation")).input(motivation)
    at.text_input(key=key(at, rid, "source")).input(source)
    at.text_input(key=key(at, rid, "author")).input(author)


def submit(at, rid: str):
    return at.button(key=f"reform_form_{rid}_submit").click().run()


def test_form_saves_and_history_keeps_the_previous_assessment(fresh_app_db):
    record(fresh_app_db, "R07", 0)  # an earlier assessment
    at = open_page("reformer", {"reform": "R07"})
    no_exception(at)
    fill(at, "R07", status="delvis_genomford", progress=50,
         motivation="Grundskolan: klart. Gymnasiet: pågår. 1 av 2 delar.")
    submit(at, "R07")
    no_exception(at)
    assert "Bedömningen är sparad" in texts(at)
    hist = history(fresh_app_db, "R07")
    assert hist["status"].tolist() == ["forsenad", "delvis_genomford"]
    assert hist["motivation"].tolist()[0] == OTHER.motivation
    assert hist["progress"].tolist()[1] == 50
    # The page shows both, newest first, and the list status changed.
    page = texts(at)
    assert page.index("Grundskolan") < page.index("Kollegans bedömning")
    assert ":material/incomplete_circle: Delvis genomförd" in page
    assert at.text_area(key=key(at, "R07", "motivation")).value == ""  # the form is ready for the next one
    # Saving again from the same page works (the page now knows the new version).
    fill(at, "R07", status="genomford", progress=100, motivation="Båda delarna är klara enligt protokoll.")
    submit(at, "R07")
    assert history(fresh_app_db, "R07")["status"].tolist() == ["forsenad", "delvis_genomford", "genomford"]


def test_conflicting_concurrent_save_is_refused_in_swedish_and_both_survive(fresh_app_db):
    at = open_page("reformer", {"reform": "R12"})
    no_exception(at)
    typed = "Min bedömning: två nya mötesplatser har öppnat."
    fill(at, "R12", motivation=typed)
    record(fresh_app_db, "R12", 0)  # someone else saves after this page was opened
    submit(at, "R12")
    no_exception(at)
    errors = [e.value for e in at.error]
    assert any("har ändrats av någon annan sedan du öppnade den" in e for e in errors), errors
    assert at.text_area(key=key(at, "R12", "motivation")).value == typed  # nothing typed is lost
    assert "Kollegans bedömning" in texts(at)  # the other person's assessment is shown
    assert history(fresh_app_db, "R12")["motivation"].tolist() == [OTHER.motivation]
    submit(at, "R12")  # having seen it, saving again works
    no_exception(at)
    assert history(fresh_app_db, "R12")["motivation"].tolist() == [OTHER.motivation, typed]
    assert not any("någon annan" in e.value for e in at.error)


def test_form_validation_names_each_problem(fresh_app_db):
    at = open_page("reformer", {"reform": "R02"})
    fill(at, "R02", motivation="kort", source="www.huddinge.se", author="")
    submit(at, "R02")
    no_exception(at)
    error = " ".join(e.value for e in at.error)
    assert "Bedömningen sparades inte" in error
    assert "Motivering: motiveringen saknas eller är för kort" in error
    assert "Källänk (http:// eller https://): källänken måste vara en webbadress" in error
    assert "Bedömd av: ange vem som gjort bedömningen." in error
    assert history(fresh_app_db, "R02").empty


def test_form_requires_a_status(fresh_app_db):
    at = open_page("reformer", {"reform": "R02"})
    fill(at, "R02", status=None)
    submit(at, "R02")
    assert "välj en status" in " ".join(e.value for e in at.error)
    assert history(fresh_app_db, "R02").empty


def test_read_only_actor_sees_no_form(fresh_app_db, monkeypatch):
    from lagesbild.config import settings

    monkeypatch.setenv("LAGESBILD_EDITING", "0")
    settings.cache_clear()
    at = open_page("reformer", {"reform": "R02"})
    no_exception(at)
    assert "Du har läsbehörighet och kan inte uppdatera reformer." in texts(at)
    assert not [b for b in at.button if b.key == "reform_form_R02_submit"]
    at = open_page("reformer")
    assert not at.get("file_uploader")


# --- bulk upload on the Administration page ------------------------------------------------


def _export_csv(url: str) -> list[list[str]]:
    from lagesbild.export import reform_sheet
    from lagesbild.picture import load_live

    store = Store.open(url)
    with store.session() as s:
        data = reform_sheet.to_csv(reform_sheet.sheet_frame(load_live(s)))
    store.engine.dispose()
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _csv(rows) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def test_the_reformer_page_has_no_uploader_but_a_link_to_administration(fresh_app_db):
    at = open_page("reformer")
    no_exception(at)
    assert not at.get("file_uploader")
    assert any(p.label == "Ladda upp den ändrade filen på sidan Administration" for p in at.get("page_link"))


def test_bulk_upload_preview_and_apply(fresh_app_db):
    at = open_page("administration")
    rows = _export_csv(fresh_app_db)
    rows[5][3:9] = ["Pågående", "20", "2026-02-01", "Direktivet är under beredning.", "https://www.huddinge.se/x", "Anna"]
    at.file_uploader(key="reform_bulk_upload_0").upload("reformer.csv", _csv(rows), "text/csv").run()
    no_exception(at)
    preview = next(df.value for df in at.dataframe if "Status efter" in df.value.columns)
    assert preview["Reform"].tolist() == ["5. Stoppa vinstuttagen från Huge."]
    at.button(key="reform_bulk_apply").click().run()
    no_exception(at)
    assert "1 reform fick en ny bedömning" in texts(at)
    assert history(fresh_app_db, "R05")["status"].tolist() == ["pagaende"]
    assert not at.file_uploader(key="reform_bulk_upload_1").value  # a fresh uploader after the import


def test_bulk_upload_with_errors_names_rows_and_columns_and_changes_nothing(fresh_app_db):
    at = open_page("administration")
    rows = _export_csv(fresh_app_db)
    rows[5][3:9] = ["Klar", "200", "igår", "", "", ""]
    at.file_uploader(key="reform_bulk_upload_0").upload("reformer.csv", _csv(rows), "text/csv").run()
    no_exception(at)
    error = " ".join(e.value for e in at.error)
    assert "rad 6, kolumn ”status”" in error and "rad 6, kolumn ”framsteg”" in error and "rad 6, kolumn ”datum”" in error
    assert not [b for b in at.button if b.key == "reform_bulk_apply"]
    assert history(fresh_app_db, "R05").empty
