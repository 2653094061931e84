"""A meeting's snapshot is the live picture exactly: same tables, values and column types, so
every view built from a frozen meeting is the view the live data gave when it was frozen."""
import pandas as pd

from lagesbild import agenda
from lagesbild.picture import from_payload, load_live, to_payload
from tests.unit import picture_factory as pf


def test_frozen_picture_equals_the_live_one_table_by_table(store):
    from lagesbild import demo

    with store.transaction() as s:
        demo.seed_demo(s)  # reform assessments and activities too
    with store.session() as s:
        live = load_live(s)
    frozen = from_payload(to_payload(live)[0])
    assert frozen.frozen and frozen.as_of == live.as_of
    for name, df in live.tables.items():
        pd.testing.assert_frame_equal(frozen.table(name), df, obj=name)


def test_texts_that_look_like_numbers_stay_texts():
    """An annual-only series has periods "2024", "2025": JSON would make them ints."""
    live = pf.picture([("bra_total_antal", "0126", "2024", 11000), ("bra_total_antal", "0126", "2025", 11800)])
    frozen = from_payload(to_payload(live)[0])
    assert frozen.table("observations")["period"].tolist() == ["2024", "2025"]
    assert agenda.build(frozen, "fokusomraden", {"indikator": "bra_total_antal"}).summary == \
        agenda.build(live, "fokusomraden", {"indikator": "bra_total_antal"}).summary
