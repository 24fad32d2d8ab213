"""The demo edition: invented outlets and articles, served from 127.0.0.1 to the normal refresh path.

`edition.toml` lists the outlets and articles (written by the sportreader authors), `pages/` holds each
article's full HTML page. Feeds are generated when the server starts, dated relative to that moment, so
the edition always looks fresh.

May import: the standard library, reader.models and reader.settings. Never Textual, reader.cli or reader.ui.
"""

from __future__ import annotations

import hashlib
import threading
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from xml.sax.saxutils import escape, quoteattr

from reader.models import FeedSpec, Settings
from reader.settings.config import Config

EDITION_DIR = Path(__file__).parent
DEMO_SUBDIR = "demo"
DEFAULT_PORT = 47_611  # tried first, so links stay the same from run to run; any free port otherwise
ANCHOR_LIFETIME = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Outlet:
    """An invented news outlet of the demo edition."""

    slug: str
    name: str
    format: str
    tags: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One article of the demo edition; its page is pages/<slug>.html."""

    outlet: str
    slug: str
    title: str
    summary: str
    author: str
    hours_ago: float
    categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Edition:
    """The whole demo edition."""

    outlets: tuple[Outlet, ...]
    articles: tuple[DemoArticle, ...]

    def page(self, slug: str) -> bytes:
        """The HTML page of an article."""
        return (EDITION_DIR / "pages" / f"{slug}.html").read_bytes()


def load_edition(directory: Path = EDITION_DIR) -> Edition:
    """Read edition.toml."""
    data = tomllib.loads((directory / "edition.toml").read_text(encoding="utf-8"))
    outlets = tuple(Outlet(o["slug"], o["name"], o.get("format", "rss"), tuple(o.get("tags", [])),
                           o.get("description", "")) for o in data["outlets"])
    articles = tuple(DemoArticle(a["outlet"], a["slug"], a["title"], a["summary"], a.get("author", ""),
                                 float(a.get("hours_ago", 1)), tuple(a.get("categories", [])))
                     for a in data["articles"])
    return Edition(outlets, articles)


def feed_path(outlet: Outlet) -> str:
    """Where the server publishes an outlet's feed."""
    return f"/{outlet.slug}/{'atom' if outlet.format == 'atom' else 'rss'}.xml"


def article_path(article: DemoArticle) -> str:
    """Where the server publishes an article's page."""
    return f"/{article.outlet}/articoli/{article.slug}.html"


def entry_id(article: DemoArticle) -> str:
    """A guid that does not depend on the server's port, so entries stay the same across runs."""
    return f"tag:sportreader.demo,2025:{article.outlet}/{article.slug}"


def edition_time(data_dir: Path, now: datetime | None = None) -> datetime:
    """The moment the edition is dated from, kept in the data dir for a day.

    Feeds dated from a fixed moment are byte-identical from run to run, so a second refresh is a
    304 like a real feed's; after a day the edition is re-dated so that it still looks fresh.
    """
    now = now or datetime.now(UTC)
    marker = data_dir / "edition-time"
    try:
        anchored = datetime.fromisoformat(marker.read_text(encoding="ascii").strip())
        if timedelta(0) <= now - anchored < ANCHOR_LIFETIME:
            return anchored
    except (OSError, ValueError):
        pass
    anchored = now.replace(microsecond=0)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        marker.write_text(anchored.isoformat(), encoding="ascii")
    except OSError:
        pass  # a read-only data dir only costs the 304s
    return anchored


def render_feed(edition: Edition, outlet: Outlet, base: str, now: datetime) -> bytes:
    """The RSS 2.0 or Atom document of one outlet, dated relative to now."""
    articles = sorted((a for a in edition.articles if a.outlet == outlet.slug), key=lambda a: a.hours_ago)
    render = _atom if outlet.format == "atom" else _rss
    return render(outlet, articles, base, now).encode("utf-8")


