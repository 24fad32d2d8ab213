"""assign_speakers: one pass over the quote groups, each taking the strongest evidence it has.

In order: a cue after a piece (", ha detto X", " - ha aggiunto X - "), a cue before the first piece ("X ha
detto:", "racconta X che"), the paragraph before ending with a colon, a verbless sentence after the quote
("Parola di X"), the article's structure (an answer after a question, a quote after a topic label), then
the quote just before it (a quote with no cue goes on with the last speaker), then the article's subject.
A quote inside a quote is read inside it: its cue and its people lie in the outer quote.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.annotate.model import Entity, Quote
from reader.annotate.quotes import QuoteSpan
from reader.annotate.speakers.context import Context, Named
from reader.annotate.speakers.cues import IMPLIED, UNNAMED, after_cue, before_cue, clause_start, verbless_after
from reader.annotate.speakers.names import SOURCE, resolve, subject
from reader.annotate.speakers.structure import Structure

_NO_ONE = (UNNAMED, SOURCE)


def assign_speakers(text: str, spans: Sequence[QuoteSpan], entities: Sequence[Entity],
                    others: Sequence[Named] = ()) -> list[Quote]:
    """The quotes of `spans`, each with its speaker when the text tells (or implies) who it is.

    `others` are people the name passes saw but do not tag (presidents, directors): they may speak.
    """
    ctx = Context(text, spans, entities, others)
    shape = Structure(ctx)
    groups: dict[int, list[QuoteSpan]] = {}
    for span in spans:
        groups.setdefault(span.group, []).append(span)
    speakers: dict[int, str | None] = {}
    previous: QuoteSpan | None = None
    last: str | None = None
    for group, pieces in groups.items():
        first = pieces[0]
        within = ctx.quote_at(first.start) if first.depth else -1
        found = _evidence(ctx, shape, pieces, within)
        if found == IMPLIED:
            found = _outer(ctx, speakers, within) if first.depth else _implied(ctx, shape, first, previous, last)
        elif found is None and not first.depth:
            follows = previous is not None and first.paragraph - previous.paragraph <= 1 and last is not None
            found = last if follows else shape.subject
        speakers[group] = None if found in _NO_ONE else found
        if not first.depth:
            previous, last = pieces[-1], (None if found in _NO_ONE else (found or last))
    return [Quote(s.start, s.end, speakers[s.group]) for s in spans]


def _evidence(ctx: Context, shape: Structure, pieces: list[QuoteSpan], within: int) -> str | None:
    """What the cues and the structure say of a group: a name, IMPLIED, UNNAMED, SOURCE or None."""
    first = pieces[0]
    lo = ctx.tops[within].start + 1 if within >= 0 else shape.paragraphs[shape.index(first.start)][0]
    weak: str | None = None
    for piece in reversed(pieces):
        found = after_cue(ctx, piece.end, _bound(ctx, shape, piece, within), within)
        if found is not None and found != IMPLIED:
            return found
        weak = weak or found
    found = before_cue(ctx, lo, first.start, within)
    if found is not None and found != IMPLIED:
        return found
    weak = weak or found
    if within < 0:
        colon = shape.colon_before(first)
        if colon is not None and (earlier := before_cue(ctx, colon[0], colon[1])) not in (None, IMPLIED):
            return earlier
        headline = shape.opens_paragraph(first) and first.paragraph <= 1
        found = verbless_after(ctx, pieces[-1].end, _bound(ctx, shape, pieces[-1], within), headline=headline)
        if found is not None:
            return found
        if shape.after_question(first) and shape.subject:
            return shape.subject
        label = shape.label(first)
        if label is not None:
            return label
        if colon is not None and shape.subject and weak is None:
            return shape.subject
    return weak


def _bound(ctx: Context, shape: Structure, piece: QuoteSpan, within: int) -> int:
    """Where the text a piece's cues may lie in ends: its paragraph's end, or the quote around it."""
    return ctx.tops[within].end if within >= 0 else shape.paragraphs[shape.index(piece.start)][1]


def _outer(ctx: Context, speakers: dict[int, str | None], within: int) -> str | None:
    """The speaker of the quote around a nested one whose cue names no one ("e mi ha detto: «…»")."""
    outer = ctx.tops[within]
    return next((who for group, who in speakers.items() if who and group == outer.group), None)


def _implied(ctx: Context, shape: Structure, span: QuoteSpan, previous: QuoteSpan | None,
             last: str | None) -> str | None:
    """The understood subject: the clause's, the speaker before in the paragraph, the paragraph's, the last
    one's, the paragraph before's, the article's."""
    text = ctx.text
    paragraph = shape.paragraphs[shape.index(span.start)][0]
    clause = subject(text, ctx.candidates(clause_start(ctx, paragraph, span.start), span.start))
    if clause is not None and (name := resolve(ctx, clause)) and name != SOURCE:
        return name
    if previous is not None and previous.paragraph == span.paragraph and last:
        return last
    topic = subject(text, ctx.candidates(paragraph, span.start))
    if topic is not None and (name := resolve(ctx, topic)) and name != SOURCE:
        return name
    if last:
        return last
    number = shape.index(span.start)
    if number:
        start, end = shape.paragraphs[number - 1]
        earlier = subject(text, ctx.candidates(start, end))
        if earlier is not None and (name := resolve(ctx, earlier)) and name != SOURCE:
            return name
    return shape.subject
