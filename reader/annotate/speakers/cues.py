"""The cues next to a quote that say who speaks it: before it, after it, and the verbless ones.

Each reader returns a full name, or IMPLIED (a cue whose subject is understood: ", ha spiegato il
centrale"), UNNAMED (a cue naming no one: "una fonte vicina al club", "il club ha spiegato:"), SOURCE (a
newspaper reports it), or None when there is no cue.
"""

from __future__ import annotations

import re
from functools import cache

from reader.annotate.speakers.context import Context, Person
from reader.annotate.speakers.names import (
    SOURCE,
    after_preposition,
    first_name,
    name_near,
    nearest,
    resolve,
    subject,
)
from reader.annotate.speech import alternatives, speech_words

IMPLIED = "\0implied"
UNNAMED = "\0unnamed"
_SOFT = r"[^\S\n]"
BEFORE_WINDOW = 220
_AFTER_WINDOW = 140
_NEXT_SENTENCE = 120
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|[»”]")
_AFTER_STOP = re.compile(r"[.!?…](?=\s|$)|[«“„\"]")
_NAME_CUES = re.compile(r"\b(?:secondo|così|le parole di|parola di|in conferenza stampa|ai microfoni|"
                        r"ai canali)\b", re.IGNORECASE)
_ACCORDING = re.compile(rf"\b(?:per|secondo){_SOFT}+(?:(?:il|la|lo|l[’']){_SOFT}*)?$", re.IGNORECASE)
# ", ha detto in conferenza stampa il capitano del Kairat": a description tied to a team, of someone unnamed.
_DESCRIBED = re.compile(rf"[^,;:]{{0,40}}?\b(?:il|lo|la|l[’']){_SOFT}*\w+{_SOFT}+(?:del|della|dello|dell[’']){_SOFT}*",
                        re.IGNORECASE)
_UNNAMED = re.compile(rf"[^,;:]{{0,40}}?\b(?P<who>una?|uno|un[’']|alcun[ie]|fonti|qualcuno|chi){_SOFT}", re.IGNORECASE)
_POSSESSIVE = re.compile(rf"{_SOFT}*[,:]{_SOFT}*(?:le|la){_SOFT}+(?:sue|sua){_SOFT}+(?:parole|risposta|replica)\b",
                         re.IGNORECASE)
_OF_TEAM = re.compile(rf"{_SOFT}*(?:del|della|dello|dell[’']){_SOFT}*")
_SENTENCE_AFTER = re.compile(rf"{_SOFT}*(?P<stop>[.!?…:]){_SOFT}+")


@cache
def _after_cue() -> re.Pattern[str]:
    verb = speech_words().verb.pattern
    return re.compile(rf"{_SOFT}*[,;—–-]?{_SOFT}*(?:(?:così|le parole d(?:i|el|ella|ello|ell[’'])|parola di)\b"
                      rf"|(?:[\w’']+{_SOFT}+){{0,3}}?" + verb + ")", re.IGNORECASE)


@cache
def _unnamed_subject() -> re.Pattern[str]:
    return re.compile(rf"(?:^|[\s,(])(?:{alternatives(speech_words().words['unnamed'])})\b", re.IGNORECASE)


def clause_start(ctx: Context, lo: int, position: int) -> int:
    """Where the clause ending at `position` begins: after the last sentence end, quote or line break."""
    lo = max(lo, position - BEFORE_WINDOW)
    breaks = [lo, ctx.text.rfind("\n", lo, position) + 1, ctx.last_quote_end(lo, position)]
    ends = [m.end() for m in _SENTENCE_END.finditer(ctx.text, lo, position)]
    return max(breaks + ends[-1:])


def before_cue(ctx: Context, lo: int, position: int, within: int = -1) -> str | None:
    """X ha detto: «…» / X: «…» / le parole di X: «…» / secondo X, «…» / racconta X che «…», for the cue
    ending at `position` (a quote's start, or the colon ending the paragraph before it)."""
    text = ctx.text
    start = clause_start(ctx, lo, position)
    window = text[start:position].rstrip().rstrip(",")
    end = start + len(window)
    verbs = list(speech_words().verb.finditer(text, start, position)) or list(
        _NAME_CUES.finditer(text, start, position))
    candidates = ctx.candidates(start, position, within)
    last = candidates[-1] if candidates else None
    if last and last.end == end and _ACCORDING.search(text, max(0, last.start - 14), last.start):
        return resolve(ctx, last, within) or IMPLIED  # "per Sarri «…»", "secondo il quotidiano «…»"
    spoken = spoken_by(ctx, candidates)
    if spoken is not None:
        return resolve(ctx, spoken, within) or IMPLIED  # "lo sfogo di Conte: «…»"
    if not verbs and not window.endswith(":"):
        return None
    cue = verbs[-1].span() if verbs else (end - 1, end)
    chosen = (nearest(text, candidates, cue) if verbs else subject(text, candidates)) if candidates else None
    if chosen:
        return resolve(ctx, chosen, within) or IMPLIED
    if _unnamed_subject().search(text, start, cue[0]):
        return UNNAMED  # "il club ha spiegato la scelta:"
    if verbs and (name := name_near(ctx, start, position, cue)):
        return name
    return first_name(ctx, start, position) or IMPLIED


