"""The SQLite file: opening it safely (WAL, busy timeout, read-only), recognising it, checking it, migrating it."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from reader.store.errors import DAMAGED, FOREIGN, NEWER, OLD_SCHEMA, StoreError, is_storage_error, store_error

# 'SPRT': marks the file as sportreader's, so a foreign database is never taken for ours.
APPLICATION_ID = 0x53505254

# The letters FTS5's unicode61 tokenizer cannot fold because Unicode does not decompose them into a base
# letter and marks, each with what users type for it (unicode61 does case and the other accents itself).
# Frozen with the migration that made entries_search: the index holds text folded this way, so changing it
# takes a new migration that redefines the view and rebuilds the index. "Đ" is "Dj", as the Italian press
# writes Đoković and Đuričić.
SEARCH_FOLDS = ("Æ:AE æ:ae Ð:D ð:d Đ:Dj đ:dj Ħ:H ħ:h ı:i Ĳ:IJ ĳ:ij Ŀ:L ŀ:l Ł:L ł:l Ø:O ø:o Œ:OE œ:oe Þ:Th þ:th "
               "ß:ss ẞ:SS Ŧ:T ŧ:t")


def fold_pairs(folds: str) -> tuple[tuple[str, str], ...]:
    """The (letter, replacement) pairs of a FOLDS line."""
    return tuple((pair[0], pair[2:]) for pair in folds.split())


def _fold_sql(column: str, folds: str) -> str:
    expression = column
    for letter, replacement in fold_pairs(folds):
        expression = f"replace({expression}, '{letter}', '{replacement}')"
    return expression


def _folded_search_index() -> str:
    """The migration that indexes folded text, generated from SEARCH_FOLDS (frozen with it).

    The view is what the index holds; the store inserts new rows folded by Python (fold.index_fold, the
    same letters), the triggers take the old and new text from the view, and FTS5's 'rebuild' and
    'integrity-check' read it too, so the file needs no function of ours: any SQLite can check or write it.
    """
    columns = ",\n        ".join(f"{_fold_sql(c, SEARCH_FOLDS)} AS {c}"
                                 for c in ("title", "summary", "content", "full_text"))
    from_view = "SELECT {verb}id, title, summary, content, full_text FROM entries_search WHERE id = {row}.id"
    return f"""
    DROP TRIGGER entries_fts_delete;
    DROP TRIGGER entries_fts_update;
    DROP TABLE entries_fts;
    CREATE VIEW entries_search AS SELECT id,
        {columns}
        FROM entries;
    CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, summary, content, full_text,
        content='entries_search', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
    CREATE TRIGGER entries_fts_delete BEFORE DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, summary, content, full_text)
        {from_view.format(verb="'delete', ", row="old")};
    END;
    CREATE TRIGGER entries_fts_unindex BEFORE UPDATE OF title, summary, content, full_text ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, summary, content, full_text)
        {from_view.format(verb="'delete', ", row="old")};
    END;
    CREATE TRIGGER entries_fts_reindex AFTER UPDATE OF title, summary, content, full_text ON entries BEGIN
        INSERT INTO entries_fts (rowid, title, summary, content, full_text)
        {from_view.format(verb="", row="new")};
    END;
    """


# Each step brings the schema from version N to N + 1; steps are never edited once released.
MIGRATIONS: tuple[str, ...] = (
    # 1: feeds and entries.
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        etag TEXT,
        last_modified TEXT,
        body_hash TEXT,
        retry_after REAL
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        uid TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        full_text TEXT,
        categories TEXT NOT NULL DEFAULT '',
        published REAL NOT NULL,
        updated REAL,
        first_seen REAL NOT NULL,
        content_hash TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, uid)
    );
    CREATE INDEX entries_by_time ON entries (published DESC);
    """,
    # 2: full-text search over the entries, kept in step by triggers.
    """
    CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, summary, content, full_text,
        content='entries', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO entries_fts (rowid, title, summary, content, full_text)
        SELECT id, title, summary, content, full_text FROM entries;
    CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, title, summary, content, full_text)
        VALUES (new.id, new.title, new.summary, new.content, new.full_text);
    END;
    CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, summary, content, full_text)
        VALUES ('delete', old.id, old.title, old.summary, old.content, old.full_text);
    END;
    CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, summary, content, full_text ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, title, summary, content, full_text)
        VALUES ('delete', old.id, old.title, old.summary, old.content, old.full_text);
        INSERT INTO entries_fts (rowid, title, summary, content, full_text)
        VALUES (new.id, new.title, new.summary, new.content, new.full_text);
    END;
    """,
    # 3: refresh history, one row per feed per refresh.
    """
    CREATE TABLE refreshes (
        id INTEGER PRIMARY KEY,
        started REAL NOT NULL,
        finished REAL NOT NULL
    );
    CREATE TABLE feed_results (
        id INTEGER PRIMARY KEY,
        refresh_id INTEGER NOT NULL REFERENCES refreshes(id) ON DELETE CASCADE,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        http_status INTEGER,
        error TEXT,
        warning TEXT,
        new INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        duration REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX feed_results_by_feed ON feed_results (feed_id, id);
    """,
    # 4: new entries are indexed by the store itself. A statement run by a trigger makes FTS5 flush its
    # pending index to a segment of its own for every row, which doubled the cost of storing a feed;
    # updates and deletes are rare and keep their triggers.
    """
    DROP TRIGGER entries_fts_insert;
    """,
    # 5: the match centre. The fixtures calendar, one source per competition and season (a file shipped with
    # the app, downloaded, or the demo's), replaced whole; what the match detector read in each entry, kept
    # so that joining articles to matches never reads a text twice (`version` says which detector read it);
    # and the marks a user puts on a match (watched, no spoilers), by the match's key. A reading keeps the
    # shingles of its text (sorted 32-bit hashes) so that comparing stories reads no text either.
    """
    CREATE TABLE fixture_sources (
        id INTEGER PRIMARY KEY,
        competition TEXT NOT NULL,
        season TEXT NOT NULL,
        origin TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        url TEXT,
        etag TEXT,
        last_modified TEXT,
        digest TEXT NOT NULL,
        stored REAL NOT NULL,
        UNIQUE (competition, season)
    );
    CREATE TABLE fixtures (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES fixture_sources(id) ON DELETE CASCADE,
        key TEXT NOT NULL UNIQUE,
        round TEXT NOT NULL,
        day TEXT NOT NULL,
        time TEXT,
        kickoff REAL NOT NULL,
        home TEXT NOT NULL,
        away TEXT NOT NULL,
        home_goals INTEGER,
        away_goals INTEGER,
        status TEXT
    );
    CREATE INDEX fixtures_by_kickoff ON fixtures (kickoff);
    CREATE INDEX fixtures_by_source ON fixtures (source_id);
    CREATE TABLE entry_readings (
        entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        home TEXT,
        away TEXT,
        score TEXT,
        kind TEXT NOT NULL,
        cue TEXT,
        teams TEXT NOT NULL DEFAULT '',
        competition TEXT,
        shingles BLOB NOT NULL DEFAULT x''
    );
    CREATE TABLE match_marks (
        match_key TEXT PRIMARY KEY,
        watched INTEGER NOT NULL DEFAULT 0,
        no_spoilers INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 6: the people index (reader/store/people.py): who the cached articles name, and whom they taught the
    # annotator's lists; people_state remembers the last entry indexed, so that a refresh's new entries are
    # added without reading the old ones again.
    """
    CREATE TABLE people (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '',
        articles INTEGER NOT NULL DEFAULT 0,
        mentions INTEGER NOT NULL DEFAULT 0,
        learned TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE people_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_up_to INTEGER NOT NULL DEFAULT 0,
        built REAL
    );
    """,
    # 7: the index holds text folded as users type it (SEARCH_FOLDS), through a view; rebuilt in this one
    # transaction, every entry and mark kept. No prefix= index: measured, it cost more than it saved.
    _folded_search_index(),
)
SCHEMA_VERSION = len(MIGRATIONS)


def make_folder(path: Path) -> None:
    """Create the folder the database lives in (a path through a file is a StoreError)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise store_error(exc, path) from None


