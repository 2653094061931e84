"""The picture round-trips through a snapshot payload unchanged."""
from datetime import date

from lagesbild.domain import SYSTEM_ACTOR, ReformStatus
from lagesbild.picture import from_payload, load_live, to_payload
from lagesbild.store import reforms


def test_snapshot_round_trip_keeps_every_table(store):
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R01", 0, reforms.UpdateInput(
            ReformStatus.PAGAENDE, date(2026, 2, 1), "Beslut om ny resursfördelning i nämnden.",
            "https://www.huddinge.se/a", "Test"))
    with store.session() as s:
        live = load_live(s)
    blob, manifest = to_payload(live)
    frozen = from_payload(blob)
    assert frozen.frozen and frozen.as_of == live.as_of
    assert set(frozen.tables) == set(live.tables)
    for name, df in live.tables.items():
        assert len(frozen.table(name)) == len(df), name
        assert manifest["tables"][name]["rows"] == len(df)
    upd = frozen.table("reform_updates").iloc[0]
    assert upd["update_date"] == date(2026, 2, 1)
    assert frozen.table("reforms")["title_sv"].tolist() == live.table("reforms")["title_sv"].tolist()


def test_lagesbild_per_is_the_newest_data_date_never_a_future_one(store):
    from lagesbild.store.meta import newest_data

    with store.session() as s:
        newest = newest_data(s, today=date(2026, 12, 6))
        assert newest == date(2026, 8, 14)  # the newest police notice, later than Brå's 2026K2 (30 June)
        # Before the notices: Brå's 2026K1 quarter ends 31 March; the running year's 31 December never counts.
        assert newest_data(s, today=date(2026, 4, 1)) <= date(2026, 4, 1)
        pic = load_live(s)
    from lagesbild.store.meta import newest_in

    assert newest_in(pic, today=date(2026, 12, 6)) == newest  # the same rule for a Picture (meeting pack)
