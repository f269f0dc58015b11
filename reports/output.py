"""What a report hands back, and how it reaches its file: whole, or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session, sessionmaker

from models.atomic_file import atomic_binary
from models.cancelled import Cancelled


@dataclass(frozen=True)
class ReportResult:
    """What a finished report holds, and what the reader should be told about it."""

    pages: int
    agreements: int
    warnings: list[str] = field(default_factory=list)


@contextmanager
def atomic_output(out: Path | str | BinaryIO) -> Iterator[BinaryIO]:
    """A stream that lands in *out* only if the block finishes: a file written by
    models.atomic_file, or a buffer copied into a caller's stream."""
    if not isinstance(out, str | os.PathLike):
        buffer = BytesIO()
        yield buffer
        out.write(buffer.getvalue())
        return
    with atomic_binary(Path(out)) as stream:
        yield stream


def checkpoint(cancelled: Callable[[], bool] | None) -> None:
    """Stop the report here if the user cancelled it."""
    if cancelled is not None and cancelled():
        raise Cancelled("the report was cancelled; no file was written")


@contextmanager
def session_scope(source: Session | sessionmaker[Session]) -> Iterator[Session]:
    """The caller's session as it is, or one read transaction from the caller's factory."""
    if isinstance(source, Session):
        yield source
        return
    with source.begin() as session:
        yield session
