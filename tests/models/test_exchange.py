"""Import and export of agreements as CSV and JSON: formats, clear refusals, duplicates, speed path.

Every test works on a real SQLite file. An import runs inside the test's transaction, as a
caller's would, so "nothing changed" is checked after the failed transaction rolled back.
"""

from __future__ import annotations

import csv
import dataclasses
import gc
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from main import main as cli
from models.agreement_record import EXPORT_CSV_COLUMNS, RECORD_KEYS, TERM_COLUMNS
from models.cancelled import Cancelled
from models.database import Database, open_database
from models.exchange import (
    ImportFailed,
    ImportResult,
    export_file,
    import_file,
    preview_import,
)
from models.exchange_bulk import bulk_insert
from models.exchange_csv import csv_records, split_list
from models.exchange_format import REQUIRED
from models.gc_pause import IMPORT_THRESHOLD
from models.parties import add_alias, find_party, resolve_party
from models.query import AgreementFilter, agreement_ids
from models.safe_output import read_csv_cell
from models.schema import Agreement, Party
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    create,
    load_input,
)
from models.vocab import Status
from tests.backends import open_test_database
from tests.builders import agreement, loosely_spelled_input, save, table_counts

HEADER = (
    "title,kind,status,signed_on,signed_at,entry_into_force,expires_on,parties,fields,summary,"
    "source_url,notes"
)
DECLARATION = "Declaration on Allied Relations"
SAMPLE = Path(__file__).resolve().parents[2] / "models" / "data" / "sample_agreements.json"


def write(path: Path, content: str | bytes) -> Path:
    """A file exactly as given: no newline translation, UTF-8 unless bytes."""
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def run_import(database: Database, path: Path, **options: object) -> ImportResult:
    with database.sessions.begin() as session:
        return import_file(session, path, **options)  # type: ignore[arg-type]


def problems(database: Database, path: Path, **options: object) -> list[str]:
    """The problems an import reports, one string each; and checks it changed nothing."""
    before = table_counts(database)
    with pytest.raises(ImportFailed) as failed:
        run_import(database, path, **options)
    assert table_counts(database) == before
    return [str(problem) for problem in failed.value.problems]


def stored(database: Database) -> dict[str, AgreementInput]:
    """Every agreement as an input, by title."""
    with database.sessions.begin() as session:
        ids = agreement_ids(session, AgreementFilter())
        return {data.title: data for data, _ in (load_input(session, i) for i in ids)}


def party_names(database: Database) -> list[str]:
    with database.sessions.begin() as session:
        return sorted(session.scalars(select(Party.name)))


# ----------------------------------------------------------------- CSV in


def test_a_csv_file_is_imported_with_parties_fields_and_partial_dates(
    database: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "in.csv",
        f"{HEADER}\n"
        f"{DECLARATION},declaration,signed,2021-12-06,Nur-Sultan,,,KAZ; Oʻzbekiston,"
        f'Foreign policy,"Тоқаев and Mirziyoyev, ""allies""",https://akorda.kz/,\n'
        "Rail link,agreement,in force,2021-12,,2022,,RUS; Türkiye,Transport > Rail,,,\n",
    )
    result = run_import(database, path)
    assert (result.added, result.updated, result.skipped) == (2, 0, 0)
    assert result.parties_created == ("Kazakhstan", "Russian Federation", "Türkiye", "Uzbekistan")
    assert result.fields_created == ("Foreign policy", "Transport", "Transport > Rail")
    found = stored(database)
    declaration = found[DECLARATION]
    assert [p.party for p in declaration.parties] == ["Kazakhstan", "Uzbekistan"]
    assert declaration.summary == 'Тоқаев and Mirziyoyev, "allies"'
    assert declaration.signed_on == "2021-12-06"
    assert declaration.level == "unknown"
    rail = found["Rail link"]
    assert (rail.signed_on, rail.entry_into_force, rail.status) == ("2021-12", "2022", "in force")
    assert rail.fields == ["Transport > Rail"]


def test_spellings_of_one_state_make_one_party_and_other_names_organizations(
    database: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "in.csv",
        f"{HEADER}\n"
        "One,treaty,signed,2001,,,,Russia; Kazakhstan,,,,\n"
        "Two,treaty,signed,2002,,,,RUS; Shanghai Cooperation Organisation,,,,\n"
        "Three,treaty,signed,2003,,,,Russian Federation; Turkey,,,,\n",
    )
    result = run_import(database, path)
    assert result.parties_created == (
        "Kazakhstan",
        "Russian Federation",
        "Shanghai Cooperation Organisation",
        "Türkiye",
    )
    with database.sessions.begin() as session:
        organization = find_party(session, "shanghai cooperation organisation")
        assert organization is not None
        assert (organization.kind.value, organization.iso3) == ("international organization", None)
        russia = find_party(session, "RUS")
        assert russia is not None and russia.iso3 == "RUS"
    assert len(party_names(database)) == 4


