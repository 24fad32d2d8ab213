"""Who says each quote, from the speech cue next to it, resolved to the person's full name.

Cues: X ha detto / ha spiegato / ha dichiarato / ha concluso / ha aggiunto (and the other verbs of saying in
`quotes.SPEECH_VERB`), X: «…», «…», così X, le parole di X, secondo X, X in conferenza stampa. Of the people
in the cue's clause, the one nearest the verb speaks; with a colon and no verb, the clause's subject: the first
person not introduced by a preposition (Chivu su Lautaro: «…»). "Il tecnico" / "l'allenatore" is the coach
named last. A cue whose subject is left out or only described (", ha spiegato il centrale") takes the understood
subject: the clause's, the speaker just before in the paragraph, the paragraph's subject, the last speaker, the
previous paragraph's subject. A cue naming someone unnamed (", ha detto una fonte vicina al club") has no
speaker. A quote with no cue continues a quote just before it; a quote over several paragraphs has one speaker.
A speaker the gazetteer does not know (a president) is the capitalised name at the cue. Surnames resolve to the
full name used in the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from reader.annotate.model import Entity, Quote
from reader.annotate.quotes import SPEECH_VERB, QuoteSpan

_SOFT = r"[^\S\n]"
_BEFORE_WINDOW = 220
_AFTER_WINDOW = 140
_NAME_GAP = 25
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|[»”]")
_AFTER_STOP = re.compile(r"[.!?…](?=\s|$)|[«“„\"]")
_AFTER_CUE = re.compile(rf"{_SOFT}*[,;—–-]?{_SOFT}*(?:(?:così|le parole d(?:i|el|ella|ello|ell[’'])|parola di)\b"
                        rf"|(?:[\w’']+{_SOFT}+){{0,3}}?" + SPEECH_VERB.pattern + ")", re.IGNORECASE)
_NAME_CUES = re.compile(r"\b(?:secondo|così|le parole di|parola di|in conferenza stampa)\b", re.IGNORECASE)
_COACH_ROLE = re.compile(rf"\b(?:il|del|l[’']|dell[’']){_SOFT}*(?:\w+{_SOFT}+)?(?:tecnico|allenatore|mister|ct)\b",
                         re.IGNORECASE)
_PARTICLE = r"(?:[Dd]e|[Dd]i|[Dd]a|[Dd]el|[Dd]ella|[Vv]an|[Vv]on|[Dd]er|[Dd]os|[Ll]a|[Ll]e)"
_UPPER_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
_NAME = re.compile(rf"(?:(?:De|Di|Da|Del|Della|Van|Von|Dos|La|Le){_SOFT}+)?{_UPPER_WORD}"
                   rf"(?:{_SOFT}+(?:{_PARTICLE}{_SOFT}+)?{_UPPER_WORD})*")
_NOT_NAMES = frozenset("""il lo la i gli le un una uno poi ma e ed in per con anche dopo secondo così non nel nella
al alla del della sul sulla da dal dalla se che chi come quando oggi ieri domani mister ha hanno è era sono aveva
avrebbe sarà ci si ne qui ora adesso intanto infine inoltre invece però quindi già sempre mai tutti nessuno
questo questa quello quella dove perché mentre prima champions serie coppa europa league var sky dazn rai""".split())
_PREPOSITION = re.compile(r"(?:^|\W)(?:su|di|a|per|con|da|tra|fra|contro|verso|senza|sul|sulla|del|della|dello|al"
                          r"|alla|allo|dal|dalla|col|sull|dell|all|dall|nell)[\s’']*$", re.IGNORECASE)
_ACCORDING = re.compile(rf"\b(?:per|secondo){_SOFT}+$", re.IGNORECASE)
_CLAUSE_PER = re.compile(r"(?:^|[.!?:]\s+|\n)Per\s+$")  # "Per Pioli è un punto d'oro": the topic, not an object
_COORDINATED = re.compile(r"\s+(?:e|ed|o)\s+")
# ", ha detto in conferenza stampa il capitano del Kairat": a description tied to a team, of someone unnamed.
_DESCRIBED = re.compile(rf"[^,;:]{{0,40}}?\b(?:il|lo|la|l[’']){_SOFT}*\w+{_SOFT}+(?:del|della|dello|dell[’']){_SOFT}*",
                        re.IGNORECASE)
# ", ha detto a Trattativa Lampo una fonte vicina al club": someone the article does not name.
_UNNAMED = re.compile(rf"[^,;:]{{0,40}}?\b(?P<who>una?|uno|un[’']|alcun[ie]|fonti|qualcuno|chi){_SOFT}", re.IGNORECASE)
_IMPLIED = "\0implied"  # a cue with no name: the subject is understood
_UNNAMED_SPEAKER = "\0unnamed"  # a cue naming no one: "una fonte vicina al club"


class _Article:
    """What every look-up needs: the text, the quotes, the names."""

    def __init__(self, text: str, spans: Sequence[QuoteSpan], entities: Sequence[Entity]) -> None:
        self.text = text
        self.spans = spans
        self.entities = entities
        self._masked: str | None = None
        self._span_starts = [s.start for s in spans]
        self._outside = [e for e in entities if e.kind != "team" and not self.quoted(e.start)]
        self._starts = [e.start for e in self._outside]

    def quoted(self, position: int) -> bool:
        """Whether `position` falls inside a quote."""
        index = bisect_right(self._span_starts, position) - 1
        return index >= 0 and position < self.spans[index].end

    def persons(self, start: int, end: int) -> list[Entity]:
        """Players and coaches lying in [start, end) outside every quote."""
        first = bisect_left(self._starts, start)
        return [e for e in self._outside[first:bisect_left(self._starts, end)] if e.end <= end]

    def candidates(self, start: int, end: int) -> list[Entity]:
        """The persons in [start, end) and the coach roles ('il tecnico'), in order."""
        roles = [Entity(m.start(), m.end(), m.group(), "coach", "") for m in _COACH_ROLE.finditer(self.text, start, end)
                 if not self.quoted(m.start())]
        return sorted(self.persons(start, end) + roles, key=lambda e: e.start)

    @property
    def masked(self) -> str:
        """The text with every known name blanked out, for finding the names the gazetteer does not know."""
        if self._masked is None:
            chars = list(self.text)
            for e in self.entities:
                chars[e.start:e.end] = "#" * (e.end - e.start)
            self._masked = "".join(chars)
        return self._masked


def assign_speakers(text: str, spans: Sequence[QuoteSpan], entities: Sequence[Entity]) -> list[Quote]:
    """The quotes of `spans`, each with its speaker when the text tells (or implies) who it is."""
    article = _Article(text, spans, entities)
    groups: dict[int, list[QuoteSpan]] = {}
    for span in spans:
        groups.setdefault(span.group, []).append(span)
    speakers: dict[int, str | None] = {}
    previous: QuoteSpan | None = None
    last: str | None = None
    for group, pieces in groups.items():
        found = _group_speaker(article, pieces)
        if found == _IMPLIED:
            found = _implied(article, pieces[0], previous, last)
        elif found == _UNNAMED_SPEAKER:
            found = None
        elif found is None and previous is not None and pieces[0].paragraph - previous.paragraph <= 1:
            found = last
        speakers[group] = found
        previous, last = pieces[-1], found or last
    return [Quote(s.start, s.end, speakers[s.group]) for s in spans]


def _group_speaker(article: _Article, pieces: Sequence[QuoteSpan]) -> str | None:
    """The speaker named at the cue after the last piece or before the first; _IMPLIED; None without a cue."""
    after = _after_speaker(article, pieces[-1])
    if after is not None and after not in (_IMPLIED, _UNNAMED_SPEAKER):
        return after
    before = _before_speaker(article, pieces[0])
    return before if before is not None else after


def _implied(article: _Article, span: QuoteSpan, previous: QuoteSpan | None, last: str | None) -> str | None:
    """The understood subject: the clause's, the speaker before in the paragraph, the paragraph's, the last one's."""
    text = article.text
    clause = _subject(text, article.candidates(_before_start(text, span, article.spans), span.start))
    if clause is not None and (name := _resolve(article, clause)):
        return name
    if previous is not None and previous.paragraph == span.paragraph and last:
        return last
    paragraph = text.rfind("\n", 0, span.start) + 1
    topic = _subject(text, article.candidates(paragraph, span.start))
    if topic is not None and (name := _resolve(article, topic)):
        return name
    if last:
        return last
    earlier = _subject(text, article.candidates(_paragraph_start(text, paragraph), paragraph))
    return _resolve(article, earlier) if earlier is not None else None


