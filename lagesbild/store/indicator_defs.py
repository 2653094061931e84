"""Indicators an administrator registers in the app: a partner's own series (name, unit,
desirable direction, level, periodicity, focus areas) without editing the registry file.
Checked (every problem at once, in Swedish), audited, never deleted (frozen meetings may show
the figures). Registered by those who may import data (the Administration page). The registry reads them through the Picture (lagesbild.registry.indicators)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lagesbild.domain import Actor
from lagesbild.errors import Issue, ValidationError
from lagesbild.registry.indicators import file_ids
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import FocusArea, IndicatorDefinition, Partner

PREFIX = "partner_"  # the partner template accepts these ids (lagesbild.importers.partner)
# What a partner's series may be: counts, rates per 1 000 and shares; never an ordinal class.
UNITS = ("antal", "per_1000", "procent")
# The one partition a series is reported on (two partitions that do not nest, e.g. RegSO and
# valdistrikt, would let hidden cells be worked out by differencing; lagesbild.importers.partner).
LEVELS = ("regso", "valdistrikt", "prioriterat", "kommun")
PERIODICITIES = ("manad", "kvartal", "ar")
DIRECTIONS = ("lower_better", "higher_better", "neutral")
MAX_NAME = 200
MAX_DEFINITION = 2000


@dataclass(frozen=True)
class IndicatorSpec:
    name_sv: str
    definition_sv: str
    unit: str
    level: str
    periodicity: str
    direction: str
    focus_areas: tuple[str, ...] = ()
    name_en: str = ""
    partner_id: str | None = None

    def cleaned(self) -> "IndicatorSpec":
        return IndicatorSpec(self.name_sv.strip(), self.definition_sv.strip(), self.unit, self.level, self.periodicity,
                             self.direction, tuple(self.focus_areas), (self.name_en or "").strip(), self.partner_id or None)


def indicator_id(name_sv: str) -> str:
    """partner_ + the Swedish name in lower case ASCII ("Ärenden i trapphus" → partner_arenden_i_trapphus)."""
    ascii_ = unicodedata.normalize("NFKD", name_sv.casefold()).encode("ascii", "ignore").decode()
    return PREFIX + (re.sub(r"[^a-z0-9]+", "_", ascii_).strip("_")[:60] or "indikator")


def validate(spec: IndicatorSpec, *, focus_areas: set[str], partners: set[str], taken: set[str]) -> list[Issue]:
    issues = []
    if len(spec.name_sv) < 3:
        issues.append(Issue("namnet saknas eller är för kort (minst 3 tecken).", None, "namn"))
    elif len(spec.name_sv) > MAX_NAME or len(spec.name_en) > MAX_NAME:
        issues.append(Issue(f"namnet är längre än {MAX_NAME} tecken.", None, "namn"))
    elif indicator_id(spec.name_sv) in taken:
        issues.append(Issue(f"en indikator med namnet ”{spec.name_sv}” finns redan; välj ett annat namn.", None, "namn"))
    if len(spec.definition_sv) < 10:
        issues.append(Issue("definitionen saknas: skriv vad som räknas och hur (minst 10 tecken).", None, "definition"))
    elif len(spec.definition_sv) > MAX_DEFINITION:
        issues.append(Issue(f"definitionen är längre än {MAX_DEFINITION} tecken.", None, "definition"))
    for value, allowed, column in ((spec.unit, UNITS, "enhet"), (spec.level, LEVELS, "nivå"),
                                   (spec.periodicity, PERIODICITIES, "periodicitet"), (spec.direction, DIRECTIONS, "riktning")):
        if value not in allowed:
            issues.append(Issue(f"”{value}” är inget giltigt värde; förväntat ett av {', '.join(allowed)}.", None, column))
    unknown = [f for f in spec.focus_areas if f not in focus_areas]
    if unknown:
        issues.append(Issue(f"okänt fokusområde: {', '.join(unknown)}.", None, "fokusområden"))
    if spec.partner_id and spec.partner_id not in partners:
        issues.append(Issue(f"parten ”{spec.partner_id}” finns inte.", None, "partner"))
    return issues


def register_indicator(s: Session, actor: Actor, spec: IndicatorSpec) -> str:
    """Check and store a new indicator; returns its id. Those who may import data; an editor
    tied to a partner only for that partner's own series."""
    spec = spec.cleaned()
    require(actor, "data.import", partner_id=spec.partner_id or ("" if actor.partner_id else None))
    taken = file_ids() | set(s.scalars(select(IndicatorDefinition.id)))
    issues = validate(spec, focus_areas=set(s.scalars(select(FocusArea.id))), partners=set(s.scalars(select(Partner.id))),
                      taken=taken)
    if issues:
        raise ValidationError(issues, "Indikatorn registrerades inte. Inget har ändrats.")
    iid = indicator_id(spec.name_sv)
    s.add(IndicatorDefinition(id=iid, name_sv=spec.name_sv, name_en=spec.name_en or spec.name_sv,
                              definition_sv=spec.definition_sv, unit=spec.unit, level=spec.level,
                              periodicity=spec.periodicity, direction=spec.direction,
                              focus_areas=",".join(spec.focus_areas), partner_id=spec.partner_id, created_by=actor.name))
    audit(s, actor, "create", "indicator_definition", iid, name=spec.name_sv, unit=spec.unit, level=spec.level,
          direction=spec.direction)
    s.flush()
    return iid