def test_a_semicolon_file_with_a_byte_order_mark_is_read(
    database: Database, tmp_path: Path
) -> None:
    # What a spreadsheet writes as "CSV UTF-8" where the decimal mark is a comma.
    content = (
        "\ufefftitle;kind;status;signed_on;parties;fields;summary\r\n"
        "Customs memorandum;memorandum of understanding;signed;2020-03;UZB, Türkiye;"
        'Trade;"Costs, fees; and ""dates"""\r\n'
    )
    path = write(tmp_path / "excel.csv", content)
    assert run_import(database, path).added == 1
    memorandum = stored(database)["Customs memorandum"]
    # A comma is no separator here: one organization, not two parties.
    assert [p.party for p in memorandum.parties] == ["UZB, Türkiye"]
    assert memorandum.summary == 'Costs, fees; and "dates"'


def test_semicolons_separate_parties_in_a_semicolon_file_too(
    database: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "excel.csv",
        'title;kind;status;parties\nRoadmap;roadmap;signed;"UZB; Türkiye"\n',
    )
    run_import(database, path)
    assert [p.party for p in stored(database)["Roadmap"].parties] == ["Uzbekistan", "Türkiye"]


def test_columns_come_in_any_order_with_level_and_the_id_of_list_output(
    database: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "in.csv",
        "ID,Parties,Level,Status,Kind,Title,Signed On\n"
        "17,KAZ,interstate,ratified,Treaty,Treaty of friendship,1998-10-31\n",
    )
    run_import(database, path)
    treaty = stored(database)["Treaty of friendship"]
    assert (treaty.kind, treaty.level, treaty.status) == ("treaty", "interstate", "ratified")
    assert treaty.signed_on == "1998-10-31"


def test_unknown_columns_are_named_with_a_suggestion(database: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv", "title,kind,status,parties,signed,colour\nA,treaty,signed,KAZ,,\n"
    )
    assert problems(database, path) == [
        "line 1: unknown columns 'signed' (did you mean 'signed_on'?), 'colour' (the columns "
        "are title,kind,status,signed_on,signed_at,entry_into_force,expires_on,parties,fields,"
        "summary,source_url,notes, level, duration_term, renewal_term, notice_term, "
        "entry_into_force_term)"
    ]


