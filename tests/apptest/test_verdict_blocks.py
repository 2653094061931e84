"""Answer first: Översikt, every focus area and every priority-area profile open with
"Läget i korthet" (verdict words by the stated rule, with sources); the Om page states the rule."""
from __future__ import annotations

import pytest

from lagesbild.geo import areas, profile
from tests.apptest.helpers import open_page, texts

PRIORITY = [c for c, _n, lv in profile.options() if lv == areas.PRIORITY_LEVEL]


def _lines(at) -> list[str]:
    """The verdict block's bullet lines (the first Markdown list on the page)."""
    for m in at.markdown:
        if m.value.startswith("- "):
            return m.value.splitlines()
    return []


def _first_subheader(at) -> str:
    return at.subheader[0].value if at.subheader else ""


@pytest.mark.parametrize("code", PRIORITY)
def test_each_priority_area_opens_with_its_verdict(code):
    at = open_page("omraden", {"omrade": code})
    assert not at.exception
    assert _first_subheader(at) == "Läget i korthet"  # before any other section of the profile
    lines = _lines(at)
    worded = [ln for ln in lines if "än kommunen**" in ln or "i nivå med kommunen**" in ln]
    assert len(worded) >= 3, lines
    assert any(c.value.startswith("Källa: SCB") and "Så bedöms läget" in c.value for c in at.caption)


@pytest.mark.parametrize("fid", ["gang", "andts", "vinr", "trygghet"])
def test_each_focus_area_opens_with_its_verdict_and_its_peers(fid):
    at = open_page("fokusomraden", {"fokus": fid})
    assert not at.exception
    assert _first_subheader(at) == "Läget i korthet"
    text = texts(at)
    assert "jämförbara kommuner" in text
    if fid == "vinr":
        assert "Det finns inget offentligt lokalt mått för våld i nära relationer" in text
        assert "Mått som parterna kan lämna" in text
        assert any(b.label == "Ladda ner partnermallen (Excel)" for b in at.get("download_button"))
    else:
        assert "Mått som parterna kan lämna" not in text


def test_gang_crime_shows_what_public_data_says_about_it():
    """Utsatta områden and the notices of shootings and explosions, counted per year for the
    kommun (never a rate), with the source break of 2026 said; no 'no public measure' line."""
    at = open_page("fokusomraden", {"fokus": "gang"})
    assert not at.exception
    text = texts(at)
    lines = [m.value.replace("\\:", ":") for m in at.markdown]  # md_escape escapes ":" (emoji shortcodes)
    assert any(v.startswith(":small[Publicerade händelser om skottlossning, explosion eller detonation: ") for v in lines)
    assert any(v.startswith(":small[Polisens utsatta områden 2025: Grantorp / Visättra (Flemingsberg), Skogås, Vårby") for v in lines)
    assert "Det finns inget offentligt lokalt mått" not in text
    assert "#### Publicerade händelser om skottlossning, explosion eller detonation" in text
    assert "aldrig per invånare" in text
    assert "2026 är därför inte jämförbart med tidigare år" in text
    assert "#### Polisens utsatta områden i kommunen" in text
    assert "per 1 000 invånare" not in text.split("#### Publicerade händelser om skottlossning")[1].split("####")[0]


def test_oversikt_opens_with_the_verdict_per_focus_area_and_priority_area():
    at = open_page("oversikt")
    assert not at.exception
    assert _first_subheader(at) == "Läget i korthet"
    text = texts(at)
    assert "Prioriterade områden jämfört med kommunen" in text
    for name in ("Flemingsberg", "Skogås", "Vårby"):
        assert f"**{name}**: **sämre än kommunen**" in text


def test_om_page_states_the_rule():
    at = open_page("om")
    assert not at.exception
    text = texts(at)
    assert "Så bedöms läget" in text and "1,5 gånger medianen" in text and "kan inte bedömas" in text
