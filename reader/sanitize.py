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
_LINE_SEPARATORS = re.compile("[\r\u2028\u2029\x85]")  # \x85 is NEL; handled before the C1 sweep
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BLANKS = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Strip escape sequences and invisible or control characters; keep newlines, turn tabs to spaces."""
    text = _ESCAPE_SEQUENCES.sub("", text)
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
    paragraphs = (_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", clean_text(text)))
    return "\n\n".join(p for p in paragraphs if p)


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
