"""Direct speech in Italian text: every quotation convention, with scare quotes left out.

Marks: «…» (the house style), “…”, straight "…" whose direction is told from its neighbours, and ‘…’.
Inside a quote, marks of other kinds are nested quotes and belong to it. A quote with no closing mark
ends at the end of its paragraph, before the next opening mark, or before a ", ha detto X" that shows the
writer forgot to close it. A quote over several paragraphs (each paragraph reopens it, only the last one
closes it) is returned as one span per paragraph, quotation marks included, the pieces sharing a `group`.
Apostrophes (l'Inter, po', al 78’) are never quotation marks; the straight ' is never one. A short quoted
term with no sentence punctuation and no speech cue around it (il "falso nove") is a scare quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MARKS = re.compile("[«»“”„\"‘’]")
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
SCARE_MAX_WORDS = 3

_VERBS = """detto dice dichiarato dichiara spiegato spiega aggiunto aggiunge concluso conclude commentato commenta
raccontato racconta ammesso ammette sottolineato sottolinea affermato afferma precisato precisa confessato
confessa rivelato rivela ribadito ribadisce evidenziato evidenzia assicurato assicura osservato osserva
annunciato annuncia proseguito prosegue continuato esordito esordisce replicato replica risposto risponde
scherzato scherza insistito insiste avvertito avverte chiarito chiarisce confermato tuonato tuona svelato
svela attaccato analizzato analizza parlato parla ricordato chiesto chiede definito definisce sentenziato
sentenzia garantito garantisce promesso promette scritto scrive detta ripetuto ripete puntualizzato
puntualizza confidato confida esclamato sbottato ironizzato ironizza rimarcato rimarca rassicurato rassicura""".split()
SPEECH_VERB = re.compile(r"\b(?:" + "|".join([*_VERBS, r"tagliato\s+corto"]) + r")\b", re.IGNORECASE)
# A cue right after a closing mark: «…», ha detto X / «…», così X / «…» le parole di X.
_CUE_AFTER = re.compile(r"[^\S\n]*[,;—–-]?[^\S\n]*(?:(?:così|le parole di|parola di)\b|(?:[\w’']+[^\S\n]+){0,2}?"
                        + SPEECH_VERB.pattern + ")", re.IGNORECASE)
# Before a mark, "definito" / "chiamato" introduce a label, not speech: definito "interlocutorio".
_LABEL_VERBS = frozenset(("definito", "definisce"))
_CUE_BEFORE = re.compile(r"(?::|\b(?:" + "|".join(v for v in _VERBS if v not in _LABEL_VERBS)
                         + r")\b[^\S\n]*,?)[^\S\n]*$", re.IGNORECASE)
# ", ha ammesso Sarri" inside an unclosed quote: the writer forgot the closing mark before it.
_FORGOTTEN_CLOSE = re.compile(r",[^\S\n]+(?i:(?:ha|hanno)[^\S\n]+(?:poi[^\S\n]+|quindi[^\S\n]+|anche[^\S\n]+)?"
                              + SPEECH_VERB.pattern + r"|così)[^\S\n]+(?:[A-ZÀ-Þ]|(?:il|lo|la|l[’'])[^\S\n]*[a-zà-ÿ])")
# A title, not speech: il libro "Una vita per la maglia", lo striscione «…».
_WORK_BEFORE = re.compile(r"\b(?:libro|film|canzone|brano|programma|trasmissione|serie|docuserie|documentario|romanzo"
                          r"|autobiografia|biografia|rubrica|podcast|album|titolo|spettacolo|hashtag|slogan|soprannome"
                          r"|striscione|coro)[^\S\n]+(?:\w+[^\S\n]+)?$", re.IGNORECASE)
_WORK_CLAUSE = re.compile(r"\b(?:striscione|coro|slogan|titolo|hashtag|libro|film|canzone)\b[^.!?«»“”\"\n]*:[^\S\n]*$",
                          re.IGNORECASE)
_SENTENCE_PUNCT = re.compile(r"[.!?…;]")
_WORD = re.compile(r"\w+")
_OPENS_AFTER = frozenset("([{«‘“„—–-/:;,'’\"")
_CLOSES_BEFORE = frozenset(".,;:!?)]}»’”…—–-/'\"")
_SINGLE_CLOSE = re.compile(r"’(?!\w)")
_ANY_DOUBLE = re.compile("[«»“”„\"]")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One piece of direct speech: marks included; pieces of a quote over several paragraphs share `group`."""

    start: int
    end: int
    group: int
    paragraph: int
    closed: bool


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        yield start, brk.start()
        start = brk.end()
    yield start, len(text)


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every span of direct speech in `text`, in order, never overlapping."""
    spans: list[QuoteSpan] = []
    group, open_at_end = 0, False
    for number, (start, end) in enumerate(paragraphs(text)):
        raw = _scan(text, start, end)
        for k, (s, e, closed) in enumerate(raw):
            if not (k == 0 and open_at_end and s == start):
                group += 1
            if not closed or not (is_scare(text, s, e, start, end) or is_title(text, s, start)):
                spans.append(QuoteSpan(s, e, group, number, closed))
        open_at_end = bool(raw) and not raw[-1][2] and _rstrip(text, start, end) == raw[-1][1]
    return spans


def is_scare(text: str, start: int, end: int, p_start: int, p_end: int) -> bool:
    """A quoted term, not speech: a few words, no sentence punctuation, no speech cue around it."""
    inner = text[start + 1:end - 1]
    if len(_WORD.findall(inner)) > SCARE_MAX_WORDS or _SENTENCE_PUNCT.search(inner):
        return False
    before = text[max(p_start, start - 60):start]
    return not (_CUE_BEFORE.search(before) or _CUE_AFTER.match(text, end, p_end))


def is_title(text: str, start: int, p_start: int) -> bool:
    """The name of a work or a banner, announced as such: il libro "…", lo striscione (della Curva): «…»."""
    lo = max(p_start, start - 80)
    return bool(_WORK_BEFORE.search(text, max(lo, start - 40), start) or _WORK_CLAUSE.search(text, lo, start))


def _scan(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """One paragraph's quotes as (start, end, closed), marks read left to right."""
    found: list[tuple[int, int, bool]] = []
    open_at, kind, skip_to = -1, "", -1
    for mark in MARKS.finditer(text, start, end):
        i = mark.start()
        if i < skip_to:
            continue
        char = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if open_at < 0:
            kind = _opening(char, prev, nxt)
            if kind == "‘":
                close = _single_close(text, i, end)
                if close:
                    found.append((i, close, True))
                    skip_to = close
                kind = ""
            elif kind:
                open_at = i
            continue
        action = _inside(kind, char, prev, nxt)
        if action == "close":
            found.append((open_at, i + 1, True))
            open_at = -1
        elif action == "restart":
            found.append(_unclosed(text, open_at, i))
            open_at, kind = i, _opening(char, prev, nxt) or kind
    if open_at >= 0:
        found.append(_unclosed(text, open_at, end))
    return found


