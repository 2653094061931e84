"""Protected figures are computed once per set of inputs: a new version shares the families an
import did not touch, a fresh server reads them from the frame cache, and any input that
shapes protection (a row, the limit, the priority areas) makes them be computed again."""
from __future__ import annotations

import pandas as pd
import pytest

from lagesbild import picture_cache, privacy
from lagesbild.config import settings
from lagesbild.queries import indicators as iv
from tests.unit.picture_factory import picture

# A family of its own (values no other test protects), with small counts to hide.
ROWS = [("bra_total_antal", f"0126R{k:03d}", "2025", 3 + k * 11) for k in range(1, 23)] + [
    ("bra_total_antal", "0126R001", "2024", 2), ("bra_total_antal", "0126", "2025", 99_991)]
OTHER = [("befolkning_antal", "0126", "2025", 113_000)]


@pytest.fixture
def protects(monkeypatch):
    calls: list[set] = []
    real = privacy.protect

    def counting(rows, **kw):
        calls.append(set(rows["indicator_id"]))
        return real(rows, **kw)

    monkeypatch.setattr(privacy, "protect", counting)
    return calls


def _flush() -> None:
    picture_cache._WRITER.submit(lambda: None).result()


def test_a_family_the_import_did_not_touch_is_shared(protects):
    first = picture(ROWS)
    a = iv.protected(first, "bra_total_antal")
    assert a["suppressed"].any() and len(protects) == 1
    # The next version: another indicator imported, this family's rows unchanged.
    later = picture(ROWS + [("skadegorelse_antal", "0126", "2025", 40)])
    b = iv.protected(later, "bra_total_antal")
    assert len(protects) == 1
    pd.testing.assert_frame_equal(a, b)


def test_a_changed_row_is_protected_again(protects):
    iv.protected(picture(ROWS), "bra_total_antal")
    changed = [(*r[:3], r[3] + 1) if r[1] == "0126R005" else r for r in ROWS]
    iv.protected(picture(changed), "bra_total_antal")
    assert len(protects) <= 2 and protects[-1] == {"bra_total_antal"}


def test_another_limit_is_protected_again(protects, monkeypatch):
    iv.protected(picture(ROWS), "bra_total_antal")
    n = len(protects)
    monkeypatch.setattr(privacy, "threshold", lambda: 20)
    out = iv.protected(picture(ROWS), "bra_total_antal")
    assert len(protects) == n + 1
    assert out.loc[out["area_code"] == "0126R001", "suppressed"].all()  # 14 < 20 hidden now


def test_a_fresh_server_reads_the_frame_cache(protects):
    computed = iv.protected(picture(ROWS + OTHER), "bra_total_antal")
    _flush()
    assert settings().picture_cache is not None
    held = dict(iv._KNOWN)
    iv._KNOWN.clear()  # a new process: nothing in memory
    try:
        n = len(protects)
        read = iv.protected(picture(ROWS + OTHER), "bra_total_antal")
        assert len(protects) == n
        pd.testing.assert_frame_equal(computed, read, check_dtype=False)
        assert read["period_end"].tolist() == computed["period_end"].tolist()  # dates stay dates
    finally:
        iv._KNOWN.update(held)


def test_a_damaged_frame_file_is_computed_again(protects):
    pic = picture(ROWS + [("bra_total_antal", "0126R022", "2023", 4)])
    iv.protected(pic, "bra_total_antal")
    _flush()
    (key,) = [k for (tag, k) in (c for c in iv._cache(pic) if isinstance(c, tuple) and len(c) == 2) if tag == "protected_rows"]
    picture_cache._frame_path(key).write_bytes(b"not parquet")
    iv._KNOWN.pop(key, None)
    n = len(protects)
    out = iv.protected(picture(ROWS + [("bra_total_antal", "0126R022", "2023", 4)]), "bra_total_antal")
    assert len(protects) == n + 1 and out["suppressed"].any()


def test_a_new_report_protects_only_its_own_block(protects, monkeypatch):
    """Observations are protected per category and month: a new report protects its block
    again and shares every other block with the version before."""
    from lagesbild.queries import observations as ov

    monkeypatch.setattr(ov, "true_cells", lambda pic: pic.cells)
    cells = pd.DataFrame({"indicator_id": ["obs:klotter"] * 3 + ["obs:brand"] * 3,
                          "area_code": ["0126", "0126R001", "0126R002"] * 2,
                          "period": ["2026-10"] * 3 + ["2026-11"] * 3, "value": [20.0, 8.0, 12.0, 9.0, 3.0, 6.0]})
    first = picture()
    first.cells = cells
    a = ov.protected(first)
    assert len(protects) == 2
    later = picture()
    later.cells = cells.assign(value=[21.0, 9.0, 12.0, 9.0, 3.0, 6.0])  # one more klotter report in R001
    b = ov.protected(later)
    assert len(protects) == 3 and protects[-1] == {"obs:klotter"}
    pd.testing.assert_frame_equal(a[a["indicator_id"] == "obs:brand"], b[b["indicator_id"] == "obs:brand"])


def test_the_warm_up_protects_a_new_version_before_a_page_asks(protects, monkeypatch):
    from lagesbild import warmup
    from lagesbild.config import Settings

    pic = picture(ROWS + [("bra_total_antal", "0126R003", "2022", 1)])
    warmup.warm(pic)
    n = len(protects)
    assert n >= 1
    iv.protected(pic, "bra_total_antal")
    iv.series(pic, "bra_total_antal", "0126R003")
    assert len(protects) == n  # the page reads what the warm-up made
    # start() runs it on a thread when the setting is on, and not at all when it is off
    started = []
    monkeypatch.setattr(warmup, "_run", lambda ref: started.append(ref()))
    monkeypatch.setattr(warmup, "settings", lambda: Settings(db_url="", demo_db_url="", warm_up=False))
    warmup.start(pic)
    monkeypatch.setattr(warmup, "settings", lambda: Settings(db_url="", demo_db_url="", warm_up=True))
    warmup.start(pic)
    import time

    for _ in range(50):
        if started:
            break
        time.sleep(0.02)
    assert started == [pic]
