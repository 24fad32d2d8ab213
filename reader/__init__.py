"""sportreader: a terminal reader for Italian sports news.

The folders are the two flows, feeds.toml → fetch → parse → store → UI (settings, feeds, store) and
article page → extract → annotate → render (article, annotate, text), with models.py under all of them.
Only ``reader.ui`` imports Textual, and only it and ``reader.cli`` sit on top; tests/test_layers.py checks
the rules each package's docstring states.
"""

__version__ = "0.1.0"
