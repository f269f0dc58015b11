"""What a report hands back, and how it reaches its file: whole, or not at all."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session, sessionmaker


class ReportCancelled(Exception):
    """The user cancelled the report; no file was written."""


@dataclass(frozen=True)
class ReportResult:
    """What a finished report holds, and what the reader should be told about it."""

    pages: int
    agreements: int
    warnings: list[str] = field(default_factory=list)


@contextmanager
def atomic_output(out: Path | str | BinaryIO) -> Iterator[BinaryIO]:
    """A stream that lands in *out* only if the block finishes: a temporary file next to
    the target renamed into place, or a buffer copied into a caller's stream."""
    if not isinstance(out, str | os.PathLike):
        buffer = BytesIO()
        yield buffer
        out.write(buffer.getvalue())
        return
    target = Path(out)
    # Opened with "x" rather than mkstemp, so the file gets the user's usual permissions.
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")
    try:
        with open(temporary, "xb") as stream:
            yield stream
            # On disk before the rename, as exports are: after a power cut the name holds
            # the whole new report or the old one, never an empty file.
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def checkpoint(cancelled: Callable[[], bool] | None) -> None:
    """Stop the report here if the user cancelled it."""
    if cancelled is not None and cancelled():
        raise ReportCancelled("the report was cancelled; no file was written")


@contextmanager
def session_scope(source: Session | sessionmaker[Session]) -> Iterator[Session]:
    """The caller's session as it is, or one read transaction from the caller's factory."""
    if isinstance(source, Session):
        yield source
        return
    with source.begin() as session:
        yield session
