"""How each priority area is delimited, as a table (Karta, Områden and Om data och metod)."""
from __future__ import annotations

import pandas as pd

from lagesbild import fmt
from lagesbild.geo import priority
from lagesbild.geo.layers import LAYERS, area_label, layer
from lagesbild.i18n import t


def components(area: priority.PriorityArea) -> list[tuple[str, str]]:
    """(code, name) of the districts that make up the area, in file order."""
    names = dict(zip(layer(area.layer)["code"], layer(area.layer)["name"]))
    return [(c, names.get(c, c)) for c in area.codes]


def delimitation_table(lang: str = "sv") -> pd.DataFrame:
    geo = priority.geometries().set_index("code")
    rows = []
    for a in priority.load():
        parts = ", ".join(f"{n} ({c})" for c, n in components(a))
        rows.append({
            t("delimitation.col.area", lang): a.name,
            "Status": a.status,
            t("delimitation.col.layer", lang): LAYERS[a.layer].label(lang),
            t("delimitation.col.districts", lang): parts,
            area_label("prioriterat", lang): fmt.number(geo.loc[a.code, "area_km2"], 1, lang),
            t("delimitation.col.how", lang): a.note,
        })
    return pd.DataFrame(rows)
