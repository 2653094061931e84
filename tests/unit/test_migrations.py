"""The Alembic migrations create exactly the schema the models describe."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from lagesbild.store.db import make_engine, migrate
from lagesbild.store.models import Base


def test_migrations_match_models(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], diff


def test_0004_turns_meeting_atgarder_into_plan_entries(tmp_path):
    """A database at 0002 with meeting åtgärder, upgraded: one plan entry per carried chain,
    the meeting rows kept and linked, decisions untouched, done carried into the history."""
    from alembic import command
    from sqlalchemy import text

    from lagesbild.store.db import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    long_text = "Kommunen kartlägger belysningen längs gång- och cykelvägar. " * 8
    with engine.begin() as conn:
        for mid, title, day in ((1, "Oktobermötet", "2026-10-15"), (2, "Novembermötet", "2026-11-30")):
            conn.execute(text("INSERT INTO meeting (id, title, meeting_date, organisations, status, version, created_by) "
                              "VALUES (:id, :t, :d, '[]', 'utkast', 1, 'Anna')"), {"id": mid, "t": title, "d": day})
        rows = [  # id, meeting, kind, text, owner, due, done, carried_from
            (1, 1, "atgard", "Polisen tar fram en lägesbild.", "Polisen", "2026-11-01", 0, None),
            (2, 1, "beslut", "Lägesbilden fastställs.", "", None, 0, None),
            (3, 1, "atgard", long_text, "Kommunen", None, 0, None),
            (4, 2, "atgard", "Polisen tar fram en lägesbild.", "Polisen", "2026-12-01", 1, 1),  # carried, then done
        ]
        for r in rows:
            conn.execute(text("INSERT INTO meeting_action (id, meeting_id, kind, text, owner, due_date, done, carried_from, "
                              "created_at, created_by) VALUES (:i, :m, :k, :t, :o, :d, :done, :c, '2026-10-15 10:00:00', 'Anna')"),
                         dict(zip(("i", "m", "k", "t", "o", "d", "done", "c"), r)))
    migrate(engine)  # to head
    with engine.connect() as conn:
        links = dict(conn.execute(text("SELECT id, plan_action_id FROM meeting_action")).all())
        done = dict(conn.execute(text("SELECT id, done FROM meeting_action")).all())
        plan = {r.id: r for r in conn.execute(text("SELECT * FROM plan_action"))}
        hist = conn.execute(text("SELECT action_id, seq, status FROM plan_action_update ORDER BY action_id, seq")).all()
    assert len(plan) == 2 and links[2] is None  # two åtgärder (one carried chain); a decision is no åtgärd
    assert links[1] == links[4] and links[3] not in (None, links[1])
    chain, belysning = plan[links[1]], plan[links[3]]
    assert (chain.title, chain.owner, chain.meeting_id, str(chain.end_date)) == (
        "Polisen tar fram en lägesbild.", "Polisen", 1, "2026-12-01")
    assert len(belysning.title) <= 300 and belysning.description == long_text.strip()
    assert [(s, st) for a, s, st in hist if a == links[1]] == [(1, "planerad"), (2, "genomford")] and chain.version == 2
    assert [(s, st) for a, s, st in hist if a == links[3]] == [(1, "planerad")]
    assert done[1] and done[4] and not done[3]  # the meeting rows mirror the plan's status
