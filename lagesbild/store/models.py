"""SQLAlchemy 2 models: the one schema behind every page. Alembic migrations mirror it
(`lagesbild/store/migrations`); a test fails when the two drift apart.

History is append-only where it matters: a reform's status is its latest `ReformUpdate`,
never an overwritten column, and every write leaves an `AuditEntry`.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import Column, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from lagesbild.store.change import change_default


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Versioned:
    """A table the picture reads: every row carries the data version (`DataVersion`) that wrote
    it, and `lagesbild.store.versioning` copies a row's previous content to `<table>_history`
    before it is changed or deleted. So the picture as it stood at any version can be read
    back (a frozen meeting is an as-of point, not a copy). The default refuses a write that
    did not pass the versioning hooks (see `lagesbild.store.change`)."""

    valid_from: Mapped[int] = mapped_column(Integer, default=change_default, onupdate=change_default, index=True)


class DataVersion(Base):
    """One row: the newest data version. A write bumps it once per transaction, holding the row
    until commit, so versions are committed in order on SQLite and PostgreSQL alike."""

    __tablename__ = "data_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    current: Mapped[int] = mapped_column(Integer)
    # This database's identity (made when it was created): version 7 of one store is not
    # version 7 of another, which a cache of pictures on disk must tell apart.
    store_id: Mapped[str] = mapped_column(String(36))


# --- reference data -------------------------------------------------------------------


class Partner(Versioned, Base):
    __tablename__ = "partner"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    # Retired by an admin (lagesbild.store.reference): it stays in history and in old
    # activities, but is not offered for new ones.
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class FocusArea(Versioned, Base):
    __tablename__ = "focus_area"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    sort: Mapped[int] = mapped_column(Integer)
    name_sv: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    scope_sv: Mapped[str] = mapped_column(Text, default="")
    scope_en: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class District(Versioned, Base):
    """An area: the kommun itself, a RegSO, DeSO, valdistrikt or a priority area."""

    __tablename__ = "district"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(40), index=True)  # riket|lan|kommun|regso|deso|valdistrikt|prioriterat|kommundel
    parent_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    is_priority: Mapped[bool] = mapped_column(Boolean, default=False)


# --- reforms --------------------------------------------------------------------------


class Reform(Versioned, Base):
    __tablename__ = "reform"
    id: Mapped[str] = mapped_column(String(10), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    title_sv: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    theme: Mapped[str] = mapped_column(String(80))
    responsible: Mapped[str] = mapped_column(String(200))
    # Optimistic concurrency: every accepted update bumps it; a writer must name the
    # version it saw, or its write is refused.
    version: Mapped[int] = mapped_column(Integer, default=0)
    # Retired by an admin: kept for history and frozen meetings, offered for nothing new.
    retired_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    updates: Mapped[list["ReformUpdate"]] = relationship(
        back_populates="reform", order_by="ReformUpdate.seq", cascade="all, delete-orphan"
    )
    focus_links: Mapped[list["ReformFocusLink"]] = relationship(cascade="all, delete-orphan")
    district_links: Mapped[list["ReformDistrictLink"]] = relationship(cascade="all, delete-orphan")


class ReformUpdate(Versioned, Base):
    """One assessment of a reform. Never edited or deleted: the history is the record."""

    __tablename__ = "reform_update"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reform_id: Mapped[str] = mapped_column(ForeignKey("reform.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # the reform version this update created
    status: Mapped[str] = mapped_column(String(30))
    progress: Mapped[int | None] = mapped_column(Integer, nullable=True)
    update_date: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200))
    motivation: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(200))
    via_import: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), nullable=True)

    reform: Mapped[Reform] = relationship(back_populates="updates")
    __table_args__ = (UniqueConstraint("reform_id", "seq", name="uq_reform_update_seq"),)


class ReformFocusLink(Versioned, Base):
    __tablename__ = "reform_focus_link"
    reform_id: Mapped[str] = mapped_column(ForeignKey("reform.id"), primary_key=True)
    focus_area_id: Mapped[str] = mapped_column(ForeignKey("focus_area.id"), primary_key=True)
    strength: Mapped[str] = mapped_column(String(20))  # direkt | indirekt
    reasoning_sv: Mapped[str] = mapped_column(Text)


class ReformDistrictLink(Versioned, Base):
    __tablename__ = "reform_district_link"
    reform_id: Mapped[str] = mapped_column(ForeignKey("reform.id"), primary_key=True)
    district_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    strength: Mapped[str] = mapped_column(String(20))
    reasoning_sv: Mapped[str] = mapped_column(Text)


# --- indicators and observations ------------------------------------------------------


class IndicatorDefinition(Versioned, Base):
    """An indicator an administrator registered in the app (a partner's own series), beside
    those of data/registry/indicators.toml; the registry reads both. Never deleted: a frozen
    meeting that shows its figures keeps the definition in its snapshot."""

    __tablename__ = "indicator_definition"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name_sv: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    definition_sv: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20))
    periodicity: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(20))
    focus_areas: Mapped[str] = mapped_column(String(200), default="")  # comma-separated ids
    partner_id: Mapped[str | None] = mapped_column(String(40), nullable=True)  # who reports it
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ImportBatch(Versioned, Base):
    """One accepted import: what came in, from where, and what it changed."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(40))  # bra_sol, bra_csv, kolada, polisen, scb, partner, reforms
    source_id: Mapped[str] = mapped_column(String(60))
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    vintage: Mapped[str | None] = mapped_column(String(40), nullable=True)  # "data t.o.m."
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(200))
    rows_added: Mapped[int] = mapped_column(Integer, default=0)
    rows_changed: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)


