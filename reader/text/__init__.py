"""Untrusted text made safe and shown: sanitize (the one place network text is cleaned), htmltext (HTML
fragments into plain paragraphs), render (text and spans into Rich Text, never markup); and the words and
times every part shows: messages (the gettext catalogue, Italian and English), dates (dates and times in
the user's language and time zone).

May import: the standard library, Rich, reader.models, reader.settings and the store's records. Never
Textual, reader.feeds, reader.article, reader.cli or reader.ui.
"""
