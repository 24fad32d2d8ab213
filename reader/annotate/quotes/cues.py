"""The cues around a quoted span that tell speech from a label, a title or a banner, compiled on first use."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from reader.annotate.speech import alternatives, speech_words

_SOFT = r"[^\S\n]"


class QuoteCues(NamedTuple):
    after: re.Pattern[str]  # «…», ha detto X / «…», così X / «…» le parole di X
    pointed: re.Pattern[str]  # «…». Parola di X / «…». Tutto fuorché rassegnato, ecco X / «…». Il messaggio di X
    before: re.Pattern[str]  # X ha detto: «…» / ha spiegato, «…» / ha detto che «…»
    forgotten_close: re.Pattern[str]  # ", ha ammesso Sarri" inside an unclosed quote
    work_before: re.Pattern[str]  # il libro "…"
    work_clause: re.Pattern[str]  # il titolo del libro: «…»
    banner_before: re.Pattern[str]  # lo striscione «…»
    banner_clause: re.Pattern[str]  # lo striscione della Curva: «…»
    dashed: re.Pattern[str]  # "… - ha detto in conferenza - …": an attribution inside a quote


@cache
def quote_cues() -> QuoteCues:
    words = speech_words()
    verb = words.verb.pattern
    saying = alternatives(v for v in words.words["verb"] if v not in words.words["label"])
    work, banner = words.work.pattern, words.banner.pattern
    return QuoteCues(
        re.compile(rf"{_SOFT}*[,;—–-]?{_SOFT}*(?:(?:così|le parole di|parola di)\b|(?:[\w’']+{_SOFT}+){{0,2}}?"
                   + verb + ")", re.IGNORECASE),
        re.compile(rf"{_SOFT}*[.!?:]{_SOFT}+[^.!?\n]{{0,40}}?(?:\b(?:{alternatives(words.words['pointer'])})\b|"
                   rf"\b(?:il|lo|la|le|l[’']){_SOFT}*(?:{alternatives(words.words['noun'])}){_SOFT}+(?:di|del|della)\b)",
                   re.IGNORECASE),
        re.compile(rf"(?::|\b(?:{saying})\b{_SOFT}*,?|\b(?:{saying})\b(?:{_SOFT}+[\w’']+){{0,3}}?{_SOFT}+che)"
                   rf"{_SOFT}*$", re.IGNORECASE),
        re.compile(rf",{_SOFT}+(?i:(?:ha|hanno){_SOFT}+(?:poi{_SOFT}+|quindi{_SOFT}+|anche{_SOFT}+)?"
                   + verb + rf"|così){_SOFT}+(?:[A-ZÀ-Þ]|(?:il|lo|la|l[’']){_SOFT}*[a-zà-ÿ])"),
        re.compile(work + rf"{_SOFT}+(?:\w+{_SOFT}+)?$", re.IGNORECASE),
        re.compile(work + r"[^.!?«»“”\"\n]*:[^\S\n]*$", re.IGNORECASE),
        re.compile(banner + rf"{_SOFT}+(?:\w+{_SOFT}+)?$", re.IGNORECASE),
        re.compile(banner + r"[^.!?«»“”\"\n]*:[^\S\n]*$", re.IGNORECASE),
        re.compile(rf"{_SOFT}+[-–—]{_SOFT}+(?P<attr>[^-–—«»“”\"\n.!?]{{2,80}}?){_SOFT}*[-–—](?=[\s,.;:])"),
    )
