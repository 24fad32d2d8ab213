"""The one place untrusted text is made safe for a terminal.

Every string that comes from the network (titles, summaries, full text, authors, feed names, URLs,
error messages) passes through here before it is stored or shown: escape sequences, C0/C1 controls,
bidi overrides and invisible characters are removed, so nothing a feed sends can drive the terminal.
Markup is never interpreted downstream (texts are built as Rich Text / Textual Content objects),
so brackets are left as they are.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Whole escape sequences first, so their parameters do not survive as visible junk.
_ESCAPE_SEQUENCES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?              # CSI ... final byte
    | \x1b[\]PX^_].*?(?:\x07|\x1b\\|$)    # OSC, DCS, SOS, PM, APC ... up to BEL or ST (or the end)
    | \x1b[ -/]*[0-~]?                    # two-byte escapes (ESC c, ESC 7, ESC ( B ...)
    | \x9b[0-?]*[ -/]*[@-~]?              # 8-bit CSI
    | [\x90\x9d\x98\x9e\x9f].*?(?:\x07|\x9c|\x1b\\|$)  # 8-bit DCS, OSC, SOS, PM, APC
    """,
    re.VERBOSE | re.DOTALL,
)

# C0 (but tab and newline), DEL, C1, bidi embeddings/overrides/isolates, zero-width characters,
# word joiner and invisible operators, BOM, soft hyphen, interlinear annotations, tag characters,
# and lone surrogates (which cannot be encoded for the terminal).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_LINE_SEPARATORS = re.compile("[\r\u2028\u2029]")
# Runs of spaces that folding changes (a lone " " is left alone: most of them, so most of the cost).
_FOLD = re.compile(r" [ \t\u00a0\u3000]+|[\t\u00a0\u3000][ \t\u00a0\u3000]*")
# Two newlines with only whitespace between: where paragraphs split. It starts with a literal, so re finds
# candidates at C speed (a leading \s* made it try, and fail, at every space: 4x slower).
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")
# Every character that clean_text removes or rewrites: what a text needs before anything is done to it.
_TOUCHED = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028-\u2029\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_BLANKS = re.compile(r"\s+")


# Runs of characters that UTF-8 bytes become when misread as Windows-1252 / Latin-1: a lead byte
# (Â-ô) followed by continuation bytes (0x80-0xBF, as Latin-1 or as their Windows-1252 glyphs).
_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
                "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]+")
_C1 = re.compile("[\u0080-\u009f]")


def repair_mojibake(text: str) -> str:
    """Undo the two certain encoding accidents: UTF-8 read as Windows-1252, and Windows-1252 read as Latin-1.

    A run is re-decoded only when its bytes form valid UTF-8, which ordinary Italian text never does.
    """
    if _MOJIBAKE.search(text):
        text = _MOJIBAKE.sub(_redecode, text)
    if _C1.search(text):
        # C1 controls never appear in real text: they are Windows-1252 punctuation under a Latin-1 label.
        text = _C1.sub(_cp1252_char, text)
    return text


def _redecode(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return run.encode("cp1252").decode("utf-8")
    except UnicodeError:
        try:
            return run.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return run


def _cp1252_char(match: re.Match[str]) -> str:
    try:
        return match.group(0).encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return ""  # the five bytes Windows-1252 leaves undefined


def clean_text(text: str) -> str:
    """Strip escape sequences and invisible or control characters; keep newlines, turn tabs to spaces."""
    if _TOUCHED.search(text) is None:
        # The common case (a refresh cleans megabytes): nothing to strip, so two scans replace seven. C1
        # controls are touched characters, so without a mojibake run there is nothing to repair either.
        if _MOJIBAKE.search(text) is None:
            return text
        text = repair_mojibake(text)  # a repair can produce controls or bidi marks: they go below, as always
    else:
        text = repair_mojibake(_ESCAPE_SEQUENCES.sub("", text))
    text = _LINE_SEPARATORS.sub("\n", text.replace("\r\n", "\n"))
    text = text.replace("\t", " ")
    return _INVISIBLE.sub("", text)


def clean_line(text: str, max_chars: int = 1000) -> str:
    """A safe single line: cleaned, whitespace folded, cut with an ellipsis past max_chars."""
    line = _BLANKS.sub(" ", clean_text(text)).strip()
    if len(line) > max_chars:
        line = line[: max_chars - 1].rstrip() + "…"
    return line


def clean_paragraphs(text: str) -> str:
    """Cleaned text whose paragraphs are separated by one blank line, spaces folded inside each."""
    text = clean_text(text)
    if "  " in text or "\t" in text or "\u00a0" in text or "\u3000" in text:  # what _FOLD can match
        text = _FOLD.sub(" ", text)
    if "\n" not in text:
        return text.strip()
    return "\n\n".join(paragraph.strip() for paragraph in _PARAGRAPH_SPLIT.split(text)).strip()


def safe_link(url: str, max_chars: int = 4096) -> str:
    """The URL if it is a plain http(s) link that can be shown and opened, else an empty string."""
    url = url.strip()
    if not url or len(url) > max_chars or clean_line(url, max_chars) != url or " " in url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return url