def test_missing_and_repeated_columns_are_refused(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "title,title,parties\nA,B,KAZ\n")
    assert problems(database, path) == [
        "line 1: column 'title' appears 2 times",
        "line 1: no 'kind', 'status' column (every file needs title, kind, status, parties)",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "in.csv is empty"),
        (b" \r\n\r\n", "in.csv is empty"),
        (
            b"Treaty of friendship,treaty,signed,KAZ\n",
            "line 1: this is not a header: the first line must name the columns (title,kind,"
            "status,signed_on,signed_at,entry_into_force,expires_on,parties,fields,summary,"
            "source_url,notes)",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00",
            "in.csv is a binary file, not CSV text (a spreadsheet? save it as UTF-8 CSV)",
        ),
        (
            "title,kind\nA,b\n".encode("utf-16"),
            "in.csv is UTF-16 text, not UTF-8 (save it as UTF-8 CSV)",
        ),
        (
            "title,kind,status,parties\nA,treaty,signed,Türkiye\n".encode("latin-1"),
            "line 2: in.csv is not UTF-8 text (save it as UTF-8 CSV)",
        ),
    ],
    ids=["empty", "blank", "no header", "binary", "utf-16", "latin-1"],
)
def test_a_file_that_is_no_csv_gets_one_clear_message(
    database: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = write(tmp_path / "in.csv", content)
    assert problems(database, path) == [message]
    with database.sessions.begin() as session, pytest.raises(ImportFailed):
        preview_import(session, path)


def test_a_file_that_is_not_there_is_one_message(database: Database, tmp_path: Path) -> None:
    [message] = problems(database, tmp_path / "missing.csv")
    assert message.startswith(f"can't read {tmp_path / 'missing.csv'}: ")


def test_every_bad_row_is_reported_at_the_line_where_it_starts(
    database: Database, tmp_path: Path
) -> None:
    good = "Agreement {n},agreement,signed,2021,,,,KAZ,,,,\n"
    lines = [HEADER + "\n"]
    # Line 2 holds a quoted summary over three physical lines (2-4).
    lines.append('Long one,agreement,signed,2021,,,,KAZ,,"first\nsecond\nthird",,\n')
    lines += [good.format(n=n) for n in range(5, 14)]
    lines.append("Bad date,agreement,signed,2021-13-45,,,,KAZ,,,,\n")  # line 14
    lines.append('Multi,agreement,signed,2021,,,,KAZ,,"a\r\nb",,\n')  # lines 15-16
    lines += [good.format(n=n) for n in range(17, 20)]
    lines.append("Typo,agreement,ratifed,2021,,,,KAZ,,,,\n")  # line 20
    lines += [good.format(n=n) for n in range(21, 31)]
    lines.append(",agreement,signed,2021,,,,KAZ,,,,\n")  # line 31
    lines.append("No party,treaty,signed,2021,,2020,,,,,,\n")  # line 32
    path = write(tmp_path / "in.csv", "".join(lines))
    assert problems(database, path) == [
        "line 14, signed_on: '2021-13-45' is not a date: month 13 is not between 1 and 12",
        "line 20, status: 'ratifed' is not a status (did you mean 'ratified'?)",
        "line 31: title is empty",
        "line 32, entry_into_force: entry into force (2020) is before signature (2021)",
        "line 32, parties: at least one party is required",
    ]


def test_empty_vocabulary_cells_list_the_values(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "title,kind,status,parties\nA,,draft,KAZ\n")
    assert problems(database, path) == [
        "line 2, kind: empty (one of: treaty, convention, agreement, protocol, charter, "
        "declaration, memorandum of understanding, exchange of notes, joint statement, "
        "programme, roadmap, other)"
    ]


def test_quoting_mistakes_point_at_the_record(database: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        f'{HEADER}\nA,treaty,signed,2021,,,,KAZ,,,,\nB,treaty,signed,2021,,,,KAZ,,"open,,\n\n',
    )
    assert problems(database, path) == [
        'line 3: badly quoted cell: a quoted cell that starts here is never closed (a missing ")'
    ]
    path = write(tmp_path / "in.csv", f"{HEADER}\nA,treaty,signed,2021,,,,KAZ,,,,,x\n")
    assert problems(database, path) == [
        "line 2: 13 cells, but the header names 12 columns (is a cell holding the separator "
        "not in quotes?)"
    ]


def test_two_spellings_of_one_recorded_party_in_a_row_are_refused(
    database: Database, tmp_path: Path
) -> None:
    with database.sessions.begin() as session:
        add_alias(session, resolve_party(session, "Turkic Academy"), "TA")
    path = write(
        tmp_path / "in.csv", "title,kind,status,parties\nA,treaty,signed,TA; Turkic Academy\n"
    )
    assert problems(database, path) == ["line 2, parties: 'TA' and 'Turkic Academy' are one party"]


# ----------------------------------------------------------------- JSON in


def test_json_takes_names_or_full_participations_milestones_and_extra_keys(
    database: Database, tmp_path: Path
) -> None:
    records = [
        {
            "id": 99,
            "title": DECLARATION,
            "kind": "declaration",
            "level": "interstate",
            "status": "signed",
            "signed_on": "2021-12-06",
            "signed_at": None,
            "parties": [
                {
                    "name": "KAZ",
                    "kind": "state",
                    "role": "original signatory",
                    "signatory_name": "Қасым-Жомарт Тоқаев",
                    "signatory_title": "President",
                    "actions": [
                        {"type": "signature", "deposited_on": "2021-12-06", "effective_on": None}
                    ],
                },
                "Oʻzbekiston",
            ],
            "fields": ["Foreign policy"],
            "milestones": [{"kind": "signed", "on": "2021-12-06", "description": "Nur-Sultan"}],
            "short_title": "Alliance declaration",
            "alternative_titles": ["Ittifoqchilik toʻgʻrisida deklaratsiya"],
            "binding": False,
            "languages": ["kk", "uz"],
            "depositary": "Kazakhstan",
            "terminated_on": None,
            "source_citation": "Anadolu Agency",
        }
    ]
    path = write(tmp_path / "in.json", json.dumps(records, ensure_ascii=False))
    assert run_import(database, path).added == 1
    declaration = stored(database)[DECLARATION]
    kazakhstan, uzbekistan = declaration.parties
    assert (kazakhstan.party, kazakhstan.role, kazakhstan.signatory_name) == (
        "Kazakhstan",
        "original signatory",
        "Қасым-Жомарт Тоқаев",
    )
    assert kazakhstan.actions == [ActionInput(type="signature", deposited_on="2021-12-06")]
    assert (uzbekistan.party, uzbekistan.role) == ("Uzbekistan", "party")
    assert declaration.milestones == [MilestoneInput("signed", "2021-12-06", "Nur-Sultan")]
    assert declaration.short_title == "Alliance declaration"
    assert declaration.binding is False
    assert declaration.languages == ["kk", "uz"]


def test_the_sample_file_imports_as_it_is(database: Database) -> None:
    result = run_import(database, SAMPLE)
    assert (result.added, result.skipped) == (8, 0)
    assert "Kazakhstan" in result.parties_created


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"title": "A",\n "kind" "treaty"}]', "line 2: in.json is not valid JSON"),
        ('{"title": "A"}', "in.json must hold a list of agreements"),
        ("", "in.json is empty"),
    ],
    ids=["syntax", "not a list", "empty"],
)
def test_a_file_that_is_no_json_list_gets_one_message(
    database: Database, tmp_path: Path, content: str, message: str
) -> None:
    [found] = problems(database, write(tmp_path / "in.json", content))
    assert found.startswith(message)


