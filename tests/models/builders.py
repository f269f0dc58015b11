"""Shared builders for the model tests: agreement inputs, a hand-made dataset, table counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from models.database import Database
from models.fields import find_field
from models.parties import find_party
from models.service import AgreementInput, ParticipationInput, create

TABLES = (
    "agreements",
    "parties",
    "party_aliases",
    "fields",
    "agreement_fields",
    "participations",
    "actions",
    "milestones",
    "relations",
    "saved_views",
    "agreement_search",
)


def agreement(
    title: str, parties: tuple[str, ...] = ("Kazakhstan",), **values: object
) -> AgreementInput:
    """An input with sensible defaults: one party per name given."""
    return AgreementInput(
        title=title, parties=[ParticipationInput(party=name) for name in parties], **values
    )


def save(database: Database, data: AgreementInput) -> int:
    """Create *data* in its own transaction, as one user action does."""
    with database.sessions.begin() as session:
        return create(session, data).id


def table_counts(database: Database) -> dict[str, int]:
    """Rows in every table, to show that a refused action changed nothing."""
    with database.engine.connect() as connection:
        return {
            name: connection.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
            for name in TABLES
        }


@dataclass(frozen=True)
class Entry:
    """One agreement of the hand-made dataset."""

    key: int
    title: str
    fields: tuple[str, ...]
    parties: tuple[str, ...]
    kind: str
    status: str
    level: str
    signed_on: str
    signed_at: str = ""
    entry_into_force: str = ""
    expires_on: str = ""


# Twelve agreements counted by hand in test_facets.py and test_query.py.
# Agreement 3 sits in two subfields of Transport; 11 has no field; 8 has no date.
# fmt: off
DATASET = (
    Entry(1, "Alliance declaration", ("Energy",), ("KAZ", "UZB"),
          "declaration", "signed", "interstate", "2021-12-06", "Nur-Sultan"),
    Entry(2, "Rail link agreement", ("Transport > Rail",), ("KAZ", "UZB"),
          "agreement", "in force", "intergovernmental", "2021-12", "tashkent", "2022-03-01"),
    Entry(3, "Road and rail programme", ("Transport > Rail", "Transport > Road"), ("KAZ", "UZB"),
          "programme", "signed", "intergovernmental", "2021"),
    Entry(4, "Gas pipeline treaty", ("Energy", "Trade"), ("KAZ", "RUS"),
          "treaty", "in force", "interstate", "2019-05-10", "Moscow", "2020", "2039-12-31"),
    Entry(5, "Customs memorandum", ("Trade",), ("UZB", "TUR"),
          "memorandum of understanding", "signed", "interdepartmental", "2020-03", "Ankara"),
    Entry(6, "Transport corridor agreement", ("Transport",), ("TUR", "KAZ", "UZB"),
          "agreement", "ratified", "intergovernmental", "2022-01-15", "Ankara", "", "2030"),
    Entry(7, "Energy charter", ("Energy",), ("RUS", "TUR", "United Nations"),
          "charter", "in force", "interstate", "2019", "", "2019-11"),
    Entry(8, "Draft trade protocol", ("Trade",), ("RUS",),
          "protocol", "draft", "unknown", ""),
    Entry(9, "Road safety memorandum", ("Transport > Road",), ("UZB", "United Nations"),
          "memorandum of understanding", "signed", "interdepartmental", "2020-11-30", "Geneva"),
    Entry(10, "Grid connection agreement", ("Energy", "Transport"), ("KAZ", "TUR"),
          "agreement", "terminated", "intergovernmental", "2018-07", "", "2018-09", "2028-07"),
    Entry(11, "Joint statement on water", (), ("KAZ", "UZB", "RUS"),
          "joint statement", "adopted", "interstate", "2021-12-06", "Nur-Sultan"),
    Entry(12, "Rail freight protocol", ("Transport > Rail",), ("RUS", "KAZ"),
          "protocol", "in force", "intergovernmental", "2022", "moscow", "2022-06-01"),
)
# fmt: on


@dataclass(frozen=True)
class Dataset:
    """The dataset as stored: ids by hand-count key, party and field ids by name."""

    ids: dict[int, int]
    parties: dict[str, int]
    fields: dict[str, int]

    def key(self, agreement_id: int) -> int:
        """The hand-count key of a stored id."""
        return next(key for key, stored in self.ids.items() if stored == agreement_id)

    def keys(self, agreement_ids: list[int]) -> set[int]:
        return {self.key(agreement_id) for agreement_id in agreement_ids}


def entry_input(entry: Entry) -> AgreementInput:
    return agreement(
        entry.title,
        entry.parties,
        fields=list(entry.fields),
        kind=entry.kind,
        status=entry.status,
        level=entry.level,
        signed_on=entry.signed_on,
        signed_at=entry.signed_at,
        entry_into_force=entry.entry_into_force,
        expires_on=entry.expires_on,
    )


def build_dataset(database: Database) -> Dataset:
    """Store DATASET, one agreement per transaction, and return where everything went."""
    ids = {entry.key: save(database, entry_input(entry)) for entry in DATASET}
    with database.sessions.begin() as session:
        parties = {}
        for name in ("KAZ", "UZB", "TUR", "RUS", "United Nations"):
            party = find_party(session, name)
            assert party is not None
            parties[name] = party.id
        fields = {}
        for path in ("Energy", "Transport", "Transport > Rail", "Transport > Road", "Trade"):
            found = find_field(session, path)
            assert found is not None
            fields[path] = found.id
    return Dataset(ids, parties, fields)