def _opening(char: str, prev: str, nxt: str) -> str:
    """The kind of quote `char` opens here ('«', '“', '"', '‘'), or '' when it opens none."""
    if char == "«":
        return "«"
    if char in "“„":
        return "“"
    if char == '"':
        return '"' if _straight_opens(prev, nxt, inside=False) else ""
    if char == "‘":
        return "‘" if (prev.isspace() or prev in _OPENS_AFTER) and nxt.isalpha() else ""
    if char == "”" and prev.isspace() and not nxt.isspace():
        return "“"  # a closing glyph used to open, as some sites do
    return ""


def _inside(kind: str, char: str, prev: str, nxt: str) -> str:
    """What `char` does to an open quote of `kind`: 'close', 'restart' (a new quote opens) or '' (nested)."""
    if kind == "«":
        return {"»": "close", "«": "restart"}.get(char, "")
    if kind == "“":
        if char == "”":
            return "close"
        if char == "“":
            return "restart" if _straight_opens(prev, nxt, inside=True) else "close"
        return "restart" if char in "«„" else ""
    if char == '"':
        return "restart" if _straight_opens(prev, nxt, inside=True) else "close"
    return "restart" if char == "«" else ""


def _straight_opens(prev: str, nxt: str, *, inside: bool) -> bool:
    """Whether a straight or ambiguous mark opens, from its neighbours; when they do not tell, it toggles."""
    opens = prev.isspace() or prev in _OPENS_AFTER
    closes = nxt.isspace() or nxt in _CLOSES_BEFORE
    if opens != closes:
        return opens
    return not inside


def _single_close(text: str, start: int, end: int) -> int:
    """The end of a ‘…’ quote opened at `start`, or 0 when there is no closing ’ before another mark."""
    close = _SINGLE_CLOSE.search(text, start + 1, end)
    if close is None or _ANY_DOUBLE.search(text, start + 1, close.start()):
        return 0
    return close.end()


def _unclosed(text: str, start: int, stop: int) -> tuple[int, int, bool]:
    """A quote with no closing mark: up to `stop`, or up to a ", ha detto X" inside it."""
    end = _rstrip(text, start + 1, stop)
    forgotten = _FORGOTTEN_CLOSE.search(text, start + 1, end)
    if forgotten:
        end = forgotten.start()
    return start, end, False


def _rstrip(text: str, start: int, end: int) -> int:
    """`end` moved left past trailing whitespace, never before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
