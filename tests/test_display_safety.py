"""The second line of defence: text is cleaned again right before it is shown, so rows that today's
sanitiser never saw (written by an older version, a future bug, another program) cannot drive the terminal."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.models import FeedSpec
from reader.store import Store
from reader.text.sanitize import clean_display, clean_display_spans, clean_text
from tests.hostile.conftest import assert_clean, assert_terminal_clean

# ESC sequences (CSI, OSC 52 and OSC 8 with BEL and ST), 8-bit CSI and OSC, bidi override, CR, NUL, ZWSP.
HOSTILE = ("Gol\x1b[2J\x1b]52;c;Y3VybCB8IHNo\x07 di \x9b31mLautaro\u202e2-1\u202c "
           "\x1b]8;;http://evil.invalid/\x1b\\qui\x1b]8;;\x1b\\ \x9d0;finestra\x9c fine\r\x00\u200b")


@pytest.fixture
def raw_rows(tmp_path: Path) -> list[str]:
    """A cache whose rows were written straight into SQLite, past the sanitiser; the command's arguments."""
    data = tmp_path / "data"
    path = data / "sportreader.db"
    with Store(path) as store:
        store.sync_feeds([FeedSpec("Gazzetta", "http://127.0.0.1:9/g")])
    conn = sqlite3.connect(path)
    now = datetime.now(UTC).timestamp()
    with conn:
        cursor = conn.execute(
            "INSERT INTO entries (feed_id, uid, title, link, author, summary, content, categories, published, "
            "first_seen, content_hash) VALUES (1, 'x', ?, ?, ?, ?, ?, ?, ?, ?, 'h')",
            (HOSTILE, "http://e.org/\x1b[2J", HOSTILE, HOSTILE + "\n\n" + HOSTILE, HOSTILE, HOSTILE, now, now))
        conn.execute("INSERT INTO entries_fts (rowid, title, summary, content) VALUES (?, ?, ?, ?)",
                     (cursor.lastrowid, HOSTILE, HOSTILE, HOSTILE))
        conn.execute("UPDATE feeds SET title = ?", (HOSTILE,))
        conn.execute("INSERT INTO refreshes (started, finished) VALUES (?, ?)", (now, now))
        conn.execute("INSERT INTO feed_results (refresh_id, feed_id, status, error) VALUES (1, 1, 'error', ?)",
                     (HOSTILE,))
    conn.close()
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nname = "Gazzetta"\nurl = "http://127.0.0.1:9/g"\n', encoding="utf-8")
    return ["--config", str(config), "--data-dir", str(data)]


COMMANDS = (["list"], ["list", "--json"], ["show", "1"], ["show", "1", "--json"], ["search", "Gol"],
            ["search", "Gol", "--json"], ["feeds"])


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_raw_hostile_rows_never_reach_the_terminal(raw_rows: list[str], terminal: bool) -> None:
    env = {**os.environ, "COLUMNS": "300"}
    env.pop("NO_COLOR", None)
    if terminal:
        env["FORCE_COLOR"] = "1"  # Rich writes as to a terminal: its own SGR styling, and nothing else
    for command in COMMANDS:
        done = subprocess.run([sys.executable, "-m", "reader", *raw_rows, *command], capture_output=True,
                              text=True, env=env, timeout=60)
        assert done.returncode == 0, (command, done.stderr)
        assert "Lautaro" in done.stdout or "Gazzetta" in done.stdout, command
        (assert_terminal_clean if terminal else assert_clean)(done.stdout + done.stderr, " ".join(command))
        assert "\\u001b" not in done.stdout and "52;c;" not in done.stdout and "evil.invalid" not in done.stdout
        if "--json" in command:
            json.loads(done.stdout)


def test_display_cleaning_removes_sequences_whole_and_keeps_clean_text_as_it_is() -> None:
    assert clean_display(HOSTILE) == "Gol di Lautaro2-1 qui  fine"
    clean = "Perché la città è più forte: «Sì» [bold]Inter[/bold]\n\nSecondo\tparagrafo"
    assert clean_display(clean) is clean


def test_marks_move_with_the_characters_they_cover() -> None:
    text = "Gol\x1b[31m di Lautaro\x1b[0m!"
    start = text.index("Lautaro")
    cleaned, marks = clean_display_spans(text, [(start, start + 7), (4, 8)])
    assert cleaned == "Gol di Lautaro!"
    assert [cleaned[a:b] for a, b in marks] == ["Lautaro"]  # the second covered only the escape: dropped


@pytest.mark.parametrize(("dirty", "expected"), [
    # feedparser turns the 8-bit ST (&#x9c;) into 'œ': the OSC still ends there, and what follows stays.
    ("Titolo \x9d0;finestra\u0153 e poi una lunga frase che resta", "Titolo  e poi una lunga frase che resta"),
    # No terminator at all: only the introducer goes, never the rest of the title.
    ("Titolo \x9d senza fine e poi il resto", "Titolo  senza fine e poi il resto"),
    ("DCS \x90+q544e\x9c fine", "DCS  fine"),
    # 8-bit SOS/PM/APC are Windows-1252 text read as Latin-1 far more often: repaired, not eaten.
    ("D\x9eeko segna ancora", "Džeko segna ancora"),
])
def test_8_bit_strings_end_at_their_terminator_or_keep_the_text(dirty: str, expected: str) -> None:
    assert clean_text(dirty) == expected
