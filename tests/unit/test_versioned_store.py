"""The versioned store: every write to a table the picture reads keeps the earlier content, a
frozen meeting is an as-of version (no copy), and it shows exactly its data after later
imports, re-imports and edits of every kind; meetings frozen with a copy (before versioning)
stay readable; a write that bypasses versioning, or a history edited behind its back, is
refused."""
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import StatementError

from lagesbild import agenda
from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.domain import ActivityStatus, ReformStatus
from lagesbild.errors import LagesbildError
from lagesbild.importers import base, bra
from lagesbild.picture import TABLES, data_version, load_as_of, load_live, to_payload
from lagesbild.store import indicator_defs as defs
from lagesbild.store import meetings as mt
from lagesbild.store import reforms
from lagesbild.store.activities import ActivityInput, create_activity, update_activity
from lagesbild.store.change import UnversionedWrite
from lagesbild.store.models import District, Partner, ReformFocusLink, Snapshot
from tests.unit.importers.helpers import fixture

ITEMS = [("Läget", "oversikt", {}), ("Trygghet", "fokusomraden", {"fokus": "trygghet"}),
         ("Reformer", "reformer", {}), ("Aktiviteter", "fokusomraden", {"fokus": "gang"})]
TIDY = "bra/bra_tidy_huddinge_2024-2025.csv"


def _freeze(store, items=ITEMS) -> int:
    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput("Möte", date(2026, 11, 30), ("huddinge_kommun",)))
        for n, (title, slug, params) in enumerate(items, start=1):
            mt.add_item(s, A, mid, n, mt.ItemInput(title, slug, params))
    with store.transaction() as s:
        mt.freeze(s, A, mid, mt.get_meeting(s, mid).version)
    return mid


def _snapshot(store, mid, reuse=None):
    with store.session() as s:
        return mt.load_snapshot(s, mid, reuse=reuse)


def _live(store):
    with store.session() as s:
        return load_live(s)


def _same_tables(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a.table(name).reset_index(drop=True), b.table(name).reset_index(drop=True),
                                      check_dtype=False, obj=name)


def _edit_everything(store) -> None:
    """One of each kind of later change: a re-import with a changed value, a new activity and
    an edited one, a reform assessment, a renamed area, a partner's new name, a changed link,
    a registered indicator."""
    data = fixture(TIDY).replace(b"0126;2024;burglary;472;414.0;", b"0126;2024;burglary;999;876.0;")
    result = base.apply(store, A, bra.parse(data, "x.csv"), "x.csv", data)
    assert result.changed == 2
    walk = ActivityInput(title="Trygghetsvandring", partner_id="huddinge_kommun", focus_area_id="trygghet",
                         status=ActivityStatus.PLANERAD, start_date=date(2026, 3, 1))
    with store.transaction() as s:
        act = create_activity(s, A, walk)
        aid, seen = act.id, act.version
        reforms.record_update(s, A, "R01", s.get(reforms.Reform, "R01").version, reforms.UpdateInput(
            ReformStatus.FORSENAD, date(2026, 3, 1), "Försenat på grund av upphandlingen.", "https://www.huddinge.se/b", "Test"))
        s.get(District, "prio-flemingsberg").name = "Flemingsberg (nytt namn)"
        s.get(Partner, "huge").name = "Huge Bostäder (nytt namn)"
        link = s.scalars(select(ReformFocusLink)).first()
        link.reasoning_sv = "Ändrad motivering."
        defs.register_indicator(s, A, defs.IndicatorSpec(
            name_sv="Klotter i trapphus", definition_sv="Antal felanmälningar om klotter.", unit="antal", level="regso",
            periodicity="kvartal", direction="lower_better", focus_areas=("trygghet",), partner_id="huge"))
    with store.transaction() as s:
        update_activity(s, A, aid, seen, ActivityInput(**{**walk.__dict__, "status": ActivityStatus.PAGAENDE}))


def test_every_write_gets_a_version_and_keeps_the_old_content(store):
    with store.session() as s:
        before = data_version(s)
    _edit_everything(store)
    with store.session() as s:
        after = data_version(s)
        hist = {t: s.execute(text(f"SELECT count(*) FROM {t}_history")).scalar_one()
                for t in ("observation", "district", "partner", "reform", "reform_focus_link", "activity")}
        unstamped = s.execute(text("SELECT count(*) FROM activity WHERE valid_from = 0")).scalar_one()
    assert after[0] > before[0]
    assert all(n >= 1 for n in hist.values()), hist
    assert unstamped == 0


def test_a_frozen_meeting_shows_exactly_its_data_after_every_kind_of_edit(store):
    mid = _freeze(store)
    frozen = _snapshot(store, mid)
    built = {(slug, str(p)): agenda.build(frozen, slug, p) for _t, slug, p in ITEMS}
    _edit_everything(store)
    live = _live(store)
    for reuse in (None, live):  # read from the history alone, and sharing the live picture's unchanged tables
        again = _snapshot(store, mid, reuse=reuse)
        _same_tables(frozen, again)
        for (slug, p), vc in built.items():
            vc2 = agenda.build(again, slug, eval(p))
            assert vc2.summary == vc.summary and [t.table.to_string() for t in vc2.tables] == [t.table.to_string() for t in vc.tables]
    # The live picture did change.
    assert "Flemingsberg (nytt namn)" in set(live.table("districts")["name"])
    assert "Flemingsberg (nytt namn)" not in set(frozen.table("districts")["name"])


