"""Läget i korthet: what the data says, by rules stated once (here and on the Om page).

Over time: the newest value against the same period a year earlier. A change counts only when
it is larger than the series' normal variation: 1.5 × the median absolute year-on-year change
of up to ten earlier years (about one standard deviation for normally distributed changes).
Fewer than four earlier changes: *kan inte bedömas*. Inside the normal variation: *oförändrat*.
Otherwise *bättre* or *sämre* by the direction stated in the indicator registry.

Across places: an area against the kommun (same indicator, same period) is *högre* or *lägre*
when it differs by more than 10 % of the kommun's value, else *i nivå med kommunen*; the kommun
against its comparison kommuner uses the peers' middle half (lagesbild.peers).

Indicators whose registry direction is `neutral` (population, demography, published police
notices) never get a verdict word; their figures stay in the evidence below the verdict.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from statistics import median

import pandas as pd

from lagesbild import fmt, peers
from lagesbild.queries import indicators as iv
from lagesbild.i18n import t
from lagesbild.registry.indicators import Indicator, indicator, indicators

MIN_HISTORY = 4  # earlier year-on-year changes needed to know the normal variation
HISTORY_YEARS = 10
NOISE_FACTOR = 1.5
PLACE_MARGIN = 0.10  # more than 10 % above or below the kommun's value
RATE_UNITS = ("per_100k", "per_1000", "procent", "tkr")  # comparable across places of different size
WORDED = ("lower_better", "higher_better")

# Verdict words (keys into the i18n table; the reader sees t(key))
BETTER, WORSE, UNCHANGED, UNKNOWN = "battre", "samre", "oforandrat", "kan_inte"
HIGHER, LOWER, IN_LINE = "hogre", "lagre", "i_niva"


@dataclass(frozen=True)
class TimeVerdict:
    word: str | None  # battre | samre | oforandrat | kan_inte | None (neutral direction)
    change: iv.Change | None
    threshold: float | None  # the normal variation, in the unit of `relative`
    relative: bool  # change measured as a share (True) or in the unit, e.g. percentage points


@dataclass(frozen=True)
class Line:
    """One figure of the verdict block."""
    indicator_id: str
    period: str
    value: float
    time: TimeVerdict | None = None
    place: str | None = None  # hogre | lagre | i_niva (against the kommun)
    place_reading: str | None = None  # battre | samre | i_niva | None
    kommun_value: float | None = None
    peer: peers.Verdict | None = None
    source_ids: tuple[str, ...] = field(default_factory=tuple)
    data_tom: object = None
    shared_with: str = ""  # other focus areas the same proxy stands for (said on each of them)

    @property
    def ind(self) -> Indicator:
        return indicator(self.indicator_id)

    @property
    def has_word(self) -> bool:
        words = [self.place_reading, self.peer.reading if self.peer else None,
                 self.time.word if self.time and self.time.word not in (None, UNKNOWN) else None]
        return any(w is not None for w in words)


# --- the rules --------------------------------------------------------------------------------


def _yoy(s: pd.DataFrame, relative: bool) -> list[tuple[str, float]]:
    """(period, change against the same period a year earlier) for every known pair."""
    known = {r.period: float(r.value) for r in s.itertuples() if not r.suppressed and pd.notna(r.value)}
    out = []
    for period, value in known.items():
        prev = known.get(iv.previous_year_period(period) or "")
        if prev is None:
            continue
        if relative:
            if prev == 0:
                continue
            out.append((period, (value - prev) / prev))
        else:
            out.append((period, value - prev))
    return out


def time_verdict(s: pd.DataFrame, ind: Indicator) -> TimeVerdict | None:
    """The newest value against a year earlier, judged against the series' normal variation."""
    ch = iv.change(s)
    if ch is None:
        return None
    relative = ind.unit != "procent"  # shares move in percentage points, counts and rates in per cent
    worded = ind.direction in WORDED
    if ch.previous is None or ch.hidden or ch.diff is None:
        return TimeVerdict(UNKNOWN if worded else None, ch, None, relative)
    changes = [c for p, c in _yoy(s, relative) if p < ch.current.period]  # periods sort as text: 2024K3 < 2025K1
    history = [abs(c) for c in changes[-HISTORY_YEARS * _per_year(ind):]]
    now = (ch.diff / ch.previous.value) if relative and ch.previous.value else ch.diff
    if len(history) < MIN_HISTORY or now is None:
        return TimeVerdict(UNKNOWN if worded else None, ch, None, relative)
    threshold = NOISE_FACTOR * median(history)
    if not worded:
        return TimeVerdict(None, ch, threshold, relative)
    if abs(now) <= threshold:
        return TimeVerdict(UNCHANGED, ch, threshold, relative)
    better = now < 0 if ind.direction == "lower_better" else now > 0
    return TimeVerdict(BETTER if better else WORSE, ch, threshold, relative)


