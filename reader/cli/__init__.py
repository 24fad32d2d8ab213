"""The command line: main (the argument parser, arguments → a command → its exit code), context (what every
command needs), one module per family of commands (refreshing, reading, configfile, annotating) and console
(Rich tables and lines for what the commands print).

May import every layer; reader.ui only to start the app.
"""
