"""What the user configures: feeds.toml into a frozen Config (config: its tables and keys in schema, one
value checked in values, a problem's line found by locate), key bindings (keymap), themes and highlight
styles (appearance), and where files live (paths, with the default feeds.toml beside it).

May import: the standard library, platformdirs, reader.models and reader.text. Never Textual, nor any
other package of reader.
"""
