"""Whether the cache must be checked before anything writes to it: after an unclean end, or once damage showed.

A small file beside the database (`sportreader.db-state`) says how it was left. Every process that opens
the cache for writing holds a shared lock on it; one that finds itself alone writes "open", and the last
one to close writes "clean". Finding "open" while alone means the last session never closed (killed, a
power cut); an error that showed damage writes "damaged". Either way `PRAGMA quick_check` runs before the
next write (db.connect). Without fcntl (Windows) or without write access to the folder nothing is
tracked, and damage is still reported when a read or a write meets it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

OPEN, CLEAN, DAMAGED = b"open", b"clean", b"damaged"


def state_file(database: Path) -> Path:
    """Where the state of a database is kept."""
    return database.with_name(database.name + "-state")


class Session:
    """This process's hold on the state file, from opening the cache to closing it."""

    def __init__(self, fd: int, needs_check: bool) -> None:
        self._fd = fd
        self.needs_check = needs_check

    @classmethod
    def begin(cls, database: Path) -> Session | None:
        """Join the processes using the database; None when the state cannot be tracked."""
        if fcntl is None:
            return None
        try:
            fd = os.open(state_file(database), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:
            return None
        try:
            if _try_lock(fd, fcntl.LOCK_EX):  # alone: the previous sessions are over
                state = _read(fd)
                if state != DAMAGED:
                    _write(fd, OPEN)
                fcntl.flock(fd, fcntl.LOCK_SH)
                return cls(fd, needs_check=state in (OPEN, DAMAGED))
            fcntl.flock(fd, fcntl.LOCK_SH)
            return cls(fd, needs_check=_read(fd) == DAMAGED)
        except OSError:
            os.close(fd)
            return None

    def checked(self) -> None:
        """quick_check found the file sound: it is open, no longer suspect."""
        _write(self._fd, OPEN)
        self.needs_check = False

    def damaged(self) -> None:
        """An error showed the file is damaged: every later session checks it first."""
        _write(self._fd, DAMAGED)

    def end(self) -> None:
        """Leave; the last process out marks a cache left open as closed cleanly."""
        try:
            if fcntl is not None and _try_lock(self._fd, fcntl.LOCK_EX) and _read(self._fd) == OPEN:
                _write(self._fd, CLEAN)
        finally:
            os.close(self._fd)


def _try_lock(fd: int, kind: int) -> bool:
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read(fd: int) -> bytes:
    return os.pread(fd, 16, 0).strip()


def _write(fd: int, state: bytes) -> None:
    # The 8 bytes are overwritten in place, which needs no free space; a new file on a full disk stays
    # empty, which reads as neither open nor damaged.
    with contextlib.suppress(OSError):
        os.pwrite(fd, state.ljust(8), 0)
