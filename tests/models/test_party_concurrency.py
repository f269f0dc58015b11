"""Two saves that create the same new party or field at the same moment both succeed.

One save (this process) has created the parties and fields and not yet committed; a
second process resolves the same names meanwhile, finds nothing committed, and tries
to create them too. It must wait for the first and then use what it made: never an
IntegrityError, never two parties for one name.
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from models.database import Database
from models.schema import Agreement, Field, Party
from models.service import AgreementInput, ParticipationInput, create

ROOT = Path(__file__).resolve().parents[2]
PARTIES = ("Uzbekistan", "Eurasian Fund for Stabilization and Development", "Union européenne")
FIELDS = ("Energy > Hydrogen",)
SECOND_SAVE = """
import sys
from models.database import open_database
from models.service import AgreementInput, ParticipationInput, create

database = open_database(sys.argv[1])
data = AgreementInput(
    title="Second save",
    parties=[ParticipationInput(party=name) for name in sys.argv[2].split("|")],
    fields=sys.argv[3].split("|"),
)
print("ready", flush=True)
with database.sessions.begin() as session:
    create(session, data)
print("saved", flush=True)
"""


def _start_second_save(url: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", SECOND_SAVE, url, "|".join(PARTIES), "|".join(FIELDS)]
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _wait_until_blocked(database: Database, application: str) -> None:
    """Until the second save waits for this one's uncommitted rows (PostgreSQL shows it)."""
    if database.dialect != "postgresql":
        # SQLite can't show a waiting writer: give the other process time to read (it
        # finds nothing committed) and reach its first INSERT, where it waits for our lock.
        time.sleep(1.5)
        return
    watcher = create_engine(database.url)
    query = text("SELECT wait_event_type FROM pg_stat_activity WHERE application_name = :name")
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with watcher.connect() as connection:
                if connection.execute(query, {"name": application}).scalar() == "Lock":
                    return
            time.sleep(0.05)
        raise AssertionError("the second save never waited for the first")
    finally:
        watcher.dispose()


def test_two_saves_creating_the_same_parties_and_fields_both_succeed(database: Database) -> None:
    application = f"race_{uuid.uuid4().hex[:8]}"
    url = database.url
    if database.dialect == "postgresql":
        url = url.update_query_dict({"application_name": application})
    first = AgreementInput(
        title="First save",
        parties=[ParticipationInput(party=name) for name in PARTIES],
        fields=list(FIELDS),
    )
    with database.sessions.begin() as session:
        create(session, first)
        session.flush()
        second = _start_second_save(url.render_as_string(hide_password=False))
        assert second.stdout is not None
        assert second.stdout.readline().strip() == "ready"
        _wait_until_blocked(database, application)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert out.strip() == "saved"
    with database.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(Agreement)) == 2
        assert session.scalar(select(func.count()).select_from(Party)) == len(PARTIES)
        assert sorted(session.scalars(select(Field.key))) == ["energy", "energy > hydrogen"]
