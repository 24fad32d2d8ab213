"""Direct speech in Italian text: every quotation convention, with scare quotes, titles and banners left out.

Marks: «…» (the house style), “…”, straight "…" whose direction is told from its neighbours, ‘…’, and the
mixtures some sites print («…”). Inside a quote, a quote of another kind with a cue of its own (a
newspaper's passage: "… Chivu ha detto: «…» …") is a quote too, nested in the first; one without a cue
belongs to it. A quote over several paragraphs is one span per paragraph, the pieces sharing a `group`; so
is a quote cut by an attribution between dashes. Apostrophes (l'Inter, po', al 78’) are never quotation
marks; the straight ' is never one. A short quoted term with no sentence punctuation and no speech cue
around it (il "falso nove") is a scare quote.

The modules: marks (what one mark does), scan (one paragraph's marks), find (groups and pieces), cues (the
patterns around a quote, from data/speech.tsv).
"""

from reader.annotate.quotes.find import QuoteSpan, find_quotes, is_scare, is_title, paragraphs, split_dashed

__all__ = ["QuoteSpan", "find_quotes", "is_scare", "is_title", "paragraphs", "split_dashed"]
