"""argparse's own words ("usage:", "options", its errors) in the language of the rest: while the command
line is parsed, argparse's gettext calls go to our catalogue instead of the system's.

argparse translates each of its messages with `_()` and `ngettext()` from the gettext module, looked up in
its own namespace when the message is made; `translated()` points those two names at reader.text.messages
for the time of the parse and puts them back after. Its messages are marked below so that the catalogue
holds them; tests/test_cli_language.py holds the list to the running Python's argparse.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from reader.text import messages
from reader.text.messages import N_, N_plural

# The messages of argparse (Python 3.11) a user can meet; the others are programming errors.
MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"), N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"), N_("expected one argument"), N_("expected at most one argument"),
    N_("expected at least one argument"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"), N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)
PLURALS = (N_plural("expected %s argument", "expected %s arguments"),)


@contextmanager
def translated() -> Iterator[None]:
    """argparse speaks the language of reader.text.messages inside this block."""
    namespace = vars(argparse)
    saved = namespace["_"], namespace["ngettext"]
    namespace["_"], namespace["ngettext"] = messages._, messages.ngettext
    try:
        yield
    finally:
        namespace["_"], namespace["ngettext"] = saved
