"""The pure rendering layer: paragraphs with spans, find, previews, and no UI import below the UI."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.store import Preview
from reader.text import render

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parent.parent


def preview(**changes: object) -> Preview:
    base = dict(id=1, feed="Gazzetta", title="Inter-Milan 2-1", link="http://x/a", published=NOW - timedelta(hours=2),
                read=False, starred=False, lead="Prima riga.\nSeconda riga.", categories=())
    base.update(changes)
    return Preview(**base)  # type: ignore[arg-type]


def test_paragraphs_carry_the_spans_that_fall_in_them() -> None:
    text = "Primo «citato» qui.\n\nSecondo con Lautaro Martínez."
    spans = [render.StyledSpan(6, 14, "quote"), render.StyledSpan(33, 49, "player")]
    first, second = render.render_paragraphs(text, spans)
    assert first.text.plain == "Primo «citato» qui." and (first.start, first.end) == (0, 19)
    assert [(s.start, s.end) for s in first.text.spans] == [(6, 14)]
    assert second.text.plain == "Secondo con Lautaro Martínez."
    assert [(s.start, s.end) for s in second.text.spans] == [(12, 28)]


def test_a_span_across_paragraphs_is_cut_at_each_boundary() -> None:
    text = "«Inizio\n\nfine»"
    first, second = render.render_paragraphs(text, [render.StyledSpan(0, len(text), "quote")])
    assert [(s.start, s.end) for s in first.text.spans] == [(0, 7)]
    assert [(s.start, s.end) for s in second.text.spans] == [(0, 5)]


def test_speaker_notes_are_inserted_after_the_quote() -> None:
    (paragraph,) = render.render_paragraphs("«Vinciamo» e basta.", [render.StyledSpan(0, 10, "quote")],
                                            notes=[(10, "Cristian Chivu")])
    assert paragraph.text.plain == "«Vinciamo» — Cristian Chivu e basta."


def test_control_characters_never_reach_the_text_and_offsets_hold() -> None:
    text = "a\x1b[31mb [bold]c[/bold]"
    (paragraph,) = render.render_paragraphs(text, [render.StyledSpan(len(text) - 14, len(text), "team")])
    assert "\x1b" not in paragraph.text.plain
    assert "[bold]c[/bold]" in paragraph.text.plain  # markup is just text
    assert len(paragraph.text.plain) == len(text)


def test_find_folds_case_and_accents() -> None:
    spans = render.find_spans("Perché? PERCHE, perche.", "perche")
    assert [(s.start, s.end) for s in spans] == [(0, 6), (8, 14), (16, 22)]
    assert render.find_spans("testo", "  ") == []


def test_find_folds_letters_as_users_type_them_and_keeps_offsets_of_the_text() -> None:
    # ø, ß and the like do not decompose; ß folds to two letters and the spans after it stay right.
    text = "Lo Straße-Stadion del Bodø: Bodo/Glimt, BODØ"
    assert [text[s.start:s.end] for s in render.find_spans(text, "bodo")] == ["Bodø", "Bodo", "BODØ"]
    assert [text[s.start:s.end] for s in render.find_spans(text, "strasse")] == ["Straße"]
    assert [text[s.start:s.end] for s in render.find_spans(text, "BODØ")] == ["Bodø", "Bodo", "BODØ"]


def test_relative_times_and_day_headings_in_italian() -> None:
    assert render.when(NOW - timedelta(seconds=30), NOW) == "ora"
    assert render.when(NOW - timedelta(minutes=12), NOW) == "12 min"
    assert render.when(NOW - timedelta(hours=3), NOW) == "3 h"
    assert render.day_heading(NOW, NOW) == "Oggi"
    assert render.day_heading(NOW - timedelta(days=1), NOW) == "Ieri"
    assert render.day_heading(datetime(2026, 11, 17, 12, tzinfo=UTC), NOW) == "martedì 17 novembre"


def test_a_preview_has_title_meta_and_lead_lines() -> None:
    title, meta, lead = render.preview_lines(preview(), NOW, badge="pagelle", match="Inter–Milan 2-1")
    assert title.plain == "● Inter-Milan 2-1"
    assert "Gazzetta · 2 h · Inter–Milan 2-1" in meta.plain and " pagelle " in meta.plain
    assert lead.plain.strip() == "Prima riga."
    starred, _, _ = render.preview_lines(preview(starred=True, read=True), NOW)
    assert starred.plain.startswith("★ ")


def test_search_marks_are_styled() -> None:
    title, _, _ = render.preview_lines(preview(), NOW, title_marks=((0, 5),))
    assert any(span.start == 2 and span.end == 7 for span in title.spans)  # after the 2-cell mark


def test_no_layer_below_the_ui_imports_textual() -> None:
    """The pure layers load without Textual, and importing the annotator loads no gazetteer."""
    layers = ["reader.settings.config", "reader.feeds.fetch", "reader.feeds.parse", "reader.store",
              "reader.article.extract", "reader.text.render", "reader.feeds.refresh", "reader.article.loader",
              "reader.annotate", "reader.cli.main", "reader.cli.console", "reader.settings.keymap"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in layers)
            + "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"


def test_nothing_heavy_is_imported_before_the_first_paint(tmp_path: Path) -> None:
    """Start the real app headless on an empty cache; at its first paint no heavy module is loaded."""
    code = f"""