class Observation(Versioned, Base):
    """One value of one indicator for one area and period.

    `indicator_id` refers to the indicator registry (data/registry/indicators.toml).
    `value` is None when the source marks the figure missing or suppressed; `status` says which.
    """

    __tablename__ = "observation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    indicator_id: Mapped[str] = mapped_column(String(80), index=True)
    area_code: Mapped[str] = mapped_column(String(40), index=True)
    period: Mapped[str] = mapped_column(String(20))  # 2025 | 2025K1 | 2025-03
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="ok")  # ok|preliminar|saknas|sekretess
    gender: Mapped[str] = mapped_column(String(1), default="T")
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), nullable=True)
    # Provenance carried by the value itself, so it survives UI imports and meeting snapshots:
    # a free note (e.g. "lokalpolisområde Huddinge"), the quoted sentence and its address for
    # figures taken from published text, and the partner that reported a local figure.
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    quote: Mapped[str | None] = mapped_column(Text, nullable=True)
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    partner_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    __table_args__ = (
        UniqueConstraint("indicator_id", "area_code", "period", "gender", name="uq_observation"),
    )


class PoliceEvent(Versioned, Base):
    """A press notice from Polisen's events API. Not statistics: never used as crime rates."""

    __tablename__ = "police_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # Polisen's own id
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    type: Mapped[str] = mapped_column(String(120), index=True)
    name: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    location_name: Mapped[str] = mapped_column(String(120))
    kommun: Mapped[str | None] = mapped_column(String(120), nullable=True)
    district: Mapped[str | None] = mapped_column(String(120), nullable=True)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), nullable=True)


# --- activities of the samverkansöverenskommelse --------------------------------------


class Activity(Versioned, Base):
    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    external_id: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    focus_area_id: Mapped[str] = mapped_column(ForeignKey("focus_area.id"), index=True)
    district_code: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200))


# --- meetings (Mötesläge) -------------------------------------------------------------


class Meeting(Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(300))
    meeting_date: Mapped[date] = mapped_column(Date)
    organisations: Mapped[list] = mapped_column(JSON, default=list)  # partner ids
    status: Mapped[str] = mapped_column(String(20), default="utkast")  # utkast | fryst
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(200))

    items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )


class AgendaItem(Base):
    """A saved view: a page of the registry plus its filter state (query params)."""

    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    page_slug: Mapped[str] = mapped_column(String(60))
    params: Mapped[dict] = mapped_column(JSON, default=dict)

    meeting: Mapped[Meeting] = relationship(back_populates="items")


class Snapshot(Base):
    """A frozen meeting: the data version it shows (`as_of_version`) and a manifest (as-of
    date, per-table checksums, the definitions in force). Meetings frozen before versioning
    carry a copy of the tables in `payload` instead; they stay readable."""

    __tablename__ = "snapshot"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), unique=True)
    as_of: Mapped[datetime] = mapped_column(DateTime)
    manifest: Mapped[dict] = mapped_column(JSON)
    as_of_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # legacy: compressed JSON of the tables


