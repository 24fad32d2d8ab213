"""sportreader: a terminal reader for Italian sports news.

The package is layered: config, fetch, parse, sanitize, store and refresh are pure (no Textual);
``reader.ui`` is the only place that imports Textual.
"""

__version__ = "0.1.0"