import sys
from pathlib import Path
from reader.settings.config import Config
from reader.ui.app import SportReaderApp
from reader.ui.widgets.previews import PreviewList

HEAVY = ("feedparser", "trafilatura", "ahocorasick", "reader.annotate.names", "reader.annotate.gazetteer",
         "httpx", "reader.feeds.fetch")
seen = []
original = PreviewList.set_rows
def set_rows(self, rows, *, keep=None):
    original(self, rows, keep=keep)
    def painted():
        seen.extend(m for m in HEAVY if m in sys.modules)
        self.app.exit()
    self.call_after_refresh(painted)
PreviewList.set_rows = set_rows
SportReaderApp(Config(path=Path("x.toml"), origin="test"), Path({str(tmp_path)!r}),
               refresh_on_start=False).run(headless=True)
print("HEAVY:" + ",".join(seen))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("HEAVY:"), done.stdout


def test_a_speaker_is_noted_once_after_a_run_of_his_quotes() -> None:
    quotes = [(0, 5, "Chivu"), (10, 15, "Chivu"), (20, 25, None), (30, 35, "Barella"), (40, 45, "Chivu")]
    assert render.speaker_notes(quotes) == [(15, "Chivu"), (35, "Barella"), (45, "Chivu")]


def test_count_uses_the_italian_singular_only_for_one() -> None:
    assert render.count(1, "articolo", "articoli") == "1 articolo"
    assert render.count(0, "articolo", "articoli") == "0 articoli"
    assert render.count(21, "risultato", "risultati") == "21 risultati"


def test_an_unread_title_is_bold_a_read_one_plain_and_the_marks_keep_their_own_colour() -> None:
    unread, _, _ = render.preview_lines(preview(), NOW)
    read, _, _ = render.preview_lines(preview(read=True), NOW)
    starred, _, _ = render.preview_lines(preview(starred=True, read=True), NOW)
    assert str(unread.style) == "" and str(read.style) == ""  # no style runs over the whole title
    assert [(s.start, s.end, str(s.style)) for s in unread.spans] == [(0, 2, render.UNREAD_STYLE), (2, 17, "bold")]
    assert all("bold" not in str(s.style) for s in read.spans)
    assert [(s.start, s.end, str(s.style)) for s in starred.spans] == [(0, 2, render.STAR_STYLE)]


def test_given_a_width_the_source_gives_way_so_the_match_and_badge_stay_whole() -> None:
    long = preview(feed="Il Gazzettino del Pallone di tutti i giorni")
    _, meta, _ = render.preview_lines(long, NOW, badge="anteprima", match="Inter–Kairat Almaty", width=50)
    assert len(meta) <= 50 and meta.plain.endswith("Inter–Kairat Almaty  anteprima ") and "Il Gazz" in meta.plain
    _, tight, _ = render.preview_lines(long, NOW, badge="anteprima", match="Inter–Kairat Almaty", width=42)
    assert "Gazzettino" not in tight.plain and tight.plain.endswith("Inter–Kairat Almaty  anteprima ")


def test_a_ratings_mark_is_highlighted_in_its_own_style_beside_the_player() -> None:
    from reader.annotate import annotate
    from reader.settings.appearance import HIGHLIGHT_LABELS, HIGHLIGHT_STYLES
    from reader.text.render import annotation_spans, render_paragraphs

    text = "Yildiz 7,5. Il migliore. Vlahovic 7: il gol. Locatelli 6. Ordinato."
    annotation = annotate(text)
    spans = annotation_spans(annotation.quotes, annotation.entities, annotation.marks)
    assert [(text[s.start:s.end], s.role) for s in spans if s.role == "mark"] == [("7,5", "mark"), ("7", "mark"),
                                                                                 ("6", "mark")]
    assert ("Yildiz", "player") in [(text[s.start:s.end], s.role) for s in spans]
    (paragraph,) = render_paragraphs(text, spans)
    styles = {str(paragraph.text)[span.start:span.end]: str(span.style) for span in paragraph.text.spans}
    assert styles["7,5"] == HIGHLIGHT_STYLES["mark"] != styles["Yildiz"]
    assert "mark" in HIGHLIGHT_LABELS
