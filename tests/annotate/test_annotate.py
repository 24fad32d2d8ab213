"""annotate() end to end with the real gazetteer, its import cost, `sportreader annotate`, and properties."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.annotate import annotate
from reader.annotate.model import ARTICLE_KINDS, Annotation, Match
from reader.cli.main import main
from reader.settings.config import NameSpec

ARTICLE = """Inter-Kairat Almaty, la vigilia: Chivu ritrova Thuram, le probabili formazioni

Domani sera a San Siro l'Inter ospita il Kairat Almaty. Cristian Chivu recupera Marcus Thuram.

In conferenza stampa Chivu ha detto: «Il Kairat non è una gita. Lautaro? È il nostro capitano».
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def spans_of(annotation: Annotation, text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"quote": [text[q.start:q.end] for q in annotation.quotes]}
    for e in annotation.entities:
        found.setdefault(e.kind, []).append(text[e.start:e.end])
    return found


def test_an_article_gets_its_quotes_speakers_names_match_and_kind() -> None:
    annotation = annotate(ARTICLE)
    found = spans_of(annotation, ARTICLE)
    assert found["quote"] == ["«Il Kairat non è una gita. Lautaro? È il nostro capitano»"]
    assert annotation.quotes[0].speaker == "Cristian Chivu"
    assert "Inter" in found["team"] and "Kairat Almaty" in found["team"]
    assert "Lautaro" in found["player"]  # inside the quote, listed too
    assert "Chivu" in found["coach"]
    assert annotation.match == Match("Inter", "Kairat Almaty")
    assert annotation.kind == "anteprima"


def test_a_given_title_decides_the_match_and_kind_and_offsets_stay_in_the_text() -> None:
    text = "Yildiz 7,5: il migliore in campo. Vlahovic 7, decisivo."
    annotation = annotate(text, title="Juventus-Torino 2-1, le pagelle")
    assert annotation.match == Match("Juventus", "Torino", "2-1")
    assert annotation.kind == "pagelle"
    assert all(0 <= e.start < e.end <= len(text) for e in annotation.entities)


def test_the_users_names_are_found() -> None:
    text = "Gol di Pinco Pallino al novantesimo."
    annotation = annotate(text, extra_names={"Pinco Pallino": NameSpec(kind="player")})
    assert [(e.text, e.kind) for e in annotation.entities] == [("Pinco Pallino", "player")]


def test_importing_the_annotator_does_not_load_the_gazetteer() -> None:
    code = ("import sys, reader.annotate; "
            "print(sorted(m for m in sys.modules if m in ('reader.annotate.names', 'reader.annotate.gazetteer', "
            "'ahocorasick', 'reader.settings.config', 'rich')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_cli_json_is_one_object_with_offsets_into_the_raw_input(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    text = "Titolo breve\r\n\r\nLautaro ha detto: «Siamo pronti, l'Inter c'è».\r\n"
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    code, out, _ = run(["annotate", str(path), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"quotes", "entities", "match", "kind", "marks"}
    (quote,) = data["quotes"]
    assert text[quote["start"]:quote["end"]] == "«Siamo pronti, l'Inter c'è»"
    assert set(quote) == {"start", "end", "speaker"}
    for entity in data["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
        assert set(entity) == {"start", "end", "text", "kind", "canonical"}
    assert {e["text"] for e in data["entities"]} >= {"Lautaro", "Inter"}
    assert data["match"] is None and data["kind"] in ("intervista", "altro")


def test_cli_reads_stdin_for_a_dash_or_no_path(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["annotate", "-", "--json"], ["annotate", "--json"]):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
        code, out, _ = run(args, capsys)
        assert code == 0 and json.loads(out)["match"] == {"home": "Inter", "away": "Kairat Almaty", "score": None}


def test_cli_shows_the_text_highlighted_and_terminal_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE + "\n\nUn titolo [bold]finto[/bold] e \x1b[31mrosso\x1b[0m.\n", encoding="utf-8")
    code, out, _ = run(["annotate", str(path)], capsys)
    assert code == 0
    assert "partita: Inter–Kairat Almaty" in out and "anteprima" in out
    assert "«Il Kairat non è una gita." in out and "Cristian Chivu" in out
    assert "[bold]finto[/bold]" in out  # shown as text, never read as markup
    assert "\x1b[31m" not in out


@pytest.mark.parametrize(("content", "message"), [
    (None, "impossibile leggere"),
    (b"Lautaro \xe8 forte", "non è testo UTF-8 (byte 8)"),
])
def test_cli_errors_are_clear_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         content: bytes | None, message: str) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(["annotate", str(path)], capsys)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_cli_says_when_stdin_is_not_utf8(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe")))
    code, _, err = run(["annotate", "--json"], capsys)
    assert code == 2 and "lo standard input non è testo UTF-8" in err


PIECES = ["Inter", "Lautaro", "Chivu", "Kairat Almaty", "Juve", "ha detto", "così", ": ", ", ", ". ", "-", " ",
          "\n\n", "\n", "«", "»", "“", "”", '"', "‘", "’", "'", "l'", "po'", "78'", "2-1", " vs ", "È", "ğ", "\x00"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join),
       st.one_of(st.none(), st.text(max_size=40)))
def test_annotate_never_raises_and_its_spans_lie_in_the_text_without_overlap(text: str, title: str | None) -> None:
    annotation = annotate(text, title=title)
    quotes = sorted((q.start, q.end) for q in annotation.quotes)
    entities = sorted((e.start, e.end) for e in annotation.entities)
    for start, end in quotes + entities:
        assert 0 <= start < end <= len(text)
    assert all(a[1] <= b[0] for a, b in pairwise(entities))
    # quotes lie apart, or one inside another (a newspaper's passage quoting someone)
    assert all(a[1] <= b[0] or (a[0] <= b[0] and b[1] <= a[1]) for a, b in pairwise(quotes))
    assert all(e.text == text[e.start:e.end] for e in annotation.entities)
    assert annotation.kind in ARTICLE_KINDS
