"""`due` and `export FILE.ics` on the command line: the due list, and a calendar file that
two independent iCalendar parsers read back."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject

from main import main
from models.database import open_database
from models.service import AgreementInput, ParticipationInput, create
from tests.cli import failure


@pytest.fixture
def due_db(db_path: Path) -> Path:
    """A notice day and a renewal, an expiry known to the month, an overdue one, one ended."""
    records = [
        AgreementInput(
            title="Agreement on transit through Oʻzbekiston",
            status="in force",
            entry_into_force="2022-03-01",
            duration_term="5 years",
            renewal_term="automatic for 5 years",
            notice_term="6 months",
            parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Uzbekistan")],
        ),
        AgreementInput(
            title="Memorandum with Türkiye",
            status="signed",
            expires_on="2027-01",
            parties=[ParticipationInput("Türkiye")],
        ),
        AgreementInput(
            title="Protocol signed by Тоқаев",
            status="in force",
            expires_on="2026-11-20",
            parties=[ParticipationInput("Kazakhstan")],
        ),
        AgreementInput(
            title="Terminated treaty",
            status="terminated",
            expires_on="2026-12-10",
            parties=[ParticipationInput("Kazakhstan")],
        ),
    ]
    database = open_database(db_path)
    with database.sessions.begin() as session:
        for data in records:
            create(session, data)
    database.close()
    return db_path


def test_due_lists_deadlines_by_date_with_how_they_were_found(
    due_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["due", "--db", str(due_db), "--as-of", "2026-12-01", "--within", "120"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("20 November 2026  Expires") and out[0].endswith("OVERDUE")
    assert out[2].startswith("January 2027      Expires")
    assert "Memorandum with Türkiye" in out[2]
    assert out[4].startswith("1 March 2027      Renews")
    assert out[5].strip() == (
        "5 years from entry into force on 1 March 2022, renewed automatically for 5 years"
    )
    assert out[-1] == "3 deadlines as of 2026-12-01, 1 overdue"
    assert "Terminated treaty" not in "\n".join(out)


def test_due_as_json_with_filters(due_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["due", "--db", str(due_db), "--as-of", "2026-08-01", "--within", "365"]
    assert main([*args, "--party", "UZB", "--format", "json", "--no-overdue"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["as_of"] == "2026-08-01"
    assert [(d["deadline"], d["on"], d["overdue"]) for d in found["deadlines"]] == [
        ("notice", "2026-09-01", False),
        ("renewal", "2027-03-01", False),
    ]
    assert found["deadlines"][0]["title"] == "Agreement on transit through Oʻzbekiston"


def test_bad_due_options_are_one_line_and_status_2(
    due_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = failure(capsys, "due", "--db", str(due_db), "--within", "soon")
    assert "'soon' is not a number of days" in line
    line = failure(capsys, "due", "--db", str(due_db), "--as-of", "2026-12")
    assert "'2026-12' is not a day (use YYYY-MM-DD)" in line


def test_export_ics_is_read_back_by_two_parsers(
    due_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deadlines.ics"
    args = ["export", str(out), "--db", str(due_db), "--as-of", "2026-08-01", "--within", "365"]
    assert main([*args, "--remind", "10"]) == 0
    assert capsys.readouterr().out == f"Exported 4 deadlines to {out}\n"
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\n" in raw

    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert [str(event["SUMMARY"]) for event in events] == [
        "Last day to give notice: Agreement on transit through Oʻzbekiston",
        "Expires: Protocol signed by Тоқаев",
        "Expires (January 2027): Memorandum with Türkiye",
        "Renews: Agreement on transit through Oʻzbekiston",
    ]
    notice, _protocol, month, _renewal = events
    assert notice.decoded("DTSTART") == date(2026, 9, 1)
    assert notice.decoded("DTEND") == date(2026, 9, 2)
    # Known only to the month: the event spans January, no day invented.
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (
        date(2027, 1, 1),
        date(2027, 2, 1),
    )
    alarm = next(iter(notice.walk("VALARM")))
    assert alarm.decoded("TRIGGER") == timedelta(days=-10)
    assert len({str(event["UID"]) for event in events}) == 4

    parsed = vobject.readOne(raw.decode("utf-8"))
    second = sorted(parsed.vevent_list, key=lambda event: event.dtstart.value)
    assert [event.dtstart.value for event in second] == [
        date(2026, 9, 1),
        date(2026, 11, 20),
        date(2027, 1, 1),
        date(2027, 3, 1),
    ]
    assert second[2].summary.value == "Expires (January 2027): Memorandum with Türkiye"
    assert second[0].valarm.trigger.value == timedelta(days=-10)


def test_export_csv_still_goes_to_the_table_export(
    due_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.csv"
    assert main(["export", str(out), "--db", str(due_db)]) == 0
    assert capsys.readouterr().out == f"Exported 4 agreements to {out}\n"
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith("level,duration_term,renewal_term,notice_term,entry_into_force_term")
