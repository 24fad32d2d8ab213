"""The annotate command: a text's quotes, speakers, players, coaches and teams, styled or as JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.context import EXIT_OK, EXIT_USAGE, Context
from reader.text.messages import _

if TYPE_CHECKING:
    from rich.console import Group

    from reader.annotate.model import Annotation


def cmd_annotate(ctx: Context) -> int:
    from reader.annotate import annotate

    try:
        text = _read_text(ctx.args.path)
    except ValueError as exc:
        ctx.err.print(f"sportreader: {exc}", markup=False, style="red", soft_wrap=True)
        return EXIT_USAGE
    config = ctx.user_config()
    if ctx.args.json:
        annotation = annotate(text, extra_names=config.names)
        sys.stdout.write(json.dumps(annotation.to_json(), ensure_ascii=False) + "\n")
        return EXIT_OK
    shown = text.replace("\r\n", "\n")  # offsets matter only for --json, which keeps the raw text
    ctx.out.print(_annotated(shown, annotate(shown, extra_names=config.names), config.highlight))
    return EXIT_OK


def _read_text(path: str) -> str:
    """The text to annotate: a file, or stdin for '-'; strictly UTF-8."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(_("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = _("the standard input") if path == "-" else path
        raise ValueError(_("{path} is not UTF-8 text (byte {n})").format(path=where, n=exc.start)) from None


def _annotated(text: str, annotation: Annotation, styles: Mapping[str, str]) -> Group:
    """The match and kind, then the paragraphs with quotes and names styled and each speaker noted."""
    from rich.console import Group
    from rich.text import Text

    from reader.text.kinds import kind_label
    from reader.text.render import annotation_spans, render_paragraphs, speaker_notes

    spans = annotation_spans(annotation.quotes, annotation.entities, annotation.marks)
    notes = speaker_notes([(q.start, q.end, q.speaker) for q in annotation.quotes])
    head = Text.assemble((_("match: "), "dim"), (annotation.match.label() if annotation.match else "—", "bold"),
                         ("  " + _("kind: "), "dim"), (kind_label(annotation.kind), "bold"))
    parts = [head]
    for paragraph in render_paragraphs(text, spans, styles, notes):
        parts.extend([Text(""), paragraph.text])
    return Group(*parts)


