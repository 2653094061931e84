"""The page registry: one list drives navigation (app.py), the page smoke tests and the
Mötesläge agenda (a saved view names a page by its slug)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    slug: str  # URL path and agenda key
    path: str  # file under pages/, relative to the project root
    title_sv: str
    title_en: str
    section_sv: str
    section_en: str
    icon: str  # Material icon name
    default: bool = False
    in_agenda: bool = True  # can be a saved view in a meeting agenda
    permission: str | None = None  # lagesbild.ui.auth.may(permission) decides who sees it; None: everyone

    def title(self, lang: str = "sv") -> str:
        return self.title_en if lang == "en" else self.title_sv

    def section(self, lang: str = "sv") -> str:
        return self.section_en if lang == "en" else self.section_sv


_LAGE = ("Lägesbild", "Situation picture")
_REF = ("Uppföljning", "Follow-up")
_MOTE = ("Möten", "Meetings")
_OM = ("Data och metod", "Data and method")

PAGES: tuple[PageSpec, ...] = (
    PageSpec("oversikt", "pages/oversikt.py", "Översikt", "Overview", *_LAGE, "dashboard", default=True),
    PageSpec("fokusomraden", "pages/fokusomraden.py", "Fokusområden", "Focus areas", *_LAGE, "target"),
    PageSpec("karta", "pages/karta.py", "Karta", "Map", *_LAGE, "map"),
    PageSpec("omraden", "pages/omraden.py", "Områden", "Areas", *_LAGE, "location_city"),
    # The lägesbild as lag 2023:196 asks for it, for a year (?ar=2025), as DOCX and PDF. Not an
    # agenda item: it is the whole picture, not a view of it.
    PageSpec("lagesbildsdokument", "pages/lagesbildsdokument.py", "Lägesbildsdokument", "Situation picture document",
             *_LAGE, "description", in_agenda=False),
    PageSpec("reformer", "pages/reformer.py", "Reformer", "Reforms", *_REF, "checklist"),
    # The åtgärdsplan (lag 2023:196): filters ?ap_fokus, ?ap_omr, ?ap_part, ?ap_status; one åtgärd ?atgard=id.
    # Not yet an agenda item: the plan is read from the store, not a meeting's snapshot, and the
    # meeting pack has no view of it (lagesbild.agenda.build).
    PageSpec("atgardsplan", "pages/atgardsplan.py", "Åtgärdsplan", "Action plan", *_REF, "task_alt", in_agenda=False),
    # Partners' place observations (EST): the reporters' form, the weekly picture and the districts by month.
    PageSpec("iakttagelser", "pages/iakttagelser.py", "Iakttagelser", "Observations", *_REF, "visibility", in_agenda=False),
    # In an agenda as ?vy=sedan|atgarder|beslut (Sedan förra mötet, åtgärder, beslut).
    PageSpec("mote", "pages/mote.py", "Mötesläge", "Meeting mode", *_MOTE, "co_present"),
    PageSpec("data", "pages/data.py", "Data", "Data", *_OM, "database"),
    PageSpec("om", "pages/om.py", "Om data och metod", "About data and method", *_OM, "info"),
    # Imports, roles, the editing switch and the sources' technical detail: never shown to readers.
    PageSpec("administration", "pages/administration.py", "Administration", "Administration", *_OM, "admin_panel_settings",
             in_agenda=False, permission="data.import"),
    PageSpec("tillganglighet", "pages/tillganglighet.py", "Tillgänglighetsredogörelse", "Accessibility statement", *_OM, "accessibility_new", in_agenda=False),
)


def page(slug: str) -> PageSpec:
    for spec in PAGES:
        if spec.slug == slug:
            return spec
    raise KeyError(slug)


def sections(lang: str = "sv", may=lambda permission: True) -> dict[str, list[PageSpec]]:
    """The navigation: the pages this user may see (`may` answers for a page's permission)."""
    out: dict[str, list[PageSpec]] = {}
    for spec in PAGES:
        if spec.permission is None or may(spec.permission):
            out.setdefault(spec.section(lang), []).append(spec)
    return out
