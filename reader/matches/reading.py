"""What an article says about a match: the fixture its title or lead names, its kind, the other teams it
names, the competition it names. Read once per entry and kept in the store (reader.store.readings).

The fixture and kind are the annotator's (`headline`, the same as the article list shows). An article that
names no fixture but is not transfer news is read further: the teams named in its title and lead, and the
club of a coach named there ("Chivu in conferenza stampa" is Inter's), so that a press conference or a
preview can still join its team's match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from reader.matches.competitions import named_competition
from reader.matches.stages import effective_kind, is_roundup, title_cue
from reader.matches.stories import shingles
from reader.matches.tables import DATA_DIR
from reader.store import Store
from reader.store import readings as stored
from reader.store.readings import EntryText, Reading

# Bump to read every entry again; a change of the code or data a reading depends on is seen by itself.
REVISION = 2
# The match centre's own modules a reading depends on (the cue and round-up words, the competitions, the
# shingles), beside the whole annotator.
READING_MODULES = ("reading.py", "stages.py", "competitions.py", "stories.py")
LEAD_CHARS = 400
BATCH = 500  # readings stored per transaction: a long first reading never holds the write lock for long
_NEVER_A_MATCH = frozenset({"mercato"})


@cache
def detector_version() -> str:
    """A digest of everything a reading depends on: this revision, the annotator's code and data, the match
    centre's reading modules and tables."""
    import reader.annotate

    digest = hashlib.blake2b(str(REVISION).encode(), digest_size=8)
    annotate_dir = Path(reader.annotate.__file__).parent
    own = [Path(__file__).with_name(name) for name in READING_MODULES]
    for path in sorted((*annotate_dir.rglob("*.py"), *annotate_dir.rglob("*.gz"), *annotate_dir.rglob("*.tsv"),
                        *DATA_DIR.glob("*.tsv"), *own)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_entry(title: str, summary: str, categories: Sequence[str] = ()) -> Reading:
    """The reading of one article from its title, summary and the feed's categories."""
    from reader.annotate import headline

    lead = summary.split("\n\n", 1)[0][:LEAD_CHARS]
    match, found = headline(title, lead)
    kind = effective_kind(found, title, lead)
    competition, cue, text = named_competition(title, categories), title_cue(title), shingles(f"{title}\n{summary}")
    if is_roundup(title) and (match is None or not _in_title(title)):
        return Reading(None, None, None, kind, (), competition, cue, text)  # it names teams in passing
    if match is not None:
        return Reading(match.home, match.away, match.score, kind, (), competition, cue, text)
    teams = () if kind in _NEVER_A_MATCH else named_teams(f"{title}\n\n{lead}")
    return Reading(None, None, None, kind, teams, competition, cue, text)


def _in_title(title: str) -> bool:
    """Whether the title itself names a fixture (not only its lead)."""
    from reader.annotate import headline

    return headline(title, "")[0] is not None


def named_teams(text: str) -> tuple[str, ...]:
    """The teams a text names, and the clubs of the coaches it names, in the order of the text, once each."""
    from reader.annotate.names.entities import find_entities

    teams: list[str] = []
    for entity in find_entities(text):
        team = entity.canonical if entity.kind == "team" else _coach_club(entity.canonical) if (
            entity.kind == "coach") else None
        if team and team not in teams:
            teams.append(team)
    return tuple(teams)


def _coach_club(coach: str) -> str | None:
    """The club of a coach of this season's gazetteer (hand-checked), or None."""
    from reader.annotate.gazetteer import fold_key, gazetteer

    for sense in gazetteer().senses.get(fold_key(coach), ()):
        if sense.kind == "coach" and sense.tier >= 3 and sense.team:
            return sense.team
    return None


def update_readings(store: Store, limit: int = -1) -> int:
    """Read the entries that have no current reading (new, edited, or read by an older detector) and store
    what was read; returns how many. Incremental: an entry is read once per detector."""
    version = detector_version()
    pending = stored.stale(store, version, limit)
    for start in range(0, len(pending), BATCH):
        batch: list[tuple[EntryText, Reading]] = [(e, read_entry(e.title, e.summary, e.categories))
                                                  for e in pending[start:start + BATCH]]
        stored.save(store, version, batch)
    return len(pending)