def test_bad_json_items_are_reported_by_index_and_key_path(
    database: Database, tmp_path: Path
) -> None:
    good = {"title": "Fine", "kind": "treaty", "status": "signed", "parties": ["KAZ"]}
    records = [
        good,
        "just a title",
        {**good, "title": "B", "colour": "red", "signed_on": ["2021"]},
        {
            **good,
            "title": "C",
            "parties": [
                {"name": "KAZ", "role": "sponsor"},
                {
                    "name": "UZB",
                    "actions": [{"type": "ratification", "deposited_on": "2021-02-30"}],
                },
                42,
            ],
        },
        {**good, "title": "D", "milestones": [{"kind": "due", "on": "soon"}], "binding": "yes"},
        {"kind": "treaty", "parties": []},
    ]
    path = write(tmp_path / "in.json", json.dumps(records))
    assert problems(database, path) == [
        "index 1: must be an object with the agreement's keys, not text",
        "index 2, colour: unknown key",
        "index 2, signed_on: must be text, not a list",
        "index 3, parties[2]: must be a name or an object, not a number",
        "index 3, parties[0].role: 'sponsor' is not a role",
        "index 3, parties[1].actions[0].deposited_on: '2021-02-30' is not a date: "
        "February 2021 has no day 30",
        "index 4, binding: must be true, false or null, not text",
        "index 4, milestones[0].kind: 'due' is not a milestone kind",
        "index 4, milestones[0].on: 'soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)",
        "index 5: title is empty",
        "index 5, status: missing (one of: draft, under negotiation, adopted, signed, ratified, "
        "provisionally applied, in force, suspended, terminated, expired)",
        "index 5, parties: at least one party is required",
    ]


# ----------------------------------------------------------------- preview


def test_preview_says_what_will_happen_and_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Treaty of friendship", ("Kazakhstan",), signed_on="1998"))
    path = write(
        tmp_path / "in.csv",
        f"{HEADER}\n"
        "TREATY OF FRIENDSHIP!,treaty,signed,1998,,,,KAZ,,,,\n"
        "Rail link,agreement,signed,2021,,,,RUS; Kazakhstan,Transport > Rail,,,\n"
        "Rail  link,agreement,signed,2021,,,,RUS,,,,\n"
        "Road link,agreement,signed,2021,,,,Russia; OSCE,Transport > Road; Energy,,,\n",
    )
    before = table_counts(database)
    with database.sessions.begin() as session:
        preview = preview_import(session, path)
    assert table_counts(database) == before
    assert (preview.rows, preview.new, preview.existing, preview.repeated) == (4, 2, 1, 1)
    assert preview.duplicates == 2
    assert preview.parties_created == (
        "Organization for Security and Co-operation in Europe",  # for 'OSCE'
        "Russian Federation",
    )
    assert preview.fields_created == ("Energy", "Transport", "Transport > Rail", "Transport > Road")
    result = run_import(database, path)
    assert (result.added, result.skipped) == (2, 2)
    assert result.parties_created == preview.parties_created
    assert result.fields_created == preview.fields_created


