"""Om data och metod: every source and every indicator from the registries, the privacy
rules, the method notes and how the priority areas are delimited."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild import indicator_views as iv
from lagesbild import privacy
from lagesbild.picture import Picture
from lagesbild.registry.indicators import UNITS, indicators
from lagesbild.registry.sources import sources
from lagesbild.ui import provenance, verdict_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.focus_ui import LEVELS
from lagesbild.ui.state import lang, picture


def _t(sv: str, en: str) -> str:
    return en if lang() == "en" else sv


def render() -> None:
    pic = picture()
    st.title(_t("Om data och metod", "About data and method"))
    st.markdown(_t(
        "Här beskrivs varje källa och varje indikator som lägesbilden visar, hur små tal skyddas och hur siffrorna ska läsas. "
        "Samma register styr bildtexterna under diagrammen.",
        "Every source and indicator the situation picture shows, how small numbers are protected and how to read the figures. "
        "The same registry drives the captions under the charts."))
    verdict_ui.rule_section()
    sources_section(pic)
    indicators_section(pic)
    privacy_section()
    method_section()
    priority_section()


# --- sources ------------------------------------------------------------------------------


def source_vintages(pic: Picture) -> dict[str, str]:
    """Newest "data t.o.m." per source from the import log."""
    b = pic.table("import_batches")
    if b.empty:
        return {}
    b = b[b["vintage"].notna()]
    return b.groupby("source_id")["vintage"].max().astype(str).to_dict()


def _link(url: str) -> str:
    """A registry address as a link (the registry is ours, not user input)."""
    if not url.startswith(("http://", "https://")):
        return md_escape(url) or "–"
    return f"[{md_escape(url)}]({url.replace(')', '%29').replace(' ', '%20')})"


def sources_section(pic: Picture) -> None:
    st.header(_t("Källor", "Sources"))
    vint = source_vintages(pic)
    for src in sources().values():
        with st.expander(f"{src.name} – {src.short_publisher}", icon=":material/source:"):
            dtype = src.data_type.label_en if lang() == "en" else src.data_type.label_sv
            lines = [
                f"**{_t('Utgivare', 'Publisher')}:** {md_escape(src.publisher)}",
                f"**{_t('Adress', 'Address')}:** {_link(src.url)}",
                f"**{_t('Licens', 'Licence')}:** {md_escape(src.licence)}",
                f"**{_t('Källangivelse', 'Attribution')}:** {md_escape(src.attribution)}",
                f"**{_t('Typ av uppgift', 'Data type')}:** {dtype}",
                f"**{_t('Nivå', 'Level')}:** {md_escape(src.level)}",
                f"**{_t('Uppdateras', 'Updated')}:** {_t(f'var {src.update_months}:e månad', f'every {src.update_months} months')}",
                f"**{_t('Data t.o.m. (senaste import)', 'Data up to (latest import)')}:** {vint.get(src.id, _t('Uppgift saknas', 'No data'))}",
            ]
            if src.notes:
                lines.append(f"**{_t('Att tänka på', 'Notes')}:** {md_escape(src.notes)}")
            st.markdown("  \n".join(lines))
    st.caption(_t(f"{len(sources())} källor. Hur varje fil har hämtats står under Teknisk källinformation.",
                  f"{len(sources())} sources. How each file was obtained is under Technical source information."))
    technical_sources()


def technical_sources(*, expanded: bool = False) -> None:
    """The technical provenance (repository, commit, file) of every source, one click away."""
    with st.expander(_t("Teknisk källinformation", "Technical source information"), icon=":material/code:", expanded=expanded):
        for src in sources().values():
            lines = [f"**{md_escape(src.name)}** ({md_escape(src.short_publisher)})",
                     f"{_t('Hämtad via', 'Obtained via')}: {md_escape(src.via) or '–'}"]
            lines += [f"{_t('Fil', 'File')}: `{f}`" for f in src.files]
            st.markdown("  \n".join(lines))


# --- indicators ---------------------------------------------------------------------------


def indicator_table(pic: Picture, lg: str = "sv") -> pd.DataFrame:
    rows = []
    src = sources()
    for ind in indicators().values():
        tom = iv.data_tom(pic, ind.id)
        level = LEVELS.get(ind.level, (ind.level, ind.level))[1 if lg == "en" else 0]
        rows.append({
            _t("Indikator", "Indicator"): ind.name(lg),
            _t("Definition", "Definition"): ind.definition_sv,
            _t("Typ", "Type"): ind.data_type.label_en if lg == "en" else ind.data_type.label_sv,
            _t("Enhet", "Unit"): UNITS[ind.unit][1 if lg == "en" else 0],
            _t("Nivå", "Level"): level,
            _t("Källa", "Source"): src[ind.source_id].name,
            _t("Ersättningsmått", "Proxy note"): ind.proxy or "–",
            _t("Data t.o.m.", "Data up to"): tom.text(lg) if tom else _t("Uppgift saknas", "No data"),
        })
    return pd.DataFrame(rows)


def indicators_section(pic: Picture) -> None:
    lg = lang()
    st.header(_t("Indikatorer", "Indicators"))
    st.markdown(_t("Varje indikator som lägesbilden visar, med definition, typ, enhet, nivå, "
                   "källa, ersättningsmått och hur långt data räcker.",
                   "Every indicator the situation picture shows, with definition, type, unit, level, "
                   "source, proxy note and how far the data reaches."))
    st.dataframe(indicator_table(pic, lg), hide_index=True, key="om_indikatorer")


# --- privacy and method -------------------------------------------------------------------


def privacy_section() -> None:
    n = privacy.threshold()
    st.header(_t("Skydd av små tal och enskilda", "Protecting small numbers and individuals"))
    st.markdown(_t(f"""