def _per_year(ind: Indicator) -> int:
    return {"kvartal": 4, "manad": 12}.get(ind.periodicity, 1)


def place_verdict(value: float, kommun_value: float | None, direction: str) -> tuple[str | None, str | None]:
    """(hogre | lagre | i_niva, battre | samre | i_niva | None) for an area against the kommun."""
    if kommun_value is None or math.isnan(kommun_value) or value is None or math.isnan(value) or kommun_value == 0:
        return None, None
    rel = (value - kommun_value) / abs(kommun_value)
    pos = HIGHER if rel > PLACE_MARGIN else LOWER if rel < -PLACE_MARGIN else IN_LINE
    if direction not in WORDED:
        return pos, None
    if pos == IN_LINE:
        return pos, IN_LINE
    good = LOWER if direction == "lower_better" else HIGHER
    return pos, BETTER if pos == good else WORSE


# --- lines for a focus area, the kommun and an area ---------------------------------------------


def kommun_line(pic, ind: Indicator) -> Line | None:
    s = iv.series(pic, ind.id)
    pt = iv.latest(s)
    if pt is None or not pt.known:
        return None
    peer = peers.peer_verdict(pic, ind.id) if ind.id in {p.id for p in peers.categories()} else None
    if peer is not None and peer.period != pt.period:
        peer = None  # never a peer verdict for another year than the figure shown
    return Line(ind.id, pt.period, pt.value, time=time_verdict(s, ind), peer=peer, source_ids=(ind.source_id,),
                data_tom=iv.data_tom(pic, ind.id))


def in_brief(lines: list[Line], today, limit: int = 5) -> list[Line]:
    """What the verdict block shows: lines with a verdict word first (worse before better), then
    figures without a word only if they are not stale (older than the source's update cycle
    allows); the rest stays in the evidence below."""
    worded = [ln for ln in lines if ln.has_word]
    fresh = [ln for ln in lines if not ln.has_word and
             (ln.data_tom is None or iv.stale_after(ln.indicator_id, ln.data_tom) >= today)]
    return (worded + fresh)[:limit]


def focus_lines(pic, focus_area_id: str) -> list[Line]:
    """The focus area's kommun-level rates and shares with data: headline first, then by name.
    Built once per picture (a rerun of the page reuses them)."""
    return list(iv.memo(pic, ("verdict.focus", focus_area_id), lambda: _focus_lines(pic, focus_area_id)))


def _focus_lines(pic, focus_area_id: str) -> list[Line]:
    inds = [i for i in indicators().values() if focus_area_id in i.focus_areas and i.unit in RATE_UNITS
            and not i.factor and i.level in ("kommun", "lokalpolisomrade")]
    inds.sort(key=lambda i: (not i.headline, i.direction not in WORDED, i.name_sv))
    lines = [ln for ln in (kommun_line(pic, i) for i in inds) if ln is not None]
    focus = pic.table("focus_areas")
    names = dict(zip(focus["id"], focus["name_sv"]))
    out = []
    for ln in lines:
        others = [names.get(f, f) for f in ln.ind.focus_areas if f != focus_area_id]
        out.append(replace(ln, shared_with=", ".join(others)) if ln.ind.proxy and others else ln)
    return out


