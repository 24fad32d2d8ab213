"""Who says each quote, from the cues next to it and the article's shape, resolved to a full name.

Cues: X ha detto / ha spiegato / ha dichiarato (the verbs of data/speech.tsv), X: «…», «…», così X, le
parole di X, secondo X, racconta X che «…», «…». Parola di X, lo sfogo di X: «…». Of the people in the
cue's clause, the one nearest the verb speaks; with a colon and no verb, the clause's subject: the first
person not introduced by a preposition (Chivu su Lautaro: «…»; the president who "ha blindato Lang:").
A role word ("il tecnico", "il ds", "il centrocampista") is the person it names or the one named before.
A cue whose subject is left out or only described (", ha spiegato il centrale") takes the understood
subject. A cue naming someone unnamed (una fonte, il club) has no speaker; nor has a quote a newspaper
reports (", scrive il quotidiano", "Per la Gazzetta"): the newspaper is its source. An interview's answers
and a conference's labelled quotes are its subject's. A quote with no cue continues the quote just before
it; a quote over several paragraphs has one speaker. A speaker no list knows (a president) is the name at
the cue. Surnames resolve to the full name used in the article.

The modules: context (the indexes every look-up reads), names (from a person to a name), cues (the cues
around a quote), structure (the article's subject, questions and labels), assign (the pass over the quotes).
"""

from reader.annotate.speakers.assign import assign_speakers

__all__ = ["assign_speakers"]
