"""Generated hostile feeds through parse -> sanitise -> store -> render, and hostile text through render.

Feeds (RSS 2.0 and Atom) are built from escape sequences, C0/C1 controls, bidi and zero-width
characters, NULs, Rich/Textual markup, character references to surrogates and to code points past
U+10FFFF, CDATA, escaped HTML and very long titles, each inserted raw, XML-escaped, as character
references, in CDATA or as escaped HTML. Whatever the parser makes of them, nothing may crash, and
nothing the command line or the app's panes would show may carry a control character; markup
must stay literal.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from reader.cli import console
from reader.feeds.ingest import entry_record
from reader.feeds.parse import parse_feed
from reader.models import FeedParseError, FeedSpec
from reader.store import Filter, Preview, Store
from reader.text import render
from tests.hostile.conftest import SGR, assert_clean, assert_terminal_clean

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ESC, BEL = "\x1b", "\x07"
FRAGMENTS = [
    f"{ESC}[2J", f"{ESC}[H", f"{ESC}[31m", f"{ESC}[?1049h", f"{ESC}]8;;https://evil.invalid/{ESC}\\",
    f"{ESC}]52;c;Y3VybCB4fHNo{BEL}", f"{ESC}]0;titolo{BEL}", f"{ESC}P+q544e{ESC}\\", f"{ESC}_G{ESC}\\", ESC,
    "\x9b31m", "\x9d0;x\x9c", "\x90x\x9c", "\x85", "\x00", BEL, "\x08", "\r", "\x0b", "\x0c", "\x7f",
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad",
    "\u2028", "\U000e0041", "[bold]", "[/bold]", "[/]", "[link=https://evil.invalid]", "[@click=app.quit]",
    "[@click=()]", ":skull:", "$accent", "[on red]", "\\[", "&#27;[2J", "&#x1b;]52;c;eA==&#7;", "&#x9b;",
    "&#xD800;", "&#xdfff;", "&#x110000;", "&#0;", "&#x7f;", "&amp;#27;", "&nbsp;", "<![CDATA[", "]]>", "<b>",
    "</div>", "<script>alert(1)</script>", "&", "<", ">", "\"", "'", "è", "Ã©", "â€™", "«Sì»", "\U0001F600",
    "\u4e2d", "Z\u0336\u0337",
]
MARK = "[bold]M{n}[/bold] "  # at the start of every item title: must come out literally

pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
hostile = st.lists(pieces, max_size=12).map("".join)
encodings = st.sampled_from(["raw", "escaped", "cdata", "refs", "html"])


def encode(text: str, how: str) -> str:
    if how == "escaped":
        return escape(text)
    if how == "cdata":
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    if how == "refs":
        return "".join(c if c.isascii() and c.isprintable() and c not in "&<>" else f"&#x{ord(c):x};" for c in text)
    if how == "html":
        return escape(f"<p>{text}</p><p>{text[::-1]}</p>")
    return text


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    atom = draw(st.booleans())
    field = lambda: encode(draw(hostile), draw(encodings))  # noqa: E731
    items = []
    for n in range(draw(st.integers(1, 4))):
        title = encode(MARK.format(n=n), "escaped") + field()
        if draw(st.integers(0, 9)) == 0:
            title += "T" * draw(st.sampled_from([600, 100_000]))  # a huge title
        body, author, link, category = field(), field(), field(), field()
        if atom:
            href, term = (escape(v, {"'": "&apos;"}) for v in (link, category))
            items.append(f"<entry><id>urn:x:{n}</id><title type='html'>{title}</title><updated>2026-11-24T10:00:00Z"
                         f"</updated><author><name>{author}</name></author><link href='{href}'/>"
                         f"<category term='{term}'/><content type='html'>{body}</content>"
                         f"<summary>{field()}</summary></entry>")
        else:
            items.append(f"<item><guid>g{n}</guid><title>{title}</title><link>{link}</link><author>{author}</author>"
                         f"<category>{category}</category><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>"
                         f"<description>{body}</description><content:encoded>{field()}</content:encoded></item>")
    head = field()
    if atom:
        doc = (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>{head}</title>"
               f"<id>urn:x</id><updated>2026-11-24T10:00:00Z</updated>{''.join(items)}</feed>")
    else:
        doc = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
               f"xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>{head}</title>"
               f"<link>http://example.org/</link><description>x</description>{''.join(items)}</channel></rss>")
    return doc.encode("utf-8")


def rendered(*renderables: object, terminal: bool) -> str:
    screen = Console(file=io.StringIO(), force_terminal=terminal, color_system="truecolor" if terminal else None,
                     width=120, highlight=False, emoji=False)
    for renderable in renderables:
        screen.print(renderable)
    return screen.file.getvalue()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("fuzz") / "fuzz.db") as store:
        yield store


def test_generated_hostile_feeds_never_crash_or_reach_the_terminal(fuzz_store: Store) -> None:
    names = (f"fuzz-{n}" for n in itertools.count())

    @settings(max_examples=200, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(feeds())
    def check(body: bytes) -> None:
        try:
            parsed = parse_feed(body, now=NOW)
        except FeedParseError:
            return  # a clean per-feed error (its message is cleaned by the refresh, see test_feed_cases)
        records = [entry_record(e) for e in parsed.entries]
        name = next(names)
        fuzz_store.sync_feeds([FeedSpec(name, "http://example.org/rss")])
        fuzz_store.save_entries(name, records, now=NOW)
        previews = fuzz_store.previews(Filter(feed=name))
        articles = [fuzz_store.article(p.id) for p in previews]
        for record in records:
            for value in (record.title, record.author, record.summary, record.content, record.link,
                          *record.categories):
                assert_clean(value, "stored")
            assert record.link == "" or record.link.startswith(("http://", "https://"))
        shown: list[object] = [console.preview_table(previews, NOW)]
        for article in articles:
            assert article is not None
            shown.append(console.article_view(article))
            shown.extend(p.text for p in render.render_paragraphs(article.body))
            shown.extend(render.preview_lines(article.preview, NOW))
        output = rendered(*shown, terminal=True)
        assert_terminal_clean(output, "terminal output")
        plain = SGR.sub("", output)  # what a pipe gets: the same text without the styling
        for preview in previews:
            if preview.title.startswith("[bold]M"):
                assert preview.title[:16] in plain.replace("\n", "")  # the markup is shown, not applied

    check()


def render_all(title: str, feed: str, body: str) -> list[Text]:
    preview = Preview(1, feed, title, "", NOW, False, False, body, ())
    shown: list[Text] = [*render.preview_lines(preview, NOW), render.marked(title, [(0, len(title))], "bold")]
    shown.extend(p.text for p in render.render_paragraphs(body + "\n\n" + title))
    return shown


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(), st.text(), st.text())
def test_the_app_renderers_clean_whatever_reaches_them(title: str, feed: str, body: str) -> None:
    """reader.text.render sanitises again before the screen: raw text in, nothing controlling out."""
    shown = render_all(title, feed, body)
    assert_clean(rendered(*shown, terminal=False), "plain")
    assert_terminal_clean(rendered(*shown, terminal=True), "terminal")


def test_line_separators_do_not_reach_the_screen_raw() -> None:
    shown = render_all("", "", "0\x1f\u20280")
    assert_clean(rendered(*shown, terminal=False), "plain")

