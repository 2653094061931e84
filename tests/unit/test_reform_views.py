"""Read functions of the Reformer page, on hand-built Pictures and on a real store."""
from datetime import date, timedelta

import pandas as pd
import pytest

from lagesbild.queries import reforms as v
from lagesbild.domain import SYSTEM_ACTOR, ReformStatus
from lagesbild.picture import from_payload, load_live, to_payload
from lagesbild.store import reforms
from tests.unit.reform_pictures import make_picture

D = date


def test_fresh_picture_all_17_not_assessed_in_number_order():
    cur = v.current(make_picture())
    assert cur["number"].tolist() == list(range(1, 18))
    assert set(cur["status"]) == {"ej_bedomd"}
    assert cur["progress"].isna().all() and cur["update_date"].isna().all()
    assert v.latest_date(make_picture()) is None


def test_current_is_the_highest_seq_not_the_latest_date():
    # seq 2 is a backdated correction: it is still the newest assessment.
    pic = make_picture([("R07", 1, "pagaende", D(2026, 3, 1), 40), ("R07", 2, "forsenad", D(2026, 2, 1), None)])
    row = v.current(pic).set_index("id").loc["R07"]
    assert row["status"] == "forsenad" and row["progress"] is None and row["update_date"] == D(2026, 2, 1)
    assert row["version"] == 2
    assert v.latest_date(pic) == D(2026, 3, 1)


def test_progress_is_int_or_none():
    cur = v.current(make_picture([("R09", 1, "pagaende", D(2025, 1, 1), 33)])).set_index("id")
    assert cur.loc["R09", "progress"] == 33 and isinstance(cur.loc["R09", "progress"], int)
    assert cur.loc["R01", "progress"] is None


def test_history_newest_first_and_oldest_first():
    pic = make_picture([("R09", 1, "paborjad", D(2024, 1, 1), None), ("R09", 2, "pagaende", D(2025, 1, 1), 67),
                        ("R01", 1, "paborjad", D(2024, 5, 1), None)])
    assert v.history(pic, "R09")["seq"].tolist() == [2, 1]
    assert v.history(pic, "R09", newest_first=False)["status"].tolist() == ["paborjad", "pagaende"]
    assert v.history(pic, "R02").empty


@pytest.mark.parametrize("flt,expected", [
    (v.ReformFilter(statuses=("genomford",)), ["R14"]),
    (v.ReformFilter(statuses=("genomford", "pagaende")), ["R09", "R14"]),
    (v.ReformFilter(theme="Bostad"), ["R04", "R05", "R06"]),
    (v.ReformFilter(responsible="Huddinge samhällsfastigheter AB"), ["R10"]),
    (v.ReformFilter(focus_area="vinr"), ["R07", "R08"]),
    (v.ReformFilter(focus_area="gang", statuses=("ej_bedomd",)), ["R13", "R17"]),
    (v.ReformFilter(query="HUGE"), ["R04", "R05", "R06"]),
    (v.ReformFilter(query="idrottshallar"), ["R09"]),
    (v.ReformFilter(query="  Fritidsbank  "), ["R14"]),
    (v.ReformFilter(query="menstrual"), ["R09"]),  # the English title is searched too
    (v.ReformFilter(query="protokoll juni"), ["R09"]),  # all terms, also in the motivation
    (v.ReformFilter(query="ÄLDREOMSORGEN"), ["R03"]),  # Swedish letters fold
    (v.ReformFilter(query="aldreomsorgen"), []),  # but are not stripped of their dots
    (v.ReformFilter(), [f"R{i:02d}" for i in range(1, 18)]),
])
def test_filters(flt, expected):
    pic = make_picture([("R14", 1, "genomford", D(2025, 1, 1), 100),
                        ("R09", 1, "pagaende", D(2025, 2, 1), 33, "Enligt protokoll från juni.")])
    assert v.apply_filter(v.current(pic), flt)["id"].tolist() == expected


def test_search_matches_decomposed_swedish_letters():
    import unicodedata

    cur = v.current(make_picture())
    decomposed = unicodedata.normalize("NFD", "äldreomsorgen")
    assert v.apply_filter(cur, v.ReformFilter(query=decomposed))["id"].tolist() == ["R03"]


def test_filter_active_flag():
    assert not v.ReformFilter().active
    assert not v.ReformFilter(query="   ").active
    assert v.ReformFilter(theme="Skola").active


def test_status_counts_has_all_eight_in_domain_order_with_zeros():
    pic = make_picture([("R01", 1, "pagaende", D(2025, 1, 1), None), ("R02", 1, "pagaende", D(2025, 1, 1), None),
                        ("R03", 1, "genomford", D(2025, 1, 1), None)])
    counts = v.status_counts(v.current(pic))
    assert counts["status"].tolist() == [s.value for s in sorted(ReformStatus, key=lambda s: s.info.order)]
    assert dict(zip(counts["status"], counts["count"])) == {
        "ej_bedomd": 14, "ej_paborjad": 0, "paborjad": 0, "pagaende": 2, "forsenad": 0,
        "genomford": 1, "delvis_genomford": 0, "ej_genomford": 0}
    assert counts["label_sv"].tolist()[0] == "Ej bedömd"