def test_freeze_copies_nothing_and_shares_unchanged_tables(store):
    live = _live(store)
    mid = _freeze(store)
    with store.session() as s:
        snap = s.scalar(select(Snapshot).where(Snapshot.meeting_id == mid))
        assert snap.payload is None and snap.as_of_version == live.version
        assert set(snap.manifest["tables"]) == set(TABLES) and snap.manifest["definitions"]["suppress_below"] == "5"
    with store.transaction() as s:
        create_activity(s, A, ActivityInput(title="Ny aktivitet", partner_id="huddinge_kommun", focus_area_id="trygghet",
                                            status=ActivityStatus.PLANERAD))
    newer = _live(store)
    frozen = _snapshot(store, mid, reuse=newer)
    assert frozen.tables["observations"] is newer.tables["observations"]  # shared, not read again
    assert frozen.tables["activities"] is not newer.tables["activities"]
    assert len(frozen.table("activities")) == len(newer.table("activities")) - 1


def test_since_last_meeting_is_a_diff_of_two_as_of_reads(store):
    first = _freeze(store, ITEMS[:1])
    _edit_everything(store)
    second = _freeze(store, ITEMS[:1])
    with store.session() as s:
        ctx = mt.context(s, second)
        now = mt.load_snapshot(s, second)
    vc = agenda.build(now, "mote", {"vy": "sedan"}, "sv", ctx)
    text_ = vc.summary + " ".join(t.table.to_string() for t in vc.tables)
    assert "R01" in text_ or "Försenad" in text_ or "försenad" in text_, text_
    assert ctx.previous_picture.version < now.version and first != second


def test_a_meeting_frozen_with_a_copy_stays_readable(store):
    """Meetings frozen before versioning carry their tables in `payload`."""
    mid = _freeze(store, ITEMS[:1])
    live = _live(store)
    blob, checks = to_payload(live)
    import hashlib

    with store.transaction() as s:
        snap = s.scalar(select(Snapshot).where(Snapshot.meeting_id == mid))
        snap.as_of_version, snap.payload = None, blob
        snap.manifest = {**snap.manifest, "payload_sha256": hashlib.sha256(blob).hexdigest(), "tables": checks["tables"]}
    _edit_everything(store)
    old = _snapshot(store, mid)
    assert old.version is None and old.frozen
    assert agenda.build(old, "oversikt", {}).summary == agenda.build(live, "oversikt", {}).summary


def test_history_edited_behind_the_store_is_refused(store):
    mid = _freeze(store, ITEMS[:1])
    with store.transaction() as s:  # raw SQL: bypasses versioning, as a hand edit would
        s.execute(text("UPDATE observation SET value = value + 1 WHERE id = (SELECT min(id) FROM observation)"))
    with pytest.raises(LagesbildError, match="kontrollsumma"):
        _snapshot(store, mid)


def test_a_write_outside_the_versioning_hooks_fails(store):
    with pytest.raises(StatementError) as err:
        with store.engine.begin() as conn:  # Core, not a Session: no version allocated
            conn.execute(insert(Partner.__table__).values(id="x", name="X", short_name="X", kind="kommun"))
    assert isinstance(err.value.orig, UnversionedWrite)
    with store.session() as s:
        assert s.get(Partner, "x") is None


def test_as_of_reads_are_consistent_while_a_write_commits(store):
    """The live picture is read at one version: rows a later transaction writes are not in it."""
    with store.session() as s:
        v = data_version(s)[0]
        _edit_everything(store)
        pic = load_as_of(s, v, date.today())
    assert "Flemingsberg (nytt namn)" not in set(pic.table("districts")["name"])


def test_definitions_edited_after_the_freeze_are_named(store, monkeypatch, tmp_path):
    from lagesbild.config import settings
    from lagesbild.store import definitions

    mid = _freeze(store, ITEMS[:1])
    with store.session() as s:
        recorded = mt.manifest(s, mid)["definitions"]
        assert definitions.content(s, recorded["indicators"]) == definitions.files()["indicators"].read_bytes()
    assert definitions.changed_since(recorded) == []
    edited = tmp_path / "ind.toml"
    edited.write_bytes(definitions.files()["indicators"].read_bytes() + b"\n# edited\n")
    monkeypatch.setenv("LAGESBILD_INDICATORS_FILE", str(edited))
    monkeypatch.setenv("LAGESBILD_SUPPRESS_BELOW", "7")
    settings.cache_clear()
    try:
        assert definitions.changed_since(recorded) == ["indicators", "suppress_below"]
    finally:
        monkeypatch.undo()
        settings.cache_clear()


def test_a_new_version_is_read_by_patching_the_previous_picture(store):
    """After an import or an edit the live picture reads the changed rows, not the store."""
    before = _live(store)
    _edit_everything(store)
    with store.session() as s:
        patched = load_live(s, reuse=before)
        fresh = load_live(s)
    for name in TABLES:
        pd.testing.assert_frame_equal(patched.table(name), fresh.table(name), obj=name)
        assert patched.checksum(name) == fresh.checksum(name), name
    assert patched.tables["police_events"] is before.tables["police_events"]
    assert patched.tables["observations"] is not before.tables["observations"]
