"""The demo edition: invented outlets and articles, served from 127.0.0.1 to the normal refresh path.

`edition.toml` lists the outlets, the articles (written by the sportreader authors) and the edition's own
calendar of fixtures; `pages/` holds each article's full HTML page. Feeds are generated when the server
starts, dated relative to that moment, so the edition always looks fresh; the fixtures are dated the same
way and served as openfootball's JSON (one file per competition and season), so the match centre reads
them through the same path as a downloaded season.

May import: the standard library, reader.models and reader.settings. Never Textual, reader.cli or reader.ui.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import tomllib
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from reader.models import FeedSpec, FixturesSpec, Settings
from reader.settings.config import Config

EDITION_DIR = Path(__file__).parent
DEFAULT_PORT = 47_611  # tried first, so links stay the same from run to run; any free port otherwise
PORT_VARIABLE = "SPORTREADER_DEMO_PORT"  # another port to try first (tests, or 47611 taken by something else)
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
class DemoFixture:
    """A match of the demo edition's calendar; `hours_ago` is its kick-off (negative: still to come)."""

    competition: str
    round: str
    home: str
    away: str
    hours_ago: float
    score: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Edition:
    """The whole demo edition."""

    outlets: tuple[Outlet, ...]
    articles: tuple[DemoArticle, ...]
    fixtures: tuple[DemoFixture, ...] = ()

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
    fixtures = tuple(DemoFixture(f["competition"], f["round"], f["home"], f["away"], float(f["hours_ago"]),
                                 (int(f["score"][0]), int(f["score"][1])) if "score" in f else None)
                     for f in data.get("fixtures", []))
    return Edition(outlets, articles, fixtures)


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


def fixtures_path(competition: str, season: str) -> str:
    """Where the server publishes a competition's season, as openfootball names its files."""
    return f"/fixtures/{season}/{competition}.json"


def render_fixtures(edition: Edition, now: datetime) -> dict[tuple[str, str], bytes]:
    """The calendar as openfootball's JSON, one document per (competition, season), dated relative to now
    on Italian clocks (as openfootball writes them)."""
    rome = ZoneInfo("Europe/Rome")
    matches: dict[tuple[str, str], list[dict[str, object]]] = {}
    for f in edition.fixtures:
        kickoff = (now - timedelta(hours=f.hours_ago)).astimezone(rome)
        start = kickoff.year if kickoff.month >= 7 else kickoff.year - 1  # seasons start in July
        season = f"{start}-{(start + 1) % 100:02d}"
        score = {"ft": list(f.score)} if f.score else {}
        matches.setdefault((f.competition, season), []).append(
            {"round": f.round, "date": kickoff.strftime("%Y-%m-%d"), "time": kickoff.strftime("%H:%M"),
             "team1": f.home, "team2": f.away, "score": score})
    return {(code, season): json.dumps({"name": f"sportreader demo {code} {season.replace('-', '/')}",
                                        "matches": items}, ensure_ascii=False, indent=1).encode("utf-8")
            for (code, season), items in matches.items()}


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
                 port: int | None = None) -> None:
        self.edition = edition or load_edition()
        self._now = now
        self._pages: dict[str, tuple[bytes, str]] = {}
        if port is None:
            port = int(os.environ.get(PORT_VARIABLE) or DEFAULT_PORT)
        self._http = _bind(port, _handler(self._pages))
        self.fixtures: dict[tuple[str, str], bytes] = {}  # rendered when the server starts
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
        self.fixtures = render_fixtures(self.edition, now)
        for (code, season), body in self.fixtures.items():
            self._pages[fixtures_path(code, season)] = (body, "application/json; charset=utf-8")
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
        """A config whose feeds and fixtures are this server's; everything else (settings, names, keys,
        highlight) is `base`'s.

        It prefetches the full pages: they are served from here, so search covers them at no cost.
        """
        feeds = tuple(FeedSpec(o.name, self.base + feed_path(o), o.tags) for o in self.edition.outlets)
        kept = base or Config(path=EDITION_DIR / "edition.toml", origin="demo edition", settings=Settings())
        codes = tuple(dict.fromkeys(f.competition for f in self.edition.fixtures))
        fixtures = FixturesSpec(url=self.base + fixtures_path("{code}", "{season}"), competitions=codes)
        return replace(kept, path=EDITION_DIR / "edition.toml", origin="demo edition", feeds=feeds,
                       fixtures=fixtures, settings=replace(kept.settings, prefetch=True))


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
