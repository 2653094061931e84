"""Property-based fuzzing of every importer, through the same flow as the Data page:
check the upload → parse/validate → preview → apply, against a seeded SQLite store.

For thousands of spoiled files (random bytes; real files truncated, re-encoded, with BOMs,
other separators, columns deleted/duplicated/renamed, cells of the wrong type, huge or
negative numbers, bad dates; JSON of the wrong shape; "workbooks" that are not) we assert:
- only the project's own errors (`LagesbildError`) escape, never KeyError & co.;
- the message is Swedish, not empty, and carries no Python internals;
- a refused apply writes nothing: every table is identical before and after.
Hypothesis is derandomised so CI sees the same examples every run.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.errors import LagesbildError, ValidationError
from lagesbild.export import reform_sheet as reform_export
from lagesbild.importers import activities, base, reform_sheet
from lagesbild.importers.registry import importer
from lagesbild.picture import load_live
from lagesbild.store.db import Store
from lagesbild.store.models import Base
from tests.unit.importers import mutations as mut
from tests.unit.importers.helpers import FIX, RAW

pytestmark = pytest.mark.slow

def fuzz(n: int) -> settings:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])



# Examples per (target, kind of damage); the totals are printed by test_example_budget.
N_RANDOM, N_TEXT, N_JSON, N_XLSX, N_CELL, N_INTERRUPT = 35, 100, 160, 30, 30, 8

# Leaked Python internals: none of these may reach a user.
PYTHON_TEXT = re.compile(r"Traceback|File \"|line \d+, in |NoneType|has no attribute|object is not|invalid literal|"
                         r"could not convert|unsupported operand|not subscriptable|index out of range|KeyError|TypeError|"
                         r"AttributeError|RecursionError|ValueError|UnicodeDecodeError")
SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(?:filen|förväntat|saknas|inte|rad|kolumn|fel|har|finns)\b", re.IGNORECASE)


# --- the store and what is in it ----------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    """One seeded SQLite store for the module (fuzzing on PostgreSQL would only cost time:
    the atomicity under test is the store's transaction, exercised on both in test_importers)."""
    st_ = Store.open(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}")
    yield st_
    st_.engine.dispose()


def digest(store: Store) -> dict[str, tuple]:
    """Row count of every table, plus sums that move when a stored row is updated in place
    (an import changes observation values, activity and reform versions)."""
    sums = {"observation": "total(value)", "activity": "total(version)", "reform": "total(version)", "police_event": "total(length(summary))"}
    out = {}
    with store.session() as s:
        for table in Base.metadata.sorted_tables:
            extra = sums.get(table.name, "0")
            out[table.name] = tuple(s.execute(text(f"SELECT count(*), {extra} FROM {table.name}")).one())
    return out


def guarded(store: Store, write: Callable[[], object]):
    """Run a write; if it is refused, nothing may have changed."""
    before = digest(store)
    try:
        result = write()
    except LagesbildError:
        assert digest(store) == before, "a refused import left a partial write"
        raise
    _PICTURE.clear()  # the store changed: lookups and reforms must be read again
    return result


_PICTURE: dict = {}


def picture(store: Store):
    if "p" not in _PICTURE:
        with store.session() as s:
            _PICTURE["p"] = load_live(s)
    return _PICTURE["p"]


# --- the importers, each through the Data page's flow --------------------------------------


def run_base(kind: str, store: Store, data: bytes, filename: str, progress=None) -> None:
    base.check_upload(filename, data)
    if kind == "partner":
        pic = picture(store)
        parsed = importer(kind).parse(data, filename, known_areas=set(pic.table("districts")["code"]), partners=pic.table("partners"))
    elif kind == "scb":
        parsed = importer(kind).parse(data, filename, year=2025)
    else:
        parsed = importer(kind).parse(data, filename)
    with store.session() as s:
        base.summary(base.preview(s, parsed))
    guarded(store, lambda: base.apply(store, SYSTEM_ACTOR, parsed, filename, data, progress=progress))


def run_activities(store: Store, data: bytes, filename: str, progress=None) -> None:
    pic = picture(store)
    parsed = activities.parse(data, filename, activities.Lookups.from_picture(pic))
    pv = activities.preview(pic, parsed)
    seen = {r["extern_id"]: int(r["version"]) for r in pv.to_dict("records") if r["version"] == r["version"] and r["version"] is not None}
    guarded(store, lambda: activities.apply(store, SYSTEM_ACTOR, parsed, data, seen_versions=seen, progress=progress))


def run_reforms(store: Store, data: bytes, filename: str, progress=None) -> None:
    plan = reform_sheet.plan(picture(store), data, filename)
    plan.preview()
    guarded(store, lambda: reform_sheet.apply(store, SYSTEM_ACTOR, plan))


def activities_csv() -> bytes:
    """A small valid activities file (marked as test data; nothing here is a real activity)."""
    rows = [
        ["extern_id", "titel", "beskrivning", "partner", "fokusomrade", "omrade", "status", "start", "slut", "uppfoljning"],
        ["FUZZ-1", "TESTDATA aktivitet ett", "Testrad", "huge", "trygghet", "0126R001", "Pågående", "2026-01-15", "", ""],
        ["FUZZ-2", "TESTDATA aktivitet två", "", "Huddinge kommun", "gang", "", "Planerad", "", "2026-12-31", ""],
        ["FUZZ-3", "TESTDATA aktivitet tre", "", "sbff", "Våld i nära relationer", "0126R014", "Genomförd", "2025-03-01", "2025-06-30", "Följd upp"],
    ]
    return ("\ufeff" + mut.write_rows(rows, ";", "\r\n")).encode("utf-8")


def reforms_csv(store: Store) -> bytes:
    """The current export with one reform given a new assessment (so apply really writes)."""
    df = reform_export.sheet_frame(picture(store))
    r = len(df) // 2
    df.loc[r, ["status", "framsteg", "datum", "motivering", "källa", "bedömd av"]] = [
        "Pågående", "40", date(2026, 1, 10).isoformat(), "TESTDATA: bedömning gjord av fuzz-testet.", "https://exempel.invalid/fuzz", "Fuzz"]
    return reform_export.to_csv(df)


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[..., None]
    files: Callable[[Store], list[tuple[bytes, str]]]  # valid files and their names
    json: bool = False
    xlsx: bool = False


def _files(*paths: tuple[str, str]) -> Callable[[Store], list[tuple[bytes, str]]]:
    loaded = [((FIX if where == "fix" else RAW) / rel).read_bytes() for where, rel in paths]
    return lambda _store: [(data, rel.rsplit("/", 1)[-1]) for data, (_w, rel) in zip(loaded, paths)]


def _kind(kind: str):
    return lambda store, data, filename, progress=None: run_base(kind, store, data, filename, progress)


TARGETS = [
    Target("bra_sol", _kind("bra"), _files(("fix", "bra/sol_textfil_ar_huddinge_2021-2025.txt"), ("fix", "bra/sol_textfil_kvartal_huddinge_2025-2026.txt"))),
    Target("bra_tidy", _kind("bra"), _files(("fix", "bra/bra_tidy_huddinge_2024-2025.csv"), ("raw", "bra_sol/bra_anmalda_brott_totalt_kvartal_huddinge_0126_2014-2026.csv"))),
    Target("kolada_json", _kind("kolada"), _files(("fix", "kolada/kolada_v3_huddinge_2025.json"), ("fix", "kolada/kolada_v3_huddinge_2025_two_pages.json")), json=True),
    Target("kolada_csv", _kind("kolada"), _files(("fix", "kolada/kolada_five_columns_huddinge_2025.csv"), ("raw", "kolada/kolada_values_huddinge_0126_via_juvahem.csv")), xlsx=True),
    Target("polisen", _kind("polisen"), _files(("fix", "polisen/polisen_events_huddinge_sample.json")), json=True),
    Target("scb", _kind("scb"), _files(("raw", "scb_population/huddinge_regso2025_population_2025.csv"), ("raw", "scb_population/huddinge_deso2025_population_2025.csv")), xlsx=True),
    Target("partner", _kind("partner"), _files(("fix", "partner/partner_lokala_indikatorer_TESTDATA.csv")), xlsx=True),
    Target("ntu", _kind("ntu"), _files(("raw", "bra_ntu/bra_ntu2009_utsatthet_2008_huddinge.csv"), ("raw", "bra_ntu/bra_ntu2010_otrygghet_oro_huddinge.csv"))),
    Target("enkat_text", _kind("enkat_text"), _files(("raw", "text_sourced/huddinge_survey_figures_from_text.csv"))),
    Target("aktiviteter", run_activities, lambda _s: [(activities_csv(), "aktiviteter.csv")], xlsx=True),
    Target("reformer", run_reforms, lambda s: [(reforms_csv(s), "reformer.csv")], xlsx=True),
]
BY_NAME = {t.name: t for t in TARGETS}
TEXT = [t.name for t in TARGETS if not t.json]
JSON = [t.name for t in TARGETS if t.json]
XLSX = [t.name for t in TARGETS if t.xlsx]
SUFFIXES = (".csv", ".txt", ".json", ".xlsx")


def check_message(err: LagesbildError) -> None:
    text = str(err)
    assert text.strip(), "empty message"
    assert SWEDISH.search(text), f"not Swedish: {text!r}"
    assert not PYTHON_TEXT.search(text), f"Python internals in the message: {text!r}"
    if isinstance(err, ValidationError):
        assert err.issues, "a refusal without a reason"
        assert all(str(i.message).strip() for i in err.issues)


def attempt(target: Target, store: Store, data: bytes, filename: str, progress=None) -> LagesbildError | None:
    """Run the import; a refusal is returned (after checking its message), anything else raises."""
    try:
        target.run(store, data, filename, progress)
    except LagesbildError as err:
        check_message(err)
        return err
    return None


def stem(filename: str) -> str:
    return filename.rsplit(".", 1)[0]


# --- the properties -----------------------------------------------------------------------


@pytest.mark.parametrize("name", [t.name for t in TARGETS])
@fuzz(N_RANDOM)
@given(blob=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_refused_in_swedish(store, name, blob, suffix):
    target = BY_NAME[name]
    data, filename = target.files(store)[0]
    attempt(target, store, blob, stem(filename) + suffix)


@pytest.mark.parametrize("name", TEXT)
@fuzz(N_TEXT)
@given(draw=st.data())
def test_spoiled_text_files(store, name, draw):
    target = BY_NAME[name]
    files = target.files(store)
    valid, filename = files[draw.draw(st.integers(0, len(files) - 1))]
    attempt(target, store, draw.draw(mut.spoiled_text(valid)), filename)


@pytest.mark.parametrize("name", JSON)
@fuzz(N_JSON)
@given(draw=st.data())
def test_spoiled_json_files(store, name, draw):
    target = BY_NAME[name]
    files = target.files(store)
    valid, filename = files[draw.draw(st.integers(0, len(files) - 1))]
    attempt(target, store, draw.draw(mut.spoiled_json(valid)), filename)


@pytest.mark.parametrize("name", XLSX)
@fuzz(N_XLSX)
@given(draw=st.data())
def test_spoiled_workbooks(store, name, draw):
    target = BY_NAME[name]
    files = target.files(store)
    valid, filename = files[draw.draw(st.integers(0, len(files) - 1))]
    attempt(target, store, draw.draw(mut.spoiled_xlsx(valid)), stem(filename) + ".xlsx")


@pytest.mark.parametrize("name", [n for n in TEXT if n != "bra_sol"])
@fuzz(N_CELL)
@given(draw=st.data())
def test_one_bad_cell_is_named_by_row_or_column(store, name, draw):
    """A single spoiled cell in a tidy table: if the file is refused, the message says where."""
    target = BY_NAME[name]
    valid, filename = target.files(store)[0]
    data, row, _col = draw.draw(mut.one_bad_cell(valid))
    err = attempt(target, store, data, filename)
    if isinstance(err, ValidationError):
        assert any(i.row is not None or i.column for i in err.issues) or re.search(r"\b(?:rad|post|händelse) \d+", str(err)), str(err)


class Interrupted(LagesbildError):
    """Stands in for anything that stops an import half-way (a crash, a lost connection)."""

    def __init__(self):
        super().__init__("Importen avbröts; inget har ändrats.")


@pytest.mark.parametrize("name", [t.name for t in TARGETS if t.name != "reformer"])
@fuzz(N_INTERRUPT)
@given(draw=st.data())
def test_import_stopped_half_way_writes_nothing(store, name, draw):
    """The progress callback raises at a drawn point of the write: all or nothing."""
    target = BY_NAME[name]
    files = target.files(store)
    valid, filename = files[draw.draw(st.integers(0, len(files) - 1))]
    stop_at = draw.draw(st.floats(0.0, 1.0))
    calls = draw.draw(st.integers(0, 3))

    def progress(fraction: float) -> None:
        nonlocal calls
        calls -= 1
        if fraction >= stop_at and calls < 0:
            raise Interrupted()

    attempt(target, store, valid, filename, progress)


def test_valid_files_import(store):
    """The fuzz starts from files that really import (else it only ever tests refusals)."""
    for target in TARGETS:
        for data, filename in target.files(store):
            err = attempt(target, store, data, filename)
            assert err is None, (target.name, filename, str(err))


def test_example_budget():
    """Thousands of examples in all (printed with -s for the report)."""
    total = (N_RANDOM * len(TARGETS) + N_TEXT * len(TEXT) + N_JSON * len(JSON) + N_XLSX * len(XLSX)
             + N_CELL * (len(TEXT) - 1) + N_INTERRUPT * (len(TARGETS) - 1))
    print(f"fuzz examples in all: {total}")
    assert total >= 2000