- **Små antal visas inte.** Ett antal mellan 1 och {n - 1} (gränsen är {n} och kan bara ändras av den som driftar appen)
  visas som **..** i tabeller, diagram, kartor och exporter. Noll visas som 0, som hos SCB, Kolada och SSB: en nolla pekar
  inte ut någon.
- **Sekundärt skydd.** Där en summa (kommunen, ett prioriterat område, totalt för båda könen, helåret) och de andra
  delarna skulle avslöja ett dolt tal döljs också det näst minsta talet, så att det dolda inte kan räknas fram.
  Skyddet prövas som en angripare skulle göra: med alla visade tal och alla summor får inget dolt tal kunna bestämmas.
- **Tal per invånare** som bygger på ett dolt antal döljs också, liksom ett tal per invånare som motsvarar färre än {n} fall.
- **Känsliga indikatorer** (t.ex. grov kvinnofridskränkning) visas bara per område, aldrig som punkter på en karta.
- **Områden, inte punkter.** Polisens händelser har bara kommunens mittpunkt; de knyts till ett område endast när
  ortnamnet står i texten och visas aldrig som punkter.
- **Inga enskilda personer.** Lägesbilden handlar om områden och utveckling, aldrig om enskilda. Brå råder samverkan att
  hålla lägesbilden på en generell nivå och inte diskutera enskilda personer.
""", f"""
- **Small counts are not shown.** A count between 1 and {n - 1} (the threshold is {n} and can only be changed by whoever runs the app)
  is shown as **..** in tables, charts, maps and exports. Zero is shown as 0, as at SCB, Kolada and SSB: a zero points at no one.
- **Secondary suppression.** Where a total (the kommun, a priority area, both sexes, the whole year) and the other parts
  would reveal a hidden number, the next-smallest number is hidden too, so the hidden one cannot be worked out.
  This is tested as an attacker would try: from all shown numbers and all totals, no hidden number may be determined.