def overview_lines(pic, focus_area_ids: list[str]) -> dict[str, Line | None]:
    """One line per focus area: its headline rate (the first worded one if there are several)."""
    out = {}
    for fid in focus_area_ids:
        lines = focus_lines(pic, fid)
        ranked = sorted(lines, key=lambda ln: (not ln.has_word, ln.peer is None, not ln.ind.headline))
        out[fid] = ranked[0] if ranked else None
    return out


def proxies_only(lines: list[Line]) -> bool:
    """No direct public measure: every figure is a proxy (or there is none)."""
    return all(ln.ind.proxy for ln in lines)


def area_lines(pic, area_code: str) -> list[Line]:
    """Every rate or share the area has with a stated direction, against the kommun (same period):
    the area factors (SCB, elections) and any area series a partner has loaded. A count (a
    partner's cases per area) is judged over time only: against the kommun it would compare
    places of different size. Built once per picture."""
    return list(iv.memo(pic, ("verdict.area", area_code), lambda: _area_lines(pic, area_code)))


def _area_lines(pic, area_code: str) -> list[Line]:
    obs = pic.table("observations")
    kommun = iv.kommun_code()
    mine = obs[(obs["area_code"] == area_code) & obs["value"].notna()]
    lines = []
    for iid in sorted(mine["indicator_id"].unique()):
        ind = indicators().get(iid)
        if ind is None or ind.unit not in (*RATE_UNITS, "antal") or ind.direction not in WORDED:
            continue
        s = iv.series(pic, iid, area_code)
        pt = iv.latest(s)
        if pt is None or not pt.known:
            continue
        if ind.is_count:
            tv = time_verdict(s, ind)
            lines.append(Line(iid, pt.period, pt.value, time=tv if tv and tv.change and tv.change.previous else None,
                              source_ids=(ind.source_id,), data_tom=iv.data_tom(pic, iid, area_code)))
            continue
        k = iv.series(pic, iid, kommun)
        k = k[(k["period"] == pt.period) & ~k["suppressed"].astype(bool)]
        k_value = float(k["value"].iloc[0]) if not k.empty and pd.notna(k["value"].iloc[0]) else None
        pos, reading = place_verdict(pt.value, k_value, ind.direction)
        tv = time_verdict(s, ind)
        lines.append(Line(iid, pt.period, pt.value, time=tv if tv and tv.change and tv.change.previous else None,
                          place=pos, place_reading=reading, kommun_value=k_value, source_ids=(ind.source_id,),
                          data_tom=iv.data_tom(pic, iid, area_code)))
    lines.sort(key=lambda ln: ({WORSE: 0, BETTER: 1}.get(ln.place_reading, 2), ln.ind.name_sv))
    return lines


def headline(pic, slug: str, params: dict, today, lang: str) -> str | None:
    """The first line of a view's "Läget i korthet" as a sentence (a slide's headline): for a
    focus area or an area; None for views without a verdict block."""
    params = params or {}
    if slug == "fokusomraden" and params.get("fokus") and not params.get("indikator"):
        lines = focus_lines(pic, params["fokus"])
    elif slug == "omraden" and params.get("omrade"):
        lines = area_lines(pic, params["omrade"])
    else:
        return None
    shown = in_brief(lines, today, limit=1)
    return sentence(shown[0], lang) if shown else None


def area_summary(lines: list[Line], lang: str) -> str | None:
    """"sämre än kommunen på 3 av 4 mått (…), bättre på 0" for Översikt; None without lines."""
    judged = [ln for ln in lines if ln.place_reading is not None]
    if not judged:
        return None
    worse = [ln.ind.name(lang).lower() for ln in judged if ln.place_reading == WORSE]
    better = [ln.ind.name(lang).lower() for ln in judged if ln.place_reading == BETTER]
    return t("verdict.area_summary", lang).format(
        worse=len(worse), better=len(better), n=len(judged), names=", ".join(worse) or "–")


