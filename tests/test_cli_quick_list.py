"""`list`'s quick path (sqlite3 alone) answers every filter exactly as the full one does.

The same AgreementFilter is compiled twice: by models.query with SQLAlchemy (the window,
reports, PostgreSQL) and by models.sqlite_listing to plain SQL for `list` on an SQLite
file. Random filters and sorts on a generated database hold the two to the same ids in the
same order, and the same JSON and table output byte for byte.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import models.database
import models.sqlite_file
from benchmarks.generate import generate
from main import main
from models import sqlite_listing
from models.attachments import attach_file
from models.database import Database, open_database
from models.query import AgreementFilter, Sort, SortColumn, agreement_ids, field_tree, party_list
from models.sample import load_sample
from models.service import ActionInput, AgreementInput, ParticipationInput, create
from models.sqlite_file import open_current, sqlite_uri
from models.vocab import Kind, Level, Status
from tests.models.test_facet_index import filters
from ui.cli.common import UsageError, fail
from ui.cli.history import command_trash, quick_trash
from ui.cli.listing import _write_quickly, command_list, quick_list
from ui.cli.parser import build_parser
from ui.cli.running import _run_on

SEARCHES = ["", "k", "energy", "Türkiye", "turkiye", "Тоқаев", "токаев", "Oʻzbekiston", "ozbek"]
SEARCHES += ["o'zbekiston", "zzattached", "rail freight", '"quoted" OR *', "zzzz"]


def _left_and_came_back() -> list[AgreementInput]:
    """Parties that withdrew (and one that acceded again): the counts judged in Python."""
    withdrew = [ActionInput("ratification", "2001-02-03"), ActionInput("withdrawal", "2010-05")]
    back = [*withdrew, ActionInput("accession", "2015")]
    return [
        AgreementInput(
            title=f"Convention on transit through Türkiye, {variant}",
            kind="convention",
            status="in force",
            signed_on="2000-06-01",
            entry_into_force="2001",
            parties=[
                ParticipationInput("Kazakhstan", role="original signatory", actions=acts),
                ParticipationInput("Türkiye", actions=[ActionInput("ratification", "2002")]),
                ParticipationInput("Uzbekistan"),
            ],
            fields=["Transport > Rail", "Trade and investment"],
        )
        for variant, acts in (("left", withdrew), ("came back", back))
    ]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """300 generated agreements, the sample (Тоқаев, Oʻzbekiston), leavers and an attachment."""
    folder = tmp_path_factory.mktemp("quick")
    path = folder / "generated.db"
    generate(path, 300, seed=7)
    database = open_database(path, create=False)
    with database.sessions.begin() as session:
        load_sample(session)
        first = create(session, _left_and_came_back()[0]).id
        create(session, _left_and_came_back()[1])
    note = folder / "note.txt"
    note.write_text("Minutes: the zzattached annex, signed in Astana\n", encoding="utf-8")
    with database.sessions.begin() as session:
        attach_file(session, first, note)
    database.close()
    yield path


@pytest.fixture(scope="module")
def full(generated: Path) -> Iterator[Database]:
    database = open_database(generated, create=False)
    yield database
    database.close()


SORTS = st.builds(Sort, st.sampled_from(list(SortColumn)), st.booleans())


def test_random_filters_give_the_same_ids_in_the_same_order(
    generated: Path, full: Database
) -> None:
    with full.sessions() as session:
        fields = [node.id for node in field_tree(session)]
        parties = [entry.id for entry in party_list(session)][:60]
    connection = open_current(generated)
    assert connection is not None

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(filters({"fields": fields, "parties": parties}, SEARCHES, due=False), SORTS)
    def check(wanted: AgreementFilter, sort: Sort) -> None:
        with full.sessions() as session:
            expected = agreement_ids(session, wanted, sort)
        assert sqlite_listing.agreement_ids(connection, wanted, sort) == expected

    try:
        check()
    finally:
        connection.close()


def _options(generated: Path) -> st.SearchStrategy[list[str]]:
    """Command lines of `list` as a user types them: names, codes, paths, words, dates."""
    with_names = st.sampled_from(
        ["KAZ", "Kazakhstan", "UZB", "Uzbekistan", "Türkiye", "TUR", "RUS", "France", "EU"]
    )
    field_names = st.sampled_from(["Transport", "Transport > Rail", "Energy", "Foreign policy"])
    dates = st.sampled_from(["1998", "2000-06", "2021-12-06", "1850", "2025"])

    def repeated(option: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
        return st.lists(values, max_size=2).map(
            lambda chosen: [part for value in chosen for part in (option, value)]
        )

    def maybe(option: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
        return st.one_of(st.just([]), values.map(lambda value: [option, value]))

    parts = st.tuples(
        repeated("--party", with_names),
        st.sampled_from([[], ["--any-party"]]),
        repeated("--field", field_names),
        repeated("--kind", st.sampled_from([kind.value for kind in Kind])),
        repeated("--status", st.sampled_from([status.value for status in Status])),
        repeated("--level", st.sampled_from([level.value for level in Level])),
        maybe("--signed-from", dates),
        maybe("--signed-to", dates),
        maybe("--search", st.sampled_from(SEARCHES[1:])),
        maybe("--sort", st.sampled_from([column.value for column in SortColumn])),
        st.sampled_from([[], ["--desc"]]),
        st.sampled_from([["--format", "json"], ["--format", "table"], []]),
    )
    return parts.map(
        lambda chosen: [
            "--db",
            str(generated),
            "list",
            *(part for group in chosen for part in group),
        ]
    )


def _printed(run: Callable[[], int | None]) -> tuple[int | None, str, str]:
    """What *run* returns, and prints on stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = run()
    return status, out.getvalue(), err.getvalue()