def _paragraph_start(text: str, paragraph: int) -> int:
    """Where the paragraph before the one starting at `paragraph` starts."""
    end = len(text[:paragraph].rstrip())
    return text.rfind("\n", 0, end) + 1 if end else paragraph


def _after_speaker(article: _Article, span: QuoteSpan) -> str | None:
    """«…», ha detto X / «…», così X / «…» Chivu ha aggiunto."""
    stop = _after_stop(article.text, span)
    cue = _AFTER_CUE.match(article.text, span.end, stop)
    if cue is None:
        return None
    verb = (cue.end() - 1, cue.end())
    chosen = _nearest(article.text, article.candidates(span.end, stop), verb)
    if chosen is not None:
        return _resolve(article, chosen) or _IMPLIED
    name = _name_near(article, span.end, stop, verb)
    if name:
        return name
    unnamed = _UNNAMED.match(article.text, cue.end(), stop)
    if unnamed and not _after_preposition(article.text, unnamed.start("who")):
        return _UNNAMED_SPEAKER
    described = _DESCRIBED.match(article.text, cue.end(), stop)
    if described and any(e.kind == "team" and e.start == described.end() for e in article.entities):
        return _UNNAMED_SPEAKER  # "il capitano del Kairat", never named
    return _IMPLIED


