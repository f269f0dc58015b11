"""What the tests build agreements from: inputs (a small one, one with every part, the same
loosely spelled), saving one, table counts, and the hand-made dataset of the query tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from models.database import Database
from models.fields import find_field
from models.parties import find_party
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    RelationInput,
    create,
)

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


def full_input(
    title: str = "Treaty on allied relations between Kazakhstan and Uzbekistan",
    other_id: int | None = None,
) -> AgreementInput:
    """An agreement with something in every part, spelled as stored (so it round-trips)."""
    return AgreementInput(
        title=title,
        kind="treaty",
        level="interstate",
        status="in force",
        binding=True,
        short_title="Alliance treaty",
        alternative_titles=["Ittifoqchilik munosabatlari toʻgʻrisida shartnoma"],
        signed_on="2021-12-06",
        signed_at="Nur-Sultan",
        entry_into_force="2022-06",
        entry_into_force_rule="on the date of the last notification",
        expires_on="2042",
        duration="20 years",
        renewal="renewed for 10 years unless denounced",
        terminated_on="",
        termination_grounds="",
        depositary="Ministry of Foreign Affairs of Kazakhstan",
        languages=["kk", "uz", "ru"],
        un_registration="I-57001",
        summary="Тоқаев and Mirziyoyev raise relations to an alliance.",
        notes="Oʻzbekiston ratified first.",
        source_citation="Press release, 6 December 2021",
        source_url="https://www.akorda.kz/en/",
        parties=[
            ParticipationInput(
                party="Kazakhstan",
                role="original signatory",
                signatory_name="Қасым-Жомарт Тоқаев",
                signatory_title="President",
                party_kind="state",
                actions=[
                    ActionInput(type="signature", deposited_on="2021-12-06"),
                    ActionInput(type="ratification", deposited_on="2022-04", effective_on=""),
                ],
            ),
            ParticipationInput(
                party="Uzbekistan",
                role="original signatory",
                signatory_name="Shavkat Mirziyoyev",
                signatory_title="President",
                party_kind="state",
                actions=[
                    ActionInput(type="signature", deposited_on="2021-12-06"),
                    ActionInput(type="declaration", text="On the Russian text."),
                ],
            ),
        ],
        fields=["Defence", "Transport > Rail"],
        milestones=[
            MilestoneInput(kind="signed", on="2021-12-06", description="Signed in Nur-Sultan"),
            MilestoneInput(kind="review due", on="2032", description="Ten-year review"),
        ],
        relations=[]
        if other_id is None
        else [RelationInput(type="supplements", other_id=other_id)],
    )


def loosely_spelled_input(title: str) -> AgreementInput:
    """Something in every part that import writes, spelled loosely as files spell it: spaces
    around values, a capital kind, a field twice, a party by another name."""
    return AgreementInput(
        title=f"  {title}\n of  friendship ",
        kind="Treaty",
        level="interstate",
        status="in force",
        binding=True,
        short_title=" Friendship ",
        alternative_titles=[" Dostluk antlaşması ", ""],
        signed_on="1998-10-31",
        signed_at=" Tashkent ",
        entry_into_force="1999",
        entry_into_force_rule="30 days after the exchange of instruments",
        expires_on="2029-12",
        duration="30 years",
        renewal="tacit",
        terminated_on="",
        termination_grounds="",
        depositary="Uzbekistan",
        languages=["uz", " tr "],
        un_registration="I-12345",
        summary=" Тоқаев, Oʻzbekiston and Türkiye.\n",
        notes="line one\r\nline two",
        source_citation="Official Gazette",
        source_url="https://example.org/treaty",
        parties=[
            ParticipationInput(
                party="O'zbekiston",
                role="original signatory",
                signatory_name=" Islam Karimov ",
                signatory_title="President",
                actions=[
                    ActionInput("signature", "1998-10-31", "", ""),
                    ActionInput("reservation", "1999-01", "1999-02-01", " On article 3 "),
                ],
            ),
            ParticipationInput(party="TUR", role="party"),
            ParticipationInput(party=" Ministry of Culture ", party_kind="government body"),
        ],
        fields=["Culture", "culture", "Transport > Rail"],
        milestones=[
            MilestoneInput("signed", "1998-10-31", "In Tashkent"),
            MilestoneInput("expires", "2029-12", ""),
        ],
    )


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