def missing_partner_indicators(level_codes: tuple[str, ...], loaded: set[str]) -> list[Indicator]:
    """Registered indicators at area level that a partner could supply but nobody has loaded."""
    return [i for i in indicators().values()
            if i.level in level_codes and i.source_id.startswith("partner") and i.id not in loaded]


def reporting_note(lang: str) -> str:
    """The line that stands where a verdict would: partners' place observations
    (lagesbild.queries.observations) measure how much is reported as much as how much happens, so
    they never get a better/worse word, over time or against other places."""
    return t("verdict.reporting", lang)


# --- words ------------------------------------------------------------------------------------


def value_text(line: Line, lang: str) -> str:
    ind = line.ind
    if ind.unit == "procent":
        return f"{fmt.number(line.value, 1, lang)}\u00a0%"
    if ind.is_count:
        return fmt.number(line.value, 0, lang)
    number = fmt.number(line.value, 0 if abs(line.value) >= 100 else 1, lang)
    named = ind.unit in ("per_100k", "per_1000") and ind.name(lang).rstrip(")").endswith(("invånare", "inhabitants", "(Kolada"))
    return number if named else f"{number} {ind.unit_label(lang)}"


def _unit_value(value: float, ind: Indicator, lang: str) -> str:
    if ind.unit == "procent":
        return f"{fmt.number(value, 1, lang)}\u00a0%"
    return fmt.number(value, 0 if abs(value) >= 100 else 1, lang)


def _plain(word: str) -> str:
    return word


def time_text(tv: TimeVerdict | None, ind: Indicator, lang: str, em=_plain) -> str | None:
    """"oförändrat (−1 % mot 2024; normal variation ±6 %)"; `em` marks the verdict word."""
    if tv is None or tv.change is None or tv.change.previous is None:
        return None
    change = iv.change_text(tv.change, ind.unit, lang)
    if tv.word is None:  # neutral direction: the change without a judgement
        return change
    word = em(t(f"verdict.time.{tv.word}", lang))
    if tv.word == UNKNOWN:
        return f"{word} ({change}; {t('verdict.too_few', lang)})" if change else word
    band = (fmt.percent(tv.threshold, 0 if tv.threshold >= 0.1 else 1, lang) if tv.relative else
            f"{fmt.number(tv.threshold, 1, lang)} {t('verdict.pp', lang)}")
    return f"{word} ({change}; {t('verdict.normal', lang)} ±{band})"


def place_text(line: Line, lang: str, em=_plain) -> str | None:
    if line.place is None:
        return None
    words = em(t(f"verdict.place.{line.place}", lang)) + f" ({t('verdict.kommun', lang)} {_unit_value(line.kommun_value, line.ind, lang)})"
    if line.place_reading in (BETTER, WORSE):
        words += f" – {em(t(f'verdict.reading.{line.place_reading}', lang))}"
    return words


def peer_text(line: Line, lang: str, em=_plain) -> str | None:
    if line.peer is None:
        return None
    p = line.peer
    words = f"{em(p.position_text(lang))}, {p.rank_text(lang)}"
    if p.reading in (BETTER, WORSE):
        words += f" – {em(t(f'verdict.reading.{p.reading}', lang))}"
    return words


def sentence(line: Line, lang: str, em=_plain) -> str:
    """One line: the figure, then each verdict with its comparison. `em` marks the verdict words
    (bold on screen; plain in exports)."""
    tag = t("verdict.proxy", lang) if line.ind.proxy else ""
    if line.shared_with:
        tag += ", " + t("verdict.proxy_shared", lang).format(names=line.shared_with)
    name = em(line.ind.name(lang)) + (f" ({tag})" if tag else "")
    parts = [f"{name} {line.period}: {value_text(line, lang)}"]
    for text in (place_text(line, lang, em), peer_text(line, lang, em), time_text(line.time, line.ind, lang, em)):
        if text:
            parts.append(text)
    return " · ".join(parts)
