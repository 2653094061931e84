"""The method of the reform follow-up: status criteria and the rules for changes.

Plain text (Markdown) in Swedish and English, shown on the Reformer page and reusable in
exports. Kept next to the code so the rules and the validation cannot drift apart: the
rules "date, motivation, source link" are enforced by `store.reforms.validate_update`.
"""
from __future__ import annotations

from lagesbild.domain import STATUS_INFO, ReformStatus, StatusKind
from lagesbild.i18n import t

CRITERIA_SV = {
    ReformStatus.EJ_BEDOMD: "Ingen bedömning är registrerad. Vi vet inte hur långt reformen har kommit och gissar inte.",
    ReformStatus.EJ_PABORJAD: "Inget beslut, uppdrag eller annan åtgärd för att genomföra reformen har kunnat beläggas.",
    ReformStatus.PABORJAD: "Ett första konkret och dokumenterat steg är taget, t.ex. ett uppdrag, en utredning eller ett budgetbeslut.",
    ReformStatus.PAGAENDE: "Genomförandet är igång enligt plan: åtgärden införs, medel betalas ut eller verksamheten byggs upp.",
    ReformStatus.FORSENAD: "Genomförandet har stannat, ligger efter en känd tidsplan eller riskerar att inte bli klart före mandatperiodens slut.",
    ReformStatus.GENOMFORD: "Reformen är genomförd så som avtalet beskriver den, med alla delar på plats. Det är utfallet som räknas, inte beslutet.",
    ReformStatus.DELVIS_GENOMFORD: "Minst en del av reformen är genomförd, men inte alla, vid mandatperiodens slut.",
    ReformStatus.EJ_GENOMFORD: "Ingen del är genomförd vid mandatperiodens slut, eller reformen har uttryckligen avbrutits.",
}
CRITERIA_EN = {
    ReformStatus.EJ_BEDOMD: "No assessment has been recorded. We do not know how far the reform has come, and do not guess.",
    ReformStatus.EJ_PABORJAD: "No decision, assignment or other step to carry out the reform can be shown.",
    ReformStatus.PABORJAD: "A first concrete, documented step has been taken, e.g. an assignment, an inquiry or a budget decision.",
    ReformStatus.PAGAENDE: "Implementation is under way as planned: the measure is being introduced, money paid out or the service built up.",
    ReformStatus.FORSENAD: "Implementation has stalled, is behind a known schedule or risks not being finished before the end of the term.",
    ReformStatus.GENOMFORD: "The reform is carried out as the agreement describes it, with every part in place. The outcome counts, not the decision.",
    ReformStatus.DELVIS_GENOMFORD: "At least one part of the reform is carried out, but not all, at the end of the term.",
    ReformStatus.EJ_GENOMFORD: "No part is carried out at the end of the term, or the reform has been explicitly abandoned.",
}

INTRO_SV = (
    "Statusarna är av två slag som hålls isär. **Framstegsstatus** beskriver var arbetet står under mandatperioden. "
    "**Slutbedömning** är ett omdöme om utfallet, normalt vid mandatperiodens slut eller tidigare när en reform är helt "
    "genomförd. **Ej bedömd** betyder att ingen bedömning finns."
)
INTRO_EN = (
    "The statuses are of two kinds, kept apart. A **progress state** says where the work stands during the term. "
    "A **verdict** judges the outcome, normally at the end of the term, or earlier when a reform is fully carried out. "
    "**Not assessed** means there is no assessment."
)

