"""The Karta page: choose a measure and period, see it per district, click for a profile."""
from __future__ import annotations

import streamlit as st

from lagesbild import privacy
from lagesbild.config import settings
from lagesbild.geo import areas as areas_mod
from lagesbild.geo import karta, measures
from lagesbild.geo.layers import LAYERS, boundaries, has_layer, layer, list_as_of, list_year, main_layer
from lagesbild.i18n import t
from lagesbild.queries import indicators as iv
from lagesbild.ui import map_ui, provenance
from lagesbild.ui.state import lang
from lagesbild.ui.session import picture
from lagesbild.ui.urlstate import url_selectbox

MAP_KEY = "karta_map"


def choose(pic) -> tuple[measures.Measure, str | None]:
    """Measure and period, kept in the URL by id (?matt=tathet&period=2025)."""
    lg = lang()
    district_codes = set(layer(main_layer())["code"])
    available = measures.available(pic, district_codes)
    if not available:
        st.info(t("karta.no_measures", lg), icon=":material/info:")
        return measures.DENSITY, None
    options = {m.id: m for m in available}
    default = measures.default_measure(available)
    c1, c2 = st.columns([3, 1])
    with c1:
        mid = url_selectbox(t("karta.measure", lg), list(options), param="matt", default=default.id,
                                   format_func=lambda i: options[i].name(lg))
    measure = options.get(mid, default)
    periods = measures.periods(pic, measure)
    with c2:
        partial, part_years = t("karta.ui.choose.part_year", lang()), measures.partial_periods(pic, measure)
        period = url_selectbox(
            t("karta.period", lg), periods, param="period", default=measures.default_period(pic, measure),
            format_func=lambda p: f"{p} ({partial})" if str(p) in part_years else p,
        ) if periods else None
    return measure, period


def render() -> None:
    lg = lang()
    pic = picture()
    st.title(t("karta.title", lg))
    has_prio = not areas_mod.of_level(areas_mod.PRIORITY_LEVEL).empty
    st.caption(t("karta.intro" if has_prio else "karta.intro_no_priority", lg, layer=boundaries(main_layer(), lg)))
    measure, period = choose(pic)
    cfg, assets = settings(), map_ui.assets()
    # One view per picture, measure, period and language, shared by every session: the map's
    # component arguments are then made once too (map_ui.show).
    view = iv.memo(pic, ("karta", measure.id, period, lg, assets, cfg.tiles_url, cfg.tiles_attribution),
                   lambda: karta.build(pic, measure, period, lg, assets, tiles_url=cfg.tiles_url,
                                       tiles_attribution=cfg.tiles_attribution), most=map_ui.MAPS_KEPT)
    st.markdown(view.summary)  # what the map shows, in words, before the map
    clicked = map_ui.show(view.fmap, key=MAP_KEY, height=680)
    layer_sources = [s for key in ("regso", "utsatta_omraden", "valdistrikt") if has_layer(key) for s in LAYERS[key].source_ids]
    note = " · ".join(x for x in (measure.note(lg), *view.values.notes) if x)
    provenance.caption(list(dict.fromkeys([*measure.source_ids, *layer_sources])),
                       view.values.data_tom or view.values.period, note=note)
    map_ui.as_table(view.table, key="karta")
    if (view.values.table["suppressed"].astype(bool)).any():
        st.caption(privacy.explanation(lg))
    if not areas_mod.of_level(areas_mod.PRIORITY_LEVEL).empty:
        with st.expander(t("karta.delimitation", lg), icon=":material/polyline:"):
            priority_delimitation(lg)
    _uso_list(lg)
    prio = areas_mod.of_level(areas_mod.PRIORITY_LEVEL)
    regso = areas_mod.of_level(main_layer())
    map_ui.profile_links(list(zip(prio["code"], prio["name"])) + list(zip(regso["code"], regso["name"])),
                         label=t("karta.profiles", lg))
    if clicked:
        map_ui.open_profile(clicked)


def priority_delimitation(lg: str) -> None:
    """How each priority area is delimited (also on Om data och metod)."""
    from lagesbild.geo.delimitation import delimitation_table

    st.table(delimitation_table(lg), hide_index=True)
    provenance.caption(["scb_regso", "valmyndigheten_valdistrikt"], None,
                       note=t("karta.ui.priority_delimitation.delimitations_are_partners_proposals", lang()))


def _uso_list(lg: str) -> None:
    uso = layer("utsatta_omraden")
    if uso.empty:  # a kommun without utsatta områden (or without the layer)
        return
    items = "; ".join(f"{n} ({k.lower()}, {t('karta.ui.uso_list.valid_from', lang())} {s})"
                      for n, k, s in zip(uso["name"], uso["kategori"], uso["aktualitet_start"]))
    st.markdown(f"**{t('karta.uso', lg)}:** {items}.")
    provenance.caption("polisen_uso", list_as_of(),
                       note=t("karta.ui.uso_list.police_assessment_history", lang(), year=list_year()))