- **Rates per inhabitants** built on a hidden count are hidden too, as is a rate that stands for fewer than {n} cases.
- **Sensitive indicators** (e.g. gross violation of a woman's integrity) are shown by area only, never as points on a map.
- **Areas, not points.** Police events only carry the kommun's centre point; they are tied to an area only when the place
  name is in the text, and never shown as points.
- **No individuals.** The picture is about areas and trends, never about individuals. Brå advises cooperation groups to
  keep the situation picture general and not to discuss individuals.
"""))
    st.caption(privacy.explanation(lang(), n))


def method_section() -> None:
    st.header(_t("Så ska siffrorna läsas", "How to read the figures"))
    st.markdown(_t("""
- **Anmälda brott är inte faktisk brottslighet.** De visar vad som anmälts: mörkertal och benägenheten att anmäla
  skiljer sig mellan brottstyper, platser och år. Narkotika- och vapenbrott speglar till stor del polisens egna insatser.
- **Publicerade händelser är inte statistik.** Polisens händelser är pressnotiser, ett urval. De räknas aldrig om till
  brott per invånare.
- **Ersättningsmått** står utskrivna vid siffran: t.ex. är Brå:s ”narkotika + vapen” en sammanslagen kategori, och
  ”brott mot person” är inte våld i nära relationer.
- **Nivå.** Brå:s statistik finns bara för hela kommunen; uppgifter per område kommer från SCB och parterna.
- **Tal per invånare** räknas bara för antal där folkmängden för samma område och år finns (per 100 000 för kommunen,
  per 1 000 för mindre områden), och aldrig där källan redan ger sitt eget tal.
- **Samma period året före** jämförs: ett kvartal med samma kvartal året innan, ett år med året innan.
- **Preliminära uppgifter** är markerade (streckad linje, ofyllda punkter, ”preliminär”) och kan ändras.
- **Inaktuella uppgifter** får en varning när senaste värdet är äldre än källans uppdateringscykel plus den vanliga
  publiceringstiden (6 månader för årsstatistik, 3 för kvartal, 1 för månad).
- **Uppgift saknas** betyder att det inte finns någon siffra: ingen siffra hittas på.
""", """
- **Reported offences are not actual crime.** They show what was reported: hidden crime and the propensity to report
  differ between offence types, places and years. Drug and weapons offences largely mirror police activity.
- **Published events are not statistics.** Polisen's events are press notices, a selection. They are never turned into
  crime rates.
- **Proxy measures** are named next to the figure: e.g. Brå's "drugs + weapons" is one combined category, and
  "offences against the person" is not domestic violence.
- **Level.** Brå's statistics exist for the whole kommun only; figures per area come from SCB and the partners.
- **Rates per inhabitants** are computed only for counts where the population of the same area and year exists (per
  100,000 for the kommun, per 1,000 for smaller areas), and never where the source gives its own rate.
- **The same period a year earlier** is compared: a quarter with the same quarter a year before, a year with the year before.
- **Preliminary figures** are marked (dashed line, open markers, "preliminary") and may change.
- **Out-of-date figures** get a warning when the latest value is older than the source's update cycle plus the usual
  publishing lag (6 months for annual statistics, 3 for quarterly, 1 for monthly).
- **No data** means there is no figure: no figure is ever made up.
"""))


def priority_section() -> None:
    st.header(_t("De prioriterade områdena", "The priority areas"))
    try:
        from lagesbild.geo.delimitation import delimitation_table

        table = delimitation_table(lang())
    except Exception:  # geo data missing: fall back to the plain file
        table = _plain_priority_table()
    if table.empty:
        st.info(_t("Inga prioriterade områden är avgränsade ännu.", "No priority areas are delimited yet."))
        return
    st.markdown(_t("Områdena sätts samman av SCB:s RegSO. Avgränsningarna är förslag tills parterna bekräftat dem.",
                   "The areas are made of SCB's RegSO. The delimitations are proposals until the partners confirm them."))
    st.dataframe(table, hide_index=True, key="om_prioriterade")
    provenance.caption(["scb_regso"], "2025-12-31", note=_t("yta ur SCB:s förenklade gränser", "area from SCB's simplified boundaries"))


def _plain_priority_table() -> pd.DataFrame:
    import tomllib

    from lagesbild.config import load_kommun

    try:
        with open(load_kommun().path("priority_areas"), "rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, KeyError):
        return pd.DataFrame()
    return pd.DataFrame([{_t("Område", "Area"): a.get("name"), "Status": a.get("status", ""),
                          _t("Består av", "Made of"): ", ".join(a.get("codes", [])),
                          _t("Så avgränsas det", "How it is delimited"): a.get("note", "")} for a in raw.get("area", [])])
