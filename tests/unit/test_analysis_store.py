"""The lägesbild's analysis text in the store: append-only (a save adds a row, the latest per
year and section is the text, the rest its history), the åtgärdsplan's permission, validation
in Swedish naming the field with nothing written, a stale form refused, every save audited."""
import pytest
from sqlalchemy import func, select

from lagesbild.domain import SYSTEM_ACTOR, Actor, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.store import analysis as an
from lagesbild.store.models import AnalysisText, AuditEntry

EDITOR = Actor(name="Samordnare", role=Role.EDITOR, partner_id="huddinge_kommun")
VIEWER = Actor(name="Läsare", role=Role.VIEWER)
TEXT = "Det anmälda våldet har ökat i Flemingsberg under året, främst i offentlig miljö."


def test_saves_append_and_the_latest_is_the_text(store):
    with store.transaction() as s:
        first = an.save(s, EDITOR, 2025, "fokus:gang", TEXT)
    with store.transaction() as s:
        second = an.save(s, SYSTEM_ACTOR, 2025, "fokus:gang", TEXT + " Nytt stycke.", replaces=first)
    with store.session() as s:
        latest = an.latest(s, 2025)
        hist = an.history(s, 2025, "fokus:gang")
        audits = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "analysis_text")).all()
        assert an.latest(s, 2024) == {}
    assert latest["fokus:gang"]["id"] == second and latest["fokus:gang"]["text"].endswith("Nytt stycke.")
    assert latest["fokus:gang"]["author"] == SYSTEM_ACTOR.name
    assert hist["id"].tolist() == [second, first] and hist["author"].tolist() == [SYSTEM_ACTOR.name, "Samordnare"]
    assert audits == ["analysis.save", "analysis.save"]


def test_a_reader_and_a_reporter_may_not_write_a_coordinator_may(store):
    with pytest.raises(PermissionDenied, match="läsbehörighet"):
        with store.transaction() as s:
            an.save(s, VIEWER, 2025, "fokus:gang", TEXT)
    with pytest.raises(PermissionDenied, match="rapportörsbehörighet"):
        with store.transaction() as s:
            an.save(s, Actor(name="Rapportör", role=Role.REPORTER, partner_id="huge"), 2025, "fokus:gang", TEXT)
    with store.transaction() as s:  # the coordinator writes the analysis (issue 13, item 4)
        an.save(s, Actor(name="Samordnare", role=Role.COORDINATOR), 2025, "fokus:gang", TEXT)


def test_bad_input_names_every_field_and_writes_nothing(store):
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            an.save(s, EDITOR, 1899, "Fokus gäng!", "kort")
    columns = {i.column for i in err.value.issues}
    assert columns == {"år", "avsnitt", "analys"} and "sparades inte" in err.value.summary
    with pytest.raises(ValidationError, match="längre än"):
        with store.transaction() as s:
            an.save(s, EDITOR, 2025, "analys", "x" * (an.MAX_TEXT + 1))
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AnalysisText)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "analysis_text")) == 0


def test_a_form_opened_before_another_save_is_refused(store):
    with store.transaction() as s:
        an.save(s, EDITOR, 2025, "annan", TEXT)
    with pytest.raises(ConflictError, match="Någon annan"):
        with store.transaction() as s:
            an.save(s, EDITOR, 2025, "annan", TEXT, replaces=None)  # opened when there was no text
    with store.session() as s:
        assert len(an.history(s, 2025, "annan")) == 1
