"""The reform figures: the JSON the browser gets carries the right numbers, labels and colours."""
import json
from datetime import date

from lagesbild.queries import reforms as v
from lagesbild.charts import reforms as charts
from lagesbild.domain import STATUS_INFO, ReformStatus
from tests.unit.reform_pictures import make_picture

PIC = make_picture([
    ("R01", 1, "paborjad", date(2024, 1, 10), None),
    ("R02", 1, "pagaende", date(2024, 3, 1), None),
    ("R01", 2, "genomford", date(2024, 3, 1), 100),
])


def _json(fig) -> dict:
    return json.loads(fig.to_json())


def test_status_distribution_bars_all_statuses_with_text_labels_and_palette():
    counts = v.status_counts(v.current(PIC))
    spec = _json(charts.status_distribution(counts))
    bar = spec["data"][0]
    assert bar["type"] == "bar" and bar["orientation"] == "h"
    assert bar["y"] == ["? Ej bedömd", "○ Ej påbörjad", "▷ Påbörjad", "↻ Pågående", "◷ Försenad", "✓ Genomförd",
                        "◐ Delvis genomförd", "✕ Ej genomförd"]
    assert bar["x"] == [15, 0, 0, 1, 0, 1, 0, 0]
    assert bar["marker"]["color"] == [STATUS_INFO[s].color for s in sorted(ReformStatus, key=lambda s: s.info.order)]
    assert bar["text"] == ["15", "0", "0", "1", "0", "1", "0", "0"]
    assert spec["layout"]["yaxis"]["autorange"] == "reversed"  # domain order from the top
    assert spec["layout"]["title"]["text"] == "Reformer per status"


def test_status_distribution_in_english():
    spec = _json(charts.status_distribution(v.status_counts(v.current(PIC)), "en"))
    assert spec["data"][0]["y"][0] == "? Not assessed"
    assert spec["layout"]["xaxis"]["title"]["text"] == "Number of reforms"


def test_distribution_summary_names_every_nonzero_status():
    counts = v.status_counts(v.current(PIC))
    assert charts.distribution_summary(counts) == "Av de 17 reformer som visas: 15 Ej bedömd, 1 Pågående och 1 Genomförd."
    assert charts.distribution_summary(counts, "en") == "Of the 17 reforms shown: 15 Not assessed, 1 In progress and 1 Done."
    assert charts.distribution_summary(v.status_counts(v.current(PIC).iloc[:0])) == "Inga reformer visas."


def test_progress_over_time_step_lines_only_for_statuses_that_occur():
    spec = _json(charts.progress_over_time(v.progress_over_time(PIC)))
    names = [t["name"] for t in spec["data"]]
    assert names == ["? Ej bedömd", "▷ Påbörjad", "↻ Pågående", "✓ Genomförd"]
    by_name = {t["name"]: t for t in spec["data"]}
    assert by_name["? Ej bedömd"]["x"] == ["2024-01-10", "2024-03-01"]
    assert by_name["? Ej bedömd"]["y"] == [16, 15]
    assert by_name["▷ Påbörjad"]["y"] == [1, 0]
    assert by_name["✓ Genomförd"]["y"] == [0, 1]
    assert all(t["line"]["shape"] == "hv" for t in spec["data"])
    assert by_name["✓ Genomförd"]["line"]["color"] == STATUS_INFO[ReformStatus.GENOMFORD].color
    symbols = {t["marker"]["symbol"] for t in spec["data"]}
    assert len(symbols) == len(spec["data"])  # shapes differ, not only colours


def test_progress_summary():
    long = v.progress_over_time(PIC)
    assert charts.progress_summary(long) == (
        "Bedömningar registrerade 2024-01-10–2024-03-01. Läget den 2024-03-01: 15 Ej bedömd, 1 Pågående och 1 Genomförd.")
    assert "no development" in charts.progress_summary(v.progress_over_time(make_picture()), "en")


def test_status_symbols_exist_in_the_bundled_fonts():
    """The text symbols appear in chart labels, tables and exports: they must be drawable
    with the fonts a fresh machine has (DejaVu Sans), or they show as empty boxes."""
    from pathlib import Path

    import pytest

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu Sans not installed")
    TTFont = pytest.importorskip("fontTools.ttLib").TTFont  # comes with fpdf2

    cmap = TTFont(str(font)).getBestCmap()
    missing = [info.symbol for info in STATUS_INFO.values() if any(ord(ch) not in cmap for ch in info.symbol)]
    assert missing == []