def _before_speaker(article: _Article, span: QuoteSpan) -> str | None:
    """X ha detto: «…» / X: «…» / le parole di X: «…» / secondo X, «…»."""
    text = article.text
    start = _before_start(text, span, article.spans)
    window = text[start:span.start].rstrip().rstrip(",")
    verbs = list(SPEECH_VERB.finditer(text, start, span.start)) or list(_NAME_CUES.finditer(text, start, span.start))
    candidates = article.candidates(start, span.start)
    last = candidates[-1] if candidates else None
    if last and last.end == start + len(window) and _ACCORDING.search(text, max(0, last.start - 10), last.start):
        return _resolve(article, last) or _IMPLIED  # "per Sarri «…»", "secondo Allegri, «…»"
    if not verbs and not window.endswith(":"):
        return None
    cue = verbs[-1].span() if verbs else (start + len(window) - 1, start + len(window))
    chosen = (_nearest(text, candidates, cue) if verbs else _subject(text, candidates)) if candidates else None
    if chosen:
        return _resolve(article, chosen) or _IMPLIED
    if verbs and (name := _name_near(article, start, span.start, cue)):
        return name
    return _first_name(article, start, span.start) or _IMPLIED


def _before_start(text: str, span: QuoteSpan, spans: Sequence[QuoteSpan]) -> int:
    """Where the clause introducing `span` begins: after the last sentence end, quote or paragraph break."""
    lo = max(0, span.start - _BEFORE_WINDOW)
    breaks = [lo, text.rfind("\n", lo, span.start) + 1]
    breaks += [s.end for s in spans if lo <= s.end <= span.start]
    breaks += [m.end() for m in _SENTENCE_END.finditer(text, lo, span.start)]
    return max(breaks)


def _after_stop(text: str, span: QuoteSpan) -> int:
    """Where the clause after `span` ends: a sentence end, a new quote, the paragraph's end."""
    hi = min(len(text), span.end + _AFTER_WINDOW)
    newline = text.find("\n", span.end, hi)
    hi = newline if newline >= 0 else hi
    stop = _AFTER_STOP.search(text, span.end, hi)
    return stop.start() if stop else hi


def _nearest(text: str, candidates: Sequence[Entity], cue: tuple[int, int]) -> Entity | None:
    """The person closest to the verb of saying, not one after a preposition unless the cue ends there
    ('le parole di Conte'); one before the verb (its subject) wins a near tie."""
    def distance(p: Entity) -> int:
        return cue[0] - p.end if p.end <= cue[0] else p.start - cue[1] + 4
    free = [c for c in candidates if c.start - cue[1] in (0, 1) or not _after_preposition(text, c.start)]
    return min(free, key=distance) if free else None


def _subject(text: str, candidates: Sequence[Entity]) -> Entity | None:
    """The first person not introduced by a preposition ('Chivu su Lautaro:' -> Chivu), else such a role.

    A person joined to one after a preposition ('tra Sucic e Mkhitaryan') is not the subject either.
    """
    free: list[Entity] = []
    bound_end = -1
    for candidate in candidates:
        joined = bound_end >= 0 and _COORDINATED.fullmatch(text, bound_end, candidate.start) is not None
        if joined or _after_preposition(text, candidate.start):
            bound_end = candidate.end
        else:
            free.append(candidate)
            bound_end = -1
    return next((c for c in free if c.canonical), free[0] if free else None)