def _full_way(database: Database, args: argparse.Namespace) -> int:
    """command_list, its bad input said as ui.cli.running says it."""
    try:
        return command_list(database, args)
    except UsageError as error:
        return fail(str(error))


def test_random_command_lines_print_the_same_bytes(generated: Path, full: Database) -> None:
    parser = build_parser()
    answered = []

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_options(generated))
    def check(arguments: list[str]) -> None:
        args = parser.parse_args(arguments)
        quick = _printed(lambda: quick_list(args))
        answered.append(quick[0] is not None)
        if quick[0] is None:  # a name it can't resolve exactly ('Rail', 'EU'): the full way
            assert {"--field", "--party"} & set(arguments)
            return
        assert quick == _printed(lambda: _full_way(full, args))

    check()
    assert sum(answered) > len(answered) / 2  # the quick path did most of the answering


def test_the_quick_path_answers_in_every_script(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Тоқаев, Oʻzbekiston and Türkiye are found however typed, through sqlite3 alone."""
    for words in ("Тоқаев", "ТОҚАЕВ", "Oʻzbekiston", "O'zbekiston", "Türkiye", "TURKIYE"):
        args = build_parser().parse_args(
            ["--db", str(generated), "list", "--search", words, "--format", "json"]
        )
        assert quick_list(args) == 0, words
        assert capsys.readouterr().out.count('"id":') >= 1, words


def test_a_database_at_another_schema_goes_the_full_way(
    generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newer schema is refused with the same message and status as before: by the full
    path, which the quick one leaves every file it can't read as it stands to."""
    newer = tmp_path / "newer.db"
    shutil.copyfile(generated, newer)
    with contextlib.closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    args = build_parser().parse_args(["--db", str(newer), "list", "--format", "json"])
    assert quick_list(args) is None
    assert main(["--db", str(newer), "list", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"treaty-tracker: {newer} was made by a newer version of Treaty Tracker "
        "(schema 9999); update the app to open it\n"
    )


def test_trash_lists_the_same_either_way(generated: Path, tmp_path: Path) -> None:
    """`trash` read through sqlite3 prints what the full path prints, empty or not."""
    copy = tmp_path / "trash.db"
    shutil.copyfile(generated, copy)
    parser = build_parser()
    args = parser.parse_args(["--db", str(copy), "trash"])

    def both() -> tuple[tuple[int | None, str, str], tuple[int | None, str, str]]:
        database = open_database(copy, create=False)
        try:
            return _printed(lambda: quick_trash(args)), _printed(
                lambda: command_trash(database, args)
            )
        finally:
            database.close()

    quick, full_way = both()
    assert quick == full_way == (0, "The trash is empty.\n", "")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", str(copy), "delete", "3", "150", "12"]) == 0
        assert main(["--db", str(copy), "delete", "7"]) == 0
    quick, full_way = both()
    assert quick == full_way
    assert [line.split()[0] for line in quick[1].splitlines()] == ["7", "150", "12", "3"]


def test_a_busy_file_met_mid_listing_is_said_as_the_full_path_says_it(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program's write that outlasts the wait: both paths print the same one line
    and status 2 (the quick path said 'database error: database is locked', status 1)."""
    copy = tmp_path / "busy.db"
    shutil.copyfile(generated, copy)
    for module in (models.database, models.sqlite_file):  # a second's wait, not five
        monkeypatch.setattr(module, "BUSY_TIMEOUT_MS", 1000)
    args = build_parser().parse_args(["--db", str(copy), "list", "--format", "json"])
    database = open_database(copy, create=False)
    database.engine.dispose()  # its next query connects anew, as the quick path reads: mid-way
    reader = sqlite3.connect(sqlite_uri(copy), uri=True, timeout=0.1, isolation_level=None)
    with contextlib.closing(sqlite3.connect(copy, isolation_level=None)) as writer:
        writer.execute("PRAGMA locking_mode = EXCLUSIVE")  # keeps every reader out
        writer.execute("BEGIN EXCLUSIVE")
        try:
            quick = _printed(lambda: _write_quickly(reader, copy, [1, 2, 3], "json"))
            full_way = _printed(lambda: _run_on(database, args))
        finally:
            writer.execute("ROLLBACK")
            reader.close()
            database.close()
    assert quick == full_way
    assert quick[0] == 2
    assert quick[2] == (
        f"treaty-tracker: {copy} is busy: another program kept it locked for over 1 seconds; "
        "nothing was changed, try again\n"
    )


def test_a_listings_party_links_are_read_in_order_from_their_index(generated: Path) -> None:
    """ix_participations_listed (0013) holds them in order with party and role: no sort and
    no lookup in the table, which took half of `list --party KAZ`'s query time at 250,000."""
    with contextlib.closing(open_current(generated)) as connection:
        plan = [row[3] for row in connection.execute(
            "EXPLAIN QUERY PLAN " + sqlite_listing.LINKS.format("?, ?"), (1, 2)
        )]  # fmt: skip
    assert plan == [
        "SEARCH participations USING COVERING INDEX ix_participations_listed (agreement_id=?)"
    ]
