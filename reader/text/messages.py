"""Every word a user sees, through one gettext catalogue: Italian by default, English where it is asked for.

Code writes its messages in English, `_("Refresh")`, `ngettext("{n} article", "{n} articles", n)`, and the
catalogue of the language in use translates them (reader/text/locale/it: the Italian one; English is the
messages themselves). Words kept in tables built at import time are marked with `N_` and translated where
they are shown, so a change of language reaches them too. `python scripts/messages.py` extracts the
messages into the catalogue and compiles it; tests/test_messages.py fails while one lacks its translation.

The language, first that applies: $SPORTREADER_LANG, the `language` setting of feeds.toml (`set_language`
once the config is read), then the locale's variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): English when
they ask for English, Italian otherwise (C and POSIX included).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "sportreader"
LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"
ENV_VAR = "SPORTREADER_LANG"

_translations: gettext.NullTranslations | None = None
_language: str | None = None


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language the environment asks for: $SPORTREADER_LANG, else the locale's, else Italian."""
    explicit = environ.get(ENV_VAR, "").strip().lower()
    if explicit:
        return explicit if explicit in LANGUAGES else DEFAULT_LANGUAGE
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            # "en_GB.UTF-8", "it_IT@euro", LANGUAGE's "en:it" list: the first language decides.
            code = value.split(":")[0].split(".")[0].split("@")[0].split("_")[0].lower()
            return "en" if code == "en" else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(code: str | None) -> str:
    """Use `code` ("it", "en"; None or "auto": the environment's); $SPORTREADER_LANG wins. Returns the one used."""
    if os.environ.get(ENV_VAR) or code in (None, "", "auto"):
        code = language_from_environment()
    return use_language(code)


def use_language(code: str) -> str:
    """Use exactly `code` (a language another process resolved: a worker speaks its parent's); returns it."""
    global _translations, _language
    if code not in LANGUAGES:
        code = DEFAULT_LANGUAGE
    if code == _language:
        return code
    _language = code
    if code == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    return code


def current_language() -> str:
    """The language messages are shown in now."""
    if _language is None:
        set_language(None)
    assert _language is not None
    return _language


def _catalogue() -> gettext.NullTranslations:
    if _translations is None:
        set_language(None)
    assert _translations is not None
    return _translations


def _(message: str) -> str:
    """`message`, in the language in use."""
    return _catalogue().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of `singular`/`plural` that fits `n`, in the language in use (format `n` in yourself)."""
    return _catalogue().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the sense `context` gives it (one English word, two Italian ones: "open" the verb)."""
    return _catalogue().pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it now (it is translated where it is shown)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural for the catalogue without translating it now (see ngettext)."""
    return singular, plural
