"""The shape of an article that tells who speaks where no cue does: its subject, its questions, its labels.

An interview or a press conference names its speaker once, in the title or the lead ("Lautaro ha risposto
alle domande dei tifosi", "Conferenza stampa di Chivu"): the article's subject. Its answers follow a
question paragraph, or a topic label in capitals ("MERCATO – «…»"), and are the subject's. A label naming a
newspaper ("GAZZETTA DELLO SPORT – …") makes the paragraph that newspaper's. A press review ("rassegna
stampa", "le prime pagine") has no subject: its quotes are the newspapers'.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.annotate.quotes import QuoteSpan, paragraphs
from reader.annotate.speakers.context import LEAD_PARAGRAPHS, Context
from reader.annotate.speakers.names import SOURCE, resolve, subject
from reader.annotate.speech import TOPIC_LABEL, speech_words

_QUESTION_MAX = 260
_LABEL_REACH = 60  # "ORE 13.32 – Si parte. «…»": how far after a label its quote may start
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_IMPERSONAL = re.compile(r"\bsi\s+parla\b", re.IGNORECASE)
_EVENT_OF = re.compile(r"[^\S\n]*(?:a|di|del|dello|della|dell[’'])[^\S\n]*$", re.IGNORECASE)
_REVIEW = re.compile(r"\brassegna stampa\b|\bprime pagine\b|\bin edicola\b|\bquotidiani sportivi\b", re.IGNORECASE)


class Structure:
    """The article's paragraphs, its subject, and where quotes answer questions or follow labels."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.paragraphs = [(s, e) for s, e in paragraphs(ctx.text)]
        self._starts = [s for s, _ in self.paragraphs]
        head = ctx.text[:self.paragraphs[min(1, len(self.paragraphs) - 1)][1]]
        self.review = bool(_REVIEW.search(head))
        self.subject = None if self.review else self._subject()

    def index(self, position: int) -> int:
        """The paragraph holding `position`."""
        return max(0, bisect_right(self._starts, position) - 1)

    def opens_paragraph(self, span: QuoteSpan) -> bool:
        """Whether the quote is the first thing of its paragraph, a topic label aside."""
        start, end = self.paragraphs[self.index(span.start)]
        label = TOPIC_LABEL.match(self.ctx.text, start, end)
        lead = self.ctx.text[label.end() if label else start:span.start]
        return not lead.strip()

    def after_question(self, span: QuoteSpan) -> bool:
        """A quote opening its paragraph right after a short paragraph ending with a question mark."""
        number = self.index(span.start)
        if number == 0 or not self.opens_paragraph(span):
            return False
        start, end = self.paragraphs[number - 1]
        question = self.ctx.text[start:end].strip()
        return question.endswith("?") and len(question) <= _QUESTION_MAX

    def label(self, span: QuoteSpan) -> str | None:
        """The speaker a topic label gives its paragraph's quote: SOURCE for a newspaper, the subject
        otherwise (a label names a topic, never the speaker); None without a label."""
        start, end = self.paragraphs[self.index(span.start)]
        label = TOPIC_LABEL.match(self.ctx.text, start, end)
        if label is None or span.start - label.end() > _LABEL_REACH:
            return None
        if speech_words().source.search(label.group("label")):
            return SOURCE
        return self.subject

    def colon_before(self, span: QuoteSpan) -> tuple[int, int] | None:
        """(start, end) of the paragraph before, when it ends with a colon and the quote opens its own."""
        number = self.index(span.start)
        if number == 0 or not self.opens_paragraph(span):
            return None
        start, end = self.paragraphs[number - 1]
        text = self.ctx.text[start:end].rstrip()
        return (start, start + len(text)) if text.endswith(":") else None

    def _subject(self) -> str | None:
        """Who speaks in the article, from the title and the lead: the person a sentence with a word of
        speech is about ("X ha parlato", "intervista a X", "Conferenza stampa di X")."""
        ctx, event = self.ctx, speech_words().event
        for start, end in self.paragraphs[:LEAD_PARAGRAPHS]:
            for sentence in _SENTENCE.finditer(ctx.text, start, end):
                found = event.search(sentence.group())
                if not found or _IMPERSONAL.search(sentence.group()):
                    continue
                people = [p for p in ctx.candidates(sentence.start(), sentence.end()) if p.kind != "source"]
                at = sentence.start() + found.end()
                named = next((p for p in people if p.start >= at and p.start - at <= 14
                              and _EVENT_OF.search(ctx.text, at, p.start)), None)
                chosen = named or subject(ctx.text, people)
                name = resolve(ctx, chosen) if chosen else None
                if name and name != SOURCE:
                    return name
        return None