def _rss(outlet: Outlet, articles: list[DemoArticle], base: str, now: datetime) -> str:
    items = []
    for a in articles:
        link = base + article_path(a)
        cats = "".join(f"<category>{escape(c)}</category>" for c in a.categories)
        items.append(
            f"<item><title>{escape(a.title)}</title><link>{escape(link)}</link>"
            f"<guid isPermaLink=\"false\">{escape(entry_id(a))}</guid><author>{escape(a.author)}</author>"
            f"<pubDate>{format_datetime(now - timedelta(hours=a.hours_ago))}</pubDate>{cats}"
            f"<description>{escape('<p>' + escape(a.summary) + '</p>')}</description></item>"
        )
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(outlet.name)}</title><link>{escape(base)}/{outlet.slug}/</link>"
            f"<description>{escape(outlet.description)}</description><language>it</language>"
            f"{''.join(items)}</channel></rss>\n")


def _atom(outlet: Outlet, articles: list[DemoArticle], base: str, now: datetime) -> str:
    entries = []
    for a in articles:
        link = base + article_path(a)
        when = (now - timedelta(hours=a.hours_ago)).isoformat()
        cats = "".join(f"<category term={quoteattr(c)}/>" for c in a.categories)
        entries.append(
            f"<entry><id>{escape(entry_id(a))}</id><title>{escape(a.title)}</title><link href={quoteattr(link)}/>"
            f"<updated>{when}</updated><published>{when}</published>"
            f"<author><name>{escape(a.author)}</name></author>{cats}"
            f"<summary type=\"text\">{escape(a.summary)}</summary></entry>"
        )
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(outlet.name)}</title><id>{escape(base)}/{outlet.slug}/</id>"
            f"<updated>{now.isoformat()}</updated><subtitle>{escape(outlet.description)}</subtitle>"
            f"{''.join(entries)}</feed>\n")


class DemoServer:
    """Serves the edition on 127.0.0.1 (a free port) from a thread of its own; use as a context manager."""

    def __init__(self, edition: Edition | None = None, now: datetime | None = None,
                 port: int = DEFAULT_PORT) -> None:
        self.edition = edition or load_edition()
        self._now = now
        self._pages: dict[str, tuple[bytes, str]] = {}
        self._http = _bind(port, _handler(self._pages))
        self.base = f"http://127.0.0.1:{self._http.server_address[1]}"
        # A daemon, so a server nobody stops never holds the exit; `stop` joins it.
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.1,), daemon=True,
                                        name="demo-server")

    def start(self) -> DemoServer:
        """Render the feeds and start serving."""
        now = self._now or datetime.now(UTC)
        for outlet in self.edition.outlets:
            kind = "application/atom+xml" if outlet.format == "atom" else "application/rss+xml"
            body = render_feed(self.edition, outlet, self.base, now)
            self._pages[feed_path(outlet)] = (body, f"{kind}; charset=utf-8")
        for article in self.edition.articles:
            self._pages[article_path(article)] = (self.edition.page(article.slug), "text/html; charset=utf-8")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; every thread of the server has ended when this returns (none is left to exit under)."""
        self._http.shutdown()
        self._http.server_close()  # joins the request threads (not daemons)
        self._thread.join()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def config(self, base: Config | None = None) -> Config:
        """A config whose feeds are this server's outlets (settings and names kept from `base`)."""
        feeds = tuple(FeedSpec(o.name, self.base + feed_path(o), o.tags) for o in self.edition.outlets)
        settings = base.settings if base else Settings()
        names = base.names if base else {}
        return Config(path=EDITION_DIR / "edition.toml", origin="demo edition", settings=settings, feeds=feeds,
                      names=names)


def _bind(port: int, handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """A server on 127.0.0.1:port, or on a free port when that one is taken."""
    try:
        return _Server(("127.0.0.1", port), handler)
    except OSError:
        return _Server(("127.0.0.1", 0), handler)


class _Server(ThreadingHTTPServer):
    # A class attribute, read when the socket starts listening: the default backlog of 5 drops
    # connections when the app fetches every feed and page at once (each then waits a second).
    request_queue_size = 64
    # Joined by server_close: the process never exits with one of them inside a socket call. Each serves one
    # request (HTTP/1.0) and ends, so the join is at once.
    daemon_threads = False


def _handler(pages: dict[str, tuple[bytes, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        """Static pages with an ETag, so the demo exercises conditional GET too."""

        # Headers and body are two writes: without this the body waits 40 ms for the client's delayed ACK.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass  # the TUI owns the terminal

        def do_GET(self) -> None:
            page = pages.get(self.path)
            if page is None:
                self.send_error(404, "Not Found")
                return
            body, content_type = page
            etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    return Handler
