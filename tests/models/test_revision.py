"""The data revision moves on with every committed change, and only then."""

from __future__ import annotations

import dataclasses

from models import catalog, views
from models.database import Database
from models.exchange_bulk import bulk_insert
from models.parties import find_party
from models.query import AgreementFilter
from models.revision import current_revision
from models.service import delete, load_input, update
from tests.builders import agreement, save


def revision(database: Database) -> int:
    with database.sessions() as session:
        return current_revision(session)


def test_every_kind_of_change_moves_the_revision_on(database: Database) -> None:
    seen = [revision(database)]

    def changed() -> None:
        now = revision(database)
        assert now > seen[-1]
        seen.append(now)

    agreement_id = save(database, agreement("Treaty on Oʻzbekiston", ("Kazakhstan", "Türkiye")))
    changed()
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        update(
            session, agreement_id, dataclasses.replace(data, summary="Тоқаев signed it."), version
        )
    changed()
    with database.sessions.begin() as session:
        kaz = find_party(session, "Kazakhstan")
        assert kaz is not None
        catalog.rename_party(session, kaz.id, "Republic of Kazakhstan")
    changed()
    with database.sessions.begin() as session:
        views.save_view(session, "Central Asia", AgreementFilter())
    changed()
    with database.sessions.begin() as session:
        delete(session, [agreement_id])
    changed()


def test_reading_and_a_rolled_back_change_leave_it_alone(database: Database) -> None:
    save(database, agreement("Energy charter"))
    before = revision(database)
    with database.sessions() as session:
        data, version = load_input(session, 1)
        update(session, 1, dataclasses.replace(data, summary="Not kept."), version)
        session.rollback()
    assert revision(database) == before


def test_an_import_of_many_agreements_is_one_step_and_keeps_the_triggers(
    database: Database,
) -> None:
    before = revision(database)
    inputs = [
        agreement(f"Agreement no. {n} with Türkiye", ("Kazakhstan", "Türkiye")) for n in range(30)
    ]
    with database.sessions.begin() as session, bulk_insert(session) as inserter:
        inserter.add(inputs)
    assert revision(database) == before + 1
    save(database, agreement("Saved afterwards: Тоқаев"))  # the triggers are back
    assert revision(database) > before + 1


def test_a_failed_import_leaves_the_revision_and_its_triggers(database: Database) -> None:
    before = revision(database)
    try:
        with database.sessions.begin() as session, bulk_insert(session) as inserter:
            inserter.add([agreement("Oʻzbekiston accord")])
            raise RuntimeError("the user cancelled")
    except RuntimeError:
        pass
    assert revision(database) == before
    save(database, agreement("Saved afterwards"))
    assert revision(database) > before
