"""The 17 reform titles are the agreement's words, letter for letter."""
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def agreement_bullets() -> list[str]:
    text = (ROOT / "docs/seeds/politiskt-avtal-v-mittenstyret.txt").read_text(encoding="utf-8")
    return [line.strip().removeprefix("•").strip() for line in text.splitlines() if line.strip().startswith("•")]


def test_seed_titles_match_agreement_verbatim():
    with open(ROOT / "data/seed/reforms.csv", encoding="utf-8") as fh:
        titles = [r["title_sv"] for r in csv.DictReader(fh)]
    assert len(agreement_bullets()) == 17
    assert titles == agreement_bullets()


def test_focus_links_have_reasoning():
    with open(ROOT / "data/seed/reform_focus_links.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            assert row["strength"] in ("direkt", "indirekt")
            assert len(row["reasoning_sv"]) > 40
