"""An administrator registers a partner's new indicator in the app: checked with Swedish
messages (nothing written on a refusal), audited, admin only, read by the registry through the
picture (live and frozen), in the partner template; a partner series lives on one partition."""
from __future__ import annotations

import pytest

from lagesbild.domain import Actor, Role
from lagesbild.errors import PermissionDenied, ValidationError
from lagesbild.importers import partner
from lagesbild.picture import from_payload, load_live, to_payload
from lagesbild.registry.indicators import indicators
from lagesbild.store import indicator_defs as defs
from lagesbild.store.models import AuditEntry, IndicatorDefinition

ADMIN = Actor("Admin Person", Role.ADMIN)
EDITOR = Actor("Redaktör", Role.EDITOR, partner_id="polisen_syd")  # another partner's editor
READER = Actor("Läsare", Role.VIEWER)

SPEC = defs.IndicatorSpec(
    name_sv="Skadegörelse i trapphus", definition_sv="Antal felanmälningar om skadegörelse i trapphus per område.",
    unit="antal", level="regso", periodicity="kvartal", direction="lower_better", focus_areas=("trygghet",),
    partner_id="huge",
)


def _rows(store, model):
    with store.session() as s:
        return s.query(model).all()


def test_registered_indicator_reaches_the_registry_through_the_picture(store):
    with store.transaction() as s:
        iid = defs.register_indicator(s, ADMIN, SPEC)
    assert iid == "partner_skadegorelse_i_trapphus"
    with store.session() as s:
        pic = load_live(s)
    ind = indicators()[iid]
    assert (ind.unit, ind.direction, ind.level, ind.focus_areas, ind.source_id) == ("antal", "lower_better", "regso", ("trygghet",), "partner:huge")
    assert iid in partner.partner_indicators()  # the template lists it
    frozen = from_payload(to_payload(pic)[0])
    assert not frozen.table("indicator_definitions").empty  # a frozen meeting keeps the definition
    audits = [a for a in _rows(store, AuditEntry) if a.entity == "indicator_definition"]
    assert [(a.action, a.entity_id, a.actor) for a in audits] == [("create", iid, "Admin Person")]


def test_every_problem_is_named_in_swedish_and_nothing_is_written(store):
    bad = defs.IndicatorSpec(name_sv="x", definition_sv="kort", unit="typ", level="deso", periodicity="vecka",
                             direction="uppåt", focus_areas=("okant",), partner_id="ingen")
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        defs.register_indicator(s, ADMIN, bad)
    text = "\n".join(str(i) for i in err.value.issues)
    for column in ("namn", "definition", "enhet", "nivå", "periodicitet", "riktning", "fokusområden", "partner"):
        assert f"kolumn \u201d{column}\u201d" in text, column
    assert err.value.summary == "Indikatorn registrerades inte. Inget har ändrats."
    assert _rows(store, IndicatorDefinition) == []


def test_a_name_taken_by_the_registry_file_or_the_app_is_refused(store):
    with store.transaction() as s:
        defs.register_indicator(s, ADMIN, SPEC)
    with pytest.raises(ValidationError, match="finns redan"), store.transaction() as s:
        defs.register_indicator(s, ADMIN, SPEC)
    file_name = defs.IndicatorSpec(**{**SPEC.__dict__, "name_sv": "Trygghetsvandringar"})  # partner_trygghetsvandringar
    with pytest.raises(ValidationError, match="finns redan"), store.transaction() as s:
        defs.register_indicator(s, ADMIN, file_name)


def test_readers_and_other_partners_editors_may_not_register(store):
    for who in (READER, EDITOR):
        with pytest.raises(PermissionDenied), store.transaction() as s:
            defs.register_indicator(s, who, SPEC)
    with pytest.raises(PermissionDenied), store.transaction() as s:  # "several partners" is not one's own
        defs.register_indicator(s, EDITOR, defs.IndicatorSpec(**{**SPEC.__dict__, "partner_id": None}))
    assert _rows(store, IndicatorDefinition) == []
    with store.transaction() as s:
        defs.register_indicator(s, Actor("Huge-redaktör", Role.EDITOR, partner_id="huge"), SPEC)


def test_a_partner_series_lives_on_one_partition():
    """RegSO and valdistrikt do not nest: a series on both would let hidden cells be worked out."""
    ind = next(i for i in partner.partner_indicators().values() if i.level == "regso")
    csv = ("indikator;område;period;värde;partner\n"
           f"{ind.id};0126R001;2026K1;7;huge\n"
           f"{ind.id};01260101;2026K1;3;huge\n").encode()
    levels = {"0126R001": "regso", "01260101": "valdistrikt"}
    with pytest.raises(ValidationError) as err:
        partner.parse(csv, "x.csv", known_areas=set(levels), area_levels=levels)
    [issue] = err.value.issues
    assert issue.row == 3 and issue.column == "område" and "valdistrikt" in issue.message and "en indelning" in issue.message
