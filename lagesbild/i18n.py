"""UI strings, Swedish first, English second. One table so a missing translation is a test
failure, not a surprise on screen."""
from __future__ import annotations

LANGS = ("sv", "en")

STRINGS: dict[str, tuple[str, str]] = {
    "app.title": ("Lägesbild {kommun}", "Situation picture {kommun}"),  # the name from the kommun file
    "app.tagline": (
        "Gemensam lägesbild för samverkan om trygghet och uppföljning av de 17 reformerna.",
        "Shared situation picture for safety cooperation and follow-up of the 17 reforms.",
    ),
    "header.as_of": ("Lägesbild per", "Situation as of"),
    "header.data_tom": ("data t.o.m.", "data up to"),
    # Counts of Polisen's published notices of chosen types (lagesbild.notice_counts)
    "notice.partial": ("delår", "part year"),
    "om.break": ("Brott i serien", "Break in the series"),
    "notice.not_comparable": ("ej jämförbart", "not comparable"),
    "notice.col.year": ("År", "Year"),
    "notice.col.count": ("Publicerade notiser", "Published notices"),
    "notice.total": ("Totalt sedan {first}", "Total since {first}"),
    "notice.summary": ("{total} sedan {first}", "{total} since {first}"),
    "notice.hidden_years": ("{years}: dolda (..) för att skydda små tal", "{years}: hidden (..) to protect small numbers"),
    "notice.rule": (
        "Antal pressnotiser per år för hela kommunen, aldrig per invånare och inte per område: per område är nästan "
        "varje sådant tal under gränsen för små tal. Notiserna är ett urval, inte statistik, och ger därför inget omdöme "
        "bättre eller sämre.",
        "Number of press notices per year for the whole kommun, never per inhabitant and not per area: per area almost "
        "every such number is below the small-number limit. The notices are a selection, not statistics, so they give "
        "no better-or-worse verdict.",
    ),
    # Administration: a partner's new indicator (lagesbild.ui.indicator_admin_ui)
    "indadm.title": ("Ny indikator för parternas egna uppgifter", "New indicator for the partners' own figures"),
    "indadm.intro": (
        "Registrera en ny indikator som en part rapporterar per område och period. Den kommer sedan med i partnermallen, "
        "och när värden har lästs in visas de på områdenas sidor, på kartan, under fokusområdena, i Läget i korthet och i "
        "mötesunderlaget – med parten som källa och samma skydd för små tal. En indikator kan inte tas bort.",
        "Register a new indicator that a partner reports per area and period. It is then in the partner template, and once "
        "values are loaded they are shown on the area pages, on the map, under the focus areas, in the verdict blocks and "
        "in the meeting pack – with the partner as source and the same small-number protection. An indicator cannot be "
        "removed.",
    ),
    "indadm.required": ("Fält markerade med * måste fyllas i.", "Fields marked * are required."),
    "indadm.name_sv": ("Namn (svenska)", "Name (Swedish)"),
    "indadm.name_en": ("Namn (engelska)", "Name (English)"),
    "indadm.definition": ("Definition", "Definition"),
    "indadm.definition_help": (
        "Vad som räknas, hur och av vem, t.ex. ”Antal ärenden om skadegörelse i trapphus, registrerade i felanmälan”.",
        "What is counted, how and by whom, e.g. \u201cNumber of vandalism cases in stairwells, registered as fault reports\u201d.",
    ),
    "indadm.unit": ("Enhet", "Unit"),
    "indadm.direction": ("Önskad riktning", "Desirable direction"),
    "indadm.direction_help": (
        "Styr ordet i Läget i korthet: bättre eller sämre ges bara när riktningen är angiven.",
        "Drives the word in the verdict blocks: better or worse only when the direction is stated.",
    ),
    "indadm.dir.lower": ("Lägre är bättre", "Lower is better"),
    "indadm.dir.higher": ("Högre är bättre", "Higher is better"),
    "indadm.dir.neutral": ("Ingen riktning (inget omdöme)", "No direction (no verdict)"),
    "indadm.level": ("Nivå", "Level"),
    "indadm.level_help": (
        "Den indelning värdena lämnas i. En serie finns bara i en indelning (tillsammans med hela kommunen), så att "
        "skyddade små tal inte kan räknas fram ur två indelningar som inte passar i varandra.",
        "The partition the values come in. A series lives on one partition only (with the whole kommun), so protected "
        "small numbers cannot be worked out from two partitions that do not nest.",
    ),
    "indadm.level.regso": ("RegSO (och prioriterade områden)", "RegSO (and priority areas)"),
    "indadm.level.valdistrikt": ("Valdistrikt", "Election district"),
    "indadm.level.prioriterat": ("Prioriterade områden", "Priority areas"),
    "indadm.level.kommun": ("Hela kommunen", "The whole kommun"),
    "indadm.periodicity": ("Periodicitet", "Periodicity"),
    "indadm.per.manad": ("Månad", "Month"),
    "indadm.per.kvartal": ("Kvartal", "Quarter"),
    "indadm.per.ar": ("År", "Year"),
    "indadm.focus": ("Fokusområden", "Focus areas"),
    "indadm.choose": ("Välj ett eller flera", "Choose one or more"),
    "indadm.partner": ("Rapporteras av", "Reported by"),
    "indadm.partner_several": ("Flera parter", "Several partners"),
    "indadm.submit": ("Registrera indikatorn", "Register the indicator"),
    "indadm.done": ("Indikatorn ”{name}” är registrerad och finns nu i partnermallen.",
                    "The indicator \u201c{name}\u201d is registered and is now in the partner template."),
    "indadm.registered": ("Registrerade i appen", "Registered in the app"),
    "indadm.col.name": ("Namn", "Name"),
    "indadm.col.unit": ("Enhet", "Unit"),
    "indadm.col.direction": ("Riktning", "Direction"),
    "indadm.col.level": ("Nivå", "Level"),
    "indadm.col.by": ("Registrerad av", "Registered by"),
    # Fokusområden: an indicator's level and a value's sex
    "focus.level.kommun": ("hela kommunen", "the whole kommun"),
    "focus.level.lokalpolisomrade": ("lokalpolisområde {area} (ungefär kommunen)", "local police area {area} (roughly the kommun)"),
    "focus.level.regso": ("område (RegSO)", "district (RegSO)"),
    "focus.level.deso": ("område (DeSO)", "district (DeSO)"),
    "focus.level.valdistrikt": ("valdistrikt", "election district"),
    "focus.level.prioriterat": ("prioriterat område", "priority area"),
    "focus.level.kommundel": ("kommundel", "part of the kommun"),
    "focus.level.omrade": ("område", "area"),
    "focus.gender.T": ("totalt", "total"),
    "focus.gender.K": ("kvinnor/flickor", "women/girls"),
    "focus.gender.M": ("män/pojkar", "men/boys"),
    # Utsatta områden over time (lagesbild.geo.uso_overview)
    "uso.title": ("Polisens utsatta områden i kommunen", "The Police's vulnerable areas in the kommun"),
    "uso.col.year": ("År", "Year"),
    "uso.confidence": ("säkerhet", "confidence"),
    "uso.confidence.låg": ("låg", "low"),
    "uso.confidence.medel": ("medel", "medium"),
    "uso.confidence.hög": ("hög", "high"),
    "uso.brief": ("Polisens utsatta områden {year}: {areas} (källa: Polisen).",
                  "The Police's vulnerable areas {year}: {areas} (source: Polisen)."),
    "uso.summary": (
        "Polisens lista {year}: {areas}. Listan bygger på Polisens bedömning av kriminella nätverks påverkan i "
        "lokalsamhället; en klassning, inte ett brottsmått.",
        "The Police's list {year}: {areas}. The list rests on the Police's assessment of criminal networks' influence "
        "on the local community; a classification, not a crime measure.",
    ),
    "uso.note": (
        "Bara listan 2025 finns som officiell fil; tidigare år bygger på citerade texter, med säkerheten angiven per cell. "
        "”–” betyder att området inte fanns på årets lista.",
        "Only the 2025 list exists as an official file; earlier years rest on quoted texts, with the confidence per cell. "
        "\u201c–\u201d means the area was not on that year's list.",
    ),
    # Reformer (the 17 reforms: list, charts, one page per reform, update form, bulk round trip)
    "reform.title": ("Reformer", "Reforms"),
    "reform.intro": (
        "De 17 reformerna i avtalet mellan Vänsterpartiet och Mittenstyret (mandatperioden 2022–2026). "
        "Status registreras av utsedda redaktörer med datum, motivering och källa. En reform utan registrerad "
        "bedömning visas som ”Ej bedömd”: vi vet inte, och gissar inte.",
        "The 17 reforms of the agreement between the Left Party and the Mittenstyre (term 2022–2026). "
        "Statuses are recorded by designated editors with date, motivation and source. A reform without a recorded "
        "assessment is shown as \u201cNot assessed\u201d: we do not know, and do not guess.",
    ),
    "reform.choose": ("Öppna en reform", "Open a reform"),
    "reform.choose_placeholder": ("Välj en reform …", "Choose a reform …"),
    "reform.back": ("Alla reformer", "All reforms"),
    "reform.filter.status": ("Status", "Status"),
    "reform.filter.theme": ("Tema", "Theme"),
    "reform.filter.responsible": ("Ansvarig", "Responsible"),
    "reform.filter.focus": ("Fokusområde", "Focus area"),
    "reform.filter.search": ("Sök i titel och motivering", "Search title and motivation"),
    "reform.filter.all": ("Alla", "All"),
    "reform.shown": ("{n} av {total} reformer visas", "{n} of {total} reforms shown"),
    "reform.none_shown": ("Ingen reform motsvarar filtren.", "No reform matches the filters."),
    "reform.col.number": ("Nr", "No."),
    "reform.col.reform": ("Reform", "Reform"),
    "reform.col.theme": ("Tema", "Theme"),
    "reform.col.responsible": ("Ansvarig", "Responsible"),
    "reform.col.status": ("Status", "Status"),
    "reform.col.progress": ("Framsteg", "Progress"),
    "reform.col.date": ("Senast bedömd", "Last assessed"),
    "reform.chart.distribution": ("Status just nu", "Status now"),
    "reform.chart.progress": ("Utveckling över tid", "Development over time"),
    "reform.sv_title": ("Avtalets lydelse", "The agreement's wording (Swedish, verbatim)"),
    "reform.history": ("Historik", "History"),
    "reform.no_history": (
        "Ingen bedömning är registrerad. Status: Ej bedömd.",
        "No assessment has been recorded. Status: Not assessed.",
    ),
    "reform.assessed_by": ("bedömd av", "assessed by"),
    "reform.source_link": ("Källa", "Source"),
    "reform.evidence": ("Underlag", "Evidence"),
    "reform.no_evidence": ("Inga källänkar ännu.", "No source links yet."),
    "reform.focus": ("Kopplade fokusområden", "Linked focus areas"),
    "reform.no_focus": (
        "Reformen har ingen motiverad koppling till fokusområdena i samverkansöverenskommelsen.",
        "The reform has no reasoned link to the focus areas of the cooperation agreement.",
    ),
    "reform.districts": ("Kopplade områden", "Linked districts"),
    "reform.no_districts": ("Avtalet anger inga områden för denna reform.", "The agreement names no districts for this reform."),
    "reform.strength.direkt": ("direkt koppling", "direct link"),
    "reform.strength.indirekt": ("indirekt koppling", "indirect link"),
    "reform.method": ("Metod och statuskriterier", "Method and status criteria"),
    "reform.form.title": ("Registrera en ny bedömning", "Record a new assessment"),
    "reform.form.status": ("Status", "Status"),
    "reform.form.status_placeholder": ("Välj status …", "Choose a status …"),
    "reform.form.date": ("Datum för bedömningen", "Date of the assessment"),
    "reform.form.progress": ("Framsteg i procent (valfritt)", "Progress in per cent (optional)"),
    "reform.form.motivation": ("Motivering", "Motivation"),
    "reform.form.source": ("Källänk (http:// eller https://)", "Source link (http:// or https://)"),
    "reform.form.author": ("Bedömd av", "Assessed by"),
    "reform.form.submit": ("Spara bedömningen", "Save the assessment"),
    "reform.form.interrupted": ("Sparandet avbröts innan bedömningen hann sparas. Din text finns kvar i formuläret: spara igen.",
                                "Saving was interrupted before the assessment was stored. Your text is still in the form: save again."),
    "reform.form.required": ("Fält markerade med * måste fyllas i.", "Fields marked * are required."),
    "reform.form.saved": ("Bedömningen är sparad. Den tidigare historiken finns kvar.", "The assessment is saved. The earlier history is kept."),
    "reform.form.newer": ("Bedömning som någon annan sparade efter att du öppnade sidan", "Assessment someone else saved after you opened the page"),
    "reform.form.frozen": (
        "Ett fryst mötesläge visas: bedömningar kan inte registreras här.",
        "A frozen meeting view is shown: assessments cannot be recorded here.",
    ),
    "reform.bulk": ("Massuppdatering (CSV/Excel)", "Bulk update (CSV/Excel)"),
    "reform.bulk.to_admin": ("Ladda upp den ändrade filen på sidan Administration", "Upload the edited file on the Administration page"),
    "reform.bulk.csv": ("Ladda ner CSV", "Download CSV"),
    "reform.bulk.xlsx": ("Ladda ner Excel (XLSX)", "Download Excel (XLSX)"),
    "reform.bulk.upload": ("Ladda upp den ifyllda filen (.csv eller .xlsx)", "Upload the edited file (.csv or .xlsx)"),
    "reform.bulk.apply": ("Genomför ändringarna", "Apply the changes"),
    "reform.bulk.preview": ("Förhandsvisning: nya bedömningar", "Preview: new assessments"),
    "reform.bulk.nothing": ("Filen ändrar ingenting: alla rader är som de senaste bedömningarna.", "The file changes nothing: every row matches the latest assessments."),
    "lang.label": ("Språk / Language", "Språk / Language"),
    "demo.toggle": ("Visa exempeldata", "Show example data"),
    "demo.help": (
        "Påhittade uppgifter för utbildning och presentation. Lagras skilt från verkliga data.",
        "Made-up figures for training and presentations. Stored apart from real data.",
    ),
    "demo.banner": (
        "EXEMPELDATA – påhittade uppgifter för utbildning. Inte verkliga siffror.",
        "EXAMPLE DATA – made-up figures for training. Not real figures.",
    ),
    "footer.sources": ("Källor", "Sources"),
    "footer.more": ("Mer om varje källa på sidan Om data och metod.", "More on each source on the About data page."),
    "table.show": ("Visa som tabell", "Show as table"),
    "common.source": ("Källa", "Source"),
    "common.type": ("Typ", "Type"),
    "common.data_tom": ("Data t.o.m.", "Data up to"),
    "common.missing": ("Uppgift saknas", "No data"),
    "common.not_assessed": ("Ej bedömd", "Not assessed"),
    "placeholder.planned": ("Här kommer", "Coming here"),
    # Karta and Områden (district maps and profiles)
    "karta.title": ("Karta", "Map"),
    "karta.intro": (
        "Kommunens områden ({layer}) med de prioriterade områdena markerade. Välj vad kartan ska visa; "
        "klicka på ett område för dess profil. Kartan fungerar utan internet.",
        "The municipality's districts ({layer}) with the priority areas highlighted. Choose what the map "
        "shows; click an area for its profile. The map works without internet.",
    ),
    "karta.intro_no_priority": (
        "Kommunens områden ({layer}). Välj vad kartan ska visa; klicka på ett område för dess profil. Kartan fungerar "
        "utan internet.",
        "The municipality's districts ({layer}). Choose what the map shows; click an area for its profile. The map works "
        "without internet.",
    ),
    "karta.no_measures": (
        "Inget mått per område finns ännu: kartan visar kommunens områden. Befolkning (SCB), Polisens händelser eller "
        "parternas egna uppgifter per område läses in på sidan Administration.",
        "No measure by area exists yet: the map shows the kommun's districts. Population (SCB), Polisen's notices or the "
        "partners' own figures by area are imported on the Administration page.",
    ),
    "karta.measure": ("Visa", "Show"),
    "karta.period": ("Period", "Period"),
    "karta.profiles": ("Öppna en områdesprofil", "Open an area profile"),
    "karta.delimitation": ("Så avgränsas de prioriterade områdena", "How the priority areas are delimited"),
    "karta.uso": ("Utsatta områden enligt Polisen", "Vulnerable areas according to the Police"),
    "omr.title": ("Områden", "Areas"),
    "omr.choose": ("Område", "Area"),
    "omr.placeholder": ("Välj ett område …", "Choose an area …"),
    "omr.intro": (
        "En profil per område: folkmängd, nyckeltal jämfört med hela kommunen, Polisens klassning, publicerade "
        "händelser, aktiviteter och reformer. Adressen anger området, så en profil kan delas som länk.",
        "A profile per area: population, key figures against the whole municipality, the Police classification, "
        "published events, activities and reforms. The address names the area, so a profile can be shared as a link.",
    ),
    "omr.population": ("Folkmängd", "Population"),
    "omr.area": ("Total yta", "Total area"),
    "omr.density": ("Invånare per km²", "Inhabitants per km²"),
    "omr.share": ("Andel av kommunen", "Share of municipality"),
    "omr.indicators": ("Nyckeltal jämfört med hela kommunen", "Key figures against the whole municipality"),
    "omr.no_area_level": ("Uppgift saknas på områdesnivå", "No data at district level"),
    "omr.uso": ("Utsatt område (Polisen)", "Vulnerable area (Police)"),
    "omr.uso_history": ("Polisens klassning över tid", "Police classification over time"),
    "omr.events": ("Publicerade polishändelser som nämner området", "Published police events naming the area"),
    "omr.activities": ("Aktiviteter i området", "Activities in the area"),
    "omr.no_activities": ("Inga registrerade aktiviteter", "No registered activities"),
    "omr.reforms": ("Reformer som rör området", "Reforms concerning the area"),
    "omr.no_reforms": (
        "Inga reformer är kopplade till området. Avtalet nämner inget område.",
        "No reforms are linked to the area. The agreement names no area.",
    ),
    "omr.delimitation": ("Så avgränsas området", "How the area is delimited"),
    "omr.map": ("Karta över området", "Map of the area"),
    "omr.unknown": ("Okänt område i adressen", "Unknown area in the address"),
    # Fokusområden: the kommun against its comparison kommuner (lagesbild.peers)
    "focus.older": ("Äldre serier ({n})", "Older series ({n})"),
    "focus.older_note": ("Uppgifterna nedan är äldre än källans vanliga uppdateringscykel; senaste värde och period står vid "
                         "varje mått.", "The figures below are older than the source's usual update cycle; the newest value "
                         "and period are given for each measure."),
    # Läget i korthet (lagesbild.verdict): the words and the rule
    "verdict.title": ("Läget i korthet", "The situation in brief"),
    "verdict.time.battre": ("bättre", "better"),
    "verdict.time.samre": ("sämre", "worse"),
    "verdict.time.oforandrat": ("oförändrat", "unchanged"),
    "verdict.time.kan_inte": ("kan inte bedömas", "cannot be judged"),
    "verdict.place.hogre": ("högre än kommunen", "higher than the kommun"),
    "verdict.place.lagre": ("lägre än kommunen", "lower than the kommun"),
    "verdict.place.i_niva": ("i nivå med kommunen", "in line with the kommun"),
    "verdict.reading.battre": ("bättre", "better"),
    "verdict.reading.samre": ("sämre", "worse"),
    "verdict.kommun": ("kommunen", "kommun"),
    "verdict.area_summary": ("**sämre än kommunen** på {worse} av {n} mått ({names}), **bättre** på {better}",
                             "**worse than the kommun** on {worse} of {n} measures ({names}), **better** on {better}"),
    "verdict.priority_areas": ("Prioriterade områden jämfört med kommunen:", "Priority areas compared with the kommun:"),
    "verdict.rule_title": ("Så bedöms läget", "How the situation is judged"),
    "verdict.rule_text": (
        "Varje sida börjar med **Läget i korthet**: de mått som finns på den nivån, med det senaste värdet och dess jämförelse. "
        "Orden följer fasta regler:\n\n"
        "- **Över tid** jämförs det senaste värdet med samma period ett år tidigare (år mot år, kvartal mot samma kvartal). "
        "En förändring räknas bara om den är större än seriens normala variation: {factor} gånger medianen av de absoluta "
        "årsförändringarna under de senaste {years} åren (ungefär en standardavvikelse). Är den mindre står det "
        "**oförändrat**. Finns färre än {min_history} tidigare årsförändringar står det **kan inte bedömas** – ett ord bygger "
        "aldrig på en enda mätpunkt.\n"
        "- **Mellan platser** jämförs ett område med kommunen för samma mått och samma år: **högre** eller **lägre än "
        "kommunen** när skillnaden är mer än {margin} % av kommunens värde, annars **i nivå med kommunen**. Kommunen jämförs "
        "med jämförbara kommuner (se Fokusområden): **lägre** eller **högre än jämförbara kommuner** när värdet ligger under "
        "eller över deras mittenhalva (25:e–75:e percentilen), annars i nivå.\n"
        "- **Bättre** eller **sämre** står bara där indikatorregistret anger vilken riktning som är önskvärd (till exempel "
        "färre anmälda brott, lägre andel med låg ekonomisk standard, högre förvärvsfrekvens). Befolkning och demografi, "
        "Polisens publicerade händelser och narkotika- och vapenbrott (som speglar polisens egna insatser) får aldrig ett "
        "sådant ord.\n"
        "- Anmälda brott är inte detsamma som brottslighet, och anmälningsbenägenheten skiljer sig mellan kommuner. "
        "Ersättningsmått är markerade som sådana.",
        "Every page opens with **The situation in brief**: the measures that exist at that level, with the newest value "
        "and its comparison. The words follow fixed rules:\n\n"
        "- **Over time** the newest value is compared with the same period a year earlier. A change counts only if it is "
        "larger than the series' normal variation: {factor} times the median absolute year-on-year change over the last "
        "{years} years (about one standard deviation). Otherwise it says **unchanged**. With fewer than {min_history} "
        "earlier changes it says **cannot be judged** – a word is never built on a single point.\n"
        "- **Across places** an area is compared with the kommun for the same measure and year: **higher** or **lower than "
        "the kommun** when the difference exceeds {margin} % of the kommun's value, else **in line**. The kommun is "
        "compared with comparable kommuner (see Focus areas) by their middle half (25th–75th percentile).\n"
        "- **Better** or **worse** only where the indicator registry states the desirable direction. Population and "
        "demography, Polisen's published notices and drug and weapon offences (which reflect police activity) never get "
        "such a word.\n"
        "- Reported offences are not crime, and reporting propensity differs between kommuner. Proxies are marked as such.",
    ),
    "verdict.proxy_only": (
        "Det finns inget offentligt lokalt mått för {name} i underlaget; det som visas är ersättningsmått. Parterna kan "
        "lämna egna uppgifter per område och period med partnermallen (se Mått som parterna kan lämna nedan).",
        "There is no public local measure for {name} in the data; what is shown are proxies. The partners can supply "
        "their own figures per area and period with the partner template (see Measures the partners can supply below).",
    ),
    "focus.partner_offer": ("Mått som parterna kan lämna", "Measures the partners can supply"),
    "focus.partner_offer_text": (
        "Ingen offentlig källa visar {name} per område. Partnernas egna uppgifter, per område (RegSO, valdistrikt eller "
        "prioriterat område) och månad, kvartal eller år, visas här, på områdenas sidor, på kartan och i mötesunderlaget "
        "när de har lästs in, med parten som källa och med samma skydd för små tal. Mallen visar hur uppgifterna lämnas.",
        "No public source shows {name} per area. The partners' own figures, per area (RegSO, election district or "
        "priority area) and month, quarter or year, are shown here, on the area pages, on the map and in the meeting "
        "pack once loaded, with the partner as source and the same small-number protection. The template shows how to "
        "supply them.",
    ),
    "focus.partner_template": ("Ladda ner partnermallen (Excel)", "Download the partner template (Excel)"),
    "verdict.proxy_shared": ("samma mått som för {names}", "same measure as for {names}"),
    "verdict.proxy": ("ersättningsmått", "proxy"),
    "verdict.more": ("Fler mått, med källor och tidsserier, finns nedan.", "More measures, with sources and time series, are below."),
    "verdict.pp": ("procentenheter", "percentage points"),
    "verdict.normal": ("normal variation", "normal variation"),
    "verdict.too_few": ("för få år att känna seriens normala variation", "too few years to know the series' normal variation"),
    "verdict.rule": ("Orden följer regeln på sidan Om data och metod (Så bedöms läget).",
                     "The words follow the rule on the About data page (How the situation is judged)."),
    "verdict.none_area": (
        "Inga mått med angiven riktning finns ännu för området. Fakta om området finns nedan.",
        "No measure with a stated direction exists for the area yet. Facts about the area are below.",
    ),
    "verdict.none_focus": (
        "Det finns inget offentligt mått som visar om läget blir bättre eller sämre för fokusområdet på lokal nivå.",
        "No public measure shows whether the situation is getting better or worse for this focus area at local level.",
    ),
    "verdict.kommun_only": (
        "Känt bara för hela kommunen: anmälda brott (Brå), enkäter och Kolada – se Fokusområden.",
        "Known only for the whole kommun: reported offences (Brå), surveys and Kolada – see Focus areas.",
    ),
    "verdict.missing": ("Saknas här – kan lämnas av parterna med mallen", "Missing here – partners can supply it with the template"),
    "peers.title": ("Jämfört med liknande kommuner", "Compared with similar kommuner"),
    "peers.intro": (
        "Anmälda brott per 100 000 invånare i {kommun} och i {n} jämförbara kommuner, år för år. Bandet är "
        "jämförelsekommunernas mittenhalva (25:e–75:e percentilen); platsen räknas bland {kommun} och jämförelsekommunerna, "
        "1 = lägst.",
        "Reported offences per 100,000 inhabitants in {kommun} and {n} comparable kommuner, year by year. The band is the "
        "comparison kommuner's middle half (25th–75th percentile); the rank is among {kommun} and the comparison kommuner, "
        "1 = lowest.",
    ),
    "peers.sentence": (
        "{kommun} {period}: {value} {unit} – {rank}, {position}. Jämförelsekommunernas mittenhalva: {p25}–{p75} (median {median}).",
        "{kommun} {period}: {value} {unit} – {rank}, {position}. The comparison kommuner's middle half: {p25}–{p75} (median {median}).",
    ),
    "peers.rank": ("plats {rank} av {n} (1 = lägst)", "rank {rank} of {n} (1 = lowest)"),
    "peers.position.lagre": ("lägre än jämförbara kommuner (under mittenhalvan)", "lower than comparable kommuner (below the middle half)"),
    "peers.position.i_niva": ("i nivå med jämförbara kommuner (inom mittenhalvan)", "in line with comparable kommuner (within the middle half)"),
    "peers.position.hogre": ("högre än jämförbara kommuner (över mittenhalvan)", "higher than comparable kommuner (above the middle half)"),
    "peers.direction.lower_better": ("Lägre värde räknas som bättre för detta mått", "A lower value counts as better for this measure"),
    "peers.direction.higher_better": ("Högre värde räknas som bättre för detta mått", "A higher value counts as better for this measure"),
    "peers.reading.battre": ("{kommun} ligger bättre till än jämförbara kommuner.", "{kommun} is better placed than comparable kommuner."),
    "peers.reading.samre": ("{kommun} ligger sämre till än jämförbara kommuner.", "{kommun} is worse placed than comparable kommuner."),
    "peers.reading.i_niva": ("{kommun} ligger i nivå med jämförbara kommuner.", "{kommun} is in line with comparable kommuner."),
    "peers.reading.neutral": (
        "För detta mått anges inte om högre eller lägre är bättre, så placeringen är ingen bedömning.",
        "For this measure neither higher nor lower is deemed better, so the rank is not a judgement.",
    ),
    "peers.no_verdict": (
        "{kommun}: en jämförelse kräver ett värde för kommunen och minst {min} jämförelsekommuner med värde samma år; det finns inte.",
        "{kommun}: a comparison needs a value for the kommun and at least {min} comparison kommuner with a value the same year; there is none.",
    ),
    "peers.caveat": (
        "Anmälningsbenägenheten skiljer sig mellan kommuner, och en del brott (t.ex. narkotika- och vapenbrott) kommer främst "
        "fram genom polisens egna insatser. Färre anmälda brott per invånare betyder därför inte säkert mindre brottslighet.",
        "The propensity to report differs between kommuner, and some offences (e.g. drug and weapons offences) come to light "
        "mainly through police initiatives. Fewer reported offences per inhabitant therefore need not mean less crime.",
    ),
    "peers.proxy": ("Ersättningsmått för {focus}", "Proxy for {focus}"),
    "peers.kommun_outlier": (
        "Obs: {kommun}s eget värde {period} är markerat som avvikande (se regeln nedan).",
        "Note: {kommun}'s own value for {period} is marked as an outlier (see the rule below).",
    ),
    "peers.who": ("Vilka kommuner jämförs, och varför", "Which kommuner are compared, and why"),
    "peers.who_list": ("Jämförelsekommuner: {names}.", "Comparison kommuner: {names}."),
    "peers.outlier_rule": (
        "Avvikande värde: mer än dubbelt så högt som medianen av samma kommuns värden två år före och två år efter. "
        "Sådana värden tas inte bort: de markeras i diagrammet och räknas med i mittenhalvan, medianen och platsen.",
        "Outlier: more than twice the median of the same kommun's values two years before and two years after. "
        "Such values are not removed: they are marked in the chart and count in the middle half, the median and the rank.",
    ),
    "peers.outlier_point": (
        "{name} {period}: {value} – mer än dubbla medianen för grannåren ({median})",
        "{name} {period}: {value} – more than twice the median of the neighbouring years ({median})",
    ),
    "peers.off_scale": (
        "Avvikande värden utanför skalan visas vid diagrammets överkant med sitt värde.",
        "Outliers beyond the scale are shown at the top edge of the chart with their value.",
    ),
    "peers.chart_title": ("{name} – {kommun} och jämförbara kommuner", "{name} – {kommun} and comparable kommuner"),
    "peers.legend.band": ("Jämförelsekommuner, mittenhalvan (25:e–75:e percentilen)", "Comparison kommuner, middle half (25th–75th percentile)"),
    "peers.legend.median": ("Jämförelsekommuner, median", "Comparison kommuner, median"),
    "peers.legend.outliers": ("Avvikande värde (markerat, medräknat)", "Outlier (marked, included)"),
    "peers.summary": (
        "{name}: {kommun} jämfört med {n} jämförbara kommuner {first}–{last}; markerade avvikande värden: {outliers}.",
        "{name}: {kommun} compared with {n} comparable kommuner {first}–{last}; marked outliers: {outliers}.",
    ),
    "peers.col.year": ("År", "Year"),
    "peers.col.rank": ("Plats (1 = lägst)", "Rank (1 = lowest)"),
    "peers.col.median": ("Median, jämförelsekommuner", "Median, comparison kommuner"),
    "peers.col.p25": ("25:e percentilen", "25th percentile"),
    "peers.col.p75": ("75:e percentilen", "75th percentile"),
    "peers.col.min": ("Lägst", "Lowest"),
    "peers.col.max": ("Högst", "Highest"),
    "peers.col.n": ("Jämförelsekommuner med värde", "Comparison kommuner with a value"),
    "peers.col.outliers": ("Avvikande värden", "Outliers"),
    "peers.col.kommun": ("Kommun", "Kommun"),
    "peers.col.code": ("Kommunkod", "Kommun code"),
    "peers.col.value": ("Per 100 000 inv. {period}", "Per 100,000 inh. {period}"),
    "peers.col.outlier": ("Avvikande", "Outlier"),
    "peers.yes": ("ja", "yes"),
    "peers.values_expander": ("Alla jämförda kommuners värden {period}", "Every compared kommun's value, {period}"),
    # Risk- och skyddsfaktorer (area profile; lagesbild/geo/area_factors.py)
    "fac.title": ("Risk- och skyddsfaktorer", "Risk and protective factors"),
    "fac.intro": (
        "Nivåer för ett år jämförda med hela kommunen: faktorer som forskningen kopplar till brott och trygghet, "
        "inte mått på brott och inte trender. Riskfaktor: ett högre värde betyder större risk. Skyddsfaktor: ett "
        "högre värde skyddar. Beskrivande: demografi och bostäder, som aldrig får en bedömning.",
        "Levels for one year against the whole municipality: factors that research links to crime and safety, not "
        "measures of crime and not trends. Risk factor: a higher value means more risk. Protective factor: a higher "
        "value protects. Descriptive: demography and housing, which never get an assessment.",
    ),
    "fac.weights": (
        "Andelarna är vägda med sin egen nämnare: låg ekonomisk standard, utländsk bakgrund och 20–34 år med "
        "folkmängden; arbetslöshet med arbetskraften 20–64 år; förvärvsfrekvens med folkmängden 20–64 år; utbildning "
        "med folkmängden 25–64 år; hyresrätt med antalet bostäder",
        "Each share is weighted by its own denominator: low economic standard, foreign background and ages 20–34 by "
        "population; unemployment by the labour force aged 20–64; employment by the population aged 20–64; education "
        "by the population aged 25–64; rented dwellings by the number of dwellings",
    ),
    "fac.no_scb": (
        "SCB:s statistik finns per DeSO och RegSO, inte per valdistrikt. Öppna RegSO-området för jämförelsen.",
        "SCB's statistics exist per DeSO and RegSO, not per election district. Open the RegSO district for the comparison.",
    ),
    "fac.pp": ("p.e.", "pp"),
    "fac.col.factor": ("Faktor", "Factor"),
    "fac.col.kind": ("Slag", "Kind"),
    "fac.col.area": ("Området", "The area"),
    "fac.col.kommun": ("Hela kommunen", "Whole municipality"),
    "fac.col.diff": ("Skillnad", "Difference"),
    "fac.col.year": ("År", "Year"),
    "fac.col.source": ("Källa", "Source"),
    "fac.col.valdistrikt": ("Valdistrikt", "Election district"),
    "fac.role.risk": ("Riskfaktor", "Risk factor"),
    "fac.role.protective": ("Skyddsfaktor", "Protective factor"),
    "fac.role.neutral": ("Beskrivande (ingen bedömning)", "Descriptive (no assessment)"),
    "fac.kommun": ("Hela kommunen", "Whole municipality"),
    "fac.kommun.inline": ("hela kommunen", "the whole municipality"),
    "fac.tkr": ("tkr", "SEK k"),
    "fac.income": (
        "Medianinkomst (disponibel per konsumtionsenhet) i områdets DeSO: {area}; kommunens DeSO: {kommun}. "
        "En median kan inte vägas samman, så spannet mellan DeSO-medianerna visas.",
        "Median equivalised disposable income in the area's DeSO: {area}; the municipality's DeSO: {kommun}. "
        "A median cannot be aggregated, so the range of the DeSO medians is shown.",
    ),
    "fac.income.none": (
        "Medianinkomst finns per DeSO, inte för den här indelningen. Kommunens DeSO: {kommun}.",
        "Median income exists per DeSO, not for this kind of area. The municipality's DeSO: {kommun}.",
    ),
    "fac.type": ("typ", "type"),
    "fac.types": (
        "SCB:s socioekonomiska områdestyp (1 = störst utmaningar, 5 = minst), andel av befolkningen: {area}. "
        "Hela kommunen: {kommun}.",
        "SCB's socio-economic area type (1 = largest challenges, 5 = smallest), share of the population: {area}. "
        "Whole municipality: {kommun}.",
    ),
    "fac.types.year": ("2022 (enligt källan)", "2022 (per the source)"),
    "fac.types.none": ("SCB:s områdestyp finns per RegSO, inte för den här indelningen.",
                       "SCB's area type exists per RegSO, not for this kind of area."),
    "fac.uso": (
        "Andel av ytan inom Polisens utsatta områden 2025, omräknat ur polygonerna: {area} (hela kommunen {kommun}). "
        "Andel inom särskilt utsatt område: {special}. Ytandel, inte befolkningsandel.",
        "Share of the surface inside the Police's vulnerable areas 2025, recomputed from the polygons: {area} (whole "
        "municipality {kommun}). Share inside a particularly vulnerable area: {special}. A share of surface, not of people.",
    ),
    "fac.uso.note": (
        "En delad, förberäknad fil anger ”särskilt utsatt” för {where}. Det kommer av en smal remsa vid "
        "kommungränsen: inget särskilt utsatt område ligger i kommunen enligt Polisens polygoner, och omräkningen ger 0 %.",
        "A shared precomputed file marks {where} as \u201cparticularly vulnerable\u201d. That comes from "
        "a thin sliver at the municipal border: no particularly vulnerable area lies in the municipality according to "
        "the Police's polygons, and the recomputation gives 0 %.",
    ),
    "fac.turnout.own": (
        "Valdeltagande i riksdagsvalen i valdistriktet: ett ersättningsmått för social sammanhållning, inte ett "
        "trygghetsmått. Ett distrikt från 2018 eller 2022 visas bara där kod och namn stämmer med 2026.",
        "Turnout in the general elections in the election district: a proxy for social cohesion, not a safety "
        "measure. A district of 2018 or 2022 is shown only where code and name agree with 2026.",
    ),
    "fac.turnout.list": (
        "Valdeltagande finns per valdistrikt och vägs inte samman till området, eftersom valdistrikten inte följer "
        "områdets gränser. Här visas valdistrikten med minst halva ytan i området; ett distrikt från 2018 visas bara där kod "
        "och namn stämmer med 2026. Ett ersättningsmått för social sammanhållning, inte ett trygghetsmått.",
        "Turnout exists per election district and is not aggregated to the area, since the districts do not follow "
        "its borders. Shown: the districts with at least half their surface in the area; a 2018 district only where code "
        "and name agree with 2026. A proxy for social cohesion, not a safety measure.",
    ),
    "fac.turnout.none": ("Inget valdistrikt har minst halva ytan i området.",
                         "No election district has at least half its surface in the area."),
    # Login and the acting user (lagesbild.ui.auth)
    "auth.login.intro": ("Logga in med ditt organisationskonto för att se den gemensamma lägesbilden.",
                         "Log in with your organisation account to see the shared situation picture."),
    "auth.login": ("Logga in", "Log in"),
    "auth.login.unconfigured": ("Inloggningen är inte konfigurerad: {err}. Se .streamlit/secrets.toml.example.",
                                "Login is not configured: {err}. See .streamlit/secrets.toml.example."),
    "auth.logged_in": ("Inloggad som {name} ({role})", "Logged in as {name} ({role})"),
    "auth.logout": ("Logga ut", "Log out"),
    "auth.local.editing": ("Lokalt läge · redigering påslagen", "Local mode · editing on"),
    "auth.local.exposed": (
        "Lokalt läge · endast läsning: appen nås från nätverket utan inloggning, så redigering är avstängd.",
        "Local mode · read-only: the app is reachable from the network without login, so editing is off.",
    ),
    "auth.local.read_only": ("Lokalt läge · endast läsning.", "Local mode · read-only."),
    # Administration (lagesbild.ui.admin_ui): never shown to readers
    "admin.intro": (
        "Här läser du in nya data från Brå, Kolada, Polisen, SCB och parterna. Varje fil granskas och "
        "visas innan något sparas; felaktiga filer sparas inte alls.",
        "Load new data from Brå, Kolada, the Police, SCB and the partners here. Every file is checked and "
        "previewed before anything is saved; faulty files are not saved at all.",
    ),
    "admin.sources": ("Källornas tekniska uppgifter", "The sources' technical detail"),
    "admin.local_editing": ("Redigering i lokalt läge", "Editing in local mode"),
    "admin.local_editing.note": (
        "Redigeringen är påslagen. Den som driftar appen slår av den med `python -m lagesbild.admin editing off` "
        "(och på med `editing on`). Appen kan inte redigeras medan den nås från nätverket utan inloggning.",
        "Editing is on. Whoever runs the app switches it off with `python -m lagesbild.admin editing off` "
        "(and on with `editing on`). The app cannot be edited while it is reachable from the network without login.",
    ),
    "admin.roles": ("Roller och redigering", "Roles and editing"),
    "admin.roles.title": ("Roller", "Roles"),
    "admin.editing.on": ("Slå på redigering", "Turn editing on"),
    "admin.editing.off": ("Stäng av redigering", "Turn editing off"),
    "admin.changed": ("Ändrat.", "Changed."),
    "admin.email": ("E-post", "E-mail"),
    "admin.role": ("Roll", "Role"),
    "admin.organisation": ("Organisation", "Organisation"),
    "admin.no_organisation": ("Ingen", "None"),
    "admin.reform_editor": ("Reformredaktör", "Reform editor"),
    "admin.may_update_reforms": ("Får uppdatera reformer", "May update reforms"),
    "admin.role.save": ("Spara roll", "Save role"),
    "admin.role.remove": ("Ta bort roll", "Remove role"),
    "admin.role.saved": ("Rollen för {email} är sparad.", "The role of {email} is saved."),
    "admin.role.removed": ("Rollen för {email} är borttagen.", "The role of {email} is removed."),
    # Partners, focus areas and reforms edited by an admin (lagesbild.ui.reference_ui)
    "ref.retired": ("avslutad", "retired"),
    "reform.retired": ("Reformen är avslutad. Dess historik finns kvar, men den tar inte emot nya bedömningar.",
                       "The reform is retired. Its history remains, but it takes no new assessments."),
    "ref.partners": ("Samverkanspartner", "Partners"),
    "ref.focus_areas": ("Fokusområden", "Focus areas"),
    "ref.reforms": ("Reformer", "Reforms"),
    "ref.intro": (
        "Ändringar sparas med historik: ett fryst möte visar det som gällde då. En avslutad post finns kvar där den "
        "redan används men kan inte väljas för något nytt.",
        "Changes are kept with their history: a frozen meeting shows what applied then. A retired entry stays where it "
        "is already used but cannot be chosen for anything new.",
    ),
    "ref.new": ("Ny", "New"),
    "ref.choose": ("Välj post att ändra eller ”Ny”", "Choose an entry to change, or “New”"),
    "ref.save": ("Spara", "Save"),
    "ref.retire": ("Avsluta", "Retire"),
    "ref.retire_confirm": ("Ja, avsluta posten", "Yes, retire the entry"),
    "ref.retire_help": ("Posten finns kvar i historiken men kan inte väljas för nya poster.",
                        "The entry stays in the history but cannot be chosen for new entries."),
    "ref.saved": ("”{name}” är sparad.", "“{name}” is saved."),
    "ref.retired_done": ("”{name}” är avslutad.", "“{name}” is retired."),
    "ref.col.name": ("Namn", "Name"),
    "ref.col.short_name": ("Kortnamn", "Short name"),
    "ref.col.kind": ("Typ", "Type"),
    "ref.col.name_sv": ("Namn (svenska)", "Name (Swedish)"),
    "ref.col.name_en": ("Namn (engelska)", "Name (English)"),
    "ref.col.scope_sv": ("Avgränsning (svenska)", "Scope (Swedish)"),
    "ref.col.scope_en": ("Avgränsning (engelska)", "Scope (English)"),
    "ref.col.number": ("Nr", "No."),
    "ref.col.title_sv": ("Lydelse (svenska)", "Wording (Swedish)"),
    "ref.col.title_en": ("Lydelse (engelska)", "Wording (English)"),
    "ref.col.theme": ("Tema", "Theme"),
    "ref.col.responsible": ("Ansvarig", "Responsible"),
    "ref.col.state": ("Läge", "State"),
    "ref.active": ("aktiv", "active"),
    "prioadm.title": ("Prioriterade områden", "Priority areas"),
    "prioadm.intro": ("Varje prioriterat område är en sammanställning av distrikt i ett kartlager. En ändring gäller "
                      "direkt på alla sidor; siffrorna som räknas per område räknas om, och frysta möten behåller sina "
                      "siffror men visar att sammansättningen har ändrats.",
                      "Each priority area is a composition of districts of one map layer. A change applies at once on "
                      "every page; the figures computed per area are recomputed, and frozen meetings keep their figures "
                      "but say that the composition changed."),
    "prioadm.col.name": ("Namn", "Name"),
    "prioadm.col.layer": ("Kartlager", "Map layer"),
    "prioadm.col.districts": ("Distrikt", "Districts"),
    "prioadm.col.status": ("Status", "Status"),
    "prioadm.col.note": ("Beskrivning av avgränsningen", "Description of the delimitation"),
    "prioadm.layer.regso": ("RegSO (med befolkning och statistik)", "RegSO (with population and statistics)"),
    "prioadm.layer.valdistrikt": ("Valdistrikt (utan statistik per distrikt)", "Valdistrikt (no statistics per district)"),
    "prioadm.status.0": ("förslag", "proposal"),
    "prioadm.status.1": ("fastställd", "confirmed"),
    "prioadm.status.2": ("preliminär avgränsning", "preliminary delimitation"),
    "prioadm.choose": ("Område att ändra", "Area to change"),
    "prioadm.new": ("Nytt prioriterat område", "New priority area"),
    "prioadm.choose_districts": ("Välj distrikt", "Choose districts"),
    "prioadm.note_help": ("Hur området är avgränsat, med vanliga ord. Visas i områdesprofilen och på Om data.",
                          "How the area is delimited, in plain words. Shown in the area profile and on About the data."),
    "prioadm.save_note": ("Att spara kan ta någon sekund: siffrorna per område räknas om.",
                          "Saving may take a second or two: the figures per area are recomputed."),
    "prioadm.save": ("Spara området", "Save the area"),
    "prioadm.saved": ("Området {name} är sparat.", "The area {name} is saved."),
    "ortadm.title": ("Ortnamn för Polisens händelser", "Place names for Polisen's notices"),
    "ortadm.intro": ("Polisens publicerade händelser har bara kommunens mittpunkt som plats, så en händelse placeras "
                     "efter orten som texten nämner. Ett nytt ortnamn eller en ny stavning placerar de sparade "
                     "händelserna direkt; frysta möten behåller sina.",
                     "Polisen's published notices only carry the kommun's centre point, so a notice is placed by the "
                     "place its text names. A new place name or spelling places the stored notices at once; frozen "
                     "meetings keep theirs."),
    "ortadm.unplaced": ("Av {total} publicerade händelser {year} nämner ungefär {share} % ingen ort som placerar dem i ett "
                        "område.",
                        "Of {total} published notices in {year}, about {share} % name no place that puts them in an area."),
    "ortadm.col.name": ("Ortnamn", "Place name"),
    "ortadm.col.aliases": ("Andra stavningar", "Other spellings"),
    "ortadm.col.districts": ("Distrikt", "Districts"),
    "ortadm.col.within": ("Ligger inom", "Lies within"),
    "ortadm.col.ambiguous": ("Osäker", "Unsure"),
    "ortadm.col.note": ("Anteckning", "Note"),
    "ortadm.yes": ("ja", "yes"),
    "ortadm.choose": ("Ortnamn att ändra", "Place name to change"),
    "ortadm.new": ("Nytt ortnamn", "New place name"),
    "ortadm.none": ("Ingen", "None"),
    "ortadm.choose_districts": ("Välj distrikt", "Choose districts"),
    "ortadm.aliases_help": ("Skilj stavningarna med kommatecken. Genitiv (Flemingsbergs) behövs inte.",
                            "Separate the spellings with commas. The genitive (Flemingsbergs) is not needed."),
    "ortadm.ambiguous": ("Osäker plats: händelsen behåller ortnamnet men placeras inte i något distrikt",
                         "Unsure place: the notice keeps the name but is placed in no district"),
    "ortadm.ambiguous_help": ("För namn som finns på flera ställen eller vars gräns inte är kontrollerad.",
                              "For names found in several places or whose boundary is not checked."),
    "ortadm.save_note": ("När du sparar placeras alla sparade händelser på nytt.",
                         "Saving places every stored notice again."),
    "ortadm.save": ("Spara ortnamnet", "Save the place name"),
    "ortadm.saved": ("Ortnamnet {name} är sparat.", "The place name {name} is saved."),
    "ref.original": ("Ursprunglig lydelse", "Original wording"),
    "ref.original_note": ("Överenskommelsens ursprungliga lydelse är källan; ändringar visas nedan.",
                          "The agreement's original wording is the source; changes are shown below."),
    "ref.wording_history": ("Ändrad lydelse", "Changed wording"),
    "ref.unknown": ("okänt", "unknown"),
    "ref.change_line": ("{when}, {who}: ”{old}” → ”{new}”", "{when}, {who}: “{old}” → “{new}”"),
    "ref.reform_add_note": ("En ny reform får nästa nummer och är ”ej bedömd” tills den bedöms.",
                            "A new reform gets the next number and is “not assessed” until it is assessed."),
    "admin.not_allowed.title": ("Sidan är inte tillgänglig", "The page is not available"),
    "admin.not_allowed": (
        "Den här sidan är bara för dem som administrerar lägesbilden. Välj en annan sida i menyn.",
        "This page is only for those who administer the situation picture. Choose another page in the menu.",
    ),
    "data.intro": (
        "Här ser du vilka uppgifter som finns i lägesbilden per indikator och hur långt de räcker. "
        "Källorna beskrivs på sidan Om data och metod.",
        "Which figures the situation picture holds per indicator and how far they reach. "
        "The sources are described on the page About data and method.",
    ),
    # The Data and Administration pages (lagesbild.ui.data_ui)
    "data.imported": (
        "Importerat: {filename}. {added} nya, {changed} ändrade, {unchanged} oförändrade rader. "
        "Data t.o.m. {vintage}. Import nr {batch}.",
        "Imported: {filename}. {added} new, {changed} changed, {unchanged} unchanged rows. "
        "Data up to {vintage}. Import no. {batch}.",
    ),
    "data.import_a_file": (
        "Importera en fil",
        "Import a file",
    ),
    "data.what_do_you_want": (
        "Vad vill du importera?",
        "What do you want to import?",
    ),
    "data.preview": (
        "Förhandsgranskning",
        "Preview",
    ),
    "data.new_rows": (
        "Nya rader",
        "New rows",
    ),
    "data.changed": (
        "Ändrade",
        "Changed",
    ),
    "data.unchanged": (
        "Oförändrade",
        "Unchanged",
    ),
    "data.data_up_to": (
        "Data t.o.m.",
        "Data up to",
    ),
    "data.import": (
        "Importera",
        "Import",
    ),
    "data.template_for_the_partners": (
        "Mall för parternas lokala indikatorer",
        "Template for the partners' local indicators",
    ),
    "data.partners_report_their_own": (
        "Parterna rapporterar egna siffror (t.ex. skadegörelseärenden, anlagda bränder, trygghetsvandringar) med mallen. Kolumner: **indikator, område, period, värde, partner, kommentar**. Fyll i, spara och importera ovan med typen ”Parternas lokala indikatorer (mall)”.",
        "Partners report their own figures (e.g. vandalism cases, deliberate fires, safety walks) with the template. Columns: **indikator, område, period, värde, partner, kommentar**. Fill it in, save and import it above with the type \"Partners' local indicators (template)\".",
    ),
    "data.download_the_template_excel": (
        "Ladda ner mallen (Excel)",
        "Download the template (Excel)",
    ),
    "data.download_the_template_csv": (
        "Ladda ner mallen (CSV)",
        "Download the template (CSV)",
    ),
    "data.import_history": (
        "Importhistorik",
        "Import history",
    ),
    "data.when": (
        "När",
        "When",
    ),
    "data.what": (
        "Vad",
        "What",
    ),
    "data.source": (
        "Källa",
        "Source",
    ),
    "data.file": (
        "Fil",
        "File",
    ),
    "data.by": (
        "Av",
        "By",
    ),
    "data.new": (
        "Nya",
        "New",
    ),
    "data.loaded_data_per_indicator": (
        "Inlästa data per indikator",
        "Loaded data per indicator",
    ),
    "data.indicator": (
        "Indikator",
        "Indicator",
    ),
    "data.values": (
        "Antal värden",
        "Values",
    ),
    "data.first_period": (
        "Första period",
        "First period",
    ),
    "data.latest_period": (
        "Senaste period",
        "Latest period",
    ),
    "data.if_no_data": (
        "Om uppgift saknas",
        "If no data",
    ),
    "data.choose_a_file": (
        "Välj fil",
        "Choose a file",
    ),
    "data.year_population_december": (
        "År (folkmängd 31 december)",
        "Year (population 31 December)",
    ),
    "data.no_data": (
        "Uppgift saknas",
        "No data",
    ),
    "data.file_filename": (
        "Fil: {filename}",
        "File: {filename}",
    ),
    "data.showing_preview_rows_of": (
        "Visar {rows} av {total} rader (nya och ändrade först).",
        "Showing {rows} of {total} rows (new and changed first).",
    ),
    "data.the_file_changes_nothing": (
        "Filen ändrar ingenting; att importera den igen registreras bara i historiken.",
        "The file changes nothing; importing it again is only recorded in the history.",
    ),
    "data.you_have_read_access": (
        "Du har läsbehörighet och kan inte importera.",
        "You have read access and cannot import.",
    ),
    "data.change": (
        "Ändring",
        "Change",
    ),
    "data.time": (
        "Tid",
        "Time",
    ),
    "data.type": (
        "Typ",
        "Type",
    ),
    "data.place_in_text": (
        "Ortsdel i texten",
        "Place in text",
    ),
    "data.summary": (
        "Sammanfattning",
        "Summary",
    ),
    "data.area": (
        "Område",
        "Area",
    ),
    "data.sex": (
        "Kön",
        "Sex",
    ),
    "data.new_value": (
        "Nytt värde",
        "New value",
    ),
    "data.current_value": (
        "Nuvarande värde",
        "Current value",
    ),
    "data.importing": (
        "Importerar …",
        "Importing …",
    ),
    "data.fetch_from_kolada_over": (
        "Hämta från Kolada via internet (valfritt, avstängt som standard)",
        "Fetch from Kolada over the internet (optional, off by default)",
    ),
    "data.the_app_works_offline": (
        "Appen fungerar utan internet. Slå bara på detta om datorn får ansluta till api.kolada.se. Det som hämtas granskas på samma sätt som en uppladdad fil innan något sparas.",
        "The app works offline. Only switch this on if the computer may connect to api.kolada.se. What is fetched is checked like an uploaded file before anything is saved.",
    ),
    "data.allow_fetching_from_kolada": (
        "Tillåt hämtning från Kolada",
        "Allow fetching from Kolada",
    ),
    "data.years": (
        "År",
        "Years",
    ),
    "data.fetch_the_registered_kolada": (
        "Hämta registrerade Kolada-nyckeltal nu",
        "Fetch the registered Kolada KPIs now",
    ),
    "data.nothing_has_been_imported": (
        "Inget har importerats ännu.",
        "Nothing has been imported yet.",
    ),
    "data.the_import_log_what": (
        "Importloggen: vad som lästs in, när och av vem.",
        "The import log: what was loaded, when and by whom.",
    ),
    "data.number_of_stored_values": (
        "Antal lagrade värden per indikator.",
        "Number of stored values per indicator.",
    ),
    "data.choose_years": (
        "Välj år",
        "Choose years",
    ),
    "data.fetching_from_kolada": (
        "Hämtar från Kolada …",
        "Fetching from Kolada …",
    ),
    # Om data och metod (lagesbild.ui.about_ui)
    "om.about_data_and_method": (
        "Om data och metod",
        "About data and method",
    ),
    "om.every_source_and_indicator": (
        "Här beskrivs varje källa och varje indikator som lägesbilden visar, hur små tal skyddas och hur siffrorna ska läsas. Samma register styr bildtexterna under diagrammen.",
        "Every source and indicator the situation picture shows, how small numbers are protected and how to read the figures. The same registry drives the captions under the charts.",
    ),
    "om.sources": (
        "Källor",
        "Sources",
    ),
    "om.sources_count": (
        "{count} källor. Hur varje fil har hämtats står under Teknisk källinformation.",
        "{count} sources. How each file was obtained is under Technical source information.",
    ),
    "om.indicators": (
        "Indikatorer",
        "Indicators",
    ),
    "om.every_indicator_the_situation": (
        "Varje indikator som lägesbilden visar, med definition, typ, enhet, nivå, källa, ersättningsmått och hur långt data räcker.",
        "Every indicator the situation picture shows, with definition, type, unit, level, source, proxy note and how far the data reaches.",
    ),
    "om.protecting_small_numbers_and": (
        "Skydd av små tal och enskilda",
        "Protecting small numbers and individuals",
    ),
    "om.small_counts_are_not": (
        "\n- **Små antal visas inte.** Ett antal mellan 1 och {below} (gränsen är {n} och kan bara ändras av den som driftar appen)\n  visas som **..** i tabeller, diagram, kartor och exporter. Noll visas som 0, som hos SCB, Kolada och SSB: en nolla pekar\n  inte ut någon.\n- **Sekundärt skydd.** Där en summa (kommunen, ett prioriterat område, totalt för båda könen, helåret) och de andra\n  delarna skulle avslöja ett dolt tal döljs också det näst minsta talet, så att det dolda inte kan räknas fram.\n  Skyddet prövas som en angripare skulle göra: med alla visade tal och alla summor får inget dolt tal kunna bestämmas.\n- **Tal per invånare** som bygger på ett dolt antal döljs också, liksom ett tal per invånare som motsvarar färre än {n} fall.\n- **Samma skydd i alla vyer.** Polisens publicerade händelser skyddas en gång, i en tabell med alla områden, år, typer\n  och kommunen; områdesprofilen, kartan och mötesunderlaget visar alla antal ur den tabellen. Ett dolt tal kan därför\n  inte räknas fram genom att kombinera vyer, t.ex. profilens totalsumma minus de visade åren.\n- **Känsliga indikatorer** (t.ex. grov kvinnofridskränkning) visas bara per område, aldrig som punkter på en karta.\n- **Områden, inte punkter.** Polisens händelser har bara kommunens mittpunkt; de knyts till ett område endast när\n  ortnamnet står i texten och visas aldrig som punkter.\n- **Inga enskilda personer.** Lägesbilden handlar om områden och utveckling, aldrig om enskilda. Brå råder samverkan att\n  hålla lägesbilden på en generell nivå och inte diskutera enskilda personer.\n",
        "\n- **Small counts are not shown.** A count between 1 and {below} (the threshold is {n} and can only be changed by whoever runs the app)\n  is shown as **..** in tables, charts, maps and exports. Zero is shown as 0, as at SCB, Kolada and SSB: a zero points at no one.\n- **Secondary suppression.** Where a total (the kommun, a priority area, both sexes, the whole year) and the other parts\n  would reveal a hidden number, the next-smallest number is hidden too, so the hidden one cannot be worked out.\n  This is tested as an attacker would try: from all shown numbers and all totals, no hidden number may be determined.\n- **Rates per inhabitants** built on a hidden count are hidden too, as is a rate that stands for fewer than {n} cases.\n- **The same protection in every view.** Police's published events are protected once, in one table of all areas, years,\n  types and the kommun; the area profile, the map and the meeting pack all show counts from that table. A hidden number\n  therefore cannot be worked out by combining views, e.g. the profile's total minus the years shown.\n- **Sensitive indicators** (e.g. gross violation of a woman's integrity) are shown by area only, never as points on a map.\n- **Areas, not points.** Police events only carry the kommun's centre point; they are tied to an area only when the place\n  name is in the text, and never shown as points.\n- **No individuals.** The picture is about areas and trends, never about individuals. Brå advises cooperation groups to\n  keep the situation picture general and not to discuss individuals.\n",
    ),
    "om.how_to_read_the": (
        "Så ska siffrorna läsas",
        "How to read the figures",
    ),
    "om.reported_offences_are_not": (
        "\n- **Anmälda brott är inte faktisk brottslighet.** De visar vad som anmälts: mörkertal och benägenheten att anmäla\n  skiljer sig mellan brottstyper, platser och år. Narkotika- och vapenbrott speglar till stor del polisens egna insatser.\n- **Publicerade händelser är inte statistik.** Polisens händelser är pressnotiser, ett urval. De räknas aldrig om till\n  brott per invånare.\n- **Ersättningsmått** står utskrivna vid siffran: t.ex. är Brå:s ”narkotika + vapen” en sammanslagen kategori, och\n  ”brott mot person” är inte våld i nära relationer.\n- **Nivå.** Brå:s statistik finns bara för hela kommunen; uppgifter per område kommer från SCB och parterna.\n- **Tal per invånare** räknas bara för antal där folkmängden för samma område och år finns (per 100 000 för kommunen,\n  per 1 000 för mindre områden), och aldrig där källan redan ger sitt eget tal.\n- **Samma period året före** jämförs: ett kvartal med samma kvartal året innan, ett år med året innan.\n- **Preliminära uppgifter** är markerade (streckad linje, ofyllda punkter, ”preliminär”) och kan ändras.\n- **Inaktuella uppgifter** får en varning när senaste värdet är äldre än källans uppdateringscykel plus den vanliga\n  publiceringstiden (6 månader för årsstatistik, 3 för kvartal, 1 för månad).\n- **Uppgift saknas** betyder att det inte finns någon siffra: ingen siffra hittas på.\n",
        "\n- **Reported offences are not actual crime.** They show what was reported: hidden crime and the propensity to report\n  differ between offence types, places and years. Drug and weapons offences largely mirror police activity.\n- **Published events are not statistics.** Polisen's events are press notices, a selection. They are never turned into\n  crime rates.\n- **Proxy measures** are named next to the figure: e.g. Brå's \"drugs + weapons\" is one combined category, and\n  \"offences against the person\" is not domestic violence.\n- **Level.** Brå's statistics exist for the whole kommun only; figures per area come from SCB and the partners.\n- **Rates per inhabitants** are computed only for counts where the population of the same area and year exists (per\n  100,000 for the kommun, per 1,000 for smaller areas), and never where the source gives its own rate.\n- **The same period a year earlier** is compared: a quarter with the same quarter a year before, a year with the year before.\n- **Preliminary figures** are marked (dashed line, open markers, \"preliminary\") and may change.\n- **Out-of-date figures** get a warning when the latest value is older than the source's update cycle plus the usual\n  publishing lag (6 months for annual statistics, 3 for quarterly, 1 for monthly).\n- **No data** means there is no figure: no figure is ever made up.\n",
    ),
    "om.the_priority_areas": (
        "De prioriterade områdena",
        "The priority areas",
    ),
    "om.the_areas_are_made": (
        "Områdena sätts samman av SCB:s RegSO. Avgränsningarna är förslag tills parterna bekräftat dem.",
        "The areas are made of SCB's RegSO. The delimitations are proposals until the partners confirm them.",
    ),
    "om.technical_source_information": (
        "Teknisk källinformation",
        "Technical source information",
    ),
    "om.no_priority_areas_are": (
        "Inga prioriterade områden är avgränsade ännu.",
        "No priority areas are delimited yet.",
    ),
    "om.area_from_scb_s": (
        "yta ur SCB:s förenklade gränser",
        "area from SCB's simplified boundaries",
    ),
    "om.indicator": (
        "Indikator",
        "Indicator",
    ),
    "om.definition": (
        "Definition",
        "Definition",
    ),
    "om.type": (
        "Typ",
        "Type",
    ),
    "om.unit": (
        "Enhet",
        "Unit",
    ),
    "om.level": (
        "Nivå",
        "Level",
    ),
    "om.source": (
        "Källa",
        "Source",
    ),
    "om.proxy_note": (
        "Ersättningsmått",
        "Proxy note",
    ),
    "om.data_up_to": (
        "Data t.o.m.",
        "Data up to",
    ),
    "om.area": (
        "Område",
        "Area",
    ),
    "om.made_of": (
        "Består av",
        "Made of",
    ),
    "om.how_it_is_delimited": (
        "Så avgränsas det",
        "How it is delimited",
    ),
    "om.no_data": (
        "Uppgift saknas",
        "No data",
    ),
    "om.publisher": (
        "Utgivare",
        "Publisher",
    ),
    "om.address": (
        "Adress",
        "Address",
    ),
    "om.licence": (
        "Licens",
        "Licence",
    ),
    "om.attribution": (
        "Källangivelse",
        "Attribution",
    ),
    "om.data_type": (
        "Typ av uppgift",
        "Data type",
    ),
    "om.updated": (
        "Uppdateras",
        "Updated",
    ),
    "om.every_months": (
        "var {months}:e månad",
        "every {months} months",
    ),
    "om.data_up_to_latest": (
        "Data t.o.m. (senaste import)",
        "Data up to (latest import)",
    ),
    "om.obtained_via": (
        "Hämtad via",
        "Obtained via",
    ),
    "om.file": (
        "Fil",
        "File",
    ),
    "om.notes": (
        "Att tänka på",
        "Notes",
    ),
    # Activities (lagesbild.ui.activities_ui)
    "akt.none_yet": ("Inga registrerade aktiviteter ännu – lägg till eller importera med mallen",
                     "No activities recorded yet – add one or import them with the template"),
    "akt.template_help": (
        "Mallen har kolumnerna **{columns}**. Ladda ner listan (eller den tomma mallen), fyll i eller ändra i Excel "
        "och ladda upp den på sidan Administration. Rader med samma extern_id uppdateras; att ladda upp samma fil "
        "igen ändrar ingenting.",
        "The template has the columns **{columns}**. Download the list (or the empty template), fill it in or change "
        "it in Excel and upload it on the Administration page. Rows with the same extern_id are updated; uploading "
        "the same file again changes nothing.",
    ),
    "akt.all": (
        "Alla",
        "All",
    ),
    "akt.the_activity_is_saved": (
        "Aktiviteten är sparad.",
        "The activity is saved.",
    ),
    "akt.partner": (
        "Part",
        "Partner",
    ),
    "akt.area": (
        "Område",
        "Area",
    ),
    "akt.from_yyyy_mm_dd": (
        "Från (ÅÅÅÅ-MM-DD)",
        "From (YYYY-MM-DD)",
    ),
    "akt.to_yyyy_mm_dd": (
        "Till (ÅÅÅÅ-MM-DD)",
        "To (YYYY-MM-DD)",
    ),
    "akt.search_title_description_and": (
        "Sök i titel, beskrivning och uppföljning",
        "Search title, description and follow-up",
    ),
    "akt.new_activity_or_change": (
        "Ny aktivitet eller ändra en befintlig",
        "New activity or change an existing one",
    ),
    "akt.the_list_as_excel": (
        "Listan som Excel",
        "The list as Excel",
    ),
    "akt.the_list_as_csv": (
        "Listan som CSV",
        "The list as CSV",
    ),
    "akt.empty_template_excel": (
        "Tom mall (Excel)",
        "Empty template (Excel)",
    ),
    "akt.activities_from_the_template": (
        "Aktiviteter från mall",
        "Activities from the template",
    ),
    "akt.choose_the_filled_in": (
        "Välj den ifyllda mallen (CSV eller Excel)",
        "Choose the filled-in template (CSV or Excel)",
    ),
    "akt.preview_counts_ny_new": (
        "**Förhandsgranskning:** {counts_ny} nya, {counts_ändrad} ändrade, {counts_oförändrad} oförändrade. Inget är sparat ännu.",
        "**Preview:** {counts_ny} new, {counts_ändrad} changed, {counts_oförändrad} unchanged. Nothing is saved yet.",
    ),
    "akt.import": (
        "Importera",
        "Import",
    ),
    "akt.imported_res_added_new": (
        "Importerat: {res_added} nya, {res_changed} ändrade, {res_unchanged} oförändrade.",
        "Imported: {res_added} new, {res_changed} changed, {res_unchanged} unchanged.",
    ),
    "akt.focus_area": (
        "Fokusområde",
        "Focus area",
    ),
    "akt.filters": (
        "Filter",
        "Filters",
    ),
    "akt.len_shown_of_len": (
        "**{len_shown} av {len_all_acts} aktiviteter visas**",
        "**{len_shown} of {len_all_acts} activities shown**",
    ),
    "akt.no_activities_match_the": (
        "Inga aktiviteter matchar filtret.",
        "No activities match the filter.",
    ),
    "akt.you_have_read_access": (
        "Du har läsbehörighet; aktiviteter kan inte ändras här.",
        "You have read access; activities cannot be changed here.",
    ),
    "akt.title": (
        "Titel",
        "Title",
    ),
    "akt.description": (
        "Beskrivning",
        "Description",
    ),
    "akt.responsible_partner": (
        "Ansvarig part",
        "Responsible partner",
    ),
    "akt.start": (
        "Start",
        "Start",
    ),
    "akt.end": (
        "Slut",
        "End",
    ),
    "akt.follow_up_result": (
        "Uppföljning (resultat)",
        "Follow-up (result)",
    ),
    "akt.save": (
        "Spara",
        "Save",
    ),
    "akt.the_file_changes_nothing": (
        "Filen ändrar ingenting.",
        "The file changes nothing.",
    ),
    "akt.add_or_change_an": (
        "Lägg till eller ändra en aktivitet",
        "Add or change an activity",
    ),
    "akt.template_download_the_activities": (
        "Mall: ladda ner aktiviteterna",
        "Template: download the activities",
    ),
    "akt.activities_recorded_by_the": (
        "Aktiviteter registrerade av parterna; data t.o.m. = senast registrerad eller ändrad.",
        "Activities recorded by the partners; data up to = last recorded or changed.",
    ),
    "akt.md_escape_text_is": (
        "”{md_escape_text}” är inget datum; skriv ÅÅÅÅ-MM-DD. Filtret används inte.",
        "“{md_escape_text}” is not a date; write YYYY-MM-DD. The filter is not used.",
    ),
    "akt.add_them_under_focus": (
        "Lägg till under Fokusområden",
        "Add them under Focus areas",
    ),
    "akt.upload_the_filled_in": (
        "Ladda upp den ifyllda mallen på sidan Administration",
        "Upload the filled-in template on the Administration page",
    ),
    "akt.new_activity": (
        "➕ Ny aktivitet",
        "➕ New activity",
    ),
    "akt.whole_kommun": (
        "Hela kommunen",
        "Whole kommun",
    ),
    # lagesbild/views/__init__.py
    "views.build.view_cannot_be_shown": (
        "Vyn ”{slug}” kan inte visas i mötesläget; öppna sidan i appen.",
        "The view “{slug}” cannot be shown in meeting mode; open the page in the app.",
    ),
    "views.meeting_view.view_belongs_meeting_shown": (
        "Vyn hör till ett möte och visas när mötet är öppet.",
        "The view belongs to a meeting and is shown when it is open.",
    ),
    # lagesbild/views/meeting.py
    "views.mote.default": ("Möte", "Meeting"),
    "views.mote.sedan": ("Sedan förra mötet", "Since the previous meeting"),
    "views.mote.atgarder": ("Åtgärder från förra mötet", "Actions from the previous meeting"),
    "views.mote.beslut": ("Beslut och åtgärder", "Decisions and actions"),
    "views.meeting.decision": ("beslut", "decision"),
    "views.meeting.decisions": ("beslut", "decisions"),
    "views.meeting.action": ("åtgärd", "action"),
    "views.meeting.actions": ("åtgärder", "actions"),
    "views.meeting.open": ("öppen", "open"),
    "views.meeting.open_many": ("öppna", "open"),
    "views.meeting.carried.is_done": ("är klar", "done"),
    "views.meeting.carried.are_done": ("är klara", "done"),
    "views.meeting.decisions.counts": ("{n_dec} beslut och {n_act} {actions}", "{n_dec} {decisions} and {n_act} {actions}"),
    "views.meeting.decisions.of_them_open": (", varav {n_open} {open}.", ", {n_open} of them open."),
    "views.meeting.actions_table.item": ("Punkt", "Item"),
    "views.meeting.type": ("Typ", "Type"),
    "views.meeting.actions_table.what": ("Vad", "What"),
    "views.meeting.actions_table.who": ("Vem", "Who"),
    "views.meeting.actions_table.by": ("Senast", "By"),
    "views.meeting.actions_table.done": ("Klar", "Done"),
    "views.meeting.actions_table.from_previous_meeting": ("Från förra mötet", "From the previous meeting"),
    "views.meeting.actions_table.done_2": ("klar", "done"),
    "views.meeting.actions_table.open": ("öppen", "open"),
    "views.meeting.decisions.no_decisions_actions_are": (
        "Inga beslut eller åtgärder är registrerade.",
        "No decisions or actions are recorded.",
    ),
    "views.meeting.decisions.decisions_actions": ("Beslut och åtgärder", "Decisions and actions"),
    "views.meeting.carried.actions_from_previous_meeting": (
        "Åtgärder från förra mötet",
        "Actions from the previous meeting",
    ),
    "views.meeting.carried.no_earlier_meeting": ("inget tidigare möte", "no earlier meeting"),
    "views.meeting.carried.no_open_actions_were": (
        "Inga öppna åtgärder fördes över från förra mötet ({prev}).",
        "No open actions were carried from the previous meeting ({prev}).",
    ),
    "views.meeting.carried.from_done_open": (
        "{n} {actions} från {prev}; {done} {are_done} och {n_open} {open}.",
        "{n} {actions} from {prev}; {done} done and {n_open} open.",
    ),
    "views.meeting.since_last.since_previous_meeting": ("Sedan förra mötet", "Since the previous meeting"),
    "views.meeting.since_last.previous_meeting_not_frozen": (
        "Förra mötet är inte fryst, så det finns ingen lägesbild att jämföra med.",
        "The previous meeting is not frozen, so there is no picture to compare with.",
    ),
    "views.meeting.since_last.there_no_earlier_frozen": (
        "Det finns inget tidigare fryst möte att jämföra med.",
        "There is no earlier frozen meeting to compare with.",
    ),
    "views.meeting.since_last.picture_as_compared": (
        "Lägesbilden per {previous_date} ({previous_title}) jämförd med per {date}.",
        "The picture as of {previous_date} ({previous_title}) compared with {date}.",
    ),
    "views.meeting.since_last.reforms_new_assessments": (
        "Reformer med nya bedömningar",
        "Reforms with new assessments",
    ),
    "views.meeting.since_last.indicators_new_changed_values": (
        "Indikatorer med nya eller ändrade värden",
        "Indicators with new or changed values",
    ),
    "views.meeting.since_last.new_changed_activities": ("Nya och ändrade aktiviteter", "New and changed activities"),
    "views.meeting.data_status.source": ("Källa", "Source"),
    "views.meeting.data_status.publisher": ("Utgivare", "Publisher"),
    "views.meeting.data_status.data_up": ("Data t.o.m.", "Data up to"),
    "views.meeting.data_status.file_app_no_data": ("fil i appen / uppgift saknas", "file in the app / no data"),
    "views.meeting.data_status.registered_sources_have_data": (
        "{n_toms} av {n_rows} registrerade källor har data i lägesbilden per {date}.",
        "{n_toms} of {n_rows} registered sources have data in the picture as of {date}.",
    ),
    "views.meeting.data_status.data_sources": ("Data och källor", "Data and sources"),
    "views.meeting.data_status.sources": ("Källor", "Sources"),
    # lagesbild/views/indicator.py
    "views.indicator.trend_block.proxy": ("ersättningsmått", "proxy"),
    "views.indicator.latest_row.prel": (" (prel.)", " (prel.)"),
    "views.indicator.latest_row.indicator": ("Indikator", "Indicator"),
    "views.indicator.latest_row.period": ("Period", "Period"),
    "views.indicator.latest_row.value": ("Värde", "Value"),
    "views.indicator.latest_row.unit": ("Enhet", "Unit"),
    "views.indicator.latest_row.year_before": ("Mot året före", "On the year before"),
    "views.indicator.latest_row.data_up": ("Data t.o.m.", "Data up to"),
    "views.indicator.latest_row.no_data": ("Uppgift saknas", "No data"),
    "views.indicator.table_provenance.data_up_per_row": (
        "data t.o.m. per rad i tabellen",
        "data up to per row in the table",
    ),
    "views.indicator.focus_area.latest_values": ("Senaste värden", "Latest values"),
    "views.indicator.focus_area.available_area_sex_focus": (
        "Finns per område eller kön (sidan Fokusområden): ",
        "Available by area or sex (Focus areas page): ",
    ),
    "views.indicator.focus_area.no_data_registered_indicators": (
        "Uppgift saknas för {n_missing} registrerade indikatorer: ",
        "No data for {n_missing} registered indicators: ",
    ),
    "views.indicator.focus_area.no_data_focus_area": (
        "{name}: uppgift saknas för fokusområdets indikatorer.",
        "{name}: no data for the focus area's indicators.",
    ),
    "views.indicator.focus_area": ("Fokusområde", "Focus area"),
    "views.indicator.indicator_trend.no_data": ("Uppgift saknas för {aname}.", "No data for {aname}."),
    "views.indicator.indicator_trend.no_data_2": ("{name} ({aname}): uppgift saknas.", "{name} ({aname}): no data."),
    "views.indicator.overview.status_latest_recorded_assessment": (
        "status = senaste registrerade bedömning",
        "status = latest recorded assessment",
    ),
    "views.indicator.overview.number_reforms": ("Antal reformer", "Number of reforms"),
    "views.indicator.overview.headline_indicators_focus_area": (
        "Nyckeltal per fokusområde",
        "Headline indicators by focus area",
    ),
    "views.indicator.overview.reforms_headline_indicators_focus": (
        "Reformer: {summary} {n_inds} nyckeltal i {n_focus} fokusområden.",
        "Reforms: {summary} {n_inds} headline indicators in {n_focus} focus areas.",
    ),
    "views.indicator.overview.overview": ("Översikt", "Overview"),
    "views.indicator.build_focus.indicator_not_registry": (
        "Indikatorn ”{iid}” finns inte i registret.",
        "Indicator “{iid}” is not in the registry.",
    ),
    "views.indicator.build_focus.unknown_focus_area": ("Okänt fokusområde ”{fid}”.", "Unknown focus area “{fid}”."),
    "views.indicator.focus_areas": ("Fokusområden", "Focus areas"),
    "views.indicator.build_focus.there_are_no_focus": ("Inga fokusområden finns.", "There are no focus areas."),
    # lagesbild/views/reform.py
    "views.reform.reform_filter.unknown_status_view": (
        "Okänd status i vyn: {codes}.",
        "Unknown status in the view: {codes}.",
    ),
    "views.reform.filter_text.theme": ("tema {theme}", "theme {theme}"),
    "views.reform.filter_text.responsible": ("ansvarig {responsible}", "responsible {responsible}"),
    "views.reform.reform_table.no": ("Nr", "No."),
    "views.reform.progress": ("Framsteg", "Progress"),
    "views.reform.reform_table.last_assessed": ("Senast bedömd", "Last assessed"),
    "views.reform.reform_table.latest_motivation": ("Senaste motivering", "Latest motivation"),
    "views.reform.overview.status_latest_recorded_assessment": (
        "status = senaste registrerade bedömning",
        "status = latest recorded assessment",
    ),
    "views.reform.reforms": ("Reformer", "Reforms"),
    "views.reform.overview.number_reforms": ("Antal reformer", "Number of reforms"),
    "views.reform.overview.reforms_shown": (
        "{n_shown} av {n_cur} reformer visas",
        "{n_shown} of {n_cur} reforms shown",
    ),
    "views.reform.overview.no_reform_matches_filters": (
        "Ingen reform motsvarar filtren.",
        "No reform matches the filters.",
    ),
    "views.reform.reform": ("Reform", "Reform"),
    "views.reform.one_reform.no_assessment_has_been": (
        "Ingen bedömning är registrerad: {status}.",
        "No assessment has been recorded: {status}.",
    ),
    "views.reform.one_reform.progress": (", framsteg {progress}", ", progress {progress}"),
    "views.reform.one_reform.status_according_assessment_assessed": (
        "Status {status} enligt bedömningen {date}{prog} (bedömd av {author}).",
        "Status {status} according to the assessment of {date}{prog} (assessed by {author}).",
    ),
    "views.reform.one_reform.date": ("Datum", "Date"),
    "views.reform.one_reform.motivation": ("Motivering", "Motivation"),
    "views.reform.one_reform.assessed": ("Bedömd av", "Assessed by"),
    "views.reform.one_reform.agreement_s_wording": ("Avtalets lydelse: {name}", "The agreement's wording: {name}"),
    "views.reform.one_reform.theme_responsible": (
        "Tema: {theme} · Ansvarig: {responsible}",
        "Theme: {theme} · Responsible: {responsible}",
    ),
    "views.reform.one_reform.focus_areas": ("Fokusområden: ", "Focus areas: "),
    "views.reform.one_reform.latest_motivation": (
        "Senaste motivering: {motivation}",
        "Latest motivation: {motivation}",
    ),
    "views.reform.one_reform.history_newest_first": ("Historik (nyast först)", "History (newest first)"),
    "views.reform.build.reform_does_not_exist": (
        "Reformen ”{rid}” finns inte; alla reformer visas.",
        "Reform “{rid}” does not exist; all reforms are shown.",
    ),
    # lagesbild/views/changes.py
    "views.changes.summary.nothing_has_changed_reforms": (
        "Inget har ändrats i reformernas status, indikatorerna eller aktiviteterna.",
        "Nothing has changed in the reforms' status, the indicators or the activities.",
    ),
    "views.changes.summary.reforms_have_new_assessments": (
        "{n_reforms} reformer har nya bedömningar ({n_status} med ändrad status), {n_indicators} indikatorer har {added} nya och {changed} ändrade värden, {n_activities} aktiviteter är nya eller ändrade.",
        "{n_reforms} reforms have new assessments ({n_status} with a changed status), {n_indicators} indicators have {added} new and {changed} changed values, {n_activities} activities are new or changed.",
    ),
    "views.changes.reform_changes.no": ("Nr", "No."),
    "views.changes.status_before": ("Status förut", "Status before"),
    "views.changes.status_now": ("Status nu", "Status now"),
    "views.changes.reform_changes.assessed": ("Bedömd", "Assessed"),
    "views.changes.change": ("Ändring", "Change"),
    "views.changes.reform_changes.new_status": ("Ny status", "New status"),
    "views.changes.reform_changes.new_assessment_same_status": (
        "Ny bedömning, samma status",
        "New assessment, same status",
    ),
    "views.changes.indicator_changes.prel": (" (prel.)", " (prel.)"),
    "views.changes.indicator_changes.indicator": ("Indikator", "Indicator"),
    "views.changes.indicator_changes.new_values": ("Nya värden", "New values"),
    "views.changes.indicator_changes.changed_values": ("Ändrade värden", "Changed values"),
    "views.changes.indicator_changes.latest_period_before": ("Senaste period förut", "Latest period before"),
    "views.changes.indicator_changes.latest_period_now": ("Senaste period nu", "Latest period now"),
    "views.changes.indicator_changes.area": ("Område", "Area"),
    "views.changes.indicator_changes.sex": ("Kön", "Sex"),
    "views.changes.indicator_changes.before": ("Förut", "Before"),
    "views.changes.indicator_changes.now": ("Nu", "Now"),
    "views.changes.activity_changes.new": ("Ny", "New"),
    "views.changes.activity_changes.status_changed": ("Status ändrad", "Status changed"),
    "views.changes.activity_changes.changed": ("Ändrad", "Changed"),
    "views.changes.activity_changes.activity": ("Aktivitet", "Activity"),
    "views.changes.activity_changes.partner": ("Part", "Partner"),
    # lagesbild/views/area.py
    "views.area.no_geo.map_cannot_be_drawn": (
        "Kartan kan inte ritas: gränsfilen {missing} saknas (scripts/build_geo.py bygger den).",
        "The map cannot be drawn: the boundary file {missing} is missing (scripts/build_geo.py builds it).",
    ),
    "views.area.map": ("Karta", "Map"),
    "views.area.district_map.black_outline_priority_area": (
        "Svart kontur = prioriterat område; streckad = utsatt område enligt Polisen.",
        "Black outline = priority area; dashed = vulnerable area according to the Police.",
    ),
    "views.area.district_map.value": ("Värde", "Value"),
    "views.area.district_map.values_area": ("Värden per område", "Values by area"),
    "views.area.profile.areas": ("Områden", "Areas"),
    "views.area.profile.unknown_area": ("Okänt område ”{code}”.", "Unknown area “{code}”."),
    "views.area.area": ("Område", "Area"),
    "views.area.profile.type": ("Typ", "Type"),
    "views.area.profile.population": ("Folkmängd", "Population"),
    "views.area.profile.note": ("Kommentar", "Note"),
    "views.area.profile.source_period_per_row": ("källa och period per rad", "source and period per row"),
    "views.area.profile.vulnerable_area_police": ("Utsatt område (Polisen): ", "Vulnerable area (Police): "),
    "views.area.profile.delimitation_preliminary": ("Avgränsningen är preliminär.", "The delimitation is preliminary."),
    "views.area.profile.notes_per_key_figure": (
        "Kommentarer per nyckeltal, händelser, aktiviteter och reformer finns på sidan Områden.",
        "Notes per key figure, events, activities and reforms are on the Areas page.",
    ),
    "views.area.profile.key_figures_against_whole": (
        "Nyckeltal jämfört med hela kommunen",
        "Key figures against the whole municipality",
    ),
    "views.area.priority_areas": ("Prioriterade områden", "Priority areas"),
    # lagesbild/export/meeting_pack.py
    "pack.render_images.drawing_chart_item": (
        "Ritar diagram {n} av {n_todo} (punkt {number})",
        "Drawing chart {n} of {n_todo} (item {number})",
    ),
    "pack.export_meeting.building_views_from_picture": (
        "Bygger vyerna ur lägesbilden",
        "Building the views from the picture",
    ),
    "pack.export_meeting.writing_pdf": ("Skriver PDF", "Writing the PDF"),
    "pack.export_meeting.writing_pptx": ("Skriver PPTX", "Writing the PPTX"),
    "pack.export_meeting.packing_zip": ("Packar ZIP", "Packing the ZIP"),
    "pack.export_meeting.done": ("Klart", "Done"),
    # lagesbild/export/pptx.py
    "pptx.cont": ("(forts.)", "(cont.)"),
    "pptx.notes_text.sources_data_up": ("Källor och data t.o.m.:", "Sources and data up to:"),
    "pptx.notes_text.definitions_notes": ("Definitioner och noter:", "Definitions and notes:"),
    "pptx.title_slide.decisions_actions": ("Beslut och åtgärder", "Decisions and actions"),
    "pptx.title_slide.agenda": ("Dagordning:", "Agenda:"),
    "pptx.title_slide.meeting": ("Möte", "Meeting"),
    "pptx.title_slide.participating_organisations": ("Deltagande organisationer: ", "Participating organisations: "),
    "pptx.title_slide.agenda_2": ("Dagordning", "Agenda"),
    "pptx.title_slide.more_items": ("… och {n_more} punkter till", "… and {n_more} more items"),
    "pptx.title_slide.example_data_made_up": ("EXEMPELDATA – påhittade uppgifter", "EXAMPLE DATA – made-up figures"),
    # lagesbild/export/pdf.py
    "pdf.init.pre_read": ("Underlag", "Pre-read"),
    "pdf.header.example_data_made_up": (
        "EXEMPELDATA – påhittade uppgifter, inte verkliga siffror",
        "EXAMPLE DATA – made-up figures",
    ),
    "pdf.footer.app_meeting": (
        "{app} – underlag för mötet, byggt ur data",
        "{app} – meeting pre-read, built from the data",
    ),
    "pdf.footer.page": ("Sida {page_no} av {{nb}}", "Page {page_no} of {{nb}}"),
    "pdf.cont": ("(forts.)", "(cont.)"),
    "pdf.cover_page.meeting": ("Möte", "Meeting"),
    "pdf.cover_page.frozen": ("fryst", "frozen"),
    "pdf.cover_page.meeting_not_frozen_figures": (
        "Mötet är inte fryst: siffrorna är dagens och kan ändras innan mötet.",
        "The meeting is not frozen: the figures are today's and may change before the meeting.",
    ),
    "pdf.cover_page.participating_organisations": ("Deltagande organisationer", "Participating organisations"),
    "pdf.cover_page.not_given": ("Ej angivna", "Not given"),
    "pdf.cover_page.every_chart_has_source": (
        "Varje diagram har källa, datatyp och ”data t.o.m.” under sig. Små antal (1–{below}) visas som ”..”. Anmälda brott är inte detsamma som faktisk brottslighet, och Polisens publicerade händelser är inte statistik.",
        "Every chart has its source, data type and “data up to” under it. Small counts (1–{below}) are shown as “..”. Reported offences are not actual crime, and the Police's published events are not statistics.",
    ),
    "pdf.agenda.agenda": ("Dagordning", "Agenda"),
    "pdf.agenda.page": ("sida {page_number}", "page {page_number}"),
    "pdf.decisions_page.fill_meeting_decisions_actions": (
        "Fyll i under mötet: beslut, åtgärder, vem, senast när.",
        "To fill in at the meeting: decisions, actions, who, by when.",
    ),
    # lagesbild/geo/karta.py
    "karta.build.too_few_show": ("för få att visa", "too few to show"),
    "karta.background_map": ("Bakgrundskarta", "Background map"),
    "karta.build.map_area": ("Karta: {legend_title} per område", "Map: {legend_title} by area"),
    "karta.build.values": ("Värden", "Values"),
    "karta.build.election_district": ("Valdistrikt", "Election district"),
    "karta.build.no_statistics_per_election": (
        "Ingen statistik per valdistrikt",
        "No statistics per election district",
    ),
    "karta.valid_from": ("Aktualitet från", "Valid from"),
    "karta.build.priority_areas": ("Prioriterade områden", "Priority areas"),
    "karta.build.priority_areas_proposal": ("Prioriterade områden: förslag", "Priority areas: proposal"),
    "karta.build.priority_area": ("Prioriterat område", "Priority area"),
    "karta.vulnerable_area_police": ("Utsatt område (Polisen {year})", "Vulnerable area (Police {year})"),
    "karta.area_map.map": ("Karta över {area_name}", "Map of {area_name}"),
    "karta.click_area_profile": ("Klicka för områdesprofil", "Click for the area profile"),
    "karta.picker.map": ("Karta för att välja område", "Map for choosing an area"),
    "karta.picker.click": ("Klicka för att välja området", "Click to choose the area"),
    "karta.picker.chosen": ("Valt område", "Chosen area"),
    "karta.event_badges.published_events": ("publicerade händelser", "published events"),
    "karta.event_badges.published_events_number": (
        "Publicerade händelser {year} (antal)",
        "Published events {year} (number)",
    ),
    "karta.event_badges.events": ("Händelser", "Events"),
    "karta.period_note.no_data": ("Uppgift saknas", "No data"),
    "karta.display_table.area": ("Område", "Area"),
    "karta.display_table.code": ("Kod", "Code"),
    "karta.display_table.type": ("Typ", "Type"),
    "karta.display_table.population": ("Folkmängd", "Population"),
    "karta.summary.no_data_any_district": (
        "{name_sv}: uppgift saknas för alla områden.",
        "{name_en}: no data for any district.",
    ),
    "karta.summary.districts_shown": (
        "{name_sv}{period}: {n_shown} av {n_d} områden visas",
        "{name_en}{period}: {n_shown} of {n_d} districts shown",
    ),
    "karta.summary.highest_lowest": (
        "Högst {measure_sv} har {high} ({high_value}), lägst {low} ({low_value})",
        "Highest {measure_en}: {high} ({high_value}); lowest: {low} ({low_value})",
    ),
    "karta.summary.not_shown_too_few": ("{hidden} visas inte (för få)", "{hidden} not shown (too few)"),
    "karta.summary.without_data": ("{missing} saknar uppgift", "{missing} without data"),
    # lagesbild/geo/profile.py
    "profile.no_area_level": ("Uppgift saknas på områdesnivå", "No data at district level"),
    "profile.not_placeable": (
        "Händelserna kan inte knytas till valdistrikt: texterna nämner orter, inte adresser.",
        "The events cannot be placed in election districts: the texts name places, not addresses.",
    ),
    "profile.n_districts_one": ("{n} område", "{n} district"),
    "profile.n_districts": ("{n} områden", "{n} districts"),
    "profile.parts_table.district": ("Område", "District"),
    "profile.parts_table.code": ("Kod", "Code"),
    "profile.population": ("Folkmängd", "Population"),
    "profile.key_figures.municipality_s_population_from": (
        "Kommunens folkmängd enligt Kolada (SCB); områdenas summa kan avvika något.",
        "The municipality's population from Kolada (SCB); the districts' sum may differ slightly.",
    ),
    "profile.key_figures.population_density_inh_km": ("Befolkningstäthet (inv./km²)", "Population density (inh./km²)"),
    "profile.key_figures.area_from_generalised_boundaries": (
        "Yta ur generaliserade gränser, sjöar ingår.",
        "Area from generalised boundaries, lakes included.",
    ),
    "profile.key_figures.share_municipality_s_population": (
        "Andel av kommunens befolkning",
        "Share of the municipality's population",
    ),
    "profile.related_codes.survey_s_district": (
        "kommundelen {kd_name} enligt enkäten",
        "the survey's district {kd_name}",
    ),
    "profile.indicator_row.k_women_girls_m": (
        "K = kvinnor/flickor, M = män/pojkar; källan ger ingen total",
        "K = women/girls, M = men/boys; the source gives no total",
    ),
    "profile.events_row.published_police_notices_number": (
        "Publicerade polishändelser (antal notiser)",
        "Published police notices (number)",
    ),
    "profile.events_row.press_notices_naming_place": (
        "Pressnotiser som nämner en ort i området, inte brottsstatistik. Jämförs inte med kommunen: kommunens notiser räknas inte på samma sätt (många nämner ingen ort).",
        "Press notices naming a place in the area, not crime statistics. Not compared with the municipality: its notices are not counted the same way (many name no place).",
    ),
    "profile.events_row.place_texts_straddles_area": (
        "En ort i texterna går över områdets gräns, så händelserna kan inte delas upp.",
        "A place in the texts straddles the area's border, so the events cannot be split.",
    ),
    "profile.row.key_figure": ("Nyckeltal", "Key figure"),
    "profile.row.area": ("Området", "The area"),
    "profile.row.whole_municipality": ("Hela kommunen", "Whole municipality"),
    "profile.row.period": ("Period", "Period"),
    "profile.row.source": ("Källa", "Source"),
    "profile.row.note": ("Kommentar", "Note"),
    "profile.events.there_are_no_published": (
        "Inga publicerade händelser finns i underlaget.",
        "There are no published events in the data.",
    ),
    "profile.events.no_published_events_name": (
        "Inga publicerade händelser nämner en ort i området.",
        "No published events name a place in the area.",
    ),
    "profile.total": ("Totalt", "Total"),
    "profile.number": ("Antal", "Number"),
    "profile.events.published_events": ("Publicerade händelser", "Published events"),
    "profile.year_label.part_year": ("delår", "part year"),
    "profile.events_by_type.other": ("Övriga", "Other"),
    "profile.events_by_type.event_type": ("Typ av händelse", "Event type"),
    "profile.events_summary.part_years": (" ({years_sv} är delår)", " ({years_en} part years)"),
    "profile.events_summary.published_events_naming_place": (
        "Publicerade händelser som nämner en ort i området {first}–{last}{partial}; antalen är för små för att visas.",
        "Published events naming a place in the area {first}–{last}{partial}; the counts are too small to show.",
    ),
    "profile.events_summary.published_events_place_texts": (
        "Publicerade händelser {first}–{last}{partial}: en ort i texterna går över områdets gräns, så de år den nämns kan inte räknas.",
        "Published events {first}–{last}{partial}: a place in the texts straddles the area's border, so the years it is named cannot be counted.",
    ),
    "profile.events_summary.published_events_name_place": (
        "{number} publicerade händelser nämner en ort i området {first}–{last}{partial}.",
        "{number} published events name a place in the area {first}–{last}{partial}.",
    ),
    "profile.activities_for.activity": ("Aktivitet", "Activity"),
    "profile.activities_for.partner": ("Part", "Partner"),
    "profile.activities_for.start": ("Start", "Start"),
    "profile.activities_for.end": ("Slut", "End"),
    "profile.reforms_for.reform": ("Reform", "Reform"),
    "profile.reforms_for.link": ("Koppling", "Link"),
    "profile.reforms_for.reasoning": ("Motivering", "Reasoning"),
    "profile.map_summary.consists_inhabitants_all_km": (
        "{name} består av {parts} med sammanlagt {text} invånare på {size} km².",
        "{name} consists of {parts} with {text} inhabitants in all, on {size} km².",
    ),
    "profile.map_summary.consists_km_population_unknown": (
        "{name} består av {parts} på {size} km²; folkmängd saknas.",
        "{name} consists of {parts} on {size} km²; population unknown.",
    ),
    "profile.map_summary.has_inhabitants_km": (
        "{name} har {text} invånare på {size} km².",
        "{name} has {text} inhabitants on {size} km².",
    ),
    "profile.map_summary.covers_km_population_not": (
        "{name} är {size} km². Folkmängd finns inte för den här områdestypen.",
        "{name} covers {size} km². Population is not available for this kind of area.",
    ),
    # lagesbild/charts/indicators.py
    "charts.ind.axis.year": ("År", "Year"),
    "charts.ind.axis.quarter": ("Kvartal", "Quarter"),
    "charts.ind.axis.month": ("Månad", "Month"),
    "charts.ind.axis.week": ("Vecka", "Week"),
    "charts.ind.axis.period": ("Period", "Period"),
    "charts.ind.small_multiples.summary": ("{name} för {n_areas} områden", "{name} for {n_areas} areas"),
    "charts.ind.small_multiples.hidden": ("; {hidden} värden visas inte (..).", "; {hidden} values not shown (..)."),
    "charts.ind.status_texts.not_shown": ("visas inte (..)", "not shown (..)"),
    "charts.ind.status_texts.no_data": ("uppgift saknas", "no data"),
    "charts.ind.preliminary": ("preliminär", "preliminary"),
    "charts.ind.final": ("slutlig", "final"),
    "charts.ind.series_table.value": ("Värde", "Value"),
    "charts.ind.trend_summary.no_data": ("{name} ({area_name}): uppgift saknas.", "{name} ({area_name}): no data."),
    "charts.ind.trend_summary.preliminary": (", preliminärt", ", preliminary"),
    "charts.ind.trend_summary.series_covers": (
        "{name} ({area_name}) {period}: {value}{prelim}{ch_part}; serien omfattar {span}{hidden_sv}.",
        "{name} ({area_name}) {period}: {value}{prelim}{ch_part}; the series covers {span}{hidden_en}.",
    ),
    "charts.ind.yoy_bars.pp": (" p.e.", " pp"),
    "charts.ind.yoy_bars.prel": (" (prel.)", " (prel.)"),
    "charts.ind.yoy_bars.vs": ("mot", "vs"),
    "charts.ind.yoy_bars.preliminary": (" (preliminär)", " (preliminary)"),
    "charts.ind.yoy_bars.change": ("Förändring", "Change"),
    "charts.ind.yoy_bars.change_percentage_points": ("Förändring, procentenheter", "Change, percentage points"),
    "charts.ind.yoy_bars.change_year_before": ("Förändring mot året före, %", "Change on the year before, %"),
    "charts.ind.yoy_bars.change_same_period_year": (
        "{name} – förändring mot samma period året före",
        "{name} – change on the same period a year earlier",
    ),
    "charts.ind.yoy_bars.compared": ("Jämfört med", "Compared with"),
    "charts.ind.yoy_bars.vs_2": (
        "{name} ({area_name}) {period}: {change} mot {previous}.",
        "{name} ({area_name}) {period}: {change} vs {previous}.",
    ),
    "charts.ind.yoy_bars.there_no_period_compare": (
        "Det finns ingen period att jämföra med ett år tidigare.",
        "There is no period to compare with a year earlier.",
    ),
    "charts.ind.small_multiples.area": ("per område", "by area"),
    "charts.ind.small_multiples.area_2": ("Område", "Area"),
    # lagesbild/ui/meeting_ui.py
    "mote.render.prepare_meeting_agenda_saved": (
        "Förbered ett möte med en dagordning av sparade vyer, frys lägesbilden inför mötet, presentera den och för protokoll över beslut och åtgärder. Underlaget kan laddas ner som PDF och PPTX.",
        "Prepare a meeting with an agenda of saved views, freeze the picture before the meeting, present it and record decisions and actions. The pre-read can be downloaded as PDF and PPTX.",
    ),
    "mote.render.new_meeting": ("Nytt möte", "New meeting"),
    "mote.render.you_have_read_access": (
        "Du har läsbehörighet; möten kan inte skapas eller ändras här.",
        "You have read access; meetings cannot be created or changed here.",
    ),
    "mote.choose_meeting.no_meetings_yet_create": (
        "Inga möten ännu. Skapa det första nedan.",
        "No meetings yet. Create the first one below.",
    ),
    "mote.choose_meeting.open_meeting": ("Öppna ett möte", "Open a meeting"),
    "mote.choose_meeting.choose_meeting": ("Välj ett möte …", "Choose a meeting …"),
    "mote.choose_meeting.all_meetings": ("Alla möten", "All meetings"),
    "mote.date": ("Datum", "Date"),
    "mote.choose_meeting.meeting": ("Möte", "Meeting"),
    "mote.choose_meeting.items": ("Punkter", "Items"),
    "mote.create_form.title": ("Titel", "Title"),
    "mote.create_form.e_g_safety_cooperation": (
        "t.ex. Samverkansmöte trygghet, november",
        "e.g. Safety cooperation meeting, November",
    ),
    "mote.create_form.participating_organisations": ("Deltagande organisationer", "Participating organisations"),
    "mote.create_form.choose_organisations": ("Välj organisationer", "Choose organisations"),
    "mote.create_form.create_meeting": ("Skapa mötet", "Create the meeting"),
    "mote.create_form.meeting_created_open_actions": (
        "Mötet är skapat. Öppna åtgärder från förra mötet har förts över.",
        "The meeting is created. Open actions from the previous meeting were carried over.",
    ),
    "mote.meeting_view.frozen_agenda_locked_pages": (
        "🔒 Fryst {frozen_at}: dagordningen är låst och sidorna visar mötets data.",
        "🔒 Frozen {frozen_at}: the agenda is locked and the pages show the meeting's data.",
    ),
    "mote.meeting_view.draft_agenda_can_change": (
        "✎ Utkast: dagordningen kan ändras. Frys mötet när underlaget är klart.",
        "✎ Draft: the agenda can change. Freeze the meeting when the pre-read is ready.",
    ),
    "mote.meeting_view.participants": ("Deltagare: ", "Participants: "),
    "mote.meeting_view.start_presentation": ("Starta presentationen", "Start the presentation"),
    "mote.meeting_view.close_meeting": ("Stäng mötet", "Close the meeting"),
    "mote.meeting_view.agenda": ("Dagordning", "Agenda"),
    "mote.meeting_view.decisions_actions": ("Beslut och åtgärder", "Decisions and actions"),
    "mote.meeting_view.since_previous_meeting": ("Sedan förra mötet", "Since the previous meeting"),
    "mote.meeting_view.pre_read_pdf_pptx": ("Underlag (PDF/PPTX)", "Pre-read (PDF/PPTX)"),
    "mote.agenda.agenda_empty_add_saved": (
        "Dagordningen är tom. Lägg till sparade vyer nedan, eller öppna en sida och välj ”Lägg till den här vyn i dagordningen” i rutan överst.",
        "The agenda is empty. Add saved views below, or open a page and choose “Add this view to the agenda” in the box at the top.",
    ),
    "mote.agenda.move_up": ("Flytta upp", "Move up"),
    "mote.agenda.moved": ("Flyttad.", "Moved."),
    "mote.agenda.move_down": ("Flytta ner", "Move down"),
    "mote.agenda.remove": ("Ta bort", "Remove"),
    "mote.agenda.item_was_removed": ("Punkten är borttagen.", "The item was removed."),
    "mote.agenda.open_page_view": ("Öppna sidan med vyn", "Open the page with the view"),
    "mote.agenda.preview": ("Förhandsvisa", "Preview"),
    "mote.agenda.add_item": ("Lägg till en punkt", "Add an item"),
    "mote.agenda.add_item_2": ("Lägg till punkten", "Add the item"),
    "mote.agenda.was_added": ("”{title}” har lagts till.", "“{title}” was added."),
    "mote.freeze.freeze_meeting": ("Frys mötet", "Freeze the meeting"),
    "mote.freeze.freezing_stores_whole_picture": (
        "När mötet fryses låses lägesbilden vid den version den har nu, med en manifestfil (datum, källor, kontrollsummor och de definitioner som gäller). Under mötet visar alla sidor de frysta siffrorna, även om nya data läses in. Dagordningen låses; beslut och åtgärder kan fortfarande föras in. Det går inte att ångra.",
        "Freezing fixes the picture at its current version, with a manifest (date, sources, checksums and the definitions in force). During the meeting every page shows the frozen figures, even if new data is loaded. The agenda is locked; decisions and actions can still be recorded. It cannot be undone.",
    ),
    "mote.state.banner.definitions_changed": (
        ":material/info: Ändrat sedan mötet frystes: {what}. Mötets data är desamma, men visas med de nuvarande definitionerna och reglerna för små tal.",
        ":material/info: Changed since the meeting was frozen: {what}. The meeting's data are the same, but are shown with today's definitions and small-count rules.",
    ),
    "mote.freeze.i_want_freeze_meeting": ("Jag vill frysa mötet nu", "I want to freeze the meeting now"),
    "mote.freeze.meeting_frozen_every_page": (
        "Mötet är fryst. Alla sidor visar nu mötets lägesbild.",
        "The meeting is frozen. Every page now shows its picture.",
    ),
    "mote.actions.actions_from_previous_meeting": ("Åtgärder från förra mötet", "Actions from the previous meeting"),
    "mote.actions.previous_meeting_open_actions": (
        "Förra mötet: {title} ({date}). Öppna åtgärder förs över när mötet skapas.",
        "Previous meeting: {title} ({date}). Open actions are carried over when the meeting is created.",
    ),
    "mote.actions.fetch_new_open_actions": (
        "Hämta nya öppna åtgärder från förra mötet",
        "Fetch new open actions from the previous meeting",
    ),
    "mote.actions.done": ("Klart.", "Done."),
    "mote.actions.other_business": ("Övrigt", "Other business"),
    "mote.action_list.no_decisions_actions": ("Inga beslut eller åtgärder.", "No decisions or actions."),
    "mote.action_list.by": ("senast", "by"),
    "mote.saved": ("Sparat.", "Saved."),
    "mote.action_form.new_decision_action": ("Nytt beslut eller ny åtgärd", "New decision or action"),
    "mote.action_form.type": ("Typ", "Type"),
    "mote.action_form.what": ("Vad", "What"),
    "mote.action_form.who_responsible": ("Vem (ansvarig)", "Who (responsible)"),
    "mote.action_form.optional": ("Senast (valfritt)", "By (optional)"),
    "mote.action_form.save": ("Spara", "Save"),
    "mote.export.meeting_pack_zip_pre": (
        "Mötespaketet är en ZIP med underlaget som PDF och PPTX (varje punkt med alla rader i sina tabeller), manifestfilen (datum, källor, kontrollsummor) och besluten som CSV. Allt byggs ur mötets data.",
        "The meeting pack is a ZIP with the pre-read as PDF and PPTX (each item with every row of its tables), the manifest (date, sources, checksums) and the decisions as CSV. Everything is built from the meeting's data.",
    ),
    "mote.export.meeting_not_frozen_pre": (
        "Mötet är inte fryst: underlaget byggs av dagens data och kan ändras före mötet.",
        "The meeting is not frozen: the pre-read is built from today's data and may change before the meeting.",
    ),
    "mote.export.add_items_agenda_first": ("Lägg till punkter i dagordningen först.", "Add items to the agenda first."),
    "mote.export.create_meeting_pack": ("Skapa mötespaketet", "Create the meeting pack"),
    "mote.export.starting": ("Startar …", "Starting …"),
    "mote.export.done_s": ("Klart på {number} s.", "Done in {number} s."),
    "mote.export.meeting_pack_zip": ("Mötespaket (ZIP)", "Meeting pack (ZIP)"),
    # lagesbild/ui/agenda_form.py
    "agenda.reformer.reforms_filtered_list": ("Reformer (filtrerad lista)", "Reforms (filtered list)"),
    "agenda.reformer.one_reform": ("En reform", "One reform"),
    "agenda.view": ("Vy", "View"),
    "agenda.reformer.reform": ("Reform", "Reform"),
    "agenda.reformer.all": ("Alla", "All"),
    "agenda.reformer.theme": ("Tema", "Theme"),
    "agenda.focus_area": ("Fokusområde", "Focus area"),
    "agenda.fokus.focus_area_s_headline": ("Ett fokusområdes nyckeltal", "A focus area's headline indicators"),
    "agenda.fokus.one_indicator_over_time": ("En indikator över tid", "One indicator over time"),
    "agenda.fokus.indicator": ("Indikator", "Indicator"),
    "agenda.area": ("Område", "Area"),
    "agenda.karta.show": ("Visa", "Show"),
    "agenda.omraden.none_priority_areas": ("Inget: de prioriterade områdena", "None: the priority areas"),
    "agenda.choose.page": ("Sida", "Page"),
    "agenda.choose.title_agenda": ("Rubrik i dagordningen", "Title in the agenda"),
    "agenda.choose.leave_empty_suggestion": ("Lämna tomt för förslaget.", "Leave empty for the suggestion."),
    # lagesbild/ui/meeting_state.py
    "mote.state.info.meeting_does_not_exist": (
        "Mötet {mid} finns inte; mötesläget är stängt.",
        "Meeting {mid} does not exist; meeting mode is closed.",
    ),
    "mote.state.banner.situation_as": ("Lägesbild per", "Situation as of"),
    "mote.state.banner.frozen_meeting": ("fryst för mötet", "frozen for the meeting"),
    "mote.state.banner.every_page_shows_meeting": (
        "Alla sidor visar mötets frysta data. Nya data som lästs in efteråt syns inte förrän mötesläget stängs.",
        "Every page shows the meeting's frozen data. Data loaded afterwards is not shown until meeting mode is closed.",
    ),
    "mote.state.banner.meeting": ("Mötet", "The meeting"),
    "mote.state.banner.open_but_not_frozen": (
        "är öppet men inte fryst: aktuella data visas.",
        "is open but not frozen: current data is shown.",
    ),
    "mote.state.banner.close_meeting_mode": ("Stäng mötesläget", "Close meeting mode"),
    "mote.state.save_view_button.add_this_view_agenda": (
        "Lägg till den här vyn i dagordningen",
        "Add this view to the agenda",
    ),
    "mote.state.save_view_button.was_added_agenda": (
        "”{title}” har lagts till i dagordningen.",
        "“{title}” was added to the agenda.",
    ),
    # lagesbild/ui/focus_ui.py
    "focus.render.focus_areas": ("Fokusområden", "Focus areas"),
    "focus.render.there_are_no_focus": (
        "Inga fokusområden finns i databasen.",
        "There are no focus areas in the database.",
    ),
    "focus.choose.unknown_focus_area_address": (
        "Okänt fokusområde i adressen: ”{asked}”. Visar {shown}.",
        "Unknown focus area in the address: “{asked}”. Showing {shown}.",
    ),
    "focus.choose.choose_focus_area": ("Välj fokusområde", "Choose a focus area"),
    "focus.focus_area.indicators": ("Indikatorer", "Indicators"),
    "focus.focus_area.reported_offences_are_not": (
        "Anmälda brott är inte detsamma som faktisk brottslighet, och Polisens publicerade händelser är inte statistik. Mer på sidan Om data och metod.",
        "Reported offences are not actual crime, and Polisen's published events are not statistics. More on the About data page.",
    ),
    "focus.focus_area.activities": ("Aktiviteter", "Activities"),
    "focus.focus_area.linked_reforms": ("Kopplade reformer", "Linked reforms"),
    "focus.notes_line.level": ("Nivå", "Level"),
    "focus.notes_line.type": ("Typ", "Type"),
    "focus.notes_line.proxy_measure": ("Ersättningsmått", "Proxy measure"),
    "focus.metrics_row.latest_value": ("Senaste värde ({period})", "Latest value ({period})"),
    "focus.metrics_row.latest_value_2": ("Senaste värde", "Latest value"),
    "focus.metrics_row.preliminary": (", preliminärt", ", preliminary"),
    "focus.metrics_row.change_same_period_year": (
        "Förändring mot samma period ett år tidigare.",
        "Change on the same period a year earlier.",
    ),
    "focus.metrics_row.source_s_own_rate": (
        "Källans egen beräkning per invånare.",
        "The source's own rate per inhabitants.",
    ),
    "focus.metrics_row.computed_scb_s_population": (
        "beräknat med SCB:s folkmängd samma år",
        "computed with SCB's population the same year",
    ),
    "focus.metrics_row.same_period_year_earlier": (
        "Samma period året före ({period})",
        "Same period a year earlier ({period})",
    ),
    "focus.other_values_block.area": ("Område", "Area"),
    "focus.other_values_block.sex": ("Kön", "Sex"),
    "focus.other_values_block.value": ("Värde", "Value"),
    "focus.other_values_block.all_values": ("Alla värden", "All values"),
    "focus.quotes_block.quotes_source_addresses": ("Citat och källadresser", "Quotes and source addresses"),
    "focus.quotes_block.figures_are_quoted_from": (
        "Siffrorna är citerade ur publicerad text; varje värde har sin mening och adress.",
        "The figures are quoted from published text; each value has its sentence and address.",
    ),
    "focus.missing_block.registered_indicators_without_data": (
        "Registrerade indikatorer utan data",
        "Registered indicators without data",
    ),
    "focus.no_data": ("Uppgift saknas.", "No data."),
    "focus.missing_block.administration_page_import_templates": (
        "Till sidan Administration (import och mallar)",
        "To the Administration page (import and templates)",
    ),
    "focus.how_to_load.no_data_import_local": (
        "Uppgift saknas – importera med mallen för lokala indikatorer på sidan Administration.",
        "No data – import it with the local-indicator template on the Administration page.",
    ),
    "focus.how_to_load.administration_page": (" (sidan Administration)", " (Administration page)"),
    "focus.reforms_block.no_reforms_are_linked": (
        "Inga reformer är kopplade till fokusområdet.",
        "No reforms are linked to this focus area.",
    ),
    "focus.reforms_block.direct_link": ("direkt koppling", "direct link"),
    "focus.reforms_block.indirect_link": ("indirekt koppling", "indirect link"),
    "focus.reforms_block.status_latest_recorded_assessment": (
        "status = senaste registrerade bedömning",
        "status = latest recorded assessment",
    ),
    # lagesbild/ui/overview_ui.py
    "overview.render.overview": ("Översikt", "Overview"),
    "overview.render.shared_situation_picture_brief": (
        "Den gemensamma lägesbilden i korthet: de viktigaste indikatorerna per fokusområde, reformernas status, de prioriterade områdena och de senaste aktiviteterna.",
        "The shared situation picture in brief: the headline indicators per focus area, the reforms' status, the priority areas and the latest activities.",
    ),
    "overview.render.latest_activities": ("Senaste aktiviteter", "Latest activities"),
    "overview.headlines.no_headline_indicator_chosen": (
        "Inget nyckeltal är valt för fokusområdet.",
        "No headline indicator is chosen for this focus area.",
    ),
    "overview.headlines.more": ("Mer om {name}", "More on {name}"),
    "overview.headline_metric.proxy_see_focus_areas": ("ersättningsmått – se Fokusområden", "proxy – see Focus areas"),
    "overview.headline_metric.preliminary": (", preliminärt", ", preliminary"),
    "overview.by_gender_text.f_girls_m_boys": ("K = flickor, M = pojkar", "F = girls, M = boys"),
    "overview.reform_summary.reforms_status": ("Reformernas status", "The reforms' status"),
    "overview.reform_summary.of": ("av", "of"),
    "overview.reform_summary.there_are_no_reforms": ("Inga reformer finns.", "There are no reforms."),
    "overview.reform_summary.reforms": ("Till reformerna", "To the reforms"),
    "overview.reform_summary.status_latest_recorded_assessment": (
        "status = senaste registrerade bedömning",
        "status = latest recorded assessment",
    ),
    "overview.priority_map.priority_areas": ("Prioriterade områden", "Priority areas"),
    "overview.priority_map.map_priority_areas_map": (
        "Kartan över de prioriterade områdena finns på sidan Karta.",
        "The map of the priority areas is on the Map page.",
    ),
    "overview.priority_map.map": ("Till kartan", "To the map"),
    # lagesbild/ui/presentation_ui.py
    "presentation.item_slides.decisions_actions_under_item": (
        "Beslut och åtgärder under punkten",
        "Decisions and actions under the item",
    ),
    "presentation.render.agenda_empty": ("Dagordningen är tom.", "The agenda is empty."),
    "presentation.render.cont": ("forts.", "cont."),
    "presentation.head.situation_as_frozen_meeting": (
        "Lägesbild per {date} (fryst för mötet)",
        "Situation as of {date} (frozen for the meeting)",
    ),
    "presentation.head.situation_as_not_frozen": (
        "Lägesbild per {when} – mötet är inte fryst",
        "Situation as of {when} – not frozen",
    ),
    "presentation.head.item": ("Punkt", "Item"),
    "presentation.head.of": ("av", "of"),
    "presentation.head.slide": ("bild", "slide"),
    "presentation.head.previous": ("Föregående", "Previous"),
    "presentation.head.key_page_up": ("Tangent: ← eller Page Up", "Key: ← or Page Up"),
    "presentation.head.next": ("Nästa", "Next"),
    "presentation.head.key_page_down": ("Tangent: → eller Page Down", "Key: → or Page Down"),
    "presentation.head.exit": ("Avsluta", "Exit"),
    # lagesbild/ui/presenter.py
    "presenter.presenter_view": ("Talarvy", "Presenter view"),
    "presenter.open_button.opens_speaker_notes_window": (
        "Öppnar talarens anteckningar i ett eget fönster som följer bilden.",
        "Opens the speaker notes in a window of their own that follows the slide.",
    ),
    "presenter.render.follows_presentation_window_updated": (
        "Följer presentationsfönstret; uppdateras varje sekund.",
        "Follows the presentation window; updated every second.",
    ),
    "presenter.follow.presentation_has_not_started": (
        "Presentationen har inte startat ännu.",
        "The presentation has not started yet.",
    ),
    "presenter.follow.item": ("Punkt", "Item"),
    "presenter.follow.slide": ("bild", "slide"),
    "presenter.follow.no_notes_this_slide": ("Inga anteckningar till den här bilden.", "No notes for this slide."),
    # lagesbild/queries/indicators.py
    "rate.per_100000": ("per 100 000 inv.", "per 100,000 inh."),
    "rate.per_1000": ("per 1 000 inv.", "per 1,000 inh."),
    # lagesbild/ui/focus_ui.py
    "focus.by_area_block.area": ("Område", "Area"),
    "focus.by_area_block.value": ("Värde", "Value"),
    "focus.by_area_block.per_1_000_inh": ("Per 1 000 inv.", "Per 1,000 inh."),
    "focus.by_area_block.area_latest_period": ("Per område, senaste period", "By area, latest period"),
    "focus.by_area_block.first_areas_all_are": (
        "de första {MAX_MULTIPLES} av {n_latest} områden; alla finns i tabellen ovan",
        "the first {MAX_MULTIPLES} of {n_latest} areas; all are in the table above",
    ),
    # lagesbild/ui/reform_bulk_ui.py
    "bulk.render.download_all_reforms_their": (
        "Ladda ner alla reformer med sin senaste bedömning, ändra de rader där läget har ändrats och ladda upp filen igen. Du ser en förhandsvisning innan något sparas, och allt sparas på en gång eller inte alls. Ändra inte kolumnerna id, nummer, titel och version.",
        "Download all reforms with their latest assessment, change the rows where things have changed and upload the file again. You see a preview before anything is saved, and everything is saved at once or not at all. Do not change the columns id, nummer, titel and version.",
    ),
    "bulk.n_reforms_one": ("{n} reform", "{n} reform"),
    "bulk.n_reforms": ("{n} reformer", "{n} reforms"),
    "bulk.n_rows_one": ("{n} rad", "{n} row"),
    "bulk.n_rows": ("{n} rader", "{n} rows"),
    "bulk.upload.get_new_assessment_unchanged": (
        "{reforms} får en ny bedömning; {rows} är oförändrade.",
        "{reforms} get a new assessment; {rows} unchanged.",
    ),
    "bulk.apply.got_new_assessment_history": (
        "{reforms} fick en ny bedömning ({filename}). Historiken finns kvar.",
        "{reforms} got a new assessment ({filename}). The history is kept.",
    ),
    # lagesbild/ui/omraden_ui.py
    "omraden.render.code": ("kod", "code"),
    "omraden.overview.priority_areas": ("Prioriterade områden", "Priority areas"),
    "omraden.overview.regso_districts": ("RegSO-områden", "RegSO districts"),
    "omraden.membership.priority_area": ("Prioriterat område", "Priority area"),
    "omraden.membership.status": ("status", "status"),
    "omraden.membership.part_priority_area": (
        "Ingår i det prioriterade området {name}",
        "Part of the priority area {name}",
    ),
    "omraden.headline.population_exists_per_regso": (
        "Folkmängd finns per RegSO och DeSO, inte per valdistrikt.",
        "Population exists per RegSO and DeSO, not per election district.",
    ),
    "omraden.headline.whole_area_incl_lakes": (
        "Hela ytan inkl. sjöar (inte bara land), ur gränserna för {boundaries}",
        "The whole area incl. lakes (not land only), from the {boundaries} boundaries",
    ),
    "omraden.delimitation.preliminary_delimitation_partners_have": (
        "Preliminär avgränsning: parterna har ännu inte bestämt hur området ska avgränsas.",
        "Preliminary delimitation: the partners have not yet decided how to delimit the area.",
    ),
    "omraden.delimitation.delimitation_as_proposed_partners": (
        "Avgränsning enligt parternas förslag",
        "Delimitation as proposed by the partners",
    ),
    "omraden.area_map.district": ("Område", "District"),
    "omraden.area_map.code": ("Kod", "Code"),
    "omraden.area_map.population": ("Folkmängd", "Population"),
    "omraden.key_figures.most_br_kolada_statistics": (
        "Det mesta av Brås och Koladas statistik finns bara för hela kommunen; då står det ”Uppgift saknas på områdesnivå” och kommunens siffra visas bara som jämförelse.",
        "Most Brå and Kolada statistics exist only for the whole municipality; then the area column says so and the municipality's figure is shown only for comparison.",
    ),
    "omraden.key_figures.see_period_column": ("se kolumnen Period", "see the Period column"),
    "omraden.uso.none_police_s_vulnerable": (
        "Inget av Polisens utsatta områden (2025) ligger i området.",
        "None of the Police's vulnerable areas (2025) lies in the area.",
    ),
    "omraden.uso.valid_from": ("aktualitet från", "valid from"),
    "omraden.uso.vulnerable_area_lies_here": (
        "{share} av det utsatta området ligger här",
        "{share} of the vulnerable area lies here",
    ),
    "omraden.uso.year": ("År", "Year"),
    "omraden.uso.area": ("Område", "Area"),
    "omraden.uso.classification": ("Klassning", "Classification"),
    "omraden.uso.confidence": ("Säkerhet", "Confidence"),
    "omraden.uso.source": ("Källa", "Source"),
    "omraden.uso.confidence_per_row_low": (
        "Säkerheten anges per rad; låg/medel är inte bekräftad mot Polisens rapporter.",
        "Confidence per row; low/medium is not confirmed against the Police reports.",
    ),
    "omraden.events.counted_place_named_text": (
        "Räknat efter orten som nämns i texten; aldrig som punkter.",
        "Counted by the place named in the text; never as points.",
    ),
    # lagesbild/ui/reform_ui.py
    "reformer.choose.unknown_reform_address": (
        "Okänd reform i adressen: ”{asked}”.",
        "Unknown reform in the address: “{asked}”.",
    ),
    "reformer.charts_section.selection_reforms": ("urval: {n_ids} reformer", "selection: {n_ids} reforms"),
    "reformer.counts_table.status": ("Status", "Status"),
    "reformer.counts_table.number_reforms": ("Antal reformer", "Number of reforms"),
    # lagesbild/ui/karta_ui.py
    "karta.ui.choose.part_year": ("delår", "part year"),
    "karta.ui.priority_delimitation.delimitations_are_partners_proposals": (
        "Avgränsningarna är parternas förslag och kan ändras när parterna bestämt sig.",
        "The delimitations are the partners' proposals and can change once the partners decide.",
    ),
    "karta.ui.uso_list.valid_from": ("aktualitet från", "valid from"),
    "karta.ui.uso_list.police_assessment_history": (
        "Polisens lägesbild {year}; historiken finns i varje områdesprofil.",
        "Police assessment {year}; the history is in each area profile.",
    ),
    # lagesbild/ui/reform_form.py
    "reform_form.form.reforms_several_parts_share": (
        "För reformer med flera delar: andelen delar som är klara.",
        "For reforms with several parts: the share of parts done.",
    ),
    "reform_form.form.what_has_happened_which": (
        "Vad har hänt, och vilka delar är klara? Utfall, inte avsikter.",
        "What has happened, and which parts are done? Outcomes, not intentions.",
    ),
    # lagesbild/charts/reforms.py
    "charts.reforms.number_reforms": ("Antal reformer", "Number of reforms"),
    "charts.reforms.status_distribution.reforms_status": ("Reformer per status", "Reforms by status"),
    "charts.reforms.distribution_summary.no_reforms_shown": ("Inga reformer visas.", "No reforms shown."),
    "charts.reforms.distribution_summary.reforms_shown": (
        "Av de {total} reformer som visas: {text}.",
        "Of the {total} reforms shown: {text}.",
    ),
    "charts.reforms.progress_over_time.reforms": ("reformer", "reforms"),
    "charts.reforms.progress_over_time.reforms_status_over_time": (
        "Reformer per status över tid",
        "Reforms by status over time",
    ),
    "charts.reforms.progress_over_time.date_assessment": ("Datum för bedömning", "Date of assessment"),
    "charts.reforms.progress_summary.no_assessment_has_been": (
        "Ingen bedömning är registrerad ännu, så det finns ingen utveckling att visa.",
        "No assessment has been recorded yet, so there is no development to show.",
    ),
    "charts.reforms.progress_summary.to": ("{first}–{last}", "{first} to {last}"),
    "charts.reforms.progress_summary.assessments_recorded_position": (
        "Bedömningar registrerade {span}. Läget den {last}: {statuses}.",
        "Assessments recorded {span}. Position on {last}: {statuses}.",
    ),
    # lagesbild/charts/maps.py (inline choices)
    "maps.outline.kommun": ("Kommungräns", "Municipal boundary"),
    "maps.outline.uso": ("Utsatt område (Polisen 2025)", "Vulnerable area (Police 2025)"),
    "maps.outline.priority": ("Prioriterat område", "Priority area"),
    # lagesbild/charts/reforms.py (inline choices)
    "charts.reforms.and": (" och ", " and "),
    # lagesbild/geo/choropleth.py (inline choices)
    "choropleth.too_few": ("för få att visa", "too few to show"),
    # lagesbild/geo/delimitation.py (inline choices)
    "delimitation.col.area": ("Område", "Area"),
    "delimitation.col.layer": ("Lager", "Layer"),
    "delimitation.col.districts": ("Består av", "Districts"),
    "delimitation.col.how": ("Så avgränsas det", "How it is delimited"),
    # lagesbild/geo/foliummap.py (inline choices)
    "foliummap.zoom_in": ("Zooma in", "Zoom in"),
    "foliummap.zoom_out": ("Zooma ut", "Zoom out"),
    # lagesbild/geo/measures.py (inline choices)
    "measures.part_year": ("delår", "part year"),
    # lagesbild/geo/layers.py (inline choices)
    "layers.area_label": ("Total yta km² (inkl. sjöar; {boundaries})", "Total area km² (incl. lakes; {boundaries})"),
    # lagesbild/importers/status.py (inline choices)
    "status.how_to_load.partner": (
        "Uppgift saknas – importera med mallen för lokala indikatorer (CSV eller Excel) nedan.",
        "No data – import it with the local-indicator template (CSV or Excel) below.",
    ),
    "status.how_to_load.kind": (
        "Uppgift saknas – importera med typen ”{label}”.",
        "No data – import it with the type \"{label}\".",
    ),
    "status.how_to_load.none": ("Uppgift saknas.", "No data."),
    "status.events_note": (
        "publicerade händelser (räknas ur händelsetabellen)",
        "published events (counted from the events table)",
    ),
    # lagesbild/queries/indicators.py (inline choices)
    "iv.change.against": ("mot {period}", "vs {period}"),
    "iv.change.pp": (" procentenheter", " percentage points"),
    "iv.preliminary": (" (preliminär)", " (preliminary)"),
    "iv.stale": (
        "Uppgifterna kan vara inaktuella: senaste värde avser {period} (data t.o.m. {tom}); källan uppdateras normalt var {months}:e månad.",
        "The figures may be out of date: the latest value refers to {period} (data up to {tom}); the source is normally updated every {months} months.",
    ),
    # lagesbild/queries/reforms.py (inline choices)
    "reform.chart.date": ("Datum", "Date"),
    # lagesbild/ui/view_ui.py (inline choices)
    "view_ui.more_rows": ("… och {more} rader till", "… and {more} more rows"),
    # lagesbild/reform_method.py (inline choices)
    "reform_method.kind.progress": ("Framstegsstatus (under mandatperioden)", "Progress states (during the term)"),
    "reform_method.kind.verdict": ("Slutbedömning (utfallet)", "Verdicts (the outcome)"),
    "reform_method.kind.unknown": ("Ingen bedömning", "No assessment"),
    # lagesbild/importers/reform_sheet.py (inline choices)
    "reform_sheet.preview.row": ("Rad", "Row"),
    "reform_sheet.preview.reform": ("Reform", "Reform"),
    "reform_sheet.preview.status_before": ("Status före", "Status before"),
    "reform_sheet.preview.status_after": ("Status efter", "Status after"),
    "reform_sheet.preview.progress": ("Framsteg %", "Progress %"),
    "reform_sheet.preview.date": ("Datum", "Date"),
    "reform_sheet.preview.motivation": ("Motivering", "Motivation"),
    "reform_sheet.preview.source": ("Källa", "Source"),
    "reform_sheet.preview.author": ("Bedömd av", "Assessed by"),
    # lagesbild/queries/activities.py (inline choices)
    "akt.table.activity": ("Aktivitet", "Activity"),
    "akt.table.partner": ("Part", "Partner"),
    "akt.table.focus_area": ("Fokusområde", "Focus area"),
    "akt.table.area": ("Område", "Area"),
    "akt.table.end": ("Slut", "End"),
    "akt.table.follow_up": ("Uppföljning", "Follow-up"),
    # lagesbild/privacy.py (inline choices)
    "privacy.explanation": (
        "”..” = visas inte: antalet är 1–{below} (färre än {n}), eller skulle kunna räknas fram ur andra siffror, eller har sekretessmarkerats av källan. Noll visas som 0.",
        "“..” = not shown: the count is 1–{below} (fewer than {n}), or it could be worked out from other figures, or the publisher withheld it. Zero is shown as 0.",
    ),
    # lagesbild/export/meeting_data.py (inline choices)
    "pack.as_of": ("Lägesbild per {date}", "Situation as of {date}"),
    "pack.as_of.frozen": (" (fryst för mötet)", " (frozen for the meeting)"),
    "pack.as_of.live": (" (aktuell, ej fryst)", " (live, not frozen)"),
    # Åtgärdsplan (lagesbild.ui.plan_ui, plan_form, queries.plan; the button on verdict blocks)
    "plan.title": ("Åtgärdsplan", "Action plan"),
    "plan.summary": ("**Åtgärder i planen: {total}** · följs upp med indikatorvärden efter start: {followed} · "
                     "utan kopplad indikator: {without}",
                     "**Actions in the plan: {total}** · followed up with indicator values after the start: {followed} · "
                     "without a linked indicator: {without}"),
    "plan.none": ("Planen har inga åtgärder ännu. Skapa en från ett block ”Läget i korthet” eller med formuläret ovan.",
                  "The plan has no actions yet. Create one from a ”The situation in brief” block or with the form above."),
    "plan.new": ("Skapa åtgärd", "Create action"),
    "plan.create_from_verdict": ("Skapa åtgärd", "Create action"),
    "plan.create_from_verdict_help": ("Öppnar åtgärdsplanen med ett formulär där fokusområde, område och indikatorer "
                                      "från det här blocket redan är ifyllda.",
                                      "Opens the action plan with a form where this block's focus area, area and "
                                      "indicators are already filled in."),
    "plan.form.intro": ("En åtgärd utgår från ett problem som lägesbilden visar: fokusområde, område och de indikatorer "
                        "som visar problemet. Fält markerade med * måste fyllas i (ansvarig part eller ansvarig person).",
                        "An action starts from a problem the picture shows: focus area, area and the indicators that "
                        "show the problem. Fields marked * are required (responsible partner or responsible person)."),
    "plan.f.title": ("Åtgärd", "Action"),
    "plan.f.description": ("Beskrivning", "Description"),
    "plan.f.focus": ("Fokusområde", "Focus area"),
    "plan.f.areas": ("Områden", "Areas"),
    "plan.f.indicators": ("Indikatorer som visar problemet", "Indicators that show the problem"),
    "plan.f.partners": ("Ansvariga parter", "Responsible partners"),
    "plan.f.owner": ("Ansvarig person eller enhet", "Responsible person or unit"),
    "plan.f.start": ("Startdatum", "Start date"),
    "plan.f.end": ("Slutdatum", "End date"),
    "plan.f.reforms": ("Kopplade reformer", "Linked reforms"),
    "plan.f.activities": ("Kopplade aktiviteter", "Linked activities"),
    "plan.f.effect_intro": ("**Förväntad effekt:** vilken indikator, åt vilket håll och när.",
                            "**Expected effect:** which indicator, which way and by when."),
    "plan.f.effect_indicator": ("Indikator för effekten", "Indicator of the effect"),
    "plan.f.direction": ("Riktning", "Direction"),
    "plan.f.horizon": ("Horisont (år eller datum)", "Horizon (year or date)"),
    "plan.f.choose": ("Välj", "Choose"),
    "plan.level.kommun": ("kommun", "municipality"),
    "plan.level.prioriterat": ("prioriterat område", "priority area"),
    "plan.level.kommundel": ("kommundel", "part of the municipality"),
    "plan.level.regso": ("RegSO-område", "RegSO district"),
    "plan.level.valdistrikt": ("valdistrikt", "election district"),
    "plan.level.deso": ("DeSO-område", "DeSO area"),
    "plan.f.save": ("Spara åtgärden", "Save the action"),
    "plan.dir.minska": ("ska minska", "should decrease"),
    "plan.dir.oka": ("ska öka", "should increase"),
    "plan.effect.minska": ("{indicator} ska minska till {horizon}", "{indicator} should decrease by {horizon}"),
    "plan.effect.oka": ("{indicator} ska öka till {horizon}", "{indicator} should increase by {horizon}"),
    "mote.actions.in_plan": (
        "Åtgärder som registreras här förs in i åtgärdsplanen, där de kan knytas till fokusområde, områden och "
        "indikatorer och följas upp. Rutan ”klar” följer planens status.",
        "Actions recorded here go into the action plan, where they can be tied to focus area, areas and indicators "
        "and followed up. The ”done” box follows the plan's status."),
    "plan.edit": ("Ändra åtgärden (problem, ansvar, period, kopplingar, förväntad effekt)",
                  "Change the action (problem, responsibility, period, links, expected effect)"),
    "plan.saved": ("Åtgärden är sparad i planen.", "The action is saved in the plan."),
    "plan.filters": ("Filter", "Filters"),
    "plan.shown": ("{shown} av {total} åtgärder visas", "{shown} of {total} actions shown"),
    "plan.none_match": ("Inga åtgärder matchar filtren.", "No actions match the filters."),
    "plan.col.title": ("Åtgärd", "Action"),
    "plan.col.responsible": ("Ansvariga", "Responsible"),
    "plan.col.period": ("Period", "Period"),
    "plan.col.effect": ("Förväntad effekt", "Expected effect"),
    "plan.col.meeting": ("Beslutad vid", "Decided at"),
    "plan.origin.activity": ("Samverkansöverenskommelsen (aktivitet)", "The cooperation agreement (activity)"),
    "plan.activity_rule": (
        "Åtgärden är en aktivitet i samverkansöverenskommelsen: den har en ansvarig part, ett fokusområde och ett "
        "område (eller hela kommunen). Det du ändrar här ändras också i aktiviteten.",
        "The action is an activity of the cooperation agreement: it has one responsible partner, one focus area and "
        "one area (or the whole municipality). What you change here changes in the activity too."),
    "akt.in_plan": ("Varje aktivitet är också en åtgärd i åtgärdsplanen, där den följs upp med status och indikatorer.",
                    "Every activity is also an action in the action plan, where it is followed up with status and "
                    "indicators."),
    "plan.col.indicator": ("Indikator", "Indicator"),
    "plan.col.area": ("Område", "Area"),
    "plan.col.before_period": ("Före start: period", "Before the start: period"),
    "plan.col.before": ("Före start: värde", "Before the start: value"),
    "plan.col.after_period": ("Efter start: period", "After the start: period"),
    "plan.col.after": ("Efter start: värde", "After the start: value"),
    "plan.col.when": ("Registrerad", "Recorded"),
    "plan.col.note": ("Kommentar", "Comment"),
    "plan.col.by": ("Av", "By"),
    "plan.choose": ("Visa en åtgärd med uppföljning och historik", "Show one action with follow-up and history"),
    "plan.choose_placeholder": ("Välj en åtgärd", "Choose an action"),
    "plan.followup.title": ("Uppföljning", "Follow-up"),
    "plan.followup.not_effect": (
        "Tabellen visar hur indikatorerna har utvecklats före och efter åtgärdens start – utvecklingen, inte "
        "åtgärdens effekt. Värdena påverkas av mycket annat än åtgärden, och en förändring säger inte att åtgärden "
        "orsakade den.",
        "The table shows how the indicators developed before and after the action's start – the development, not the "
        "action's effect. The values are affected by much besides the action, and a change does not say that the "
        "action caused it."),
    "plan.followup.no_indicator": ("Ingen indikator är kopplad till åtgärden, så den kan inte följas upp med data ännu.",
                                   "No indicator is linked to the action, so it cannot be followed up with data yet."),
    "plan.followup.no_data": ("Lägesbilden har inga värden för åtgärdens indikatorer och områden.",
                              "The picture has no values for the action's indicators and areas."),
    "plan.followup.no_start": ("Åtgärden har inget startdatum: det senaste värdet visas, utan före och efter.",
                               "The action has no start date: the newest value is shown, without before and after."),
    "plan.history": ("Statushistorik", "Status history"),
    "plan.new_status": ("Ny status", "New status"),
    "plan.save_status": ("Spara status", "Save status"),
    "plan.status_saved": ("Statusen är sparad; historiken behåller de tidigare.",
                          "The status is saved; the history keeps the earlier ones."),
    # The lägesbild document (lag 2023:196): lagesbild.document and its writers
    "doc.title": ("Lägesbild {kommun} {year}", "Situation picture {kommun} {year}"),
    "doc.subtitle": (
        "Kartläggning, annan information av betydelse och analys enligt lag (2023:196) om kommuners ansvar för "
        "brottsförebyggande arbete, med åtgärdsplan och uppföljning",
        "Mapping, other relevant information and analysis under the Act (2023:196) on municipalities' responsibility "
        "for crime prevention, with action plan and follow-up",
    ),
    "doc.cut": ("Data t.o.m. {day}. Uppgifter om senare perioder ingår inte.",
                "Data up to {day}. Figures for later periods are not included."),
    "doc.made": ("Framtagen {day} ur {app}.", "Produced {day} from {app}."),
    "doc.every_figure": (
        "Varje figur och tabell anger källa och data t.o.m. Orden bättre, sämre och oförändrat följer regeln på sidan "
        "Om data och metod (Så bedöms läget).",
        "Every figure and table states its source and data up to. The words better, worse and unchanged follow the "
        "rule on the About data page (How the situation is judged).",
    ),
    "doc.part.kartlaggning": ("Kartläggning", "Mapping"),
    "doc.part.kartlaggning.intro": (
        "Brottsligheten och dess omfattning och konsekvenser i kommunen, per fokusområde i samverkan och per "
        "prioriterat område, ur offentlig statistik och parternas uppgifter.",
        "Crime, its extent and consequences in the kommun, per focus area of the cooperation and per priority area, "
        "from public statistics and the partners' figures.",
    ),
    "doc.part.annan": ("Annan information av betydelse", "Other relevant information"),
    "doc.part.annan.intro": (
        "Risk- och skyddsfaktorer i de prioriterade områdena, Polisens utsatta områden och parternas egna uppgifter.",
        "Risk and protective factors in the priority areas, the Police's vulnerable areas and the partners' own "
        "information.",
    ),
    "doc.part.analys": ("Analys", "Analysis"),
    "doc.part.analys.intro": (
        "Samordnarens samlade analys av läget, med läget i korthet per fokusområde och prioriterat område.",
        "The coordinator's overall analysis of the situation, with the verdict per focus area and priority area.",
    ),
    "doc.part.atgardsplan": ("Åtgärdsplan", "Action plan"),
    "doc.part.atgardsplan.intro": (
        "De åtgärder som ska genomföras utifrån lägesbilden, med ansvariga parter, period och förväntad effekt.",
        "The actions to be carried out from the situation picture, with responsible partners, period and expected "
        "effect.",
    ),
    "doc.part.uppfoljning": ("Uppföljning av förra periodens åtgärder", "Follow-up of the previous period's actions"),
    "doc.part.uppfoljning.intro": (
        "Åtgärder som startade senast {day}: hur deras indikatorer har utvecklats före och efter start.",
        "Actions started by {day}: how their indicators developed before and after the start.",
    ),
    "doc.section.focus": ("Fokusområde: {name}", "Focus area: {name}"),
    "doc.section.area": ("Prioriterat område: {name}", "Priority area: {name}"),
    "doc.section.factors": ("Risk- och skyddsfaktorer", "Risk and protective factors"),
    "doc.section.uso": ("Utsatta områden", "Vulnerable areas"),
    "doc.section.partners": ("Parternas information", "The partners' information"),
    "doc.section.analysis": ("Samlad analys", "Overall analysis"),
    "doc.section.plan": ("Åtgärder i planen", "Actions in the plan"),
    "doc.section.followup": ("Uppföljning", "Follow-up"),
    "doc.verdict": ("Läget i korthet", "The situation in brief"),
    "doc.contents": ("Innehåll", "Contents"),
    "doc.page.title": ("Lägesbildsdokument", "Situation picture document"),
    "doc.page.intro": (
        "Lägesbilden som lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete beskriver den: kartläggning, "
        "annan information av betydelse och analys, följd av åtgärdsplanen och uppföljningen. Välj år: siffrorna gäller "
        "till och med 31 december det året. Ladda ned dokumentet som Word-fil för att göra det till kommunens eget, "
        "eller som PDF.",
        "The situation picture as the Act (2023:196) on municipalities' responsibility for crime prevention describes "
        "it: mapping, other relevant information and analysis, followed by the action plan and the follow-up. Choose a "
        "year: the figures run up to 31 December of that year. Get the document as a Word file to make it the kommun's "
        "own, or as a PDF.",
    ),
    "doc.page.no_data": ("Det finns inga uppgifter att ta fram ett dokument från ännu.",
                         "There is no data to produce a document from yet."),
    "doc.page.year": ("År", "Year"),
    "doc.page.files": ("**Dokumentet som fil** – Word (DOCX) och PDF, med alla figurer och tabeller.",
                       "**The document as a file** – Word (DOCX) and PDF, with every figure and table."),
    "doc.page.make": ("Ta fram Word- och PDF-fil", "Make the Word and PDF files"),
    "doc.page.making": ("Figurerna ritas …", "Drawing the figures …"),
    "doc.page.no_charts": ("Figurerna kan inte ritas på den här servern just nu. Kontakta den som sköter appen.",
                           "The figures cannot be drawn on this server right now. Contact whoever runs the app."),
    "doc.page.docx": ("Ladda ned Word (DOCX)", "Get Word (DOCX)"),
    "doc.page.pdf": ("Ladda ned PDF", "Get PDF"),
    "doc.page.holds": ("I dokumentet: {figures} figurer och {tables} tabeller, var och en med källa och data t.o.m.:",
                       "In the document: {figures} figures and {tables} tables, each with source and data up to:"),
    "doc.page.write": ("Skriv analysen", "Write the analysis"),
    "doc.page.write_help": (
        "Vad kartläggningen visar, vad som förklarar det och vad det betyder för åtgärderna. Sparas med ditt namn; "
        "tidigare texter finns kvar i historiken.",
        "What the mapping shows, what explains it and what it means for the actions. Saved with your name; earlier "
        "texts stay in the history.",
    ),
    "doc.page.save": ("Spara analysen", "Save the analysis"),
    "doc.page.earlier": ("Tidigare versioner ({n})", "Earlier versions ({n})"),
    "doc.page.saved": ("Analysen för ”{section}” är sparad.", "The analysis for \u201c{section}\u201d is saved."),
    "doc.analysis": ("Analys", "Analysis"),
    "doc.analysis_missing": ("Analys saknas", "Analysis missing"),
    "doc.analysis_by": ("Skriven av {author} {day}", "Written by {author} {day}"),
    "doc.figure": ("Figur {n}", "Figure {n}"),
    "doc.table": ("Tabell {n}", "Table {n}"),
    "doc.factors.none": ("Inga risk- eller skyddsfaktorer finns för de prioriterade områdena.",
                         "No risk or protective factors exist for the priority areas."),
    "doc.factors.table": ("Risk- och skyddsfaktorer: {name}", "Risk and protective factors: {name}"),
    "doc.uso.none": ("Polisens lista över utsatta områden finns inte för kommunen.",
                     "The Police's list of vulnerable areas does not exist for the kommun."),
    "doc.uso.table": ("Utsatta områden per år", "Vulnerable areas per year"),
    "doc.partners.verdict": (
        "Aktiviteter i samverkansöverenskommelsen: {total} ({counts}). Status enligt senaste uppgift.",
        "Activities of the cooperation agreement: {total} ({counts}). Status as last recorded.",
    ),
    "doc.partners.none": ("Inga aktiviteter är registrerade.", "No activities are recorded."),
    "doc.partners.table": ("Aktiviteter per fokusområde och status", "Activities per focus area and status"),
    "doc.partners.col.focus": ("Fokusområde", "Focus area"),
    "doc.partners.col.total": ("Totalt", "Total"),
    "doc.partners.note": ("Antal aktiviteter, inte personer: inga små tal att skydda.",
                          "Number of activities, not people: no small numbers to protect."),
    "doc.plan.table": ("Åtgärder", "Actions"),
    "doc.plan.status_table": ("Åtgärder per status", "Actions per status"),
    "doc.plan.col.count": ("Antal åtgärder", "Number of actions"),
    "doc.plan.note": ("Åtgärdsplanen i appen, som den ser ut när dokumentet tas fram.",
                      "The action plan in the app, as it stands when the document is produced."),
    "doc.plan.none": ("Planen har inga åtgärder för perioden ännu.", "The plan has no actions for the period yet."),
    "doc.followup.verdict": ("Åtgärder som startat senast {day}: {n}; av dem följs {followed} upp med indikatorvärden efter start.",
                             "Actions started by {day}: {n}; of them {followed} followed up with indicator values after the start."),
    "doc.followup.none": ("Inga åtgärder i planen startade senast {day}.", "No action in the plan started by {day}."),
    "doc.followup.table": ("Indikatorer före och efter start", "Indicators before and after the start"),
    "doc.followup.col.action": ("Åtgärd", "Action"),
    # Place observations (EST; lagesbild.queries.observations, lagesbild.ui.observations_ui)
    "verdict.reporting": (
        "Ingen bedömning bättre eller sämre: antalet rapporterade iakttagelser speglar hur mycket parterna rapporterar "
        "lika mycket som hur mycket som händer.",
        "No better-or-worse verdict: the number of reported observations reflects how much the partners report as much "
        "as how much happens."),
    "obs.title": ("Iakttagelser", "Observations"),
    "obs.intro": (
        "Parternas rapportörer rapporterar vad de ser på platser i kommunen – skadegörelse, klotter, otrygga platser och "
        "annat – varje vecka (Brås metod Effektiv samordning för trygghet, EST). Här visas antalet **rapporterade "
        "iakttagelser** per vecka och per område, med små tal dolda.",
        "The partners' reporters report what they see at places in the kommun – vandalism, graffiti, unsafe places and "
        "more – every week (Brå's method Effective coordination for safety, EST). Shown here is the number of **reported "
        "observations** per week and per area, with small numbers hidden."),
    "obs.reports": ("Antal rapporter", "Number of reports"),
    "obs.counted": ("Rapporterade iakttagelser: {what}", "Reported observations: {what}"),
    "obs.definition": ("Antal iakttagelser som parternas rapportörer har rapporterat.",
                       "Number of observations reported by the partners' reporters."),
    "obs.week": ("v. {week} {year}", "wk {week} {year}"),
    "obs.col.category": ("Kategori", "Category"),
    "obs.brief": ("Rapporterade iakttagelser {week}: **{n}**, i {reports} rapporter.",
                  "Reported observations {week}: **{n}**, in {reports} reports."),
    "obs.none": ("Inga iakttagelser är rapporterade ännu.", "No observations have been reported yet."),
    "obs.weekly.title": ("Veckobild", "Weekly picture"),
    "obs.weekly.area": ("Område för veckobilden", "Area of the weekly picture"),
    "obs.weekly.caption": (
        "Rapporterade iakttagelser per kategori de senaste tolv veckorna, bredvid antalet rapporter. Tal 1–{below} "
        "visas som ”..”, och fler celler döljs där summor annars skulle avslöja dem.",
        "Reported observations per category over the last twelve weeks, beside the number of reports. Numbers 1–{below} "
        "are shown as \"..\", and more cells are hidden where totals would otherwise reveal them."),
    "obs.trend.category": ("Kategori i diagrammet", "Category in the chart"),
    "obs.district.title": ("Per område och månad", "Per area and month"),
    "obs.district.caption": (
        "Per område visas månader, inte veckor: per vecka vore nästan varje tal dolt. En vecka räknas till den månad där "
        "dess torsdag ligger, så att veckor och månader går jämnt upp och inget dolt tal kan räknas fram ur dem.",
        "Per area, months are shown, not weeks: per week almost every number would be hidden. A week counts in the month "
        "of its Thursday, so that weeks and months add up exactly and no hidden number can be worked out from them."),
    "obs.district.period": ("Månad", "Month"),
    "obs.district.map_title": ("{what}, {period}", "{what}, {period}"),
    "obs.col.area": ("Område", "Area"),
    "obs.col.value": ("Rapporterade iakttagelser", "Reported observations"),
    "obs.form.title": ("Rapportera iakttagelse", "Report an observation"),
    "obs.form.intro": (
        "Ange område, dag, tid på dygnet, kategori och antal. Skriv inga personuppgifter i anteckningen – inga namn, "
        "personnummer, telefonnummer eller e-postadresser. Anteckningen visas aldrig för läsare.",
        "Give area, day, time of day, category and count. Write no personal data in the note – no names, personal "
        "identity numbers, phone numbers or e-mail addresses. The note is never shown to readers."),
    "obs.form.partner": ("Organisation", "Organisation"),
    "obs.form.area": ("Område", "Area"),
    "obs.form.area_help": ("Området, inte en punkt: bara området sparas.", "The area, not a point: only the area is stored."),
    "obs.form.date": ("Datum", "Date"),
    "obs.form.time_band": ("Tid på dygnet", "Time of day"),
    "obs.form.category": ("Kategori", "Category"),
    "obs.form.count": ("Antal", "Count"),
    "obs.form.note": ("Anteckning (högst {n} tecken, inga personuppgifter)", "Note (at most {n} characters, no personal data)"),
    "obs.form.submit": ("Spara iakttagelse", "Save observation"),
    "obs.form.choose": ("Välj", "Choose"),
    "obs.saved": ("Iakttagelsen är sparad. Tack!", "The observation is saved. Thank you!"),
    "obs.form.on_map": ("Välj område på kartan", "Choose the area on the map"),
    "obs.form.on_map_help": ("Klicka i ett område på kartan: området fylls i nedan. Bara området sparas, aldrig "
                             "punkten du klickade på.",
                             "Click an area on the map: it is filled in below. Only the area is stored, never the "
                             "point you clicked."),
    "obs.link.title": ("Koppla iakttagelser till en åtgärd", "Link observations to an action"),
    "obs.link.intro": ("Välj iakttagelser och den åtgärd i åtgärdsplanen som de hör till. Välj ”Ingen åtgärd” för att "
                       "ta bort en koppling. Anteckningarna visas inte här.",
                       "Choose observations and the action in the action plan they belong to. Choose ”No action” to "
                       "remove a link. The notes are not shown here."),
    "obs.link.observations": ("Iakttagelser (de senaste {n})", "Observations (the latest {n})"),
    "obs.link.action": ("Åtgärd", "Action"),
    "obs.link.none": ("Ingen åtgärd", "No action"),
    "obs.link.submit": ("Spara kopplingen", "Save the link"),
    "obs.link.saved": ("Kopplingen är sparad för {n} iakttagelser.", "The link is saved for {n} observations."),
    "obs.link.no_plan": ("Åtgärdsplanen har inga åtgärder ännu. Skapa en med ”Gör till åtgärd”.",
                         "The action plan has no actions yet. Create one with ”Turn into an action”."),
    "obs.link.choose_some": ("Välj minst en iakttagelse.", "Choose at least one observation."),
    "obs.link.in_plan": ("Kopplade iakttagelser", "Linked observations"),
    "obs.link.in_plan_text": ("{reports} rapporter ({categories})", "{reports} reports ({categories})"),
    "obs.to_action": ("Gör till åtgärd", "Turn into an action"),
    "obs.to_action_help": ("Öppnar åtgärdsplanens formulär med området och en titel ifyllda. Koppla sedan "
                           "iakttagelserna till åtgärden längst ner på den här sidan.",
                           "Opens the action plan's form with the area and a title filled in. Then link the "
                           "observations to the action at the bottom of this page."),
    "obs.to_action_title": ("{what} i {area}", "{what} in {area}"),
    "obs.to_action_any": ("Rapporterade iakttagelser", "Reported observations"),
}


def t(key: str, lang: str = "sv", **values) -> str:
    """The string for `key` in `lang`; `values` fill its {placeholders}."""
    sv, en = STRINGS[key]
    text = en if lang == "en" else sv
    return text.format(**values) if values else text
