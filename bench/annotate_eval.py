"""The annotator against its gold corpus, and its speed.

    python bench/annotate_eval.py [--runs 50] [--errors]

Prints precision, recall and F1 for quotes (per character), persons and teams (exact spans) on
tests/annotate/corpus, the accuracy of speakers, matches and kinds, then the gazetteer's load time and the
median time to annotate a 5,000-character article. When ../shared/corpora/italian-ner is present, also
person names (exact spans) on the KIND Wikinews test set: general news, evaluation only. Targets: quotes
F1 >= 0.95, persons >= 0.92, teams >= 0.90, 5,000 characters in <= 10 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from reader.annotate import annotate  # noqa: E402
from tests.annotate.corpus.gold import Document, Report, Score, evaluate, load  # noqa: E402

KIND = ROOT.parent / "shared" / "corpora" / "italian-ner" / "kind-wikinews" / "WN_test.tsv"
TARGETS = {"quotes": 0.95, "persons": 0.92, "teams": 0.90}
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


def line(name: str, score: Score, target: float | None = None) -> str:
    verdict = "" if target is None else ("  ok" if score.f1 >= target else f"  BELOW {target:.2f}")
    return (f"{name:<9} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}"
            f"  (tp {score.tp}, fp {score.fp}, fn {score.fn}){verdict}")


def print_report(report: Report, documents: list[Document], errors: bool) -> None:
    paragraphs = sum(len(d.paragraphs()) for d in documents)
    print(f"corpus: {len(documents)} documents, {paragraphs} paragraphs")
    for name in ("quotes", "persons", "teams"):
        print(line(name, getattr(report, name), TARGETS[name]))
    wrong_speakers = [s for s in report.speakers if Report.accuracy([s]) < 1]
    print(f"speakers  {Report.accuracy(report.speakers):.3f} of {len(report.speakers)} gold quotes")
    print(f"matches   {Report.accuracy(report.matches):.3f} of {len(report.matches)} documents")
    print(f"kinds     {Report.accuracy(report.kinds):.3f} of {len(report.kinds)} documents")
    if not errors:
        return
    for name in ("quote_spans", "persons", "teams"):
        score: Score = getattr(report, name)
        for label, items in (("missed", score.missed), ("false", score.false)):
            for item in items:
                print(f"  {name} {label}: {item}")
    for label, gold, found in [*wrong_speakers, *(m for m in report.matches if Report.accuracy([m]) < 1),
                               *(k for k in report.kinds if Report.accuracy([k]) < 1)]:
        print(f"  {label}: gold {gold!r}, found {found!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50, help="timed runs of the 5,000-character article")
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive")
    args = parser.parse_args()
    load_seconds = gazetteer_load_seconds()
    documents = load()
    print_report(evaluate(annotate, documents), documents, args.errors)
    article = article_of(documents)
    print(f"speed     gazetteer load {load_seconds * 1000:.0f} ms; {len(article):,} chars annotated in "
          f"{median_ms(article, args.runs):.2f} ms median over {args.runs} runs (target <= 10 ms)")
    if KIND.exists():
        print(line("KIND-WN", kind_persons(KIND)) + "  persons on general news (KIND Wikinews test)")
    else:
        print(f"KIND-WN   skipped: {KIND} not found")


if __name__ == "__main__":
    main()
