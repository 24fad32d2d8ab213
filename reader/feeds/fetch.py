"""HTTP for feeds and pages: one httpx client, bounded concurrency, a total deadline, a size cap.

The body is read raw and decompressed here, under the cap, because httpx would inflate a gzip bomb
in one piece before any limit could apply.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import importlib.util
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.feeds import tls
from reader.models import Settings
from reader.text.messages import _
from reader.text.sanitize import clean_line

if TYPE_CHECKING:
    import httpx
# httpx itself (40 ms, 55 with httpcore) is imported with the first client: a refresh starts its parse
# workers first, and their fork server imports the parsers on the other core meanwhile.

ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
# An error page up to this size, arriving within this time, is read (and dropped) so that its connection
# can be reused.
ERROR_PAGE_CAP = 64 * 1024
ERROR_PAGE_WAIT = 0.5
# A 429 or 503 whose Retry-After is missing or unreadable still asks us to wait: this long.
DEFAULT_BACKOFF = 600.0

# httpcore runs `import sniffio` inside every lock and connection it sets up (6 times a request). Without
# sniffio installed (anyio 4 no longer needs it) each attempt searches sys.path again: 600 failed imports,
# 35-50 ms of every refresh of 100 feeds. A None entry makes the failed import instant; httpcore then
# assumes asyncio, which is what this program runs.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]


class FetchError(Exception):
    """A request that gave no usable body; the message is short and safe to show.

    too_large: the body is over the cap, which asking again will not change.
    """

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None,
                 too_large: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.too_large = too_large


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response worth keeping: a body (status 2xx) or 'not modified' (304)."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    duration: float

    @property
    def not_modified(self) -> bool:
        """True for a 304: the cached copy is current."""
        return self.status == 304


class Fetcher:
    """Fetches URLs concurrently with one shared client (use as an async context manager)."""

    def __init__(self, settings: Settings, *, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self._own_client = client is None
        self.client = client or _make_client(settings)
        self._slots = asyncio.Semaphore(settings.concurrency)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client if this fetcher made it."""
        if self._own_client:
            await self.client.aclose()

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    max_bytes: int | None = None, accept: str = ACCEPT) -> FetchResult:
        """GET one URL under the total deadline; raise FetchError on any failure."""
        import httpx

        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        cap = max_bytes or self.settings.max_feed_bytes
        async with self._slots:
            started = time.monotonic()
            try:
                # httpx timeouts apply per read; this bounds the whole exchange, slow drips included.
                async with asyncio.timeout(self.settings.timeout):
                    return await self._get(url, headers, cap, started)
            except (TimeoutError, httpx.TimeoutException):
                seconds = f"{self.settings.timeout:g}"
                raise FetchError(_("timed out after {seconds} s").format(seconds=seconds)) from None
            except httpx.TooManyRedirects:
                most = self.settings.max_redirects
                raise FetchError(_("too many redirects (more than {n})").format(n=most)) from None
            except httpx.ConnectError as exc:
                raise FetchError(_("cannot connect: {reason}").format(reason=_reason(exc))) from None
            except (httpx.ReadError, httpx.RemoteProtocolError) as exc:
                text = clean_line(str(exc), 200)
                if isinstance(exc, httpx.ReadError) or text.startswith("peer closed connection"):
                    detail = text.removeprefix("peer closed connection without sending complete message body")
                    raise FetchError(_("the connection closed early ({detail})").format(
                        detail=detail.strip(" ()") or _("reset"))) from None
                raise FetchError(f"{type(exc).__name__}: {_reason(exc)}") from None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(f"{type(exc).__name__}: {_reason(exc)}") from None

    async def _get(self, url: str, headers: dict[str, str], cap: int, started: float) -> FetchResult:
        async with self.client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                # A 304 has no body, but until its (empty) end is read the connection counts as busy and
                # is closed instead of reused: every conditional GET then paid for a new connection.
                await _read_capped(response, cap)
                body = b""
            elif response.status_code >= 400 or response.status_code < 200:
                await _drain(response)
                raise _status_error(response)
            else:
                body = await _read_capped(response, cap)
            return FetchResult(
                url=str(response.url),
                status=response.status_code,
                body=body,
                content_type=response.headers.get("content-type"),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                duration=time.monotonic() - started,
            )


def _make_client(settings: Settings) -> httpx.AsyncClient:
    import httpx

    limits = httpx.Limits(max_connections=settings.concurrency * 2,
                          max_keepalive_connections=settings.concurrency)
    return httpx.AsyncClient(
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        limits=limits,
        verify=tls.context(),
        event_hooks={"response": [_refuse_odd_redirect]},
    )


