"""The one place untrusted text is made safe for a terminal.

Every string that comes from the network (titles, summaries, full text, authors, feed names, URLs,
error messages) passes through here before it is stored or shown: escape sequences, C0/C1 controls,
bidi overrides and invisible characters are removed, so nothing a feed sends can drive the terminal.
Markup is never interpreted downstream (texts are built as Rich Text / Textual Content objects),
so brackets are left as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from urllib.parse import urlsplit

# Whole escape sequences first, so their parameters do not survive as visible junk.
_ESCAPE_SEQUENCES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                  # CSI ... final byte
    | \x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c|$)   # OSC, DCS, SOS, PM, APC ... up to BEL or ST (or the end)
    | \x1b[ -/]*[0-~]?                        # two-byte escapes (ESC c, ESC 7, ESC ( B ...)
    | \x9b[0-?]*[ -/]*[@-~]?                  # 8-bit CSI
    | [\x90\x9d][^\x07\x1b\x90\x9b-\x9f\u0153]*+(?:\x07|\x9c|\x1b\\|\u0153)  # 8-bit DCS, OSC ... to BEL or ST
    """,
    re.VERBOSE | re.DOTALL,
)
# An 8-bit DCS or OSC is removed whole only up to its terminator, among which 'œ' (U+0153): feedparser reads
# the 8-bit ST (&#x9c;) as that Windows-1252 character before we see it. Without one, only the introducer
# goes (with the other controls) and the text after it stays: taking "up to the end" lost whole titles.
# 8-bit SOS, PM and APC (U+0098, U+009E, U+009F) are left to the repair, as '˜', 'ž' and 'Ÿ': in feeds
# they are Windows-1252 text read as Latin-1 ("D\x9eeko") far more often than anything a terminal runs.

# Numeric references to ESC and BEL, which html.unescape drops alone ("&#27;[31m" became a visible
# "[31m"): made the characters again, so the sequence they start is removed whole.
_CONTROL_REFERENCES = re.compile(r"&#(?:0*(27|7)(?![0-9])|[xX]0*(1[bB]|7)(?![0-9a-fA-F]));?")

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

# What text shown on a terminal may never hold, in one pattern: escape sequences whole (an unterminated
# 7-bit string up to the next ESC, as a terminal would swallow it), then every control but tab and newline,
# C1, bidi and invisible format characters, line separators, tag characters and lone surrogates. Text the
# sanitiser stored has none of them, and passes in one scan, unchanged.
_DISPLAY = re.compile(
    r"\x1b\[[0-?]*+[ -/]*+[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*+(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*+[0-~]?"
    r"|\x9b[0-?]*+[ -/]*+[@-~]?"
    r"|[\x90\x9d][^\x07\x1b\x90\x9b-\x9f]*+(?:\x07|\x9c|\x1b\\)"
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)


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


def keep_control_references(html: str) -> str:
    """HTML whose references to ESC and BEL are the characters themselves, for html.unescape or html.parser
    to keep: the sanitiser then removes each escape sequence whole instead of leaving its parameters."""
    if "&#" not in html:
        return html
    return _CONTROL_REFERENCES.sub(lambda m: "\x1b" if (m.group(1) or m.group(2) or "").lower() in ("27", "1b")
                                   else "\x07", html)


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


def clean_display(text: str) -> str:
    """Text as it may reach a terminal, cleaned again right before it is shown: rows written by anything
    but today's sanitiser (an older version, a future bug) never drive the terminal. One scan, and the
    same string back when there is nothing to remove."""
    return _DISPLAY.sub("", text)


def clean_display_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """clean_display, with spans of the text (search marks, highlights) moved to where their characters
    went; a span left empty is dropped."""
    removed = [(m.start(), m.end()) for m in _DISPLAY.finditer(text)]
    if not removed:
        return text, list(spans)
    starts = [start for start, _ in removed]
    gone: list[int] = []  # characters removed up to the end of each removed run
    total = 0
    for start, end in removed:
        total += end - start
        gone.append(total)

    def moved(index: int) -> int:
        k = bisect_right(starts, index) - 1
        if k < 0:
            return index
        start, end = removed[k]
        return start - (gone[k - 1] if k else 0) if index < end else index - gone[k]

    kept = [(moved(a), moved(b)) for a, b in spans]
    return _DISPLAY.sub("", text), [(a, b) for a, b in kept if a < b]


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
