"""The Italian small words the name rules read: articles, and the words capitalised only by a sentence start."""

from __future__ import annotations

from reader.annotate.gazetteer import PARTICLES

LEADING_ARTICLES = frozenset("il lo la l i gli le".split())
ARTICLES = LEADING_ARTICLES | frozenset(  # with their prepositions: "della", "nell'", "sul"
    "del dello della dei degli delle dell al allo alla ai agli alle all dal dallo dalla dai dagli dalle dall "
    "nel nello nella nei negli nelle nell sul sullo sulla sui sugli sulle sull col coi".split())
FUNCTION_WORDS = (ARTICLES - PARTICLES) | frozenset(  # capitalised only because a sentence starts
    "un uno una a ad in per con tra fra ma e ed se che non dopo poi oggi ieri domani anche ora qui come quando "
    "mentre questo questa ecco".split())
