"""Domain vocabulary: statuses, data types and roles. Pure Python, no streamlit.

Colours follow the Okabe-Ito palette (safe for the common colour-vision deficiencies);
every status is always shown as icon + text, never by colour alone (WCAG 1.4.1).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class StatusKind(str, Enum):
    UNKNOWN = "okand"
    PROGRESS = "framsteg"
    VERDICT = "bedomning"


@dataclass(frozen=True)
class StatusInfo:
    code: str
    label_sv: str
    label_en: str
    kind: StatusKind
    icon: str  # Material icon name, rendered by streamlit as :material/<icon>:
    symbol: str  # plain-text symbol for PDF/PPTX/CSV where icons are unavailable
    color: str
    order: int


class ReformStatus(str, Enum):
    EJ_BEDOMD = "ej_bedomd"
    EJ_PABORJAD = "ej_paborjad"
    PABORJAD = "paborjad"
    PAGAENDE = "pagaende"
    FORSENAD = "forsenad"
    GENOMFORD = "genomford"
    DELVIS_GENOMFORD = "delvis_genomford"
    EJ_GENOMFORD = "ej_genomford"

    @property
    def info(self) -> StatusInfo:
        return STATUS_INFO[self]

    @classmethod
    def parse(cls, text: str) -> "ReformStatus":
        """Accept a code or a Swedish/English label (as written in an exported sheet)."""
        key = (text or "").strip().casefold()
        for status, info in STATUS_INFO.items():
            if key in (status.value, info.label_sv.casefold(), info.label_en.casefold()):
                return status
        raise ValueError(text)


_K = StatusKind
STATUS_INFO: dict[ReformStatus, StatusInfo] = {
    ReformStatus.EJ_BEDOMD: StatusInfo("ej_bedomd", "Ej bedömd", "Not assessed", _K.UNKNOWN, "help", "?", "#BBBBBB", 0),
    ReformStatus.EJ_PABORJAD: StatusInfo("ej_paborjad", "Ej påbörjad", "Not started", _K.PROGRESS, "radio_button_unchecked", "○", "#999999", 1),
    ReformStatus.PABORJAD: StatusInfo("paborjad", "Påbörjad", "Started", _K.PROGRESS, "play_circle", "▷", "#56B4E9", 2),
    ReformStatus.PAGAENDE: StatusInfo("pagaende", "Pågående", "In progress", _K.PROGRESS, "autorenew", "↻", "#0072B2", 3),
    ReformStatus.FORSENAD: StatusInfo("forsenad", "Försenad", "Delayed", _K.PROGRESS, "schedule", "◷", "#E69F00", 4),
    ReformStatus.GENOMFORD: StatusInfo("genomford", "Genomförd", "Done", _K.VERDICT, "check_circle", "✓", "#009E73", 5),
    ReformStatus.DELVIS_GENOMFORD: StatusInfo("delvis_genomford", "Delvis genomförd", "Partly done", _K.VERDICT, "incomplete_circle", "◐", "#F0E442", 6),
    ReformStatus.EJ_GENOMFORD: StatusInfo("ej_genomford", "Ej genomförd", "Not done", _K.VERDICT, "cancel", "✕", "#D55E00", 7),
}

STATUS_KIND_LABELS = {
    StatusKind.UNKNOWN: ("Ej bedömd", "Not assessed"),
    StatusKind.PROGRESS: ("Framstegsstatus", "Progress state"),
    StatusKind.VERDICT: ("Slutbedömning", "Verdict"),
}


class DataType(str, Enum):
    """What kind of figure a number is. Shown next to every figure."""

    ANMALDA_BROTT = "anmalda_brott"
    PUBLICERADE_HANDELSER = "publicerade_handelser"
    ENKAT = "enkat"
    PARTNERRAPPORT = "partnerrapport"
    REGISTERSTATISTIK = "registerstatistik"
    KLASSNING = "klassning"

    @property
    def label_sv(self) -> str:
        return DATA_TYPE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return DATA_TYPE_LABELS[self][1]


DATA_TYPE_LABELS = {
    DataType.ANMALDA_BROTT: ("Anmälda brott", "Reported offences"),
    DataType.PUBLICERADE_HANDELSER: ("Publicerade händelser", "Published police events"),
    DataType.ENKAT: ("Enkät", "Survey"),
    DataType.PARTNERRAPPORT: ("Partnerrapport", "Partner report"),
    DataType.REGISTERSTATISTIK: ("Registerstatistik", "Register statistics"),
    DataType.KLASSNING: ("Myndighetens klassning", "Authority classification"),
}


class ActivityStatus(str, Enum):
    PLANERAD = "planerad"
    PAGAENDE = "pagaende"
    GENOMFORD = "genomford"
    AVBRUTEN = "avbruten"

    @property
    def label_sv(self) -> str:
        return ACTIVITY_STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return ACTIVITY_STATUS_LABELS[self][1]

    @classmethod
    def parse(cls, text: str) -> "ActivityStatus":
        key = (text or "").strip().casefold()
        for status, (sv, en) in ACTIVITY_STATUS_LABELS.items():
            if key in (status.value, sv.casefold(), en.casefold()):
                return status
        raise ValueError(text)


ACTIVITY_STATUS_LABELS = {
    ActivityStatus.PLANERAD: ("Planerad", "Planned"),
    ActivityStatus.PAGAENDE: ("Pågående", "Ongoing"),
    ActivityStatus.GENOMFORD: ("Genomförd", "Completed"),
    ActivityStatus.AVBRUTEN: ("Avbruten", "Cancelled"),
}


class Role(str, Enum):
    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"
    # Files place observations for their own organisation only (EST's trained reporters).
    REPORTER = "reporter"
    # The kommun's coordinator: edits the analysis and the åtgärdsplan, for every partner.
    COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Actor:
    """Who is acting. `partner_id` scopes an editor to its own organisation's records."""

    name: str
    role: Role = Role.VIEWER
    partner_id: str | None = None
    reform_editor: bool = False

    @property
    def can_write(self) -> bool:
        return self.role in (Role.EDITOR, Role.ADMIN)


SYSTEM_ACTOR = Actor(name="system", role=Role.ADMIN, reform_editor=True)

UNKNOWN_SV = "Uppgift saknas"
NOT_ASSESSED_SV = "Ej bedömd"
NOT_GIVEN_SV = "Ej angiven"
