"""The article flow's first steps, page → extract: loader (fetch an article's page, extract its text in a
worker, cache it in the store) and extract (trafilatura, with the page's own paragraphs).

May import: reader.models, reader.settings, reader.text, reader.store and the fetch and worker layers of
reader.feeds. Never Textual, reader.ui or reader.cli.
"""
