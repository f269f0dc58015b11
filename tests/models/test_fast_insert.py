"""insert_many stores exactly what SQLAlchemy's executemany stores, however often values repeat."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert, text

from models.database import open_database
from models.exchange_bulk import agreement_row
from models.fast_insert import insert_many
from models.schema import Agreement, utcnow
from models.service import AgreementInput
from models.text import sort_key

TITLES = ("Тоқаев treaty", "Oʻzbekiston accord", "Türkiye protocol", "Convention d'Évian")


def _rows() -> list[dict[str, object]]:
    """Rows whose dates, kinds, time stamp and lists of languages repeat, with JSON lists."""
    now = utcnow()
    inputs = [
        AgreementInput(
            title=f"{TITLES[number % 4]} {number}",
            kind=("treaty", "agreement", "Protocol")[number % 3],
            signed_on=("2021-12-06", "2021", "", "1991-12")[number % 4],
            alternative_titles=[f"Alt {number}"] if number % 5 == 0 else [],
            languages=(["en", "ru"], [], ["kk", "Türkçe"])[number % 3],
            summary="Signed by Тоқаев." if number % 2 else "",
        )
        for number in range(40)
    ]
    return [agreement_row(data, now, sort_key(data.title), "tester") for data in inputs]


def test_insert_many_stores_what_sqlalchemy_stores(tmp_path: Path) -> None:
    rows = _rows()
    stored = []
    for name, write in (
        ("ours", lambda connection: insert_many(connection, Agreement.__table__, rows)),
        ("theirs", lambda connection: connection.execute(insert(Agreement.__table__), rows)),
    ):
        database = open_database(tmp_path / f"{name}.db")
        try:
            with database.engine.begin() as connection:
                write(connection)
            with database.engine.connect() as connection:
                stored.append(list(connection.execute(text("SELECT * FROM agreements"))))
        finally:
            database.close()
    assert len(stored[0]) == 40
    assert stored[0] == stored[1]