def test_progress_over_time_is_a_step_function_per_change_date():
    pic = make_picture([
        ("R01", 1, "paborjad", D(2024, 1, 10), None),
        ("R02", 1, "pagaende", D(2024, 3, 1), None),
        ("R01", 2, "genomford", D(2024, 3, 1), 100),  # same date as R02: one point
        ("R03", 1, "forsenad", D(2025, 6, 1), None),
    ])
    long = v.progress_over_time(pic)
    assert sorted(set(long["date"])) == [D(2024, 1, 10), D(2024, 3, 1), D(2025, 6, 1)]
    assert len(long) == 3 * 8  # every status at every date, zeros included
    wide = long.pivot(index="date", columns="status", values="count")
    assert wide.loc[D(2024, 1, 10)].to_dict() | {} == {**{s: 0 for s in v.STATUS_ORDER}, "ej_bedomd": 16, "paborjad": 1}
    assert wide.loc[D(2024, 3, 1), "genomford"] == 1 and wide.loc[D(2024, 3, 1), "paborjad"] == 0
    assert wide.loc[D(2024, 3, 1), "pagaende"] == 1 and wide.loc[D(2024, 3, 1), "ej_bedomd"] == 15
    assert wide.loc[D(2025, 6, 1), "forsenad"] == 1 and wide.loc[D(2025, 6, 1), "ej_bedomd"] == 14
    assert (wide.sum(axis=1) == 17).all()


def test_progress_over_time_for_a_selection_and_when_empty():
    pic = make_picture([("R01", 1, "paborjad", D(2024, 1, 10), None), ("R05", 1, "genomford", D(2024, 2, 1), None)])
    long = v.progress_over_time(pic, ["R01", "R02"])
    assert sorted(set(long["date"])) == [D(2024, 1, 10)]  # R05's date is not a change of the selection
    assert long.groupby("date")["count"].sum().tolist() == [2]
    assert v.progress_over_time(make_picture()).empty
    assert v.progress_table(v.progress_over_time(make_picture())).empty


def test_progress_table_has_one_column_per_status():
    pic = make_picture([("R01", 1, "paborjad", D(2024, 1, 10), None)])
    table = v.progress_table(v.progress_over_time(pic))
    assert table.columns.tolist() == ["Datum", "Ej bedömd", "Ej påbörjad", "Påbörjad", "Pågående", "Försenad",
                                      "Genomförd", "Delvis genomförd", "Ej genomförd"]
    assert table.iloc[0].tolist() == ["2024-01-10", 16, 0, 1, 0, 0, 0, 0, 0]
    assert "Not assessed" in v.progress_table(v.progress_over_time(pic), "en").columns


def test_links_with_reasoning_and_no_districts():
    pic = make_picture()
    focus = v.focus_links(pic, "R08")
    assert focus["name"].tolist() == ["Våld i nära relationer"]
    assert "Mäns våld mot kvinnor" in focus["reasoning_sv"].iloc[0]
    assert v.focus_links(pic, "R08", "en")["name"].tolist() == ["Violence in close relationships"]
    assert v.focus_links(pic, "R01").empty
    assert v.district_links(pic, "R08").empty


def test_evidence_is_distinct_sources_newest_first():
    pic = make_picture([("R09", 1, "paborjad", D(2024, 1, 1), None), ("R09", 2, "pagaende", D(2025, 1, 1), None)])
    assert v.evidence(pic, "R09")["source_url"].tolist() == ["https://exempel.invalid/R09/2", "https://exempel.invalid/R09/1"]


def test_same_answers_from_store_and_from_a_frozen_snapshot(store):
    upd = reforms.UpdateInput(ReformStatus.PAGAENDE, D(2026, 3, 1), "Handlingsplanen är på remiss.",
                              "https://www.huddinge.se/x", "Anna", progress=40)
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R07", 0, upd)
    with store.session() as s:
        live = load_live(s)
    frozen = from_payload(to_payload(live)[0])
    for pic in (live, frozen):
        row = v.current(pic).set_index("id").loc["R07"]
        assert (row["status"], row["progress"], row["update_date"], row["version"]) == ("pagaende", 40, D(2026, 3, 1), 1)
        assert v.latest_date(pic) == D(2026, 3, 1)
        assert v.status_counts(v.current(pic)).set_index("status").loc["pagaende", "count"] == 1
    pd.testing.assert_frame_equal(v.progress_over_time(live), v.progress_over_time(frozen))


def test_progress_sweep_agrees_with_the_per_day_rule_on_random_histories():
    """The linear sweep must give what `status_on` (highest seq dated on or before the day)
    gives, also when corrections are backdated (seq order differs from date order)."""
    import random

    rng = random.Random(7)
    statuses = [s for s in v.STATUS_ORDER if s != "ej_bedomd"]
    for _ in range(20):
        ups = []
        for rid in rng.sample([f"R{i:02d}" for i in range(1, 18)], 6):
            for seq in range(1, rng.randint(1, 6) + 1):
                ups.append((rid, seq, rng.choice(statuses), D(2024, 1, 1) + timedelta(days=rng.randint(0, 60)), None))
        pic = make_picture(ups)
        long = v.progress_over_time(pic)
        typed = v.updates(pic)
        ids = v.current(pic)["id"].tolist()
        for day, group in long.groupby("date"):
            expected = pd.Series(v.status_on(typed, ids, day)).value_counts()
            got = dict(zip(group["status"], group["count"]))
            assert got == {s: int(expected.get(s, 0)) for s in v.STATUS_ORDER}, day