async def _refuse_odd_redirect(response: httpx.Response) -> None:
    """A redirect to anything but http(s) (file:, javascript:...) ends the request with a clear error."""
    if not response.has_redirect_location:
        return
    try:
        scheme = urlsplit(response.headers.get("location", "").strip()).scheme.lower()
    except ValueError:
        return  # httpx reports a malformed location itself
    if scheme and scheme not in ("http", "https"):
        raise FetchError(_("redirect to an unsupported scheme ('{scheme}:')").format(scheme=clean_line(scheme, 20)),
                         status=response.status_code)


def _reason(exc: Exception) -> str:
    return clean_line(str(exc) or type(exc).__name__, 200)


def _status_error(response: httpx.Response) -> FetchError:
    reason = clean_line(response.reason_phrase or "", 60)
    retry_after = None
    if response.status_code in (429, 503):
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retry_after is None:
            retry_after = DEFAULT_BACKOFF
    message = f"HTTP {response.status_code} {reason}".strip()
    if response.status_code == 410:
        message += ": " + _("the feed no longer exists; remove it from feeds.toml")
    return FetchError(message, status=response.status_code, retry_after=retry_after)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date), capped at a day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), 86400.0)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = time.time() if now is None else now
    return min(max(0.0, when.timestamp() - now), 86400.0)


async def _drain(response: httpx.Response) -> None:
    """Read a small error page to its end, so that its connection is reused rather than closed (as with a 304).

    A large or slow one is left unread: a new connection costs less than waiting for a page nobody reads.
    """
    import httpx

    with contextlib.suppress(FetchError, TimeoutError, httpx.HTTPError):
        async with asyncio.timeout(ERROR_PAGE_WAIT):
            await _read_capped(response, ERROR_PAGE_CAP)


async def _read_capped(response: httpx.Response, cap: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap and not response.headers.get("content-encoding"):
        raise FetchError(_("the body is larger than the limit ({size} > {cap} bytes)").format(
            size=f"{int(declared):,}", cap=f"{cap:,}"), too_large=True)
    decoder = _Decoder(response.headers.get("content-encoding", ""), cap)
    chunks: list[bytes] = []
    async for chunk in response.aiter_raw():
        chunks.append(decoder.feed(chunk))
    chunks.append(decoder.flush())
    return b"".join(chunks)


class _Decoder:
    """Undoes Content-Encoding (gzip, deflate, stacked) while counting the decoded bytes against a cap."""

    def __init__(self, header: str, cap: int) -> None:
        names = [n for n in (part.strip().lower() for part in header.split(",")) if n and n != "identity"]
        unknown = [n for n in names if n not in ("gzip", "x-gzip", "deflate")]
        if unknown:
            raise FetchError(_("unsupported content encoding: {name}").format(name=clean_line(unknown[0], 40)))
        # Encodings are listed in the order they were applied, so they are undone in reverse.
        self.stages = [_inflater(n) for n in reversed(names)]
        self.cap = cap
        self.size = 0

    def feed(self, data: bytes) -> bytes:
        for stage in self.stages:
            data = self._inflate(stage, data)
        return self._count(data)

    def flush(self) -> bytes:
        data = b""
        for stage in self.stages:
            data = self._inflate(stage, data) + stage.flush()
        return self._count(data)

    def _inflate(self, stage: zlib._Decompress, data: bytes) -> bytes:
        # Never ask for more than the cap allows, so a bomb stops after cap + 1 bytes.
        try:
            out = stage.decompress(data, self.cap - self.size + 1)
        except zlib.error as exc:
            raise FetchError(_("the compressed body is corrupt ({error})").format(error=exc)) from None
        if stage.unconsumed_tail:
            raise self._too_big()
        return out

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.cap:
            raise self._too_big()
        return data

    def _too_big(self) -> FetchError:
        return FetchError(_("the body is larger than the limit ({cap} bytes)").format(cap=f"{self.cap:,}"),
                          too_large=True)


def _inflater(name: str) -> zlib._Decompress:
    # 47 = 32 + 15: zlib detects a gzip or zlib header; deflate without a header is raw (-15).
    return zlib.decompressobj(47 if name != "deflate" else 15 + 32)


def http_date(moment: datetime) -> str:
    """An RFC 9110 date, as sent in Last-Modified."""
    return email.utils.format_datetime(moment.astimezone(UTC), usegmt=True)
