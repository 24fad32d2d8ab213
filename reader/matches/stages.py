"""The stages of a match's coverage, in match order, and the stage of an article.

vigilia (the eve, the press conferences) -> probabili formazioni -> anteprima -> cronaca / risultato ->
pagelle -> interviste post-partita -> moviola -> commenti. An article's stage comes from its kind, words of
its title and which side of the kick-off it was published; an article of a kind this module does not know
(the annotator may learn new ones) is placed like one of no kind: by its title's words, then by its time.
The title's words are read once, with the article (`title_cue`, `effective_kind`); the rest needs no text.
"""

from __future__ import annotations

import re
from typing import Literal

from reader.text.messages import N_, _

Stage = Literal["vigilia", "formazioni", "anteprima", "cronaca", "pagelle", "interviste", "moviola", "commenti"]
STAGES: tuple[Stage, ...] = ("vigilia", "formazioni", "anteprima", "cronaca", "pagelle", "interviste", "moviola",
                             "commenti")
STAGE_NAMES: dict[Stage, str] = {
    "vigilia": N_("eve of the match"), "formazioni": N_("probable line-ups"), "anteprima": N_("preview"),
    "cronaca": N_("match report"), "pagelle": N_("player ratings"), "interviste": N_("post-match interviews"),
    "moviola": N_("refereeing"), "commenti": N_("comment"),
}
# When an article of a kind may be published, against the kick-off: before it, after it, or either.
Phase = Literal["pre", "post", "either"]
PHASES: dict[str, Phase] = {"anteprima": "pre", "cronaca": "post", "pagelle": "post", "intervista": "either",
                            "conferenza": "either", "rassegna": "either", "altro": "either"}
# Kinds that are never about one match.
UNMATCHED_KINDS = frozenset({"mercato"})

# Words of a title that tell the stage whatever the kind, first match wins.
_CUE_WORDS: tuple[tuple[Stage, Phase, str], ...] = (
    ("moviola", "post", r"\bmoviola\b"),
    ("formazioni", "pre", r"\bprobabil[ei] formazion[ei]\b|\bformazion[ei] ufficial[ei]\b|\bconvocati\b"),
    ("interviste", "post", r"\bpost[- ]?partita\b|\bdopogara\b|\bdopo (?:la|il) (?:gara|match|partita|derby)\b"
                           r"|\ba fine (?:gara|partita)\b|\bal termine\b|\bdopo [A-Z]\w+\s*[-–]\s*[A-Z]"),
    # After the interviews: a coach speaking of "l'arbitro" after the match is an interview.
    ("moviola", "post", r"\bl[’']arbitro\b|\bvar\b|\bgli episodi\b|\bdirezione arbitrale\b"),
    ("commenti", "post", r"\bcommento\b|\beditoriale\b|\bl[’']analisi\b|\bprime pagine\b|\brassegna\b"
                         r"|\bgiudizio\b"),
    ("vigilia", "pre", r"\bvigilia\b|\bpre[- ]?partita\b"),
)
# A title about a round, a table or a draw is about no one match, whatever teams its lead names (unless the
# title itself names a fixture: "13ª giornata: Inter-Genoa 2-0").
_ROUNDUP = re.compile(r"\bclassific[ah]e?\b|\bprogramma\b|\bgiornata\b|\bturno\b|\bsorteggi[oi]\b"
                      r"|\bil punto sull[ae]\b|\brisultati\b|\bcalendario\b|\bverdetti\b|\ble italiane\b"
                      r"|\bla notte (?:di|della|europea)\b|\bserata europea\b", re.IGNORECASE)
_TITLE_CUES = tuple((stage, phase, re.compile(pattern, re.IGNORECASE)) for stage, phase, pattern in _CUE_WORDS)
_CUE_PHASES: dict[str | None, Phase] = {stage: phase for stage, phase, _ in _CUE_WORDS}

_CONFERENCE = re.compile(r"\bconferenza\b", re.IGNORECASE)
_IN_CONFERENCE = re.compile(r"\bin conferenza\b|\bconferenza stampa\b|\bsala stampa\b", re.IGNORECASE)


def stage_name(stage: str) -> str:
    """The words shown for a stage ('pagelle' -> 'player ratings' / 'pagelle')."""
    return _(STAGE_NAMES[stage]) if stage in STAGE_NAMES else stage


def effective_kind(kind: str, title: str, lead: str = "") -> str:
    """The kind, with an interview the title or lead calls a press conference taken as one (a pre- or
    post-match event, where an interview may be given any day)."""
    return "conferenza" if kind == "intervista" and (_CONFERENCE.search(title) or _IN_CONFERENCE.search(lead)) \
        else kind


def is_roundup(title: str) -> bool:
    """Whether a title is about a round, a table or a draw rather than one match."""
    return _ROUNDUP.search(title) is not None


def title_cue(title: str) -> Stage | None:
    """The stage the title's words tell, if they tell one."""
    cue = _cue(title)
    return cue[0] if cue else None


def phase_of(kind: str, cue: str | None) -> Phase | None:
    """When an article of this kind (and title cue) is published against the kick-off; None: never about a
    match."""
    if kind in UNMATCHED_KINDS:
        return None
    if cue in _CUE_PHASES and kind not in ("cronaca", "pagelle"):
        return _CUE_PHASES[cue]
    return PHASES.get(kind, "either")


def stage_of(kind: str, cue: str | None, after_kickoff: bool) -> Stage:
    """The stage of a joined article, from its kind, its title's cue and its side of the kick-off."""
    if kind == "pagelle":
        return "pagelle"
    if cue in _CUE_PHASES and (_CUE_PHASES[cue] == "post") == after_kickoff:
        return cue  # type: ignore[return-value]
    if kind == "cronaca":
        return "cronaca" if after_kickoff else "anteprima"
    if kind == "anteprima":
        return "anteprima"
    if kind in ("intervista", "conferenza"):
        return "interviste" if after_kickoff else "vigilia"
    return "commenti" if after_kickoff else "anteprima"


def stage_rank(stage: str) -> int:
    """The position of a stage in match order (an unknown one last)."""
    return STAGES.index(stage) if stage in STAGES else len(STAGES)


def _cue(title: str) -> tuple[Stage, Phase] | None:
    for stage, phase, pattern in _TITLE_CUES:
        if pattern.search(title):
            return stage, phase
    return None