class MeetingAction(Base):
    """A decision or an åtgärd taken at a meeting (who, what, by when)."""

    __tablename__ = "meeting_action"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))  # beslut | atgard
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    carried_from: Mapped[int | None] = mapped_column(ForeignKey("meeting_action.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    # An åtgärd (kind "atgard") is an entry of the åtgärdsplan; this row is the meeting's record
    # of it. Every row of a carried chain points to the same entry. `done` mirrors its status.
    plan_action_id: Mapped[int | None] = mapped_column(ForeignKey("plan_action.id"), nullable=True, index=True)


# --- åtgärdsplan (lag 2023:196) --------------------------------------------------------


class PlanAction(Base):
    """An åtgärd of the plan, tied to the problem the picture shows (focus area, areas,
    indicators), with the expected effect stated as indicator + direction + horizon.

    Lists (areas, indicators, partners, reforms, activities) are JSON like
    `Meeting.organisations`: they are checked against the store on every write. The status is
    the latest `PlanActionUpdate`, never an overwritten column."""

    __tablename__ = "plan_action"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    focus_area_id: Mapped[str | None] = mapped_column(ForeignKey("focus_area.id"), nullable=True, index=True)
    area_codes: Mapped[list] = mapped_column(JSON, default=list)
    indicator_ids: Mapped[list] = mapped_column(JSON, default=list)
    partner_ids: Mapped[list] = mapped_column(JSON, default=list)
    owner: Mapped[str] = mapped_column(String(200), default="")  # a person or unit, free text
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reform_ids: Mapped[list] = mapped_column(JSON, default=list)
    activity_ids: Mapped[list] = mapped_column(JSON, default=list)
    effect_indicator_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    effect_direction: Mapped[str | None] = mapped_column(String(10), nullable=True)  # minska | oka
    effect_horizon: Mapped[str | None] = mapped_column(String(10), nullable=True)  # 2027 | 2027-06-30
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)  # decided at
    # This entry *is* that activity of the samverkansöverenskommelse: the activity row is the
    # picture's versioned record of it (what a frozen meeting shows), kept equal to the entry.
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"), nullable=True, unique=True, index=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200))


class PlanActionUpdate(Base):
    """One status of an åtgärd. Never edited or deleted: the history is the record."""

    __tablename__ = "plan_action_update"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("plan_action.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # the åtgärd's version this update created
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(200))
    __table_args__ = (UniqueConstraint("action_id", "seq", name="uq_plan_action_update_seq"),)


class AnalysisText(Base):
    """The lägesbild's analysis (lag 2023:196) for one year and one section of the document,
    written by whoever may write the åtgärdsplan. Append-only: a new text is a new row, the
    latest per (year, section) is the one the document prints, the rest is its history. Not
    picture data (not Versioned): a frozen meeting never shows it, like the plan."""

    __tablename__ = "analysis_text"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    year: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(80))  # the document's section key, e.g. "fokus:gang"
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (Index("ix_analysis_text_year_section", "year", "section"),)


# --- place observations (EST) -----------------------------------------------------------


class PlaceObservation(Versioned, Base):
    """A partner's reporter saw something at a place (Brå's EST method): how many of one
    category, in one district of the observation layer, on one day and time band. Only the
    area is stored, never a point. The note may still hold names, so it is kept out of the
    picture (`PICTURE_EXCLUDED`): no view, export or document can show it."""

    __tablename__ = "place_observation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    district_code: Mapped[str] = mapped_column(String(40), index=True)
    observed_on: Mapped[date] = mapped_column(Date, index=True)
    time_band: Mapped[str] = mapped_column(String(20))  # natt | morgon | dag | kvall
    category: Mapped[str] = mapped_column(String(60))  # an id of the kommun file's [observations]
    count: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    plan_action_id: Mapped[int | None] = mapped_column(ForeignKey("plan_action.id"), nullable=True)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# Columns of a versioned table that the picture never reads (free text that may hold names).
PICTURE_EXCLUDED: dict[str, tuple[str, ...]] = {"place_observation": ("note",)}


# --- access and audit -----------------------------------------------------------------


class UserRole(Base):
    """Role table for production mode (identity from the organisation's OIDC provider)."""

    __tablename__ = "user_role"
    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), nullable=True)
    reform_editor: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(80))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class Setting(Base):
    """Runtime switches an admin can change (e.g. editing on/off in local mode)."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DefinitionFile(Base):
    """A definition file's content (registries, place names, peers, priority areas, kommun
    settings), stored once per content: a frozen meeting names the checksums it was frozen
    with, so a later edit is seen and the old text can be shown."""

    __tablename__ = "definition_file"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    first_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- history of the versioned tables ------------------------------------------------------


def _history_table(model: type[Base]) -> Table:
    """`<table>_history`: earlier contents of changed or deleted rows, each valid in
    [valid_from, valid_to) of the data version. No keys or constraints: a row's id repeats."""
    cols = [Column(c.name, c.type, nullable=c.nullable, index=c.name == "valid_from") for c in model.__table__.columns]
    return Table(f"{model.__tablename__}_history", Base.metadata,
                 Column("hid", Integer, primary_key=True, autoincrement=True), *cols,
                 Column("valid_to", Integer, nullable=False, index=True))


VERSIONED: tuple[type[Base], ...] = (Partner, FocusArea, District, Reform, ReformUpdate, ReformFocusLink,
                                     ReformDistrictLink, IndicatorDefinition, ImportBatch, Observation, PoliceEvent,
                                     Activity, PlaceObservation)
HISTORY: dict[type[Base], Table] = {model: _history_table(model) for model in VERSIONED}