def after_cue(ctx: Context, end: int, bound: int, within: int = -1) -> str | None:
    """«…», ha detto X / «…», così X / «…» le parole di X / «…», scrive il quotidiano, for a quote ending at
    `end`; `bound` ends the paragraph (or the quote around it)."""
    text = ctx.text
    stop = _after_stop(text, end, bound)
    cue = _after_cue().match(text, end, stop)
    candidates = ctx.candidates(end, stop, within)
    if cue is None:
        if candidates and candidates[0].kind == "source" and candidates[0].start - end <= 40:
            return SOURCE  # «…», l'apertura del Mattino
        if _POSSESSIVE.match(text, end, stop):
            return IMPLIED  # «…», le sue parole a margine
        spoken = spoken_by(ctx, [c for c in candidates if c.start - end <= 40])
        return resolve(ctx, spoken, within) or IMPLIED if spoken else None
    verb = (cue.end() - 1, cue.end())
    chosen = nearest(text, candidates, verb)
    if chosen is not None and chosen.role and (tied := _OF_TEAM.match(text, chosen.end)) and \
            tied.end() in ctx.team_starts:
        return UNNAMED  # "il capitano del Kairat", never named
    if chosen is not None:
        return resolve(ctx, chosen, within) or IMPLIED
    name = name_near(ctx, end, stop, verb)
    if name:
        return name
    unnamed = _UNNAMED.match(text, cue.end(), stop)
    if unnamed and not after_preposition(text, unnamed.start("who")):
        return UNNAMED
    described = _DESCRIBED.match(text, cue.end(), stop)
    if described and described.end() in ctx.team_starts:
        return UNNAMED  # "il capitano del Kairat", never named
    return IMPLIED


def verbless_after(ctx: Context, end: int, bound: int, *, headline: bool) -> str | None:
    """The sentence after a quote naming its speaker with no verb: «…». Parola di X / Firmato X / Tutto
    fuorché rassegnato, ecco X / Il messaggio di X… / «…»: il sorriso di X; and, after a headline's or a
    lead's quote, «…»: X si gode…"""
    text = ctx.text
    gap = _SENTENCE_AFTER.match(text, end, bound)
    if gap is None:
        return None
    start = gap.end()
    stop = min(bound, start + _NEXT_SENTENCE)
    brk = re.compile(r"[.!?…](?=\s|$)|\n").search(text, start, stop)
    stop = brk.start() if brk else stop
    candidates = [c for c in ctx.candidates(start, stop) if c.kind != "source" or c.start - start <= 3]
    if not candidates:
        return None
    pointer = speech_words().pointer
    for person in candidates[:2]:
        lead = text[start:person.start]
        if pointer.search(lead) and len(lead) <= 45 and pointer.search(lead).end() >= len(lead) - 1:  # type: ignore[union-attr]
            return resolve(ctx, person)
    spoken = spoken_by(ctx, candidates[:2])
    if spoken is not None and spoken.start - start <= 30:
        return resolve(ctx, spoken)
    first = candidates[0]
    if gap.group("stop") == ":" and first.start - start <= 12 and _ACCORDING.search(text, start, first.start):
        return resolve(ctx, first)  # «…»: per Gasperini è questo l'identikit
    if headline and gap.group("stop") == ":" and first.start - start <= 4:
        return resolve(ctx, first)  # «…»: Chivu si gode tre punti
    return None


def spoken_by(ctx: Context, candidates: list[Person]) -> Person | None:
    """The person a noun of speech belongs to: "le parole di X", "lo sfogo di X", "la promessa di X"."""
    noun_of = speech_words().noun_of
    for person in candidates:
        if person.kind in ("player", "coach", "other") and noun_of.search(ctx.text, max(0, person.start - 40),
                                                                          person.start):
            return person
    return None


def _after_stop(text: str, end: int, bound: int) -> int:
    """Where the clause after a quote ends: a sentence end, a new quote, the paragraph's end."""
    hi = min(bound, end + _AFTER_WINDOW)
    newline = text.find("\n", end, hi)
    hi = newline if newline >= 0 else hi
    stop = _AFTER_STOP.search(text, end, hi)
    return stop.start() if stop else hi
