"""Untrusted text: nothing that drives a terminal survives, text and markup stay literal."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.text.htmltext import html_to_text
from reader.text.sanitize import clean_line, clean_paragraphs, clean_text, safe_link


def test_escape_sequences_are_removed_whole() -> None:
    dirty = "Gol\x1b[2J\x1b[31m di Lautaro\x1b]8;;http://evil/\x07qui\x1b]8;;\x07\x1b]52;c;Y3VybA==\x07!"
    assert clean_text(dirty) == "Gol di Lautaroqui!"


def test_c1_controls_and_bidi_overrides_are_removed() -> None:
    # 8-bit CSI goes with its parameters; a lone C1 byte is read as the Windows-1252 character it was.
    assert clean_text("2\u202e-1\u202c \x9b31m ok\x85\x81") == "2-1  ok…"


def test_utf8_read_as_windows_1252_is_repaired() -> None:
    broken = "PerchÃ© la cittÃ\xa0 Ã¨ piÃ¹ forte: lâ€™attesa Â«SÃ¬Â» â‚¬5"
    assert clean_text(broken) == "Perché la città è più forte: l’attesa «Sì» €5"


def test_windows_1252_read_as_latin1_is_repaired() -> None:
    assert clean_text("\x93Rigore netto\x94 \x96 Moviola\x85 \x805") == "“Rigore netto” – Moviola… €5"


def test_correct_text_is_never_changed_by_the_repair() -> None:
    for text in ("Perché la città è più forte", "Çalhanoğlu già in gol", "ÀÉ Â", "Müller, Ødegaard, Ñíguez"):
        assert clean_text(text) == text


def test_zero_width_characters_inside_a_name_are_removed() -> None:
    assert clean_text("Lau\u200btaro Mar\u200dtínez") == "Lautaro Martínez"


def test_markup_is_left_literal() -> None:
    assert clean_text("[bold]Inter[/bold] [@click=app.quit]x[/]") == "[bold]Inter[/bold] [@click=app.quit]x[/]"


def test_clean_line_folds_whitespace_and_cuts_long_text() -> None:
    assert clean_line("a\n\n b\tc", 100) == "a b c"
    cut = clean_line("x" * 5000, 100)
    assert len(cut) == 100 and cut.endswith("…")


def test_only_http_links_are_kept() -> None:
    assert safe_link("https://www.gazzetta.it/a.shtml") == "https://www.gazzetta.it/a.shtml"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "http://a.it/\x1b[2J", "/rel"):
        assert safe_link(bad) == ""


def test_html_becomes_paragraphs_without_scripts() -> None:
    html = "<p>Primo &egrave; <b>bello</b></p><script>alert(1)</script><style>p{}</style><p>Secondo<br>rigo</p>"
    assert html_to_text(html) == "Primo è bello\n\nSecondo\nrigo"


def test_escapes_hidden_as_html_entities_are_removed_after_decoding() -> None:
    # &#27; is ESC, and its sequence goes whole (html.unescape alone drops the ESC and shows "[2J");
    # &#x9b; is decoded the HTML way, as the Windows-1252 character '›', not as 8-bit CSI.
    assert html_to_text("<p>a&#27;[2Jb&#x9b;c&#x85;</p>") == "ab›c…"
    assert html_to_text("<p>x&#x1B;]52;c;Y3VybA==&#7;y &#027;[31mROSSO&#27;[0m</p>") == "xy ROSSO"


def test_deeply_nested_html_is_handled_without_recursion() -> None:
    assert html_to_text("<div>" * 20000 + "fondo" + "</div>" * 20000) == "fondo"


@given(st.text())
def test_no_control_character_survives(text: str) -> None:
    cleaned = clean_text(text)
    assert not any(ord(c) < 32 and c != "\n" for c in cleaned)
    assert not any(0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert "\x1b" not in clean_line(text)


def test_paragraphs_split_at_blank_lines_and_fold_spaces() -> None:
    text = "  Primo\u00a0 tempo:\t0-0 \n secondo \n\u2003\n\n  Ripresa  \u3000vivace.\n\n\n"
    assert clean_paragraphs(text) == "Primo tempo: 0-0 \n secondo\n\nRipresa vivace."
    assert clean_paragraphs("una riga sola ") == "una riga sola"
    assert clean_paragraphs(" \n\n ") == ""


_WHITESPACE = st.text(st.sampled_from(" \t\n\r\u00a0\u3000\u2003\u2028ab"), max_size=40)


@given(st.one_of(_WHITESPACE, st.text()))
def test_paragraphs_match_the_plain_definition(text: str) -> None:
    # The definition, as two whole-text regexes: runs of spaces folded, then every whitespace run with
    # two or more newlines made one blank line. clean_paragraphs computes the same, faster.
    folded = re.sub(r" [ \t\u00a0\u3000]+|[\t\u00a0\u3000][ \t\u00a0\u3000]*", " ", clean_text(text))
    assert clean_paragraphs(text) == re.sub(r"\s*\n\s*\n\s*", "\n\n", folded).strip()
