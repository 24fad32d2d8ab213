"""Keep the message catalogue in step with the code: extract, update the Italian catalogue, compile it.

Every `_()`, `ngettext()`, `pgettext()`, `N_()` and `N_plural()` of reader/ is extracted (Babel), merged into
reader/text/locale/it/LC_MESSAGES/sportreader.po (translations kept, new messages added untranslated, ones
the code no longer has dropped) and compiled into sportreader.mo beside it, which the app reads.

  python scripts/messages.py          update the .po and the .mo, then list the messages still untranslated
  python scripts/messages.py --check  change nothing; exit 1 if the .po or .mo is out of date or a message
                                      lacks its translation (what tests/test_messages.py runs)
"""

from __future__ import annotations

import argparse
import gettext
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "reader"
CATALOGUE = REPO / "reader" / "text" / "locale" / "it" / "LC_MESSAGES" / "sportreader.po"
KEYWORDS = {"_": None, "N_": None, "N_plural": (1, 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
# Fixed, so that the files change only when the messages do.
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
HEADER = (b'msgid ""\nmsgstr ""\n'
          b'"Project-Id-Version: sportreader\\n"\n'
          b'"Language: it\\n"\n'
          b'"MIME-Version: 1.0\\n"\n'
          b'"Content-Type: text/plain; charset=UTF-8\\n"\n'
          b'"Content-Transfer-Encoding: 8bit\\n"\n'
          # Two forms, as Italian prose writes them (Babel's CLDR data has a third, for millions).
          b'"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')


def template() -> Catalog:
    """Every message of the code, with where it is used."""
    catalog = Catalog(project="sportreader", creation_date=STAMP, revision_date=STAMP)
    found = extract_from_dir(SOURCE, method_map=[("**.py", "python")], keywords=KEYWORDS,
                             comment_tags=("TRANSLATORS:",), strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(f"reader/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def updated() -> Catalog:
    """The Italian catalogue merged with the code's messages."""
    existing = CATALOGUE.read_bytes() if CATALOGUE.exists() else HEADER
    catalog = read_po(io.BytesIO(existing), locale="it")
    catalog.update(template(), no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.creation_date = catalog.revision_date = STAMP
    catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = "sportreader"
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=116, no_location=True, sort_output=True, include_previous=False,
             omit_header=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """Messages with no Italian text (or a fuzzy one, which the app would not use)."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def key(message: Message) -> tuple[str | None, str]:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def problems() -> list[str]:
    """What --check reports: messages missing from the catalogue or no longer used, messages without a
    translation, and a compiled catalogue that says something else. Compared message by message, not byte
    by byte, so that another version of Babel does not make a catalogue out of date."""
    if not CATALOGUE.exists():
        return [f"{CATALOGUE.relative_to(REPO)} is missing: run python scripts/messages.py"]
    stored = read_po(io.BytesIO(CATALOGUE.read_bytes()), locale="it")
    have = {key(m) for m in stored if m.id}
    want = {key(m) for m in template() if m.id}
    def ordered(keys: set[tuple[str | None, str]]) -> list[str]:
        return [m for _, m in sorted(keys, key=lambda k: (k[0] or "", k[1]))]

    found = [f"not in the catalogue: {m!r} (run python scripts/messages.py)" for m in ordered(want - have)]
    found += [f"in the catalogue but no longer used: {m!r}" for m in ordered(have - want)]
    found += [f"no Italian translation: {message!r}" for message in untranslated(stored)]
    mo = CATALOGUE.with_suffix(".mo")
    compiled = gettext.GNUTranslations(io.BytesIO(mo.read_bytes())) if mo.exists() else None
    for message in stored:
        if message.id and (compiled is None or _compiled_text(compiled, message) != message.string):
            found.append(f"{mo.relative_to(REPO)} is out of date: run python scripts/messages.py")
            break
    return found


def _compiled_text(compiled: gettext.GNUTranslations, message: Message) -> object:
    """What the compiled catalogue gives for `message`, in the shape Babel keeps its string in."""
    if isinstance(message.id, str):
        text = compiled.pgettext(message.context, message.id) if message.context else compiled.gettext(message.id)
        return text if text != message.id or message.string == message.id else ""
    singular, plural = message.id[0], message.id[1]
    forms = tuple(compiled.ngettext(singular, plural, n) for n in (1, 2))
    return forms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on anything out of date")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        print("\n".join(found) or "the catalogue is up to date")
        return 1 if found else 0
    catalog = updated()
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    CATALOGUE.write_bytes(po_bytes(catalog))
    CATALOGUE.with_suffix(".mo").write_bytes(mo_bytes(catalog))
    missing = untranslated(catalog)
    print(f"{CATALOGUE.relative_to(REPO)}: {len(catalog)} messages, {len(missing)} without a translation")
    for message in missing:
        print(f"  {message!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
