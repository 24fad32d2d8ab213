"""What hostile input costs: each case of issue 16 §3 (and the sanitiser's own) in a process of its own,
under a time and a memory limit, printed with its figures.

    .venv/bin/python bench/adversarial.py [--articles 20000] [--timeout 30] [--memory-mb 1500] [--only WORD]

Cases call the code as it is (the command line, reader.annotate.annotate, Store.search, the sanitiser), so
the same script measures each fix once it is merged. A case that overruns its limit is killed and shown
as such ("killed at 30 s", "MemoryError"): the figure is then a lower bound. The command-line cases read a
store of --articles articles, built once and kept in /tmp.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Inputs, built inside each case's process (a literal of 10 MB would be the script's cost, not the case's).
WORDS = "la squadra di Conte ha vinto il derby con un gol di Lautaro al novantesimo e Thuram ha detto "


@dataclass(frozen=True)
class Case:
    """One adversarial input: what it is, and the Python run in a fresh process (or a command line)."""

    name: str
    what: str
    code: str = ""
    command: tuple[str, ...] = ()


def cases(data_dir: Path) -> list[Case]:
    cli = ("-m", "reader", "--data-dir", str(data_dir))
    vocabulary = WORDS.split()
    words = lambda n: " ".join((vocabulary * n)[:n])  # noqa: E731 - words every article has: each one matches
    return [
        # The command line's numbers (validated at the argument parser once that fix is in).
        Case("list -n -1", "every article at once: -1 meant unlimited", command=(*cli, "list", "-n", "-1")),
        Case("list -n 10^20", "a limit past 64 bits", command=(*cli, "list", "-n", "99999999999999999999")),
        Case("show 2^63", "an id past 64 bits", command=(*cli, "show", "9223372036854775808")),
        Case("list --json", "the default page, as JSON", command=(*cli, "list", "--json")),
        # Search: the query's length.
        *(Case(f"search {n} words", f"a query of {n} words that every article has",
               command=(*cli, "search", *words(n).split())) for n in (200, 400, 5000)),
        # The annotator: quote marks and sheer length.
        Case("annotate 50k «", "50,000 '«' (100 kB): a feed summary inside the 200,000-character cap",
             code='from reader.annotate import annotate\nannotate("«" * 50_000)'),
        Case("annotate 25k «a»", "25,000 short quotes, each closed (100 kB)",
             code='from reader.annotate import annotate\nannotate("«a» " * 25_000)'),
        Case("annotate 800 kB words", "800 kB of ordinary words in paragraphs",
             code=f'from reader.annotate import annotate\nannotate(("{WORDS}" * 80 + "\\n\\n") * 105)'),
        Case("annotate 10 MB line", "one 10 MB line without a paragraph break",
             code=f'from reader.annotate import annotate\nannotate("{WORDS}" * 110_000)'),
        # The sanitiser, stored and shown: introducers without an end, runs of controls, long text.
        Case("clean 200k 8-bit OSC", "200,000 unterminated U+009D introducers",
             code='from reader.text.sanitize import clean_text\nclean_text("\\x9d" * 200_000)'),
        Case("clean 100k ESC ]", "100,000 unterminated 7-bit OSC introducers",
             code='from reader.text.sanitize import clean_text\nclean_text("\\x1b]" * 100_000)'),
        Case("clean 1 MB mixed", "1 MB of text with an escape, a bidi mark or a C1 control every 10 characters",
             code='from reader.text.sanitize import clean_paragraphs\n'
                  'clean_paragraphs("Gol di Lau\\x1b[31m\\u202etaro\\x9b2J " * 40_000)'),
        Case("html 100k &#27;", "100,000 escapes written as &#27; references in HTML",
             code='from reader.text.htmltext import html_to_text\nhtml_to_text("<p>" + "&#27;[31mx" * 100_000)'),
        Case("display 1 MB", "clean_display over 1 MB of clean text (what every row shown pays)",
             code='from reader.text.sanitize import clean_display\nclean_display("Perché la città " * 62_500)'),
        # The store: one feed body at the caps.
        Case("store 5000 x 1 kB", "one feed of 5,000 entries (the per-body cap) parsed, sanitised and stored",
             code=textwrap.dedent("""
                 import tempfile
                 from datetime import UTC, datetime
                 from pathlib import Path
                 from reader.feeds.ingest import store_body
                 from reader.feeds.pool import Validators
                 from reader.models import FeedSpec
                 from reader.store import Store
                 items = "".join(f"<item><title>Notizia {n}</title><guid>g{n}</guid><description>"
                                 + "parole della cronaca " * 50 + "</description></item>" for n in range(5000))
                 body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
                 path = Path(tempfile.mkdtemp()) / "cache.db"
                 Store(path).sync_feeds([FeedSpec("F", "http://127.0.0.1/")])
                 store_body(path, "F", body.encode(), content_type="application/rss+xml",
                            now=datetime.now(UTC), retention_days=None, validators=Validators(None, None, None))
             """)),
    ]


def build_store(articles: int) -> Path:
    """A data dir with `articles` articles of ~1.5 kB over 20 feeds, built once and kept in /tmp."""
    data_dir = Path(tempfile.gettempdir()) / f"sportreader-bench-adversarial-{articles}"
    if (data_dir / "sportreader.db").exists():
        return data_dir
    sys.path.insert(0, str(ROOT))
    from datetime import UTC, datetime, timedelta

    from reader.models import FeedSpec
    from reader.store import EntryRecord, Store

    started = time.perf_counter()
    partial = data_dir.with_name(data_dir.name + ".partial")
    now = datetime.now(UTC)
    with Store(partial / "sportreader.db") as store:
        store.sync_feeds([FeedSpec(f"Feed {n}", f"http://127.0.0.1/{n}") for n in range(20)])
        for start in range(0, articles, 20 * 500):
            for feed in range(20):
                records = [EntryRecord(f"e{n}", f"Notizia {n}: {WORDS[:60]}", f"http://e.org/{n}", "",
                                       WORDS * 16, "", (), now - timedelta(minutes=n), None)
                           for n in range(start + feed, min(start + 20 * 500, articles), 20)]
                store.save_entries(f"Feed {feed}", records, now=now)
    partial.rename(data_dir)
    print(f"built {articles:,} articles in {time.perf_counter() - started:.0f} s", flush=True)
    return data_dir


@dataclass(frozen=True)
class Outcome:
    seconds: float
    peak_mb: float
    result: str


def measure(case: Case, timeout: float, memory_mb: int) -> Outcome:
    """Run the case in a fresh process under the limits: wall seconds, peak RSS, how it ended."""
    argv = [PYTHON, *case.command] if case.command else [PYTHON, "-c", case.code]
    limit = memory_mb * 1024 * 1024

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a case that writes a lot never blocks on it
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors, preexec_fn=limits,
                                   env={**os.environ, "COLUMNS": "200"})
        killed = False
        while not (waited := os.wait4(process.pid, os.WNOHANG))[0]:
            if time.perf_counter() - started > timeout:
                process.kill()
                killed = True
                waited = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        _, status, usage = waited
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace")
    return Outcome(seconds, usage.ru_maxrss / 1024, _result(process.returncode, err, killed, timeout))


def _result(code: int, err: str, killed: bool, timeout: float) -> str:
    if killed:
        return f"killed at {timeout:g} s"
    if "MemoryError" in err:
        return "MemoryError"
    last = next((line for line in reversed(err.strip().splitlines()) if line.strip()), "")
    if "Traceback" in err:
        return f"exit {code}: traceback ({last[:60]})"
    return f"exit {code}" + (f": {last[:60]}" if code and last else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000, help="articles in the store the CLI cases read")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds a case may take before it is killed")
    parser.add_argument("--memory-mb", type=int, default=1500, help="address space a case may take")
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    args = parser.parse_args()
    data_dir = build_store(args.articles)
    chosen = [c for c in cases(data_dir) if args.only in c.name]
    print(f"{len(chosen)} cases, each under {args.timeout:g} s and {args.memory_mb} MB; store: {args.articles:,} "
          "articles")
    print(f"  {'case':<24} {'seconds':>8} {'peak MB':>8}  outcome  (what)")
    for case in chosen:
        outcome = measure(case, args.timeout, args.memory_mb)
        print(f"  {case.name:<24} {outcome.seconds:8.2f} {outcome.peak_mb:8.0f}  {outcome.result}  ({case.what})",
              flush=True)


if __name__ == "__main__":
    main()