def test_preview_names_new_fields_under_recorded_parents(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Old", fields=["Transport"]))
    path = write(
        tmp_path / "in.csv",
        "title,kind,status,parties,fields\nA,treaty,signed,KAZ,transport > rail\n",
    )
    with database.sessions.begin() as session:
        assert preview_import(session, path).fields_created == ("Transport > rail",)
    assert run_import(database, path).fields_created == ("Transport > rail",)


# ----------------------------------------------------------------- duplicates and updates


def test_duplicates_are_skipped_by_folded_title_and_exact_date(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Türkiye–Uzbekistan roadmap", ("UZB",), signed_on="2022-05-14"))
    path = write(
        tmp_path / "in.csv",
        "title,kind,status,signed_on,parties\n"
        "turkiye uzbekistan ROADMAP,roadmap,signed,2022-05-14,UZB\n"  # the recorded one
        "Türkiye–Uzbekistan roadmap,roadmap,signed,2022-05,UZB\n"  # another date: new
        "Türkiye–Uzbekistan roadmap,roadmap,signed,2022-05,UZB\n",  # repeats the row above
    )
    result = run_import(database, path)
    assert (result.added, result.updated, result.skipped) == (1, 0, 2)
    assert run_import(database, path).skipped == 3
    with database.sessions.begin() as session:
        assert len(agreement_ids(session, AgreementFilter())) == 2


def test_update_overwrites_the_file_columns_and_keeps_the_rest(
    database: Database, tmp_path: Path
) -> None:
    recorded = AgreementInput(
        title="Rail link",
        kind="agreement",
        status="signed",
        signed_on="2021-12",
        short_title="Rail",
        parties=[
            ParticipationInput(
                party="Kazakhstan",
                role="original signatory",
                signatory_name="Тоқаев",
                actions=[ActionInput(type="signature", deposited_on="2021-12-06")],
            ),
            ParticipationInput(party="Uzbekistan"),
        ],
        milestones=[MilestoneInput(kind="review due", on="2026")],
    )
    agreement_id = save(database, recorded)
    path = write(
        tmp_path / "in.csv",
        "title,kind,status,signed_on,parties,summary\n"
        "Rail link,agreement,in force,2021-12,KAZ; Türkiye,Now in force.\n",
    )
    with database.sessions.begin() as session:
        preview = preview_import(session, path, update=True)
    assert (preview.existing, preview.parties_created) == (1, ("Türkiye",))
    result = run_import(database, path, update=True)
    assert (result.added, result.updated, result.skipped) == (0, 1, 0)
    assert result.parties_created == ("Türkiye",)
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
    assert version == 2
    assert (data.status, data.summary, data.short_title) == ("in force", "Now in force.", "Rail")
    kazakhstan, turkiye = data.parties
    assert (kazakhstan.party, kazakhstan.role, kazakhstan.signatory_name) == (
        "Kazakhstan",
        "original signatory",
        "Тоқаев",
    )
    assert kazakhstan.actions == recorded.parties[0].actions
    assert (turkiye.party, turkiye.role) == ("Türkiye", "party")
    assert data.milestones == recorded.milestones
    # The same file again changes nothing: no new version for a row that says the same.
    again = run_import(database, path, update=True)
    assert (again.updated, again.skipped) == (0, 1)
    with database.sessions.begin() as session:
        assert load_input(session, agreement_id)[1] == 2


def test_an_update_that_clashes_with_what_it_keeps_is_refused_before_writing(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Pact", signed_on="2020", entry_into_force="2025"))
    path = write(
        tmp_path / "in.csv",
        "title,kind,status,signed_on,expires_on,parties\n"
        "New one,treaty,signed,2020,,KAZ\n"
        "Pact,treaty,signed,2020,2021,KAZ\n",
    )
    assert run_import(database, path).skipped == 1  # without --update the row is left alone
    assert problems(database, path, update=True) == [
        "line 3, expires_on: expiry (2021) is before entry into force (2025) "
        "(with what agreement 1 keeps from before)"
    ]


def test_update_from_json_replaces_participations_given_in_full(
    database: Database, tmp_path: Path
) -> None:
    agreement_id = save(database, agreement("Pact", ("KAZ", "UZB"), signed_on="2020"))
    record = {
        "title": "Pact",
        "kind": "agreement",
        "status": "ratified",
        "signed_on": "2020",
        "parties": [{"name": "UZB", "role": "depositary", "actions": [{"type": "ratification"}]}],
    }
    path = write(tmp_path / "in.json", json.dumps([record]))
    assert run_import(database, path, update=True).updated == 1
    with database.sessions.begin() as session:
        data, _ = load_input(session, agreement_id)
    assert [(p.party, p.role) for p in data.parties] == [("Uzbekistan", "depositary")]
    assert data.parties[0].actions == [ActionInput(type="ratification")]


# ----------------------------------------------------------------- progress, cancel, bulk


def test_an_import_collects_garbage_rarely_and_puts_the_collector_back(
    database: Database, tmp_path: Path
) -> None:
    """Python's 700-object collections were a tenth of a 100,000-row import's time."""
    rows = "".join(
        f"Тоқаев visit {n},agreement,signed,2021,,,,KAZ; Türkiye,Energy,,,\n" for n in range(3)
    )
    path = write(tmp_path / "in.csv", f"{HEADER}\n{rows}")
    before = gc.get_threshold()
    during: list[int] = []
    run_import(database, path, progress=lambda done, total: during.append(gc.get_threshold()[0]))
    assert during and min(during) >= IMPORT_THRESHOLD > before[0]
    assert gc.get_threshold() == before
    with pytest.raises(ImportFailed), database.sessions.begin() as session:
        import_file(session, write(tmp_path / "bad.csv", f"{HEADER}\nX,nonsense,,,,,,KAZ,,,,\n"))
    assert gc.get_threshold() == before


def test_progress_reaches_the_total_and_a_cancel_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    rows = "".join(
        f"Agreement {n},agreement,signed,2021,,,,KAZ; UZB,Energy,,,\n" for n in range(2500)
    )
    path = write(tmp_path / "in.csv", f"{HEADER}\n{rows}")
    calls: list[tuple[int, int]] = []
    run_import(database, path, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 2500) and calls[-1] == (2500, 2500)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)

    other = write(tmp_path / "other.csv", f"{HEADER}\n{rows.replace('Agreement', 'Treaty')}")
    before = table_counts(database)
    seen: list[int] = []
    with pytest.raises(Cancelled), database.sessions.begin() as session:
        import_file(
            session,
            other,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: bool(seen) and seen[-1] >= 1000,
        )
    assert seen[-1] == 1000  # it stopped between chunks, after the first
    assert table_counts(database) == before


def table_rows(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row of what an import writes, timestamps aside."""
    queries = {
        "agreements": "SELECT * FROM agreements",
        "parties": "SELECT id, name, kind, iso3 FROM parties",
        "party_aliases": "SELECT * FROM party_aliases",
        "fields": "SELECT * FROM fields",
        "agreement_fields": "SELECT * FROM agreement_fields ORDER BY agreement_id, field_id",
        "participations": "SELECT * FROM participations",
        "actions": "SELECT * FROM actions",
        "milestones": "SELECT * FROM milestones",
        "agreement_deadlines": (
            'SELECT agreement_id, kind, "on", first_day, last_day, how, recorded '
            'FROM agreement_deadlines ORDER BY agreement_id, first_day, kind, "on"'
        ),
        "agreement_search": (
            "SELECT * FROM agreement_search ORDER BY agreement_id"
            if database.dialect == "postgresql"
            else "SELECT rowid, * FROM agreement_search"
        ),
    }
    with database.engine.connect() as connection:
        found = {name: list(connection.execute(text(sql))) for name, sql in queries.items()}
    found["agreements"] = [
        tuple(
            value for key, value in row._mapping.items() if key not in ("created_at", "updated_at")
        )
        for row in found["agreements"]
    ]
    return found


def with_terms(data: AgreementInput, *consents: tuple[str, str, str]) -> AgreementInput:
    """*data* with every term recorded, its entry into force waiting on the consents of
    parties given as (name, role, date of ratification or '')."""
    return dataclasses.replace(
        data,
        entry_into_force="",
        duration_term="5 years",
        renewal_term="automatic for 2 years",
        notice_term="6 months",
        entry_into_force_term="30 days after last notification",
        parties=[
            ParticipationInput(
                party=name,
                role=role,
                actions=[ActionInput("ratification", on, "", "")] if on else [],
            )
            for name, role, on in consents
        ],
    )


def test_a_bulk_import_stores_exactly_what_create_stores(
    database: Database, backend: str, tmp_path: Path
) -> None:
    inputs = [
        loosely_spelled_input("Treaty"),
        loosely_spelled_input("Pact"),
        # Deadlines from every term: one waiting for a party, one counted from consents.
        with_terms(
            loosely_spelled_input("Тоқаев convention"),
            ("Қазақстан", "party", "2001-05"),
            ("Oʻzbekiston", "original signatory", ""),
            ("Türkiye", "observer", ""),
        ),
        with_terms(
            loosely_spelled_input("Türkiye protocol"),
            ("KAZ", "party", "2001-05-03"),
            ("Oʻzbekiston", "party", "2002"),
            ("Ministry of Culture", "depositary", ""),
        ),
        # Titles whose search words are not simply the sort key's: compounds, a long title.
        loosely_spelled_input("Côte d'Ivoire accord"),
        loosely_spelled_input("Qazaqstan Respublikasy men Türkiye Cumhuriyeti arasında " * 5),
    ]
    with database.sessions.begin() as session:
        for data in inputs:
            create(session, data)
    with open_test_database(backend, tmp_path / "bulk") as other:
        with other.sessions.begin() as session, bulk_insert(session) as inserter:
            inserter.add(inputs)
        assert inserter.ids == [1, 2, 3, 4, 5, 6]
        stored_rows = table_rows(other)
        assert stored_rows == table_rows(database)
        assert len(stored_rows["agreement_deadlines"]) > 10  # renewals and notice days
        assert {row[0] for row in stored_rows["agreement_deadlines"]} == {1, 2, 3, 4, 5, 6}
        with database.sessions.begin() as one, other.sessions.begin() as two:
            for agreement_id in (1, 2, 3, 4, 5, 6):
                assert load_input(two, agreement_id) == load_input(one, agreement_id)
            stamps = select(Agreement.created_at, Agreement.updated_at)
            assert all(row[0] == row[1] for row in two.execute(stamps))


def test_an_import_replaces_a_search_row_left_behind_at_an_id_it_gives(
    database: Database, tmp_path: Path
) -> None:
    """An import looks for search rows at its new ids (none, as a rule) before it writes
    them: one left there by hand is replaced, not found for words it never had."""
    stale = (
        "INSERT INTO agreement_search (agreement_id, document) VALUES (1, 'stale')"
        if database.dialect == "postgresql"
        else "INSERT INTO agreement_search (rowid, title, body, place, parties) "
        "VALUES (1, 'stale', '', '', '')"
    )
    with database.engine.begin() as connection:
        connection.execute(text(stale))
    rows = "Тоқаев treaty on water,agreement,signed,2021,,,,KAZ,Water,,,\n"
    run_import(database, write(tmp_path / "in.csv", f"{HEADER}\n{rows}"))
    with database.sessions.begin() as session:
        assert agreement_ids(session, AgreementFilter(text="stale")) == []
        assert agreement_ids(session, AgreementFilter(text="тоқаев water")) == [1]


# ----------------------------------------------------------------- export


def build(database: Database) -> dict[str, int]:
    """Three agreements, with text that needs quoting."""
    ids = {}
    for title, signed, parties, status in (
        ('Treaty, "quoted"; with a semicolon', "2019-05-10", ("KAZ", "RUS"), "in force"),
        ("Тоқаев–Mirziyoyev declaration", "2021-12-06", ("Kazakhstan", "Oʻzbekiston"), "signed"),
        ("Türkiye memorandum", "2020", ("Türkiye",), "signed"),
    ):
        ids[title] = save(
            database,
            agreement(
                title,
                parties,
                signed_on=signed,
                status=status,
                fields=["Energy", "Transport > Rail"],
                summary="first line\nsecond, line",
            ),
        )
    return ids


def exported_files(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if not path.name.startswith("treaties.db")]


def test_csv_export_writes_the_header_and_one_row_per_agreement(
    database: Database, tmp_path: Path
) -> None:
    build(database)
    target = tmp_path / "out.csv"
    with database.sessions.begin() as session:
        assert export_file(session, target) == 3
    assert target.read_text(encoding="utf-8").splitlines()[0] == (
        HEADER + ",level,duration_term,renewal_term,notice_term,entry_into_force_term"
    )
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["signed_on"] for row in rows] == ["2019-05-10", "2020", "2021-12-06"]
    assert rows[0]["title"] == 'Treaty, "quoted"; with a semicolon'
    assert rows[0]["parties"] == "Kazakhstan; Russian Federation"
    assert rows[0]["fields"] == "Energy; Transport > Rail"
    assert rows[0]["summary"] == "first line\nsecond, line"
    assert rows[2]["parties"] == "Kazakhstan; Uzbekistan"
    assert exported_files(tmp_path) == [target]


def test_export_of_a_filter_or_of_ids_in_their_order(database: Database, tmp_path: Path) -> None:
    ids = build(database)
    target = tmp_path / "out.json"
    with database.sessions.begin() as session:
        assert export_file(session, target, AgreementFilter(statuses=(Status.SIGNED,))) == 2
        assert [r["title"] for r in json.loads(target.read_text("utf-8"))] == [
            "Türkiye memorandum",
            "Тоқаев–Mirziyoyev declaration",
        ]
        wanted = [ids["Türkiye memorandum"], ids['Treaty, "quoted"; with a semicolon']]
        assert export_file(session, target, wanted) == 2
    exported = json.loads(target.read_text("utf-8"))
    assert [record["id"] for record in exported] == wanted


def test_json_export_has_the_keys_of_list_and_the_full_participations(
    database: Database, tmp_path: Path
) -> None:
    with database.sessions.begin() as session:
        create(session, loosely_spelled_input("Treaty"))
    target = tmp_path / "out.json"
    with database.sessions.begin() as session:
        export_file(session, target)
    [record] = json.loads(target.read_text("utf-8"))
    assert list(record)[: len(RECORD_KEYS)] == list(RECORD_KEYS)
    assert record["parties"][0] == {
        "name": "Uzbekistan",
        "code": "UZB",
        "kind": "state",
        "role": "original signatory",
        "signatory_name": "Islam Karimov",
        "signatory_title": "President",
        "actions": [
            {"type": "signature", "deposited_on": "1998-10-31", "effective_on": None, "text": None},
            {
                "type": "reservation",
                "deposited_on": "1999-01",
                "effective_on": "1999-02-01",
                "text": "On article 3",
            },
        ],
    }
    assert record["milestones"][1] == {"kind": "expires", "on": "2029-12", "description": ""}
    assert (record["binding"], record["languages"]) == (True, ["uz", "tr"])


def test_an_unknown_suffix_is_refused(database: Database, tmp_path: Path) -> None:
    with database.sessions.begin() as session, pytest.raises(ValueError, match=r"\.csv or \.json"):
        export_file(session, tmp_path / "out.xlsx")


def test_a_cancelled_export_leaves_the_earlier_file_alone(
    database: Database, tmp_path: Path
) -> None:
    build(database)
    target = write(tmp_path / "out.csv", "an earlier export\n")
    with database.sessions.begin() as session:
        ids = agreement_ids(session, AgreementFilter()) * 400  # three batches
        progress: list[tuple[int, int]] = []
        with pytest.raises(Cancelled):
            export_file(
                session,
                target,
                ids,
                progress=lambda done, total: progress.append((done, total)),
                cancelled=lambda: len(progress) == 1,
            )
    assert progress == [(500, 1200)]
    assert target.read_text() == "an earlier export\n"
    assert exported_files(tmp_path) == [target]  # no temporary file left behind


# ----------------------------------------------------------------- with the command line


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_the_output_of_list_imports_into_another_database(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    build(database)
    url = database.url.render_as_string(hide_password=False)
    assert cli(["list", "--db", url, "--format", suffix]) == 0
    path = write(tmp_path / f"listed.{suffix}", capsys.readouterr().out)
    other = open_database(tmp_path / "other.db")
    try:
        assert run_import(other, path).added == 3
        assert {
            title: (data.signed_on, [p.party for p in data.parties], sorted(data.fields))
            for title, data in stored(other).items()
        } == {
            title: (data.signed_on, [p.party for p in data.parties], sorted(data.fields))
            for title, data in stored(database).items()
        }
    finally:
        other.close()


# ----------------------------------------------------------------- reading cells


def _read_by_name(header: list[str], cells: list[str]) -> AgreementInput:
    """What a row holds, each cell looked up by its column's name: the reading csv_records
    does by position, written the plain way."""
    values = dict(zip(header, map(read_csv_cell, cells), strict=False))
    names = split_list(values.get("parties", ""))
    return AgreementInput(
        title=values.get("title", ""),
        kind=values.get("kind", ""),
        level=values.get("level", "").strip() or "unknown",
        status=values.get("status", ""),
        signed_on=values.get("signed_on", ""),
        signed_at=values.get("signed_at", ""),
        entry_into_force=values.get("entry_into_force", ""),
        expires_on=values.get("expires_on", ""),
        parties=[ParticipationInput(name) for name in names],
        fields=split_list(values.get("fields", "")),
        summary=values.get("summary", ""),
        source_url=values.get("source_url", ""),
        notes=values.get("notes", ""),
        **{name: values.get(name, "") for name in TERM_COLUMNS},  # type: ignore[arg-type]  # text columns only
    )


_CELL = st.text(alphabet="aZ ;'=+-\"\n,Тоқаевʻüİé", max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_each_cell_is_read_by_its_column_whatever_the_order_and_the_row_length(
    data: st.DataObject,
) -> None:
    optional = [name for name in EXPORT_CSV_COLUMNS if name not in REQUIRED] + ["id"]
    chosen = data.draw(st.lists(st.sampled_from(optional), unique=True))
    header = data.draw(st.permutations([*REQUIRED, *chosen]))
    rows = data.draw(
        st.lists(st.lists(_CELL, min_size=0, max_size=len(header)), min_size=1, max_size=6)
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    records = list(csv_records(out.getvalue()))
    kept = [cells for cells in rows if "".join(cells).strip()]
    assert [record.data for record in records] == [_read_by_name(header, c) for c in kept]
