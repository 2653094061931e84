"""Swedish number and date formats (Babel): NBSP thousands separator, decimal comma."""
from __future__ import annotations

import math
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from lagesbild.domain import UNKNOWN_SV
from lagesbild.i18n import t

SUPPRESSED = ".."
LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, decimals: int = 0, lang: str = "sv") -> str:
    if _missing(value):
        return t("common.missing", lang)
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=fmt, locale=LOCALES[lang])


def percent(value, decimals: int = 0, lang: str = "sv", signed: bool = False) -> str:
    """`value` is a fraction (0.12 → 12 %)."""
    if _missing(value):
        return t("common.missing", lang)
    fmt = ("+" if signed and value > 0 else "") + "#,##0" + ("." + "0" * decimals if decimals else "") + "\u00a0%"
    return format_percent(value, format=fmt, locale=LOCALES[lang])


def iso(d: date | datetime | None) -> str:
    if d is None:
        return UNKNOWN_SV
    return d.strftime("%Y-%m-%d")


def long_date(d: date, lang: str = "sv") -> str:
    return format_date(d, format="long", locale=LOCALES[lang])
