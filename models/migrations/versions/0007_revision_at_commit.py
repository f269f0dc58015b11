"""PostgreSQL: the data revision moves on at commit, so writers never wait for each other.

Until now the first write of a transaction updated the one `data_revision` row at once
and held its lock to the end: a colleague's long import held up every other save, and
two writers touching the same agreements in turn could deadlock. Now that first write
only notes the transaction in `revision_bumps`; a deferred constraint trigger on that
table moves the revision on (and sends NOTIFY treaty_tracker) as the transaction
commits, when the lock is held for an instant. Nothing changes on SQLite, which has one
writer at a time anyway.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

from models.revision import NOTIFY_CHANNEL, PG_BUMP_FUNCTION

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NOTE_FUNCTION = (
    "CREATE OR REPLACE FUNCTION treaty_tracker_bump_revision() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "IF current_setting('treaty_tracker.bumped_in', true) = txid_current()::text THEN "
    "RETURN NULL; END IF; "
    "PERFORM set_config('treaty_tracker.bumped_in', txid_current()::text, true); "
    "INSERT INTO revision_bumps (txid) VALUES (txid_current()); "
    "RETURN NULL; END $$"
)
AT_COMMIT_FUNCTION = (
    "CREATE FUNCTION treaty_tracker_revision_at_commit() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "UPDATE data_revision SET value = value + 1 WHERE id = 1; "
    "DELETE FROM revision_bumps WHERE txid = NEW.txid; "
    f"PERFORM pg_notify('{NOTIFY_CHANNEL}', ''); "
    "RETURN NULL; END $$"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE TABLE revision_bumps (txid bigint PRIMARY KEY)")
    op.execute(AT_COMMIT_FUNCTION)
    op.execute(
        "CREATE CONSTRAINT TRIGGER revision_at_commit AFTER INSERT ON revision_bumps "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        "EXECUTE FUNCTION treaty_tracker_revision_at_commit()"
    )
    op.execute(NOTE_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(PG_BUMP_FUNCTION)
    op.execute("DROP TRIGGER revision_at_commit ON revision_bumps")
    op.execute("DROP FUNCTION treaty_tracker_revision_at_commit()")
    op.execute("DROP TABLE revision_bumps")