def connect(path: Path, *, read_only: bool = False, check: bool = False) -> sqlite3.Connection:
    """Open the database, check that it is ours, and bring its schema up to date.

    read_only: never create, migrate nor write it (a read-only folder or file: list and search still
    work). check: run `PRAGMA quick_check` before anything writes (see health.py).
    """
    conn = _open_read_only(path) if read_only else _open(path)
    try:
        check_identity(conn, path)  # before anything writes: a foreign file must stay as it was
        if check:
            _check_integrity(conn, path)
        if read_only:
            _require_current(conn, path)
        else:
            _configure(conn)
            migrate(conn, path)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, OSError) or is_storage_error(exc):
            raise store_error(exc, path) from None
        raise
    return conn


def _open(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
        # A reader and a cron refresh share the file: wait for the other's write rather than fail.
        conn.execute("PRAGMA busy_timeout = 30000")
    except sqlite3.Error as exc:
        raise store_error(exc, path) from None
    return conn


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. In a read-only folder SQLite cannot make the WAL's index file, so
    the file is read as immutable (no locking: nobody can write there either)."""
    uri = path.absolute().as_uri()
    for options in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{options}", uri=True, timeout=30.0, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except sqlite3.Error as exc:
            error = exc
    raise store_error(error, path) from None


def _configure(conn: sqlite3.Connection) -> None:
    _use_wal(conn)
    # In WAL mode NORMAL survives a killed process; only a power cut may lose the last commit.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def _use_wal(conn: sqlite3.Connection, patience: float = 30.0) -> None:
    """WAL mode, which the file keeps once set. Switching needs the file to itself, and SQLite answers
    BUSY at once, without its busy handler, while another connection is on it (two processes opening a
    new cache together): ask again, for as long as the busy timeout would have waited."""
    deadline = time.monotonic() + patience
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def check_identity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that is another program's, or of a newer schema than this code knows."""
    # One statement, so one snapshot: read apart, another process's first migration could commit between
    # the reads, and its tables would be seen without its application id.
    version, app_id, tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_master)").fetchone()
    if app_id != APPLICATION_ID and (tables or version):
        raise StoreError(FOREIGN, {"path": path})
    if version > SCHEMA_VERSION:
        raise StoreError(NEWER, {"path": path, "version": version, "known": SCHEMA_VERSION})


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """PRAGMA quick_check: the pages and their structure (not the indexes' contents), in one read."""
    first = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if first != "ok":
        raise StoreError(DAMAGED, {"path": path, "detail": " ".join(str(first).split())[:200]})


def _require_current(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        raise StoreError(OLD_SCHEMA, {"path": path, "version": version, "known": SCHEMA_VERSION})


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Apply the missing migrations, each in its own transaction.

    The version is read inside the write lock: two processes opening a new cache at once would otherwise
    both see version 0, and the second would fail on 'table feeds already exists'.
    """
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
