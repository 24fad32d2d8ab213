"""Would a feedparser-compatible fast parser do? Speed on the farm, agreement on the farm and the corpus.

The last line is what the app runs: feedparser-rs only behind reader.feeds.fastparse's check, feedparser
for everything the check declines; the reference is always feedparser alone (parse_feed(fast=False)).

    pip install --target /tmp/fastparsers feedparser-rs fastfeedparser   # not project dependencies
    .venv/bin/python bench/parsers.py --path /tmp/fastparsers

Each candidate's result goes through the same normalisation as feedparser's (reader.feeds.parse._normalise,
with a small adapter for its result's shape) and the ParsedFeed is compared with parse_feed's: equal,
or which fields differ. The corpus is feedparser's own test suite (../shared/corpora/feedparser-tests).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from farm import make_feed  # noqa: E402

from reader.feeds.parse import _normalise, _refuse_unsafe, parse_feed  # noqa: E402
from reader.models import FeedParseError  # noqa: E402

NOW = datetime(2026, 11, 25, tzinfo=UTC)
CORPUS = ROOT.parent / "shared" / "corpora" / "feedparser-tests"


class _RsView(dict):  # type: ignore[type-arg]
    """feedparser_rs objects seen as the FeedParserDicts that _normalise reads."""

    def __init__(self, obj: Any) -> None:
        super().__init__()
        self.obj = obj
        for key in ("published_parsed", "updated_parsed"):
            if getattr(obj, key, None) is not None:
                self[key] = getattr(obj, key)
        # feedparser_rs copies pubDate into `updated` (feedparser's deprecated alias); feedparser does not.
        if "updated_parsed" in self and getattr(obj, "updated", None) == getattr(obj, "published", None):
            del self["updated_parsed"]

    def get(self, key: str, default: Any = None) -> Any:
        value = getattr(self.obj, key, None) if not hasattr(self.obj, "get") else self.obj.get(key)
        if value is None:
            return default
        if isinstance(value, list):
            return [_RsView(v) if hasattr(v, "get") else v for v in value]
        return _RsView(value) if hasattr(value, "get") else value

    def __getitem__(self, key: str) -> Any:
        return self.get(key)


def feedparser_rs_adapter() -> Callable[[bytes], Any]:
    import feedparser_rs

    def parse(body: bytes) -> Any:
        r = feedparser_rs.parse(body, sanitize_html=False, resolve_relative_uris=False)
        return {"entries": [_RsView(e) for e in r.entries], "bozo": r.bozo, "bozo_exception": r.bozo_exception,
                "version": r.version, "feed": _RsView(r.feed)}

    return parse


def fastfeedparser_adapter() -> Callable[[bytes], Any]:
    import fastfeedparser

    def entry(e: dict[str, Any]) -> dict[str, Any]:
        out = dict(e)
        for key in ("published", "updated"):  # ISO strings, no *_parsed
            if e.get(key):
                try:
                    moment = datetime.fromisoformat(e[key])
                    out[key + "_parsed"] = moment.utctimetuple() if moment.tzinfo else moment.timetuple()
                except ValueError:
                    pass
        if "description" in e and "summary" not in e:
            out["summary"] = e["description"]
        return out

    def parse(body: bytes) -> Any:
        r = fastfeedparser.parse(body)
        return {"entries": [entry(e) for e in r.get("entries", [])], "bozo": 0, "version": r.get("version", "?"),
                "feed": r.get("feed", {})}

    return parse


def outcome(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except FeedParseError:
        return "error"
    except Exception as exc:  # a candidate's crash is a difference, not the end of the comparison
        return f"crash: {type(exc).__name__}"


def difference(a: Any, b: Any) -> str:
    if isinstance(a, str) or isinstance(b, str):
        return f"feedparser {'ok' if not isinstance(a, str) else a} / candidate {'ok' if not isinstance(b, str) else b}"
    if len(a.entries) != len(b.entries):
        return "entry count"
    fields = {"feed title"} if a.title != b.title else set()
    for x, y in zip(a.entries, b.entries, strict=True):
        fields.update(f for f in x.__slots__ if getattr(x, f) != getattr(y, f))
    return ", ".join(sorted(fields)) or "warning"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", action="append", default=[], help="a directory the candidates are installed in")
    args = parser.parse_args()
    sys.path.extend(args.path)
    farm = [make_feed(i, 50) for i in range(100)]
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".xml", ".json", ".rdf"))
    started = time.process_time()
    reference = [outcome(lambda b=b, c=c: parse_feed(b, content_type=f"application/rss+xml; charset={c}", now=NOW,
                                                     fast=False)) for b, c in farm]
    print(f"feedparser: farm (100 feeds x 50 items) {time.process_time() - started:.2f} s CPU, parse + normalise")
    corpus_reference = [outcome(lambda p=p: parse_feed(p.read_bytes(), now=NOW, fast=False)) for p in files]
    for name, make in (("feedparser-rs", feedparser_rs_adapter), ("fastfeedparser", fastfeedparser_adapter)):
        try:
            parse = make()
        except ImportError:
            print(f"{name}: not installed (see the docstring)")
            continue

        def via(body: bytes, parse: Callable[[bytes], Any] = parse) -> Any:
            _refuse_unsafe(body)
            return _normalise(parse(body), NOW, body)

        started = time.process_time()
        mine = [outcome(lambda b=b: via(b)) for b, _ in farm]
        seconds = time.process_time() - started
        same_farm = sum(a == b for a, b in zip(reference, mine, strict=True))
        kinds: collections.Counter[str] = collections.Counter()
        examples: dict[str, str] = {}
        for path, a in zip(files, corpus_reference, strict=True):
            b = outcome(lambda path=path: via(path.read_bytes()))
            if a != b:
                kind = difference(a, b)
                kinds[kind] += 1
                examples.setdefault(kind, str(path.relative_to(CORPUS)))
        print(f"{name}: farm {seconds:.2f} s CPU, {same_farm}/100 feeds identical; corpus "
              f"{len(files) - sum(kinds.values())}/{len(files)} files identical")
        for kind, count in kinds.most_common(8):
            print(f"  {count:5}  {kind}   (e.g. {examples[kind]})")
    gated(farm, files, reference, corpus_reference)


def gated(farm: list[tuple[bytes, str]], files: list[Path], reference: list[Any], corpus_reference: list[Any]) -> None:
    """What the app does: feedparser-rs behind reader.feeds.fastparse's check, feedparser for the rest."""
    from reader.feeds import fastparse

    if not fastparse.available():
        print("feedparser-rs behind reader.feeds.fastparse: feedparser-rs not installed")
        return
    started = time.process_time()
    mine = [outcome(lambda b=b, c=c: parse_feed(b, content_type=f"application/rss+xml; charset={c}", now=NOW))
            for b, c in farm]
    seconds = time.process_time() - started
    taken_farm = sum(fastparse.accepts(b, f"application/rss+xml; charset={c}") for b, c in farm)
    taken = same = 0
    for path, a in zip(files, corpus_reference, strict=True):
        body = path.read_bytes()
        if fastparse.parse(body) is not None:
            taken += 1
            same += a == outcome(lambda body=body: parse_feed(body, now=NOW))
    print(f"feedparser-rs behind reader.feeds.fastparse (what the app runs): farm {seconds:.2f} s CPU, "
          f"{taken_farm}/100 feeds taken, {sum(a == b for a, b in zip(reference, mine, strict=True))}/100 "
          f"identical; corpus {taken}/{len(files)} files taken, {same}/{taken} of them identical")


if __name__ == "__main__":
    main()
