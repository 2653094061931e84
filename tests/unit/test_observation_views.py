"""The observation views (issue 13, item 3): small counts hidden in the weekly picture and the
district picture alike, and a planted count of 3 cannot be recovered by an attacker who knows
every shown figure and every sum relation between weeks, months, quarters, districts, priority
areas and the kommun (written out here, independently of lagesbild.privacy). Counts are
"rapporterade iakttagelser" beside the reports, with no verdict."""
from datetime import date, timedelta

import pandas as pd
import pytest

from lagesbild import dates
from lagesbild.queries import indicators as iv
from lagesbild.queries import observations as ov
from lagesbild.privacy import Group
from tests.unit import picture_factory as pf
from tests.unit.privacy_audit import pinned, revealed_sums

PLANTED = ("0126R007", date(2026, 10, 14), "klotter", 3)  # a district outside every priority area


def _rows(extra=()):
    """Enough observations that kommun weeks and months are mostly shown, plus the planted one."""
    rows = []
    start = date(2026, 9, 28)  # Monday of week 40
    for day in range(0, 56, 2):
        for k, cat in enumerate(("klotter", "skadegorelse")):
            rows.append(("0126R00" + str(1 + (day // 2 + k) % 3), start + timedelta(days=day), cat, 3 + k))
            rows.append(("0126R012", start + timedelta(days=day), cat, 4))
    rows.append(PLANTED)
    rows += list(extra)
    recs = [{"id": i, "partner_id": "huge", "district_code": d, "observed_on": day, "time_band": "dag", "category": c,
             "count": n, "plan_action_id": None, "author": "Rapportör", "created_at": pd.Timestamp(2026, 12, 1)}
            for i, (d, day, c, n) in enumerate(rows, start=1)]
    return pd.DataFrame(recs)


@pytest.fixture
def pic():
    return pf.picture(place_observations=_rows())


def _relations(cells: pd.DataFrame) -> list[Group]:
    """The attacker's sum relations, from the meaning of the cells (not from lagesbild.privacy)."""
    pos = {(i, a, p): k for k, (i, a, p) in enumerate(zip(cells["indicator_id"], cells["area_code"], cells["period"]))}
    groups = []
    comps = {p: parts for p, parts in iv.compositions().items() if set(parts) <= set(pf.districts()["code"])}
    regso = [c for c in pf.districts()["code"] if "R" in c]
    for ind in cells["indicator_id"].unique():
        periods = cells.loc[cells["indicator_id"] == ind, "period"].unique()
        months = [p for p in periods if len(p) == 7 and "-V" not in p]
        for area in ["0126", *comps]:
            for m in months:
                ws = [pos[(ind, area, w)] for w in periods if "-V" in w and dates.week_month(w) == m]
                groups.append(Group(pos[(ind, area, m)], ws, len(ws) == dates.weeks_in_month(int(m[:4]), int(m[5:]))))
            for w in (p for p in periods if "-V" in p):  # the priority areas lie inside the kommun
                groups.append(Group(pos[(ind, "0126", w)], [pos[(ind, a, w)] for a in comps], False))
        for p in months:
            groups.append(Group(pos[(ind, "0126", p)], [pos[(ind, d, p)] for d in regso], True))
            for prio, parts in comps.items():
                groups.append(Group(pos[(ind, prio, p)], [pos[(ind, d, p)] for d in parts], True))
    return groups


def test_the_planted_count_is_hidden_and_cannot_be_recovered(pic):
    truth = ov.true_cells(pic).reset_index(drop=True)
    shown = ov.protected(pic).set_index(["indicator_id", "area_code", "period"])
    hidden = [bool(shown.loc[(i, a, p), "suppressed"]) for i, a, p in
              zip(truth["indicator_id"], truth["area_code"], truth["period"])]
    values = truth["value"].astype(float).tolist()
    month = dates.week_month(dates.week_of(PLANTED[1]))
    planted = shown.loc[(ov.PREFIX + "klotter", PLANTED[0], month)]
    assert planted["suppressed"] and pd.isna(planted["value"])
    # Every count 1–4 is hidden, wherever it is shown.
    assert not any(0 < v < 5 and not h for v, h in zip(values, hidden))
    groups = _relations(truth)
    primary = [0 < v < 5 for v in values]
    assert pinned(groups, values, hidden, primary) == []
    assert revealed_sums(groups, values, hidden, 5) == []


def test_weekly_figures_do_not_give_the_month_back(pic):
    """The planted week: the kommun's week and month figures with the districts' month figures
    would give the 3 back if weeks were not tied to months in the protection."""
    week = dates.week_of(PLANTED[1])
    long = ov.weekly(pic, "0126", last=52)
    assert week in set(long["period"])
    shown = ov.protected(pic).set_index(["indicator_id", "area_code", "period"])
    month = dates.week_month(week)
    kommun_month = shown.loc[(ov.PREFIX + "klotter", "0126", month)]
    weeks = [w for w in ov.weeks(pic) if dates.week_month(w) == month]
    week_cells = [shown.loc[(ov.PREFIX + "klotter", "0126", w)] for w in weeks]
    districts = shown.xs((ov.PREFIX + "klotter", month), level=("indicator_id", "period"))
    districts = districts[districts.index.str.contains("R")]
    # If the kommun's month is shown and every district but the planted one too, the planted
    # one would follow by subtraction; the protection must have hidden more than it alone.
    assert districts["suppressed"].sum() >= 2 or kommun_month["suppressed"]
    if not kommun_month["suppressed"]:
        assert sum(c["value"] for c in week_cells if not c["suppressed"]) <= kommun_month["value"]


def test_tables_use_dots_and_show_reports_beside_observations_without_a_verdict(pic):
    table = ov.weekly_table(pic, "0126", "sv")
    assert table.iloc[-1, 0] == "Antal rapporter" and list(table.columns)[0] == "Kategori"
    assert table.shape[1] == 1 + len(ov.weeks(pic)[-12:])  # category + at most twelve weeks
    assert all(str(v) == ".." or str(v).replace("\u00a0", "").isdigit() for v in table.iloc[:, 1:].to_numpy().ravel())
    lines = ov.brief(pic, "0126", "sv")
    assert "Rapporterade iakttagelser" in lines[0] and "rapporter" in lines[0]
    assert lines[-1].startswith("Ingen bedömning bättre eller sämre")
    text = " ".join(lines).lower()
    assert "bättre än" not in text and "sämre än" not in text


def test_the_district_picture_by_month(pic):
    assert ov.months(pic) == ["2026-10", "2026-11"]
    vals = ov.district_values(pic, ov.PREFIX + "klotter", "2026-10")
    assert len(vals) == 22 and set(vals.columns) == {"code", "name", "value", "suppressed"}
    assert not ((vals["value"] > 0) & (vals["value"] < 5)).any()


def test_no_note_reaches_any_view(pic):
    pic.tables["place_observations"] = pic.table("place_observations").assign(note="Anna Andersson såg det")
    frames = [ov.protected(pic), ov.weekly_table(pic, "0126", "sv"), ov.district_values(pic, ov.REPORTS, "2026-10"),
              ov.series(pic, ov.REPORTS, "0126")]
    assert not any(f.astype(str).apply(lambda c: c.str.contains("Anna")).any().any() for f in frames)
