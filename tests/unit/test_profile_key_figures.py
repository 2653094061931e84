"""The area profile's key figures show an indicator's protected rows, as every other view
does: a district count hidden to protect a small neighbour (secondary suppression) must not
appear in the profile, where the kommun's total beside it would give the small count back."""
from __future__ import annotations

from lagesbild.geo import profile
from lagesbild.queries import indicators as iv
from tests.unit.picture_factory import picture

IND = "partner_skadegorelse_arenden"
LABEL = "Skadegörelse- och klotterärenden i fastighetsbeståndet"


def _figure(pic, code: str) -> tuple[str, str]:
    kf = profile.build(pic, code, "sv").key_figures.set_index("Nyckeltal")
    return kf.loc[LABEL, "Området"], kf.loc[LABEL, "Hela kommunen"]


def test_a_count_hidden_beside_a_small_one_stays_hidden_in_the_profile():
    pic = picture([(IND, "0126", "2025", 15), (IND, "0126R001", "2025", 3), (IND, "0126R002", "2025", 12)])
    hidden = iv.protected(pic, IND).set_index("area_code")["suppression"]
    assert (hidden["0126R001"], hidden["0126R002"]) == ("primär", "sekundär")
    assert _figure(pic, "0126R002") == ("..", "15")
    assert _figure(pic, "0126R001") == ("..", "15")


def test_a_shown_count_is_the_same_as_on_the_other_views():
    pic = picture([(IND, "0126", "2025", 40), (IND, "0126R001", "2025", 18), (IND, "0126R002", "2025", 22)])
    assert _figure(pic, "0126R002") == ("22", "40")


def test_the_map_hides_the_same_district_count_as_the_profile():
    from lagesbild.geo import karta, measures

    pic = picture([(IND, "0126", "2025", 15), (IND, "0126R001", "2025", 3), (IND, "0126R002", "2025", 12),
                   ("scb_befolkning", "0126R001", "2025", 2000), ("scb_befolkning", "0126R002", "2025", 3000)])
    mv = karta.map_values(pic, measures.indicator_measure(IND), "2025", level="regso")
    table = mv.table.set_index("code")
    assert table.loc["0126R002", "suppressed"] and table.loc["0126R001", "suppressed"]
    assert table.loc[["0126R001", "0126R002"], ["count", "value"]].isna().all().all()
