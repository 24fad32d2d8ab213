"""One SQLite connection shared by threads: its transactions, its reads, and its errors said as StoreErrors."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from reader.store.db import connect, make_folder
from reader.store.errors import StoreError, is_storage_error, store_error
from reader.store.health import Session


class Database:
    """The connection under a lock (calls are serialised); every SQLite error leaves as a StoreError.

    read_only: the file is only read (a read-only folder or file), never created, migrated or written.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._session: Session | None = None
        if not read_only:
            make_folder(path)
            self._session = Session.begin(path)  # before connecting: a suspect file is checked first
        try:
            self._conn = connect(path, read_only=read_only,
                                 check=self._session is not None and self._session.needs_check)
        except BaseException as exc:
            self._leave(exc)
            raise
        if self._session is not None and self._session.needs_check:
            self._session.checked()
        self._lock = threading.RLock()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()
            self._leave(None)

    def _leave(self, error: BaseException | None) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        if isinstance(error, StoreError) and error.damaged:
            session.damaged()
        session.end()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so two writers queue instead of deadlocking.

        The store's writes made inside it join it: they are stored together or not at all.
        """
        with self._lock:
            if self._conn.in_transaction:  # this thread's own (the lock keeps the others out)
                yield self._conn
                return
            # BEGIN and COMMIT inside the try: an exception at any point (a Ctrl-C just after BEGIN, a
            # COMMIT that fails on a full disk) rolls back, so no transaction stays open holding the lock.
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if is_storage_error(exc):
                    raise self._failed(exc) from None
                raise

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                cursor = self._conn.execute(sql, params)
                cursor.row_factory = sqlite3.Row
                return cursor.fetchall()
            except sqlite3.Error as exc:
                if is_storage_error(exc):
                    raise self._failed(exc) from None
                raise

    def _failed(self, exc: BaseException) -> StoreError:
        """The StoreError for an error met while in use; damage is noted, so the next session checks."""
        error = store_error(exc, self.path)
        if error.damaged and self._session is not None:
            self._session.damaged()
        return error
