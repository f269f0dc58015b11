"""The ORM classes: agreements, parties, fields, participations, actions, milestones."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from models.dates import PartialDate
from models.vocab import (
    ActionType,
    Kind,
    Level,
    MilestoneKind,
    PartyKind,
    RelationType,
    Role,
    Status,
    Vocabulary,
)

AUDIT_ACTIONS = ("create", "update", "delete", "restore", "import", "undo", "redo", "purge")


def utcnow() -> datetime:
    return datetime.now(UTC)


class PartialDateType(TypeDecorator[PartialDate]):
    """Stores a PartialDate as its ISO text ('2021', '2021-12', '2021-12-06'), which sorts right."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = PartialDate.parse(value)
        return value.iso()

    def process_result_value(self, value: str | None, dialect: Dialect) -> PartialDate | None:
        return None if value is None else PartialDate.parse(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored as UTC and read back timezone-aware on every back end."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def vocabulary_column(vocabulary: type[Vocabulary]) -> Enum:
    """A VARCHAR with a CHECK constraint holding the vocabulary's values (not its names)."""
    return Enum(
        vocabulary,
        name=vocabulary.__name__.lower(),
        native_enum=False,
        create_constraint=True,
        length=40,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    # Named constraints let Alembic's batch mode rebuild SQLite tables in later migrations.
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {PartialDate: PartialDateType, datetime: UTCDateTime}

    # Every model maps a Table (what insert() wants); DeclarativeBase says only FromClause.
    if TYPE_CHECKING:
        __table__: ClassVar[Table]


agreement_fields = Table(
    "agreement_fields",
    Base.metadata,
    Column(
        "agreement_id",
        ForeignKey("agreements.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("field_id", ForeignKey("fields.id", ondelete="RESTRICT"), primary_key=True),
    Index("ix_agreement_fields_field", "field_id", "agreement_id"),
)


class Agreement(Base):
    __tablename__ = "agreements"
    # Ids are never reused, so undoing a delete can always bring a record back under its id.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(2000))
    title_key: Mapped[str] = mapped_column(String(200), index=True)
    short_title: Mapped[str | None] = mapped_column(String(500))
    alternative_titles: Mapped[list[str]] = mapped_column(JSON, default=list)
    kind: Mapped[Kind] = mapped_column(vocabulary_column(Kind), index=True)
    binding: Mapped[bool | None] = mapped_column(Boolean)
    level: Mapped[Level] = mapped_column(vocabulary_column(Level), default=Level.UNKNOWN)
    status: Mapped[Status] = mapped_column(vocabulary_column(Status), index=True)
    signed_on: Mapped[PartialDate | None] = mapped_column(index=True)
    signed_at: Mapped[str | None] = mapped_column(String(300))
    entry_into_force: Mapped[PartialDate | None]
    entry_into_force_rule: Mapped[str | None] = mapped_column(String(1000))
    expires_on: Mapped[PartialDate | None]
    duration: Mapped[str | None] = mapped_column(String(300))
    renewal: Mapped[str | None] = mapped_column(String(1000))
    # Structured terms beside the text as written, in models.terms' canonical form (0011).
    duration_term: Mapped[str | None] = mapped_column(String(100))
    renewal_term: Mapped[str | None] = mapped_column(String(100))
    notice_term: Mapped[str | None] = mapped_column(String(100))
    entry_into_force_term: Mapped[str | None] = mapped_column(String(100))
    terminated_on: Mapped[PartialDate | None]
    termination_grounds: Mapped[str | None] = mapped_column(String(1000))
    depositary: Mapped[str | None] = mapped_column(String(300))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    un_registration: Mapped[str | None] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source_citation: Mapped[str | None] = mapped_column(String(1000))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # User names (models.users.current_user); NULL for what was recorded before 0006.
    created_by: Mapped[str | None] = mapped_column(String(200))
    updated_by: Mapped[str | None] = mapped_column(String(200))

    participations: Mapped[list[Participation]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="Participation.position",
        passive_deletes=True,
    )
    fields: Mapped[list[Field]] = relationship(secondary=agreement_fields, order_by="Field.key")
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="Milestone.position",
        passive_deletes=True,
    )
    relations: Mapped[list[Relation]] = relationship(
        foreign_keys="Relation.agreement_id",
        back_populates="agreement",
        order_by="Relation.id",  # as entered: the unique index would otherwise sort by type
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __mapper_args__ = {"version_id_col": version}


class Party(Base):
    """A state (one per ISO 3166 code), an international organization or a government body."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[PartyKind] = mapped_column(vocabulary_column(PartyKind))
    iso3: Mapped[str | None] = mapped_column(String(3), unique=True)
    # A curated organisation's code ('EU', models/data/organisations.json); migration 0008.
    org_code: Mapped[str | None] = mapped_column(String(20), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    aliases: Mapped[list[PartyAlias]] = relationship(
        back_populates="party", cascade="all, delete-orphan", passive_deletes=True
    )


class PartyAlias(Base):
    """A spelling that resolves to a party; `key` is the folded form and is unique."""

    __tablename__ = "party_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)

    party: Mapped[Party] = relationship(back_populates="aliases")


class Field(Base):
    """A subject area, optionally nested; `key` is the folded path ('transport > rail')."""

    __tablename__ = "fields"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("fields.id", ondelete="RESTRICT"), index=True
    )
    key: Mapped[str] = mapped_column(String(1000), unique=True)

    parent: Mapped[Field | None] = relationship(remote_side=[id])


class Participation(Base):
    """An agreement–party link: the role, who signed, and the party's own dated actions."""

    __tablename__ = "participations"
    __table_args__ = (
        UniqueConstraint("agreement_id", "party_id", name="uq_participations_agreement_party"),
        Index("ix_participations_party", "party_id", "agreement_id"),
        # A listing's links in order, with party and role, from the index alone (0013).
        Index("ix_participations_listed", "agreement_id", "position", "id", "party_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="RESTRICT"))
    role: Mapped[Role] = mapped_column(vocabulary_column(Role), default=Role.PARTY)
    signatory_name: Mapped[str | None] = mapped_column(String(300))
    signatory_title: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="participations")
    party: Mapped[Party] = relationship(lazy="joined")
    actions: Mapped[list[Action]] = relationship(
        back_populates="participation",
        cascade="all, delete-orphan",
        order_by="Action.position",
        passive_deletes=True,
    )


class Action(Base):
    """One of a party's own acts: signature, ratification, withdrawal … with its dates."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    participation_id: Mapped[int] = mapped_column(
        ForeignKey("participations.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[ActionType] = mapped_column(vocabulary_column(ActionType))
    deposited_on: Mapped[PartialDate | None]
    effective_on: Mapped[PartialDate | None]
    text: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)

    participation: Mapped[Participation] = relationship(back_populates="actions")


class Milestone(Base):
    """A dated event in an agreement's life, past or coming."""

    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MilestoneKind] = mapped_column(vocabulary_column(MilestoneKind))
    on: Mapped[PartialDate | None]
    description: Mapped[str] = mapped_column(String(1000), default="")
    position: Mapped[int] = mapped_column(default=0)

    agreement: Mapped[Agreement] = relationship(back_populates="milestones")


class Relation(Base):
    """'This agreement is a protocol to / amends / supersedes … that one'."""

    __tablename__ = "relations"
    __table_args__ = (
        UniqueConstraint(
            "agreement_id", "type", "other_id", name="uq_relations_agreement_type_other"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    type: Mapped[RelationType] = mapped_column(vocabulary_column(RelationType))
    other_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )

    agreement: Mapped[Agreement] = relationship(
        foreign_keys=[agreement_id], back_populates="relations"
    )
    other: Mapped[Agreement] = relationship(foreign_keys=[other_id])


class AgreementRedirect(Base):
    """An agreement merged into another: its old id answers with the kept one (migration 0009).

    No foreign keys: the old agreement is gone, and the kept one may be deleted and restored
    under its id without losing the way there.
    """

    __tablename__ = "agreement_redirect"

    old_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    new_id: Mapped[int] = mapped_column(Integer, index=True)


class AgreementDeadline(Base):
    """A date an agreement falls due, recorded or computed from its terms (migration 0011).

    Derived data, rewritten with the agreement (models.deadline_store): the due filter and
    its counts read it in SQL. No data-revision triggers: it changes only with agreements.
    """

    __tablename__ = "agreement_deadlines"
    __table_args__ = (Index("ix_agreement_deadlines_first_day", "first_day", "agreement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    on: Mapped[PartialDate]
    # The first and last day the date may be (equal when it is known to the day), as ISO text.
    first_day: Mapped[str] = mapped_column(String(10))
    last_day: Mapped[str] = mapped_column(String(10))
    how: Mapped[str] = mapped_column(String(1000))
    recorded: Mapped[bool] = mapped_column(Boolean, default=False)


class SavedView(Base):
    """A named filter, stored in the database so that it travels with it."""

    __tablename__ = "saved_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    filter: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """One change to an agreement: who, when, what, and the fields' old and new values.

    No foreign key: the trail outlives the agreement (migration 0006).
    `changes` maps a field to [old, new] for an update, to its value for the others.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_agreement", "agreement_id", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(
        Enum(
            *AUDIT_ACTIONS,
            name="auditaction",
            native_enum=False,
            create_constraint=True,
            length=20,
        )
    )
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)


class TrashEntry(Base):
    """An agreement in the trash: its row has left `agreements`, its snapshot waits here.

    `snapshot` is models.history's row-level snapshot (the agreement, its links, relations
    to and from it), so a restore gives back the same id with everything it had. No foreign
    key: the id stays reserved while the agreement is away (migration 0010).
    """

    __tablename__ = "trash"

    agreement_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(2000))
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    deleted_by: Mapped[str] = mapped_column(String(200))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


class HistoryStep(Base):
    """One undoable user action ("edit of 'Treaty of …'"), by whom and when (migration 0010)."""

    __tablename__ = "history_steps"
    __table_args__ = (
        Index("ix_history_steps_user", "user_name", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(500))
    user_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


class HistoryItem(Base):
    """The state of one agreement, party, field or view before and after a step, as JSON.

    `version` is the agreement's version once the side last applied (after, or before when
    undone) was written: undo and redo refuse when it moved on since (a newer change).
    """

    __tablename__ = "history_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    step_id: Mapped[int] = mapped_column(
        ForeignKey("history_steps.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int | None] = mapped_column(Integer)


# One row, bumped by a trigger in the same transaction as every change to the tables
# below: a window (or a second analyst's window) can tell in one cheap read whether what
# it shows is still current. Written by the database only (migration 0004).
data_revision = Table(
    "data_revision",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("value", Integer, nullable=False),
)

TRACKED_TABLES = (
    "agreements",
    "participations",
    "actions",
    "agreement_fields",
    "fields",
    "parties",
    "party_aliases",
    "milestones",
    "relations",
    "saved_views",
)
# Tracked from migration 0010 on (0004 creates the triggers of the tables above only).
LATER_TRACKED_TABLES = ("trash", "history_steps")
ALL_TRACKED_TABLES = TRACKED_TABLES + LATER_TRACKED_TABLES

# Attachments live in a module of their own; importing it puts their tables on Base.metadata
# wherever the schema is used (migrations, copy, the ORM comparison).
from models import attachment_schema  # noqa: E402, F401
