"""Partners' own area data, first class: an administrator registers a new indicator on the
Administration page (a refusal keeps the input), a partner's series for it is imported through
the template, and it appears on the area profile's verdict, the focus area and the map's
measures, with no change to code or to the registry file."""
from __future__ import annotations

from datetime import date

from lagesbild.domain import Actor, Role
from lagesbild.importers import base, partner
from lagesbild.store.db import Store
from tests.apptest.helpers import open_page, texts

NAME = "Skadegörelse i trapphus"
IID = "partner_skadegorelse_i_trapphus"


def _fill(at, *, definition: str) -> None:
    at.text_input(key="indadm_name_sv").set_value(NAME)
    at.text_area(key="indadm_def").set_value(definition)
    at.selectbox(key="indadm_dir").set_value("lower_better")
    at.multiselect(key="indadm_focus").set_value(["trygghet"])
    at.selectbox(key="indadm_partner").set_value("huge")


def _submit(at):
    return next(b for b in at.button if b.label == "Registrera indikatorn").click().run()


def test_register_import_and_see_it_on_the_profile(fresh_app_db):
    at = open_page("administration")
    assert not at.exception, [e.value for e in at.exception]
    _fill(at, definition="kort")
    _submit(at)
    assert not at.exception
    assert any(e.value == "Indikatorn registrerades inte. Inget har ändrats." for e in at.error)
    assert "definitionen saknas" in texts(at)
    assert at.text_input(key="indadm_name_sv").value == NAME  # the input is kept

    at.text_area(key="indadm_def").set_value("Antal felanmälningar om skadegörelse i trapphus per område och kvartal.")
    _submit(at)
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"Indikatorn ”{NAME}” är registrerad" in s.value for s in at.success)
    listed = next(df.value for df in at.dataframe if "Registrerad av" in df.value.columns)
    assert list(listed["Id"]) == [IID]

    # A partner reports the series on RegSO (Flemingsberg's districts and the kommun).
    # The newest quarter that has ended (fresh, so the verdict block shows it) and a year before.
    today = date.today()
    q = (today.month - 1) // 3 or 4
    year = today.year if (today.month - 1) // 3 else today.year - 1
    periods = (f"{year - 1}K{q}", f"{year}K{q}")
    rows = [f"{IID};{code};{period};{v};huge" for period in periods for code, v in
            [("0126R001", 30), ("0126R002", 25), ("0126R003", 28), ("0126", 120)]]
    data = ("indikator;område;period;värde;partner\n" + "\n".join(rows) + "\n").encode()
    store = Store.open(fresh_app_db)
    try:
        with store.session() as s:
            from lagesbild.picture import load_live

            pic = load_live(s)
        parsed = partner.parse(data, "trapphus.csv", known_areas=set(pic.table("districts")["code"]))
        base.apply(store, Actor("Huge", Role.ADMIN), parsed, "trapphus.csv", data)
    finally:
        store.engine.dispose()

    prof = open_page("omraden", {"omrade": "0126R001"})
    assert not prof.exception
    verdict = next(m.value for m in prof.markdown if m.value.startswith("- "))
    assert f"**{NAME}**" in verdict and f"{periods[1]}: 30" in verdict, verdict  # judged over time only
    assert any("Huge (partnerrapport)" in c.value for c in prof.caption)  # the partner is the source
    focus = open_page("fokusomraden", {"fokus": "trygghet"})
    assert not focus.exception
    assert NAME in texts(focus)
    karta = open_page("karta")
    assert not karta.exception
    assert any(NAME in o for sb in karta.selectbox for o in (sb.options or []))
