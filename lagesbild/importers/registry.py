"""The import types the Data page offers and the seed uses: one parser per type, so a file
goes through the same code whether it is uploaded or shipped with the app."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lagesbild.importers import bra, kolada, ntu, partner, polisen, scb, text_sourced, uso_layer
from lagesbild.importers.base import ParsedImport


@dataclass(frozen=True)
class ImporterSpec:
    kind: str
    label_sv: str
    label_en: str
    suffixes: tuple[str, ...]
    parse: Callable[..., ParsedImport]
    help_sv: str
    help_en: str

    def label(self, lang: str = "sv") -> str:
        return self.label_en if lang == "en" else self.label_sv

    def help(self, lang: str = "sv") -> str:
        return self.help_en if lang == "en" else self.help_sv


IMPORTERS: tuple[ImporterSpec, ...] = (
    ImporterSpec("bra", "Brå – anmälda brott", "Brå – reported offences", ("csv", "txt"), bra.parse,
                 "Brå:s SOL-export (”textfil”, ISO-8859-1, semikolon) eller den städade CSV-filen kommun;period;key;count;per100k;preliminary. "
                 "I den städade filen läses även jämförelsekommunerna i kommunfilens [peers] in.",
                 "Brå's SOL export (\"textfil\", ISO-8859-1, semicolon) or the tidy CSV kommun;period;key;count;per100k;preliminary. "
                 "From the tidy file the comparison kommuner in the kommun file's [peers] are read too."),
    ImporterSpec("kolada", "Kolada – nyckeltal", "Kolada – KPIs", ("json", "csv", "xlsx"), kolada.parse,
                 "Svar från Koladas API v3 (JSON) eller en CSV med kolumnerna kpi, municipality, period, gender, value. KPI:n måste finnas i indikatorregistret.",
                 "A Kolada API v3 response (JSON) or a CSV with kpi, municipality, period, gender, value. The KPI must be in the indicator registry."),
    ImporterSpec("polisen", "Polisen – publicerade händelser", "Police – published events", ("json",), polisen.parse,
                 "JSON från polisen.se/api/events (en lista med händelser). Pressnotiser, inte brottsstatistik.",
                 "JSON from polisen.se/api/events (a list of events). Press notices, not crime statistics."),
    ImporterSpec("scb", "SCB – folkmängd per DeSO/RegSO", "SCB – population by DeSO/RegSO", ("csv", "xlsx"), scb.parse,
                 "CSV med deso_code/regso_code, regso_name och population (31 december). Året tas ur kolumnen år eller filnamnet.",
                 "CSV with deso_code/regso_code, regso_name and population (31 December). The year comes from a column år or the file name."),
    ImporterSpec("partner", "Parternas lokala indikatorer (mall)", "Partners' local indicators (template)", ("csv", "xlsx"), partner.parse,
                 "Mallen med kolumnerna indikator, område, period, värde, partner, kommentar. Ladda ner den nedan.",
                 "The template with indikator, område, period, värde, partner, kommentar. Download it below."),
    ImporterSpec("enkat_text", "Citerade enkätsiffror", "Quoted survey figures", ("csv",), text_sourced.parse,
                 "CSV med siffror ur publicerad text, med citat och adress per rad (som data/raw/text_sourced).",
                 "CSV of figures from published text, with quote and address per row (as data/raw/text_sourced)."),
    ImporterSpec("ntu", "Brå NTU – kommuntabell", "Brå NTU – kommun table", ("csv",), ntu.parse,
                 "Brå:s NTU-tabell per område (HELA RIKET, länet, kommunen) i procent; XX = sekretess.",
                 "Brå's NTU table by area (country, county, kommun) in per cent; XX = suppressed."),
    ImporterSpec("uso_lista", "Polisen – lista över utsatta områden", "Police – list of vulnerable areas", ("geojson", "json"),
                 uso_layer.parse,
                 "Polisens GeoJSON över utsatta områden (hela landet, SWEREF 99 TM) med listans år i filnamnet, t.ex. "
                 "utsatta_omraden_2027.geojson. Områdena i kommunen ersätter kartlagret; andelen av varje områdes yta "
                 "som ligger i dem läggs till för listans år, tidigare års listor finns kvar.",
                 "Polisen's GeoJSON of vulnerable areas (whole country, SWEREF 99 TM) with the list's year in the file name, "
                 "e.g. utsatta_omraden_2027.geojson. The areas in the kommun replace the map layer; each area's share of "
                 "its surface inside them is added for the list's year, earlier lists stay."),
)


def importer(kind: str) -> ImporterSpec:
    for spec in IMPORTERS:
        if spec.kind == kind:
            return spec
    raise KeyError(kind)
