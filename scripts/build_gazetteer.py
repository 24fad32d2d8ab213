"""Build reader/annotate/data/gazetteer.tsv.gz: players, coaches and clubs for the annotator.

Sources (public facts only):
  * ../shared/corpora/players (CC0, see its SOURCES.md): Transfermarkt top-5-league players seen up to
    mid-2022 (kept when born in 1987 or later), Euro 2024 squads, the 2025 club list;
  * the hand-written facts in scripts/gazetteer/ (read by scripts/gazetteer_facts.py): 2025/26 squads and
    coaches, clubs with their Italian names and nicknames, and the word lists the annotator uses to reject
    look-alikes.

Run from the repository root:  .venv/bin/python scripts/build_gazetteer.py [--players DIR] [--facts DIR] [--check]
(--check writes nothing: it exits 1, naming the first differing line, when the built file is not up to date.)
Output lines are tab-separated, every key already folded (the format reader/annotate/gazetteer.py reads;
a field holding several keys separates them with "|"):
  player|coach  canonical  tier  team  name-keys  short-form-keys  first-name-key (tier 3 only)
  team          canonical  tier  name-keys  nickname-keys
  block         label  keys
  place|country|common|notplayer|weak  key
Tiers: 3 hand-checked 2025/26, 2 Euro 2024 squads and young Serie A players of 2022, 1 everyone else.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from gazetteer_facts import FACTS, Facts, FactsError, load_facts  # noqa: E402

from reader.annotate.gazetteer import fold_key, name_parts  # noqa: E402

OUTPUT = REPO / "reader" / "annotate" / "data" / "gazetteer.tsv.gz"
DEFAULT_PLAYERS = REPO.parent / "shared" / "corpora" / "players"
OLDEST_BIRTH_YEAR = 1987
YOUNG_SERIE_A_YEAR = 1994

EURO_LINE = re.compile(r"^\s*\d+,\s*(?P<name>[^,]+?),\s*(?P<pos>GK|DF|MF|FW),.*?b\.\s*(?P<year>\d{4}),\s*"
                       r"(?P<club>.+?)\s*\((?P<country>[A-Z]{3})\)\s*$")


@dataclass
class Person:
    """One player or coach as the build collects it."""

    name: str
    kind: str
    tier: int
    team: str = ""
    aliases: list[str] = field(default_factory=list)
    shorts: list[str] | None = None  # None: derived from the name


def tsv(*fields: str | int) -> str:
    """One output line; tabs and newlines in a field would break the format."""
    cleaned = [str(f).replace("\t", " ").replace("\n", " ") for f in fields]
    return "\t".join(cleaned) + "\n"


class Builder:
    """Collects people and teams from every source, the better source winning on conflicts."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.club_words = frozenset(key for word in facts.club_words for key in fold_key(word).split())
        self.people: dict[str, Person] = {}
        self.team_keys: dict[str, str] = {}  # folded name or alias -> canonical team

    def add_person(self, person: Person) -> None:
        """Add or upgrade; a higher tier replaces the spelling, kind and team of a lower one."""
        key = fold_key(person.name)
        old = self.people.get(key)
        if old is None or person.tier > old.tier:
            if old is not None:
                person.aliases = sorted({*person.aliases, *old.aliases})
            self.people[key] = person
        elif person.tier == old.tier and not old.team:
            old.team = person.team

    def team_of(self, *spellings: str) -> str:
        """Canonical team for a club name as a source spells it, or ""."""
        for spelling in spellings:
            for candidate in (fold_key(spelling), self.club_key(spelling)):
                if candidate in self.team_keys:
                    return self.team_keys[candidate]
        return ""

    def club_key(self, name: str) -> str:
        """A club name's folded key without legal words and years ("Arsenal Football Club" -> "arsenal")."""
        words = [w for w in fold_key(name).split() if w not in self.club_words and not w.isdigit()]
        return " ".join(words)


def keys(names: list[str]) -> str:
    """Folded keys, deduplicated in order, "|"-joined."""
    return "|".join(dict.fromkeys(k for k in map(fold_key, names) if k))


def load_teams(builder: Builder) -> list[str]:
    """Team lines from teams.tsv; fills builder.team_keys."""
    lines = []
    for team in builder.facts.teams:
        name = team.name
        for alias in [name, *team.aliases]:
            builder.team_keys.setdefault(fold_key(alias), name)
            builder.team_keys.setdefault(builder.club_key(alias), name)
        lines.append(tsv("team", name, 3, keys([name, *team.aliases]), keys(list(team.nicknames))))
    return lines


