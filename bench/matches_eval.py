"""The match centre on its labelled sets: articles joined to matches, stories merged, and what went wrong.

    python bench/matches_eval.py [--timelines]

Prints precision and recall of article -> match and of story merges on tests/matches/labelled/set.toml
(targets: >= 0.95 each, and no two matches merged), then on heldout.toml (written after the rules were
settled on the first set: how far they carry), each wrong or missed pair, and with --timelines every
match's timeline as the match centre builds it. Exits 1 when the first set misses a target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.matches.labelled.evaluate import HELD_OUT_FILE, SET_FILE, Report, Score, evaluate  # noqa: E402

TARGET = 0.95


def line(name: str, score: Score) -> str:
    flag = "ok" if min(score.precision, score.recall) >= TARGET else "BELOW TARGET"
    return (f"{name:<16} precision {score.precision:.3f}  recall {score.recall:.3f}  "
            f"({score.right} right of {score.predicted} predicted, {score.gold} gold)  {flag}")


def show(report: Report, timelines: bool) -> None:
    print(f"{report.articles} articles, {report.matches} matches found")
    print(line("article -> match", report.joined))
    print(line("story merges", report.stories))
    print(f"matches merged   {len(report.merged)}" + ("" if not report.merged else ": " + "; ".join(report.merged)))
    for title, items in (("wrong joins", report.joined.wrong), ("missed joins", report.joined.missed),
                         ("wrong merges", report.stories.wrong), ("missed merges", report.stories.missed)):
        for item in items:
            print(f"  {title}: {item}")
    if timelines:
        for view in report.views:
            print(f"\n{view.key}  {view.competition or '-'}  {view.score_text() or ''}")
            for story in view.stories:
                also = f"  (anche su: {', '.join(story.also_in)})" if story.also_in else ""
                print(f"  {story.stage:<11} {story.entry.feed:<21} {story.entry.title[:70]}{also}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timelines", action="store_true", help="print every match's timeline")
    args = parser.parse_args()
    reports = []
    for path in (SET_FILE, HELD_OUT_FILE):
        with tempfile.TemporaryDirectory() as directory:
            reports.append(evaluate(Path(directory), path))
        print(f"\n{path.name}:" if path != SET_FILE else f"{path.name}:")
        show(reports[-1], args.timelines)
    report = reports[0]
    ok = not report.merged and min(report.joined.precision, report.joined.recall, report.stories.precision,
                                   report.stories.recall) >= TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
