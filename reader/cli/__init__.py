"""The command line: main (arguments → calls into the layers → exit codes, no logic of its own) and console
(Rich tables and lines for what the commands print).

May import every layer; reader.ui only to start the app.
"""