def _after_preposition(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start]
    return bool(_PREPOSITION.search(before)) and not _CLAUSE_PER.search(text, max(0, start - 12), start)


def _resolve(article: _Article, person: Entity) -> str | None:
    """A person's full name; a role ('il tecnico') is the coach named last before it, or next after it."""
    if person.canonical:
        return _full_name(article, person)
    paragraph_end = article.text.find("\n", person.end)
    coaches = [p for p in article.persons(0, len(article.text) if paragraph_end < 0 else paragraph_end)
               if p.kind == "coach"]
    before = [p for p in coaches if p.end <= person.start]
    chosen = before[-1] if before else next((p for p in coaches if p.start >= person.end), None)
    return _full_name(article, chosen) if chosen else None


def _full_name(article: _Article, person: Entity) -> str:
    """The person's canonical name; a bare surname takes the fuller name used for it in the article."""
    name = person.canonical
    if " " in name:
        return name
    key = " " + name.casefold()
    fuller = [p.canonical for p in article.entities if p.kind != "team" and p.canonical.casefold().endswith(key)]
    if not fuller:
        fuller = [p.text for p in article.entities if p.kind != "team" and p.text.casefold().endswith(key)]
    return max(fuller, key=len) if fuller else name


def _name_near(article: _Article, start: int, stop: int, cue: tuple[int, int]) -> str | None:
    """A capitalised name next to the cue, not a known name (for speakers the gazetteer does not know)."""
    best: tuple[int, str] | None = None
    for match in _NAME.finditer(article.masked, start, stop):
        name = _plausible_name(article.masked, match)
        gap = cue[0] - match.end() if match.end() <= cue[0] else match.start() - cue[1]
        if name and 0 <= gap <= _NAME_GAP and (best is None or gap < best[0]):
            best = (gap, name)
    return _longest_earlier(article.masked, best[1], start) if best else None


def _first_name(article: _Article, start: int, stop: int) -> str | None:
    """The first capitalised name of a clause, not after a preposition: the subject of 'X …: «…»'."""
    for match in _NAME.finditer(article.masked, start, stop):
        name = _plausible_name(article.masked, match)
        if name:
            return _longest_earlier(article.masked, name, start)
    return None


def _plausible_name(masked: str, match: re.Match[str]) -> str:
    """The name in `match`, or '' when it follows a preposition or is one word capitalised only by position.

    A single word at a sentence start ('Nessuna indicazione') counts only if the text capitalises it elsewhere.
    """
    name = _trim_name(match.group())
    if not name or _after_preposition(masked, match.start()):
        return ""
    if " " in name or not _sentence_start(masked, match.start()) or _capitalised_elsewhere(masked, name):
        return name
    return ""


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 4):position].rstrip()
    return not before or before[-1] in ".!?:;«»“”\"\n"


def _trim_name(name: str) -> str:
    """The name without leading sentence words ('Poi De Laurentiis' -> 'De Laurentiis')."""
    words = name.split()
    while words and words[0].casefold() in _NOT_NAMES:
        words.pop(0)
    return " ".join(words) if words and words[-1][0].isupper() else ""


def _longest_earlier(text: str, name: str, before: int) -> str:
    """The fuller form of `name` used earlier in the text ('De Laurentiis' -> 'Aurelio De Laurentiis')."""
    pattern = re.compile(rf"{_UPPER_WORD}(?:{_SOFT}+{_UPPER_WORD})*{_SOFT}+{re.escape(name)}\b")
    for earlier in pattern.finditer(text, 0, before):
        fuller = _trim_name(earlier.group())
        first = fuller.split(" ", 1)[0]
        if " " in fuller and _sentence_start(text, earlier.end() - len(fuller)) and not _capitalised_elsewhere(
                text, first):
            fuller = fuller.split(" ", 1)[1]  # "Decide Cristiana Girelli": a sentence's first word
        if fuller != name and fuller.endswith(name):
            return fuller
    return name


def _capitalised_elsewhere(text: str, word: str) -> bool:
    """Whether `word` appears capitalised somewhere that is not a sentence start."""
    return any(not _sentence_start(text, m.start()) for m in re.finditer(rf"\b{re.escape(word)}\b", text))
