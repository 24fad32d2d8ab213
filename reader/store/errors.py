"""What went wrong with the cache, said as what it is: a full disk, a permission, a damaged file, a folder.

Every SQLite or OS error of the store becomes a StoreError whose message names the cause and the path,
and says what was kept: advice to "move it away" is only given for a file that really is unusable. The
messages are marked for the catalogue (`N_`, as reader.text.messages has it: the store imports no other
layer) and are translated where they are shown, with `StoreError.translated`.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path


def N_(message: str) -> str:
    """Mark a message for the catalogue; it is translated where it is shown (see reader.text.messages)."""
    return message


FOREIGN = N_("{path} is an SQLite database of another program; it was left untouched")
NEWER = N_("{path} has schema version {version}, newer than this sportreader knows ({known}); upgrade "
           "sportreader to use it")
NOT_A_DATABASE = N_("{path} is not an SQLite database; it was left untouched: move it away to start a new cache")
DAMAGED = N_("{path} is damaged ({detail}); nothing more is written to it: move it away to start a new cache "
             "(`sqlite3 {path} .recover` may save its articles)")
DISK_FULL = N_("cannot write to {path}: the disk is full; what was stored before is kept")
READ_ONLY = N_("cannot write to {path}: {reason}; the cache can still be read")
CANNOT_OPEN = N_("cannot open {path}: {reason}")
NOT_A_FOLDER = N_("{folder} is a file, not a folder: the data dir must be a folder (it is made if missing)")
IS_A_FOLDER = N_("{path} is a folder, not the cache file: move it away")
BUSY = N_("{path} is kept busy by another process (waited 30 s); try again later")
OLD_SCHEMA = N_("{path} has schema version {version}: updating it to {known} needs write access to it")
IO_ERROR = N_("cannot read or write {path}: {detail}")

# The reasons that fill {reason}.
PERMISSION = N_("permission denied")
FOLDER_READ_ONLY = N_("the folder {folder} is read-only")
READ_ONLY_FS = N_("the file system is read-only")
REASONS = (PERMISSION, FOLDER_READ_ONLY, READ_ONLY_FS)


class StoreError(Exception):
    """The database cannot be used; the message says why and what was left untouched.

    `template` is the message in English with its fields still to fill, for `translated`.
    """

    def __init__(self, template: str, fields: Mapping[str, object] | None = None) -> None:
        self.template = template
        self.fields = dict(fields or {})
        super().__init__(self._fill(lambda message: message))

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message in the language `gettext` translates into."""
        return self._fill(gettext)

    def _fill(self, gettext: Callable[[str], str]) -> str:
        fields = dict(self.fields)
        reason = fields.get("reason")
        if isinstance(reason, str) and reason in REASONS:  # ours, to translate (others are SQLite's or the OS's)
            fields["reason"] = gettext(reason).format(**fields)
        return gettext(self.template).format(**fields)

    @property
    def unwritable(self) -> bool:
        """The file may still be read, but cannot be written (permissions, a read-only folder or disk)."""
        return self.template == READ_ONLY or self.fields.get("reason") in REASONS

    @property
    def damaged(self) -> bool:
        """The file itself is unusable (damaged, or not a database): nothing may write to it."""
        return self.template in (DAMAGED, NOT_A_DATABASE)

    def __reduce__(self) -> tuple[type[StoreError], tuple[str, dict[str, object]]]:
        # Raised in a parse worker and sent to the refresh: rebuilt from the template, not the text.
        return type(self), (self.template, self.fields)


def is_storage_error(exc: BaseException) -> bool:
    """An error of the file, the disk or the locks (a StoreError to report), not of the code's own SQL."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.ProgrammingError | sqlite3.IntegrityError | sqlite3.DataError | sqlite3.NotSupportedError)


def store_error(exc: BaseException, path: Path) -> StoreError:
    """The StoreError that says what an SQLite or OS error on the cache at `path` means."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        return _os_error(exc, path)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = str(exc)
    if primary == sqlite3.SQLITE_FULL:
        return StoreError(DISK_FULL, {"path": path})
    if primary == sqlite3.SQLITE_CORRUPT:
        return StoreError(DAMAGED, {"path": path, "detail": detail})
    if primary == sqlite3.SQLITE_NOTADB:
        return StoreError(NOT_A_DATABASE, {"path": path})
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreError(BUSY, {"path": path})
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH):
        return _access(path, detail, writing=primary != sqlite3.SQLITE_CANTOPEN)
    return StoreError(IO_ERROR, {"path": path, "detail": detail})


def _os_error(exc: OSError, path: Path) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return StoreError(DISK_FULL, {"path": path})
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        return StoreError(NOT_A_FOLDER, {"folder": _first_file(path.parent)})
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StoreError(CANNOT_OPEN, {"path": exc.filename or path, "reason": PERMISSION})
    if exc.errno == errno.EROFS:
        return StoreError(CANNOT_OPEN, {"path": exc.filename or path, "reason": READ_ONLY_FS})
    return StoreError(CANNOT_OPEN, {"path": path, "reason": exc.strerror or str(exc)})


def _access(path: Path, detail: str, *, writing: bool) -> StoreError:
    """Why the file could not be opened or written, from what the file system says of it."""
    if path.is_dir():
        return StoreError(IS_A_FOLDER, {"path": path})
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        return StoreError(NOT_A_FOLDER, {"folder": _first_file(folder)})
    if path.exists() and not os.access(path, os.W_OK):
        reason = PERMISSION
    elif folder.is_dir() and not os.access(folder, os.W_OK):
        reason = FOLDER_READ_ONLY
    elif "readonly" in detail or "read-only" in detail:
        reason = READ_ONLY_FS
    else:
        return StoreError(CANNOT_OPEN, {"path": path, "reason": detail})
    template = READ_ONLY if writing or path.exists() else CANNOT_OPEN
    return StoreError(template, {"path": path, "reason": reason, "folder": folder})


def _first_file(folder: Path) -> Path:
    """The first part of a folder's path that exists and is not a folder (what makes it unusable)."""
    for part in reversed((folder, *folder.parents)):
        if part.exists() and not part.is_dir():
            return part
    return folder