def women_team_lines(builder: Builder) -> list[str]:
    """"Juventus Women", "Roma Femminile": women's teams under the club's canonical name."""
    lines = []
    for club in builder.facts.women_clubs:
        name = f"{club} Women"
        builder.team_keys.setdefault(fold_key(name), name)
        lines.append(tsv("team", name, 3, keys([name, f"{club} Femminile"]), ""))
    return lines


def load_hand_people(builder: Builder) -> None:
    """2025/26 squads and coaches, then the people outside the squads, in the files' order."""
    facts = builder.facts
    for squad in facts.squads:
        for coach in squad.coaches:
            builder.add_person(Person(coach, "coach", 3, squad.team))
        for player in squad.players:
            builder.add_person(Person(player, "player", 3, squad.team))
    for kind, table in (("coach", facts.other_coaches), ("player", facts.other_players),
                        ("player", facts.women_players), ("coach", facts.women_coaches)):
        for person in table:
            builder.add_person(Person(person.name, kind, 3, person.team))


def load_euro(builder: Builder, folder: Path) -> int:
    """Euro 2024 squads (tier 2, club as of June 2024)."""
    count = 0
    for path in sorted((folder / "openfootball-euro" / "2024--germany" / "squads").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = EURO_LINE.match(line)
            if match and int(match["year"]) >= OLDEST_BIRTH_YEAR - 2:
                builder.add_person(Person(match["name"].strip(), "player", 2, builder.team_of(match["club"])))
                count += 1
    return count


def load_transfermarkt(builder: Builder, folder: Path) -> int:
    """Players seen in the top five leagues up to mid-2022, born in OLDEST_BIRTH_YEAR or later."""
    count = 0
    path = folder / "transfermarkt-2022" / "players_top5_leagues.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            year = int((row["date_of_birth"] or "0")[:4] or 0)
            if year < OLDEST_BIRTH_YEAR:
                continue
            tier = 2 if row["competition_id"] == "IT1" and year >= YOUNG_SERIE_A_YEAR else 1
            builder.add_person(Person(row["name"].strip(), "player", tier))
            count += 1
    return count


def load_club_list(builder: Builder, folder: Path) -> list[str]:
    """Clubs of the 2025 list not in the hand table, under a name stripped of legal words; stadiums."""
    lines, blocks = [], []
    with (folder / "transfermarkt-2025-clubs" / "clubs.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["stadium_name"]:
                blocks.append(row["stadium_name"])
            if row["last_season"] != "2025" or builder.team_of(row["name"], row["club_code"].replace("-", " ")):
                continue
            name = plain_club_name(builder, row["name"])
            if plausible_club_name(builder, name) and builder.club_key(name) not in builder.team_keys:
                builder.team_keys[builder.club_key(name)] = name
                lines.append(tsv("team", name, 1, keys([name]), ""))
    stadiums = [s for s in blocks if len(fold_key(s)) >= 5 and fold_key(s) not in builder.team_keys]
    lines.append(tsv("block", "stadium", keys(sorted(set(stadiums)))))
    return lines


def plausible_club_name(builder: Builder, name: str) -> bool:
    """One to three capitalised words of letters: what a newspaper would print, not a legal name."""
    words = name.split()
    return (0 < len(words) <= 3 and len(builder.club_key(name)) >= 4
            and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words))


def plain_club_name(builder: Builder, official: str) -> str:
    """The official name without its legal words, keeping the original spelling of what is left."""
    return " ".join(w for w in official.split() if builder.club_key(w)) or official


def apply_aliases(builder: Builder) -> None:
    """Hand-written aliases and short-form overrides."""
    for name, aliases in builder.facts.aliases.items():
        person = known_person(builder, name, "aliases.tsv")
        person.aliases = sorted({*person.aliases, *aliases})
    for name, shorts in builder.facts.short_forms.items():
        known_person(builder, name, "short_forms.tsv").shorts = list(shorts)


def known_person(builder: Builder, name: str, source: str) -> Person:
    """The person a hand-written override names; a name nobody has is a mistake in the data file."""
    person = builder.people.get(fold_key(name))
    if person is None:
        raise SystemExit(f"{source}: {name!r} is not a player or coach of any source")
    return person


def person_lines(builder: Builder) -> list[str]:
    """player/coach lines, best tier first, then by name."""
    lines = []
    team_words = set(builder.team_keys) | {fold_key(phrase) for phrase in builder.facts.block}
    for person in sorted(builder.people.values(), key=lambda p: (-p.tier, fold_key(p.name))):
        shorts = person.shorts if person.shorts is not None else list(name_parts(person.name)[1])
        shorts = [s for s in shorts if fold_key(s) not in team_words and len(fold_key(s)) >= 3]
        if person.tier < 2:
            shorts = []  # an old name is only recognised whole, or through the article's own full names
        first = name_parts(person.name)[0] if person.tier == 3 else ""
        lines.append(tsv(person.kind, person.name, person.tier, person.team, keys([person.name, *person.aliases]),
                         keys(shorts), fold_key(first)))
    return lines


def word_lines(builder: Builder) -> list[str]:
    """Block phrases and the word lists; a non-player's surname that a current player shares is left out."""
    facts = builder.facts
    lines = [tsv("block", phrase, fold_key(phrase)) for phrase in facts.block]
    current = {fold_key(s) for p in builder.people.values() if p.tier == 3
               for s in (p.shorts if p.shorts is not None else name_parts(p.name)[1])}
    lists = (("place", facts.places), ("country", facts.countries), ("common", facts.common_words),
             ("notplayer", facts.not_players), ("weak", facts.weak_names))
    for kind, entries in lists:
        words = sorted({fold_key(w) for w in entries})
        if kind == "notplayer":
            words = [w for w in words if w not in current]
        lines.extend(tsv(kind, word) for word in words)
    return lines


def gzipped(lines: list[str]) -> bytes:
    """gzip with no file name and a fixed timestamp, so an unchanged gazetteer is byte-identical."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write("".join(lines).encode("utf-8"))
    return buffer.getvalue()


def check(built: bytes, path: Path) -> int:
    """0 when path holds exactly the built bytes; else 1, naming the first line that differs."""
    if not path.exists():
        print(f"{path} is missing; build it", file=sys.stderr)
        return 1
    committed = path.read_bytes()
    if committed == built:
        print(f"{path} is up to date with the facts and sources")
        return 0
    old, new = (gzip.decompress(data).decode("utf-8").splitlines() for data in (committed, built))
    if old == new:
        print(f"{path}: the same lines as the build, but other gzip bytes (another zlib?)", file=sys.stderr)
        return 1
    number = next((i for i, (a, b) in enumerate(zip(old, new, strict=False), start=1) if a != b),
                  min(len(old), len(new)) + 1)
    was, now = (lines[number - 1] if number <= len(lines) else "(no such line)" for lines in (old, new))
    start = max(0, first_difference(was, now) - 50)  # the stadium line runs to thousands of characters
    print(f"{path} differs from the build at line {number}:\n  committed: {excerpt(was, start)}\n"
          f"  built:     {excerpt(now, start)}\nrebuild it with scripts/build_gazetteer.py if the change is meant",
          file=sys.stderr)
    return 1


def first_difference(a: str, b: str) -> int:
    """Index of the first character where a and b differ."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def excerpt(line: str, start: int, width: int = 100) -> str:
    """width characters of line from start, marked where cut."""
    return ("..." if start else "") + repr(line[start:start + width]) + ("..." if start + width < len(line) else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=Path, default=DEFAULT_PLAYERS, help="the shared players corpus folder")
    parser.add_argument("--facts", type=Path, default=FACTS, help="the folder of hand-written facts")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true",
                        help="build in memory and exit 1, naming the first differing line, if --output differs")
    args = parser.parse_args(argv)
    try:
        builder = Builder(load_facts(args.facts))
    except FactsError as error:
        raise SystemExit(f"build_gazetteer: {error}") from error
    team_lines = load_teams(builder) + women_team_lines(builder)
    load_hand_people(builder)
    euro = load_euro(builder, args.players)
    tm = load_transfermarkt(builder, args.players)
    team_lines += load_club_list(builder, args.players)
    apply_aliases(builder)
    lines = ["# sportreader names gazetteer, written by scripts/build_gazetteer.py; do not edit by hand\n",
             *team_lines, *person_lines(builder), *word_lines(builder)]
    built = gzipped(lines)
    if args.check:
        return check(built, args.output)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(built)
    size = len(built)
    tiers = [sum(p.tier == t for p in builder.people.values()) for t in (3, 2, 1)]
    print(f"{args.output}: {size:,} bytes; people {len(builder.people):,} (tiers 3/2/1: {tiers}); "
          f"read euro {euro}, transfermarkt {tm}; teams {len(team_lines):,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
