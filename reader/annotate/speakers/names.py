"""From a person a cue points at to the name of who speaks: full names, role words, names no list knows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.annotate.speakers.context import NAME, Context, Person, sentence_start

SOURCE = "\0source"  # a newspaper: the source of the quote, never its speaker
_SOFT = r"[^\S\n]"
_NAME_GAP = 25
_ROLE_REACH = 45  # "il tecnico del Qarabag, Gurban Gurbanov": how far a role's own name may follow it
_NOT_NAMES = frozenset("""il lo la i gli le un una uno poi ma e ed in per con anche dopo secondo così non nel nella
al alla del della sul sulla da dal dalla se che chi come quando oggi ieri domani mister ha hanno è era sono aveva
avrebbe sarà ci si ne qui ora adesso intanto infine inoltre invece però quindi già sempre mai tutti nessuno
questo questa quello quella dove perché mentre prima champions serie coppa europa league var sky dazn rai
sullo sulle sugli nei negli nelle dei degli delle alle agli allo dai dagli dalle col coi tra fra su""".split())
PREPOSITION = re.compile(r"(?:^|\W)(?:su|di|a|ad|per|con|da|tra|fra|contro|verso|senza|sul|sulla|del|della|dello"
                         r"|al|alla|dal|dalla|col|sull|dell|all|dall|nell|nel|nella)[\s’']*$", re.IGNORECASE)
_CLAUSE_PER = re.compile(r"(?:^|[.!?:]\s+|\n)Per\s+$")  # "Per Pioli è un punto d'oro": the topic, not an object
_COORDINATED = re.compile(r"\s+(?:e|ed|o)\s+")
_BREAK = re.compile(r"[.!?;:«»“”\"\n]")


def resolve(ctx: Context, person: Person, within: int = -1) -> str | None:
    """Who a person a cue points at is: a full name, SOURCE for a newspaper, None for a role naming no one."""
    if person.kind == "source":
        return SOURCE
    if not person.role:
        return ctx.full_name(person)
    kinds = (person.role,)
    own = _own_name(ctx, person, kinds, within)
    if own is not None:
        return ctx.full_name(own)
    if person.role == "player":
        chosen = _player_before(ctx, person, within)
    else:  # "il tecnico": the coach named last, as a subject rather than after a preposition if one was
        chosen = (_last_free(ctx, kinds, person.start, within) or ctx.last_of(kinds, person.start, 0, within)
                  or _next_of(ctx, person, kinds, within))
    return ctx.full_name(chosen) if chosen else None


def _player_before(ctx: Context, role: Person, within: int) -> Person | None:
    """"il centrocampista", "il danese": the player this paragraph, or the one before, is about."""
    text = ctx.text
    paragraph = text.rfind("\n\n", 0, role.start) + 1
    lo = ctx.tops[within].start if within >= 0 else paragraph
    players = [p for p in ctx.candidates(lo, role.start, within) if p.kind == "player"]
    if not players and within < 0:
        earlier = text.rfind("\n\n", 0, max(0, paragraph - 2)) + 1
        players = [p for p in ctx.candidates(earlier, paragraph, within) if p.kind == "player"]
    return subject(text, players) or (players[-1] if players else None)


def _last_free(ctx: Context, kinds: tuple[str, ...], before: int, within: int) -> Person | None:
    """The last person of these kinds before `before` not named after a preposition."""
    position = before
    while (person := ctx.last_of(kinds, position, 0, within)) is not None:
        if not after_preposition(ctx.text, person.start):
            return person
        position = person.start
    return None


def _own_name(ctx: Context, role: Person, kinds: tuple[str, ...], within: int) -> Person | None:
    """The name right after a role word, in the same clause: "il ds Igli Tare", "il tecnico del Como Fàbregas"."""
    stop = min(len(ctx.text), role.end + _ROLE_REACH)
    brk = _BREAK.search(ctx.text, role.end, stop)
    for person in ctx.candidates(role.end, brk.start() if brk else stop, within):
        if person.kind in kinds:
            return person
        if person.kind not in ("source",) and not person.role:
            return None
    return None


def _next_of(ctx: Context, role: Person, kinds: tuple[str, ...], within: int) -> Person | None:
    end = ctx.text.find("\n", role.end)
    return next((p for p in ctx.candidates(role.end, len(ctx.text) if end < 0 else end, within) if p.kind in kinds),
                None)


def nearest(text: str, candidates: Sequence[Person], cue: tuple[int, int]) -> Person | None:
    """The person closest to the verb of saying, not one after a preposition unless the cue ends there
    ('le parole di Conte'); one before the verb (its subject) wins a near tie."""
    def distance(p: Person) -> int:
        return cue[0] - p.end if p.end <= cue[0] else p.start - cue[1] + 4
    free = [c for c in candidates if c.start - cue[1] in (0, 1) or not (c.bound or after_preposition(text, c.start))]
    return min(free, key=distance) if free else None


def subject(text: str, candidates: Sequence[Person]) -> Person | None:
    """The first person (or role) not introduced by a preposition ('Chivu su Lautaro:' -> Chivu).

    A person joined to one after a preposition ('tra Sucic e Mkhitaryan') is not the subject either.
    """
    bound_end = -1
    for candidate in candidates:
        joined = bound_end >= 0 and _COORDINATED.fullmatch(text, bound_end, candidate.start) is not None
        if joined or candidate.bound or after_preposition(text, candidate.start):
            bound_end = candidate.end
        else:
            return candidate
    return None


def after_preposition(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start]
    return bool(PREPOSITION.search(before)) and not _CLAUSE_PER.search(text, max(0, start - 12), start)


def name_near(ctx: Context, start: int, stop: int, cue: tuple[int, int]) -> str | None:
    """A capitalised name next to the cue, not a known name (for speakers no list knows)."""
    best: tuple[int, str] | None = None
    for match in NAME.finditer(ctx.masked, start, stop):
        name = plausible_name(ctx, match)
        gap = cue[0] - match.end() if match.end() <= cue[0] else match.start() - cue[1]
        if name and 0 <= gap <= _NAME_GAP and (best is None or gap < best[0]):
            best = (gap, name)
    return longest_earlier(ctx, best[1], start) if best else None


def first_name(ctx: Context, start: int, stop: int) -> str | None:
    """The first capitalised name of a clause, not after a preposition: the subject of 'X …: «…»'."""
    for match in NAME.finditer(ctx.masked, start, stop):
        name = plausible_name(ctx, match)
        if name:
            return longest_earlier(ctx, name, start)
    return None


def plausible_name(ctx: Context, match: re.Match[str]) -> str:
    """The name in `match`, or '' when it follows a preposition or is one word capitalised only by position.

    A single word at a sentence start ('Nessuna indicazione') counts only if the text capitalises it elsewhere.
    """
    name = trim_name(match.group())
    if not name or after_preposition(ctx.masked, match.start()):
        return ""
    if " " in name or not sentence_start(ctx.masked, match.start()) or ctx.capitalised_elsewhere(name):
        return name
    return ""


def trim_name(name: str) -> str:
    """The name without leading sentence words ('Poi De Laurentiis' -> 'De Laurentiis')."""
    words = name.split()
    while words and words[0].casefold() in _NOT_NAMES:
        words.pop(0)
    return " ".join(words) if words and words[-1][0].isupper() else ""


def longest_earlier(ctx: Context, name: str, before: int) -> str:
    """The fuller form of `name` used earlier in the text ('De Laurentiis' -> 'Aurelio De Laurentiis')."""
    for at, run in ctx.fuller(name, before):
        fuller = trim_name(run)
        first = fuller.split(" ", 1)[0]
        at += len(run) - len(fuller)
        if " " in fuller and sentence_start(ctx.masked, at) and not ctx.capitalised_elsewhere(first):
            fuller = fuller.split(" ", 1)[1]  # "Decide Cristiana Girelli": a sentence's first word
        if fuller != name and fuller.endswith(name):
            return fuller
    return name