PARTS_SV = """**Reformer med flera delar.** Några reformer räknar upp flera delar, t.ex. reform 9 (gratis mensskydd i
kommunens *skolor*, *idrottshallar* och *på fritidsgårdar*), reform 7 (*grundskolan* och *gymnasiet*) och reform 11
(i samarbete med *civilsamhället* och *näringslivet*). Delarna tas ur avtalets ordalydelse.

- **Genomförd** först när *alla* delar är genomförda.
- **Delvis genomförd** när minst en del men inte alla är genomförda vid mandatperiodens slut.
- Under perioden gäller framstegsstatus; **framsteg i procent = andelen delar som är klara** (1 av 3 delar = 33 %).
  Motiveringen ska säga vilka delar som är klara, t.ex. ”Skolor: klart. Idrottshallar: pågår. Fritidsgårdar: ej påbörjat.”
"""
PARTS_EN = """**Reforms with several parts.** Some reforms list several parts, e.g. reform 9 (free menstrual products in the
municipality's *schools*, *sports halls* and *youth centres*), reform 7 (*compulsory* and *upper-secondary school*)
and reform 11 (together with *civil society* and *business*). The parts are taken from the agreement's wording.

- **Done** only when *all* parts are done.
- **Partly done** when at least one part but not all are done at the end of the term.
- During the term a progress state applies; **progress in per cent = the share of parts done** (1 of 3 parts = 33 %).
  The motivation says which parts are done, e.g. "Schools: done. Sports halls: under way. Youth centres: not started."
"""

RULES_SV = """**Regler för varje ändring**

- Varje ny bedömning kräver **datum**, **motivering** och en **källänk** (protokoll, beslut, rapport eller
  webbsida som styrker bedömningen) samt vem som har bedömt.
- **Historiken skrivs aldrig över.** En ändring läggs till som en ny bedömning; de tidigare finns kvar med
  datum, motivering och källa.
- **Utfall, inte avsikter.** Ett beslut om att utreda eller ett budgetbeslut gör en reform Påbörjad, inte Genomförd.
- **Bedömningar kan ändras åt båda hållen** när nya uppgifter kommer, t.ex. från Pågående till Försenad.
- Om två personer uppdaterar samma reform samtidigt sparas den första; den andra får ett meddelande, ser den nya
  bedömningen och kan spara igen. Ingen bedömning går förlorad.
"""
RULES_EN = """**Rules for every change**

- Every new assessment needs a **date**, a **motivation** and a **source link** (minutes, decision, report or web
  page that supports it), and who made it.
- **History is never overwritten.** A change is added as a new assessment; the earlier ones remain with their date,
  motivation and source.
- **Outcomes, not intentions.** A decision to investigate or a budget decision makes a reform Started, not Done.
- **Ratings can move both ways** as new information comes in, e.g. from In progress to Delayed.
- If two people update the same reform at the same time, the first is saved; the second gets a message, sees the new
  assessment and can save again. No assessment is lost.
"""


def criteria_markdown(lang: str = "sv", *, icons: bool = True) -> str:
    """The statuses grouped by kind (progress states apart from verdicts), each with its criterion.
    `icons=False` uses the plain-text symbols (for PDF/PPTX where Material icons are unavailable)."""
    en = lang == "en"
    criteria = CRITERIA_EN if en else CRITERIA_SV
    heads = {
        StatusKind.PROGRESS: t("reform_method.kind.progress", lang),
        StatusKind.VERDICT: t("reform_method.kind.verdict", lang),
        StatusKind.UNKNOWN: t("reform_method.kind.unknown", lang),
    }
    out = [INTRO_EN if en else INTRO_SV, ""]
    for kind in (StatusKind.PROGRESS, StatusKind.VERDICT, StatusKind.UNKNOWN):
        out.append(f"**{heads[kind]}**")
        out.append("")
        for status, info in sorted(STATUS_INFO.items(), key=lambda kv: kv[1].order):
            if info.kind == kind:
                label = info.label_en if en else info.label_sv
                mark = f":material/{info.icon}:" if icons else info.symbol
                out.append(f"- {mark} **{label}** – {criteria[status]}")
        out.append("")
    return "\n".join(out)


def method_markdown(lang: str = "sv", *, icons: bool = True) -> str:
    en = lang == "en"
    return "\n\n".join([criteria_markdown(lang, icons=icons), PARTS_EN if en else PARTS_SV, RULES_EN if en else RULES_SV])
