"""The Textual app: it reads the store and calls the pure layers, never the other way round.

May import every layer except reader.cli; it is the only package, with reader.cli, that imports Textual.
"""
