"""The annotator against its gold corpus, and its speed.

    python bench/annotate_eval.py [--runs 50] [--errors] [--part in-sample|heldout|all] [--alone]

Prints issue 13's table for the in-sample part (tests/annotate/corpus/articles.txt and press.txt, the
texts the rules are tuned on), the held-out part (heldout.txt, never tuned on) and the whole corpus: quotes
F1 per letter and per span (Jaccard >= 0.9), the speaker right rate over the quotes found, persons and
teams exact-span F1, pagelle marks, kind agreement and person recall on the older texts. Each part is read
as one cache: a first pass learns the names its articles teach (`reader.annotate.people`), the second
annotates every article knowing them (`--alone` skips that). Then the speed (5,000 characters in <= 10 ms),
the cost of the adversarial inputs of issue 16 §3 (tests/annotate/adversarial.py), and, when
../shared/corpora/italian-ner is present, person names (exact spans) on the KIND Wikinews test set: general
news, evaluation only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from reader.annotate import Annotation, annotate  # noqa: E402
from tests.annotate.adversarial import adversarial_cases  # noqa: E402
from tests.annotate.corpus.gold import HELD_OUT, IN_SAMPLE, Document, load_parts  # noqa: E402
from tests.annotate.corpus.score import Report, Score, evaluate  # noqa: E402

KIND = ROOT.parent / "shared" / "corpora" / "italian-ner" / "kind-wikinews" / "WN_test.tsv"
GOALS = {"quotes": 0.98, "quote_spans": 0.95, "speakers": 0.85, "persons": 0.97, "teams": 0.98, "kinds": 0.90,
         "older": 0.90}
ARTICLE_CHARS = 5_000
NO_SPACE_BEFORE = set(",.;:!?)]}»”%")
NO_SPACE_AFTER = ("(", "[", "«", "“", "'", "’")


def gazetteer_load_seconds() -> float:
    """The first call pays for loading the names: time it (must run before anything else annotates)."""
    started = time.perf_counter()
    annotate("Lautaro")
    first = time.perf_counter() - started
    started = time.perf_counter()
    annotate("Lautaro")
    return first - (time.perf_counter() - started)


def annotator(documents: list[Document], *, learn: bool = True) -> Callable[[str], Annotation]:
    """annotate(), knowing the names the documents teach when `learn` (the way the app reads its cache)."""
    try:
        from reader.annotate.people import learn_people
    except ImportError:
        learn = False
    if not learn:
        return annotate
    known = learn_people(annotate(doc.text) for doc in documents).known()
    return lambda text: annotate(text, known=known)


def article_of(documents: list[Document], chars: int = ARTICLE_CHARS) -> str:
    """A realistic article of about `chars` characters: corpus paragraphs one after another."""
    paragraphs = [p for doc in documents for p in doc.paragraphs()]
    text = ""
    while len(text) < chars:
        for paragraph in paragraphs:
            text += paragraph + "\n\n"
            if len(text) >= chars:
                break
    return text[:chars]


def median_ms(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        annotate(text)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def kind_persons(path: Path, sentences_per_text: int = 20) -> Score:
    """Person names on KIND Wikinews (BIO tokens): predicted players and coaches against gold PER spans."""
    score = Score()
    sentences = _read_bio(path)
    for first in range(0, len(sentences), sentences_per_text):
        text, gold = _detokenize(sentences[first:first + sentences_per_text])
        found = [(e.start, e.end) for e in annotate(text).entities if e.kind != "team"]
        score.add(f"kind#{first}", text, gold, found)
    return score


def _read_bio(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        token, _, tag = line.partition("\t")
        sentences[-1].append((token, tag.strip()))
    return [s for s in sentences if s]


def _detokenize(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]]]:
    """Sentences as paragraphs of plain text, with the character spans of their PER entities."""
    text, gold = "", []
    for sentence in sentences:
        if text:
            text += "\n\n"
        person: list[int] | None = None
        for n, (token, tag) in enumerate(sentence):
            if n and token[0] not in NO_SPACE_BEFORE and not sentence[n - 1][0].endswith(NO_SPACE_AFTER):
                text += " "
            if person and tag != "I-PER":
                gold.append((person[0], person[1]))
                person = None
            if tag == "B-PER":
                person = [len(text), 0]
            text += token
            if person is not None:
                person[1] = len(text)
        if person:
            gold.append((person[0], person[1]))
    return text, gold


def figures(report: Report) -> dict[str, tuple[float, str]]:
    """Each figure of the table: (value, how it was counted)."""
    found, right, silent, wrong = report.speaker_counts()
    kinds_right = sum(1 for _, gold, said in report.kinds if gold == said)
    return {
        "quotes": (report.quotes.f1, "F1 per letter"),
        "quote_spans": (report.quote_spans.f1, f"F1 per span, {report.quote_spans.tp} of "
                                                f"{report.quote_spans.tp + report.quote_spans.fn} gold"),
        "speakers": (report.speaker_rate(), f"{right} of {found} found; {silent} silent, {wrong} wrong"),
        "persons": (report.persons.f1, f"exact-span F1, P {report.persons.precision:.3f} R "
                                       f"{report.persons.recall:.3f}"),
        "teams": (report.teams.f1, f"exact-span F1, P {report.teams.precision:.3f} R {report.teams.recall:.3f}"),
        "kinds": (Report.accuracy(report.kinds), f"{kinds_right} of {len(report.kinds)}"),
        "older": (report.older.recall, f"person recall, {report.older.tp} of {report.older.tp + report.older.fn}"),
        "marks": (report.marks.f1, f"pagelle marks F1, {report.marks.tp} of {report.marks.tp + report.marks.fn}"),
        "canonical": (Report.accuracy(report.canonical), f"who an ambiguous name is, {len(report.canonical)}"),
        "matches": (Report.accuracy(report.matches), f"{len(report.matches)} documents"),
    }


def print_table(reports: dict[str, tuple[Report, list[Document]]]) -> None:
    names = list(reports)
    print(f"{'':<12}" + "".join(f"{name:>11}" for name in names) + "   goal")
    sizes = [f"{len(docs)} docs" for _, docs in reports.values()]
    print(f"{'corpus':<12}" + "".join(f"{size:>11}" for size in sizes))
    rows = {name: figures(report) for name, (report, _) in reports.items()}
    for key in rows[names[0]]:
        goal = f"   >= {GOALS[key]:.2f}" if key in GOALS else ""
        print(f"{key:<12}" + "".join(f"{rows[name][key][0]:>11.3f}" for name in names) + goal)
    for name in names:
        print(f"  {name}: " + "; ".join(f"{key} {how}" for key, (_, how) in rows[name].items()))


def print_errors(report: Report) -> None:
    for name in ("quote_spans", "persons", "teams", "marks"):
        score: Score = getattr(report, name)
        for label, items in (("missed", score.missed), ("false", score.false)):
            for item in items:
                print(f"  {name} {label}: {item}")
    for s in report.speakers:
        if not s.right:
            print(f"  speaker {s.where} {s.classes}: gold {s.gold!r}, found "
                  f"{s.said!r}" + ("" if s.found else " (no quote)"))
    for label, pairs in (("canonical", report.canonical), ("match", report.matches), ("kind", report.kinds)):
        for where, gold, found in pairs:
            if Report.accuracy([(where, gold, found)]) < 1:
                print(f"  {label} {where}: gold {gold!r}, found {found!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50, help="timed runs of the 5,000-character article")
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive (in-sample)")
    parser.add_argument("--part", choices=("in-sample", "heldout", "all"), default="all",
                        help="which parts to score (the held-out one is for the final figures)")
    parser.add_argument("--alone", action="store_true", help="annotate each article alone, learning nothing")
    parser.add_argument("--no-adversarial", action="store_true", help="skip the adversarial inputs")
    args = parser.parse_args()
    load_seconds = gazetteer_load_seconds()
    parts = {"in-sample": load_parts(*IN_SAMPLE), "heldout": load_parts(HELD_OUT)}
    if args.part != "all":
        parts = {args.part: parts[args.part]}
    reports = {name: (evaluate(annotator(docs, learn=not args.alone), docs), docs) for name, docs in parts.items()}
    if len(reports) > 1:
        whole = [doc for docs in parts.values() for doc in docs]
        reports["whole"] = (evaluate(annotator(whole, learn=not args.alone), whole), whole)
    print_table(reports)
    if args.errors and "in-sample" in reports:
        print_errors(reports["in-sample"][0])
    article = article_of(parts.get("in-sample") or next(iter(parts.values())))
    print(f"speed       gazetteer load {load_seconds * 1000:.0f} ms; {len(article):,} chars annotated in "
          f"{median_ms(article, args.runs):.2f} ms median over {args.runs} runs (target <= 10 ms)")
    if not args.no_adversarial:
        for name, text in adversarial_cases():
            started = time.perf_counter()
            annotate(text)
            print(f"adversarial {name}: {time.perf_counter() - started:.2f} s")
    if KIND.exists():
        kind = kind_persons(KIND)
        print(f"KIND-WN     persons P {kind.precision:.3f} R {kind.recall:.3f} F1 {kind.f1:.3f}  (general news)")
    else:
        print(f"KIND-WN     skipped: {KIND} not found")


if __name__ == "__main__":
    main()
